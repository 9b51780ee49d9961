"""The ``truncated`` check: a sentence that stops before its translation does.

A cut-off sentence shows itself in two ways: at its end (a dangling comma, a
stray " ." after a word, an article or a Korean connective ending with nothing
after it, a missing full stop where the translation has one, a quote or
bracket left open) and in its length (much shorter than the translation
predicts). Neither is reliable alone. Loose but complete translations are
routinely half the expected length, and a trailing comma also ends the first
half of a legitimately split sentence. So the check grades each end cue by how
rarely it occurs in complete text and asks for more length evidence the weaker
the cue:

* strong cues (" ." after a word, a final article or coordinating
  conjunction, a comma after a preposition, a Korean clause left open before
  a comma, a Korean tense left without its ending as in "인정됐…") flag on
  their own. So does a line with no final punctuation that stops where no
  sentence, headline, caption or list item does (an English preposition or
  subordinating conjunction, a Korean connective or adnominal ending, a case
  particle that ends no noun, a noun after a subject that no noun ends like and
  no verb after it, as in "…순매도한 것도 환율 상승") when the translation is a finished sentence,
  the document ends its other lines with sentence punctuation, no unpaired
  line follows that may be its second half, the line is no list item, and
  the pair is otherwise close: a similarity of at least 0.45 (and the
  mistranslation threshold) and the side not markedly longer than predicted
  (z > -0.75);
* medium cues (a trailing comma, a final preposition, Korean connective or
  adnominal ending or case particle without a full stop, a second stop after
  the first as in "today. .", and, held to full stops as above, a Korean line
  that opens a clause in the past and stops on a noun with no main verb, as in
  "현금을 건넸다가 노후 자금"; no final punctuation after a quote opened in the
  line and left open) need the side to be shorter than expected (robust
  z >= 0.75); a medium connective or particle inside such a quote is strong;
* weak cues (no final punctuation where the translation has it, an unclosed
  quote or bracket) need it to be much shorter: under
  ``settings.truncation_ratio`` of the expected length and z >= 3.5;
* with no cue at all, only a side under half that ratio (a quarter of the
  expected length by default) at z >= 4 is flagged.

Comma and connective cues count only on the last sentence of a side (the
first half of a split sentence ends that way), not before a line that starts
in lower case (the second half of a split the aligner left unpaired), and only
when the other side does not stop at a comma too (a salutation, a list item). The expected length
ratio is learned per document: the median of
``log(len_tgt / len_src)`` (non-space characters) over the document's paired
beads, with the scaled median absolute deviation as spread.
"""

from __future__ import annotations

import collections
import functools
import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum

from aligner.align.params import AlignParams
from aligner.config import Settings, language_name
from aligner.models import Bead, Document, Flag, Sentence, Severity, Span
from aligner.qa.hangul import jamo
from aligner.qa.links import without_links
from aligner.qa.registry import AlignedDocument, register

__all__ = [
    "Cue",
    "LengthModel",
    "continues_on_next_line",
    "find_truncations",
    "fit_length_model",
    "how_long_in_words",
    "is_complete",
    "mostly_punctuated",
    "sentence_cue",
]

# Below this many paired beads the document says too little about its own
# length ratio, and only end cues are used.
MIN_BEADS_FOR_LENGTH = 4
# Floor of the spread (natural log units): short or very regular documents
# would otherwise turn a few characters of difference into a large z.
MIN_SPREAD = 0.12
# 1.4826 * MAD estimates the standard deviation of normally distributed data.
MAD_TO_SIGMA = 1.4826

Z_MEDIUM = 0.75
Z_WEAK = 3.5
Z_LENGTH_ONLY = 4.0
# A line cut at its last words still says what its translation says: a pair
# that matches as well as the aligner asks of a sentence out of place. Below, a
# loose or unrelated translation (a mistranslation flag this one would hide)
# explains an odd last word as well as a cut does.
CLOSE_SIMILARITY = AlignParams.move_min_similarity
# The counterpart must be long enough for a length ratio to mean something.
MIN_COUNTERPART_CHARS = 10
# A document that ends this share of its other sentences, and at least this
# many, with sentence punctuation writes full stops (see mostly_punctuated).
PUNCTUATED_SHARE = 0.8
MIN_PUNCTUATED = 3
# Words a Korean line needs before its lack of any predicate says a cut: a short
# label ("사진 제공은 국방부") may go without one.
MIN_CLAUSE_WORDS = 4

# A full stop, question or exclamation mark (optionally followed by closing
# quotes or brackets), or a closing quote on its own, ends a sentence.
_CLOSERS = "\"'”’」』)]}»›˝"
_FINAL = re.compile(rf"(?:[.?!…。！？]|\.\.\.)[{re.escape(_CLOSERS)}\s]*$|[”’\"'˝»]\s*$")
# Colon and semicolon close a line that introduces or continues something:
# neither complete nor cut, so they count as "no cue".
_OPEN_ENDED = re.compile(r"[:;]\s*$")
# " ." or ", ." after a word: what a cut leaves when a full stop is pasted on.
_SPACE_DOT = re.compile(r"[^\s.?!…。][ \t]+\.\s*$")
_COMMA_END = re.compile(r",\s*$")
_STOP_AFTER_STOP = re.compile(r"[.?!…][\"'”’)]*(?:\s+\.|,)\s*$")
_WORDS = re.compile(r"[\w'’]+(?:-[\w'’]+)*")  # a hyphenated name is one word: Shin-a
# Speech that trails off ("but...", "있겠지만…") ends where it likes.
_TRAILING_OFF = re.compile(rf"(?:\.{{2,}}|…)[{re.escape(_CLOSERS)}]*$")
# A list item ends as its list does, full stop or not.
_LIST_ITEM = re.compile(r"^\s*(?:[-–*+]\s|[•·▪▲■●○◆※①-⑳]|\(?\d{1,3}[.)]\s)")

