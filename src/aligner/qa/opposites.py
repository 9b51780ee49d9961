"""The ``opposite`` check: one language gives an outcome, the other its opposite.

"The court acquitted him of abuse of power, citing insufficient evidence"
translated ``직권남용 혐의에 대해서도 증거가 충분하다며 유죄로 판단했다`` keeps the
charge, the court and the evidence: the similarity barely moves (0.61 -> 0.57)
and no negation is lost, so neither the similarity check nor ``negation`` sees
it. This check knows a few pairs of outcomes that exclude each other, worded
alike in every news story and costly to reverse:

* a verdict: acquitted, "not guilty" (``무죄``) against convicted, "guilty"
  (``유죄``);
* a sentence: suspended (``집행유예``) against an actual prison term (``실형``,
  ``법정구속``, or ``징역 3년을 선고`` with no suspension);
* an arrest warrant: issued (``영장 발부``) against rejected (``영장 기각``);
* a ruling on an appeal, a petition, an injunction or an impeachment: upheld or
  granted (``인용``) against dismissed or rejected (``기각``);
* a claim, a request, a demand, an offer or a plan: accepted or upheld (``받아들였다``,
  ``수용``, ``수락``) against rejected, dismissed or turned down (``받아들이지
  않았다``, ``거부``, ``거절``, ``배척``), by a verb with the claim as its object and
  not in a relative clause ("a ruling that rejected the claim", ``주장을 받아들인
  원심``);
* a vote or a decision: passed, approved (``가결``, ``통과``, ``승인``) against
  rejected, voted down (``부결``, ``반려``, ``불허``); and in favour (``찬성``)
  against against (``반대``);
* a plea: denied the charges, "not guilty" (``혐의를 부인``) against admitted them,
  "guilty" (``혐의를 인정``, ``시인``, ``자백``);
* a comparison: higher, more... than, beat forecasts (``웃돌``, ``상회``) against
  lower, less... than, missed forecasts (``밑돌``, ``하회``, ``못 미치``);
* a lawsuit: won (``승소``) against lost (``패소``);
* a level (an alert, a rating, a grade): raised, upgraded (``올렸다``,
  ``상향``, ``격상``) against lowered, downgraded (``낮췄다``, ``하향``);
* a balance: a surplus (``흑자``) against a deficit (``적자``);
* a company's result: an operating or net profit (``영업이익``, ``순이익``) against
  a loss (``영업손실``, ``순손실``);
* investors' trading: net buying (``순매수``) against net selling (``순매도``);
* a change's base: year on year (``전년 동기 대비``) against quarter on quarter
  (``전 분기 대비``);
* a turnaround: to a profit (``흑자 전환``) against to a loss (``적자 전환``);
* an appointment: nominated (``내정``, ``지명``) against appointed (``임명``);
* sanctions: lifted (``해제``) against imposed (``부과``);
* an extreme: the highest, a record high (``최고``) against the lowest (``최저``);
* a game won or lost (``2-1로 꺾었다``, ``승리``; ``2-1로 졌다``, ``패했다``), not read where
  a side tells it from the loser's ("lost to", ``포항에 0-3으로 졌다``);
* a medal's colour (``금메달``, ``은메달``, ``동메달``) and a golfer's score to par
  (``언더파`` against ``오버파``);
* a missile's range (short, intermediate, intercontinental) and kind (ballistic
  against cruise).

A pair is flagged when one side words one outcome and not the other, and the
other side words the other outcome and not the first: "overturned the acquittal
and convicted him" has both, as has its translation, and "appealed against the
acquittal" is ``무죄 판결에 불복해 항소했다``. A side on which an outcome is
negated, reversed, hedged or a condition ("was not convicted", "overturned his
conviction", "if convicted", ``유죄가 아니라``, ``실형을 면했다``, ``무죄를
주장했다``) is not read for that pair of outcomes. As for ``negation``, the pair
must otherwise be a good translation (similarity :data:`~aligner.qa.negation.FLIP_MARGIN`
above the mistranslation threshold).

Flags are of type ``mistranslation`` (subject ``opposite``), one per pair, an
error by default, and hide no other flag of their pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity, Span
from aligner.qa.alignment import _quote
from aligner.qa.currency import read_quantity
from aligner.qa.games import KO_OWN_LOSS, KO_OWN_WIN, reversed_game
from aligner.qa.negation import FLIP_MARGIN
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["OPPOSITES", "Outcome", "find_opposite_outcomes"]


@dataclass(frozen=True)
class Outcome:
    """One of two outcomes that exclude each other, as each language words it.

    Attributes:
        gloss: the outcome in English, for messages ("acquitted").
        en: the English words that give it.
        ko: the Korean words that give it.
    """

    gloss: str
    en: re.Pattern[str]
    ko: re.Pattern[str]


def _outcome(gloss: str, en: str, ko: str) -> Outcome:
    return Outcome(gloss, re.compile(en, re.I), re.compile(ko))


_W = r"(?:[\w'’-]+\s+)"  # one English word and the space after it
# "more than 1,000 defectors" bounds a figure (``number_mismatch`` reads bounds), it
# compares no outcome: a Korean ``1천 명 넘는`` beside ``밑도는 수준`` is no opposite
# ("lower than the 10.8 trillion won that analysts had expected" is one)
_NO_FIGURE = (
    r"(?!\s+(?:[$€£¥₩]\s?)?\d|\s+(?:an?\s+)?(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million"
    r"|billion|dozen|half|double|twice)\b)"
)
# what a court upholds or dismisses, in English and in Korean (with its particle)
_PETITION = (
    r"(?:impeachment|petition|request|motion|injunction|complaint|application|appeal|claim"
    r"|suit|lawsuit)s?"
)
_KO_PETITION = (
    r"(?:탄핵|청구|신청|가처분|소원|이의|항소|상고|항고|소송|재심)[을를이가은는도]?\s?"
    r"(?:모두\s|일부\s)?"
)

# what one party asks of another, who accepts it or turns it down ("rejected that
# claim"); in Korean, with up to two words that may come before the verb (``주장을 모두
# 받아들였다``, ``청구는 증거가 부족하다며 받아들이지 않았다``) but not one that negates it
# (``안``, ``못``)
_CLAIM = (
    r"(?:claim|argument|request|demand|appeal|petition|motion|plea|application|complaint"
    r"|objection|proposal|offer|plan|bid|suit|lawsuit)s?"
)
_THE_CLAIM = rf"(?:the|an?|his|her|their|its|our|that|this|these|those|all)\s+{_W}{{0,2}}?{_CLAIM}"
_CLAIM_WAS = rf"\b{_CLAIM}\s+(?:was|were|(?:has|had|have)\s+been)\s+"
_KO_CLAIM = (
    r"(?:주장|요구(?:안|사항)?|요청|청구|신청|제안|제의|계획|방안|항소|상고|항고|이의|소송|가처분|재심)"
    r"(?:[을를이가은는도]\s?|\s)(?:(?!(?:안|못)\s)[가-힣\d]+\s){0,2}?"
)
# A verb in a relative clause ("a ruling that rejected the claim", ``주장을 받아들인
# 원심``) is not what the sentence says
_EN_NOT_RELATIVE = r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
_KO_NOT_RELATIVE = r"(?!(?:은|는|을|인|이는|일|한|하는|할|된|되는|될)\s)"

# a suit a party wins or loses
_SUIT = r"(?:law)?suits?|cases?|(?:court|legal)\s+(?:battle|fight)s?|litigation"
# "won" after an amount is the currency: "paid 3 billion won in the lawsuit"
_NOT_AMOUNT = r"(?<![\d,.]\s)(?<!illion\s)(?<!ousand\s)(?<!undred\s)"
# a level an authority raises or lowers, and the Korean word for it with what may come
# between it and the verb ("폭염 위기경보 수준을 최고 단계인 '심각'으로 올렸다"); 내리
# is left out, for an alert is also "issued" (``경보를 내렸다``)
_LEVEL = r"(?:levels?|alerts?|ratings?|grades?|status)"
_KO_LEVEL = r"(?:경보|경계|단계|수준|등급)[^.!?]{0,24}?"

# what a defendant denies or admits, and the Korean with its particle (``혐의를 모두
# 부인``): 부인 alone is also "wife"
_CHARGES = (
    r"(?:charges?|allegations?|accusations?|wrongdoing|guilt|involvement|crimes?|offen[cs]es?)"
)
_KO_CHARGES = (
    r"(?:혐의|범행|공소\s?사실|의혹|잘못)[을를은는도]?\s?(?:모두\s|전부\s|일부\s|전면\s?)?"
)
# what a defendant or a government denies or admits doing: "denied that it had
# supplied ...", "denied buying ..."
_DEED = r"(?:that\b|(?:ever\s+|having\s+)?[a-z]+ing\b)"
# what an authority imposes on someone or lifts, in Korean with what may come between
# it and the verb (``제재를 전격 해제``)
# a weather or hazard alert, named by its hazard: "a cold wave advisory" is ``한파주의보``,
# "a heavy rain warning" ``호우경보`` (not any "warning": "warned that ...")
_HAZARD = (
    r"(?:heat(?:[\s-]+wave)?|cold(?:[\s-]+wave)?|(?:heavy\s+)?(?:rain(?:fall)?|snow(?:fall)?)"
    r"|typhoon|storm|flood(?:ing)?|tsunami|(?:high|strong)\s+winds?|gale|dry\s+weather"
    r"|(?:fine\s+|yellow\s+)?dust|fog|high\s+(?:seas|waves)|storm\s+surge|wave)"
)
_KO_HAZARD = (
    r"(?:폭염|한파|호우|대설|태풍|풍랑|강풍|홍수|건조|황사|초?미세먼지|지진해일|폭풍해일|안개)\s?"
)
_ALERT = r"(?:advisor(?:y|ies)|warnings?|alerts?|watch(?:es)?)"
_FOR_PLACE = r"(?:(?:for|in|on)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:and\s+(?:[A-Z][\w'’-]*\s+){1,3})?)?"
_KO_ALERT = r"(?:주의보|경보|특보)[을를이가은는도]?\s?(?:[가-힣]+\s)?"
_SANCTIONS = r"(?:sanctions?|embargo(?:es)?|tariffs?)"
_KO_SANCTIONS = r"(?:제재|금수\s?조치|관세)[을를이가은는도]?\s?(?:[가-힣]+\s)?"
# the highest or the lowest as a level (최고치, 사상 최저를, 7개월 만에 최고 수준으로), not
# a word that holds it (최고기온, 최고령, 최고경영자, 최저임금, 최고 수준의 병원, 역사상 최고의
# 시즌) nor a sporting record, the lowest score or time (대회 최고 기록)
_KO_EXTREME = (
    r"(?<![가-힣]){word}"
    r"(?=치|점|가|\s?수준(?:으로|에|을|이다|였)|(?:를|로|였|이다|다|인)(?:[^가-힣]|$))"
)
# a game's score and what is won or lost; a Korean score before the verb (2-1로 졌다)
_SCORE = r"\d{1,3}\s?[-–]\s?\d{1,3}\b"
_CONTEST = (
    r"the\s+(?:[\w-]+\s+){0,2}?(?:by-|re-)?(?:game|match|final|title|series|race|championship|cup"
    r"|tournament|bout|fight|playoff|tie|derby|election|primary)s?\b"
)
_KO_SCORE = r"\d{1,3}\s?[-–:대]\s?\d{1,3}\s?(?:으로|로)\s?"
# a game told with its opponent, which a translation may tell from the other side
# ("Pohang beat Seoul" is 서울은 포항에 0-3으로 졌다, "lost 2-1 to Japan" 일본은 한국을 2-1로
# 꺾었다): only a result told of one side alone is read ("won 2-1", 2-1로 졌다)
_EN_OPPONENT = re.compile(
    r"\b(?:beat|beats|beaten|defeat|defeated|defeats|edged|routed|thrashed|crushed|overpowered"
    r"|outlasted|downed|stunned)\b|\b(?:lost|loses|lose|losing|fell|falls)\b[^.;]{0,40}?\bto\b",
    re.I,
)
_KO_OPPONENT = re.compile(
    rf"[가-힣](?:을|를)\s?(?:{_KO_SCORE})?(?:꺾|이겼|이기|제압|눌렀|누르|격파|물리)"
    r"|[가-힣](?:에(?!서)|에게|과의|와의)\s?(?:[가-힣]+\s)?(?:\d{1,3}\s?[-–:대]\s?\d{1,3}\s?(?:으로|로)?\s?)?"
    r"(?:졌|패)|패배를\s?(?:안|당)"
)
# what a result beats or misses
_FORECAST = r"(?:expectations?|estimates?|forecasts?|projections?|consensus|targets?|goals?)"

# a medal's colour, not the match for it ("lost the gold-medal match")
_NOT_THE_MATCH = r"(?![\s-]+medal[\s-]+(?:match|game|bout|final|race|tie))"
_GOLD = _outcome(
    "gold", rf"\bgolds?\b{_NOT_THE_MATCH}", r"(?<![가-힣])금메달|(?<![가-힣])금(?=\s?\d*\s?개)"
)
_SILVER = _outcome(
    "silver", rf"\bsilvers?\b{_NOT_THE_MATCH}", r"(?<![가-힣])은메달|(?<![가-힣])은(?=\s?\d*\s?개)"
)
_BRONZE = _outcome(
    "bronze", rf"\bbronzes?\b{_NOT_THE_MATCH}", r"(?<![가-힣])동메달|(?<![가-힣])동(?=\s?\d*\s?개)"
)
# a missile's range, each against the ranges it excludes
_SHORT_RANGE = _outcome("short-range", r"\bshort[\s-]range\b|\bSRBMs?\b", r"단거리|SRBM")
_MID_RANGE = _outcome(
    "intermediate-range",
    r"\b(?:intermediate|medium|mid)[\s-]range\b|\b[IM]RBMs?\b",
    r"중거리|[IM]RBM",
)
_LONG_RANGE = _outcome(
    "long-range", r"\blong[\s-]range\b|\bintercontinental\b|\bICBMs?\b", r"장거리|대륙간|ICBM"
)
_INTERCONTINENTAL = _outcome("intercontinental", r"\bintercontinental\b|\bICBMs?\b", r"대륙간|ICBM")

# (what is reversed, the two outcomes)
# what a change is measured against: a year, a quarter or a month before
_YEAR_ON_YEAR = _outcome(
    "year on year",
    r"\b(?:year|yr)[\s-]+(?:on|over)[\s-]+(?:year|yr)\b|\bon[\s-]year\b|\by-o-y\b"
    r"|\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b"
    r"|\bsame\s+(?:period|quarter|month)\s+(?:a|of\s+the\s+previous|of\s+last)\s+year\b",
    r"전년\s?(?:동기|같은|동월|동분기)|(?:작년|지난해)\s?(?:같은|동기)|1년\s?전(?:보다|에\s?비해|과|와|대비)",
)
_QUARTER_ON_QUARTER = _outcome(
    "quarter on quarter",
    r"\bquarter[\s-]+(?:on|over)[\s-]+quarter\b|\bon[\s-]quarter\b|\bsequential(?:ly)?\b"
    r"|\b(?:previous|preceding|prior)\s+quarter\b|\bthree\s+months\s+(?:earlier|before)\b",
    r"(?:직)?전\s?분기|(?<![가-힣])직전\s?분기",
)
# (not 전월세, jeonse and monthly rent)
_MONTH_ON_MONTH = _outcome(
    "month on month",
    r"\bmonth[\s-]+(?:on|over)[\s-]+month\b|\bon[\s-]month\b"
    r"|\b(?:a|one)\s+month\s+(?:earlier|ago|before)\b|\b(?:previous|preceding|prior)\s+month\b",
    r"전월(?!세)|(?:지난달|전달|한\s?달\s?전)\s?(?:보다|대비|에\s?비해|과|와)",
)


def _bearing(direction: str, korean: str) -> Outcome:
    """A bearing from a place, alone or in a compound: "south of", "south-southwest of"
    (``남쪽``, ``남남서쪽``; a compound is each of its directions)."""
    compass = r"(?:north|south|east|west)"
    return _outcome(
        direction,
        rf"\b(?:{compass}[\s-]?){{0,2}}{direction}(?:[\s-]?{compass}){{0,2}}\s+of\b",
        rf"(?<![가-힣])[동서남북]{{0,2}}{korean}[동서남북]{{0,2}}쪽",
    )


OPPOSITES: tuple[tuple[str, Outcome, Outcome], ...] = (
    (
        "verdict",
        _outcome(
            "acquitted",
            r"\bacquit(?:s|ted|ting|tal|tals)?\b|\bnot[\s-]+guilty\b"
            rf"|\bcleared\s+{_W}{{0,2}}of\s+(?:all\s+)?(?:the\s+)?charges?\b",
            r"무죄(?!\s?추정)",
        ),
        _outcome(
            "convicted",
            r"\bconvict(?:s|ed|ing|ion|ions)?\b|(?<!not\s)(?<!not-)\bguilty\b",
            # a prison term handed down is a conviction (not one sought, 구형)
            r"유죄|징역\s?[\d.]+\s?(?:년|개월)[을를에]?\s?(?:(?!구형|무죄)\S+\s){0,3}?선고",
        ),
    ),
    (
        "sentence",
        _outcome(
            "a suspended sentence",
            r"\bsuspended\s+(?:(?:prison|jail)\s+)?(?:sentence|term)s?\b"
            r"|\b(?:sentence|term)s?\s+(?:was\s+|were\s+)?suspended\b"
            rf"|\bsuspended\s+for\s+{_W}{{0,2}}years?\b|\bstay\s+of\s+execution\b",
            r"집행유예",
        ),
        _outcome(
            "a prison term",
            r"\b(?:actual|immediate)\s+(?:prison|jail)\b|\b(?:prison|jail)\s+time\b",
            # a prison term handed down with no suspension after it is served (a
            # suspension dropped: ``징역 3년을 선고했다`` for "three years, suspended for five")
            r"(?<![가-힣])실형|법정\s?구속"
            r"|징역\s?[\d.]+\s?(?:년|개월)(?:\s?[\d.]+\s?개월)?[을를]?\s?선고(?![\s\S]*유예)",
        ),
    ),
    (
        "warrant",
        _outcome(
            "a warrant issued",
            rf"\b(?:issu(?:e|es|ed|ing)|grant(?:s|ed|ing)?|approv(?:e|es|ed|ing))\s+{_W}{{0,4}}?"
            r"warrants?\b|\bwarrants?\s+(?:was|were|is|are|(?:has|had|have)\s+been)\s+"
            r"(?:issued|granted|approved)\b",
            r"영장[을이가은는도]?\s?(?:[가-힣]+\s)?발부",
        ),
        _outcome(
            "a warrant rejected",
            r"\b(?:reject\w*|den(?:y|ies|ied|ying)|dismiss\w*|turn(?:s|ed|ing)?\s+down|refus\w*)"
            rf"\s+{_W}{{0,6}}?warrants?\b|\bwarrants?\s+(?:was|were|is|are|(?:has|had|have)\s+been)"
            r"\s+(?:rejected|denied|dismissed|turned\s+down|refused)\b",
            r"영장(?:\s?청구)?[을를이가은는도]?\s?(?:[가-힣]+\s)?기각",
        ),
    ),
    (
        "ruling",
        _outcome(
            "upheld",
            rf"\b(?:upheld|uphold(?:s|ing)?|grant(?:s|ed|ing)?|accept(?:s|ed|ing)?)\s+"
            rf"(?:the|an?|his|her|their|its)\s+{_W}{{0,2}}?{_PETITION}\b"
            rf"|\b{_PETITION}\s+(?:was|were)\s+(?:upheld|granted|accepted)\b",
            rf"{_KO_PETITION}인용",
        ),
        _outcome(
            "dismissed",
            r"\b(?:dismiss(?:es|ed|ing|al)?|reject(?:s|ed|ing|ion)?|thr(?:ew|own)\s+out"
            r"|turn(?:s|ed|ing)?\s+down|den(?:y|ies|ied|ying))\b",
            rf"{_KO_PETITION}기각",
        ),
    ),
    (
        "claim",
        _outcome(
            "accepted",
            rf"{_EN_NOT_RELATIVE}\b(?:accept(?:s|ed|ing)?|upheld|uphold(?:s|ing)?|grant(?:s|ed|ing)?)"
            rf"\s+{_THE_CLAIM}\b|{_CLAIM_WAS}(?:accepted|upheld|granted)\b",
            # not ``받아들이지 않았다``, ``받아들여지지 않았다``, ``수용하지 않았다``
            rf"{_KO_CLAIM}(?:받아들(?!이지|여지지)|(?:수용|수락)(?![하되]지)){_KO_NOT_RELATIVE}",
        ),
        _outcome(
            "rejected",
            rf"{_EN_NOT_RELATIVE}\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?"
            r"|den(?:y|ies|ied|ying)|turn(?:s|ed|ing)?\s+down|thr(?:ew|own)\s+out"
            rf"|refus(?:e|es|ed|ing))\s+{_THE_CLAIM}\b|{_CLAIM_WAS}(?:rejected|dismissed|denied"
            r"|turned\s+down|thrown\s+out|refused)\b",
            rf"{_KO_CLAIM}(?:(?:받아들(?:이|여지)|(?:수용|수락)[하되])지\s?(?:않|못)|거부(?!권)|거절|배척)"
            rf"{_KO_NOT_RELATIVE}",
        ),
    ),
    (
        "vote",
        _outcome(
            "approved",
            # "passed by" or "passed away" is no vote, but a bill is "approved by a vote"
            r"\b(?:pass(?:es|ed|ing)?\b(?!\s+(?:away|by|on|through|over|out)\b)"
            r"|(?:approv(?:e|es|ed|ing|al(?!\s+(?:ratings?|scores?|figures?)))|adopt(?:s|ed|ing|ion)"
            r"|endors(?:e|es|ed|ing|ement)|ratif(?:y|ies|ied|ying|ication))\b)",
            r"(?<![가-힣])가결|(?:안|법|국회|본회의|위원회|의회|상원|하원)(?:을|를|이|가|에서|도)?\s?통과"
            # a bill passed far from its name, after the tally (찬성 183명 … 으로 통과시켰다)
            r"|통과(?:시켰|시킨|시키|됐|되었|된|돼)|(?<![미불])승인(?!을?\s?(?:거부|거절|반려|보류))",
        ),
        _outcome(
            "rejected",
            r"\breject(?:s|ed|ing|ion)?\b|\bvot(?:e|es|ed|ing)\s+(?:it\s+)?down\b"
            r"|\b(?:was|were|been|be)\s+defeated\b|\bthr(?:ew|own)\s+out\b"
            r"|\bturn(?:s|ed|ing)?\s+down\b",
            r"(?<![가-힣])(?:부결|반려(?!동물|견|묘|인|자|식물|가족))|불허|불승인"
            r"|(?:승인|허가)을?\s?(?:거부|거절)",
        ),
    ),
    (
        "plea",
        _outcome(
            "denied",
            rf"\bden(?:y|ies|ied|ying)\s+(?:{_W}{{0,3}}?{_CHARGES}\b|{_DEED})"
            r"|\bple(?:a|ad|ads|aded|d)\s+not\s+guilty\b",
            rf"{_KO_CHARGES}부인",
        ),
        _outcome(
            "admitted",
            rf"\b(?:admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|confess(?:es|ed|ing)?)\s+"
            rf"(?:(?:to\s+)?{_W}{{0,3}}?{_CHARGES}\b|{_DEED})|\bple(?:a|ad|ads|aded|d)\s+guilty\b",
            # 시인 is also a poet: only the verb (시인했다, 시인하며)
            rf"{_KO_CHARGES}(?:인정|시인|자백)|(?<![가-힣])시인(?=하|했|한\s)",
        ),
    ),
    (
        "comparison",
        _outcome(
            "above",
            rf"\b(?:higher|more|greater|larger|bigger|stronger|better)\s+than\b{_NO_FIGURE}"
            r"|\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)|beat|beats)\s+"
            rf"{_W}{{0,3}}?{_FORECAST}\b",
            r"웃돌|웃도|상회",
        ),
        _outcome(
            "below",
            rf"\b(?:lower|less|fewer|smaller|weaker|worse)\s+than\b{_NO_FIGURE}|\bfell\s+short\b"
            rf"|\bmiss(?:es|ed|ing)?\s+{_W}{{0,3}}?{_FORECAST}\b",
            r"밑돌|밑도|하회|못\s?미치|못\s?미쳤|못\s?미친",
        ),
    ),
    (
        "lawsuit",
        _outcome(
            "won",
            rf"\b(?:win|wins|winning|{_NOT_AMOUNT}won)\s+{_W}{{0,3}}?(?:{_SUIT})\b",
            r"(?<![가-힣])승소",
        ),
        _outcome(
            "lost",
            rf"\blos(?:e|es|ing|t)\s+{_W}{{0,3}}?(?:{_SUIT})\b",
            r"(?<![가-힣])패소",
        ),
    ),
    (
        "half of the year",
        _outcome(
            "the first half",
            r"\b(?:first|1st)[\s-]+half\b|\bH1\b|\bJanuary[\s-]+(?:to|through|-|–)[\s-]*June\b",
            r"(?<![가-힣])상반기",
        ),
        _outcome(
            "the second half",
            r"\b(?:second|2nd)[\s-]+half\b|\bH2\b|\bJuly[\s-]+(?:to|through|-|–)[\s-]*December\b",
            r"(?<![가-힣])하반기",
        ),
    ),
    (
        "flight",
        _outcome(
            "cancelled",
            r"\bcancel(?:s|ed|led|ing|ling|lation|lations)?\b|\bgrounded\b",
            r"결항|운항(?:을|이)?\s?(?:전면\s)?(?:취소|중단)"
            r"|(?:항공편|(?<![가-힣])편|열차|운행)(?:을|이)?\s?(?:모두\s)?취소",
        ),
        _outcome(
            "delayed",
            r"\bdelay(?:s|ed|ing)?\b|\bbehind\s+schedule\b",
            r"지연\s?(?:운항|운행|출발|도착)|연착"
            r"|(?:운항|운행|출발|도착|항공편|열차|비행기)[이가은는도]?\s?(?:\S+\s)?지연",
        ),
    ),
    (
        "level",
        _outcome(
            "raised",
            rf"\b(?:rais(?:e|es|ed|ing)|elevat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing))\s+"
            rf"{_W}{{0,4}}?{_LEVEL}\b|\b{_LEVEL}\s+(?:was|were|has\s+been)\s+"
            r"(?:raised|elevated|upgraded)\b",
            rf"{_KO_LEVEL}(?P<word>올렸|올려|올린|올리기|높였|높여|높인|격상|상향)",
        ),
        _outcome(
            "lowered",
            rf"\b(?:lower(?:s|ed|ing)?|downgrad(?:e|es|ed|ing))\s+{_W}{{0,4}}?{_LEVEL}\b"
            rf"|\b{_LEVEL}\s+(?:was|were|has\s+been)\s+(?:lowered|downgraded)\b",
            rf"{_KO_LEVEL}(?P<word>낮췄|낮춰|낮춘|낮추기|하향)",
        ),
    ),
    (
        "balance",
        _outcome(
            "a surplus",
            r"\bsurplus(?:es)?\b|\bin\s+the\s+black\b",
            r"흑자",
        ),
        _outcome(
            "a deficit",
            r"\bdeficits?\b|\bin\s+the\s+red\b",
            r"(?<![가-힣])적자|[무수]역적자|재정적자|경상적자",
        ),
    ),
    (
        "result",
        _outcome(
            "a profit",
            r"\b(?:operating|net|pretax|pre-tax|quarterly|annual)\s+(?:profits?|income|earnings)\b",
            r"(?:영업|순|당기순|세전)\s?이익|영업익|순익",
        ),
        _outcome(
            "a loss",
            r"\b(?:operating|net|pretax|pre-tax|quarterly|annual)\s+loss(?:es)?\b",
            r"(?:영업|순|당기순|세전)\s?손실",
        ),
    ),
    (
        "penalty",
        _outcome(
            "sought, not handed down",
            r"\b(?:sought|seeks?|seeking|demand(?:s|ed|ing)?|recommend(?:s|ed|ing)?)\s+"
            r"(?:a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:prison|jail|sentences?|terms?|years?"
            r"|imprisonment|death|fines?)\b|\bfac(?:es|ed|ing)\s+(?:up\s+to|a\s+maximum)\b",
            r"구형",
        ),
        _outcome(
            "handed down",
            r"\bsentenced\b|\bhanded\s+down\b",
            r"선고(?:했|하|받|됐|되|한|된|를)",
        ),
    ),
    ("comparison base", _YEAR_ON_YEAR, _QUARTER_ON_QUARTER),
    ("comparison base", _YEAR_ON_YEAR, _MONTH_ON_MONTH),
    ("comparison base", _QUARTER_ON_QUARTER, _MONTH_ON_MONTH),
    (
        "turnaround",
        _outcome(
            "a profit",
            rf"\b(?:swung|swing(?:s|ing)?|return(?:s|ed|ing)?|turn(?:s|ed|ing)?)\s+(?:back\s+)?"
            rf"(?:to|into)\s+(?:an?\s+)?{_W}{{0,2}}?(?:profits?|the\s+black)\b"
            r"|\bturn(?:s|ed|ing)?\s+profitable\b|\bmov(?:e|es|ed|ing)\s+into\s+the\s+black\b"
            rf"|\b(?:swung|swing(?:s|ing)?)\s+from\s+(?:an?\s+)?{_W}{{0,2}}?(?:loss(?:es)?|deficits?)\b",
            r"흑자\s?(?:로\s?)?(?:전환|돌아서|돌아섰|돌아선)",
        ),
        _outcome(
            "a loss",
            rf"\b(?:swung|swing(?:s|ing)?|return(?:s|ed|ing)?|turn(?:s|ed|ing)?|slipp?(?:s|ed|ing)?"
            rf"|f[ea]ll(?:s|ing)?|sank|sink(?:s|ing)?)\s+(?:back\s+)?(?:to|into)\s+(?:an?\s+)?"
            rf"{_W}{{0,2}}?(?:loss(?:es)?|the\s+red|deficits?)\b"
            rf"|\b(?:swung|swing(?:s|ing)?)\s+from\s+(?:an?\s+)?{_W}{{0,2}}?(?:profits?|surplus(?:es)?)\b",
            r"적자\s?(?:로\s?)?(?:전환|돌아서|돌아섰|돌아선)",
        ),
    ),
    (
        "appointment",
        _outcome(
            "nominated",
            r"\bnominat(?:e|es|ed|ing)\b|\btapp(?:ed|ing)\b|\bnominees?\b|\bpick(?:ed)?\s+as\b",
            # not a draft pick (전체 1순위로 지명된)
            r"내정|(?<!순위로\s)(?<!순위\s)(?<!드래프트\s)(?:후보자?로\s?)?지명(?!도|수배|타자|권|대회)"
            r"|후보자",
        ),
        _outcome(
            "appointed",
            r"\bappoint(?:s|ed|ing|ment)?\b|\bsworn\s+in\b",
            r"임명(?!\s?(?:동의|제청|권|장|식|안|할|될|하기|을\s?강행|\s?강행))",
        ),
    ),
    (
        "game",
        _outcome(
            "won",
            rf"\b(?:won|wins|win|winning)\s+(?:{_SCORE}|{_CONTEST})",
            rf"{_KO_SCORE}(?:이겼|이기|꺾|승리|제압|눌렀|누르)|꺾었|꺾고|꺾은|꺾으며"
            rf"|제압했|격파했|물리쳤|{KO_OWN_WIN}",
        ),
        _outcome(
            "lost",
            rf"\b(?:lost|loses|lose|losing)\s+(?:{_SCORE}|{_CONTEST})"
            r"|\b(?:were|was)\s+(?:beaten|defeated|routed|thrashed)\b(?!\s+by)",
            rf"{_KO_SCORE}(?:졌|패)|(?<![가-힣])패(?:했|하며|하고|해|배했|배를|배하)|패배(?:했|를|하)"
            rf"|{KO_OWN_LOSS}",
        ),
    ),
    ("medal", _GOLD, _SILVER),
    ("medal", _GOLD, _BRONZE),
    ("medal", _SILVER, _BRONZE),
    (
        "score to par",
        _outcome("under par", r"\b\d+[\s-]+under\b|\bunder[\s-]+par\b", r"언더파"),
        _outcome("over par", r"\bover(?:[\s-]+par)\b|\b\d+[\s-]+over\b", r"오버파"),
    ),
    (
        "extreme",
        _outcome(
            "the highest",
            r"\bhighest\b|\b(?:record|all-time|multiyear|\d+-year)\s+highs?\b",
            _KO_EXTREME.format(word="최고"),
        ),
        _outcome(
            "the lowest",
            r"\blowest\b|\b(?:record|all-time|multiyear|\d+-year)\s+lows?\b",
            _KO_EXTREME.format(word="최저"),
        ),
    ),
    (
        "sanctions",
        _outcome(
            "lifted",
            rf"\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|waiv(?:e|es|ed|ing)"
            rf"|relax(?:es|ed|ing)?|roll(?:s|ed|ing)?\s+back)\s+{_W}{{0,3}}?{_SANCTIONS}\b"
            rf"|\b{_SANCTIONS}\s+(?:was|were|(?:has|had|have)\s+been)\s+(?:lifted|eased|removed"
            r"|waived|relaxed)\b",
            rf"{_KO_SANCTIONS}(?:해제|완화|철회|면제)",
        ),
        _outcome(
            "imposed",
            rf"\b(?:impos(?:e|es|ed|ing)|slap(?:s|ped|ping)?|tighten(?:s|ed|ing)?"
            rf"|toughen(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|expand(?:s|ed|ing)?)\s+{_W}{{0,3}}?"
            rf"{_SANCTIONS}\b|\b{_SANCTIONS}\s+(?:was|were|(?:has|had|have)\s+been)\s+"
            r"(?:imposed|tightened|toughened|expanded)\b",
            rf"{_KO_SANCTIONS}(?:부과|강화|확대)",
        ),
    ),
    (
        "alert",
        _outcome(
            "an advisory",
            rf"\b{_HAZARD}[\s-]+(?:advisor(?:y|ies)|watch(?:es)?)\b",
            rf"{_KO_HAZARD}주의보",
        ),
        _outcome("a warning", rf"\b{_HAZARD}[\s-]+warnings?\b", rf"{_KO_HAZARD}경보"),
    ),
    (
        "alert",
        _outcome(
            "lifted",
            rf"\b{_ALERT}\s+{_FOR_PLACE}(?:was\s+|were\s+|(?:has|had|have)\s+been\s+)?(?:lifted"
            rf"|removed|cancell?ed)\b|\blift(?:s|ed|ing)?\s+(?:the\s+|an?\s+|all\s+)?{_W}{{0,3}}?{_ALERT}",
            rf"{_KO_ALERT}해제",
        ),
        _outcome(
            "issued",
            rf"\b{_ALERT}\s+{_FOR_PLACE}(?:was\s+|were\s+|(?:has|had|have)\s+been\s+)?(?:issued|declared"
            rf"|raised|put\s+in\s+place)\b|\b(?:issu|declar)(?:e|es|ed|ing)\s+(?:the\s+|an?\s+)?"
            rf"{_W}{{0,3}}?{_ALERT}",
            rf"{_KO_ALERT}(?:발령|발효|내려)",
        ),
    ),
    # the two sides of labor talks: a union's words given to the employers
    (
        "side",
        _outcome(
            "labor",
            # (not the European Union, the Soviet Union, a credit union)
            r"(?<!European\s)(?<!Soviet\s)(?<!credit\s)(?<!African\s)"
            r"\b(?:unions?|labou?r\s+(?:unions?|side|groups?|camp|representatives?|members?)"
            r"|workers['’]?\s+(?:representatives?|side))\b",
            r"노조|노동계|노측|근로자\s?위원|노동자\s?위원",
        ),
        _outcome(
            "management",
            r"\b(?:employers?['’]?|management|business)\s+(?:side|groups?|lobby|lobbies|camp"
            r"|community|representatives?|members?)\b|\bmanagement\b",
            r"경영계|경영자\s?(?:측|단체)|사용자\s?(?:측|위원|단체)|사측|재계",
        ),
    ),
    # a rank: the largest for a lower one ("Kia's second-largest market" /
    # ``기아의 최대 시장``); ``최대`` before a figure is "up to" (최대 80㎜)
    (
        "rank",
        _outcome(
            "the largest",
            r"(?<!second-)(?<!second\s)(?<!third-)(?<!third\s)\b(?:largest|biggest)\b",
            r"최대(?!\s?\d)|가장\s?큰|(?<![\d.])1위",
        ),
        _outcome(
            "a lower rank",
            r"\b(?:second|third|fourth|fifth)[\s-]+(?:largest|biggest)\b",
            r"(?:두|세|네|다섯)\s?번째로?\s?(?:큰|많은)|(?<![\d.])[2-5]위",
        ),
    ),
    # a bearing: "250 km south of Seogwipo" is ``서귀포 남쪽 250㎞`` (north-east is both north
    # and east, as 북동쪽 is)
    ("bearing", _bearing("north", "북"), _bearing("south", "남")),
    ("bearing", _bearing("east", "동"), _bearing("west", "서")),
    ("missile range", _SHORT_RANGE, _LONG_RANGE),
    ("missile range", _SHORT_RANGE, _MID_RANGE),
    ("missile range", _MID_RANGE, _INTERCONTINENTAL),
    (
        "missile",
        _outcome("ballistic", r"\bballistic\b|\b[SIM]?RBMs?\b|\bICBMs?\b", r"탄도"),
        _outcome("cruise", r"\bcruise\s+missiles?\b", r"순항\s?미사일"),
    ),
    (
        "trading",
        _outcome(
            "net buying",
            r"\bbought\s+(?:a\s+)?net\b|\bnet\s+(?:buy(?:ing|ers?)?|purchases?|bought)\b",
            r"순매수",
        ),
        _outcome(
            "net selling",
            r"\bsold\s+(?:a\s+)?net\b|\bnet\s+(?:sell(?:ing|ers?)?|sales|sold)\b",
            r"순매도",
        ),
    ),
    (
        "vote",
        _outcome(
            "in favour",
            rf"\bvot(?:e|es|ed|ing)\s+{_W}{{0,2}}?(?:for|in\s+favou?r)\b|\bin\s+favou?r\b",
            r"(?<![가-힣])찬성",
        ),
        _outcome(
            "against",
            rf"\bvot(?:e|es|ed|ing)\s+{_W}{{0,2}}?against\b|\b\d[\d,]*\s+{_W}{{0,2}}?against\b"
            r"|\boppos(?:e|es|ed)\b",
            r"(?<![가-힣])반대(?!로|편|쪽|\s?방향|급부)",
        ),
    ),
)

# Words before an English outcome, or after a Korean one, that negate it, reverse it,
# hedge it or make it a condition: the side does not state it
_EN_NOT_STATED = re.compile(
    r"\b(?:not|never|no|without|n['’]t|den(?:y|ies|ied|ying)|overturn\w*|revers\w*|quash\w*"
    r"|vacat\w*|set\s+aside|until|unless|if|whether|against|avoid\w*|escap\w*|spar(?:e|ed|ing)"
    r"|fail\w*\s+to|refus\w*\s+to|seek\w*|sought|demand\w*|ask\w*|claim\w*|call\w*\s+for)"
    rf"\s+{_W}{{0,3}}$",
    re.I,
)
# within the outcome's own clause: not past a joining ending (받아들여 원심 판결을 파기했다
# accepts an appeal, then quashes the ruling)
_KO_NOT_STATED = re.compile(
    r"(?:(?![고며여서나만]\s)[^.,;!?]){0,12}?(?:아니|아닙|않|없|못|뒤집|파기|번복|취소|면하|면했|면해|면한|피했|피하|피해"
    r"|피한|여부|불복|주장|요구|구형|가능성|경우|되면|(?<!비교)하면|이면|이라면)"
)


@dataclass(frozen=True)
class _Read:
    """What one side says of a pair of outcomes: the first words of each it states
    (start, words), or that it cannot be read (an outcome it does not state)."""

    first: tuple[int, str] | None
    second: tuple[int, str] | None
    unsure: bool


def _stated(text: str, lang: str, outcome: Outcome) -> tuple[tuple[int, str] | None, bool]:
    """Where ``text`` first states ``outcome``, and whether it words it somewhere
    without stating it (negated, reversed, hedged)."""
    first, unsure = None, False
    for found in (outcome.en if lang == "en" else outcome.ko).finditer(text):
        if lang == "en":
            hedged = bool(_EN_NOT_STATED.search(text[: found.start()]))
        else:
            hedged = bool(_KO_NOT_STATED.match(text, found.end()))
        unsure = unsure or hedged
        if first is None and not hedged:
            # the outcome's own word, when the pattern reads the words before it too
            word = "word" if found.re.groupindex.get("word") and found["word"] else 0
            first = (found.start(word), found.group(word))
    return first, unsure


def _read(text: str, lang: str, first: Outcome, second: Outcome) -> _Read:
    a, hedged_a = _stated(text, lang, first)
    b, hedged_b = _stated(text, lang, second)
    return _Read(a, b, hedged_a or hedged_b)


def _opposed(en: _Read, ko: _Read) -> tuple[tuple[int, str], tuple[int, str], int] | None:
    """The English and Korean words of opposite outcomes, and which outcome the
    Korean states (0 or 1), when each side states one and only one of them."""
    if en.unsure or ko.unsure:
        return None
    if en.first and not en.second and ko.second and not ko.first:
        return en.first, ko.second, 1
    if en.second and not en.first and ko.first and not ko.second:
        return en.second, ko.first, 0
    return None


def _any(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern that finds whether any outcome is worded at all (most pairs word
    none): a single pass instead of one per outcome."""
    return re.compile("|".join(f"(?:{p})" for p in patterns).replace("(?P<word>", "(?:"), flags)


