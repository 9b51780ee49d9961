"""The ``truncated`` check on hand-built EN/KO beads: each cue fires, its look-alike does not."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Sentence, Severity
from aligner.qa.registry import CHECKS, AlignedDocument
from aligner.qa.truncation import (
    Cue,
    EndCue,
    find_truncations,
    fit_length_model,
    how_long_in_words,
    mostly_punctuated,
    sentence_cue,
)

# Complete translations that set the document's usual length ratio.
FILLER = [
    ("The minister met union leaders on Monday.", "장관은 월요일 노조 지도자들을 만났다."),
    ("Prices rose for the third month in a row.", "물가가 석 달 연속 올랐다."),
    ("The company said it would hire more workers.", "회사는 직원을 더 뽑겠다고 밝혔다."),
    ("Heavy rain is expected across the south.", "남부 전역에 폭우가 예상된다."),
    ("The court will rule on the case next week.", "법원은 다음 주 이 사건에 대해 판결한다."),
    ("Police said no one was hurt in the fire.", "경찰은 화재로 다친 사람은 없다고 밝혔다."),
]

SEED_EN = (
    "The crackdown happened after it was revealed at a meeting of the ruling Korean Workers' "
    "Party Secretariat last month that about 40 officials from the Onchon county party committee "
    "held a drinking party to commemorate their successful completion of a government project, ."
)
SEED_KO = (
    "이번 단속은 지난달 열린 집권 노동당 비서국 회의에서 온천군 당위원회 간부 40여 명이 중앙의 "
    "자금 지원 없이 공장을 건설하는 국가 과제를 성공적으로 완수한 것을 기념해 술자리를 가진 "
    "사실이 드러난 뒤 이뤄졌다."
)


def _document(lang: str, texts: list[str]) -> Document:
    sentences = tuple(Sentence(i, text, i + 1, 0, len(text)) for i, text in enumerate(texts))
    return Document(Path(f"doc.{lang}"), lang, sentences)


def _aligned(beads: list[tuple[list[str], list[str]]], *, filler: bool = True) -> AlignedDocument:
    """A document of the given beads (lists of EN and KO sentences), after the filler beads."""
    if filler:
        beads = [([en], [ko]) for en, ko in FILLER] + beads
    en: list[str] = []
    ko: list[str] = []
    built = []
    for src, tgt in beads:
        built.append(
            Bead(
                tuple(range(len(en), len(en) + len(src))),
                tuple(range(len(ko), len(ko) + len(tgt))),
                1.0,
            )
        )
        en += src
        ko += tgt
    return AlignedDocument(_document("en", en), _document("ko", ko), tuple(built))


def _flags(doc: AlignedDocument) -> list[Flag]:
    return list(find_truncations(doc, Settings()))


def _flags_on_last_bead(beads: list[tuple[list[str], list[str]]]) -> list[Flag]:
    doc = _aligned(beads)
    last = doc.beads[-1]
    return [f for f in _flags(doc) if f.src == last.src and f.tgt == last.tgt]


def test_registered_as_an_error() -> None:
    assert CHECKS["truncated"].function is find_truncations
    assert CHECKS["truncated"].severity == Severity.ERROR


def test_filler_document_is_clean() -> None:
    assert _flags(_aligned([])) == []


# --------------------------------------------------------------- " ." after a word


def test_seed_story_sentence_ending_in_comma_space_dot_is_flagged() -> None:
    [flag] = _flags_on_last_bead([([SEED_EN], [SEED_KO])])
    assert flag.type == "truncated"
    assert 'government project, ."' in flag.message
    assert flag.message.startswith("English sentence looks cut off")
    assert flag.message.endswith("while the Korean is complete")


def test_seed_story_sentence_with_its_full_stop_is_not_flagged() -> None:
    complete = SEED_EN.replace("project, .", "project.")
    assert _flags_on_last_bead([([complete], [SEED_KO])]) == []


def test_korean_space_dot_is_flagged_and_message_names_korean() -> None:
    en = (
        "Israeli police identified the driver of the backhoe as a 22-year-old Palestinian "
        "with a criminal record from East Jerusalem."
    )
    [flag] = _flags_on_last_bead([([en], ["이스라엘 경찰은 포크레인의 운전자가 ."])])
    assert flag.message.startswith("Korean sentence looks cut off")
    assert "while the English is complete" in flag.message


def test_doubled_full_stop_after_a_long_sentence_is_not_flagged() -> None:
    en = "He strongly denied that any club had made him an offer."
    ko = "그는 “어떤 구단에서도 그런 제안을 한 적이 없다.” 고 강하게 부인했다. ."
    assert _flags_on_last_bead([([en], [ko])]) == []


# --------------------------------------------------------------- dangling comma


def test_english_dangling_comma_on_a_short_sentence_is_flagged() -> None:
    en = "To meet people's needs, governments have used,"
    ko = "사람들의 욕구를 충족시키기 위해, 정부는 많은 양의 지하수를 거의 다 써버렸다."
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert "dangling comma" in flag.message


def test_english_trailing_comma_at_full_length_is_not_flagged() -> None:
    en = "I think anyone who has a job he or she enjoys is lucky,"
    ko = "자신이 즐기는 직업을 가진 사람은 운이 좋다."
    assert _flags_on_last_bead([([en], [ko])]) == []


def test_comma_ending_the_first_half_of_a_split_is_not_flagged() -> None:
    en = ["Julia said the man was short,", "and he had black curly hair."]
    ko = ["줄리아는 그 남자가 키가 작고 검은 곱슬머리였다고 말했다."]
    assert _flags_on_last_bead([(en, ko)]) == []


def test_comma_before_a_line_that_continues_the_sentence_is_not_flagged() -> None:
    # the aligner may leave the second half of a split unpaired: the next line,
    # starting in lower case, still shows that the first half was not cut
    en = "He was allowed to call his family once,"
    ko = (
        "그는 단 한 번 가족과 통화할 수 있었고 가족에게 매일 폭행을 당한다고 말했지만 "
        "성폭행은 말하지 못했다."
    )
    beads = [([en], [ko]), (["but I did not dare to tell them the rest."], [])]
    doc = _aligned(beads)
    assert [f for f in _flags(doc) if f.src == doc.beads[-2].src] == []
    beads[-1] = (["But I did not dare to tell them the rest."], [])
    doc = _aligned(beads)
    assert len([f for f in _flags(doc) if f.src == doc.beads[-2].src]) == 1


def test_comma_on_both_sides_of_a_salutation_is_not_flagged() -> None:
    assert _flags_on_last_bead([(["Dear Mr. Jones,"], ["존스 씨께,"])]) == []


# --------------------------------------------------------------- final function word


@pytest.mark.parametrize("en", ["The meeting was held at the", "Officials met and."])
def test_article_or_conjunction_before_the_end_is_flagged(en: str) -> None:
    ko = "회의는 시청 대회의실에서 열렸다."
    assert len(_flags_on_last_bead([([en], [ko])])) == 1


def test_capitalised_letter_at_the_end_is_a_name_not_an_article() -> None:
    en = "The team chose Plan A."
    ko = "팀은 플랜 A를 골랐다."
    assert _flags_on_last_bead([([en], [ko])]) == []


@pytest.mark.parametrize("name", ["Chung Shin-a", "Shin Min-a", "Lee Ji-an"])
def test_a_hyphenated_korean_given_name_is_one_word_not_an_article(name: str) -> None:
    en = f"The deal was announced by Kakao CEO {name}."
    ko = "거래는 카카오 대표가 발표했다."
    assert _flags_on_last_bead([([en], [ko])]) == []


def test_a_korean_question_headline_without_its_question_mark_is_not_cut() -> None:
    beads = [
        (["What's next for Kim Woo-min?"], ["김우민의 다음 목표는"]),
        (["Kim touched the wall first."], ["김우민은 가장 먼저 터치패드를 찍었다."]),
    ]
    assert not [f for f in _flags(_aligned(beads)) if f.src == (len(FILLER),)]
    # a line cut on a topic marker, where the English asks nothing, is still cut
    en = "The government has asked local governments to prepare measures against the heat."
    assert len(_flags_on_last_bead([([en], ["정부는 각 지자체의 폭염 대책은"])])) == 1


def test_final_preposition_before_a_full_stop_is_not_flagged() -> None:
    assert (
        _flags_on_last_bead([(["The boy said, “Come in.”"], ["소년이 “들어와요.”라고 말했다."])])
        == []
    )


# --------------------------------------------------------------- Korean connective endings


def test_korean_connective_ending_before_a_comma_is_flagged() -> None:
    en = "The Chinese ship was bound for Angola, but the US pressed the port not to let it dock."
    ko = "이 중국 선박은 앙골라로 향하고 있었고,"
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert flag.message.startswith("Korean sentence looks cut off")
    assert "unfinished clause" in flag.message


def test_korean_connective_ending_split_off_a_two_line_bead_is_not_flagged() -> None:
    en = ["The ship was bound for Angola, but the US pressed the port not to let it dock."]
    ko = [
        "이 중국 선박은 앙골라로 향하고 있었고,",
        "미국은 항구 당국에 정박을 허용하지 말라고 압박했다.",
    ]
    assert _flags_on_last_bead([(en, ko)]) == []


def test_complete_korean_clause_with_a_stray_comma_is_not_flagged() -> None:
    en = "Berlusconi launched a massive clean-up operation involving the military."
    ko = "베를루스코니 총리는 군을 동원해 대청소 작전에 착수했다,"
    assert _flags_on_last_bead([([en], [ko])]) == []


# --------------------------------------------------------------- unclosed quote or bracket


def test_quote_opened_mid_sentence_and_left_open_on_a_short_side_is_flagged() -> None:
    en = 'Both sides agreed to meet "to finalize.'
    ko = (
        '양측은 "실무 준비 절차를 마무리짓기" 위해 오스트리아 빈에서 열흘 뒤 다시 만나기로 '
        "합의했다고 사이드 하산 이라크 대사가 말했다."
    )
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert 'unclosed "' in flag.message


def test_quote_running_over_several_sentences_is_not_flagged() -> None:
    en = '"I saw one patient try it, and it had benefits.'
    ko = "브류어 박사는 “한 환자가 복용한 결과 효과가 있었다”고 말했다."
    assert _flags_on_last_bead([([en], [ko])]) == []


# --------------------------------------------------------------- missing final punctuation


def test_missing_full_stop_on_a_much_shorter_side_is_flagged() -> None:
    en = "Rain and wind lashed"
    ko = "태풍의 영향으로 일요일 화롄에는 강풍을 동반한 폭우가 쏟아져 산사태가 일어났다."
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert "no final punctuation" in flag.message


def test_headline_without_punctuation_on_both_sides_is_not_flagged() -> None:
    assert _flags_on_last_bead([(["Anti-stress herbs"], ["스트레스 해소 허브"])]) == []


def test_korean_line_stopping_on_a_case_particle_among_full_stops_is_flagged() -> None:
    # the verb was cut ("폐사했다."): the line is about as long as predicted
    en = "Livestock farms have lost more than 300,000 chickens and pigs to the heat."
    [flag] = _flags_on_last_bead([([en], ["축산 농가에서는 닭과 돼지 30만 마리 이상이"])])
    assert flag.message.startswith("Korean sentence looks cut off")
    assert "a particle (no verb)" in flag.message  # 이 ends nouns too: shorter than predicted


@pytest.mark.parametrize(
    "ko",
    [
        "정부는 각 지자체에 폭염 대책을",  # 을 after a final consonant
        "기상청은 내륙 지역의 최고 기온이 37도까지 오를 것으로",  # 로 after 으
        "정부는 전력 수요가 가장 많은 오후 시간대 산업 현장에서",
        "정부는 폭염 피해를 줄이기 위해 할 수 있는 모든 것을",  # a bound noun and 을
    ],
)
def test_korean_case_particles_without_a_full_stop_are_cut(ko: str) -> None:
    en = "The government has asked local governments to prepare measures against the heat."
    assert len(_flags_on_last_bead([([en], [ko])])) == 1


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # nouns that end in a particle's syllable, in the wrong form for one
        ("Autumn came early to the village this year.", "올해 일찍 찾아온 마을의 가을"),
        ("The country cut its defense budget.", "국방 예산 줄인 국가"),
        ("The survey results were released on Monday.", "월요일 발표된 조사 효과"),
        ("Seoul is the capital of South Korea.", "대한민국의 수도"),
    ],
)
def test_korean_nouns_ending_like_a_particle_are_not_cut(en: str, ko: str) -> None:
    assert _flags_on_last_bead([([en], [ko])]) == []


def test_korean_connective_before_an_unpaired_line_at_full_length_is_not_flagged() -> None:
    # the first line of a sentence split over two, paired on its own: the aligner
    # left the second line unpaired
    en = "Peter King, a New York Republican, said the ads were fine but their sponsors were not."
    ko = "피터 킹 뉴욕주 공화당 의원은 22일 “광고 자체에는 문제가 없지만"
    doc = _aligned([([en], [ko]), ([], ["광고주들은 문제가 있다”고 말했다."])])
    assert [f for f in _flags(doc) if f.src == doc.beads[-2].src] == []


def test_korean_particle_ending_in_a_document_of_headlines_is_not_enough() -> None:
    # the document writes no full stops: a line without one says nothing
    beads = [([en], [ko.rstrip(".")]) for en, ko in FILLER]
    en = "Livestock farms have lost more than 300,000 chickens and pigs to the heat."
    doc = _aligned([*beads, ([en], ["축산 농가에서는 닭과 돼지 30만 마리 이상이"])], filler=False)
    assert _flags(doc) == []


def test_missing_full_stop_at_full_length_is_not_flagged() -> None:
    en = "A woman who was conscious was taken away on a stretcher"
    ko = "의식이 있던 여성이 들것에 실려 갔다."
    assert _flags_on_last_bead([([en], [ko])]) == []


# --------------------------------------------------------------- length alone


def test_side_under_a_quarter_of_the_expected_length_is_flagged() -> None:
    en = "Officials said."
    ko = (
        "관계 당국은 이번 폭발 사고로 최소 70명이 숨지고 300명 가까이 다쳤으며 사망자 수가 "
        "더 늘어날 수 있다고 밝혔다."
    )
    [flag] = _flags_on_last_bead([([en], [ko])])
    # in words an editor reads, with the figure
    assert "is less than a fifth as long as a translation of the Korean would be (14%)" in (
        flag.message
    )


@pytest.mark.parametrize(
    ("factor", "words"),
    [
        (0.14, "less than a fifth"),
        (0.24, "about a quarter"),
        (0.35, "about a third"),
        (0.45, "about half"),
        (0.584, "about half"),  # shown as 58%
        (0.66, "about two thirds"),
        (0.77, "about three quarters"),
    ],
)
def test_how_much_shorter_a_cut_side_is_is_said_in_words(factor: float, words: str) -> None:
    said = how_long_in_words(factor, "English")
    assert said == f"{words} as long as a translation of the English would be ({factor:.0%})"


def test_a_link_the_translation_leaves_out_does_not_count_as_length() -> None:
    en = (
        "Details are at https://www.example.org/news/2024/05/budget-council-approves-parks"
        "-plan-after-long-debate?utm_source=newsletter&utm_medium=email."
    )
    ko = "자세한 내용은 홈페이지에 있다."
    assert _flags_on_last_bead([([en], [ko])]) == []


def test_loose_but_complete_translation_at_half_length_is_not_flagged() -> None:
    en = "The talks were unofficial."
    ko = "이번 회동은 공식 회담이 아니라 6자회담 참가국 외교장관들의 비공식 만남이었다."
    assert _flags_on_last_bead([([en], [ko])]) == []


# --------------------------------------------------------------- what the check skips


def test_beads_with_an_empty_side_are_skipped() -> None:
    doc = _aligned([([SEED_EN], [])])
    assert _flags(doc) == []


def test_boilerplate_sentences_are_skipped() -> None:
    doc = _aligned([([SEED_EN], [SEED_KO])])
    sentences = list(doc.src.sentences)
    sentences[-1] = replace(sentences[-1], boilerplate=True)
    doc = replace(doc, src=replace(doc.src, sentences=tuple(sentences)))
    assert _flags(doc) == []


def test_flag_carries_both_sides_of_a_many_to_one_bead() -> None:
    en = ["Kim drew attention to the abuse of power.", "He ordered that corrupt officials be ."]
    ko = ["김 총비서는 당내 권력 남용 문제를 지적하며 부패한 간부들을 적발해 처벌하라고 지시했다."]
    doc = _aligned([(en, ko)])
    [flag] = _flags(doc)
    assert (flag.src, flag.tgt) == (doc.beads[-1].src, doc.beads[-1].tgt)
    assert len(flag.src) == 2


# --------------------------------------------------------------- the learned ratio


def test_expected_ratio_is_the_median_of_the_documents_own_beads() -> None:
    doc = _aligned([], filler=True)
    model = fit_length_model(doc)
    assert model is not None
    ratios = sorted(
        math.log(len(ko.replace(" ", "")) / len(en.replace(" ", ""))) for en, ko in FILLER
    )
    assert model.centre == pytest.approx((ratios[2] + ratios[3]) / 2)
    assert model.spread > 0


def test_too_few_beads_give_no_length_model_and_only_surface_cues() -> None:
    doc = _aligned([([SEED_EN], [SEED_KO])], filler=False)
    assert fit_length_model(doc) is None
    assert len(_flags(doc)) == 1  # " ." needs no length evidence


def test_sentence_cue_grades() -> None:
    def grade(text: str, lang: str = "en", last: bool = True) -> Cue:
        return sentence_cue(text, lang, is_last=last, other_complete=True).strength

    assert grade("They met at the .") == Cue.STRONG
    assert grade("They met at the") == Cue.STRONG
    assert grade("They met,") == Cue.MEDIUM
    assert grade("They met,", last=False) == Cue.NONE
    assert grade("They met") == Cue.WEAK
    assert grade("They met.") == Cue.NONE
    assert grade("회의를 열었고,", "ko") == Cue.STRONG
    assert grade("회의를 열었다,", "ko") == Cue.WEAK
    assert grade("회의를 열었고", "ko") == Cue.MEDIUM
    assert grade("회의를 열었다.", "ko") == Cue.NONE
    # a case particle: medium, strong among full stops when it ends no noun (을, 를,
    # 은, 는, 으로, 에서...), nothing against a fragment
    assert grade("돼지 30만 마리 이상이", "ko") == Cue.MEDIUM
    cue = sentence_cue("돼지 30만 마리를", "ko", is_last=True, other_complete=True, punctuated=True)
    assert cue.strength == Cue.STRONG
    nouns = ("소방관들이 구조한 고양이", "수상자는 어린이", "축제 장소는 제주도", "최고기온 33도")
    for noun in nouns:
        cue = sentence_cue(noun, "ko", is_last=True, other_complete=True, punctuated=True)
        assert cue.strength < Cue.STRONG, noun  # 이, 가, 도, 로 end nouns too
    cue = sentence_cue(
        "돼지 30만 마리 이상이", "ko", is_last=True, other_complete=False, punctuated=True
    )
    assert cue.strength == Cue.NONE
    # a clause chain without its main verb: medium among full stops (a headline may
    # end so), weak in a document of headlines; no cue once a verb ends it
    chain = "수출은 늘었지만 내수 부진"
    cue = sentence_cue(chain, "ko", is_last=True, other_complete=True, punctuated=True)
    assert cue == EndCue(Cue.MEDIUM, 'no verb after "늘었지만"')
    assert grade(chain, "ko") == Cue.WEAK
    ended = "수출은 늘었지만 내수는 부진했다"
    cue = sentence_cue(ended, "ko", is_last=True, other_complete=True, punctuated=True)
    assert cue.strength == Cue.WEAK


# Found in review of desk copy.
@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # headlines and captions ending on a noun or a name that looks like a particle
        (
            "Seoul and Washington agree on defense cost-sharing after months of talks",
            "한미 방위비 분담금 합의",
        ),
        ("North Korea holds a party plenary meeting on the economy", "북한 당 전원회의"),
        ("Autumn colours cover Mount Seorak in the east", "단풍 물든 설악산의 가을"),
        # a terse Korean subhead is no cut, however short
        ("Expulsion from the party", "출당"),
        ("Defection to the South", "탈북"),
        # a sentence may end on "of"
        (
            "The coach said it was a result the whole team could be proud of.",
            "감독은 팀 전체가 자랑스러워할 결과라고 말했다.",
        ),
        # a space before the full stop of a complete Korean sentence is a slip
        (
            "The minister discussed wages with union leaders on Monday.",
            "장관은 월요일 노조 지도자들과 임금 문제를 논의했다 .",
        ),
    ],
)
def test_complete_sentences_of_desk_copy_are_not_flagged(en: str, ko: str) -> None:
    assert _flags_on_last_bead([([en], [ko])]) == []


def test_a_korean_line_cut_and_given_a_full_stop_is_flagged() -> None:
    en = "Officials ordered residents of low-lying areas to evacuate immediately on Tuesday."
    [flag] = _flags_on_last_bead([([en], ["당국은 저지대 주민들에게."])])
    assert "a particle (no verb)" in flag.message


# --------------------------------------------------------------- cut at the last words
# Found by a desk tester: lines cut a word or two before their end, about as long
# as predicted, in documents whose other lines end with a full stop.

GUILTY_EN = (
    "The 52-year-old was found guilty of diverting about 15.6 billion won from 3,200 "
    "customers between 2020 and 2022."
)
GUILTY_KO = "김모(52)씨는 2020년부터 2022년까지 고객 3천200명의 자금 약 156억원을 빼돌렸다."
NEXT = ("Two other executives received suspended sentences.", "임원 2명은 집행유예를 선고받았다.")


BUDGET_HEADLINE = "정부, 내년 예산 600조 원 편성"


def _flags_before_the_last_bead(en: str, ko: str) -> list[Flag]:
    """Flags on an (en, ko) bead followed by one more complete pair, as in a story."""
    doc = _aligned([([en], [ko]), ([NEXT[0]], [NEXT[1]])])
    return [f for f in _flags(doc) if f.src == doc.beads[-2].src]


@pytest.mark.parametrize(
    ("en", "ko", "reason"),
    [
        # 이 after a number and its counter is a subject marker, not the end of a noun
        (
            "At least 1,546 people have been treated for heat-related illnesses since May 20, "
            "and 13 have died.",
            "5월 20일 이후 온열질환자는 최소 1천546명 발생했으며, 이 중 13명이",
            "a particle (no verb)",
        ),
        # and after a word of quantity and its counter (the desk tester's: 여러 점이)
        (
            "Several works from the Metropolitan Museum of Art in New York will be shown in "
            "Korea for the first time.",
            "미국 뉴욕 메트로폴리탄 미술관 소장품 여러 점이",
            "a particle (no verb)",
        ),
        (
            "Dozens of people were injured in the fire.",
            "이번 화재로 수십명이",
            "a particle (no verb)",
        ),
        # a clause ending in a connective and a comma, then one word and its particle: the
        # next clause cut after its subject (desk tester hunt62), however long the rest
        (
            "The elderly share exceeded 20 percent in 10 of the 17 major cities and provinces.",
            "17개 시도 가운데 10곳이 20%를 넘었으며, 전남이",
            "unfinished clause",
        ),
        # and after a number and its unit written apart (156억 원을, 156억원을)
        (GUILTY_EN, GUILTY_KO.replace("156억원을 빼돌렸다.", "156억 원을"), "a particle"),
        (GUILTY_EN, GUILTY_KO.replace("156억원을 빼돌렸다.", "156억 원이"), "a particle"),
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌렸으며"), "unfinished clause"),
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌린 혐의로"), "a particle"),  # 의로
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌린"), "unfinished clause"),  # adnominal
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌린 혐의로 기소된"), "unfinished clause"),
        # of two syllables: ㅐ or ㅔ before ㄴ ends no verbal noun (비난, 발표)
        (
            "He handed the cash to a broker posing as a bank official.",
            "그는 은행 직원을 사칭한 브로커에게 현금을 건넨",
            "unfinished clause",
        ),
        # a clause in the past and no main verb after it
        (
            "A woman in her 70s lost 230 million won, her entire retirement savings, after "
            "handing cash to a man posing as an official.",
            "70대 여성은 공무원을 사칭한 남성에게 현금을 건넸다가 노후 자금",
            'no verb after "건넸다가"',
        ),
        # an ellipsis after a tense with its ending cut off
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌려 유죄가 인정됐…"), "without its ending"),
        # an English preposition with nothing after it
        (GUILTY_EN.replace(" 2020 and 2022.", ""), GUILTY_KO, '"between"'),
    ],
)
def test_a_line_cut_at_its_last_words_among_full_stops_is_flagged(
    en: str, ko: str, reason: str
) -> None:
    [flag] = _flags_before_the_last_bead(en, ko)
    assert reason in flag.message


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # a headline, against an English headline or sentence
        ("Government sets 600 trillion won budget for next year", BUDGET_HEADLINE),
        ("The government set a 600 trillion won budget for next year.", BUDGET_HEADLINE),
        ("Seoul condemns the North's provocation.", "정부, 북한 도발을 비난"),
        ("Exports rise but domestic demand stays weak", "수출 늘었지만 내수 부진"),
        # list items
        ("- Drink water often, even when not thirsty.", "- 목이 마르지 않아도 물을 자주 마시도록"),
        ("- Avoid outdoor work from 2 p.m. to 5 p.m.", "- 오후 2시부터 5시 사이 야외 작업 자제"),
        # a quotation that trails off, and one cut short inside a sentence that ends
        ('"Well, we could do it, but..." he said.', "그는 “할 수는 있겠지만…”이라고 말했다."),
        ('"Well..." he said.', "그는 '글쎄…'라고 말했다"),
        ('"We could do it, but..."', "“할 수는 있겠지만…”"),
        # a number and a noun in 이 or 도; a sentence that only lost its full stop
        ("Fiscal year 2024 begins in March.", "2024년도 회계연도는 3월에 시작되는 2024년도"),
        ("No one had expected that.", "아무도 그것을 예상하지 못했다"),
        # a number and its unit written apart, no particle after them
        ("The mercury hit 33 C in Daegu.", "대구 낮 최고기온 33 도"),
        ("The match is over.", "The match is over"),
        # a word of quantity before a noun, not a counter: 이 ends the noun
        ("Cats of several breeds at the shelter", "보호소의 여러 고양이"),
        # a verb after the subject, in a noun phrase a caption may be, against a caption
        # (against a finished sentence, a topic and no predicate is a cut: see below)
        ("A lawmaker who demanded a bigger budget", "그는 예산 증액을 요구한 의원"),
        # a sentence that only lost its full stop, after a subject
        ("He admitted the charges.", "그는 혐의를 인정했다"),
        # nouns of a limit and of Korea end in 한 after a number too
        ("Data use is unlimited on the 100GB plan.", "데이터 100GB 무제한"),
        ("The best-before date is three years.", "유통기한 3년 유통기한"),
    ],
)
def test_lines_that_end_without_a_full_stop_but_are_not_cut(en: str, ko: str) -> None:
    assert _flags_before_the_last_bead(en, ko) == []


def test_a_korean_particle_before_an_unpaired_line_is_not_strong() -> None:
    # the rest may be the unpaired next line ("…빼돌린 혐의로" / "유죄가 인정됐다.")
    ko = GUILTY_KO.replace("빼돌렸다.", "빼돌린 혐의로")
    cue = sentence_cue(ko, "ko", is_last=True, other_complete=True, punctuated=True)
    assert cue.strength == Cue.STRONG
    cue = sentence_cue(
        ko, "ko", is_last=True, other_complete=True, punctuated=True, maybe_continued=True
    )
    assert cue.strength == Cue.MEDIUM
    doc = _aligned([([GUILTY_EN], [ko]), ([], ["유죄가 인정됐다."])])
    assert [f for f in _flags(doc) if f.tgt == doc.beads[-2].tgt] == []


def test_a_line_longer_than_its_translation_predicts_is_not_cut_by_its_last_word() -> None:
    # a loose pair: the English says less than the Korean, which lost its end
    ko = GUILTY_KO.replace("빼돌렸다.", "빼돌린 혐의로")
    assert _flags_before_the_last_bead("Kim was convicted.", ko) == []
    assert len(_flags_before_the_last_bead(GUILTY_EN, ko)) == 1


@pytest.mark.parametrize(
    ("similarity", "threshold", "flagged"),
    [
        (0.6, 0.22, True),  # a close pair
        (0.3, 0.22, False),  # a loose one: a loose translation explains the end as well
        (0.6, 0.7, False),  # a mistranslation, which a truncated flag would hide
    ],
)
def test_a_line_is_cut_by_its_last_word_only_on_a_close_pair(
    similarity: float, threshold: float, flagged: bool
) -> None:
    ko = GUILTY_KO.replace("빼돌렸다.", "빼돌린 혐의로")
    doc = _aligned([([GUILTY_EN], [ko]), ([NEXT[0]], [NEXT[1]])])
    beads = list(doc.beads)
    beads[-2] = replace(beads[-2], similarity=similarity)
    doc = replace(doc, beads=tuple(beads))
    flags = find_truncations(doc, Settings(mistranslation_threshold=threshold))
    assert len([f for f in flags if f.tgt == beads[-2].tgt]) == flagged


def test_a_loose_pair_is_still_cut_by_its_last_word_and_its_length() -> None:
    # the cue falls back to what it needs without the other lines' full stops
    doc = _aligned([([GUILTY_EN], ["김모(52)씨는 고객 자금을"]), ([NEXT[0]], [NEXT[1]])])
    beads = list(doc.beads)
    beads[-2] = replace(beads[-2], similarity=0.3)
    doc = replace(doc, beads=tuple(beads))
    flags = find_truncations(doc, Settings(mistranslation_threshold=0.22))
    assert len([f for f in flags if f.tgt == beads[-2].tgt]) == 1


def test_english_preposition_without_a_full_stop_before_an_unpaired_line_is_not_strong() -> None:
    # the rest may be the unpaired next line ("... customers between" / "2020 and 2022.")
    en = GUILTY_EN.replace(" 2020 and 2022.", "")
    doc = _aligned([([en], [GUILTY_KO]), (["Two thousand and twenty-two."], [])])
    assert [f for f in _flags(doc) if f.src == doc.beads[-2].src] == []


def test_english_line_longer_than_its_translation_predicts_is_not_cut_by_its_last_word() -> None:
    # a loose pair in the benchmark's corpus: the Korean says less than the English,
    # whose source lost its end
    en = (
        '"Three hotels were evacuated as a precaution, mainly because smoke had created an '
        'unpleasant atmosphere," said Charlambos Kokkinos, regional governor for'
    )
    assert _flags_before_the_last_bead(en, "경찰은 화재로 호텔들이 피해를 입었다고 밝혔다.") == []
    full = (
        "코키노스 주지사는 “주로 연기 때문에 불쾌한 분위기가 조성돼 예방 차원에서 호텔 3곳의 "
        "투숙객을 대피시켰다”고 말했다."
    )
    assert len(_flags_before_the_last_bead(en, full)) == 1


def _marked_before_the_last_bead(en: str, ko: str, markup: str) -> list[Flag]:
    """As :func:`_flags_before_the_last_bead`, the pair being a Markdown heading or list
    item on both sides (its markers taken out, as the Markdown reader does)."""
    doc = _aligned([([en], [ko]), ([NEXT[0]], [NEXT[1]])])
    k = len(FILLER)
    src, tgt = list(doc.src.sentences), list(doc.tgt.sentences)
    src[k], tgt[k] = replace(src[k], **{markup: True}), replace(tgt[k], **{markup: True})
    doc = replace(
        doc,
        src=replace(doc.src, sentences=tuple(src)),
        tgt=replace(doc.tgt, sentences=tuple(tgt)),
    )
    return [f for f in _flags(doc) if f.src == doc.beads[-2].src]


@pytest.mark.parametrize(
    ("en", "ko", "markup"),
    [
        # a list item, as the plain-text one above without its "- "
        (
            "Drink water often, even when not thirsty.",
            "목이 마르지 않아도 물을 자주 마시도록",
            "list_item",
        ),
        ("Sign up for", "지금 신청하세요.", "list_item"),
        ("What the central bank is waiting for", "한국은행이 기다리는 것은 따로 있다", "heading"),
    ],
)
def test_a_markdown_heading_or_list_item_is_not_held_to_full_stops(
    en: str, ko: str, markup: str
) -> None:
    assert _flags_before_the_last_bead(en, ko)  # read as a line of text, it looks cut
    assert _marked_before_the_last_bead(en, ko, markup) == []


def test_markdown_headings_and_list_items_do_not_count_against_a_punctuated_story() -> None:
    texts = [text for text, _ in FILLER[:4]] + ["Key figures", "Prices", "Wages", "Rents"]
    plain = _document("en", texts)
    assert not mostly_punctuated(plain)
    marked = [replace(s, list_item=s.index >= 4) for s in plain.sentences]
    assert mostly_punctuated(replace(plain, sentences=tuple(marked)))


def _ends(flag: Flag, doc: AlignedDocument) -> list[tuple[str, int, str]]:
    sides = {"src": doc.src, "tgt": doc.tgt}
    return [
        (s.side, s.sentence, sides[s.side].sentences[s.sentence].text[s.start : s.end])
        for s in flag.spans
    ]


@pytest.mark.parametrize(
    ("en", "ko", "end"),
    [
        ([SEED_EN], [SEED_KO], ("src", 6, "project, .")),
        (
            [
                "Israeli police identified the driver of the backhoe as a 22-year-old "
                "Palestinian with a criminal record from East Jerusalem."
            ],
            ["이스라엘 경찰은 포크레인의 운전자가 ."],
            ("tgt", 6, "운전자가 ."),
        ),
        # trailing spaces are no part of it
        (
            [
                "The government added 4.2 trillion won for job programs, and the opposition "
                "said the budget would still fall short of what households need this winter."
            ],
            ["정부는 일자리 사업에 4조2천억 원을 새로 증액했으며,  "],
            ("tgt", 6, "증액했으며,"),
        ),
        # in a pair of two sentences a side, the cut one
        (
            [
                "The budget was passed on Tuesday.",
                "The government added 4.2 trillion won for job programs, and the opposition "
                "said the budget would still fall short of what households need this winter.",
            ],
            ["예산안은 화요일 통과됐다.", "정부는 일자리 사업에 4조2천억 원을 새로 증액했으며,"],
            ("tgt", 7, "증액했으며,"),
        ),
    ],
)
def test_the_flag_spans_the_dangling_end_of_the_cut_line(
    en: list[str], ko: list[str], end: tuple[str, int, str]
) -> None:
    doc = _aligned([(en, ko)])
    [flag] = [f for f in _flags(doc) if f.src == doc.beads[-1].src]
    assert _ends(flag, doc) == [end]


# --------------------------------------------------------------- cut before the main verb
# Found by a desk tester: Korean lines among full stops cut before their main verb,
# about as long as predicted, on a noun, an adnominal form or inside a quotation.

WON_EN = (
    "Foreign investors sold a net 820 billion won worth of local stocks, adding pressure on "
    "the currency."
)
WON_KO = "외국인 투자자가 국내 주식을 8천200억원어치 순매도한 것도 환율 상승 압력으로 작용했다."
COURT_EN = (
    '"The defendant caused enormous damage to socially vulnerable people and shows no sign '
    'of remorse," the court said.'
)
COURT_KO = (
    '재판부는 "피고인은 사회적 약자에게 막대한 피해를 줬고 반성하는 기미도 보이지 않는다"고 밝혔다.'
)


@pytest.mark.parametrize(
    ("en", "ko", "reason"),
    [
        # a subject or topic no noun ends like (것도, 측은) and no verb after it
        (WON_EN, WON_KO.replace(" 압력으로 작용했다.", ""), 'no verb after "것도"'),
        (WON_EN, WON_KO.replace(" 상승 압력으로 작용했다.", ""), 'no verb after "것도"'),
        (
            "The company said the 25 percent U.S. tariff cut its second-quarter operating "
            "profit by about 828 billion won.",
            "회사 측은 25%의 미국 관세로 2분기 영업이익이 약 8천280억원",
            'no verb after "측은"',
        ),
        # a verbal noun and 한 after the amount it measures
        (WON_EN, WON_KO.split(" 것도")[0], "unfinished clause"),
        (
            "Sales of eco-friendly vehicles, including hybrids and electric cars, jumped 23.4 "
            "percent to 212,000 units.",
            "하이브리드와 전기차 등 친환경차 판매는 23.4% 증가한",
            "unfinished clause",
        ),
        # a connective after the past contracted into the stem (줬고, 빼돌렸고)
        (GUILTY_EN, GUILTY_KO.replace("빼돌렸다.", "빼돌렸고"), "unfinished clause"),
        (COURT_EN, COURT_KO.split(" 반성하는")[0], 'inside an unclosed "'),
    ],
)
def test_a_korean_line_cut_before_its_main_verb_among_full_stops_is_flagged(
    en: str, ko: str, reason: str
) -> None:
    [flag] = _flags_before_the_last_bead(en, ko)
    assert reason in flag.message


# Found by the sixth desk tester: a line that opens with a topic and stops on a noun,
# more than half of it left, with no predicate anywhere in it.

RECALL_EN = (
    "The manufacturer has been ordered to suspend production for 15 days while authorities "
    "investigate the cause."
)
RECALL_KO = "제조업체에는 당국이 원인을 조사하는 동안 15일간 생산을 중단하라는 명령이 내려졌다."


@pytest.mark.parametrize(
    ("en", "ko", "reason"),
    [
        (RECALL_EN, RECALL_KO.split(" 생산을")[0], 'no verb after "제조업체에는"'),
        (RECALL_EN, RECALL_KO.replace("이 내려졌다.", ""), 'no verb after "제조업체에는"'),
        (
            "Trading volume came to 512 million shares, worth 9.8 trillion won.",
            "코스피 거래량은 5억1천200만 주, 거래대금은 9조8천억원",
            'no verb after "거래량은"',
        ),
        (
            "Schools in Busan and Ulsan will hold classes online on Thursday.",
            "부산과 울산의 학교들은 목요일 원격수업",
            'no verb after "학교들은"',
        ),
        # a verb before a noun ends like a topic, but is no particle
        (RECALL_EN, RECALL_KO.split(" 명령")[0], "an unfinished clause"),
    ],
)
def test_a_korean_line_that_opens_with_a_topic_and_has_no_predicate_is_cut(
    en: str, ko: str, reason: str
) -> None:
    [flag] = _flags_before_the_last_bead(en, ko)
    assert reason in flag.message


@pytest.mark.parametrize(
    "ko",
    [
        # headlines set their topic off with a comma
        "황우석 교수, 환자 체세포에서 줄기세포 복제",
        "TV 토크쇼 진행자, 마이클 잭슨 재판은 고소자가 의심스러워",
        # a headline's copula dropped after one noun (is a misreport)
        "외환시장 개입 않는다는 기사는 오보",
        # a predicate inside, a verb at the end, or too few words to be a clause
        "제조업체에는 생산 중단 명령이 내려졌다",
        "정부는 내년에 발표할 예정이며",
        "사진 제공은 국방부",
    ],
)
def test_a_line_with_a_predicate_or_a_headline_topic_is_not_cut_for_lacking_one(ko: str) -> None:
    cue = sentence_cue(ko, "ko", is_last=True, other_complete=True, punctuated=True)
    assert "no verb after" not in cue.reason


def test_a_connective_inside_an_unclosed_quote_is_strong_on_a_loose_pair_too() -> None:
    ko = COURT_KO.split(" 반성하는")[0]
    cue = sentence_cue(ko, "ko", is_last=True, other_complete=True)
    assert cue == EndCue(Cue.STRONG, 'an unfinished clause inside an unclosed "')
    # alone, each is weaker: the connective medium, the open quote medium at most
    assert sentence_cue(ko.replace('"', ""), "ko", is_last=True, other_complete=True).strength == (
        Cue.MEDIUM
    )
    quoted = '이형일 1차관은 회의 후 "시장에서 쏠림 현상이 나타나면'
    cue = sentence_cue(quoted, "ko", is_last=True, other_complete=True)
    assert cue == EndCue(Cue.MEDIUM, 'an unclosed " and no final punctuation')
    # a quote closed by a straight mark, or a line that ends on a sentence-final verb
    mixed = '그는 “신경세포들이 굉장히 원시적이라는 것을 뜻한다"고 말했다'
    assert sentence_cue(mixed, "ko", is_last=True, other_complete=True).strength == Cue.WEAK
    said = "그는 “신경세포들이 굉장히 원시적이라는 것을 뜻한다고 말했다"
    assert sentence_cue(said, "ko", is_last=True, other_complete=True).strength == Cue.WEAK
    # the next line, left unpaired, may close the quote
    cue = sentence_cue(ko, "ko", is_last=True, other_complete=True, maybe_continued=True)
    assert cue.strength == Cue.MEDIUM


@pytest.mark.parametrize(
    "ko",
    ["이강인은 엔리케 감독 체제에서 출전 시간을 확보하지 못해", "구단은 스쿼드를 보강하기 위해"],
)
def test_a_korean_line_cut_after_a_clause_of_purpose_or_cause_is_flagged(ko: str) -> None:
    """The sports desk test (hunt38): 못해, 위해 leave a clause whose verb must follow."""
    en = "Lee struggled for playing time, so the club signed a new midfielder."
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert flag.type == "truncated" and "unfinished clause" in flag.message
    assert _flags_on_last_bead([([en], [ko + " 새 미드필더를 영입했다."])]) == []


@pytest.mark.parametrize(
    "ko",
    [
        "서울의 직장인들은 교통 혼잡을 줄이기 위해 출근 시간을 1시간 늦은",
        "서울의 합계출산율은 0.55명으로 전국 시도 가운데 가장 낮은",
        "공공부문 노조 조직률은 민간부문보다 훨씬 높은",
        "서울의 직장인들은 교통 혼잡을 줄이기 위해 1시간 늦게",
    ],
)
def test_a_korean_line_cut_before_the_word_it_describes_is_flagged(ko: str) -> None:
    """The society desk test (hunt45): a word of degree, size or time (늦은, 가장 낮은,
    1시간 늦게) leads into a noun or a verb that must follow."""
    en = "Seoul's birth rate was the lowest of the country's 17 regions."
    [flag] = _flags_on_last_bead([([en], [ko])])
    assert flag.type == "truncated" and "unfinished clause" in flag.message


def test_a_korean_line_ending_on_a_noun_like_a_modifier_is_no_cue() -> None:
    # 가게 and 무게 are nouns; no line that ends a sentence stops on them
    for ko in ("그는 작은 가게", "이 상자의 무게"):
        assert sentence_cue(ko, "ko", is_last=True, other_complete=True).strength == Cue.WEAK