# English words a complete sentence never ends with (articles, coordinating
# conjunctions, possessive determiners) ...
_EN_DEAD_END = frozenset("a an the and or but nor my your our their its".split())
# ... and words it rarely ends with (prepositions, "proud of", subordinators, auxiliaries) ...
_EN_RARE_END = frozenset(
    "of to in on at for with from by into onto over under between through during as than "
    "that which who whose whom because while if when where although though since whether "
    "is are was were be been being has have had will would can could should may might must "
    "shall do does did very such".split()
)
# ... of which these end no line that lost only its full stop: "come in", "it is
# over", "as it was", "I said that" end on the others.
_EN_OPEN_END = frozenset(
    "of to for with from into onto at between during than because although though whether".split()
)
# Korean clause-final connective endings (-고, -며, -지만, -는데, -서 ...) and
# case particles that leave a clause open. Nouns that happen to end in the
# same syllable (광고, 보고서, 회의) are why the list names whole endings.
_KO_OPEN_END = re.compile(
    r"(?:었고|았고|였고|했고|하고|되고|있고|없고|이고|않고|[가-힣]며"
    r"|지만|는데|은데|한데|했는데|였는데|면서|으면|하면|해서|어서|아서|여서|돼서|도록|려고|거나"
    # a clause "in order to", "through", "because of", "unable to" (위해, 통해, 못해)
    r"|위해|통해|인해|대해|의해|못해"
    r"|에서|에게|으로|께서)$"
)
# One-syllable case particles end nouns and names too (회의, 마을, 국가, 결과):
# a headline or caption "한미 방위비 분담금 합의" is no cut. So they count only
# against a complete sentence, after a word of two syllables or more (or a
# bound noun or pronoun: 것을, 명이, 그는), in the form the syllable before
# takes (이상이, 회사가: 이, 을, 은, 과 after a final consonant, 가, 를, 는, 와
# after none, 로 after none or ㄹ; 국가 and 마을 are nouns), and 의 not after
# the syllables of 회의, 합의, 논의, 협의, 동의 and 주의 (민주주의). 에서, 에게
# and 께서 end no noun.
_KO_AFTER_CONSONANT = frozenset("이을은과")
_KO_AFTER_VOWEL = frozenset("가를는와")
_KO_AFTER_EITHER = frozenset("의에도로")
_RIEUL = 8  # the final consonant ㄹ, which takes 로 as a vowel does
_KO_BOUND_NOUNS = frozenset("것수등때곳명측그")
_KO_CASE_MARKERS = frozenset("이가을를은는에")  # not 도, 로, 의: 수도, 수로, 명의
_PARTICLE = "a particle (no verb)"  # 은/는 and 도 are no case particles
_OPEN_CLAUSE = "an unfinished clause"
# A verb's stem and 는 before a noun, not a noun and its topic marker
_KO_VERB_BEFORE_NOUN = ("하는", "되는", "있는", "없는", "않는", "라는", "다는")
# 이 and 가 after a number and its counter are subject markers (13명이, 1천546명이,
# 2024년도가): no noun is a number, a counter and 이 or 가. A word of quantity stands
# for the number as well (여러 점이, 몇 명이, 수십 곳이), before a counter only: a noun
# after it may end in 이 or 가 (여러 고양이, 몇 휴가).
_KO_QUANTITY = "여러|몇몇|몇|수십|수백|수천|수만"
_KO_COUNTERS = "점|명|개|곳|건|대|번|차례|가지|척|채|권|마리|군데"
_KO_COUNTED = re.compile(
    rf"\d[\d.,]*(?:[천만억조]\d[\d.,]*)*[가-힣]{{1,3}}|(?:{_KO_QUANTITY})\s?(?:{_KO_COUNTERS})"
)
# A counter or unit is written apart from its number or word of quantity or not
# (2억3천만 원을, 3천 명이, 여러 점이): read as one word, a particle after it is one
# after a number and its counter.
_KO_SPACED_COUNTER = re.compile(
    r"(\d(?:[\d.,]*\d)?[천만억조]*)\s+([가-힣]{1,4})\W*$"
    rf"|(?<![가-힣])({_KO_QUANTITY})\s+((?:{_KO_COUNTERS})[가-힣])\W*$"
)
# Adnominal endings: a verb form that needs the noun after it (기소된 대표, 하는 일,
# 있던 곳, 위한 예산). No noun ends in them, 런던 aside.
_KO_ADNOMINAL = re.compile(r"(?:(?<!런)던|된|될|는|로운|러운|[위대관향인의]한|따른)$")
# Words of degree, size and time that describe the word after them, as adjectives before
# a noun (가장 낮은 수준, 1시간 늦은 시각) or adverbs before a verb (크게 늘었다): a line
# stopping on one was cut before it. No noun is written so.
_KO_MODIFIER = re.compile(
    r"(?<![가-힣])(?:(?:늦|낮|높|많|적|작|좋|넓|좁|깊|얕|짧|같|젊|옳|밝|맑)(?:은|게)|나쁜|다른|비싼"
    r"|빠른|느린|어린|긴|큰|길게|크게|빠르게|느리게|다르게|(?:어려|쉬|가까|무거|가벼|뜨거|차가|더|추"
    r"|어두)운|(?:어렵|쉽|가깝|무겁|가볍|뜨겁|차갑|새롭)게|[가-힣]{2,}하게)$"
)
_KO_OBJECT_MARKERS = ("을", "를")
# A verbal noun of two syllables and 한 (증가한, 순매도한), which an amount before it
# measures; but nouns of a limit or of Korea end in 한 after numbers too (3년 기한,
# 100% 제한, 최소한, 남북한, 방한).
_KO_CHANGED_BY = re.compile(r"[가-힣]{2}(?<![기시제상하권소북남방주내])한$")
_NIEUN, _SSANGSIOT = 4, 20  # the final consonants ㄴ and ㅆ
_KO_AE_E = (1, 3, 5, 7)  # the vowels ㅐ, ㅒ, ㅔ, ㅖ
# A complete sentence with a space before its full stop ("논의했다 .") is a slip
_KO_SPACED_STOP = re.compile(r"(?:(?<!보)다|요|까|죠)[ \t]+\.\s*$")
# Connective endings; after a tense or 있다 (건넸다가, 했고, 늘었지만, 있는데) they end
# a clause of a sentence whose main verb must follow. Headlines seldom mark tense.
_KO_CONNECTIVE = re.compile(r"(?:고|으며|지만|는데|다가|으나|으면|더니|어도)$")
# Endings of other verb forms (증가한, 나오면서, 높게, 빼돌려, 했지): nouns end so too
# (기한, 장면, 가게, 문서), which only makes a verb more likely than it is.
_KO_VERB_ENDING = re.compile(r"[가-힣](?:한|은|면|서|게|려|해|돼|며|지|니|자)$")
# Korean sentence-final endings: a complete clause even if a comma follows.
# ("-자", "-니", "-라" before a comma are connectives, "보다" is a particle.)
_KO_FINAL_END = re.compile(r"(?:(?<!보)다|요|까|죠)$")

