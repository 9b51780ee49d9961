from __future__ import annotations

import functools
from pathlib import Path

import pytest

from aligner import api
from aligner.boilerplate import mark_boilerplate, paired_boilerplate
from aligner.config import BUILTIN_BOILERPLATE, Settings
from aligner.embed import Encoder, embed_unique
from aligner.models import Document, Flag, Severity
from aligner.qa.negation import MARGIN
from aligner.segment import split_sentences

THRESHOLD = api.CALIBRATED_MISTRANSLATION["muse-v3"]

TEXT = """Read a version of this story in Korean
The party met on Monday.
![A caption. With two sentences.](https://example.org/a.jpg)
RELATED STORIES
North Korea cracks down on bribery in prison
Officials said more arrests would follow.
Translated by Claire S. Lee. Edited by Eugene Whong.
"""


def test_builtin_rules_mark_captions_links_and_credits() -> None:
    sentences = mark_boilerplate(split_sentences(TEXT, "en"), TEXT.split("\n"), BUILTIN_BOILERPLATE)
    marked = {s.line for s in sentences if s.boilerplate}
    assert marked == {1, 3, 4, 5, 7}


def test_custom_pattern_replaces_builtins() -> None:
    text = "Photo desk: none\nThe party met.\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), [r"Photo desk:.*"])
    assert [s.boilerplate for s in sentences] == [True, False]