_ANY_EN = _any([o.en.pattern for _, *pair in OPPOSITES for o in pair], re.I)
_ANY_KO = _any([o.ko.pattern for _, *pair in OPPOSITES for o in pair])


_EN_PAR = re.compile(r"\b(\d+)[\s-]+(under|over)\b", re.I)
_KO_PAR = re.compile(r"(\d+)\s?(언더파|오버파)")


def _par_changed(en: str, ko: str) -> tuple[tuple[int, str], tuple[int, str], int] | None:
    """A score to par whose figure both sides give, under on one and over on the other,
    where each side has both ("Yang at 13 under, Ko at 11 under" / ``13언더파 … 11오버파``)."""
    mine: dict[str, list[re.Match[str]]] = {}
    for m in _EN_PAR.finditer(en):
        mine.setdefault(m[1], []).append(m)
    theirs: dict[str, list[re.Match[str]]] = {}
    for m in _KO_PAR.finditer(ko):
        theirs.setdefault(m[1], []).append(m)
    for figure, said in mine.items():
        # a figure either side gives both ways says nothing ("2언더파로 출발 … 2오버파 74타"
        # for "started at 2 under, shot a 74")
        unders = {m[2].lower() == "under" for m in said}
        korean = theirs.get(figure, [])
        if len(unders) == 1 and korean and not unders & {m[2] == "언더파" for m in korean}:
            m, k = said[0], korean[0]
            return (m.start(), m.group()), (k.start(), k.group()), int(k[2] == "오버파")
    return None