# The last straight quote opens a quotation: after a space, before a word.
_STRAIGHT_OPENER = re.compile(r'(?:^|\s)"\w[^"]*$')
_QUOTE_PAIRS = (("“", '”"'), ("‘", "’"), ("(", ")"), ("[", "]"), ("「", "」"), ("『", "』"))


class Cue(IntEnum):
    """How strongly the end of a sentence says it was cut off."""

    NONE = 0
    WEAK = 1
    MEDIUM = 2
    STRONG = 3


@dataclass(frozen=True)
class EndCue:
    """A cue with the words a translator reads: what the end looks like."""

    strength: Cue
    reason: str


@dataclass(frozen=True)
class LengthModel:
    """The document's expected ``log(len_tgt / len_src)`` and its spread."""

    centre: float
    spread: float

    def shortness(self, bead_ratio: float, side_is_src: bool) -> tuple[float, float]:
        """How much shorter one side is than expected.

        Args:
            bead_ratio: ``log(len_tgt / len_src)`` of the bead.
            side_is_src: whether the side judged is the source side.

        Returns:
            ``(z, factor)``: a robust z-score (positive when the side is shorter
            than expected) and the side's length as a fraction of the expected one.
        """
        deviation = bead_ratio - self.centre
        if not side_is_src:
            deviation = -deviation
        return deviation / self.spread, math.exp(-deviation)


@functools.lru_cache(maxsize=4096)  # each sentence is measured for several beads and tests
def _char_length(text: str) -> int:
    """Characters other than whitespace (``str.split`` and ``str.isspace`` agree),
    links left out: a translation may drop a URL without losing any of the text."""
    return sum(map(len, without_links(text).split()))


def _side_text(document: Document, indices: tuple[int, ...]) -> str:
    return " ".join(document.sentences[i].text for i in indices)


def _log_ratio(doc: AlignedDocument, bead: Bead) -> float | None:
    src_len = _char_length(_side_text(doc.src, bead.src))
    tgt_len = _char_length(_side_text(doc.tgt, bead.tgt))
    if not src_len or not tgt_len:
        return None
    return math.log(tgt_len / src_len)


def fit_length_model(doc: AlignedDocument) -> LengthModel | None:
    """Learn the document's expected length ratio from its own paired beads.

    Args:
        doc: the aligned document.

    Returns:
        The median log length ratio and its robust spread, or ``None`` when the
        document has fewer than :data:`MIN_BEADS_FOR_LENGTH` paired beads.
    """
    ratios = [r for b in doc.beads if b.src and b.tgt and (r := _log_ratio(doc, b)) is not None]
    if len(ratios) < MIN_BEADS_FOR_LENGTH:
        return None
    centre = statistics.median(ratios)
    mad = statistics.median(abs(r - centre) for r in ratios)
    return LengthModel(centre, max(MAD_TO_SIGMA * mad, MIN_SPREAD))


