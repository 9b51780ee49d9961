"""Numbers as Korean writes them: digits with units (``3만 5천``, ``12조3천억``,
``1천200``), dates (``6월 4일``, ``9·11``), batting averages (``2할6푼8리``), native
numerals before a counter (``세 명``, ``열아홉 살``), ranges of months (``4~6월``), the
兩 of ``양당`` and hedges (``40여 명``)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

from aligner.qa.numerals.common import (
    DIGITS,
    MEASURES,
    MIXED_WHOLE,
    SLASH_FRACTION,
    Found,
    Number,
    currency_conversion,
    free,
    join_parts,
    join_ranges,
    join_shares,
    measure,
    parse_digits,
    read_unit,
    slash_fraction,
    with_year_ends,
    zones_named,
)

_KO_SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
_KO_BIG_UNITS = {"만": 1e4, "억": 1e8, "조": 1e12}
# "5천여만" is 5천만 with a hedge: the 여 may sit before the big unit
_KO_PIECE = rf"(?:{DIGITS})[십백천]?(?:여?[만억조])?"

# Pieces chain after a big unit ("12조 3천억", "3만 5천", "1만8500") or, with no
# space, after a small one as news agencies write ("1천200", "3만5천200"); never
# after plain digits ("3 4분기" is two numbers). _ko_value checks the order.
_KO_CHAINED_PIECE = rf"(?:{DIGITS})(?:[십백천]?여?[만억조]\s?|[십백천](?=\d))"
_KO_NUMBER = re.compile(rf"(?<![\d.,제])(?:{_KO_CHAINED_PIECE})*{_KO_PIECE}")
# "제7조", "제3차", "제1야당": after 제 a number is an ordinal, and 조 is an article of
# a law, not a trillion. Like "third", it is sure only against another place in a
# series: the English of 제1야당 is "the main opposition party".
_KO_ORDINAL = re.compile(rf"(?<=제)(?:{DIGITS})")
_KO_PIECE_RE = re.compile(rf"(?P<digits>{DIGITS})(?P<small>[십백천])?(?:여?(?P<big>[만억조]))?")
# "2천~3천만 원": the first end of a range shares the big unit the second writes
_KO_RANGE_TAIL = re.compile(rf"\s*[~∼〜-]\s*(?:{DIGITS})[십백천]?(?P<big>[만억조])")
# day counts: "열흘간" is ten days, against an English "for 10 days"; "일주일 전" a week ago
_KO_DAY_COUNTS = {
    "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "일주일": 7,
    "여드레": 8, "아흐레": 9, "열흘": 10, "보름": 15,
}  # fmt: skip
_KO_LOOSE_DAY_COUNTS = frozenset({"하루", "일주일", "보름"})
_KO_DAY_COUNT_RE = re.compile(
    rf"(?<![가-힣])(?:{'|'.join(_KO_DAY_COUNTS)})(?=[^가-힣]|$|간|동안|째|만|[이가을를은는의에도])"
)

# native numerals: units, tens, and both in one word ("열아홉", "서른두"; 스무 alone)
_KO_NATIVE_UNITS = {
    "한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7,
    "여덟": 8, "아홉": 9,
}  # fmt: skip
_KO_NATIVE_TENS = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
    "여든": 80, "아흔": 90,
}  # fmt: skip
_KO_NATIVE_WORD = (
    rf"(?:{'|'.join(_KO_NATIVE_TENS)})(?:\s?(?:{'|'.join(_KO_NATIVE_UNITS)}))?"
    rf"|{'|'.join(_KO_NATIVE_UNITS)}"
)

# "2할6푼8리" is a batting average of .268.
_KO_AVERAGE = re.compile(r"(?P<a>\d)할(?:\s?(?P<b>\d)푼)?(?:\s?(?P<c>\d)리)?")

# "3분의 2" is two-thirds, "2/3" too; "1/4분기" is the first quarter, "30분의 휴식" a break
_KO_FRACTION = re.compile(
    rf"(?P<n>{DIGITS})\s?분의\s?(?P<m>{DIGITS})(?![\d.])|{MIXED_WHOLE}{SLASH_FRACTION}(?!\s?분기)"
)

# "6.15 선언", "9·11 테러": month and day, not a decimal ("규모 5.4 지진" is one).
_KO_DATE_PAIR = re.compile(
    r"(?<![\d.])(?<!규모 )(?<!규모)(?P<m>1[0-2]|0?[1-9])"
    r"(?:·(?P<d1>[0-3]?\d)|\.(?P<d2>[0-3]?\d)(?=\s+[가-힣]))"
    r"(?![\d.]|\s*(?:달러|원|유로|엔|파운드|배|명|개|퍼센트|km|kg|m\b|톤|도|년|시간|세|살|위|점|초|분))"
)

# A day of the month without its month: news translations turn "Thursday"
# into "24일", so it proves nothing on its own.
# "10일 앞둔", "15일짜리", "3일 동안" are durations, not dates.
# ... not the first syllable of a word that follows a date: "19일 만났다" (met on the
# 19th), "후보", "내놓았다"
_KO_DAY_COUNT_AFTER = (
    r"\s*(?:간|동안|째|씩|짜리|앞|후(?!보)|전|만(?![나났난남])|뒤|이내|내(?![놓년])|여|가량|남짓"
    r"|이상|정도)"
)
# the first day of a range is a day too: the 24 of "24~26일"
_KO_LONE_DAY = re.compile(rf"(?:\s?[~∼〜-]\s?(?:3[01]|[12]\d|0?[1-9]))?일(?!{_KO_DAY_COUNT_AFTER})")
_KO_MONTH_BEFORE = re.compile(r"월\s*$")
# a counter after a number: what it counts (명, 곳, 년...); "6자회담" counts no one
_KO_COUNTER_AFTER = re.compile(
    r"\s?(?:여\s?)?(?:명|개국|개월|개|곳|척|대|건|차례|번|가지|마리|년|주일|주|일|시간|분(?!기)|초|세|살"
    r"|권|채|편|장|그루|표|골|점|위|발|기|팀|국|배|회|차|쌍)"
)
_KO_MONTH_AFTER = re.compile(r"\s?월")
# an age decade, not the 20th of a series (제20대 국회, 20대 대통령)
_KO_DECADE_TENS = {str(tens) for tens in range(10, 100, 10)}
_KO_DECADE_AFTER = re.compile(r"대(?!\s?(?:국회|대통령|총선|대선|지방선거|의원|회장))")
_KO_MACHINES_BEFORE = re.compile(
    r"(?:차량|차|버스|트럭|택시|전투기|헬기|드론|항공기|여객기|컴퓨터|PC)\s?$"
)
_KO_FIRST_MONTH_AFTER = re.compile(r"\s?[~∼〜-]\s?(?:1[0-2]|0?[1-9])\s?월")  # the 4 of "4~6월"
# "4~6월", "4월~6월", "7월부터 9월까지": a range of months
_KO_RANGE_BETWEEN = re.compile(r"\s?(?:월\s?)?(?:[~∼〜-]|부터)\s?")
_KO_MONTHS_TAIL = re.compile(r"\s?월")
_KO_PARTICLES = "이|가|을|를|은|는|의|에|도|만|씩|째|과|와|으로|로|나|부터|까지|쯤|뿐|이다|였|이었"
# the end of a unit word: "30분간", "10초 만에", not "3분기", "5달러" or "100초과"
_KO_UNIT_END = (
    r"(?=[^가-힣]|$|간|동안|째|씩|짜리|여|가량|남짓|쯤|께|경|안팎|내외|이내|내|이상|이하|미만|정도"
    rf"|앞|후|전|뒤|다|{_KO_PARTICLES})"
)
_KO_UNITS_AFTER = (
    ("imperial", re.compile(r"\s*(?:마일|피트|인치|야드|파운드|갤런|에이커|온스)")),
    ("m³", re.compile(r"\s*(?:㎥|m³|(?:세제곱|입방)미터)")),
    # 2나노 공정: a chip's process, in nanometres
    ("nm", re.compile(r"\s*(?:nm|㎚|나노미터|나노(?![가-힣]))|\s?나노(?=\s?(?:공정|급|칩))")),
    ("µm", re.compile(r"\s*(?:㎛|[µμ]m|마이크로미터|마이크론)")),
    *(
        (unit, re.compile(rf"\s*(?:{unit}(?![A-Za-z])|{words})"))
        for unit, words in (
            ("kWh", "㎾h|킬로와트시"), ("MWh", "㎿h|메가와트시"), ("GWh", "기가와트시"),
            ("TWh", "테라와트시"), ("Wh", "와트시"),
            ("kW", "㎾(?!h)|킬로와트(?!시)"), ("MW", "㎿(?!h)|메가와트(?!시)"),
            ("GW", "기가와트(?!시)"), ("W", "와트(?!시)"),
            ("kbps", "킬로비피에스"), ("Mbps", "메가비피에스"), ("Gbps", "기가비피에스"),
            ("kb", "킬로비트"), ("Mb", "메가비트"), ("Gb", "기가비트"), ("Tb", "테라비트"),
            ("KB", "킬로바이트"), ("MB", "메가바이트"), ("GB", "기가바이트"), ("TB", "테라바이트"),
        )
    ),
    ("km²", re.compile(r"\s*(?:㎢|km²|(?:제곱|평방)킬로미터)")),
    ("m²", re.compile(r"\s*(?:㎡|m²|(?:제곱|평방)미터)")),
    ("ha", re.compile(r"\s*헥타르")),
    ("km", re.compile(r"\s*(?:km|㎞|킬로미터)")),
    ("cm", re.compile(r"\s*(?:cm|㎝|센티미터|센티)")),
    ("mm", re.compile(r"\s*(?:mm|㎜|밀리미터|밀리(?!그램|리터|초))")),
    ("µg", re.compile(r"\s*(?:㎍|[µμ]g|mcg|마이크로그램)")),
    ("mg", re.compile(r"\s*(?:mg|㎎|밀리그램)")),
    ("ml", re.compile(r"\s*(?:ml|㎖|밀리리터)")),
    ("tsp", re.compile(r"\s*(?:작은술|티스푼|찻숟가락)")),
    ("tbsp", re.compile(r"\s*(?:큰술|테이블스푼|밥숟가락)")),
    ("cup", re.compile(r"\s*(?:컵)")),
    ("m", re.compile(r"\s*(?:m(?![a-z²])|미터)")),
    ("kg", re.compile(r"\s*(?:kg|㎏|킬로그램)")),
    # Korean papers write grams and tons in Latin letters too: 25g, 100t
    ("g", re.compile(r"\s*(?:그램|g(?![A-Za-z]))")),
    ("t", re.compile(r"\s*(?:톤|t(?![A-Za-z]))")),
    ("l", re.compile(r"\s*(?:리터|ℓ)")),
    ("celsius", re.compile(r"\s*(?:℃|°\s?C)")),
    ("fahrenheit", re.compile(r"\s*(?:℉|°\s?F)")),
    ("times", re.compile(r"\s*배")),
    ("%p", re.compile(r"\s*(?:[%％]\s?(?:포인트|[pP](?![A-Za-z]))|퍼센트\s?포인트)")),
    ("bp", re.compile(r"\s*(?:[bB][pP](?![A-Za-z])|베이시스\s?포인트)")),
    ("year", re.compile(rf"\s?(?:여\s?)?(?:개?년(?!대|생)|해{_KO_UNIT_END})")),  # 한 해
    ("month", re.compile(rf"\s?(?:여\s?)?(?:개월|달{_KO_UNIT_END})")),
    ("week", re.compile(
        rf"\s?(?:여\s?)?주(?:일{_KO_UNIT_END}|간|(?=\s?(?:동안|째|만에|연속|뒤|후|전|이내)))")),
    ("day", re.compile(rf"\s?(?:여\s?)?일(?={_KO_DAY_COUNT_AFTER})")),
    ("hour", re.compile(r"\s?(?:여\s?)?시간")),
    ("minute", re.compile(rf"\s?(?:여\s?)?분{_KO_UNIT_END}")),
    ("second", re.compile(rf"\s?(?:여\s?)?초(?!과){_KO_UNIT_END}")),
)  # fmt: skip
# bits a second, as Korean words them: 초당 10기가비트
_KO_PER_SECOND = re.compile(r"초당\s*$")
_PER_SECOND = {"kb": "kbps", "Mb": "Mbps", "Gb": "Gbps"}
# "1년 반" is a year and a half, "3시간 반" three hours and a half ("10km 반경" is a radius)
_KO_AND_A_HALF = re.compile(rf"\s?반(?=[^가-힣]|$|간|동안|가량|정도|쯤|{_KO_PARTICLES})")
# "징역 1년6월": court copy counts the months of a sentence as 월
_KO_SENTENCE_BEFORE = re.compile(r"(?:징역|금고)\s?\d+년\s?$")
# "1년 6개월", "1시간 30분": one duration in parts
_KO_PARTS_GAP = re.compile(r"\s?")
# "응답자 10명 중 8명", "10개 가운데 3개", "열 명 중 아홉 명": a share of the whole
# before it, counted alike
_KO_SHARE_BETWEEN = re.compile(
    r"\s?(?P<c>명|개|곳)\s?(?:중|가운데)\s?"
    rf"(?=(?:[\d,.천백만억]+|{_KO_NATIVE_WORD})(?P<tail>\s?(?:여\s?)?(?P=c)))"
)
# "섭씨 35도" against "95 degrees Fahrenheit" is one temperature
_KO_UNITS_BEFORE = (
    ("celsius", re.compile(r"(?:섭씨|영하|영상)\s*$")),
    ("fahrenheit", re.compile(r"화씨\s*$")),
)
# a bare "35도": Celsius, or the source's Fahrenheit copied, or an angle ("한 번도" is "even once")
_KO_DEGREES_AFTER = re.compile(
    r"도(?=[^가-힣]|$|까지|를|의|로|에|가|는|이|였|다|씨|쯤|안팎|가량|내외|정도|이상|이하|나)"
)
_KO_BELOW_ZERO = re.compile(r"영하\s*$")
# the half of the day before an hour: 새벽 2시, 아침 7시 and 밤 12시 (midnight) are
# a.m., 저녁 7시 and 밤 10시 p.m.
_KO_HALF_BEFORE = re.compile(r"(?:(?P<am>오전|새벽|아침)|(?P<pm>오후|저녁)|(?P<night>밤))\s*$")
# "11시에", "11시 30분", "19:10"; not "3시간" or "5시리즈"
_KO_AFTER_HOUR = re.compile(
    r"\s?시(?=[^가-힣]|$|경|께|쯤|반|부터|까지|에|이|가|를|로|와|과|의|다|였)|:[0-5]\d(?!\d)"
)
# noon and midnight as times ("자정께", "정오까지"), not 자정 노력 (self-policing)
_KO_NOON = re.compile(
    r"(?<![가-힣])(?:(?P<noon>정오)|자정)"
    r"(?=[^가-힣\s]|$|\s?(?:께|쯤|경|무렵|직전|직후|에|까지|부터|을\s?넘|이\s?넘|을\s?기해))"
)
# a place in a series: a rank (4위), the Nth (3번째, 5년째), a streak (6경기 연속, 4연승)
_KO_ORDINAL_AFTER = re.compile(
    r"\s?(?:위(?![안원])|분기|(?:번|회|차례|년|일|주|개월|경기|시즌)?째"
    r"|(?:경기|게임|년|시즌|회|대회|거래일|일|주|개월|달|분기|차례|번)?\s?연(?:속|승|패|임))"
)
# Time zones ("한국시간 26일 오전 11시", "미 동부시간"); "(현지시간)" may be any.
_KO_ZONE_TIME = r"\s?(?:표준\s?시[간각]?|시[간각])"
_KO_TIME_ZONE = re.compile(
    rf"(?P<korea>(?:한국|서울|평양|도쿄|일본){_KO_ZONE_TIME}|KST|JST)"
    rf"|(?P<eastern>(?:미국?\s?)?동부{_KO_ZONE_TIME}|(?:워싱턴|뉴욕){_KO_ZONE_TIME})"
    rf"|(?P<central>(?:미국?\s?)?중부{_KO_ZONE_TIME})"
    rf"|(?P<pacific>(?:미국?\s?)?(?:서부|태평양){_KO_ZONE_TIME})"
    rf"|(?P<utc>그리니치{_KO_ZONE_TIME}?|세계\s?표준시|GMT|UTC)"
    rf"|(?P<london>런던{_KO_ZONE_TIME})|(?P<paris>파리{_KO_ZONE_TIME})"
    rf"|(?P<moscow>모스크바{_KO_ZONE_TIME})|(?P<china>(?:베이징|중국){_KO_ZONE_TIME})"
    rf"|(?P<local>현지{_KO_ZONE_TIME})"
)
_KO_YEAR_AFTER = re.compile(r"\s*년")
# Native numerals count only before a counter ("세 명" is three people, "세"
# alone is age, tax or world), and the counter must end the word or take a
# particle ("한 대통령" is not "one vehicle"); 대 only after a space (열대 is tropical,
# 세대 a generation). 시 is an hour: 열한 시께.
_KO_COUNTERS = (
    r"명|번째|번|개|가지|마리|살|채|곳|군데|\s대|권|잔|차례|시간|시|달|해|주|사람|척|발|장|벌"
    r"|켤레|분|배(?!당|터|우|추|출|송|제|포|치|경|려|상|심|구|달|관|양)"
)
_KO_NATIVE_RE = re.compile(
    rf"(?<![가-힣])(?P<word>{_KO_NATIVE_WORD})(?=\s?(?:(?:{_KO_COUNTERS})"
    rf"(?:[^가-힣]|$|(?:{_KO_PARTICLES})(?:다|던)?(?:[^가-힣]|$))|시(?:경|께|쯤|반)))"
)
_KO_SURE_COUNTER = re.compile(r"\s?(?:명|개|마리|곳|가지|차례|번(?!째)|채|권|척|그루|벌|켤레|배)")
_KO_OPEN_BEFORE = re.compile(r"[을를]\s?$")  # 문을 열 시간, 회담을 열 곳: the verb 열다
# the 兩 of 양당, 양국, 양측, 양사, 양팀, 양 정상: two, which the English may count ("the
# two parties") or not ("both sides", "Seoul and Tokyo"); not 양자역학 or 양 대표 (Yang)
_KO_BOTH = re.compile(
    r"(?<![가-힣])양(?:당|국|측|팀|사(?![장언])"
    r"|대(?=\s?(?:노총|정당|산맥|축|리그|진영))|자(?=\s?(?:회담|대결|구도|간|협의|택일|관계))"
    r"|\s(?:정상|기관|후보|진영|정당|단체|노총|부처|기업|회사|지도자|장관|국가|정부|구단|선수|팀"
    rf"|측|국|당|사)(?=[^가-힣]|$|간|회담|{_KO_PARTICLES}))"
)


def _native_value(word: str) -> int:
    """The value of a native numeral: "열아홉" is 19, "서른 두" 32, "스무" 20."""
    tens = next((t for t in _KO_NATIVE_TENS if word.startswith(t)), "")
    return _KO_NATIVE_TENS.get(tens, 0) + _KO_NATIVE_UNITS.get(word[len(tens) :].strip(), 0)


def _ko_value(number_text: str) -> float | None:
    """Evaluate "12조3천억", "3만 5천", "5백만"; ``None`` if the units are out of order."""
    total, group, last_big = 0.0, 0.0, math.inf
    for piece in _KO_PIECE_RE.finditer(number_text):
        value = parse_digits(piece["digits"])
        if piece["small"]:
            value *= _KO_SMALL_UNITS[piece["small"]]
        group += value
        if piece["big"]:
            big = _KO_BIG_UNITS[piece["big"]]
            if big >= last_big:
                return None
            total += group * big
            group, last_big = 0.0, big
    return total + group


def unit_slips(number_text: str) -> list[float]:
    """The values ``number_text`` would have with one of its big units written as
    another: ``1조2천만`` is ``1조2천억`` with 억 slipped to 만, the commonest slip
    in Korean amounts, though neither a digit nor a power of ten apart."""
    slips = []
    for unit in re.finditer("[만억조]", number_text):
        for other in _KO_BIG_UNITS.keys() - {unit.group()}:
            slipped = number_text[: unit.start()] + other + number_text[unit.end() :]
            value = _ko_value(slipped)
            if value is not None:
                slips.append(value)
    return slips


def _ko_context(text: str, start: int, end: int, number: Number) -> Number:
    """Set aliases and confidence from the words around a Korean number."""
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    # in digits: 세 번째 is a native numeral, which never raises a flag
    in_series = number.text[-1].isdigit() and _KO_ORDINAL_AFTER.match(after)
    ordinal = number.kind == "ordinal" or in_series
    day = number.value <= 31 and _KO_LONE_DAY.match(after) and not ordinal  # not 3일 연속
    lone_day = day and not _KO_MONTH_BEFORE.search(before)
    # a word for a number of days (열흘) carries its unit
    unit, written = (number.unit, "") if number.unit else _ko_unit(before, after, number)
    value = number.value
    duration = measure(unit) in ("time", "calendar")
    # 2시간 반, and a recipe's 1컵 반, 1큰술 반
    halves = duration or measure(unit) == "volume"
    if halves and (and_a_half := _KO_AND_A_HALF.match(after, len(written))):
        value, written = value + 0.5, written + and_a_half.group()
    converted = not unit and currency_conversion(before, after)
    months_after = _KO_MONTH_AFTER.match(after) or _KO_FIRST_MONTH_AFTER.match(after)
    month = 1 <= number.value <= 12 and bool(months_after) and unit != "month"
    half = _KO_HALF_BEFORE.search(before)
    hour = number.value <= 24 and _KO_AFTER_HOUR.match(after)
    clock = _half_of_day(half, number.value) if half and hour else "clock" if hour else ""
    aliases = set(number.aliases)
    if _KO_BELOW_ZERO.search(before):
        aliases.add(-number.value)
    if clock == "pm" and number.value < 12:
        aliases.add(number.value + 12)
    if re.fullmatch(r"0\d", number.text) and _KO_YEAR_AFTER.match(after):
        aliases.add(2000 + number.value)  # "08년" is 2008
    machines = _KO_MACHINES_BEFORE.search(before)
    if number.text in _KO_DECADE_TENS and _KO_DECADE_AFTER.match(after) and not machines:
        aliases |= {number.value + k for k in range(10)}  # 40대 is 40 to 49
    if not number.scaled and (tail := _KO_RANGE_TAIL.match(text, end)):
        aliases.add(number.value * _KO_BIG_UNITS[tail["big"]])
    return replace(
        number,
        value=value,
        aliases=frozenset(aliases),
        confident=number.confident and not (lone_day or converted),
        kind="day"
        if lone_day
        else "date"
        if day
        else "month"
        if month
        else clock
        or ("ordinal" if ordinal else number.kind)
        or ("count" if _KO_COUNTER_AFTER.match(after) else ""),
        unit=unit,
        unit_text=written if unit in MEASURES else "",
    )


_KO_QUARTER_AFTER = re.compile(r"\s?분기")
# 1분위 is the bottom fifth of households by income: a group's name, no count
_KO_QUINTILE_AFTER = re.compile(r"\s?분위")


def _ko_unit(before: str, after: str, number: Number) -> tuple[str, str]:
    """The unit of a Korean number, and its text as written after it."""
    if _KO_SENTENCE_BEFORE.search(before) and (months := _KO_MONTH_AFTER.match(after)):
        return "month", months.group()
    unit, written = read_unit(after, _KO_UNITS_AFTER)
    if unit in _PER_SECOND and _KO_PER_SECOND.search(before):
        return _PER_SECOND[unit], written  # 초당 10기가비트: 10 gigabits per second
    if unit:
        return unit, written
    if quarter := _KO_QUARTER_AFTER.match(after):
        # 2분기 names a quarter: a count of months or years is no slip of it
        return "quarter", quarter.group()
    for family, pattern in _KO_UNITS_BEFORE:
        if pattern.search(before):
            return family, ""
    if number.text[-1].isdigit() and _KO_DEGREES_AFTER.match(after):
        return "degrees", ""
    return "", ""


def _half_of_day(half: re.Match[str], hour: float) -> str:
    """``"am"`` or ``"pm"`` for an hour after a ``_KO_HALF_BEFORE`` match: 밤 (night)
    is p.m. from 6 to 11, a.m. at midnight (밤 12시) and after it."""
    if half["night"]:
        return "pm" if 6 <= hour < 12 else "am"
    return "am" if half["am"] else "pm"


def time_zones_ko(text: str) -> frozenset[int]:
    return zones_named(_KO_TIME_ZONE, text)


def _ko_fraction(numerator: str, denominator: str) -> float | None:
    """``N분의 M`` as M/N; ``None`` for a zero denominator."""
    whole = parse_digits(denominator)
    return parse_digits(numerator) / whole if whole else None


def _ko_special(text: str) -> Iterator[Found]:
    """Batting averages, fractions, month.day pairs and ordinals, read before plain digits."""
    for m in _KO_ORDINAL.finditer(text):
        ordinal = Number(parse_digits(m.group()), m.group(), confident=False, kind="ordinal")
        yield m.start(), m.end(), ordinal
    for m in _KO_FRACTION.finditer(text):
        value = slash_fraction(m) if m["sm"] or m["vulgar"] else _ko_fraction(m["m"], m["n"])
        if value is not None:
            yield m.start(), m.end(), Number(value, m.group())
    for m in _KO_AVERAGE.finditer(text):
        digits = "".join(d or "0" for d in (m["a"], m["b"], m["c"]))
        yield m.start(), m.end(), Number(int(digits) / 1000, m.group())
    for m in _KO_DATE_PAIR.finditer(text):
        day = "d1" if m["d1"] else "d2"
        yield m.start("m"), m.end("m"), Number(float(m["m"]), m["m"], kind="month")
        yield m.start(day), m.end(day), Number(float(m[day]), m[day])


# "1∼3분기" is the first nine months ("the first three quarters")
_KO_QUARTERS = re.compile(r"(?<![\d.])(?P<a>[1-4])\s?(?:분기\s?)?[~∼〜-]\s?(?P<b>[1-4])\s?분기")


def _ko_quarters(text: str) -> Iterator[Found]:
    for m in _KO_QUARTERS.finditer(text):
        if (quarters := int(m["b"]) - int(m["a"]) + 1) > 1:
            number = Number(3.0 * quarters, m.group(), frozenset({float(quarters)}), unit="month")
            yield m.start(), m.end(), number


def _ko_digit_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    for m in _KO_NUMBER.finditer(text):
        if not free(m.start(), m.end(), taken):
            continue
        pieces = (
            [m]
            if _ko_value(m.group()) is not None
            else list(_KO_PIECE_RE.finditer(text, m.start(), m.end()))
        )
        for piece in pieces:
            value = _ko_value(piece.group())
            assert value is not None
            scaled = bool(re.search("[만억조]", piece.group()))
            yield piece.start(), piece.end(), Number(value, piece.group().strip(), scaled=scaled)


def _ko_native_numbers(text: str) -> Iterator[Found]:
    """Native numerals before a counter, and words for numbers. One to nine in native
    numerals only help matching (한 is also "a", 세 명 may be "a few"); with tens
    ("열아홉 살", "스무 명") they are as sure as digits."""
    for m in _KO_NATIVE_RE.finditer(text):
        if m["word"] == "열" and _KO_OPEN_BEFORE.search(text, 0, m.start()):
            continue
        value = _native_value(m["word"])
        # 두 명, 세 개, 네 차례 count as surely as 2명 (MT drafts write them so); 한 is
        # also "a", and a count by time (두 시간, 세 달) may be "a couple of hours"
        counted = _KO_SURE_COUNTER.match(text, m.end("word"))
        # 석 달, 넉 달: the forms of three and four that count months and measures
        sure = value >= 10 or (value >= 2 and bool(counted)) or m["word"] in ("석", "넉")
        count = Number(value, m["word"], confident=sure, kind="count")
        if counted and counted.group().strip() == "배":
            count = replace(count, kind="", unit="times")
        yield m.start(), m.end(), count
    for m in re.finditer(
        "절반", text
    ):  # a share, as sure as "a third" (not "half": "half an hour")
        yield m.start(), m.end(), Number(0.5, m.group())
    for m in _KO_NOON.finditer(text):  # 정오 is 12 p.m., 자정 12 a.m.
        noon = bool(m["noon"])
        hour = Number(12, m.group(), frozenset({12 if noon else 0}), kind="pm" if noon else "am")
        yield m.start(), m.end(), hour
    for m in _KO_DAY_COUNT_RE.finditer(text):
        days = _KO_DAY_COUNTS[m.group()]
        # 사흘 is three days as surely as 3일간; 하루 is also "a day" (하루 2만 명), 보름
        # "two weeks", 일주일 "a week"
        sure = m.group() not in _KO_LOOSE_DAY_COUNTS
        count = Number(days, m.group(), confident=sure, kind="days", unit="day")
        yield m.start(), m.end(), count


# "라이트 앤드 빌딩 2008(Light+Building 2008)": a bracket opening on Latin
# script quotes the source's own words, up to the first Korean letter or the
# comma before a Korean gloss ("(Number 16 Bus Shelter, 16번 버스)").
_KO_GLOSS = re.compile(r"\((?=[A-Za-z])(?:[^()가-힣,]|,(?=\d))*")


def _ko_gloss(text: str, start: int, number: Number) -> Number:
    """Mark a number inside a Latin-script gloss: a copy of the source's number."""
    if any(m.start() < start < m.end() for m in _KO_GLOSS.finditer(text)):
        return replace(number, kind="gloss")
    return number


