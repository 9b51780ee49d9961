"""The ``untranslated`` check: copies, English left in Korean, wrong script; and what is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from pairs import aligned

import aligner.api  # noqa: F401  (registers every check, for run_checks)
from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Sentence, Severity
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from aligner.qa.untranslated import copied, find_untranslated, script_profile, wrong_script
from conftest import DATA


def _document(lang: str, texts: list[str], boilerplate: frozenset[int] = frozenset()) -> Document:
    sentences = tuple(
        Sentence(i, text, i + 1, 0, len(text), boilerplate=i in boilerplate)
        for i, text in enumerate(texts)
    )
    return Document(Path(f"doc.{lang}"), lang, sentences)


def _flags(en: str, ko: str) -> list[Flag]:
    doc = AlignedDocument(_document("en", [en]), _document("ko", [ko]), (Bead((0,), (0,), 0.9),))
    return list(find_untranslated(doc, Settings()))


# ---------------------------------------------------------------- flagged


def test_copied_source_is_flagged_as_a_copy() -> None:
    [flag] = _flags(
        "The minister met union leaders on Monday.", "The minister met union leaders on Monday."
    )
    assert (flag.type, flag.severity, flag.src, flag.tgt) == (
        "untranslated",
        Severity.ERROR,
        (0,),
        (0,),
    )
    assert "Korean line 1 is a copy of the English" in flag.message


def test_near_copy_ignoring_case_punctuation_and_numbers() -> None:
    assert copied("Prices rose 3% in May, the office said.", "prices rose 4 % in may the office")
    assert copied("The talks resume on May 3.", "The talk resume on May 3")


def test_english_sentence_in_korean_file_is_wrong_script() -> None:
    [flag] = _flags("Prices rose again.", "The minister met union leaders on Monday.")
    assert "Korean line 1 has no Hangul" in flag.message
    assert "the English says “Prices rose again.”" in flag.message


def test_korean_side_mostly_english_is_flagged() -> None:
    # scraped debris from the benchmark's source corpus
    ko = (
        "Japanese Nobel Prize laureate said Japan’s military ambition is in a serious "
        "condition.일본인 노벨상 수상작가,"
    )
    assert wrong_script(ko, "ko") == "is mostly English"
    assert _flags("Japanese Nobel Prize laureate Kenzaburo Oe expressed concern.", ko)
    # a quotation left in English with nothing of the Korean sentence around it
    quote = '"Stray Kids, everywhere all around the world!" 그들은 외친다.'
    assert wrong_script(quote, "ko") == "is mostly English"


def test_english_side_mostly_hangul_is_flagged() -> None:
    assert wrong_script("장관은 월요일 노조 지도자들을 만났다.", "en") == "is mostly Korean"
    [flag] = _flags("장관은 월요일 노조 지도자들을 만났다.", "장관은 노조 지도자들을 만났다.")
    assert "English line 1 is mostly Korean" in flag.message


def test_lone_english_line_in_the_korean_file_is_flagged() -> None:
    en = _document("en", ["Prices rose again."])
    ko = _document("ko", ["물가가 또 올랐다.", "Click here to read the full story in English."])
    doc = AlignedDocument(en, ko, (Bead((0,), (0,), 0.8), Bead((), (1,), 0.0)))
    [flag] = find_untranslated(doc, Settings())
    assert flag.tgt == (1,) and "no English counterpart" in flag.message


# ---------------------------------------------------------------- not flagged


@pytest.mark.parametrize(
    "ko",
    [
        "Kim Jong Un",  # a name
        "RFA KCNA IOC",  # acronyms
        "https://www.rfa.org/korean/news/story-2024.html",  # a link
        "2024.10.05",  # numbers only
        "North Korea ‘Worst’ In Corruption",  # a title-case headline: names, no prose words
        "미 식품의약국(Food and Drug Administration, FDA)은 성명을 냈다.",  # a gloss
        "CNN의 정치평론가인 앨런 실버레이브는 “오바마는 추진력을 얻었다”고 말했다.",
        "뉴욕 타임스는 ‘Surrender Is Not an Option’이라는 책을 소개했다.",
        # a quotation kept in English that the Korean reports with its quotative
        '멤버들은 공연마다 "Stray Kids, everywhere all around the world!"라고 외친다.',
    ],
)
def test_names_acronyms_links_numbers_and_glosses_are_not_untranslated(ko: str) -> None:
    assert wrong_script(ko, "ko") is None


def test_names_copied_on_both_sides_are_not_a_copy() -> None:
    assert not copied("Kim Jong Un", "Kim Jong Un")
    assert _flags("Kim Jong Un", "Kim Jong Un") == []
    assert _flags("2024", "2024") == []


def test_a_real_translation_is_not_a_copy() -> None:
    assert _flags("The minister met union leaders.", "장관은 노조 지도자들을 만났다.") == []


def test_boilerplate_lines_are_not_judged() -> None:
    line = "Read a version of this story in Korean"
    en = _document("en", [line], boilerplate=frozenset({0}))
    ko = _document("ko", [line], boilerplate=frozenset({0}))
    doc = AlignedDocument(en, ko, (Bead((0,), (0,), 1.0),))
    assert list(find_untranslated(doc, Settings())) == []


def test_other_languages_are_not_judged_by_script() -> None:
    assert wrong_script("The minister met union leaders.", "ja") is None


def test_script_profile_leaves_links_and_brackets_out() -> None:
    profile = script_profile("자세한 내용은 (see www.rfa.org for the full text) 참조")
    assert profile.latin == 0 and profile.common_words == ()


def test_registered_as_error() -> None:
    assert CHECKS["untranslated"].severity == Severity.ERROR


def test_a_headline_copied_in_title_case_or_capitals_is_a_copy() -> None:
    for headline in (
        "North Korea Fires Ballistic Missile Toward East Sea",
        "NORTH KOREA FIRES MISSILE AT SEA",
    ):
        [flag] = _flags(headline, headline)
        assert "is a copy of the English" in flag.message
    assert _flags("Samsung Electronics Co. Ltd.", "Samsung Electronics Co. Ltd.") == []


def test_a_quote_kept_in_english_with_its_translation_in_brackets_is_korean() -> None:
    en = 'Trump wrote, "We will make America great again."'
    ko = (
        '트럼프는 "We will make America great again"(우리는 미국을 다시 위대하게 만들 것)'
        "이라고 썼다."
    )
    assert _flags(en, ko) == []


def test_a_sentence_left_in_english_is_not_also_a_terminology_error() -> None:
    """Left in English, a sentence lacks every Korean term of the glossary: one error
    says it, and a translated pair of the same document still gets its own."""
    en = "The Workers' Party met on Monday."
    doc = AlignedDocument(
        _document("en", [en, en]),
        _document("ko", ["The Workers' Party met on Monday!", "당이 월요일에 회의를 열었다."]),
        (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)),
    )
    flags = run_checks(doc, Settings(glossary=DATA / "glossary.csv"))
    assert [(f.type, f.tgt) for f in flags if f.type in ("untranslated", "terminology")] == [
        ("untranslated", (0,)),
        ("terminology", (1,)),
    ]


def test_a_korean_sentence_copied_into_the_english_original_names_the_english_line() -> None:
    # the English file holds the Korean: the English is at fault, not the Korean
    korean = "건설업 취업자도 12만3천 명 줄었다."
    [flag] = _flags(korean, korean)
    assert flag.message.startswith("English line 1 is a copy of the Korean, not a translation")
    assert (flag.src, flag.tgt, flag.subject) == ((0,), (0,), "src")


def test_english_copied_into_the_korean_stays_on_the_korean() -> None:
    [flag] = _flags(*["The minister met union leaders on Monday."] * 2)
    assert flag.message.startswith("Korean line 1 is a copy of the English")
    assert flag.subject == ""  # as before: waivers of such copies still hold


def _marked(en: str, ko: str) -> list[list[tuple[str, str]]]:
    texts = {"src": en, "tgt": ko}
    return [[(s.side, texts[s.side][s.start : s.end]) for s in f.spans] for f in _flags(en, ko)]


@pytest.mark.parametrize(
    ("en", "ko", "words"),
    [
        # English left inside a Korean sentence: the English run, not the Hangul
        (
            "Japanese Nobel Prize laureate Kenzaburo Oe expressed concern.",
            "Japanese Nobel Prize laureate said Japan’s military ambition is in a serious "
            "condition.일본인 노벨상 수상작가,",
            [
                [
                    (
                        "tgt",
                        "Japanese Nobel Prize laureate said Japan’s military ambition is in a "
                        "serious condition",
                    )
                ]
            ],
        ),
        # two runs, the Korean between them unmarked; a gloss in brackets left out
        (
            "The minister said the talks would resume next week after a pause of two months.",
            "장관은 the talks would resume 그리고 next week after a pause (of two months) 밝혔다.",
            [[("tgt", "the talks would resume"), ("tgt", "next week after a pause")]],
        ),
        # Korean inside an English sentence
        (
            "장관은 월요일 노조 지도자들을 만났다 on Monday.",
            "장관은 노조 지도자들을 만났다.",
            [[("src", "장관은 월요일 노조 지도자들을 만났다")]],
        ),
        # a whole sentence in the other language, or a copy: the row says it all
        ("Prices rose again in May.", "The minister met union leaders on Monday.", [[]]),
        ("The minister met union leaders on Monday.", "The minister met union leaders.", [[]]),
    ],
)
def test_the_flag_spans_the_other_language_inside_a_sentence(
    en: str, ko: str, words: list[list[tuple[str, str]]]
) -> None:
    assert _marked(en, ko) == words


def test_files_in_each_others_language_are_one_flag_for_the_document() -> None:
    en = [
        "월요일 강력한 태풍이 일본 남부 해안을 강타했다.",
        "항공사들은 항공편 수백 편을 결항했다.",
        "당국은 저지대 주민들에게 대피를 명령했다.",
    ]
    ko = [
        "A powerful typhoon hit the southern coast of Japan on Monday.",
        "Airlines cancelled hundreds of flights.",
        "Officials ordered residents of low-lying areas to evacuate.",
    ]
    doc = AlignedDocument(
        _document("en", en),
        _document("ko", ko),
        tuple(Bead((i,), (i,), 0.8) for i in range(3)),
    )
    [flag] = run_checks(doc, Settings())
    assert flag.type == "untranslated" and flag.severity == Severity.ERROR
    assert flag.message.startswith(
        "the English file is in Korean and the Korean file in English: are the sides swapped?"
    )


@pytest.mark.parametrize(
    ("en", "ko", "kept"),
    [
        # the science desk test (hunt39)
        (
            "OpenAI said the model scored 88.4 percent on a benchmark of graduate-level "
            "science questions.",
            "오픈AI는 이 모델이 graduate-level science questions 벤치마크에서 88.4%의 정답률을 "
            "기록했다고 밝혔다.",
            "graduate-level science questions",
        ),
        (
            "The company will start mass production next year.",
            "회사는 내년 mass production에 들어간다.",
            "mass production",
        ),
        # a title keeps its capitals, a gloss its brackets, a quotation its quotative
        (
            "Bolton recounts the election in his new book, Surrender Is Not an Option.",
            "볼턴은 새 책 '항복은 대안이 아니다(Surrender Is Not an Option)'에서 선거를 회고했다.",
            None,
        ),
        (
            "Among the names were twins named Benson and Hedges.",
            "이름 중에는 '트윈스 네임드 벤슨 앤 헤지스 (twins named Benson and Hedges, 담배)'도 "
            "있었다.",
            None,
        ),
        (
            "The fans shouted everywhere all around the world.",
            '팬들은 "everywhere all around the world"라고 외쳤다.',
            None,
        ),
        # a title or a slogan the Korean quotes in English on purpose (hunt40)
        ("The slogan was just do it.", "슬로건은 'just do it'이었다.", None),
        ("Her hit bad guy topped the chart.", "그의 히트곡 <bad guy>가 차트 1위에 올랐다.", None),
        # one word is a term, not a phrase
        ("The chip uses a new packaging method.", "이 칩은 새 packaging 방식을 쓴다.", None),
    ],
)
def test_a_phrase_copied_from_the_english_is_a_warning(en: str, ko: str, kept: str | None) -> None:
    flags = [f for f in run_checks(aligned([(en, ko)]), Settings()) if f.subject == "phrase"]
    if kept is None:
        assert flags == []
    else:
        [flag] = flags
        assert (flag.type, flag.severity) == ("untranslated", Severity.WARNING)
        assert flag.message.startswith(f"Korean line 1 keeps “{kept}” of the English untranslated")