def _has_final_punctuation(text: str) -> bool:
    return bool(_FINAL.search(text.rstrip()))


def is_complete(text: str, lang: str) -> bool:
    """Whether a side ends like a finished sentence.

    Final punctuation, or for Korean a sentence-final verb ending: Korean
    headlines and scraped lines often drop the full stop after ``말했다``.
    """
    return _has_final_punctuation(text) or (
        lang == "ko" and bool(_KO_FINAL_END.search(_last_word(text)))
    )


def _unclosed(text: str) -> str | None:
    """The quote or bracket opened inside ``text`` and left open, if any.

    A quote opened at the very start is not counted: news quotes run over
    several sentences, each but the last starting with an unmatched opener.
    """
    for opener, closer in _QUOTE_PAIRS:
        closed = sum(map(text.count, closer))  # “ closed by a straight " is closed
        if text.count(opener) > closed and (opener in "([" or text.rfind(opener) > 0):
            return opener
    # Straight quotes are their own closers, and "Museum"s" style apostrophes
    # make an odd count common in scraped text, hence only a weak cue.
    if text.count('"') % 2 and text.rfind('"') > 0 and _STRAIGHT_OPENER.search(text):
        return '"'
    return None


def _last_word(text: str) -> str:
    words = _WORDS.findall(text)
    return words[-1] if words else ""


def _ko_last_word(text: str) -> str:
    """The last word, with a number or word of quantity written apart from its counter
    or unit before it: ``원을`` is no noun of two syllables in ``2억3천만 원을``."""
    counted = _KO_SPACED_COUNTER.search(text)
    return "".join(filter(None, counted.groups())) if counted else _last_word(text)


def _ko_particle(word: str) -> bool:
    """Whether a Korean word ends in a case particle (see above)."""
    if len(word) > 2 and word.endswith(("에서", "에게", "께서")):
        return True
    if len(word) < 2 or word[-1] not in _KO_AFTER_CONSONANT | _KO_AFTER_VOWEL | _KO_AFTER_EITHER:
        return False
    before = jamo(word[-2])
    if before is None:
        # after Latin or digits: GDP가, 30%가; but 33도 is degrees, 3로 no word
        return word[-1] not in "도로"
    if len(word) < 3 and not (word[0] in _KO_BOUND_NOUNS and word[-1] in _KO_CASE_MARKERS):
        return False
    final = before[2]
    if word[-1] in _KO_AFTER_CONSONANT:
        return final != 0
    if word[-1] in _KO_AFTER_VOWEL:
        return final == 0
    if word[-1] == "로":
        return final in (0, _RIEUL)
    return word[-1] != "의" or word[-2] not in "회합논협동주"


def _ko_marker(word: str) -> bool:
    """Whether a word that ends in a case particle ends in one that ends no noun: an
    object or topic marker (을, 를, 은, 는), 으로, 에서, 에게, 께서, 이 or 가 after a
    number and its counter, and 가, 로 or 와 after 의 (혐의로: no noun ends in 의가,
    의로, 의와). Otherwise 이, 가, 도, 로, 과, 의 end many nouns (고양이, 휴가, 제주도,
    도로, 결과, 정의) and are only a medium cue."""
    if word.endswith(("을", "를", "은", "는", "으로", "에서", "에게", "께서")):
        return True
    if word[-1] in "이가" and _KO_COUNTED.fullmatch(word[:-1]):
        return True
    return word[-2:-1] == "의" and word[-1] in "가로와"


def _ko_adnominal(text: str) -> bool:
    """Whether the last word is a verb in the form that leads into a noun: an
    adnominal ending (기소된, 있는, 했던, 위한), or a word ending in ㄴ or ㄹ right after
    its object (자금을 빼돌린, 예산을 편성할, 현금을 건넨). The verbal nouns that
    headlines end on after an object are of two syllables (도발을 비난), so a word of
    two counts only when its last syllable cannot end one: ㅐ or ㅔ before ㄴ or ㄹ
    (건넨, 보낸, 낼) is no Sino-Korean syllable, but the verb of 건네다, 보내다. So does a
    verbal noun and 한 after an amount (23.4% 증가한, 8천억원어치 순매도한): what the
    amount measures, see :data:`_KO_CHANGED_BY`. Words of degree, size and time that
    describe the next word count too (가장 낮은, 1시간 늦게: :data:`_KO_MODIFIER`)."""
    words = text.split()
    word = _last_word(text)
    if (len(word) >= 2 and _KO_ADNOMINAL.search(word)) or _KO_MODIFIER.search(word):
        return True
    last = jamo(word[-1]) if word else None
    if len(words) < 2 or last is None or (len(word) < 3 and last[1] not in _KO_AE_E):
        return False
    before = _last_word(words[-2])
    if _KO_CHANGED_BY.search(word) and any(c.isdigit() for c in words[-2]):
        return True
    return (
        last[2] in (_NIEUN, _RIEUL) and before.endswith(_KO_OBJECT_MARKERS) and _ko_particle(before)
    )


def _ko_open_chain(text: str) -> str | None:
    """The word that opens a chain of clauses, a connective after a tense (see
    :data:`_KO_CONNECTIVE`), when no verb closes it: the line stops on a noun or a
    name, as a cut leaves it ("현금을 건넸다가 노후 자금 전부인"), not on a
    sentence-final ending."""
    words: list[str] = _WORDS.findall(text)
    if len(words) < 2 or _KO_FINAL_END.search(words[-1]):
        return None
    return next((word for word in reversed(words[:-1]) if _ko_tensed_connective(word)), None)