# a race time: 37초41 is 37.41 seconds, 1분08초12 68.12 seconds
_KO_RACE_TIME = re.compile(r"(?<![\d.])(?:(\d{1,2})분\s?)?(\d{1,2})초(\d{2,3})(?!\d)")


def _ko_race_times(text: str) -> Iterator[Found]:
    for m in _KO_RACE_TIME.finditer(text):
        seconds = int(m[1] or 0) * 60 + int(m[2]) + int(m[3]) / 10 ** len(m[3])
        yield m.start(), m.end(), Number(round(seconds, 3), m.group(), unit="second")


# a relay written as the English writes it: 계영 4x200m is 800m
_KO_RELAY = re.compile(r"(?<!\d)([2-9])\s?[x×]\s?(\d{2,4})\s?(?:m|미터)")


def _ko_relays(text: str) -> Iterator[Found]:
    for m in _KO_RELAY.finditer(text):
        yield m.start(), m.end(), Number(int(m[1]) * float(m[2]), m.group(), unit="m")


def extract_ko(text: str) -> list[Found]:
    found = [*_ko_race_times(text), *_ko_quarters(text), *_ko_relays(text)]
    taken = [(s, e) for s, e, _ in found]
    found += [f for f in _ko_special(text) if free(f[0], f[1], taken)]
    taken = [(s, e) for s, e, _ in found]
    found += _ko_digit_numbers(text, taken)
    found += _ko_native_numbers(text)
    found = [(s, e, n) for s, e, n in found if not _KO_QUINTILE_AFTER.match(text, e)]
    found = [(s, e, _ko_gloss(text, s, _ko_context(text, s, e, n))) for s, e, n in found]
    found += _ko_both(text)
    found = join_parts(sorted(found, key=lambda f: f[:2]), text, _KO_PARTS_GAP)
    found = join_shares(found, text, _KO_SHARE_BETWEEN, whole_first=True)
    return with_year_ends(join_ranges(found, text, _KO_RANGE_BETWEEN, _KO_MONTHS_TAIL), text)


def _ko_both(text: str) -> Iterator[Found]:
    """The 兩 of 양당: a count implied, which matches only a number word (see :class:`Number`)."""
    for m in _KO_BOTH.finditer(text):
        yield m.start(), m.end(), Number(2, m.group(), confident=False, kind="implied")