@pytest.mark.parametrize(
    ("line", "marked"),
    [
        ("Reporting by Hyonhee Shin; Editing by Lincoln Feast.", True),
        ("(Reporting by Hyonhee Shin in Seoul; Additional reporting by Josh Smith)", True),
        ("Written by Kim Jong-un and Lee Min-ho", True),
        ("Copyright 2024 The Associated Press. All rights reserved.", True),
        ("© 2024 Reuters", True),
        ("‹저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", True),
        ("ⓒ 연합뉴스", True),
        ("[사진=연합뉴스]", True),
        ("[연합뉴스 자료사진]", True),
        ("관련 기사:", True),
        # Yonhap: the end mark, the agency's notice, bylines, captions credited at the end
        ("(END)", True),
        ("Copyright Yonhap News Agency. All rights reserved.", True),
        ("kcs@yna.co.kr", True),
        ("홍길동 기자 kcs@yna.co.kr", True),
        ("서울 남부의 한 아파트 단지 [연합뉴스 자료사진]", True),
        ("일요일 광주에서 주민들이 잔해를 치우고 있다. (연합뉴스)", True),
        ("시위대가 도심을 행진하고 있다. [AP=연합뉴스]", True),
        ("[AP=연합뉴스]", True),
        ("무너진 다리 (사진=독자 제공)", True),
        ("Residents clear debris in Gwangju on Sunday. (Yonhap)", True),
        ("An apartment complex in southern Seoul (AFP-Yonhap file photo)", True),
        # Korea JoongAng Daily: credits in capitals, bylines, print references, wire notes
        ("Kim Woo-min celebrates after the race in Paris on Saturday. [YONHAP]", True),
        ("Fans cheer in central Seoul on Sunday. [JOONGANG PHOTO]", True),
        ("Police stand guard. [AP/YONHAP]", True),
        ("[NEWS1]", True),
        ("[Photo: Yonhap]", True),
        # captions with an abbreviation's dot, notes before the credit, a photographer
        ("KIA Tigers players celebrate in Gwangju on Oct. 28, 2024. (Yonhap)", True),
        ("U.S. troops take part in a drill last March. (PHOTO NOT FOR SALE) (Yonhap)", True),
        (
            "This photo, released by the KCNA on July 13, shows the launch. "
            "(For Use Only in the Republic of Korea. No Redistribution) (Yonhap)",
            True,
        ),
        ("지난해 3월 훈련하고 있다. [국방부 제공. 재판매 및 DB 금지]", True),
        (
            "화성-18형 발사 장면. [국내에서만 사용가능. 재배포 금지. For Use Only in the "
            "Republic of Korea. No Redistribution] [조선중앙통신 연합뉴스]",
            True,
        ),
        ("Pianist Cho Seong-jin poses in Seoul on Monday. (Im Se-jun/The Korea Herald)", True),
        ("피아니스트 조성진이 4일 서울에서 포즈를 취하고 있다. (임세준/코리아헤럴드)", True),
        ("Shoppers at a market in Seoul on Monday. (Photo by Reuters)", True),
        ("Exports by month (Graphic=Korea JoongAng Daily)", True),
        ("김우민이 경기를 마친 뒤 기뻐하고 있다. [중앙포토]", True),
        ("BY LEE HAE-RIN [lee.haerin@joongang.co.kr]", True),
        ("BY SARAH CHEA, LEE TAE-HEE [chea.sarah@joongang.co.kr]", True),
        ("JoongAng Ilbo, Nov. 29, Page 30", True),
        ("Translation by the Korea JoongAng Daily staff.", True),
        ("Translation by Chae Yun-hwan and edited by Yoon So-yeon.", True),
        ("(ATTN: ADDS KCNA report in paras 5-6; UPDATES with Kim Yo Jong statement)", True),
        ("(LEAD)", True),
        ("(2nd LD)", True),
        ("[2보]", True),
        # Korea Herald / Yonhap English bylines: names in title case, an address or not
        ("By Choi Ji-won (jwchoi@yna.co.kr)", True),
        ("By Kim Da-sol (ddd@heraldcorp.com)", True),
        ("By Shin Hye-jin", True),
        ("By Kim Arin and Lee Jung-joo", True),
        ("By Claire S. Lee", True),
        ("By Kim Arin (arin@heraldcorp.com), Lee Jung-joo (jjlee@heraldcorp.com)", True),
        # a caption credited to the organisation that provided the photo
        (
            "A snowplow clears the road to Hallasan mountain on Jeju Island on the morning "
            "of Dec. 9. (Jeju Provincial Government)",
            True,
        ),
        ("Snow on Dec. 9. (Photo courtesy of Jeju Provincial Government)", True),
        ("A snowplow clears the road on Dec. 9. (Jeju Provincial Government-Yonhap)", True),
        ("Workers prepare the ice rink at City Hall. (Seoul Metropolitan Government)", True),
        ("The Galaxy Z Fold 7 is shown in Seoul on July 10. (Samsung Electronics)", True),
        ("Staff test the new vehicle in Ulsan. (Courtesy of Hyundai Motor)", True),
        ("A snowplow clears the road on Dec. 9. [JEJU PROVINCIAL GOVERNMENT]", True),
        # real sentences that only start like a credit or a notice
        ("Copyright infringement suits against AI firms surged this year.", False),
        ("Written by hand, the letter reached the embassy on Monday.", False),
        ("Edited by the ministry, the report was released Tuesday.", False),
        ("Written by Kim Il Sung, the book sold millions.", False),
        ("그는 저작권 침해로 기소됐다.", False),
        ("(서울=연합뉴스) 박지원 기자 = 서울 아파트값이 20주 연속 올랐다.", False),
        ("연합뉴스는 (연합뉴스) 사옥에서 기자회견을 열었다고 밝혔다.", False),
        # a paragraph a caption was glued to: its sentences are content
        ("정부는 대책을 발표했다. 시민들이 광장에 모였다. (연합뉴스)", False),
        ("The ministry said so. Residents clear debris. (Yonhap)", False),
        ("Gen. Kim said so. Officials agreed. (Yonhap)", False),
        ("The U.S. Embassy said so (Seoul). Officials agreed (Yonhap)", False),
        ("원화로 약 13억 원이다(1달러=1,300원)", False),
        ("SEOUL, Aug. 8 (Yonhap) -- Apartment prices rose.", False),
        ("그는 kcs@yna.co.kr로 제보해 달라고 말했다.", False),
        ("The label said all rights reserved for the band were sold.", False),
        ("The court rejected the appeal [of the ruling].", False),
        ("The court rejected the appeal [of the ruling]", False),
        ("He called it a mistake [SIC]. Officials disagreed. [YONHAP]", False),
        ("(LEAD) N. Korea fires ballistic missile into East Sea", False),
        ("BY THE NUMBERS", False),
        ("The ministry released a photo (taken by a drone) of the site.", False),
        ("The photos by Reuters (he said) were staged. Police denied it. [Photo: Yonhap]", False),
        ("By Tuesday, the ministry had acted.", False),
        ("Written by the Korea Herald staff, the report was widely read.", False),
        ("The minister cited the report of Nov. 29, page 30, at length.", False),
        # sentences that start with "By" are not bylines
        ("By 2030, exports will double.", False),
        ("By then the fire had spread.", False),
        ("By then the fire had spread", False),
        ("By Kim's own account, the talks failed.", False),
        ("By Friday the ministry had acted", False),
        ("By The Numbers", False),
        ("By Lee Jae-myung, the bill was withdrawn.", False),
        # a bracketed remark or a name spelled out in a sentence is content, and so is a
        # paragraph a credit was glued to
        ("The minister resigned on Friday. (The ministry declined to comment.)", False),
        ("He joined the think tank in 2010 (Korea Development Institute).", False),
        ("He joined the think tank in 2010 (Korea Development Institute)", False),
        ("Thank you all. (Applause)", False),
        ("The ministry said so. Residents clear snow. (Jeju Provincial Government)", False),
    ],
)
def test_builtin_rules_on_wire_copy(line: str, marked: bool) -> None:
    text = f"{line}\nThe party met on Monday.\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), BUILTIN_BOILERPLATE)
    assert {s.line for s in sentences if s.boilerplate} == ({1} if marked else set())


