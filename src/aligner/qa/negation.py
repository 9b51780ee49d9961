"""The ``negation`` check: one language says a thing happened, the other that it did not.

"The JCS said it had detected the launch preparations" translated ``합참은 발사
준비 동향을 사전에 포착하지 못했으며`` keeps the topic, every name and every
number: the embeddings barely move (0.72 -> 0.68) and no other check sees it.
This check flags a good translation where one side negates a predicate and the
other side has no negation of any kind.

Negation is expressed in many ways that are no flip, so the rule is narrow at
both ends:

* The negating side needs a verbal negation of a predicate it states or reports:

  - Korean: ``-지 않``, ``-지 못``, ``안``/``못`` before a verb, a reported
    ``-지 말`` (``말라고``) or "cannot" as ``-ㄹ 수 없`` (``신청할 수 없다``),
    ending a sentence or a clause (``않았다``, ``못했으며``, ``못한다``,
    ``않았다고``, ``않고 있다``, ``않은 것으로 알려졌다``, ``않을 것``); not a
    modifier (``확인되지 않은 정보``), a condition (``않으면``, ``않는 한``), a
    purpose (``않도록``), an adverbial (``않고``), a question or a hedge
    (``않을까``), a command (``걱정하지 마세요``), a double negation (``않을 수
    없다``), "cannot but" (``할 수밖에 없다``), a degree or an amount (``거의``,
    ``잘``, ``밖에``, ``10%도``), "not yet" (``아직``), nor an idiom whose negation is
    lexical (``적지 않은`` many, ``쉽지 않다`` difficult, ``머지않아`` soon,
    ``잊지 않았다`` remembered, ``포기하지 않았다`` fought on).
  - English: "not", "n't" or "never" on an auxiliary before a verb ("did not
    raise", "has never conducted", "cannot rule") in a main clause, one after
    "and" sharing its subject included, or "failed to", "unable to" or "unlikely
    to" before a verb; not in a
    question, a command, a condition, a cause or a relative clause, nor "not
    only", "not until", "whether or not", "can't help", a litotes ("not bad")
    or a negated negative ("never gave up"); nor "not X until Y" when the Korean
    says "only at Y, X" (``9월에야``, ``돼서야``, ``비로소``), or "not X unless Y" when
    it says "only if Y, X" (``내려가야``, ``경우에만``); "not immediately"
    only when the Korean keeps the "immediately" (``즉각``). Or else "no", "no
    one", "nobody", "nothing" or "none" negating a main clause ("No casualties
    were reported", "There were no reports", "caused no damage"); not after a
    preposition ("with no injuries"), nor "no longer", "no more than", "no
    doubt", "no matter", "no other", "nothing but", "No. 1", a fragment ("No
    comment"), a double negation ("no stone unturned") or a first ("No Korean
    had ever won").

* The other side must have no negation at all, lexical ones included: in the
  English "no", "without", "fail", "refuse", "deny", "unable", "lack", "only",
  "few", "until", "yet", "still", un-, in-, dis-, non- and -less words and more;
  in the Korean ``없``, ``아니``, ``실패``, ``거부``, ``부인``, ``불참``,
  ``미확인``, ``비공개``, ``무산``, ``뿐``, ``불과``, ``아직``, ``여부`` and more.
  A faithful translation that moves the negation into a word is then not
  flagged; a flip whose other side happens to hold a negation is missed. A
  negative word that translates the very verb negated (``제한`` for "will not be
  restricted") does not count, nor, when the negation lies outside a quotation
  and the quotations of both sides are as long as translations of each other,
  a negative word or a contrast within them.

* The pair must otherwise be a good translation of the whole: its similarity
  :data:`FLIP_MARGIN` above the mistranslation threshold, the lengths of a
  translation, no more sentences on the negating side, no contrast beside the
  negation. A loose pair, a fragment, a clause left out is an omission, and a
  contrast ("X, but Y did not") is where translators restructure.

Flags are of type ``mistranslation`` (subject ``negation``): the Korean does not
say what the English says, in one word. Their default severity is an error, as
the similarity check's: a reversed meaning must not be published, and the rule
is narrow enough to raise nothing on the benchmark's 4,991 faithful pairs nor on
the desk tests' faithful stories. Unlike the similarity check's flag, one hides
no other flag of its pair (:data:`aligner.qa.registry.NARROW`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings, language_name
from aligner.models import Bead, Flag, Severity, Span
from aligner.qa.alignment import _quote
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText, side_document
from aligner.segment import split_sentences, strip_dateline

__all__ = ["Negation", "find_flipped_negations", "read_en_negation", "read_ko_negation"]

# how far above the mistranslation threshold a pair's similarity must be: a loose
# pair that drops a negated clause is an omission, not a flip
MARGIN = 0.2
# ... but for a negation or an outcome turned around half as far: the flip is what takes
# a pair down there ("No injuries were reported" against ``다친 사람이 있는 것으로
# 파악됐다`` scores 0.40 under mUSE, "The heat wave warning for Gwangju was lifted"
# against ``광주에 폭염경보가 발령됐다`` 0.39), and the benchmark's 4,991 faithful pairs draw
# no flag of either at 0.1, as at 0.2 (``opposite`` none even at 0), while 33 more of the
# planted negation flips are caught per set (benchmarks/negation_on_gold.py)
FLIP_MARGIN = 0.1
# Korean characters per English character (spaces left out) of 98 in 100 faithful
# pairs: a side shorter than that may have dropped the negated clause
_KO_PER_EN = (0.27, 0.95)


@dataclass(frozen=True)
class Negation:
    """A negated predicate.

    Attributes:
        text: the negated words as written ("did not raise", ``포착하지 못했으며``).
        start: where they start in the sentence.
    """

    text: str
    start: int


# ------------------------------------------------------------------------ Korean

# Verbs whose negation says something positive: "many", "difficult", "soon",
# "remembered", "kept on", "regardless", "readily", "nothing but", "less than"; and
# verbs that are themselves negations ("never gave up" is also ``끝까지 싸웠다``)
_KO_IDIOM_STEMS = (
    "적", "머", "멀", "못", "마", "만만", "심상", "예사롭", "아랑곳하", "가리", "마다하",
    "아끼", "주저하", "서슴", "굴하", "개의", "지나", "다르", "틀리", "쉬", "멈추",
    "그치", "끊이", "식", "수그러들", "줄어들", "변하", "잊", "빠지", "나쁘", "싫",
    "드물", "낯설", "쉽", "녹록", "간단하", "아쉽", "부족하", "늦", "덜하", "모자라",
    "마지", "불과하", "예외", "다름", "아니", "미치", "포기하", "놓치", "잃", "거르",
    "외면하", "무시하", "거부하", "거절하", "부인하", "부정하", "망설이", "그만두",
    "중단하", "게을리하", "소홀히하", "굽히", "물러서", "꺾이", "흔들리", "지치",
    "두려워하", "겁내", "꺼리", "감추", "숨기", "실패하", "피하", "빼놓", "빼", "양보하",
)  # fmt: skip
# Words before a negated verb that make it a degree or an amount: "hardly" (거의),
# "rarely" (좀처럼), "not well", a poor reader (잘), "only" (밖에), "less than" (1%도)
_KO_DEGREE = re.compile(
    r"(?:거의|별로|그다지|좀처럼|잘|제대로|채|밖에)\s+(?:[가-힣]+\s+)?$|[\d%]+[가-힣]*도\s+$"
)
# "no longer" (더 이상, 여전히, 이제는): "he has left" is ``더 이상 일하지 않는다``
_KO_NO_LONGER = re.compile(r"더\s?이상|여전히|이제는")
# "not yet" (아직): "the cause is under investigation" is ``원인은 아직 밝혀지지 않았다``,
# where the English hedges (_EN_HEDGE); but "North Korea has issued a statement"
# against ``아직 입장을 내놓지 않았다`` says the opposite
_KO_NOT_YET = re.compile(r"아직")
_EN_HEDGE = re.compile(
    r"\b(?:yet|still|remain\w*|so\s+far|pending|under\s+(?:investigation|review|way|discussion"
    r"|consideration)|await\w*|later|expected|until|longer|anymore|continu\w*|unclear|unknown"
    r"|undecided|undetermined|investigat\w*|be\s+(?:determined|confirmed|announced))\b",
    re.I,
)
# -지 않/못/말, then the rest of the word
_KO_LONG = re.compile(r"(?P<stem>[가-힣]+)지\s?(?P<neg>않|못|말|마)(?P<rest>[가-힣]*)")
# 안/못 before a verb: "안 했다", "못 간다"
_KO_SHORT = re.compile(r"(?<![가-힣])(?P<neg>안|못)\s(?P<rest>[가-힣]+)")
# short negations that are idioms: "less than" (못 미치는, 안 되는), "bad" (안 좋은),
# "before long" (얼마 안)
_KO_SHORT_IDIOMS = re.compile(r"되|돼|됐|미치|미쳤|좋|이기|이겨|견디|견뎌|참|그래")
# An ending that asserts: a sentence or a clause that is stated or reported, after the
# tense marker (못했- reads as 않았-): 않았다, 않는다, 않았으며, 않았고, 않았지만,
# 않았다고, 않았다며, 않았다는, 않습니다, 않을 것, 않기로, 말라고, 마라
_KO_TENSE = r"(?:았었|았겠|았|겠)"
_KO_FINITE = re.compile(
    rf"(?:{_KO_TENSE}?(?:다(?:고|며|면서|는)?|습니다|으며|며|으나|지만|는데|은데|어요|아요|아)"
    rf"|{_KO_TENSE}(?:고|던데)|는다(?:고|며|면서|는)?|기로|라(?:고|며)?|세요|십시오|자)$"
)
# "않을 것이다", "않고 있다", "않은 것으로 알려졌다": the predicate comes in the next word
_KO_FINITE_NEXT = re.compile(
    r"(?P<rest>을|고|은|는|았던|던)\s(?P<next>것(?:이|으로|이라고|이란|이다|입니다)"
    r"|있(?:었)?(?:다(?:고|며)?|으며|습니다|고(?!\s?있))(?![가-힣]))"
)
_KO_NEXT_LOOKAHEAD = 12


# "cannot": -ㄹ 수 없 (신청할 수 없다, 갈 수 없었다), not "cannot but" (할 수밖에 없다,
# a particle other than 가/는/도 after 수) nor a double negation (않을 수 없다: "must")
_KO_CANNOT = re.compile(r"(?P<verb>[가-힣]+)\s수\s?(?:[가는도]\s?)?없(?P<rest>[가-힣]*)")


def _ko_cannot(found: re.Match[str]) -> bool:
    """Whether ``verb`` ends in a syllable with a final ㄹ (할, 갈, 먹을): a verb
    before 수, not a noun (``방법 수``)."""
    last = ord(found["verb"][-1]) - 0xAC00
    return last % 28 == 8 and not found["verb"].endswith(("않을", "못할", "없을"))


def _ko_rest(neg: str, rest: str) -> str:
    """The ending after 않, with 못하- read as 않- (못했다 as 않았다, 못한 as 않은)."""
    if neg != "못":
        return rest
    for written, read in (
        ("했", "았"),
        ("합니", "습니"),
        ("한다", "는다"),  # present tense: 못한다 is 않는다, not the modifier 않은
        ("한", "은"),
        ("할", "을"),
        ("해", "아"),
    ):
        if rest.startswith(written):
            return read + rest[len(written) :]
    return rest[1:] if rest.startswith("하") else rest


def _ko_asserted(text: str, end: int, rest: str) -> bool:
    """Whether the negated word ending in ``rest`` at ``end`` states or reports its
    clause, rather than modifying, conditioning or asking."""
    if _KO_FINITE.fullmatch(rest) and not _ko_question(text, end):
        if rest == "아" and not re.match(r"\s*[.!\"'”’」)]*\s*$", text[end:]):
            return False  # 않아 inside a sentence is "because not", only at its end "not"
        return True
    found = _KO_FINITE_NEXT.match(rest + text[end : end + _KO_NEXT_LOOKAHEAD])
    return bool(found and found["rest"] == rest)


def _ko_question(text: str, end: int) -> bool:
    """A question or a hedge: the clause ends on a question mark."""
    return bool(re.match(r"[가-힣]*\s*[?？]", text[end:]))


def _ko_not_a_flip(text: str, start: int, stem: str) -> bool:
    """Whether the negation at ``start`` says a degree, an amount or "no longer", or is
    an idiom: translations say those without a negation ("not yet" is read with the
    other side, see :data:`_EN_HEDGE`)."""
    before = text[:start]
    return (
        stem.endswith(_KO_IDIOM_STEMS)
        or bool(_KO_DEGREE.search(before))
        or bool(_KO_NO_LONGER.search(before))
        or before.endswith(("얼마 ", "얼마"))
    )


def read_ko_negation(text: str) -> Negation | None:
    """The first predicate of a Korean sentence that is negated and asserted.

    Example:
        >>> read_ko_negation("합참은 발사 준비 동향을 사전에 포착하지 못했으며 정보를 공유했다.")
        Negation(text='포착하지 못했으며', start=18)
        >>> read_ko_negation("확인되지 않은 정보가 퍼졌다.") is None
        True
    """
    for found in _KO_LONG.finditer(text):
        stem, neg, rest = found["stem"], found["neg"], found["rest"]
        # a reported or owed prohibition (말라고, 말 것을, 말아야), not a direct one
        # (마세요: "don't worry" is also "rest assured")
        if neg == "마" or (neg == "말" and not re.fullmatch(r"라(?:고|며)?|아야|것", rest or "것")):
            continue
        if _ko_not_a_flip(text, found.start(), stem):
            continue
        if _ko_asserted(text, found.end(), _ko_rest(neg, rest)):
            return Negation(found.group(), found.start())
    for found in _KO_CANNOT.finditer(text):
        if not _ko_cannot(found) or _ko_not_a_flip(text, found.start(), ""):
            continue
        rest = re.sub(r"^었", "았", found["rest"])  # 없었다 reads as 않았다
        if _ko_asserted(text, found.end(), rest):
            return Negation(found.group(), found.start())
    for found in _KO_SHORT.finditer(text):
        rest = found["rest"]
        if _KO_SHORT_IDIOMS.match(rest) or _ko_not_a_flip(text, found.start(), ""):
            continue
        ending = re.sub(r"^[가-힣]*?(?=(?:했|었|았|였|겠|습|는다|다))", "", rest)
        finite = _KO_FINITE.fullmatch(ending.replace("었", "았").replace("했", "았"))
        if ending != rest and finite and not _ko_question(text, found.end()):
            return Negation(found.group(), found.start())
    return None


# Any negation, lexical ones included: a side holding one of these is never the side
# that lost a negation. 피해 only as "avoided" (피해 갔다, 피해야): the noun is
# "damage", in nearly every disaster story.
_KO_ANY = re.compile(
    r"않|못|(?<![가-힣])안\s|없|아[니닌닐님닙냐]|(?:지|지\s)(?:말|마)|말[라고아자]"
    r"|실패|거부|거절|부인|부정|(?<!등)반대|반려|기각|부결|무산|결렬|중단|중지|금지|자제|삼가"
    r"|보류|유보|연기|취소|철회|포기|배제|제외|생략|불과|뿐|밖에|외에|이외|조차|커녕"
    r"|전혀|결코|절대|아직|아무|누구도|하나도|거의|좀처럼|별로|그다지|채\s"
    r"|모르|몰라|몰랐|침묵|함구|외면|피하|피했|피해(?:야|서|\s?가[고며기는]|\s?갔|\s?간)|회피"
    r"|면하|면했|막[아았는고기]|막을|저지"
    r"|차단|방지|예방|억제|유지|동결|그대로|여전히|변함|다르|달라|달랐|달리|놓치|놓쳤"
    r"|잃|찮|잖|힘든|그만|멈추|멈췄|멈춰|그쳤|그치|끊|망설|주저|꺼리|꺼려|싫|어렵|어려|힘들|의문|의심"
    r"|틀리|틀렸|잘못|오해|거짓|가짜|허위|헛|소용|허사|무위|폐쇄|금하|사절|면제|대신|여부"
    r"|미만|미달|미흡|미비|미정|미확인|미지|미완|미납|미결|미숙|미성년|미수|미혼|미처|미진"
    r"|미해결|미신고|미등록|미지급|미공개|미발표|미승인|미가입|미참석|미온"
    r"|불가|불참|불허|불만|불안|불법|불명|불확실|불분명|불투명|불편|불리[한하해했]|불충분"
    r"|불완전|불능|불발|불통|불응|불복|불신|불이행|불구|불필요|불공정|불평|불규칙|불합리|불황"
    r"|불특정|불상사|불임|불량|불미|불운|불행|부족|부재|부적|부진|부당|부실"
    r"|비공개|비공식|비정규|비핵|비무장|비협조|비정상|비인간|비현실|비합법|비밀|비관"
    r"|무효|무시|무관|무죄|무료|무력화|무승부|무기한|무단|무응답|무책임|무능|무의미|무사"
    r"|무명|무직|무소속|무관심|무조건|무인|무분별|무방비|무자격|무허가|무너"
    r"|사라|잠잠|잠적|실종|결석|결근|결여|결핍|궐석|빠졌|빠져|빠진|빼|뺀|뺐|제한|한계"
    r"|낙선|낙방|탈락|패배|기피|회의적|무색|전무|無|희박|가능성[이은가도]?\s?(?:낮|적[다은고으을]|작[다은고])"
)
# ------------------------------------------------------------------------ English

_EN_AUX = (
    r"(?:\b(?:do|does|did|is|are|was|were|am|has|have|had|will|would|shall|should|can|could"
    r"|may|might|must|need|ought\s+to)|['’](?:re|s|m|ve|d|ll))"
)
_EN_NEGATED = re.compile(
    rf"(?P<aux>{_EN_AUX})(?:\s+not|n['’]t|\s+never)\b|\b(?P<can>can(?:not|['’]t))\b"
    r"|\b(?P<never>never)\b|\b(?P<wont>won['’]t|ain['’]t|shan['’]t)\b",
    re.I,
)
_EN_ADVERBS = (
    r"(?:(?:yet|even|always|really|quite|fully|necessarily|immediately|directly|also|be|been"
    r"|being|have|get|got|actually|ever|once)\s+)*"
)
_EN_VERB_AFTER = re.compile(rf"\s+{_EN_ADVERBS}(?P<verb>[a-z][\w'’-]*)", re.I)
# negations that say something positive or are no statement: "not only ... but",
# "can't help", "not until", "whether or not", "not long ago"; and a negated verb that
# is itself a negation, which a translation states positively ("never gave up" as
# ``끝까지 싸웠다``, "did not hide his anger" as ``분노를 드러냈다``); a litotes ("not
# impossible"), but "not immediately" is a hedge (:data:`_KO_IMMEDIATELY`)
_EN_NOT_A_FLIP = re.compile(
    r"(?:\bnot|n['’]t|\bnever)\s+(?:(?:\w+ly|even|ever|once|yet|be|been|have)\s+)?"
    r"(?:only|just|merely|simply|until|till|unlike|un\w+|in\w+able|without|least|long\s+ago"
    r"|so\s+much|to\s+mention|necessarily|always|all|every|quite|help|wait|but|because"
    r"|before|any|enough|less|more|fail\w*|forg[eo]t\w*|ceas\w*|stop\w*|quit\w*|hesitat\w*"
    r"|g[ai]v\w*\s+up|miss\w*|los[et]\w*|doubt\w*|den[yi]\w*|refus\w*|lack\w*|end(?:s|ed|ing)?|rest(?:s|ed|ing)?"
    r"|neglect\w*|ignor\w*|let\s+up|avoid\w*|shy\w*|budg\w*|back\w*\s+down|flinch\w*"
    r"|waver\w*|relent\w*|hid[ed]\w*|conceal\w*|spar\w*|mind|again|against|no\w*)\b"
    r"|\bcan(?:not|['’]t)\s+(?:help|wait|be\s+(?:more|too|over))\b"
    r"|(?:\bnot|n['’]t)\s+(?:(?:be|been|have|a|an)\s+)*(?:bad|surprising\w*|coincidence"
    r"|accident\w*|for\s+nothing|too\s+late|mystery|secret|(?:im(?!mediate)|ir|il|dis)\w+)\b"
    r"|\bcould(?:n['’]t|\s+not)\s+(?:\w+\s+){0,3}(?:more|better|worse|\w+ier)\b"
    r"|\b(?:whether|if)\s+(?:\w+\s+)?not\b",
    re.I,
)
# words opening a clause that is no statement of its own
_EN_SUBORDINATE = re.compile(
    r"\b(?:if|unless|when|whenever|once|whether|who|which|whom|whose|where|because|since|as"
    r"|although|though|while|until|till|before|after|lest|so\s+that|in\s+case|as\s+long\s+as"
    r"|even\s+if|what|how|why)\b",
    re.I,
)
# words after "never" that are no verb: "never the same", "never a word"
_EN_NOT_VERBS = frozenset({"the", "a", "an", "so", "such", "too", "very", "more", "enough", "in"})
_EN_NOT_BARE = re.compile(r"[a-z]+(?:[^e]ed|[^su'’]s)", re.I)
# a tag question or a question: "..., wasn't it?", "Isn't it great?"
_EN_QUESTION = re.compile(r"\?\s*[\"'”’)]*\s*$")


# "failed to", "unable to", "unlikely to" and "has yet to" negate the verb after them as
# "not" does (``내려가기 어려울 것``, never ``내려갈 것``):
# "failing to top 1 million" is ``100만 명을 넘지 못했다``, never ``넘었다``, "has yet to
# recall" ``아직 리콜하지 않았다``. After a preposition,
# "failing to" names a fault, a reason a Korean desk renders as a noun or what came
# of it ("fined ... for failing to protect the data" / ``개인정보가 유출된 ... 과징금``)
_EN_FAILED = re.compile(
    r"\b(?<!for\s)(?<!by\s)(?<!of\s)(?<!over\s)"
    r"(?:fail(?:s|ed|ing)?|unable|unlikely|(?:ha(?:s|ve|d)|is|are|was|were)\s+yet)\s+to\s+[a-z][\w'’-]*",
    re.I,
)


def _en_not_a_flip(text: str, start: int, imperative: bool) -> bool:
    """Whether the negation at ``start`` is in a subordinate clause (a condition, a
    cause, a relative clause) or a command ("Don't worry" is also "rest assured").
    Only "do not" and "never" open a command: "and would not appeal" shares the
    subject of the clause before it."""
    clause = re.split(r"[,;:()\"“”]|\b(?:and|or|but)\b", text[:start])[-1]
    command = imperative and not re.search(r"[A-Za-z]", clause)
    return bool(_EN_SUBORDINATE.search(clause)) or command


_EN_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:and|or|but)\b", re.I)
# "no", "no one", "nobody", "nothing" or "none" negating its clause: "No casualties were
# reported", "There were no reports of casualties", "The quake caused no damage"
_EN_DETERMINER = re.compile(r"\b(?:no\s+one|nobody|nothing|none|no(?=\s+[a-z]))\b", re.I)
# a determiner after a preposition negates a phrase, not the clause ("with no
# injuries", "by no means", "at no cost", "in no time")
_EN_PHRASE_BEFORE = re.compile(
    r"\b(?:with|without|at|by|in|of|for|from|on|under|into|within|than|to|as|like|about"
    r"|after|over|upon|via|per|through|among|between|or|yes)\s+$",
    re.I,
)
# a degree, an amount, a time or an idiom: "no longer", "no more than 5", "no doubt",
# "no matter", "no other country" (only this one), "no surprise", "nothing but", "none
# other than", "said no to"
_EN_DETERMINER_IDIOM = re.compile(
    r"\s+(?:longer|more|less|fewer|later|earlier|sooner|doubt\w*|matter|wonder|stranger"
    r"|small|mean|easy|exception|other|others|surprise|coincidence|accident|secret|different"
    r"|to|but|short|like|the|too)\b",
    re.I,
)
# a finite verb after a determiner that opens its clause: "No casualties were reported"
# is a statement, "No comment" and "No casualties" are not
_EN_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|did"
    r"|does|do|\w+ed)\b",
    re.I,
)


_EN_SUBJECT_END = re.compile(r"[,;:()\"“”]|\bbut\b", re.I)


def _read_en_determiner(text: str) -> Negation | None:
    """The first "no", "no one", "nobody", "nothing" or "none" negating a main clause
    that states, with the word it negates ("No casualties", "no reports")."""
    for found in _EN_DETERMINER.finditer(text):
        clause = _EN_CLAUSE_BREAK.split(text[: found.start()])[-1]
        after = text[found.end() :]
        if (
            _EN_SUBORDINATE.search(clause)
            or _EN_PHRASE_BEFORE.search(clause)
            or _EN_DETERMINER_IDIOM.match(after)
        ):
            continue
        rest = _EN_CLAUSE_BREAK.split(after, maxsplit=1)[0]
        if _EN_ANY.search(rest) or re.search(r"\b(?:ever|before)\b", rest, re.I):
            # a double negation ("leave no stone unturned"), or a first ("No Korean had
            # ever won the prize" is ``한국인 수상은 처음``)
            continue
        # the verb may follow a subject of two nouns: "No deaths or injuries were reported"
        subject = _EN_SUBJECT_END.split(after, maxsplit=1)[0]
        if not re.search(r"[A-Za-z]", clause) and not _EN_FINITE.search(subject):
            continue  # opening its clause, a statement only with a verb after it
        noun = re.match(r"\s+[a-z][\w'’-]*", after, re.I) if found.group().lower() == "no" else None
        return Negation(
            text[found.start() : found.end() + (noun.end() if noun else 0)], found.start()
        )
    return None


def read_en_negation(text: str) -> Negation | None:
    """The first verb of an English sentence negated by "not", "n't" or "never" on
    an auxiliary (or "never" alone before a verb), in a main clause that states; or
    else its first clause negated by a determiner ("No casualties were reported").

    Example:
        >>> read_en_negation("The company did not raise prices.")
        Negation(text='did not raise', start=12)
        >>> read_en_negation("Not only prices but wages rose.") is None
        True
    """
    if _EN_QUESTION.search(text) or _EN_NOT_A_FLIP.search(text):
        return None
    for found in _EN_NEGATED.finditer(text):
        verb = _EN_VERB_AFTER.match(text, found.end())
        aux = (found["aux"] or "").lower()
        imperative = aux == "do" or bool(found["never"])
        if verb is None or _en_not_a_flip(text, found.start(), imperative):
            continue
        if found["never"] and verb["verb"].lower() in _EN_NOT_VERBS:
            continue
        # after "do", a verb is bare: "the Eight don't asks" is a title
        if aux in ("do", "does", "did") and _EN_NOT_BARE.fullmatch(verb["verb"]):
            continue
        return Negation(text[found.start() : verb.end()], found.start())
    for found in _EN_FAILED.finditer(text):
        if not _en_not_a_flip(text, found.start(), False):
            return Negation(found.group(), found.start())
    return _read_en_determiner(text)


# words that open on un-, dis- or in- and negate nothing
_EN_NOT_PREFIXED = (
    r"under|unit|union|uniq|univ|unif|unanim|uncle|until|unto|unesco|unicef|unix|unilater"
    r"|discus|discover|district|distan|display|dispatch|disaster|distribut|distinct"
    r"|distinguish|disease|disc\b|disk"
)
_EN_ANY = re.compile(
    r"n['’]t\b|\b(?:not|no|nor|neither|never|none|nobody|nothing|nowhere|cannot|without"
    # "against" negates as a stance ("voted against" is 찬성하지 않았다, "warned against
    # going" 가지 말라고), not as a target ("deterrence against North Korea", 대북 억제)
    r"|(?:(?:vot|argu|warn|decid|advis|cautio|rul|turn|went|go|goes|speak|spoke|stood|stand"
    r"|campaign|lobb|testif|counsel|is|are|was|were|be|been|am)\w*\s+against)"
    # ... and one warned or urged against it: "warned Pyongyang against provocations"
    r"|(?:warn|cautio|advis|urg)\w*\s+(?:[\w'’-]+\s+){1,3}?against"
    r"|against\s+(?:(?:his|her|their|its|our|my|the)\s+)?(?:will|wish\w*|odds|law|rules?"
    r"|advice|expectations?|principles?)"
    r"|unless|until|till|yet|only|just|merely|mere|solely|alone|few|fewer|little"
    r"|limited|scarce|slim"  # "The options are limited." for 선택지는 많지 않다
    r"|less|rarely|seldom|hardly|barely|scarcely|lack\w*|absen\w*|fail\w*|refus\w*"
    r"|den(?:y|ies|ied|ying|ial)|declin\w*|reject\w*|avoid\w*|refrain\w*|abstain\w*"
    r"|withh[oe]ld\w*|ignor\w*|neglect\w*|miss(?:es|ed|ing)?|skip\w*|omit\w*|lose|loses"
    r"|losing|lost|loss|cancel\w*|call\w*\s+off|halt\w*|stop\w*|ceas\w*|quit\w*|paus\w*"
    r"|suspend\w*|postpon\w*|delay\w*|reluctan\w*|hesitat\w*|silen\w*|mum|spar(?:e|ed|ing)"
    r"|escap\w*|intact|still|steady|stable|flat|remain\w*|prevent\w*|ban|bann\w*|bar|barred"
    r"|barring|forb[ai]d\w*"
    r"|prohibit\w*|block\w*|restrict\w*|rul\w+\s+out|exclud\w*|except\w*|beyond"
    r"|difficult\w*|hard|harder|struggl\w*|poor\w*|doubt\w*|wrong\w*|mistak\w*|fals\w*|fake"
    r"|negativ\w*"  # "tested negative for alcohol" is 음주 반응은 나오지 않았다
    r"|far\s+from|free|instead|rather|other\s+than|either|whether|otherwise|lest"
    r"|too\s+\w+\s+to|short\s+of|any|anyone|anything|anybody|anywhere|anymore"
    r"|oppos(?:e|es|ed|ing)|disput\w*|contrar\w*|dismiss\w*|abandon\w*|empty|vacant|zero"
    r"|nil|gone|vanish\w*|disappear\w*|(?:drop|walk)\w*\s+out|closed|shut\w*|fell\s+through"
    r"|collaps\w*|broke\s+down|back\w*\s+down|g[ai]v\w*\s+up|forgo\w*|forg[eo]t\w*"
    r"|quiet|secre(?:ts?|tly|tive|cy)|confidential\w*|privately|anonym\w*|survi\w*|pretend\w*"
    r"|lie|lied|lies|lying|(?:keep|kept|stay\w*)\s+(?:\w+\s+)?away"
    r"|(?:keep|keeps|kept|keeping|stop\w*|prevent\w*)\s+(?:[\w'’-]+\s+){0,6}from"
    rf"|(?!{_EN_NOT_PREFIXED})(?:un|dis)[a-z]{{3,}}|non-?[a-z]{{3,}}|[a-z]{{3,}}less(?:ly|ness)?"
    r"|[a-z]+-free|(?:im|in|ir|il)(?:possib|capab|complet|correct|adequa|sufficien|valid|legal"
    r"|regular|relevan|responsib|effective|abilit|accura|appropria|conclusive|credib|decisi"
    r"|direct|formal|visib|activ|matur|patien|perfect|probab|partial|practic|proper|rational"
    r"|reversib|secur|stab|sign|toleran|accessib|experienc|convenien|consisten|competen"
    r"|advisab)[a-z]*)\b",
    re.I,
)


# ------------------------------------------------------------------------ both


def negative_cues(text: str, lang: str) -> list[str]:
    """Every word of ``text`` that negates or carries a negation, lexical ones
    included ("failed", "without", ``없이``, ``부인했다``)."""
    pattern = {"en": _EN_ANY, "ko": _KO_ANY}.get(lang)
    return [found.group() for found in pattern.finditer(text)] if pattern else []


# A negation beside a contrast is where translators restructure or drop a clause
# ("X isn't easy anywhere, but in Iraq ..." as only the Iraq clause; "NBC asked him to
# stay, but he is ready to leave" as ``요청했지만 받아들이지 않았다``). A connective
# ends its word whatever follows it, a space or a comma (``낮아졌으나, 하루``); 으나
# ends no other word, and "despite" is also ``했음에도`` without ``불구하고`` (not
# ``마음에도``: a noun in -음 and 에도 is "also in").
_CONTRAST = {
    "en": re.compile(r"\b(?:but|however|although|though|while|whereas|despite)\b", re.I),
    "ko": re.compile(
        r"지만|으나(?![가-힣])|는데|은데|그러나|그런데|반면|면서도|데도|에도\s?불구"
        r"|(?:[었았였했됐있없]음|[함됨])에도(?![가-힣])"
    ),
}


# a connective opening the sentence links it to the one before, not two clauses
_OPENING_CONNECTIVE = re.compile(
    r"^\W*(?:(?:but|however|yet|still|and|though)\b|그러나|하지만|그런데|그렇지만|그래도)\W*", re.I
)


# "did not return until September" is ``9월에야 돌아왔다``: Korean says "not X until Y"
# as "only at Y, X", with -에야 or -서야 on Y (``아침에야``, ``돼서야``, ``보고서야``,
# ``뒤에야``), ``이제야``/``그제야`` (only now, only then) or ``비로소`` (at last)
_KO_ONLY_THEN = re.compile(r"(?:에|서)야(?![가-힣])|(?<![가-힣])(?:이제|그제)야|비로소")
_EN_UNTIL = re.compile(r"\b(?:until|till)\b", re.I)
# "would not switch unless fuel costs fall" is ``연료비가 내려가야 전환에 나설 수 있다``:
# Korean says "not X unless Y" as "only if Y, X", with -아야/-어야 on Y (``내려가야``,
# ``있어야만``; not 분야, 시야), ``경우에만``, ``때만``, ``조건으로``, or as "if Y, X"
# (``내려가면``; not 반면, 측면, 국면)
_KO_ONLY_IF = re.compile(
    r"(?<![분시광])(?<=[가-힣])야만?(?![가-힣])|(?<=[가-힣])(?<![반측국전방표외내정이])면(?![가-힣])"
    r"|(?:경우|때)에?만|조건으로"
)
_EN_UNLESS = re.compile(r"\bunless\b", re.I)


def _not_until(text: str, negation: Negation) -> bool:
    """Whether the English negation is "not X until Y": "until" later in its clause
    ("did not return to hospitals until September"), or opening the sentence ("Until
    Sunday, residents were not allowed home")."""
    after = text[negation.start + len(negation.text) :]
    clause = _EN_CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return bool(_EN_UNTIL.search(clause) or _EN_UNTIL.match(text.lstrip("\"“'‘ ")))


# "did not immediately respond", "could not immediately be reached" is a hedge of wire
# copy that translations often leave out inside a sentence they keep: read only when the
# Korean keeps the "immediately" (``즉각 보도했다`` for "did not immediately report")
_KO_IMMEDIATELY = re.compile(r"즉각|즉시|곧바로|곧장|바로|당장")


# a quotation in double quotes, straight or curly
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _unquoted(text: str) -> str:
    """``text`` with the words of its quotations blanked out."""
    return _QUOTATION.sub(lambda found: " " * len(found.group()), text)


def _translation_lengths(en: str, ko: str) -> bool:
    """Whether ``ko`` is as long as a translation of ``en`` would be."""
    low, high = _KO_PER_EN
    en_length = len(re.sub(r"\W", "", en))
    return low * en_length <= len(re.sub(r"\W", "", ko)) <= high * en_length


def _outside_quotations(
    negating: str, other: str, negation: Negation, langs: tuple[str, str]
) -> tuple[str, str]:
    """Both sides without their quotations when the negation lies outside the
    negating side's and the quotations of both sides are as long as translations
    of each other: ``"판결을 존중하지만 ..."며 항소하지 않겠다고`` against 'said it
    "respects the ruling but disputes the facts" and would appeal'. What is said
    of a quotation is read outside it, a contrast or a negative word within it
    set aside; a quotation that holds more ("had not seen the details, 'but I've
    always opposed quotas'" as ``"잘 모르지만 ... 반대했다"고``) is read whole."""
    blanked, other_blanked = _unquoted(negating), _unquoted(other)
    inside = blanked[negation.start : negation.start + len(negation.text)].isspace()
    if blanked == negating or inside or other_blanked == other:
        return negating, other
    quoted = {
        lang: "".join(_QUOTATION.findall(text))
        for lang, text in zip(langs, (negating, other), strict=True)
    }
    if not _translation_lengths(quoted["en"], quoted["ko"]):
        return negating, other
    return blanked, other_blanked


# Lexical negations as each language words them: "will not be restricted" against
# ``운행이 제한된다`` loses its negation though the Korean holds a negative word, for
# that word is the very verb the English negates; and "would not cut support ... and
# the budget would remain" against ``지원을 줄일 것이며, 예산도 유지된다`` loses it though
# the Korean holds ``유지``, for that word translates the English's "remain"
_COUNTERPARTS = tuple(
    {lang: re.compile(words, re.I) for lang, words in zip(("en", "ko"), pair, strict=True)}
    for pair in (
        (r"remain|stay|maintain|keep|kept|unchanged|intact|steady", r"유지|그대로|변함"),
        (r"restrict|limit", r"제한"),
        (r"ban|bar|prohibit|forb[ai]d", r"금지"),
        (r"reject|refus", r"거부|거절"),
        (r"cancel|withdr[ae]w|scrap", r"취소|철회"),
        (r"suspend|halt", r"중단|중지"),
        (r"postpon|delay", r"연기|보류"),
        (r"block", r"차단"),
        (r"silen|mum|quiet", r"침묵|무응답|묵묵부답|함구|잠잠"),
    )
)


def _other_cues(negation: Negation, negating: str, other: str, langs: tuple[str, str]) -> list[str]:
    """The negative words of ``other`` but those that translate the word negated or
    a negative word of ``negating`` outside its negation."""
    cues = negative_cues(other, langs[1])
    negated = negation.text.split()[-1] if langs[0] == "en" else negation.text.split()[0]
    outside = negating[: negation.start] + negating[negation.start + len(negation.text) :]
    own = [negated, *negative_cues(outside, langs[0])]
    for words in _COUNTERPARTS:
        if any(words[langs[0]].match(word) for word in own):
            cues = [cue for cue in cues if not words[langs[1]].match(cue)]
    return cues


def _flipped(negating: str, other: str, negating_lang: str, other_lang: str) -> Negation | None:
    """The negation of ``negating`` that ``other`` lacks entirely, if any."""
    reader = {"en": read_en_negation, "ko": read_ko_negation}[negating_lang]
    negation = reader(negating)
    if negation is None:
        return None
    negating_read, other_read = _outside_quotations(
        negating, other, negation, (negating_lang, other_lang)
    )
    if _CONTRAST[negating_lang].search(_OPENING_CONNECTIVE.sub("", negating_read)):
        return None
    if _other_cues(negation, negating_read, other_read, (negating_lang, other_lang)):
        return None
    if negating_lang == "en" and _not_until(negating, negation) and _KO_ONLY_THEN.search(other):
        return None
    if (
        negating_lang == "en"
        and _EN_UNLESS.search(negating, negation.start)
        and _KO_ONLY_IF.search(other)
    ):
        return None
    if "immediately" in negation.text.lower() and not _KO_IMMEDIATELY.search(other):
        return None
    if (
        negating_lang == "ko"
        and _KO_NOT_YET.search(negating, 0, negation.start)
        and _EN_HEDGE.search(other)
    ):
        return None  # "not yet" said as "is under investigation"
    return negation


def _message(negation: Negation, texts: dict[str, str], negating: str) -> str:
    other = "ko" if negating == "en" else "en"
    return (
        f"negation lost or added: the {language_name(negating)} negates “{negation.text}” in "
        f"{_quote(texts[negating])}; the {language_name(other)} {_quote(texts[other])} has no "
        "negation: does one of them say the opposite?"
    )


def _omits(negating: str, other: str, langs: tuple[str, str]) -> bool:
    """Whether ``other`` may have left out what ``negating`` negates: it has fewer
    sentences, or is far shorter than a translation of it would be."""
    if len(split_sentences(other, langs[1])) < len(split_sentences(negating, langs[0])):
        return True
    length = {
        lang: len(re.sub(r"\s", "", text))
        for lang, text in zip(langs, (negating, other), strict=True)
    }
    low, high = _KO_PER_EN
    return not low * length["en"] <= length["ko"] <= high * length["en"]


def _bead_flag(doc: AlignedDocument, bead: Bead, floor: float) -> Flag | None:
    if bead.similarity < floor:
        return None
    texts = {
        doc.src.lang: strip_dateline(doc.src_text(bead)),
        doc.tgt.lang: strip_dateline(doc.tgt_text(bead)),
    }
    if set(texts) != {"en", "ko"}:
        return None
    for negating, other in (("ko", "en"), ("en", "ko")):
        negation = _flipped(texts[negating], texts[other], negating, other)
        if negation is None or _omits(texts[negating], texts[other], (negating, other)):
            continue
        message = _message(negation, texts, negating)
        side = "src" if negating == doc.src.lang else "tgt"
        return Flag(
            "mistranslation",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            message,
            subject="negation",
            spans=_negated_words(doc, bead, side, negation),
        )
    return None


def _negated_words(
    doc: AlignedDocument, bead: Bead, side: str, negation: Negation
) -> tuple[Span, ...]:
    """Where the negated words are in the sentences of ``side``; the negation was
    read in the side's text without its dateline, which is cut from its start."""
    document, indices = side_document(doc, bead, side)
    text = SideText.of(document, side, indices)
    start = negation.start + len(text.text) - len(strip_dateline(text.text))
    return text.spans(start, start + len(negation.text))


@register("negation", Severity.ERROR)
def find_flipped_negations(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads where one side negates a predicate and the other has no negation.

    Args:
        doc: the aligned document.
        settings: run settings; the pair's similarity must be :data:`FLIP_MARGIN` above
            ``mistranslation_threshold``.

    Yields:
        One ``mistranslation`` flag (subject ``negation``) per bead.
    """
    floor = (settings.mistranslation_threshold or 0.0) + FLIP_MARGIN
    for bead in filter(doc.is_content_pair, doc.beads):
        flag = _bead_flag(doc, bead, floor)
        if flag is not None:
            yield flag
