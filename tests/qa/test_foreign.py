"""The ``foreign_name`` check: a foreign person in a role in the English, another in the Korean."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.foreign import english_persons, find_foreign_swaps, looks_foreign, sounds_alike
from aligner.qa.registry import CHECKS, run_checks


def _flags(en: str, ko: str) -> list[Flag]:
    return list(find_foreign_swaps(aligned([(en, ko)]), Settings()))


# ---------------------------------------------------------------- sounds


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Davies", "데이비스"),
        ("Karadzic", "카라지치"),
        ("Bale", "베일"),
        ("Ishiba", "이시바"),
        ("Takaichi", "다카이치"),
        ("Giselle", "지젤"),
        ("Mbeki", "음베키"),
        ("Tsvangirai", "창기라이"),
        ("Peter", "피터"),
        ("Merkel", "메르켈"),
        ("Macron", "마크롱"),
        ("Blinken", "블링컨"),
        ("Christopher", "크리스토퍼"),
        ("Smith", "스미스"),
        ("Jiang", "장"),
        # Portuguese as Korean papers write it (the sports desk test, hunt38)
        ("Ruben", "후벵"),
        ("Amorim", "아모링"),
        ("Ronaldo", "호날두"),
        # Ukrainian as Korean papers write it (the world news desk test, hunt51)
        ("Terekhov", "테레호우"),
        ("Kharkiv", "하르키우"),
        ("Lavrov", "라브로프"),
    ],
)
def test_a_transcription_sounds_like_its_name(en: str, ko: str) -> None:
    assert sounds_alike(en, ko)


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Ishiba", "다카이치"),
        ("Ishiba", "정부"),  # one consonant more, and a syllable short
        ("Shigeru", "총리"),  # 시게루 has three syllables, and an s between
        ("Sanae", "중의원"),  # the ㅇ of 중 is the "ng" of English, no "n"
        ("Perino", "비난"),  # an r between vowels is not left out
        ("Saeed", "오스트"),  # one starts with a consonant, the other with a vowel
    ],
)
def test_other_words_do_not(en: str, ko: str) -> None:
    assert not sounds_alike(en, ko)


def test_a_transcription_has_a_syllable_no_sino_korean_word_has() -> None:
    assert [looks_foreign(w) for w in ("다카이치", "사나에", "일본", "신임", "국무")] == [
        True,
        True,
        False,
        False,
        False,
    ]


# ---------------------------------------------------------------- the English


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Japanese Prime Minister Shigeru Ishiba said so.", "Shigeru Ishiba"),
        ("U.S. Secretary of State Condoleezza Rice met him.", "Condoleezza Rice"),
        ("IOC spokeswoman Giselle Davies said late Monday.", "Giselle Davies"),
        ("Zimbabwe opposition leader Morgan Tsvangirai agreed.", "Morgan Tsvangirai"),
        ("said Dr. David Acheson, the agency's director of food safety.", "David Acheson"),
    ],
)
def test_a_person_named_in_a_role(text: str, name: str) -> None:
    assert [p.text for p in english_persons(text)] == [name]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a former U.S. envoy to the United Nations said.", "United Nations"),  # a body
        ("A lawyer for Talula Does the Hula From Hawaii said.", "Talula Does"),  # "for"
        ("However, Milan vice-president Adriano Galliani said.", "However"),  # no apposition
    ],
)
def test_no_person_in_a_role_where_the_words_name_none(text: str, words: str) -> None:
    assert words not in [p.text for p in english_persons(text)]


# ---------------------------------------------------------------- pairs

SWAPPED = [
    (
        "Japanese Prime Minister Shigeru Ishiba said the government would act quickly.",
        "다카이치 사나에 일본 총리는 정부가 신속히 대응할 것이라고 말했다.",
        "Shigeru Ishiba",
        "다카이치 사나에",
    ),
    (
        '"We are pleased with the progress," IOC spokeswoman Giselle Davies said.',
        '마크 애덤스 IOC 대변인은 "진전에 만족한다"고 말했다.',
        "Giselle Davies",
        "마크 애덤스",
    ),
    (
        "U.S. Secretary of State Condoleezza Rice pressed her North Korean counterpart.",
        "힐러리 클린턴 미 국무장관이 북한 외무상을 압박했다.",
        "Condoleezza Rice",
        "힐러리 클린턴",
    ),
    (
        "Zimbabwe opposition leader Morgan Tsvangirai has been offered a vice presidency.",
        "짐바브웨의 야당 지도자인 사이먼 무가베가 부통령직을 제안받았다.",
        "Morgan Tsvangirai",
        "사이먼 무가베",
    ),
]


@pytest.mark.parametrize(("en", "ko", "name", "other"), SWAPPED)
def test_another_person_in_the_role_is_flagged(en: str, ko: str, name: str, other: str) -> None:
    doc = aligned([(en, ko)])
    [flag] = find_foreign_swaps(doc, Settings())
    assert flag.type == "named_entity"
    assert f"EN “{name}” but KO “{other}”: a different person?" in flag.message
    assert spanned(doc, flag) == [("src", name), ("tgt", other)]


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the name transcribed, whatever the order, glued to its title or with particles
        (SWAPPED[0][0], "이시바 시게루 일본 총리는 정부가 신속히 대응할 것이라고 말했다."),
        (SWAPPED[1][0], '지젤 데이비스 IOC 대변인은 "진전에 만족한다"고 말했다.'),
        (SWAPPED[2][0], "콘돌리자 라이스 미 국무장관이 북한 외무상을 압박했다."),
        (SWAPPED[3][0], "짐바브웨의 야당 지도자인 모건 창기라이가 부통령직을 제안받았다."),
        (
            "The upsurge came as Israeli Prime Minister Ehud Olmert said Israel had won.",
            "이스라엘 올메르트총리와 정부는 이스라엘이 이겼다고 밝혔다.",
        ),
        # conventional transcriptions: Turkish ğ, Portuguese rr, Mongolian kh
        (
            "Turkish President Recep Tayyip Erdogan said so.",
            "에르도안 튀르키예 대통령은 그렇게 말했다.",
        ),
        (
            "U.N. Secretary-General Antonio Guterres said so.",
            "구테흐스 유엔 사무총장은 그렇게 말했다.",
        ),
        (
            "Mongolian President Ukhnaagiin Khurelsukh said so.",
            "후렐수흐 몽골 대통령은 그렇게 말했다.",
        ),
        # the title alone, or no name at all: a choice of style
        (SWAPPED[0][0], "일본 총리는 정부가 신속히 대응할 것이라고 말했다."),
        (SWAPPED[1][0], 'IOC 대변인은 "진전에 만족한다"고 말했다.'),
        (SWAPPED[0][0], "일본 정부는 신속히 대응할 것이라고 밝혔다."),
        # a Korean name is korean_name's
        (
            "Bank of Korea Governor Rhee Chang-yong said inflation would slow.",
            "이주열 총재는 물가 상승세가 둔화될 것이라고 말했다.",
        ),
        # 대사관 is an embassy, no ambassador
        (
            "Iraqi ambassador Saeed Hasan said both sides agreed to meet again.",
            "양측이 다시 만나기로 합의했다고 주오스트리아 이라크 대사관이 밝혔다.",
        ),
    ],
)
def test_the_same_person_or_none_is_not_flagged(en: str, ko: str) -> None:
    assert _flags(en, ko) == []


def test_a_warning_by_default_disabled_or_raised_by_its_check_name() -> None:
    doc = aligned([(SWAPPED[0][0], SWAPPED[0][1])])
    # a conventional transcription the sounds do not predict may draw a false flag
    assert CHECKS["foreign_name"].severity == Severity.WARNING
    found = [f for f in run_checks(doc, Settings()) if f.subject.startswith("person")]
    assert [f.severity for f in found] == [Severity.WARNING]
    raised = run_checks(doc, Settings(severities={"foreign_name": "error"}))
    assert [f.severity for f in raised if f.subject.startswith("person")] == [Severity.ERROR]
    quiet = run_checks(doc, Settings(disabled_checks=frozenset({"foreign_name"})))
    assert not [f for f in quiet if f.subject.startswith("person")]


def test_a_korean_original_is_read_from_the_english_side() -> None:
    doc = aligned(
        [
            (
                "President Lee Jae-myung will visit Japan for a summit with Prime Minister "
                "Shigeru Ishiba.",
                "이재명 대통령은 일본을 방문해 다카이치 사나에 총리와 정상회담을 한다.",
            )
        ]
    ).with_sides_swapped()
    found = run_checks(doc, Settings(src_lang="ko", tgt_lang="en"))
    assert [f.message[:50] for f in found if f.subject.startswith("person")] == [
        "EN “Shigeru Ishiba” but KO “다카이치 사나에”: a different person?"[:50]
    ]