def _ko_tensed_connective(word: str) -> bool:
    """Whether the word is a connective ending after a tense (했고, 줬고, 늘었지만)."""
    found = _KO_CONNECTIVE.search(word)
    return found is not None and _ko_bare_stem(word[: found.start()])


def _ko_open_end(word: str) -> bool:
    """Whether the word ends in a connective ending or a particle that leaves a clause
    open (see :data:`_KO_OPEN_END`), the past contracted into the stem as it may be
    (줬고, 됐고, 졌지만: ㅆ before an ending ends no noun)."""
    return bool(_KO_OPEN_END.search(word)) or _ko_tensed_connective(word)


def _ko_cut_after_connective(text: str) -> bool:
    """Whether a clause ends in a connective and a comma and the next holds one word
    with a case particle and nothing more (``…20%를 넘었으며, 전남이``): a clause cut
    after its subject, where a list or a headline would not put a connective."""
    before, comma, after = text.rstrip().rpartition(",")
    words = _WORDS.findall(after)
    return bool(
        comma
        and len(words) == 1
        and after.strip() == words[0]
        and _ko_particle(words[0])
        and _ko_open_end(_last_word(before))
    )


def _ko_open_subject(text: str) -> str | None:
    """The subject or topic a Korean line opens and leaves without a verb: the last
    word marked as one where the marker ends no noun (것도, 측은, 13명이, see
    :func:`_ko_subject`), with no verb form after it (no final, connective or
    adnominal ending) and the line stopping on a noun."""
    words: list[str] = _WORDS.findall(text)
    if not words or _ko_verb_form(words[-1]):
        return None
    for word in reversed(words[:-1]):
        if _ko_subject(word):
            return word
        if _ko_verb_form(word):
            return None
    return None


def _ko_predicateless(text: str) -> str | None:
    """The topic (정부는, 거래량은, 제조업체에는) of a Korean line of
    :data:`MIN_CLAUSE_WORDS` words or more that has no sentence-final ending anywhere
    and does not end on a verb form: a body sentence that lost its predicate. A
    headline ends on a noun too, but sets its topic off with a comma, not a particle
    ("황우석 교수, 환자 체세포에서 줄기세포 복제"), so the topic must come first; or
    drops its copula after one noun ("…않는다는 기사는 오보": is a misreport), so two
    words at least must follow the topic."""
    words: list[str] = _WORDS.findall(text.split(",")[0])
    every: list[str] = _WORDS.findall(text)
    if len(every) < MIN_CLAUSE_WORDS or _ko_verb_form(every[-1]):
        return None
    if any(_KO_FINAL_END.search(word) or _ko_tensed_connective(word) for word in every):
        return None
    return next((w for w in words[: len(every) - 2] if _ko_topic(w)), None)


def _ko_topic(word: str) -> bool:
    """Whether the word is a noun and its topic marker 은 or 는, not a verb before a
    noun (하는, 있는, 되는: a stem of one of those verbs and 는)."""
    return (
        word.endswith(("은", "는"))
        and _ko_particle(word)
        and not word.endswith(_KO_VERB_BEFORE_NOUN)
    )


def _ko_subject(word: str) -> bool:
    """Whether a word is marked as a subject or topic that no noun ends like: a bound
    noun or pronoun and its marker (것도, 측은, 그는), 이 or 가 after a number and its
    counter (13명이). Others end verbs (증가하는, 내놓은) or nouns (고양이, 휴가) too."""
    if len(word) == 2 and word[0] in _KO_BOUND_NOUNS and word[1] in "이가은는도":
        return True
    return word[-1] in "이가" and _ko_particle(word) and _ko_marker(word)


def _ko_verb_form(word: str) -> bool:
    """Whether a Korean word may be a verb: it ends as a sentence, a clause or an
    adnominal form may (있다, 했고, 나오면서, 기소된, 증가한, 빼돌려), or on a tense."""
    return bool(
        _KO_FINAL_END.search(word)
        or _ko_open_end(word)
        or _KO_CONNECTIVE.search(word)
        or (len(word) >= 2 and _KO_ADNOMINAL.search(word))
        or _KO_VERB_ENDING.search(word)
        or _ko_bare_stem(word)
    )


def _ko_bare_stem(word: str) -> bool:
    """Whether the word stops on ㅆ (인정됐, 했, 있): a tense or 있다 before its ending,
    which no noun and no complete form ends on."""
    last = jamo(word[-1]) if word else None
    return last is not None and last[2] == _SSANGSIOT


def _mid_clause(text: str, lang: str) -> bool:
    """Whether the last word leaves a clause open as no headline, caption or list item
    ends: a Korean case particle that ends no noun, a connective or adnominal ending, an
    English preposition or subordinating conjunction that needs what follows."""
    word = _last_word(text)
    if lang == "en":
        return word in _EN_OPEN_END
    if lang != "ko" or not word:
        return False
    counted = _ko_last_word(text)
    return (
        (_ko_particle(counted) and _ko_marker(counted)) or _ko_open_end(word) or _ko_adnominal(text)
    )