def _inverse_quantity(en: str, ko: str, english: _Read, korean: _Read) -> str | None:
    """What the English's extreme is of, when the Korean's is of the inverse quantity:
    "the won fell to its lowest" is the won-dollar rate (환율) at its highest, as
    :func:`aligner.qa.currency.read_quantity` tells the subject of a change."""
    said = [english.first or english.second, korean.first or korean.second]
    if said[0] is None or said[1] is None:
        return None
    mine, theirs = read_quantity(en, "en", said[0][0]), read_quantity(ko, "ko", said[1][0])
    if mine is None or theirs is None or mine.inverse == theirs.inverse:
        return None
    return mine.name if mine.agrees_with(theirs) else None


def _bead_flag(doc: AlignedDocument, bead: Bead, floor: float) -> Flag | None:
    if bead.similarity < floor or (doc.src.lang, doc.tgt.lang) != ("en", "ko"):
        return None
    en, ko = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    english_game = _EN_OPPONENT.search(en.text)
    # most pairs word no outcome: one pass over each side tells (the Korean's first)
    if not (_ANY_KO.search(ko.text) and (_ANY_EN.search(en.text) or english_game)):
        return None
    found = []
    for kind, first, second in OPPOSITES:
        if kind == "game" and (english_game or _KO_OPPONENT.search(ko.text)):
            # a game told with its opponent may be told from either side: who won
            if (told := reversed_game(en.text, ko.text)) is not None:
                found.append((kind, told, (first, second)[told[2]].gloss))
            continue
        english, korean = _read(en.text, "en", first, second), _read(ko.text, "ko", first, second)
        moved = _inverse_quantity(en.text, ko.text, english, korean) if kind == "extreme" else None
        if moved is not None:
            korean = _Read(korean.second, korean.first, korean.unsure)
        opposed = _opposed(english, korean)
        if opposed is None and kind == "score to par":
            opposed = _par_changed(en.text, ko.text)
        if opposed is not None:
            gloss = (first, second)[opposed[2]].gloss + (f" for {moved}" if moved else "")
            found.append((kind, opposed, gloss))
    if not found:
        return None
    said = "; ".join(
        f"{kind}: EN says “{en_words}” but KO says “{ko_words}” ({gloss})"
        for kind, ((_, en_words), (_, ko_words), _), gloss in found
    )
    message = f"opposite {said}. EN: {_quote(en.text)} KO: {_quote(ko.text)}"
    spans: list[Span] = []
    for _, ((en_at, en_words), (ko_at, ko_words), _), _ in found:
        spans += [*en.spans(en_at, en_at + len(en_words)), *ko.spans(ko_at, ko_at + len(ko_words))]
    return Flag(
        "mistranslation",
        Severity.ERROR,
        bead.src,
        bead.tgt,
        message,
        subject="opposite",
        spans=tuple(spans),
    )


@register("opposite", Severity.ERROR, langs=("en", "ko"))
def find_opposite_outcomes(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads where one side gives an outcome and the other its opposite.

    Args:
        doc: the aligned document.
        settings: run settings; the pair's similarity must be
            :data:`~aligner.qa.negation.FLIP_MARGIN` above ``mistranslation_threshold``.

    Yields:
        One ``mistranslation`` flag (subject ``opposite``) per bead.
    """
    floor = (settings.mistranslation_threshold or 0.0) + FLIP_MARGIN
    for bead in filter(doc.is_content_pair, doc.beads):
        flag = _bead_flag(doc, bead, floor)
        if flag is not None:
            yield flag