# Found by a desk checking web copy (hunt12): a link to the other edition carries its
# headline, a byline and a dateline stand on their own lines, an address has a label,
# and a caption holds a date stamp before its credit.
@pytest.mark.parametrize(
    ("line", "lang", "marked"),
    [
        (
            "Read in Korean: [삼성전자, 2나노 모바일 칩 공개](https://www.yna.co.kr/view/AKR1)",
            "en",
            True,
        ),
        ("Read in Korean: https://www.yna.co.kr/view/AKR20261206050000007", "en", True),
        (
            "영문 기사 보기: [Samsung unveils 2-nanometer mobile chip](https://en.yna.co.kr/x)",
            "ko",
            True,
        ),
        ("관련: [영문 기사 보기](https://en.yna.co.kr/view/AEN20261207000100320)", "ko", True),
        ("(서울=연합뉴스) 오보람 기자", "ko", True),
        ("(세종=연합뉴스)", "ko", True),
        ("Yonhap, Dec. 7", "en", True),
        ("RELATED: Read this story in Korean", "en", True),
        ("Email: hwjung@yna.co.kr", "en", True),
        ("(사진설명) 시민들이 버스를 기다리고 있다. 2026.12.7 [연합뉴스]", "ko", True),
        # a story's lead after its byline, and sentences about an edition or an agency
        ("(서울=연합뉴스) 홍길동 기자 = 정부가 대책을 내놓았다.", "ko", False),
        ("영문 기사는 내일 나온다.", "ko", False),
        ("Yonhap, Dec. 7, reported that the talks failed.", "en", False),
        ("Read in Korean, the poem sounds different.", "en", False),
        # found by a desk of updated stories (hunt13): a Korean byline alone, a name
        # with a one-letter syllable, when the edition was posted or updated
        ("박수민 기자", "ko", True),
        ("김효진·이재림 기자", "ko", True),
        ("By Choi Yoon-a", "en", True),
        ("Updated 3:45 p.m.", "en", True),
        ("UPDATED: Dec. 7, 2026 15:45 KST", "en", True),
        ("Posted : 2026-12-07 17:00 Updated : 2026-12-07 18:30", "en", True),
        ("입력 2026.12.07 10:00 수정 2026.12.07 15:45", "ko", True),
        ("(2보)", "ko", True),
        ("(속보)", "ko", True),
        ("Updated figures show 3 deaths.", "en", False),
        ("Published in 2019, the book sold 3 million copies.", "en", False),
        ("수정 헌법 1조가 적용된다.", "ko", False),
        # a translator's note (hunt14), not a sentence about a translation
        ("This column was translated from Korean by the desk.", "en", True),
        ("This article was translated by Kim Ji-soo.", "en", True),
        ("이 칼럼은 영문판에 번역돼 실렸습니다.", "ko", True),
        ("The article was translated into 12 languages and sold 3 million copies.", "en", False),
        ("이 글은 3개 언어로 번역돼 출간됐다.", "ko", False),
        ("현장 기자 10명이 다쳤다.", "ko", False),
        # the CMS-copy format test (hunt47): a Korean caption's credit in parentheses, an
        # update stamp in hours and minutes, bylines in other orders
        ("해녀들이 제주 앞바다에서 물질을 준비하고 있다. (제주도 제공)", "ko", True),
        ("시민들이 걷고 있다. (서울시 제공)/뉴스1", "ko", True),
        ("수정 오후 1시 20분", "ko", True),
        ("기자 김민지", "ko", True),
        ("[김민지 기자]", "ko", True),
        ("그는 이 자료를 서울시가 제공했다고 말했다.", "ko", False),
        ("기자 회견은 오후 3시에 열렸다.", "ko", False),
    ],
)
def test_builtin_rules_on_web_copy(line: str, lang: str, marked: bool) -> None:
    text = f"{line}\n본문이다. The party met on Monday.\n"
    sentences = mark_boilerplate(split_sentences(text, lang), text.split("\n"), BUILTIN_BOILERPLATE)
    assert {s.line for s in sentences if s.boilerplate} == ({1} if marked else set())


def _marked(text: str) -> set[int]:
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), BUILTIN_BOILERPLATE)
    return {s.line for s in sentences if s.boilerplate}