def _word_cue(text: str, lang: str, is_last: bool, other_complete: bool) -> EndCue | None:
    """A cue from the last word: an article, a preposition, an open Korean clause."""
    word = _last_word(text)
    if lang == "ko" and is_last and other_complete and _ko_bare_stem(word):
        return EndCue(Cue.STRONG, "a verb without its ending")
    if _TRAILING_OFF.search(text):
        return None
    if lang == "ko":
        if is_last and other_complete and _ko_cut_after_connective(text):
            return EndCue(Cue.STRONG, _OPEN_CLAUSE)
        if is_last and other_complete and _ko_particle(_ko_last_word(text)):
            # 중단하라는: a verb leading into a noun, though it ends like a topic
            verb = word.endswith(_KO_VERB_BEFORE_NOUN)
            return EndCue(Cue.MEDIUM, _OPEN_CLAUSE if verb else _PARTICLE)
        if is_last and _ko_open_end(word):
            return EndCue(Cue.MEDIUM, _OPEN_CLAUSE)
        if is_last and other_complete and _ko_adnominal(text):  # 는 is a topic marker too
            return EndCue(Cue.MEDIUM, _OPEN_CLAUSE)
        return None
    lowered = word.lower()
    if word != lowered:  # "Plan A.", "Vitamin A": a name, not an article
        return None
    if lowered in _EN_DEAD_END:
        return EndCue(Cue.STRONG, f'the word "{word}"')
    if is_last and lowered in _EN_RARE_END:
        return EndCue(Cue.MEDIUM, f'the word "{word}"')
    return None


def _comma_cue(text: str, lang: str) -> EndCue:
    """A trailing comma: strong after an open Korean clause, else medium or weak."""
    before = _last_word(text)
    if lang == "ko":
        if _KO_FINAL_END.search(before):
            # "착수했다," is a complete clause with a stray comma
            return EndCue(Cue.WEAK, "a comma")
        return EndCue(Cue.STRONG, "a comma after an unfinished clause")
    if before.lower() in _EN_DEAD_END | _EN_RARE_END:
        return EndCue(Cue.STRONG, f'a comma after "{before}"')
    return EndCue(Cue.MEDIUM, "a dangling comma")


def sentence_cue(
    text: str,
    lang: str,
    *,
    is_last: bool,
    other_complete: bool,
    other_comma: bool = False,
    punctuated: bool = False,
    maybe_continued: bool = False,
    other_asks: bool = False,
) -> EndCue:
    """Grade how strongly the end of one sentence says it was cut off.

    Args:
        text: the sentence.
        lang: its language code (``"en"``, ``"ko"``; others get the
            language-neutral cues only).
        is_last: whether it ends its side of the bead. A comma or connective
            ending is normal at the end of the first half of a split sentence.
        other_complete: whether the other side of the bead ends like a
            finished sentence (see :func:`is_complete`).
        other_comma: whether the other side ends with a comma too: both are
            then fragments cut the same way (a salutation, a list item).
        punctuated: whether the other sentences of its document end with
            sentence punctuation (see :func:`mostly_punctuated`), so that this
            one should too; not on a loose pair (see :data:`CLOSE_SIMILARITY`).
        maybe_continued: whether the next line of its side is left unpaired: it
            may be the second half of a sentence split over two lines.
        other_asks: whether the other side is a question.

    Returns:
        The strongest cue found, ``Cue.NONE`` if the end looks normal.

    Example:
        >>> sentence_cue("They met at the .", "en", is_last=True, other_complete=True).strength
        <Cue.STRONG: 3>
    """
    stripped = text.rstrip()
    if _SPACE_DOT.search(stripped) and not (lang == "ko" and _KO_SPACED_STOP.search(stripped)):
        return EndCue(Cue.STRONG, 'a stray " ." after a word')
    if is_last and _STOP_AFTER_STOP.search(stripped):
        # "today. ." or "Dr. .": the cut fell after a full stop
        return EndCue(Cue.MEDIUM, "a second full stop or comma after the first")
    if lang == "ko" and other_asks and stripped.rstrip(".").endswith(("은", "는")):
        # a question headline that dropped its "?" ("김우민의 다음 목표는" for
        # "What's next for Kim Woo-min?") asks with its topic alone, and so does an
        # interviewer's question on a full stop ("Q. 내년 목표는.")
        return EndCue(Cue.NONE, "")
    word = _word_cue(stripped, lang, is_last, other_complete)
    if word and word.strength == Cue.STRONG:
        return word
    if not is_last:
        return EndCue(Cue.NONE, "")
    if _COMMA_END.search(stripped):
        if other_comma:
            return EndCue(Cue.NONE, "")
        comma = _comma_cue(stripped[:-1], lang)
        # a comma where the translation ends a sentence; otherwise both sides
        # are fragments of something larger (a salutation, a list)
        if other_complete or comma.strength == Cue.STRONG:
            return comma
        return EndCue(Cue.NONE, "")
    if _has_final_punctuation(stripped) or _OPEN_ENDED.search(stripped):
        # "come in.", "the way it is.": a final preposition or verb is common
        # before a full stop, so only dead-end words (above) count there; but a
        # Korean sentence never ends on a connective or a particle plus a full
        # stop: a cut line pasted a period on ("주민들에게.")
        if lang == "ko" and word and stripped.endswith("."):
            return word
        opener = _unclosed(stripped)
        if opener and other_complete:
            return EndCue(Cue.WEAK, f"an unclosed {opener}")
        return EndCue(Cue.NONE, "")
    held_to_full_stops = punctuated and not maybe_continued and not _LIST_ITEM.match(stripped)
    # a quote left open is closed by the next line when that may be the second half
    opener = _unclosed(stripped) if other_complete and not maybe_continued else None
    if word and opener:
        # a clause left open inside a quotation left open: the line stops in the
        # middle of what someone said (`재판부는 "피고인은 … 피해를 줬고`)
        return EndCue(Cue.STRONG, f"{word.reason} inside an unclosed {opener}")
    if word and other_complete and held_to_full_stops and _mid_clause(stripped, lang):
        # a particle, connective or preposition and no full stop, where the
        # translation is a finished sentence and the document ends its lines with
        # one: the rest was cut, however long the line ("돼지 30만 마리를"), unless
        # an unpaired next line may be its second half ("없지만" / "…고 말했다.")
        return EndCue(Cue.STRONG, f"{word.reason} and no full stop, unlike the other lines")
    if word:
        return word
    if opener and not is_complete(stripped, lang):
        # no headline opens a quote it does not close, no sentence ends inside one;
        # a Korean line ending "…고 말했다" closed it, whatever its quote marks
        return EndCue(Cue.MEDIUM, f"an unclosed {opener} and no final punctuation")
    held = lang == "ko" and other_complete and held_to_full_stops
    subject = _ko_open_subject(stripped) if held else None
    if subject:
        # a subject or topic and no verb after it, in a line held to full stops: a
        # body sentence that lost its main verb ("…순매도한 것도 환율 상승")
        return EndCue(Cue.STRONG, f'no verb after "{subject}"')
    marked = _ko_predicateless(stripped) if held else None
    if marked:
        # a body line that opens with a topic and has no predicate anywhere: the
        # main verb was cut, however long the line ("…조사하는 동안 15일간")
        return EndCue(Cue.STRONG, f'no verb after "{marked}"')
    chain = _ko_open_chain(stripped) if held else None
    if chain:
        # a clause chain without its main verb, where the line should end like the
        # others; but a headline ("수출 늘었지만 내수 부진") may end so: the line must
        # also be shorter than predicted
        return EndCue(Cue.MEDIUM, f'no verb after "{chain}"')
    if other_complete:
        return EndCue(Cue.WEAK, "no final punctuation")
    return EndCue(Cue.NONE, "")


