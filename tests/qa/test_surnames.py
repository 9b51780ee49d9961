"""The ``korean_surname`` check: one person by surname in the English, another in the Korean."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.registry import CHECKS, run_checks
from aligner.qa.surnames import english_surnames, find_swapped_surnames, korean_surnames

# a crime story's first pair, which gives the suspect's surname on both sides
ARREST = (
    "Police referred 38 people, including a 45-year-old man identified only by his surname "
    "Park, to prosecutors.",
    "경찰은 박모(45)씨 등 38명을 검찰에 송치했다.",
)
RINGLEADER_EN = "Park, the alleged ringleader, is suspected of recruiting about 20 people."


def _flags(*pairs: tuple[str, str]) -> list[Flag]:
    return list(find_swapped_surnames(aligned(list(pairs)), Settings()))


# ---------------------------------------------------------------- reading the surnames


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (RINGLEADER_EN, ["Park"]),
        ("Park, 45, was arrested on Monday.", ["Park"]),
        ('"It was a mistake," Kim said.', ["Kim"]),
        ("Police arrested Jeon at his home.", ["Jeon"]),
        ("Mr. Lee and Gov. Choi met President Yoon.", ["Lee", "Choi", "Yoon"]),
        ("Then Choi told reporters he would resign.", ["Choi"]),
        ("The court fined a man surnamed Moon.", ["Moon"]),
        ("Prosecutors indicted Song and Park criticized them.", ["Song", "Park"]),
        # full names, and longer names that hold a surname
        ("Park Ji-hoon met Kim Jong Un in Central Park.", []),
        ("Kim Kardashian and Spike Lee met Robert E. Lee.", []),
        # English words
        ("So, the police arrested him.", []),
        ("Park officials closed the gates of the Moon festival.", []),
        ("Song lyrics and the moon landing.", []),
        ("He was praised by the Lee administration.", []),
        ("The team is ranked No. 1 and is, So Far, unbeaten.", []),
    ],
)
def test_english_surnames_alone(text: str, found: list[str]) -> None:
    assert [s.text for s in english_surnames(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("총책으로 지목된 김씨는 혐의를 받는다.", ["김씨"]),
        ("경찰은 박모(45)씨 등 38명을 검찰에 송치했다.", ["박모(45)씨"]),
        ("박모 씨와 최모(17)군이 붙잡혔다.", ["박모 씨", "최모(17)군"]),
        ("김 대표와 윤 전 장관, 김국장은", ["김 대표", "윤 전 장관", "김국장"]),
        ("이창용 총재는 기자단에게 대표단이 왔다고 말했다.", []),  # 기자단, not 기자
        ("날씨와 솜씨, 씨앗", []),
    ],
)
def test_korean_surnames_with_a_title_or_ssi(text: str, found: list[str]) -> None:
    assert [s.text for s in korean_surnames(text)] == found


# ---------------------------------------------------------------- flagged


def test_a_surname_swapped_in_a_crime_story_is_flagged() -> None:
    ko = "총책으로 지목된 김씨는 20여 명을 끌어들인 혐의를 받는다."
    doc = aligned([ARREST, (RINGLEADER_EN, ko)])
    [flag] = find_swapped_surnames(doc, Settings())
    assert flag.type == "named_entity" and flag.severity == Severity.WARNING
    assert flag.message.startswith("EN “Park” but KO “김씨”: a different person? KO: “총책으로")
    assert flag.subject == "person Park"
    assert (flag.src, flag.tgt) == ((1,), (1,))
    assert spanned(doc, flag) == [("src", "Park"), ("tgt", "김")]


@pytest.mark.parametrize(
    ("story", "pair"),
    [
        # the title says it is a surname: no other sentence needed
        ((), ("Mr. Kim knows how to teach him well.", "박씨는 그를 잘 가르칠 방법을 알고 있다.")),
        # a Korean full name introduced earlier in the English
        (
            ("Kim Min-jae, 28, was charged with fraud.", "김민재(28)씨가 사기 혐의로 기소됐다."),
            ("Kim denied the charges.", "이모씨는 혐의를 부인했다."),
        ),
        # the Korean calls him by surname earlier
        (ARREST, ("Park was arrested in Incheon.", "최씨는 인천에서 붙잡혔다.")),
        # a full name in the English, a surname and title in the Korean
        (
            (),
            ("Governor Rhee Chang-yong said prices rose.", "김 총재는 물가가 올랐다고 말했다."),
        ),
        # Chun, the former president
        (
            ("Chun Doo-hwan and Roh Tae-woo were pardoned.", "전두환·노태우 전 대통령이 사면됐다."),
            ("Roh said he regretted it.", "전 전 대통령은 후회한다고 말했다."),
        ),
        # a surname alone, in a story whose Korean calls people by surname and title
        (
            (
                "Presidential spokesperson Kang Yu-jung announced the trip.",
                "강유정 대통령실 대변인은 이같이 발표했다.",
            ),
            (
                '"It will restore shuttle diplomacy," Kim said.',
                '강 대변인은 "셔틀외교를 복원하는 계기가 될 것"이라고 말했다.',
            ),
        ),
        # two people on each side, one of them swapped
        (ARREST, ("Park told Kim he would pay.", "김씨는 최씨에게 돈을 갚겠다고 말했다.")),
        # a role said of the person, not of someone else
        (
            ("Manager Lee Beom-ho hugged Kim Do-yeong.", "이범호 감독은 김도영을 안아줬다."),
            (
                "Lee, 43, became the first manager born in the 1980s to win.",
                "김 감독은 첫 80년대생 우승 감독이다.",
            ),
        ),
    ],
)  # fmt: skip
def test_another_surname_for_a_korean_person_is_flagged(
    story: tuple[str, str] | tuple[()], pair: tuple[str, str]
) -> None:
    flags = _flags(*([story] if story else []), pair)
    assert [f.src for f in flags] == [(1,) if story else (0,)]


def test_a_korean_original_is_read_from_the_english_side() -> None:
    doc = aligned([ARREST, (RINGLEADER_EN, "총책으로 지목된 김씨는 혐의를 받는다.")])
    korean_original = doc.with_sides_swapped()
    [flag] = [f for f in run_checks(korean_original, Settings()) if f.subject == "person Park"]
    assert (flag.src, flag.tgt) == ((1,), (1,))
    assert spanned(korean_original, flag) == [("tgt", "Park"), ("src", "김")]


# ---------------------------------------------------------------- not flagged


@pytest.mark.parametrize(
    ("story", "pair"),
    [
        # the same person
        (ARREST, (RINGLEADER_EN, "총책으로 지목된 박씨는 혐의를 받는다.")),
        (ARREST, ("Park, 45, was arrested.", "박모(45)씨가 붙잡혔다.")),
        ((), ("Rhee said inflation would slow.", "이 총재는 물가가 둔화될 것이라고 말했다.")),
        # the Korean names both: one person more, not another
        (ARREST, ("Park's accomplice fled.", "박씨의 공범 김씨는 달아났다.")),
        # the English names the Korean's person too
        (ARREST, ("Park told Kim he would pay.", "김씨는 그에게 돈을 갚겠다고 말했다.")),
        # no Korean person: Kim is a first name here
        (
            ("Kim Kardashian arrived in Seoul on Monday.", "킴 카다시안이 월요일 서울에 도착했다."),
            ("Kim thanked the chief executive.", "킴은 박 대표에게 감사를 표했다."),
        ),
        # words before a title: a lawmaker, a former minister, both candidates, a governor
        (ARREST, ("A lawmaker criticized Park.", "한 의원은 그를 비판했다.")),
        (ARREST, ("Park met a former minister.", "그는 전 장관을 만났다.")),
        (
            ("Chun Doo-hwan died in 2021.", "전두환 전 대통령은 2021년 사망했다."),
            ("Lee met former ambassador Bolton.", "그는 볼턴 전 대사를 만났다."),
        ),
        (ARREST, ("Park met the state governor.", "그는 주지사를 만났다.")),
        (ARREST, ("Park hired an assistant professor.", "그는 조교수를 채용했다.")),
        (ARREST, ("Park changed his surname.", "그는 성씨를 바꿨다.")),
        (ARREST, ("Park said the two candidates were equal.", "그는 양 후보가 비슷하다고 말했다.")),
        # someone the English names elsewhere, called by role here
        (
            (
                "Minister Kim Tae-ho rejected Park Ji-won's bill.",
                "김태호 장관은 박지원 의원 법안을 거부했다.",
            ),
            ("Park criticized the minister's plan.", "그는 김 장관의 계획을 비판했다."),
        ),
        # a possessive names someone else: the first lady
        (
            ("President Yoon Suk-yeol arrived.", "윤석열 대통령이 도착했다."),
            ("Yoon's wife attended the dinner.", "김 여사는 만찬에 참석했다."),
        ),
        # the Yoon government
        (
            ("President Yoon Suk-yeol arrived.", "윤석열 대통령이 도착했다."),
            (
                "Under Yoon, the minister pushed the reform.",
                "윤 정부 때 김 장관은 개혁을 추진했다.",
            ),
        ),
        # two people left over on a side: which is whom is not for a rule to say
        (ARREST, ("Park and Choi were arrested.", "김씨와 이모씨가 붙잡혔다.")),
    ],
)  # fmt: skip
def test_the_same_person_or_no_korean_surname_is_not_flagged(
    story: tuple[str, str] | tuple[()], pair: tuple[str, str]
) -> None:
    assert _flags(*([story] if story else []), pair) == []


def test_disabled_or_given_another_severity_by_its_check_name() -> None:
    doc = aligned([ARREST, (RINGLEADER_EN, "총책으로 지목된 김씨는 혐의를 받는다.")])
    # a wrong person is a factual error: it fails the gate unless a desk says otherwise
    assert CHECKS["korean_surname"].severity == Severity.ERROR
    found = [f for f in run_checks(doc, Settings()) if f.subject == "person Park"]
    assert [f.severity for f in found] == [Severity.ERROR]
    lowered = run_checks(doc, Settings(severities={"korean_surname": "warning"}))
    assert [f.severity for f in lowered if f.subject == "person Park"] == [Severity.WARNING]
    quiet = run_checks(doc, Settings(disabled_checks=frozenset({"korean_surname"})))
    assert not [f for f in quiet if f.subject == "person Park"]


def test_a_full_name_with_a_title_put_for_the_person_is_flagged() -> None:
    """The people desk test (hunt36): "Jeon said" as 주장 임도현은, and a quote given to
    another full name; the same person, or a foreign name the English gives, is none."""
    coach = ("Jeon Tae-hoon coaches the team.", "전태훈 감독이 팀을 이끈다.")
    quote = '"I only asked them to trust each other," Jeon said.'
    [flag] = _flags(coach, (quote, '주장 임도현은 "서로 믿으라고만 했다"고 말했다.'))
    assert flag.message.startswith("EN “Jeon” but KO “임도현”: a different person?")
    assert _flags(coach, (quote, '전 감독은 "서로 믿으라고만 했다"고 말했다.')) == []
    critic = '"She wrote about the people history forgot," said literary critic Park Jeong-ho.'
    [flag] = _flags((critic, '소설가 최은영 씨는 "그는 역사가 잊은 사람들에 대해 썼다"고 말했다.'))
    assert flag.message.startswith("EN “Park Jeong-ho” but KO “최은영”")
    envoy = "Ban had suspected Ghana after Oshima denied casting the vote."
    assert _flags((envoy, "반총장은 오시마 대사가 부정하자 가나를 의심했다.")) == []


def test_a_title_a_word_away_names_nobody() -> None:
    """``주유엔 북한대사`` (to the U.N.) and ``진출한 한국 선수`` (a verb) are no full names
    of people: the title stands a word away (desk tests hunt15 and hunt9)."""
    # a story whose Korean calls people by surname and title
    said = ("Kim said the launch was legal.", "김 대사는 발사가 합법적이라고 말했다.")
    envoy = (
        "North Korea's U.N. Ambassador Kim Song said the satellite launch was legal.",
        "김성 주유엔 북한대사는 자국의 위성 발사가 합법적이라고 주장했다.",
    )
    tennis = (
        "No Korean man has reached the last 16 since Chung Hyeon made the semifinals in 2018.",
        "2018년 정현이 4강에 오른 이후 이 대회 남자 단식 16강에 진출한 한국 선수는 없다.",
    )
    assert _flags(said, envoy) == []
    assert _flags(said, tennis) == []


def test_a_word_and_an_everyday_noun_are_no_surname_and_title() -> None:
    # the adversarial test (hunt48): 이 주장 is "this claim", not Captain Lee, though a
    # Lee is named in the story; 尹 is how headlines write Yoon
    pairs = (
        (
            "Lee Jae-myung accused Yoon of abusing his power.",
            "이재명 대표는 윤 대통령이 권력을 남용했다고 비판했다.",
        ),
        (
            "Yoon's office rejected the claims as groundless.",
            "尹 대통령실은 이 주장이 근거 없다며 반박했다.",
        ),
    )
    assert _flags(*pairs) == []
    # a withheld name is a person's, whatever the title: 이모 주장
    assert korean_surnames("이모(45) 주장은 경기에 나서지 않았다.")[0].surname == "이"
