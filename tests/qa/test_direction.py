"""The ``direction`` check: a figure that rose in one language and fell in the other."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.currency import Quantity, read_quantity
from aligner.qa.direction import find_reversed_directions, read_changes
from aligner.qa.registry import CHECKS, run_checks


def _changes(text: str, lang: str) -> list[tuple[str, str]]:
    return [(c.amount, c.direction) for c in read_changes(text, lang)]


def _flags(en: str, ko: str, settings: Settings | None = None) -> list[Flag]:
    return run_checks(aligned([(en, ko)]), settings or Settings())


def _reversed(en: str, ko: str) -> list[Flag]:
    return [f for f in _flags(en, ko) if f.subject == "direction"]


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("Exports rose 2.3 percent in May.", [("2.3 percent", "up")]),
        ("The KOSPI fell 1.2 percent to 2,450.", [("1.2 percent", "down")]),
        ("Shares fell by 3% on Monday.", [("3%", "down")]),
        ("Spending increased 10 percent.", [("10 percent", "up")]),
        ("The Dow jumped 5 points.", [("5 points", "up")]),
        ("Sales were up 3 percent from a year earlier.", [("3 percent", "up")]),
        ("Prices, down 2% last month, recovered.", [("2%", "down")]),
        ("The index closed down about 1.5 percent.", [("1.5 percent", "down")]),
        ("The company reported a 3 percent rise in profit.", [("3 percent", "up")]),
        ("Exports posted a 3 percent increase.", [("3 percent", "up")]),
        ("Analysts expect a 2 percent drop.", [("2 percent", "down")]),
        ("It was the steepest 4.5% decline in a decade.", [("4.5%", "down")]),
        ("Wages saw a 5 percent gain.", [("5 percent", "up")]),
        ("Growth slowed after an increase of about 5% last year.", [("5%", "up")]),
        ("The economy expects 3 percent growth.", [("3 percent", "up")]),
        ("The death toll climbed to 49.", [("49", "up")]),
        ("Crude settled up $2.16 to $131.04 a barrel.", [("$2.16", "up")]),
        ("The Dow lost 200 points.", [("200 points", "down")]),
        ("Heating oil futures lost 12.8 cents.", [("12.8 cents", "down")]),
        ("Oil prices shed nearly $4 on Wednesday.", [("$4", "down")]),
        ("The Fed cut rates by 25 basis points.", [("25 basis points", "down")]),
        (
            "The Bank of Korea raised its key rate by 0.25 percentage point.",
            [("0.25 percentage point", "up")],
        ),
        (
            "The index rose 12.34 points, or 0.6 percent, to 2,450.",
            [("12.34 points", "up"), ("0.6 percent", "up")],
        ),
        ("The index rose 12 points (0.6%).", [("12 points", "up"), ("0.6%", "up")]),
        (
            "Exports rose 3 percent and imports fell 2 percent.",
            [("3 percent", "up"), ("2 percent", "down")],
        ),
        # the verb's object, then "to" or "by"; a gap or a loss that widens or narrows
        (
            "The BOK lowered its growth forecast for this year to 2.5 percent.",
            [("2.5 percent", "down")],
        ),
        ("The loss widened by 30 percent.", [("30 percent", "up")]),
        # a trial's long object (desk test hunt53)
        (
            "The drug lowered the risk of progression to the next stage of the disease by "
            "31 percent compared with placebo.",
            [("31 percent", "down")],
        ),
        ("The trade deficit narrowed by $1.2 billion.", [("$1.2 billion", "down")]),
        # a sign or an arrow instead of a word, as market tables write them
        ("Samsung Electronics (+0.85%) led the gains.", [("0.85%", "up")]),
        ("LG Chem (-1.2%) and SK hynix (−0.4%)", [("1.2%", "down"), ("0.4%", "down")]),
        ("KOSDAQ 1.1%↓", [("1.1%", "down")]),
    ],
)
def test_english_words_of_change_bound_to_a_number(
    text: str, changes: list[tuple[str, str]]
) -> None:
    assert _changes(text, "en") == changes


@pytest.mark.parametrize(
    "text",
    [
        "Up to 30 people were hurt.",  # 최대
        "A pack of up to 30 bears prowled around the mines.",
        "They set up 3 committees.",
        "Women make up 50 percent of the world's population.",
        "The company took a 30 percent cut of the profits.",  # a share, not a reduction
        "The team lost 3 games in a row.",
        "He lost 3 of his 5 matches.",
        "The carmaker lost $4 billion last year.",  # a loss, not a falling price
        "In the fall of 1924, a man found the girl.",
        "The collection will launch in fall 2008.",
        "Japan fell 2-1 to Korea.",  # a score
        "Prices rose 3-4 percent.",  # a range: the amount is neither end
        "About 3 percent fall into this group.",  # a verb after the number, no noun of change
        "Prices rose on Oct. 3 and fell on Oct. 5.",  # dates
        "The plane came down from 29,000 feet.",
        "Obama holds 45 percent, up from 39 percent.",  # "up from" names where it started
        "The Dow rose, adding to 3 days of gains.",
        "Police increased patrols by 3 p.m.",  # a time, not an amount
        "Emissions will be cut by 2030.",  # a year
        "He sent the letter to 30 people.",
        "Temperatures of -5 degrees are expected.",  # a sign only before a percentage
        "Prices rose 3-4 percent.",
    ],
)
def test_english_idioms_and_unbound_numbers_have_no_direction(text: str) -> None:
    assert _changes(text, "en") == []


# ---------------------------------------------------------------- Korean


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("수출은 2.3% 감소했다.", [("2.3%", "down")]),
        ("코스피는 1.2% 오른 2,450에 마감했다.", [("1.2%", "up")]),
        ("물가가 3% 하락했다.", [("3%", "down")]),
        ("주가가 3%나 올랐다.", [("3%", "up")]),
        ("유가는 2.16달러 오른 131.04달러에 거래됐다.", [("2.16달러", "up")]),
        ("판매량이 10% 가량 줄었다.", [("10%", "down")]),
        ("수입이 2배 늘었다.", [("2배", "up")]),
        ("실업률이 1.5%포인트 하락했다.", [("1.5%포인트", "down")]),
        ("전년 대비 30% 감소", [("30%", "down")]),
        ("기준금리를 0.25%p 인하했다.", [("0.25%p", "down")]),
        ("사망자 수는 49명으로 증가했다.", [("49명", "up")]),
        ("휘발유 재고가 290만배럴 증가했다.", [("290만배럴", "up")]),
        ("가스 가격은 27.9센트 내린 9.788달러였다.", [("27.9센트", "down")]),
        ("해수면이 1미터 상승했다.", [("1미터", "up")]),
        (
            "지수는 12.34포인트(0.6%) 오른 2,450에 마감했다.",
            [("12.34포인트", "up"), ("0.6%", "up")],
        ),
        ("영화는 2위로 내려앉았다.", [("2위", "down")]),
        ("매출이 30% 이상 줄어든 것으로 나타났다.", [("30%", "down")]),
        ("성장률 전망치를 2.5%로 상향 조정했다.", [("2.5%", "up")]),
        ("적자는 12억 달러 축소됐다.", [("12억 달러", "down")]),
        ("코스닥 1.1%↓", [("1.1%", "down")]),
        ("삼성전자 ▲1.2%, LG화학 4.2%▼", [("1.2%", "up"), ("4.2%", "down")]),
        ("LG에너지솔루션(+0.85%)은 올랐다.", [("0.85%", "up")]),
    ],
)
def test_korean_words_of_change_after_a_number(text: str, changes: list[tuple[str, str]]) -> None:
    assert _changes(text, "ko") == changes


@pytest.mark.parametrize(
    "text",
    [
        "비가 내린 뒤 기온이 떨어졌다.",  # rain fell: no number
        "정부는 결정을 내린 뒤 발표했다.",
        "그는 3년 만에 무대에 오른다.",  # the number is not the change
        "서울에서 50km 떨어진 곳에서 사고가 났다.",  # distance
        "공장은 멀리 떨어진 곳에 있다.",
        "그는 시험에 떨어진 뒤 다시 도전했다.",
        "그는 10km 뛰었다.",  # ran ten kilometres
        "50㎜ 내린 비로 도로가 잠겼다.",
        "3m 높이의 벽",  # height, not a rise
        "3줄이 추가됐다.",  # 줄이: a line counted, not 줄이다
        "세 사람이 3명 늘 함께 다녔다.",  # 늘: always
        "주가는 3~4% 올랐다.",  # a range
        "주가는 지난 3일 오른 뒤 내렸다.",  # a date
        "2008년 늘어난 수출",  # a year
        "3%대 상승세를 이어갔다.",  # 3% 대: a range of values
        "3가지 인상을 남겼다.",  # impressions, no unit of change
        "그는 오른쪽으로 3m 이동했다.",
        "영업이익은 △3억 원이다.",  # △ writes a negative number in Korean accounts
    ],
)
def test_korean_polysemous_verbs_and_unbound_numbers_have_no_direction(text: str) -> None:
    assert _changes(text, "ko") == []


# ---------------------------------------------------------------- the check


def test_registered_as_an_error_raising_number_mismatch() -> None:
    assert CHECKS["direction"].function is find_reversed_directions
    assert CHECKS["direction"].severity == Severity.ERROR


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Exports rose 2.3 percent in May.", "5월 수출은 2.3% 감소했다."),
        ("The KOSPI fell 1.2 percent to 2,450.", "코스피는 1.2% 오른 2,450에 마감했다."),
        ("Consumer prices were up 3 percent.", "소비자물가는 3% 하락했다."),
        ("Light crude settled up $2.16 a barrel.", "경질유는 배럴당 2.16달러 내렸다."),
        ("Support for the president jumped 5 points.", "대통령 지지율은 5%포인트 떨어졌다."),
        ("The jobless rate posted a 0.3 percent drop.", "실업률은 0.3% 상승했다."),
        ("KOSDAQ gains 1.1 percent", "코스닥 1.1%↓"),
        ("LG Energy Solution fell 0.85 percent.", "LG에너지솔루션(+0.85%)은 올랐다."),
        ("The deficit narrowed by $1.2 billion.", "적자는 12억 달러 확대됐다."),
    ],
)
def test_a_reversed_direction_is_one_error_flag(en: str, ko: str) -> None:
    flags = _flags(en, ko)
    assert [(f.type, f.severity, f.subject) for f in flags] == [
        ("number_mismatch", Severity.ERROR, "direction")
    ]


def test_the_message_quotes_both_words_in_context() -> None:
    (flag,) = _reversed("Exports rose 2.3 percent in May.", "5월 수출은 2.3% 감소했다.")
    assert flag.message.startswith(
        "direction reversed: 2.3 percent “rose” in the English “Exports rose 2.3 percent in May.”"
        " is 2.3% “감소했다” (fell) in the Korean “5월 수출은 2.3% 감소했다.”"
    )


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Exports rose 2.3 percent in May.", "5월 수출은 2.3% 증가했다."),
        ("The KOSPI fell 1.2 percent to 2,450.", "코스피는 1.2% 내린 2,450에 마감했다."),
        # one side binds no direction: nothing to compare
        ("Exports rose 2.3 percent in May.", "5월 수출 증가율은 2.3%였다."),
        ("Exports were 2.3 percent lower.", "수출은 2.3% 감소했다."),
        # the same number both ways on one side: which is which is unsure
        (
            "Exports rose 2.3 percent and imports fell 2.3 percent.",
            "수출은 2.3% 감소했고 수입은 2.3% 증가했다.",
        ),
        # a rain that fell is no falling figure
        ("Up to 50 mm of rain fell in Seoul.", "서울에 50㎜의 비가 내렸다."),
        (
            "A village 50 km from Seoul grew by 3 percent.",
            "서울에서 50km 떨어진 마을은 3% 성장했다.",
        ),
    ],
)
def test_the_same_direction_or_no_bound_direction_is_not_flagged(en: str, ko: str) -> None:
    assert _reversed(en, ko) == []


# ---------------------------------------------------------------- exchange rates


@pytest.mark.parametrize(
    ("text", "lang", "at", "quantity"),
    [
        # a currency's value
        ("The won fell 10.5 won.", "en", 8, ("the won", "won", False)),
        ("The South Korean won fell 10.5 won.", "en", 26, ("the won", "won", False)),
        (
            "The local currency closed at 1,487.6 won per dollar, down 14.2 won.",
            "en",
            53,
            ("the local currency", "", False),
        ),
        ("The won's value fell 1.2 percent.", "en", 16, ("the won", "won", False)),
        ("원화 가치는 달러 대비 1.2% 하락했다.", "ko", 13, ("the won", "won", False)),
        ("원화값은 3% 떨어졌다.", "ko", 5, ("the won", "won", False)),
        ("엔화는 1.3% 올랐다.", "ko", 4, ("the yen", "yen", False)),
        # a rate in units per dollar, and the dollar: they rise as the currency falls
        ("원/달러 환율은 14.2원 올랐다.", "ko", 9, ("the won-dollar rate", "won", True)),
        ("달러 대비 원화 환율은 0.5% 상승했다.", "ko", 12, ("the won-dollar rate", "won", True)),
        ("환율은 5원 올랐다.", "ko", 4, ("the exchange rate", "", True)),
        (
            "The won-dollar exchange rate rose 5.2 won.",
            "en",
            29,
            ("the won-dollar rate", "won", True),
        ),
        ("The dollar rose to 1,400 won.", "en", 11, ("the dollar", "", True)),
    ],
)
def test_what_a_change_in_an_exchange_rate_story_moves(
    text: str, lang: str, at: int, quantity: tuple[str, str, bool]
) -> None:
    assert read_quantity(text, lang, at) == Quantity(*quantity)


@pytest.mark.parametrize(
    ("text", "lang", "at"),
    [
        # no currency in the clause: the rate, or the won?
        ("장중에는 1,491.3원까지 올랐다.", "ko", 5),
        ("During the session, it fell to 1,491.3 won.", "en", 24),
        # another subject in between: a new clause, a new topic
        ("The won fell 0.8 percent, while the KOSPI dropped 1.5 percent.", "en", 42),
        ("원/달러 환율은 0.8% 올랐고, 코스피는 1.5% 하락했다.", "ko", 23),
        ("환율 상승으로 수입물가는 3.5% 올랐다.", "ko", 14),
        # a currency after a preposition, or as a possessive, is no subject
        ("Exports to the yen zone rose 3 percent.", "en", 24),
        ("The yen's weakness added 690 billion yen to profit.", "en", 19),
        # a price per dollar says nothing of what moved
        ("달러당 1,400원으로 올랐다.", "ko", 4),
        # currencies the rule does not tell: the euro, a rate between two others
        ("The euro rose 0.5 percent.", "en", 9),
        ("원/엔 환율은 2% 하락했다.", "ko", 8),
        # the rate of another currency: its price in won, or how much of it a dollar buys?
        ("혜산에서는 위안화 환율도 4천100원 안팎으로 올랐다.", "ko", 17),
    ],
)
def test_a_change_whose_quantity_the_sentence_does_not_tell(text: str, lang: str, at: int) -> None:
    assert read_quantity(text, lang, at) is None


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # desk tester's planted fault: "down 14.2 won" (the won fell) as the rate falling
        (
            "The local currency closed at 1,487.6 won per dollar, down 14.2 won from the "
            "previous session's close.",
            "이날 서울 외환시장에서 원/달러 환율은 전 거래일 종가보다 14.2원 내린 1,487.6원에 "
            "주간 거래를 마쳤다.",
        ),
        ("The won fell 10.5 won against the dollar.", "원·달러 환율은 10.5원 내렸다."),
        ("The won fell 10.5 won against the dollar.", "원화 가치는 달러 대비 10.5원 올랐다."),
        (
            "The won strengthened to 1,431.0 against the dollar, up 6.8 won.",
            "원/달러 환율은 전 거래일보다 6.8원 오른 1,431.0원을 기록했다.",
        ),
        ("The dollar rose to 1,400 won.", "원화값은 달러당 1,400원으로 올랐다."),
        ("The won-dollar exchange rate rose 5.2 won.", "원화 가치는 5.2원 상승했다."),
        ("The yen rose 1.3 percent against the dollar.", "엔/달러 환율은 1.3% 상승했다."),
        ("The won depreciated 2.4 percent.", "원화 가치는 2.4% 절상됐다."),
    ],
)
def test_a_currency_reversed_against_its_rate_is_flagged(en: str, ko: str) -> None:
    assert [(f.type, f.severity) for f in _reversed(en, ko)] == [
        ("number_mismatch", Severity.ERROR)
    ]


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # a currency falls as its exchange rate rises
        (
            "The won fell 10.5 won against the dollar to close at 1,200.5.",
            "원·달러 환율은 10.5원 오른 1,200.5원에 마감했다.",
        ),
        ("The yen lost 1.2 percent.", "엔·달러 환율은 1.2% 상승했다."),
        (
            "The local currency closed at 1,487.6 won per dollar, down 14.2 won from the "
            "previous session's close.",
            "이날 서울 외환시장에서 원/달러 환율은 전 거래일 종가보다 14.2원 오른 1,487.6원에 "
            "주간 거래를 마쳤다.",
        ),
        (
            "The won strengthened to 1,431.0 against the dollar, up 6.8 won from the previous "
            "session.",
            "원/달러 환율은 전 거래일보다 6.8원 내린 1,431.0원을 기록했다.",
        ),
        ("The Korean won gained 11.2 won.", "원/달러 환율은 11.2원 내렸다."),
        ("The dollar rose to 1,400 won.", "원/달러 환율은 1,400원으로 올랐다."),
        ("The dollar rose to 1,400 won.", "원화값은 달러당 1,400원으로 떨어졌다."),
        ("The won-dollar rate rose 1.1 percent.", "원화 가치는 1.1% 하락했다."),
        ("The Chinese yuan fell 0.3 percent.", "위안화 가치는 달러 대비 0.3% 하락했다."),
        ("The won appreciated 1.5 percent.", "원화는 1.5% 절상됐다."),
        (
            "The KOSPI fell 1.2 percent, and the won fell 5.3 won against the dollar.",
            "코스피는 1.2% 내렸고, 원/달러 환율은 5.3원 올랐다.",
        ),
        # what moved cannot be told on one side: skipped
        ("During the session, the won fell to 1,491.3 won.", "장중에는 1,491.3원까지 올랐다."),
        (
            "As the won weakened, import prices rose 3.5 percent.",
            "환율 상승으로 수입물가는 3.5% 올랐다.",
        ),
        ("The won-yen exchange rate rose 2 won.", "원/엔 환율은 2원 내렸다."),
        # desk tester's faithful line: the yuan's price in won rose
        (
            "The yuan also rose to about 4,100 won in Hyesan, a city on the Chinese border.",
            "중국 접경 도시인 혜산에서는 위안화 환율도 4천100원 안팎으로 올랐다.",
        ),
        ("The euro rose 0.5 percent.", "유로/달러 환율은 0.5% 내렸다."),
        # two currencies: the won against the yen is the yen against the won
        ("The won rose 2 percent against the yen.", "엔화 가치는 원화 대비 2% 떨어졌다."),
    ],
)
def test_a_currency_and_its_rate_moving_alike_or_untold_are_not_flagged(en: str, ko: str) -> None:
    assert _reversed(en, ko) == []


def test_the_message_says_what_moved_on_each_side() -> None:
    (flag,) = _reversed(
        "The won fell 10.5 won against the dollar.", "원·달러 환율은 10.5원 내렸다."
    )
    assert flag.message == (
        "direction reversed: 10.5 won “fell” (the won fell) in the English “The won fell 10.5 "
        "won against the…” is 10.5원 “내렸다” (the won-dollar rate fell, so the won rose) in "
        "the Korean “원·달러 환율은 10.5원 내렸다.”"
    )


def test_a_changed_number_is_number_mismatch_s_flag_alone() -> None:
    # one fault, one flag: the direction check compares only numbers equal on both sides
    flags = _flags("Exports rose 2.3 percent in May.", "5월 수출은 2.4% 감소했다.")
    assert [f.subject for f in flags if f.type == "number_mismatch"] == [""]


def test_a_reversal_beside_a_changed_number_is_a_second_fault() -> None:
    flags = _flags(
        "Exports rose 2.3 percent as 15 plants closed.",
        "16개 공장이 문을 닫으며 수출은 2.3% 감소했다.",
    )
    subjects = sorted(f.subject for f in flags if f.type == "number_mismatch")
    assert subjects == ["", "direction"]
    reversal = next(f for f in flags if f.subject == "direction")
    assert "15" not in reversal.message.split("English")[0]


def test_every_reversed_number_of_a_pair_in_one_flag() -> None:
    (flag,) = _reversed(
        "The index rose 12.34 points, or 0.6 percent, to 2,450.",
        "지수는 12.34포인트(0.6%) 내린 2,450에 마감했다.",
    )
    assert "12.34 points “rose”" in flag.message
    assert "0.6 percent “rose”" in flag.message
    assert flag.message.count("“내린” (fell)") == 2


def test_disabled_or_given_another_severity_by_its_check_name() -> None:
    en, ko = "Exports rose 2.3 percent in May.", "5월 수출은 2.3% 감소했다."
    lowered = _flags(en, ko, Settings(severities={"direction": "warning"}))
    assert [f.severity for f in lowered if f.subject == "direction"] == [Severity.WARNING]
    assert _flags(en, ko, Settings(disabled_checks=frozenset({"direction"}))) == []
    # number_mismatch's own switch leaves the direction check on, and the other way round
    kept = _flags(en, ko, Settings(disabled_checks=frozenset({"number_mismatch"})))
    assert [f.subject for f in kept] == ["direction"]


@pytest.mark.parametrize(
    ("en", "ko", "words"),
    [
        (
            "Exports rose 2.3 percent in May.",
            "5월 수출은 2.3% 감소했다.",
            [("src", "rose"), ("src", "2.3 percent"), ("tgt", "2.3%"), ("tgt", "감소했다")],
        ),
        (
            "The jobless rate posted a 0.3 percent drop.",
            "실업률은 0.3% 상승했다.",
            [("src", "0.3 percent"), ("src", "drop"), ("tgt", "0.3%"), ("tgt", "상승했다")],
        ),
        (
            "KOSDAQ gains 1.1 percent",
            "코스닥 1.1%↓",
            [("src", "gains"), ("src", "1.1 percent"), ("tgt", "1.1%"), ("tgt", "↓")],
        ),
        # two figures of one change: its word once
        (
            "The index rose 12.34 points, or 0.6 percent, to 2,450.",
            "지수는 12.34포인트(0.6%) 내린 2,450에 마감했다.",
            [
                ("src", "rose"),
                ("src", "12.34 points"),
                ("tgt", "12.34포인트"),
                ("tgt", "내린"),
                ("src", "0.6 percent"),
                ("tgt", "0.6%"),
            ],
        ),
    ],
)
def test_the_flag_spans_each_reversed_amount_and_its_word(
    en: str, ko: str, words: list[tuple[str, str]]
) -> None:
    doc = aligned([(en, ko)])
    [flag] = find_reversed_directions(doc, Settings())
    assert spanned(doc, flag) == words
