"""The ``opposite`` check: one side gives an outcome, the other its opposite."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.opposites import find_opposite_outcomes
from aligner.qa.registry import CHECKS, run_checks


def _flags(en: str, ko: str, settings: Settings | None = None) -> list[Flag]:
    return run_checks(aligned([(en, ko)]), settings or Settings())


def _opposed(en: str, ko: str) -> list[Flag]:
    return [f for f in _flags(en, ko) if f.subject == "opposite"]


def test_registered_as_an_error_raising_mistranslation() -> None:
    assert CHECKS["opposite"].function is find_opposite_outcomes
    assert CHECKS["opposite"].severity == Severity.ERROR


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # desk tester's planted fault: an acquittal translated as a conviction
        (
            "The court, however, acquitted him of a separate charge of abuse of power, citing "
            "insufficient evidence.",
            "직권남용 혐의에 대해서도 증거가 충분하다며 유죄로 판단했다.",
        ),
        (
            "Jeon was found guilty of siphoning off funds.",
            "전씨는 자금을 빼돌린 혐의에 대해 무죄를 선고받았다.",
        ),
        (
            "The jury found him not guilty on all counts.",
            "배심원단은 모든 혐의에 대해 유죄 평결을 내렸다.",
        ),
        (
            "He was sentenced to one year in prison, suspended for two years.",
            "그는 징역 1년의 실형을 선고받았다.",
        ),
        # desk tester's planted fault: the suspension dropped from the sentence
        (
            "The court sentenced him to three years in prison, suspended for five years.",
            "재판부는 그에게 징역 3년을 선고했다.",
        ),
        (
            "The court issued an arrest warrant for the former minister.",
            "법원은 전 장관에 대한 구속영장을 기각했다.",
        ),
        (
            "The Constitutional Court upheld the impeachment.",
            "헌법재판소는 탄핵심판 청구를 기각했다.",
        ),
        ("The Supreme Court dismissed the appeal.", "대법원은 상고를 인용했다."),
        ("The National Assembly passed the budget bill.", "국회는 예산안을 부결시켰다."),
        ("The bill was voted down.", "법안은 가결됐다."),
        ("The committee rejected his resignation.", "위원회는 그의 사표를 승인했다."),
        ("Most residents voted in favor of the plan.", "대다수 주민들이 계획에 반대했다."),
        ("The opposition party voted against the bill.", "야당은 법안에 찬성표를 던졌다."),
        # desk tester's probes: a suit lost for one won, a level lowered for one raised
        (
            "The singer has lost a lawsuit against his former agency.",
            "가수는 전 소속사를 상대로 낸 소송 1심에서 일부 승소했다.",
        ),
        ("The company won the case.", "회사는 소송에서 패소했다."),
        (
            'The government lowered its heat wave crisis alert to "serious," the highest level.',
            "정부는 폭염 위기경보 수준을 최고 단계인 '심각'으로 올렸다.",
        ),
        (
            "Moody's upgraded the country's credit rating.",
            "무디스는 이 나라의 신용등급을 하향 조정했다.",
        ),
        # desk tester's planted fault: a claim the court rejected, accepted
        (
            "The court rejected that claim, saying the transactions were hidden through 14 "
            "shell companies.",
            "그러나 법원은 거래가 14개 페이퍼컴퍼니를 통해 은폐됐다며 이 주장을 받아들였다.",
        ),
        ("The Supreme Court dismissed the appeal.", "대법원은 항소를 받아들였다."),
        ("The ministry turned down the union's request.", "교육부는 노조의 요청을 수용했다."),
        ("The government accepted the doctors' demands.", "정부는 의사들의 요구를 거부했다."),
        ("The company accepted the offer.", "회사는 그 제안을 거절했다."),
        # desk tester's sentence, its Korean turned around
        (
            "It rejected his claim over advertising income, however, citing a lack of evidence.",
            "다만 광고 수익에 대한 청구는 증거가 부족하다며 받아들였다.",
        ),
        # a desk tester's market and earnings copy, turned around
        (
            "The company posted an operating loss of 7.5 billion won in the third quarter.",
            "회사는 3분기 75억 원의 영업이익을 냈다.",
        ),
        (
            "The country posted a trade surplus of $8.64 billion in October.",
            "10월 무역수지는 86억4천만 달러 적자를 기록했다.",
        ),
        (
            "Foreigners sold a net 523.7 billion won worth of stocks.",
            "외국인은 5천237억 원어치를 순매수했다.",
        ),
        # desk tester's planted faults (hunt22): a denial as an admission, a result
        # below the forecast as above it, a merger rejected as approved
        (
            "Kim denied all of the charges at the first hearing at the Changwon District Court.",
            "김 전 시장은 창원지법에서 열린 첫 공판에서 혐의를 모두 인정했다.",
        ),
        ("Kim pleaded not guilty at the first hearing.", "김씨는 첫 공판에서 혐의를 시인했다."),
        ("He admitted to the charges.", "그는 혐의를 전면 부인했다."),
        (
            "The figure was lower than the 10.8 trillion won that analysts had expected.",
            "이는 증권가 평균 전망치인 10조8천억 원을 웃도는 수준이다.",
        ),
        ("Profit was higher than expected.", "이익은 시장 예상치에 못 미쳤다."),
        ("Sales missed analysts' estimates.", "매출은 시장 전망치를 상회했다."),
        ("The regulator approved the merger.", "공정위는 합병을 불허했다."),
        # the tally between the bill and its verb (desk tester's probe, hunt24)
        (
            "The National Assembly on Wednesday rejected a 728 trillion-won budget for next year, "
            "with 183 of the 281 lawmakers present voting in favor, 92 against and six abstaining.",
            "국회는 2일 본회의를 열어 728조원 규모의 내년도 예산안을 재석 의원 281명 중 찬성 "
            "183명, 반대 92명, 기권 6명으로 통과시켰다.",
        ),
        ("The board rejected the plan.", "이사회는 계획을 받아들였다."),
        # a courts desk test (hunt33): prosecutors' demand given as the sentence, and an
        # appeal accepted where the English dismissed it
        (
            "Prosecutors on Monday sought life imprisonment for a man accused of killing two.",
            "법원은 7일 두 명을 살해한 혐의로 기소된 남성에게 무기징역을 선고했다.",
        ),
        ("The court sentenced him to two years in prison.", "검찰은 징역 2년을 구형했다."),
        (
            "The Supreme Court dismissed the appeal, upholding the appellate ruling.",
            "대법원은 상고를 받아들여 원심 판결을 파기했다.",
        ),
        # "approved by a vote", not "passed by" (an MT desk test, hunt28)
        (
            "The bill was approved by a vote of 182 to 71.",
            "법안은 찬성 182표, 반대 71표로 부결됐다.",
        ),
        # the desk tests of stop 30: the North Korea beat (hunt34), markets (hunt35) and
        # people (hunt36)
        (
            "North Korea on Saturday denied that it had supplied artillery shells to Russia.",
            "북한은 토요일 러시아에 포탄을 공급했다는 의혹을 인정했다.",
        ),
        (
            "Russia has also denied buying weapons from the North.",
            "러시아도 북한 무기 구매 의혹을 인정했다.",
        ),
        (
            "The Treasury lifted sanctions on a Singapore shipping company.",
            "재무부는 싱가포르 해운사에 대한 제재를 부과했다.",
        ),
        (
            "North Korea fired two short-range ballistic missiles into the East Sea.",
            "북한이 동해상으로 대륙간 탄도미사일 2발을 발사했다.",
        ),
        (
            "North Korea fired an intercontinental ballistic missile.",
            "북한이 중거리 탄도미사일을 발사했다.",
        ),
        ("North Korea fired a short-range ballistic missile.", "북한이 순항미사일을 발사했다."),
        (
            "Operating profit jumped 125 percent from a year earlier.",
            "영업이익은 전 분기 대비 125% 급증했다.",
        ),
        ("Net profit rose 5 percent quarter-on-quarter.", "순이익은 전년 동기 대비 5% 증가했다."),
        ("The carrier returned to profit in the third quarter.", "항공사는 3분기 적자로 돌아섰다."),
        (
            "The won rose to its highest level in 20 years.",
            "원화 가치는 20년 만에 최저 수준으로 내렸다.",
        ),
        ("The index hit a record high.", "지수는 사상 최저치를 기록했다."),
        # the sports and science desk tests (hunt38, hunt39)
        (
            "Kim Woo-min won the gold medal in the 400-meter freestyle.",
            "김우민은 자유형 400m에서 은메달을 땄다.",
        ),
        ("Ko Jin-young tied for 11th at 11 under.", "고진영이 11오버파로 공동 11위에 올랐다."),
        (
            "The won hit a 15-year low against the dollar.",
            "원/달러 환율은 15년 만에 최저치를 기록했다.",
        ),
        (
            "The dollar rose to its highest level in 15 years.",
            "원/달러 환율은 15년 만에 최저치를 기록했다.",
        ),
        (
            "Yang Hee-young tied for fifth at 13 under, and Ko Jin-young tied for 11th at 11 under",
            "양희영이 13언더파로 공동 5위, 고진영이 11오버파로 공동 11위에 올랐다.",
        ),
        (
            "Manchester United won 2-1 at Aston Villa in the Premier League on Sunday.",
            "맨체스터 유나이티드가 일요일 프리미어리그 애스턴 빌라 원정 경기에서 2-1로 졌다.",
        ),
        ("The party lost the election.", "당은 선거에서 승리했다."),
        ("The opposition lost the by-election.", "야당은 재보궐선거에서 승리했다."),
        (
            "The U.S. Food and Drug Administration on Friday approved a new Alzheimer's drug.",
            "미국 식품의약국이 12일 새 알츠하이머병 치료제에 대한 승인을 거부했다.",
        ),
        (
            "President Lee on Monday nominated Kwon Hye-sook as health minister.",
            "이 대통령은 월요일 권혜숙 전 차관을 보건복지부 장관으로 임명했다.",
        ),
        # a half of the year, a flight cancelled or delayed (desk tests hunt57, hunt58)
        ("Operating profit in the first half rose 12 percent.", "하반기 영업이익은 12% 늘었다."),
        (
            "All afternoon flights departing Jeju were canceled because of the typhoon.",
            "태풍으로 제주 출발 오후 항공편이 모두 지연 운항했다.",
        ),
        ("Flights were delayed for hours.", "항공편이 모두 결항됐다."),
    ],
)
def test_an_outcome_reversed_is_one_mistranslation_error(en: str, ko: str) -> None:
    assert [(f.type, f.severity, f.subject) for f in _flags(en, ko)] == [
        ("mistranslation", Severity.ERROR, "opposite")
    ]


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("The court upheld his claim.", "재판부는 그의 주장을 받아들이지 않았다."),
        ("Their request was granted.", "이들의 요청은 받아들여지지 않았다."),
    ],
)
def test_a_claim_accepted_then_not_accepted_is_also_a_lost_negation(en: str, ko: str) -> None:
    assert sorted(f.subject for f in _flags(en, ko)) == ["negation", "opposite"]


def test_the_message_names_both_words_and_quotes_both_sentences() -> None:
    (flag,) = _opposed("The bill was voted down.", "법안은 가결됐다.")
    assert flag.message == (
        "opposite vote: EN says “voted down” but KO says “가결” (approved). "
        "EN: “The bill was voted down.” KO: “법안은 가결됐다.”"
    )


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            "The court acquitted eight activists of treason.",
            "법원은 피고인 8명에게 무죄를 선고했다.",
        ),
        (
            "Twenty-nine people convicted of various crimes were hanged.",
            "유죄 판결을 받은 죄수 29명이 처형됐다.",
        ),
        (
            "He was sentenced to one year in prison, suspended for two years.",
            "그는 징역 1년에 집행유예 2년을 선고받았다.",
        ),
        (
            "The budget, approved with 189 lawmakers voting in favor and 73 against, is up "
            "8.1 percent.",
            "예산안은 찬성 189명, 반대 73명으로 가결됐다. 올해보다 8.1% 늘어난 규모다.",
        ),
        (
            "The court rejected the prosecution's request for an arrest warrant.",
            "법원은 검찰의 구속영장 청구를 기각했다.",
        ),
        (
            "The Supreme Court upheld the lower court's ruling.",
            "대법원은 상고를 기각하고 원심을 확정했다.",
        ),
        # both outcomes on a side
        (
            "The appeals court overturned the acquittal and convicted him.",
            "항소심은 무죄를 뒤집고 유죄를 선고했다.",
        ),
        ("The motion was rejected, with 120 in favor.", "동의안은 찬성 120명으로 부결됐다."),
        # an outcome negated, reversed, hedged or a condition is not stated
        ("Prosecutors appealed against the acquittal.", "검찰은 무죄 판결에 불복해 항소했다."),
        (
            "The appeals court overturned his conviction.",
            "항소심 재판부는 원심을 깨고 무죄를 선고했다.",
        ),
        ("He was not convicted.", "그는 무죄를 선고받았다."),
        (
            "If convicted, he faces five years in prison.",
            "유죄가 인정되면 그는 징역 5년에 처해진다.",
        ),
        ("He pleaded guilty.", "그는 무죄를 주장하지 않았다."),
        (
            "He avoided prison time with a suspended sentence.",
            "그는 집행유예를 받아 실형을 면했다.",
        ),
        (
            "The court sentenced him to three years in prison, suspended for five years.",
            "재판부는 그에게 징역 3년을 선고하고 형의 집행을 5년간 유예했다.",
        ),
        (
            "The court sentenced him to three years in prison.",
            "재판부는 그에게 징역 3년을 선고했다.",
        ),
        (
            "Everyone is presumed innocent until proven guilty.",
            "유죄가 확정될 때까지 무죄로 추정된다.",
        ),
        # words that only look like outcomes
        ("The presumption of innocence was ignored.", "무죄 추정의 원칙이 무시됐다."),
        ("He returned the dog to its owner, who approved.", "그는 반려견을 주인에게 돌려줬다."),
        ("The board approved the schedule.", "이사회는 일정 여부결정을 마쳤다."),
        ("The public voted in favor.", "일반대중은 투표로 지지를 보냈다."),
        # a suit won at one level and lost at another; a level raised then lowered
        (
            "He lost the case at the first trial but won on appeal.",
            "그는 1심에서 패소했으나 항소심에서 승소했다.",
        ),
        ("The agency failed to win the lawsuit.", "회사는 소송에서 패소했다."),
        # "won" after an amount is the currency
        (
            "The agency must pay him 3.4 billion won in the lawsuit.",
            "회사는 소송에서 패소해 그에게 34억원을 지급해야 한다.",
        ),
        (
            "The weather agency raised its heat wave alert to the highest level.",
            "기상청은 폭염 경보를 최고 단계로 격상했다.",
        ),
        # an alert "issued" (경보를 내렸다) is no level lowered
        ("Authorities raised the alert level.", "당국은 경보를 내렸다."),
        (
            "The agency quoted officials as saying it was approved.",
            "통신은 관계자를 인용해 승인됐다고 전했다.",
        ),
        (
            "The court rejected that claim, saying the transactions were hidden through 14 "
            "shell companies.",
            "그러나 법원은 거래가 14개 페이퍼컴퍼니를 통해 은폐됐다며 이 주장을 받아들이지 않았다.",
        ),
        ("The union rejected the offer.", "노조는 제안을 받아들이지 못했다."),
        # a claim accepted or rejected only in a relative clause, a negation, a condition
        (
            "The Supreme Court overturned a ruling that rejected the claim.",
            "대법원은 원심을 깨고 주장을 받아들였다.",
        ),
        (
            "The top court upheld a ruling that rejected the claim.",
            "대법원은 이 주장을 받아들이지 않은 원심을 확정했다.",
        ),
        ("The court rejected the claim.", "법원은 주장을 안 받아들였다."),
        ("He rejected the offer.", "그는 제안을 받아들일 수 없다고 말했다."),
        (
            "The current account swung to a surplus from a deficit a year earlier.",
            "경상수지는 1년 전 적자에서 흑자로 돌아섰다.",
        ),
        # a denial or an admission negated is no outcome; 부인 without charges is a wife
        ("He did not admit the charges.", "그는 혐의를 인정하지 않았다."),
        ("He denied the charges.", "그는 혐의를 모두 부인했다."),
        ("He admitted his wife was ill.", "그는 부인이 아프다고 인정했다."),
        ("Profit was higher than expected.", "이익은 시장 예상치를 웃돌았다."),
        ("The number was no more than 30.", "그 수는 30명을 밑돌았다."),
        # a bound on a figure beside a comparison the Korean keeps: desk tester's line
        (
            "The figure remains far below pre-pandemic levels, when more than 1,000 defectors "
            "reached the South each year.",
            "이는 해마다 1천 명 넘는 탈북민이 입국하던 코로나19 사태 이전에 비하면 여전히 크게 "
            "밑도는 수준이다.",
        ),
        (
            "The board approved the plan, which regulators had rejected last year.",
            "이사회는 지난해 당국이 불허했던 계획을 승인했다.",
        ),
        (
            "The court sentenced him to two years, though prosecutors had sought three.",
            "법원은 징역 2년을 선고했다.",
        ),
        (
            "Prosecutors sought life imprisonment for the man.",
            "검찰은 남성에게 무기징역을 구형했다.",
        ),
        (
            "North Korea denied that it had supplied artillery shells to Russia.",
            "북한은 러시아에 포탄을 공급했다는 의혹을 부인했다.",
        ),
        ("Washington refused to lift sanctions on Pyongyang.", "미국은 대북 제재 해제를 거부했다."),
        (
            "North Korea fired short-range ballistic and cruise missiles.",
            "북한이 단거리 탄도미사일과 순항미사일을 발사했다.",
        ),
        (
            "Sales rose 17 percent on-year but fell 3 percent from the previous quarter.",
            "매출은 전년 동기 대비 17% 늘었지만 전 분기보다 3% 줄었다.",
        ),
        (
            "The company swung to an operating profit from a loss a year earlier.",
            "회사는 영업이익을 내며 적자에서 흑자로 전환했다.",
        ),
        (
            "Lee nominated Kwon, who will be appointed after a confirmation hearing.",
            "이 대통령은 권 후보자를 지명했으며 인사청문회 뒤 임명할 예정이다.",
        ),
        ("The poet Kim said he loved the sea.", "시인 김씨는 바다를 사랑한다고 말했다."),
        ("The minimum wage rose to its highest level.", "최저임금은 사상 최고 수준으로 올랐다."),
        (
            "The CEO said the stock hit a record low.",
            "최고경영자는 주가가 사상 최저를 기록했다고 말했다.",
        ),
        (
            "South Korea finished with 42 gold medals, 59 silver medals and 89 bronze medals.",
            "한국은 금메달 42개, 은메달 59개, 동메달 89개로 대회를 마쳤다.",
        ),
        (
            "Kim shot a 2-over 74 but still won at 10 under.",
            "김효주는 2오버파 74타를 쳤지만 10언더파로 우승했다.",
        ),
        # a best season, a sporting record, another currency's rate (hunt40)
        (
            "Despite the lowest payroll in the league, it was the best season in club history.",
            "리그 최저 연봉 구단이었지만 구단 역사상 최고의 시즌이었다.",
        ),
        (
            "Lee's 62 was the lowest score in tournament history.",
            "이 선수의 62타는 대회 최고 기록이다.",
        ),
        (
            "The yen slid to a 34-year low against the dollar.",
            "엔·달러 환율이 34년 만에 최고치로 뛰었다.",
        ),
        (
            "The dollar rose to its highest against the won in 15 years.",
            "원·달러 환율이 15년 만의 최고치로 올랐다.",
        ),
        # a game told with its opponent, from either side (the adversarial test, hunt40)
        ("Ulsan beat Pohang 3-0 at home.", "포항은 울산 원정에서 0-3으로 졌다."),
        ("South Korea lost 2-1 to Japan in the final.", "일본은 결승에서 한국을 2-1로 꺾었다."),
        ("Japan beat South Korea 3-0.", "일본은 한국에 0-3 패배를 안겼다."),
        ("Pohang lost 3-0 to Ulsan.", "포항은 울산과의 경기에서 0-3으로 졌다."),
        # an approval rating, a defeat in a game, a gold-medal match, a par given both ways
        (
            "The president's approval rating rose after the bill failed.",
            "법안이 부결되자 대통령 지지율이 올랐다.",
        ),
        ("After the 3-0 defeat, the board's sign-off came.", "3-0 패배 이후 이사회 승인이 났다."),
        (
            "He lost the gold-medal match to Japan's Abe.",
            "그는 결승에서 일본의 아베에게 져 은메달을 땄다.",
        ),
        (
            "Kim started the day at 2 under and shot a 74.",
            "2언더파로 출발한 김은 2오버파 74타를 쳤다.",
        ),
        # a game told from the loser's side, a responsibility taken (졌다)
        (
            "Pohang Steelers beat FC Seoul 3-0 on Saturday.",
            "FC서울은 토요일 포항 스틸러스에 0-3으로 졌다.",
        ),
        ("The Lions lost 5-7 to Doosan.", "라이온즈는 두산에 5-7로 졌다."),
        ("He won the election and took responsibility.", "그는 선거에서 승리했고 책임을 졌다."),
        # a word that holds 최고 or 최저, a draft pick (the adversarial test, hunt37)
        (
            "Seoul's daytime high will reach only minus 4 degrees, the lowest this winter.",
            "서울의 낮 최고기온은 영하 4도에 그쳐 올겨울 들어 가장 낮겠다.",
        ),
        (
            "The hospital, one of the top medical centers, had the lowest infection rate.",
            "국내 최고 수준의 의료기관인 이 병원은 감염률이 가장 낮았다.",
        ),
        (
            "The most senior player posted his lowest batting average in a decade.",
            "팀 내 최고참 선수는 10년 만에 가장 낮은 타율을 기록했다.",
        ),
        (
            "Ahn, the first overall pick in the 2022 draft, was appointed team captain.",
            "2022년 신인 드래프트 전체 1순위로 지명된 안 선수가 주장을 맡게 됐다.",
        ),
        ("Operating profit in the first half rose 12 percent.", "상반기 영업이익은 12% 늘었다."),
        ("The summit was canceled.", "정상회담이 취소돼 협상 지연이 불가피하다."),
        (
            "The flight was delayed by two hours and later canceled.",
            "이 항공편은 2시간 지연된 뒤 결항됐다.",
        ),
        # the won at its lowest is the won-dollar rate at its highest (desk test hunt35)
        (
            "The won fell to its lowest level in seven months against the U.S. dollar.",
            "원/달러 환율이 7개월 만에 최고 수준으로 올랐다.",
        ),
    ],
)
def test_faithful_outcomes_are_not_flagged(en: str, ko: str) -> None:
    assert _opposed(en, ko) == []


def test_only_a_pair_well_above_the_mistranslation_threshold_is_read() -> None:
    en, ko = "The bill was voted down.", "법안은 가결됐다."
    settings = Settings(mistranslation_threshold=0.22)
    doc = aligned([(en, ko)])
    # the floor is the threshold and negation.FLIP_MARGIN: 0.32
    assert list(find_opposite_outcomes(replace(doc, beads=(Bead((0,), (0,), 0.35),)), settings))
    loose = replace(doc, beads=(Bead((0,), (0,), 0.3),))
    assert list(find_opposite_outcomes(loose, settings)) == []


def test_disabled_or_given_another_severity_by_its_check_name() -> None:
    en, ko = "The bill was voted down.", "법안은 가결됐다."
    lowered = _flags(en, ko, Settings(severities={"opposite": "warning"}))
    assert [f.severity for f in lowered] == [Severity.WARNING]
    assert _flags(en, ko, Settings(disabled_checks=frozenset({"opposite"}))) == []


def test_a_korean_original_is_read_from_the_english_side() -> None:
    doc = aligned([("The bill was voted down.", "법안은 가결됐다.")]).with_sides_swapped()
    (flag,) = run_checks(doc, Settings(src_lang="ko", tgt_lang="en"))
    assert flag.subject == "opposite" and (flag.src, flag.tgt) == ((0,), (0,))
    assert spanned(doc, flag) == [("tgt", "voted down"), ("src", "가결")]


def test_the_flag_spans_both_words() -> None:
    doc = aligned([("The jury found him not guilty.", "배심원단은 유죄 평결을 내렸다.")])
    [flag] = find_opposite_outcomes(doc, Settings())
    assert spanned(doc, flag) == [("src", "not guilty"), ("tgt", "유죄")]


@pytest.mark.parametrize(
    ("en", "ko", "opposed"),
    [
        # the disasters desk test (hunt44): an alert's level, and lifted for issued
        (
            "A cold wave advisory was issued for Seoul on Sunday.",
            "일요일 서울에 한파경보가 발령됐다.",
            "alert: EN says “cold wave advisory” but KO says “한파경보” (a warning)",
        ),
        (
            "A cold wave advisory was issued for Seoul on Sunday.",
            "일요일 서울에 한파주의보가 발령됐다.",
            None,
        ),
        (
            "Heavy rain warnings were lifted in the afternoon.",
            "오후에 호우경보가 발령됐다.",
            "alert: EN says “warnings were lifted” but KO says “경보가 발령” (issued)",
        ),
        (
            "The heat wave advisory was upgraded to a warning.",
            "폭염주의보가 폭염경보로 격상됐다.",
            None,
        ),
        (
            "The agency warned that heavy rain could cause landslides.",
            "기상청은 호우로 산사태를 경고했다.",
            None,
        ),
        # the tech desk test (hunt49): a month's change for a year's
        (
            "Exports rose 3.1 percent from a month earlier.",
            "수출은 1년 전보다 3.1% 늘었다.",
            "comparison base: EN says “a month earlier” but KO says “1년 전보다” (year on year)",
        ),
        ("Exports rose 3.1 percent from a month earlier.", "수출은 전월 대비 3.1% 늘었다.", None),
        (
            "Jeonse and monthly rent rose 0.1 percent from a year earlier.",
            "전월세 가격은 1년 전보다 0.1% 올랐다.",
            None,
        ),
        # the society desk test (hunt45): a union's words given to the employers' side
        (
            "Workers cannot live on such wages, a union representative said.",
            '한 경영계 위원은 "이런 임금으로는 노동자가 살 수 없다"고 말했다.',
            "side: EN says “union” but KO says “경영계” (management)",
        ),
        ("The union rejected management's offer.", "노조는 사측 제안을 거부했다.", None),
        # the tech desk test (hunt49): the second largest as the largest
        (
            "The U.S. is Kia's second-largest market.",
            "미국은 기아의 최대 시장이다.",
            "rank: EN says “second-largest” but KO says “최대” (the largest)",
        ),
        ("The U.S. is Kia's second-largest market.", "미국은 기아의 두 번째로 큰 시장이다.", None),
        (
            "Up to 80 mm of rain fell, the largest amount this year.",
            "최대 80㎜의 비가 내려 올해 가장 많았다.",
            None,
        ),
        # the disasters desk test (hunt44): a bearing turned around
        (
            "The typhoon was 250 km south of Seogwipo.",
            "태풍은 서귀포 북쪽 250㎞ 해상에 있다.",
            "bearing: EN says “south of” but KO says “북쪽” (north)",
        ),
        (
            "The quake struck 9 km south-southwest of Gyeongju.",
            "지진은 경주 남남서쪽 9㎞ 지역에서 발생했다.",
            None,
        ),
        ("The town lies 30 km northeast of Seoul.", "이 마을은 서울 동북쪽 30㎞에 있다.", None),
        # the adversarial test of these rules (hunt50): the European Union is no union, an
        # alert with its place, a third rank
        (
            "The European Union's antitrust chief met Korean business leaders.",
            "유럽연합(EU)의 반독점 수장은 한국 재계 인사들을 만났다.",
            None,
        ),
        (
            "The heat wave warning for Gwangju was lifted in the afternoon.",
            "광주에 폭염경보가 오후에 발령됐다.",
            "alert: EN says “warning for Gwangju was lifted” but KO says “경보가 오후에 발령” "
            "(issued)",
        ),
        (
            "Incheon is the country's third-largest city.",
            "인천은 국내 최대 도시다.",
            "rank: EN says “third-largest” but KO says “최대” (the largest)",
        ),
        # the KO-to-EN desk test (hunt52): a comeback win, and a prison term handed down
        (
            "The Korean men's national football team lost 2-1 to Japan in a friendly on Monday.",
            "한국 축구대표팀이 7일 일본과의 친선경기에서 2-1로 역전승을 거뒀다.",
            "game: EN says “lost” but KO says “역전승” (won)",
        ),
        (
            "The court on Thursday acquitted Jung Min-seok, 45, of fraud.",
            "법원은 목요일 사기 혐의로 기소된 정민석(45)씨에게 징역 15년을 선고했다.",
            "verdict: EN says “acquitted” but KO says “징역 15년을 선고” (convicted)",
        ),
        (
            "Prosecutors sought a 15-year term, but the court acquitted him.",
            "검찰은 징역 15년을 구형했지만 법원은 무죄를 선고했다.",
            None,
        ),
        # the adversarial test (hunt48): a game told with its opponent, its result reversed
        (
            "South Korea lost 2-0 to Japan in the final.",
            "한국은 결승에서 일본을 2-0으로 이겼다.",
            "game: EN says “lost” but KO says “이겼” (won)",
        ),
        (
            "The Ulsan team was defeated by Pohang.",
            "울산은 포항을 꺾었다.",
            "game: EN says “was defeated” but KO says “꺾” (won)",
        ),
        (
            "Japan beat South Korea 2-1.",
            "일본은 한국에 1-2로 졌다.",
            "game: EN says “beat” but KO says “졌” (lost)",
        ),
        # ... and told from either side
        ("Japan beat South Korea 2-1.", "한국은 일본에 1-2로 졌다.", None),
        ("LG lost to the Doosan Bears 4-2.", "LG는 두산 베어스에 2-4로 졌다.", None),
        # the adversarial test (hunt48): the won's extreme is the rate's opposite one, told
        # after a comma ("its highest") or after a verb of going down (내려가)
        (
            "The won strengthened to 1,305 per dollar, its highest level in four months.",
            "원/달러 환율은 1,305원으로 내려가 넉 달 만에 최저치를 기록했다.",
            None,
        ),
        (
            "The won fell to 1,447.3 per dollar, its lowest level in seven months.",
            "원/달러 환율은 1,447.3원으로 올라 7개월 만에 최저치를 기록했다.",
            "extreme: EN says “lowest” but KO says “최저” (the highest for the won)",
        ),
    ],
)
def test_opposites_on_the_desk_beats(en: str, ko: str, opposed: str | None) -> None:
    flags = _opposed(en, ko)
    assert [f.message.split(". EN:")[0] for f in flags] == (
        [f"opposite {opposed}"] if opposed else []
    )
