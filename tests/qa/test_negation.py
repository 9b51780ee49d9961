"""The ``negation`` check: one side says a thing happened, the other that it did not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Bead, Flag, Sentence, Severity
from aligner.qa.negation import find_flipped_negations, read_en_negation, read_ko_negation
from aligner.qa.registry import CHECKS, run_checks


def _flags(en: str, ko: str, settings: Settings | None = None) -> list[Flag]:
    return run_checks(aligned([(en, ko)]), settings or Settings())


def _flipped(en: str, ko: str) -> list[Flag]:
    return [f for f in _flags(en, ko) if f.subject == "negation"]


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("합참은 발사 준비 동향을 사전에 포착하지 못했으며 정보를 공유했다.", "포착하지 못했으며"),
        ("회사는 가격을 인상하지 않았다.", "인상하지 않았다"),
        ("경찰은 용의자의 신원을 밝히지 않았다고 전했다.", "밝히지 않았다고"),
        ("그는 정상회의에 참석하지 않을 것이라고 말했다.", "참석하지 않을"),
        ("북한은 대화에 응하지 않고 있다.", "응하지 않고"),
        ("범죄 증거는 발견되지 않은 것으로 알려졌다.", "발견되지 않은"),
        ("그녀는 학교에 안 갔다.", "안 갔다"),
        ("선수들은 끝내 경기장에 못 들어갔다.", "못 들어갔다"),
        ("정부는 시민들에게 외출하지 말라고 당부했다.", "외출하지 말라고"),
        # "cannot": -ㄹ 수 없, and 못하- in the present tense
        ("학부모는 종이 교과서를 신청할 수 없다.", "신청할 수 없다"),
        ("주민들은 집으로 돌아갈 수 없었다고 전했다.", "돌아갈 수 없었다고"),
        ("원인은 알 수가 없다.", "알 수가 없다"),
        ("학부모는 종이 교과서를 신청하지 못한다.", "신청하지 못한다"),
    ],
)
def test_korean_negations_that_state_a_predicate(text: str, negated: str) -> None:
    negation = read_ko_negation(text)
    assert negation is not None and negation.text == negated


@pytest.mark.parametrize(
    "text",
    [
        "확인되지 않은 정보가 퍼졌다.",  # a modifier: "unconfirmed"
        "회담이 재개되지 않는 한 제재가 뒤따를 것이다.",  # "unless"
        "비가 그치지 않으면 경기는 취소된다.",  # a condition
        "그들은 돈을 내지 않고 떠났다.",  # "without"
        "사고가 나지 않도록 주의해야 한다.",  # a purpose
        "우리는 대응하지 않을 수 없다.",  # double negation: "must"
        "우리는 대응할 수밖에 없다.",  # "have no choice but to"
        "셀 수 없는 사람들이 모였다.",  # a modifier: "countless"
        "이를 막을 방법이 없다.",  # 없다 after a noun, not after 수
        "이번 조치는 효과가 있지 않을까?",  # a question
        "적지 않은 사람들이 참석했다.",  # "many"
        "합의에 이르기는 쉽지 않을 것이다.",  # "difficult"
        "머지않아 결과가 나올 것이다.",  # "soon"
        "그는 그날을 잊지 않았다.",  # "remembered"
        "톰 크루즈는 글을 잘 읽지 못했다.",  # "a poor reader"
        "사람들은 고통을 거의 느끼지 않는다.",  # "little"
        "30명밖에 오지 않았다.",  # "only"
        "그는 더 이상 그곳에서 일하지 않는다.",  # "no longer"
        "얼마 안 있어 비가 내렸다.",  # "before long"
        "투표율은 10%도 되지 않았다.",  # "less than"
        "걱정하지 마세요.",  # a command: also "rest assured"
        "양측 모두 물러서지 않았다.",  # "held firm"
        "그는 끝까지 포기하지 않았다.",  # "fought on"
    ],
)
def test_korean_negations_that_are_no_flip(text: str) -> None:
    assert read_ko_negation(text) is None


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The company did not raise prices.", "did not raise"),
        ("Police have not yet identified the suspect.", "have not yet identified"),
        ("The minister said he wouldn't attend.", "wouldn't attend"),
        ("North Korea has never conducted such a test.", "has never conducted"),
        ("You're not drinking enough water.", "'re not drinking"),
        ("Men never went near the kitchen.", "never went"),
        ("The court cannot rule on the case.", "cannot rule"),
        # a clause after "and" shares its subject: no command
        ("The agency said it respects the ruling and would not appeal.", "would not appeal"),
        ("Older vehicles will not be restricted.", "will not be restricted"),
        # "failed to" negates the verb after it
        ("Visitors numbered 1.3 million, failing to top 1 million.", "failing to top"),
        ("The talks failed to produce a deal.", "failed to produce"),
    ],
)
def test_english_negations_of_a_main_verb(text: str, negated: str) -> None:
    negation = read_en_negation(text)
    assert negation is not None and negation.text == negated


@pytest.mark.parametrize(
    "text",
    [
        "Not only prices but also wages rose.",
        "Isn't that wonderful?",
        "That was lucky, wasn't it?",
        "If it does not rain, the match will go ahead.",
        "Students who did not attend were punished.",
        "Don't worry.",
        "Stay calm and don't panic.",
        "Lawmakers who failed to vote were fined.",
        # after a preposition "failing to" names a fault: the Korean may say what came of it
        "The regulator fined the carrier 48.3 billion won for failing to protect the data.",
        "I couldn't agree more.",
        "He never gave up.",
        "She did not hide her anger.",
        "You can't help but marvel at the view.",
        "It is not uncommon for tourists to get lost.",
        "The result was not bad.",
        "The reason is not a mystery.",  # a litotes: "the reason is clear" (hunt14)
        "Not long ago, a reporter asked some children about their dreams.",
        'These are part of the "Eight don\'t asks" on posters in Beijing.',
    ],
)
def test_english_negations_that_are_no_flip(text: str) -> None:
    assert read_en_negation(text) is None


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No casualties were reported.", "No casualties"),
        ("There were no reports of casualties.", "no reports"),
        ("No one was injured in the fire.", "No one"),
        ("Nobody was hurt.", "Nobody"),
        ("Nothing was found at the scene.", "Nothing"),
        ("None of the passengers were hurt.", "None"),
        ("The quake caused no damage.", "no damage"),
        ("Officials said no one was hurt.", "no one"),
        ("The talks ended, and no agreement was reached.", "no agreement"),
    ],
)
def test_english_negations_by_a_determiner(text: str, negated: str) -> None:
    negation = read_en_negation(text)
    assert negation is not None and negation.text == negated


@pytest.mark.parametrize(
    "text",
    [
        "He is no longer the chief executive.",
        "Turnout was no more than 5 percent.",
        "He is the world No. 1.",
        "There is no doubt that he won.",
        "No matter what happens, the vote will go ahead.",
        "No other country has done so.",
        "It was no surprise.",
        "They got nothing but praise.",
        "Voters said no to the plan.",
        '"No," he said.',
        "No comment.",
        "The fire was put out with no injuries.",
        "The plan, which had no support, was dropped.",
        "If no one comes, the meeting is off.",
        "No-fly zones were set up.",
        'She said they would leave "no stone unturned" in the hunt.',
        "No Korean had ever won the prize.",
    ],
)
def test_english_determiners_that_negate_no_clause(text: str) -> None:
    # a degree, a time, an idiom, a number, a phrase after a preposition, a
    # subordinate clause, a fragment, a double negation
    assert read_en_negation(text) is None


# ---------------------------------------------------------------- the check


def test_registered_as_an_error_raising_mistranslation() -> None:
    # a reversed meaning must not be published: the flag fails the gate by default
    assert CHECKS["negation"].function is find_flipped_negations
    assert CHECKS["negation"].severity == Severity.ERROR


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            "The JCS said it had detected the launch preparations in advance and was sharing "
            "information closely with the U.S. and Japan.",
            "합참은 발사 준비 동향을 사전에 포착하지 못했으며 미국, 일본과 관련 정보를 긴밀히 "
            "공유하고 있다고 밝혔다.",
        ),
        ("The company did not raise prices.", "회사는 가격을 인상했다."),
        ("The central bank raised its key rate.", "중앙은행은 기준금리를 인상하지 않았다."),
        ("Police have not identified the suspect.", "경찰은 용의자의 신원을 확인했다."),
        (
            "The president said he would attend the summit.",
            "대통령은 정상회의에 참석하지 않을 것이라고 말했다.",
        ),
        (
            "The two sides reached an agreement on tariffs.",
            "양측은 관세에 대한 합의에 이르지 못했다.",
        ),
        ("She went to school on Monday.", "그녀는 월요일에 학교에 안 갔다."),
        (
            "Parents will be allowed to request printed textbooks for their children.",
            "학부모는 자녀를 위해 종이 교과서를 신청할 수 없다.",
        ),
        (
            "Residents were able to return home on Sunday evening.",
            "주민들은 일요일 저녁 집으로 돌아갈 수 없었다.",
        ),
        (
            "Parents can request printed textbooks for their children.",
            "학부모는 자녀를 위해 종이 교과서를 신청하지 못한다.",
        ),
        ("North Korea has never conducted such a test.", "북한은 그런 시험을 실시했다."),
        # negation by a determiner
        ("No casualties were reported.", "인명 피해가 보고됐다."),
        ("There were no reports of casualties.", "인명 피해가 보고됐다."),
        ("No one was injured in the fire.", "화재로 여러 명이 다쳤다."),
        # 피해 is "damage", not a form of 피하다 "avoid"
        (
            "The quake did not cause any damage to the plants' safety facilities.",
            "지진으로 원전 안전설비에 피해가 발생했다.",
        ),
        ("Casualties were not reported.", "인명 피해가 보고됐다."),
        ("Casualties were not reported.", "사상자가 보고됐다."),
        # "not immediately" when the Korean keeps "immediately"
        (
            "The North's KCNA did not immediately report the launch.",
            "북한 조선중앙통신은 발사 사실을 즉각 보도했다.",
        ),
        # the Korean's 유지 translates the English's "remain" in the next clause: no
        # negation of its own (hunt13)
        (
            "Nam said the festival would not cut support for independent cinema and that "
            "the budget for its Asian Cinema Fund would remain at 1.4 billion won.",
            "남 집행위원장은 독립영화 지원을 줄일 것이며, 아시아영화펀드 예산도 14억 원으로 "
            "유지된다고 밝혔다.",
        ),
    ],
)
def test_a_flipped_negation_is_one_mistranslation_error(en: str, ko: str) -> None:
    flags = _flags(en, ko)
    assert [(f.type, f.severity, f.subject) for f in flags] == [
        ("mistranslation", Severity.ERROR, "negation")
    ]


@pytest.mark.parametrize(
    ("en", "ko", "negated"),
    [
        # desk tester's planted fault: the negation after "and", outside a quotation
        # that holds a contrast and a negative word
        (
            'The company said it "respects the ruling but disputes the facts" and would not '
            "appeal.",
            '회사는 "판결을 존중하지만 사실관계에 다툼이 있다"며 항소하겠다고 밝혔다.',
            "would not appeal",
        ),
        (
            'The company said it "respects the ruling but disputes the facts" and would appeal.',
            '회사는 "판결을 존중하지만 사실관계에 다툼이 있다"며 항소하지 않겠다고 밝혔다.',
            "항소하지 않겠다고",
        ),
        # the Korean's negative word is the very verb the English negates
        (
            "Older diesel vehicles will not be restricted on the roads in the capital area.",
            "노후 경유차는 수도권에서 운행이 제한된다.",
            "will not be restricted",
        ),
        (
            "The city said rallies will be banned downtown.",
            "시는 도심 집회를 금지하지 않겠다고 밝혔다.",
            "금지하지 않겠다고",
        ),
    ],
)
def test_a_negation_outside_a_quotation_or_of_the_other_sides_negative_word_is_read(
    en: str, ko: str, negated: str
) -> None:
    doc = aligned([(en, ko)])
    (flag,) = (f for f in run_checks(doc, Settings()) if f.subject == "negation")
    assert [words for _, words in spanned(doc, flag)] == [negated]


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the quotation holds more than its counterpart: the negation moved into it
        (
            "McCain said he had not seen the details of the proposal, \"but I've always "
            'opposed quotas."',
            "매케인은 “애리조나주 안에 대해 구체적인 내용을 잘 모르지만 기회균등할당제에 대해 "
            "항상 반대했다”고 말했다.",
        ),
        # the negation inside the quotation, the contrast beside it
        (
            'He said, "We respect the ruling but will not appeal."',
            '그는 "판결을 존중하지만 항소할 것"이라고 말했다.',
        ),
        # another negative word than the one negated
        (
            "Older diesel vehicles will not be banned, but their speed will be restricted.",
            "노후 경유차의 운행 속도가 제한된다.",
        ),
        ("Vehicles were not restricted.", "차량 운행은 제한되지 않았다."),
        # "not many" is a word of few on the other side (hunt21)
        ("The options are limited.", "선택지는 많지 않다."),
    ],
)
def test_quotations_and_negative_words_that_keep_the_negation_are_not_flagged(
    en: str, ko: str
) -> None:
    assert _flipped(en, ko) == []


def test_the_message_quotes_the_negation_and_both_sentences() -> None:
    (flag,) = _flipped("The company did not raise prices.", "회사는 가격을 인상했다.")
    assert flag.message == (
        "negation lost or added: the English negates “did not raise” in “The company did not "
        "raise prices.”; the Korean “회사는 가격을 인상했다.” has no negation: does one of "
        "them say the opposite?"
    )


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the same negation on both sides
        ("The company did not raise prices.", "회사는 가격을 인상하지 않았다."),
        ("He never drinks.", "그는 술을 마시지 않는다."),
        # a lexical negation on one side, a verbal one on the other
        ("The company failed to meet its target.", "회사는 목표를 달성하지 못했다."),
        ("He refused to comment.", "그는 논평하지 않았다."),
        ("She declined the offer.", "그녀는 제안을 받아들이지 않았다."),
        ("The plan was rejected by parliament.", "계획은 의회에서 받아들여지지 않았다."),
        ("He was unable to attend.", "그는 참석하지 못했다."),
        ("No one was injured in the fire.", "화재로 아무도 다치지 않았다."),
        ("None of the passengers were hurt.", "승객 중 누구도 다치지 않았다."),
        ("Neither side would comment.", "양측 모두 언급하지 않았다."),
        ("He barely slept that night.", "그는 그날 밤 잠을 자지 못했다."),
        ("The region lacks drinking water.", "이 지역에는 식수가 충분하지 않다."),
        ("The cause remains unknown.", "원인은 알려지지 않았다."),
        ("The suspect is still at large.", "용의자는 검거되지 않았다."),
        ("The ministry denied the report.", "국방부는 보도를 인정하지 않았다."),
        ("The results were kept secret.", "결과는 공개되지 않았다."),
        ("Prices held steady in May.", "5월 물가는 오르지 않았다."),
        ("They left without paying.", "그들은 돈을 내지 않았다."),
        ("The officials did not attend the meeting.", "관리들은 회의에 불참했다."),
        ("The results were not disclosed.", "결과는 비공개로 처리됐다."),
        ("The cause has not been confirmed.", "원인은 미확인 상태다."),
        ("The company did not raise prices.", "회사는 가격 인상을 거부했다."),
        ("Officials did not confirm the report.", "당국은 보도를 부인했다."),
        ("The plan could not be carried out.", "계획은 실행이 불가능했다."),
        ("There was no evidence.", "증거는 없었다."),
        ("He did not have a car.", "그에게는 차가 없었다."),
        ("It is not a crisis but an opportunity.", "이는 위기가 아니라 기회다."),
        ("Not only prices but also wages rose.", "물가뿐만 아니라 임금도 올랐다."),
        ("We have no choice but to respond.", "우리는 대응하지 않을 수 없다."),
        ("He could not attend the meeting.", "그는 회의에 참석할 수 없었다."),
        ("The government had to raise taxes.", "정부는 세금을 인상할 수밖에 없었다."),
        ("Unless talks resume, sanctions will follow.", "회담이 재개되지 않는 한 제재가 뒤따른다."),
        ("It is unclear whether he will run.", "그가 출마할지 여부는 정해지지 않았다."),
        ("The ship has not yet arrived.", "배는 아직 도착 전이다."),
        ("Turnout was no more than 30 percent.", "투표율은 30%에 불과했다."),
        ("Turnout was just 30 percent.", "투표율은 30%도 되지 않았다."),
        ("If it does not rain, the match will go ahead.", "날씨가 맑으면 경기는 예정대로 열린다."),
        ("Many people attended the rally.", "적지 않은 사람들이 집회에 참석했다."),
        ("It will be difficult to reach a deal.", "합의에 이르기는 쉽지 않을 것이다."),
        (
            "When he was a boy, Tom Cruise was a poor reader.",
            "톰 크루즈는 어릴 때 글을 잘 읽지 못했다.",
        ),
        ("Isn't that wonderful?", "정말 멋지다!"),
        ("Don't worry about it.", "안심하세요."),
        ("He never gave up.", "그는 끝까지 싸웠다."),
        # a determiner on one side, a verbal or lexical negation on the other
        ("No casualties were reported.", "인명 피해는 보고되지 않았다."),
        ("The quake caused no damage.", "지진으로 인한 피해는 없었다."),
        ("Nobody was hurt in the blast.", "폭발로 인한 인명 피해는 전무했다."),
        ("No one was injured.", "부상자 無."),
        # 피해 갔다 is "avoided"
        ("The residents were not hurt.", "주민들은 화를 피해 갔다."),
        ("There is no doubt that he won.", "그가 이긴 것은 분명하다."),
        ("No other country has done so.", "그렇게 한 나라는 한국이 유일하다."),
        ("He is the world No. 1.", "그는 세계 1위다."),
        # "not immediately" is a hedge the Korean may leave out
        (
            "The North's KCNA did not immediately report the launch.",
            "북한 조선중앙통신은 발사 사실을 보도했다.",
        ),
        (
            "The company did not immediately respond to a request for comment.",
            "회사 측은 논평 요청에 즉각 응답하지 않았다.",
        ),
        # a contrast: one clause may be left out or restructured
        (
            "NBC wants to keep Leno, but he has indicated he's ready to jump ship.",
            "NBC는 리노의 잔류를 요청했지만 그는 이를 받아들이지 않았다.",
        ),
        # its connective before a comma, not a space
        (
            "The risk fell steadily as the number of steps rose, but the benefit leveled off "
            "above about 9,800 steps a day, the researchers said.",
            "연구팀에 따르면 걸음 수가 늘수록 치매 위험은 꾸준히 낮아졌으나, 하루 9천800보가량을 "
            "넘어서면 효과가 더 커지지 않았다.",
        ),
        # "despite" without 불구하고
        (
            "Despite the price increase, sales kept growing.",
            "가격을 인상했음에도 매출은 줄지 않았다.",
        ),
        # the polite 아닙니다 of an interview answer is a negation (hunt14)
        (
            "It is about people who stayed, and they are not victims.",
            "남은 사람들의 이야기인데, 그들은 피해자가 아닙니다.",
        ),
        # a negative test result is a negation (hunt26)
        (
            "The driver tested negative for alcohol, police said.",
            "경찰은 운전자에게서 음주 반응은 나오지 않았다고 설명했다.",
        ),
    ],
)
def test_faithful_negations_are_not_flagged(en: str, ko: str) -> None:
    assert _flipped(en, ko) == []


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            "Trainee doctors walked off the job in February 2024, and most did not return to "
            "hospitals until this September.",
            "전공의들은 2024년 2월 집단 사직했으며, 대부분 올해 9월에야 병원으로 돌아왔다.",
        ),
        (
            "The minister did not learn of the accident until the next morning.",
            "장관은 다음 날 아침에야 사고 소식을 알았다.",
        ),
        (
            "Residents were not allowed to go home until Sunday evening.",
            "주민들은 일요일 저녁이 돼서야 집으로 돌아갈 수 있었다.",
        ),
        (
            "The fire was not put out until after midnight.",
            "불은 자정을 넘긴 뒤에야 꺼졌다.",
        ),
        (
            "He did not realise the danger until he saw the footage.",
            "그는 영상을 보고서야 비로소 위험을 깨달았다.",
        ),
        (
            "Until Sunday, residents were not allowed to go home.",
            "주민들은 일요일이 되어서야 집으로 돌아갈 수 있었다.",
        ),
        # the other way round: the Korean "not until", the English "only after"
        (
            "Residents were allowed to go home only after Sunday evening.",
            "주민들은 일요일 저녁까지 집으로 돌아가지 못했다.",
        ),
        ("Most returned to hospitals only in September.", "대부분 9월에야 병원으로 돌아왔다."),
    ],
)
def test_not_until_as_only_then_is_not_flagged(en: str, ko: str) -> None:
    # "did not X until Y" is Korean "only at Y did X": ``Y에야``, ``Y가 돼서야``, ``비로소``
    assert _flipped(en, ko) == []


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the Korean keeps the time but drops "only": "returned in September"
        (
            "Most did not return to hospitals until September.",
            "대부분 9월에 병원으로 돌아왔다.",
        ),
        # "until" in another clause than the negation
        (
            "Residents were not allowed to go home, and officials stayed until Sunday.",
            "주민들은 귀가했고 공무원들은 일요일에야 철수했다.",
        ),
    ],
)
def test_not_until_is_still_read_without_an_only_then_in_the_korean(en: str, ko: str) -> None:
    assert [f.subject for f in _flipped(en, ko)] == ["negation"]


def test_a_negative_word_that_translates_one_of_the_english_is_no_negation() -> None:
    # desk tester's planted fault: 무응답 is "the silence", not the lost "could not"
    en = "The ministry said it could not confirm whether the silence was due to a glitch."
    found = _flipped(en, "통일부는 북한의 무응답이 기술적 문제 때문인 것으로 확인됐다고 설명했다.")
    assert [f.subject for f in found] == ["negation"]
    assert (
        _flipped(en, "통일부는 북한의 무응답이 기술적 문제 때문인지 확인되지 않았다고 밝혔다.")
        == []
    )


@pytest.mark.parametrize(
    "ko",
    [
        "버스 운수업체들은 연료비가 내려가야 전환에 나설 수 있다는 입장이다.",
        "버스 운수업체들은 연료비가 내려갈 경우에만 전환하겠다는 입장이다.",
        "버스 운수업체들은 연료비가 내려가면 전환하겠다는 입장이다.",
    ],
)
def test_not_unless_as_only_if_is_not_flagged(ko: str) -> None:
    # "would not X unless Y" is Korean "only if Y (Y해야, Y할 경우에만), X", or "if Y, X"
    assert _flipped("Bus operators said they would not switch unless fuel costs fall.", ko) == []


def test_not_unless_is_still_read_when_the_korean_states_x_outright() -> None:
    en = "Bus operators said they would not switch unless fuel costs fall."
    found = _flipped(en, "버스 운수업체들은 내년에 전환하겠다는 입장이다.")
    assert [f.subject for f in found] == ["negation"]


@pytest.mark.parametrize(
    ("ko", "flipped"),
    [
        ("전문가들은 9월 전에는 가격이 내려가기 어려울 것으로 내다봤다.", False),
        ("전문가들은 9월 전에 가격이 내려갈 가능성은 낮다고 내다봤다.", False),
        ("전문가들은 9월 전에 가격이 내려갈 것으로 내다봤다.", True),
    ],
)
def test_unlikely_to_negates_the_verb_after_it(ko: str, flipped: bool) -> None:
    # "unlikely to fall" is ``내려가기 어렵다`` or "a low chance", never ``내려갈 것``
    en = "Analysts said prices are unlikely to fall before September."
    assert bool(_flipped(en, ko)) is flipped


def test_a_side_that_may_have_dropped_the_negated_clause_is_not_flagged() -> None:
    # a second English sentence the Korean leaves out: an omission, not a flip
    en = (
        "A passenger said he heard a rattling noise after take-off. "
        "Qantas did not respond to calls seeking comment."
    )
    ko = "한 승객은 이륙 후 덜컥거리는 소리를 들었다고 말했다."
    assert _flipped(en, ko) == []
    # an English fragment far shorter than the Korean
    assert (
        _flipped(
            "Madeleine's parents and Robert Murat.",
            "법무장관실은 매들린의 부모와 로버트 무라트 등 용의자 3명에게서 범죄 증거가 "
            "발견되지 않았다고 밝혔다.",
        )
        == []
    )


def test_only_a_pair_well_above_the_mistranslation_threshold_is_read() -> None:
    en, ko = "The company did not raise prices.", "회사는 가격을 인상했다."
    settings = Settings(mistranslation_threshold=0.22)
    doc = aligned([(en, ko)])
    # the floor is the threshold and FLIP_MARGIN: 0.32
    loose = replace(doc, beads=(Bead((0,), (0,), 0.3),))
    close = replace(doc, beads=(Bead((0,), (0,), 0.35),))
    assert [f for f in run_checks(loose, settings) if f.subject == "negation"] == []
    assert [f.subject for f in run_checks(close, settings)] == ["negation"]


def test_a_negation_flag_hides_no_number_or_name_flag_of_its_pair() -> None:
    # a similarity flag says the pair is unrelated; a negation flag says only that
    flags = _flags("The company did not raise prices by 5 percent.", "회사는 가격을 7% 인상했다.")
    assert sorted((f.type, f.subject) for f in flags) == [
        ("mistranslation", "negation"),
        ("number_mismatch", ""),
    ]


def test_disabled_or_given_another_severity_by_its_check_name() -> None:
    en, ko = "The company did not raise prices.", "회사는 가격을 인상했다."
    raised = _flags(en, ko, Settings(severities={"negation": "error"}))
    assert [f.severity for f in raised if f.subject == "negation"] == [Severity.ERROR]
    assert _flags(en, ko, Settings(disabled_checks=frozenset({"negation"}))) == []
    # the similarity check's own switch leaves this one on
    kept = _flags(en, ko, Settings(disabled_checks=frozenset({"mistranslation"})))
    assert [f.subject for f in kept] == ["negation"]


@pytest.mark.parametrize(
    ("en", "ko", "words"),
    [
        (
            "The JCS said it had detected the launch preparations in advance and was sharing "
            "information closely with the U.S. and Japan.",
            "합참은 발사 준비 동향을 사전에 포착하지 못했으며 미국, 일본과 관련 정보를 긴밀히 "
            "공유하고 있다고 밝혔다.",
            [("tgt", "포착하지 못했으며")],
        ),
        (
            "The company did not raise prices.",
            "회사는 가격을 인상했다.",
            [("src", "did not raise")],
        ),
        ("She went to school on Monday.", "그녀는 월요일에 학교에 안 갔다.", [("tgt", "안 갔다")]),
        # read past the dateline, found in the sentence as written
        (
            "SEOUL, June 3 (Yonhap) -- North Korea has never conducted such a test.",
            "북한은 그런 시험을 실시했다.",
            [("src", "has never conducted")],
        ),
    ],
)
def test_the_flag_spans_the_negated_words(en: str, ko: str, words: list[tuple[str, str]]) -> None:
    doc = aligned([(en, ko)])
    [flag] = [f for f in run_checks(doc, Settings()) if f.subject == "negation"]
    assert spanned(doc, flag) == words


def test_the_negated_words_are_spanned_in_their_own_sentence_of_a_merged_pair() -> None:
    en = "The ministry released the figures on Monday. The company did not raise prices."
    ko = "부처는 월요일 수치를 발표했다. 회사는 가격을 인상했다."
    doc = aligned([(en, ko)])
    doc = replace(
        doc,
        src=replace(
            doc.src,
            sentences=tuple(
                Sentence(i, text, 1, 0, len(text))
                for i, text in enumerate(en.replace(". ", ".\n").splitlines())
            ),
        ),
        beads=(Bead((0, 1), (0,), 1.0),),
    )
    [flag] = find_flipped_negations(doc, Settings())
    [span] = flag.spans
    assert (span.side, span.sentence) == ("src", 1)
    assert doc.src.sentences[1].text[span.start : span.end] == "did not raise"


@pytest.mark.parametrize(
    ("en", "ko", "negated"),
    [
        # the defence desk test (hunt46): "against" a target negates nothing
        (
            "The ministers agreed to strengthen extended deterrence against North Korea.",
            "양국 장관은 북한에 대한 확장억제 강화에 합의하지 못했다.",
            "합의하지 못했다",
        ),
        # the adversarial test (hunt48): "has yet to", and a climbing team (등반대) no 반대
        (
            "The company has yet to recall the product.",
            "회사는 제품을 리콜했다.",
            "has yet to recall",
        ),
        (
            "The climbers failed to reach the summit.",
            "등반대는 정상에 도달했다.",
            "failed to reach",
        ),
        # the disasters desk test (hunt44): a subject of two nouns before its verb
        ("No deaths or injuries have been reported.", "사망자와 부상자가 보고됐다.", "No deaths"),
        # ... and what stays quiet: a stance against, and the same negation kept
        ("Lawmakers voted against the bill.", "의원들은 법안에 찬성하지 않았다.", None),
        (
            "Seoul warned Pyongyang against further provocations.",
            "정부는 북한에 추가 도발을 하지 말라고 경고했다.",
            None,
        ),
        ("The company has yet to recall the product.", "회사는 아직 제품을 리콜하지 않았다.", None),
    ],
)
def test_negations_read_on_the_desk_beats(en: str, ko: str, negated: str | None) -> None:
    flags = _flipped(en, ko)
    assert [f"“{negated}”" in f.message for f in flags] == ([True] if negated else [])


def test_a_pair_down_to_the_negation_margin_is_read() -> None:
    # a flipped negation takes a pair's similarity down: "No injuries were reported"
    # against 다친 사람이 있는 것으로 파악됐다 scores 0.40, below the margin of the other checks
    en, ko = "No injuries were reported among the passengers.", "승객 가운데 다친 사람이 있다."
    doc = replace(aligned([(en, ko)]), beads=(Bead((0,), (0,), 0.4),))
    [flag] = find_flipped_negations(doc, Settings(mistranslation_threshold=0.22))
    assert "“No injuries”" in flag.message


def test_not_yet_is_read_against_an_english_that_hedges() -> None:
    # the KO-to-EN desk test (hunt52): 아직 ... 않았다 against a plain statement is a flip;
    # against "still", "yet", "under investigation" it is the same fact
    ko = "북한은 이번 발사에 대해 아직 공식 입장을 내놓지 않았다."
    [flag] = _flipped("North Korea has issued an official statement on the launch.", ko)
    assert "“내놓지 않았다”" in flag.message
    assert _flipped("North Korea has yet to issue an official statement on the launch.", ko) == []
    assert _flipped("The ship is still at sea.", "배는 아직 도착하지 않았다.") == []
    assert _flipped("The cause is under investigation.", "원인은 아직 밝혀지지 않았다.") == []