def mostly_punctuated(document: Document) -> bool:
    """Whether the document ends its sentences with sentence punctuation: all
    but one in five, and at least :data:`MIN_PUNCTUATED` of them. Headlines,
    subheads and captions go without; a document of them says nothing. Markdown
    headings and list items are left out of the count."""
    texts = [s.text for s in document.sentences if not (s.boilerplate or _terse(s))]
    ended = sum(_has_final_punctuation(text.rstrip()) for text in texts)
    return ended >= MIN_PUNCTUATED and ended >= PUNCTUATED_SHARE * (len(texts) - 1)


def _terse(sentence: Sentence) -> bool:
    """A Markdown heading or list item, which needs no full stop; in plain text their
    markers tell (see :data:`_LIST_ITEM`), but Markdown's are taken out."""
    return sentence.heading or sentence.list_item


def _is_cut(cue: Cue, z: float | None, factor: float | None, ratio: float) -> bool:
    """Combine the end cue and the length evidence (see the module docstring)."""
    if cue == Cue.STRONG:
        return True
    if z is None or factor is None:
        return False
    if cue == Cue.MEDIUM:
        return z >= Z_MEDIUM
    if cue == Cue.WEAK:
        return z >= Z_WEAK and factor < ratio
    return z >= Z_LENGTH_ONLY and factor < ratio / 2


def _tail(text: str, words: int = 4) -> str:
    parts = text.split()
    return ("…" if len(parts) > words else "") + " ".join(parts[-words:])


# How long a side is, as a fraction of the length its translation predicts, in
# words: each below its bound. 58% still reads "about half": the figure is rounded.
_FRACTIONS = (
    (0.2, "less than a fifth"),
    (0.29, "about a quarter"),
    (0.42, "about a third"),
    (0.6, "about half"),
    (0.71, "about two thirds"),
)


def how_long_in_words(factor: float, other: str) -> str:
    """A side's length against the one its translation predicts, as an editor says it.

    Args:
        factor: the side's length as a fraction of the expected one.
        other: the name of the other side's language.

    Example:
        >>> how_long_in_words(0.58, "English")
        'about half as long as a translation of the English would be (58%)'
    """
    words = next((w for bound, w in _FRACTIONS if factor < bound), "about three quarters")
    return f"{words} as long as a translation of the {other} would be ({factor:.0%})"


def _message(
    sentence: Sentence,
    lang: str,
    other_lang: str,
    cue: EndCue,
    factor: float | None,
    other_complete: bool,
) -> str:
    name, other = language_name(lang), language_name(other_lang)
    evidence = (
        f'it ends with {cue.reason} ("{_tail(sentence.text)}")'
        if cue.reason
        else (f'it ends "{_tail(sentence.text)}"')
    )
    length = (
        f" and is {how_long_in_words(factor, other)}"
        if (factor is not None and factor < 0.8)
        else ""
    )
    counterpart = f" while the {other} is complete" if other_complete else ""
    return f"{name} sentence looks cut off: {evidence}{length}{counterpart}"