def test_credit_on_a_line_of_its_own_after_a_caption_or_ending_the_story() -> None:
    text = (
        "Heavy snow closed all 21 hiking trails on Hallasan mountain.\n"
        "Commuters cross a street in central Seoul on Dec. 9. (Yonhap)\n"
        "(Seoul Metropolitan Government)\n"
        "Flights resumed on Wednesday.\n"
        "(Jeju Provincial Government)\n"
        "By Shin Hye-jin (hjshin@yna.co.kr)\n"
        "Copyright Yonhap News Agency. All rights reserved.\n"
    )
    assert _marked(text) == {2, 3, 5, 6, 7}


def test_bracketed_line_inside_the_story_is_content() -> None:
    text = (
        "The minister resigned on Friday.\n"
        "(The ministry declined to comment.)\n"
        "Officials met on Monday.\n"
        "(Seoul Metropolitan Government)\n"
        "The city will open 12 shelters.\n"
        "(The ministry declined to comment.)\n"
    )
    assert _marked(text) == set()


def test_without_patterns_a_credit_line_is_content() -> None:
    """``boilerplate = []`` means every line is content (the benchmarks align that way)."""
    text = "Flights resumed on Wednesday.\n(Jeju Provincial Government)\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), [])
    assert not [s for s in sentences if s.boilerplate]


STORY_EN = [
    "Samsung Electronics unveiled its first 2-nanometer mobile chip on Monday.",
    "The Exynos 2700 will power the company's flagship phones next year.",
    "Samsung's Exynos 2700 chip is displayed at its headquarters in Suwon, "
    "30 kilometers south of Seoul. (Samsung Electronics)",
    "The chip uses 30 percent less power than its predecessor, the company said.",
    "Mass production will begin in the first half of 2027.",
]
STORY_KO = [
    "삼성전자가 7일 첫 2나노 모바일 칩을 공개했다.",
    "엑시노스 2700은 내년 회사의 주력 스마트폰에 탑재된다.",
    "서울에서 남쪽으로 {km}㎞ 떨어진 수원의 삼성전자 본사에 엑시노스 2700 칩이 "
    "전시돼 있다. [삼성전자 제공]",
    "회사 측은 이 칩이 이전 모델보다 전력을 30% 덜 쓴다고 밝혔다.",
    "양산은 2027년 상반기에 시작된다.",
]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _caption_flags(km: int, encoder: Encoder) -> list[Flag]:
    ko = "\n".join(STORY_KO).format(km=km)
    result = api.check_texts(
        "\n".join(STORY_EN), ko, settings=Settings(cache=False), encoder=encoder
    )
    captions = {s.index for s in result.tgt.sentences if s.boilerplate}
    assert captions, "the Korean caption is boilerplate"
    return [f for f in result.flags if f.type == "number_mismatch" and set(f.tgt) & captions]


def test_a_number_changed_in_a_caption_is_flagged(encoder: Encoder) -> None:
    """Captions are never aligned, but they are published copy: a caption paired
    with its translation has its numbers compared."""
    (flag,) = _caption_flags(50, encoder)
    assert "30 kilometers" in flag.message and "50㎞" in flag.message
    assert flag.severity is Severity.ERROR


def test_a_faithful_caption_passes(encoder: Encoder) -> None:
    assert _caption_flags(30, encoder) == []


def test_captions_are_paired_only_with_their_translation(encoder: Encoder) -> None:
    """Each caption goes with its own translation (the most similar, both ways),
    not with another caption of the story, nor with a credit that only shares digits."""
    en = _document(
        "Fans cheer in Suwon on Dec. 6. (Yonhap)\n"
        "The stadium holds 44,000 seats.\n"
        "Firefighters battle a blaze in Ulsan on Dec. 5. (Yonhap)\n",
        "en",
    )
    ko = _document(
        "5일 울산에서 소방관들이 불을 끄고 있다. [연합뉴스]\n"
        "경기장은 4만4천 석 규모다.\n"
        "6일 수원에서 팬들이 환호하고 있다. [연합뉴스]\n"
        "2026.12.7 [연합뉴스]\n",
        "ko",
    )
    embed = functools.partial(embed_unique, encoder)
    pairs = paired_boilerplate(en, ko, embed, THRESHOLD + MARGIN)
    assert sorted((b.src, b.tgt) for b in pairs) == [((0,), (2,)), ((2,), (0,))]


def _document(text: str, lang: str) -> Document:
    sentences = mark_boilerplate(split_sentences(text, lang), text.split("\n"), BUILTIN_BOILERPLATE)
    return Document(Path(lang), lang, tuple(sentences))