# What a line continuing the previous one starts with, in a script with
# letter case: a lowercase letter, maybe after an opening quote or bracket.
_CONTINUATION = re.compile(r"^[\s\"'“‘(\[]*[^\W\d_]")


def continues_on_next_line(document: Document, index: int) -> bool:
    """Whether the sentence at ``index`` runs on into the next line.

    The line does not end like a finished sentence and the next one starts in
    lower case ("Fung-Wong delivered a glancing," / "but powerful blow ..."):
    one sentence split over two lines. Only scripts with letter case show it.

    Args:
        document: the document.
        index: a sentence index in it.

    Returns:
        True if line ``index + 1`` carries on the sentence of line ``index``.
    """
    if not 0 <= index < len(document.sentences) - 1:
        return False
    if _has_final_punctuation(document.sentences[index].text.rstrip()):
        return False
    match = _CONTINUATION.match(document.sentences[index + 1].text)
    return match is not None and match.group()[-1].islower()


def _check_side(
    doc: AlignedDocument,
    bead: Bead,
    model: LengthModel | None,
    on_src: bool,
    settings: Settings,
    punctuated: bool,
    unpaired: frozenset[int],
) -> Flag | None:
    side, other = (doc.src, doc.tgt) if on_src else (doc.tgt, doc.src)
    indices, other_indices = (bead.src, bead.tgt) if on_src else (bead.tgt, bead.src)
    other_text = _side_text(other, other_indices)
    other_complete = is_complete(other_text, other.lang)
    z = factor = None
    ratio = _log_ratio(doc, bead)
    long_enough = _char_length(other_text) >= MIN_COUNTERPART_CHARS
    if model is not None and ratio is not None and long_enough:
        z, factor = model.shortness(ratio, on_src)
    # a side markedly longer than its translation predicts stops no earlier
    # than its translation does
    close = max(CLOSE_SIMILARITY, settings.mistranslation_threshold or 0.0)
    close_pair = bead.similarity >= close and (z is None or z > -Z_MEDIUM)
    for position, index in enumerate(indices):
        sentence = side.sentences[index]
        if sentence.boilerplate:
            continue
        # a sentence the next line continues is the first half of a split, even
        # when the aligner left that half unpaired
        is_last = position == len(indices) - 1 and not continues_on_next_line(side, index)
        cue = sentence_cue(
            sentence.text,
            side.lang,
            is_last=is_last,
            other_complete=other_complete,
            other_comma=bool(_COMMA_END.search(other_text)),
            punctuated=punctuated and close_pair and not _terse(sentence),
            maybe_continued=index + 1 in unpaired,
            other_asks=other_text.rstrip().endswith("?"),
        )
        if cue.strength == Cue.NONE and not is_last:
            continue  # the length of the whole side speaks for its last sentence
        if cue.strength == Cue.NONE and not _has_final_punctuation(other_text.rstrip()):
            continue  # a subhead on both sides ("Defection to the South" / "탈북"): terse
        if _is_cut(cue.strength, z, factor, settings.truncation_ratio):
            message = _message(sentence, side.lang, other.lang, cue, factor, other_complete)
            subject = "src" if on_src else "tgt"  # both sides of one pair may be cut
            end = _dangling_end(sentence.text)
            spans = (Span(subject, index, *end),) if end else ()
            return Flag(
                "truncated",
                Severity.ERROR,
                bead.src,
                bead.tgt,
                message,
                subject=subject,
                spans=spans,
            )
    return None


def _dangling_end(text: str) -> tuple[int, int] | None:
    """Where a cut line stops: its last word and what follows it (a comma, a stray
    " ."), as ``(start, end)``; None for a line without words."""
    last = collections.deque(_WORDS.finditer(text), maxlen=1)
    return (last[0].start(), len(text.rstrip())) if last else None


def _unpaired(doc: AlignedDocument, *, on_src: bool) -> frozenset[int]:
    """The sentences of one side the aligner left without a counterpart, boilerplate
    (never aligned) aside."""
    side = doc.src if on_src else doc.tgt
    return frozenset(
        index
        for bead in doc.beads
        if not (bead.tgt if on_src else bead.src)
        for index in (bead.src if on_src else bead.tgt)
        if not side.sentences[index].boilerplate
    )


@register("truncated", Severity.ERROR)
def find_truncations(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Sentences that look cut off, on either side of a paired bead.

    Args:
        doc: the aligned document.
        settings: run settings; ``truncation_ratio`` is the length (as a
            fraction of the expected one) below which weak evidence counts.

    Yields:
        One ``truncated`` flag per side of a bead that looks cut off, carrying
        the bead's full source and target indices.
    """
    model = fit_length_model(doc)
    punctuated = {True: mostly_punctuated(doc.src), False: mostly_punctuated(doc.tgt)}
    unpaired = {True: _unpaired(doc, on_src=True), False: _unpaired(doc, on_src=False)}
    for bead in doc.beads:
        if not (bead.src and bead.tgt):
            continue
        for on_src in (True, False):
            flag = _check_side(
                doc, bead, model, on_src, settings, punctuated[on_src], unpaired[on_src]
            )
            if flag is not None:
                yield flag
