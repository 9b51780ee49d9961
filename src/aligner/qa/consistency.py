"""``consistency``: one source sentence (English by default) translated in different
ways across the documents of a run, or twice in one document.

A newsroom repeats sentences ("The ministry did not respond to a request for
comment."); a desk wants them rendered one way. This is a cross-document check
(:func:`aligner.qa.registry.register_cross_check`): it runs once per run, over
every checked document, cached ones included.

Only 1-1 pairs of content sentences count; sentences of fewer than
:data:`MIN_WORDS` words ("He said.") and boilerplate are skipped, and so are
pairs already flagged as a bad translation (truncated, mistranslated,
untranslated, against the glossary): they are reported already and are no
reference. The Korean variants a glossary accepts for one term are one rendering
(``더불어민주당`` and ``민주당``). English is
compared after normalising Unicode, case, quotes, whitespace and final
punctuation; Korean after the same and ignoring spacing and punctuation, so that
a spacing fix or a comma is not a different translation. When one translation
prevails (strictly most occurrences), only the others are flagged, citing it; on a
tie every occurrence is flagged, citing a different one.

A Korean name the English writes one way and the Korean spells otherwise in fewer
stories of the run than the usual spelling is flagged as well (``정청례`` for the
``정청래`` of the other stories).

Default severity ``warning``: a divergent rendering of a recurring sentence is
worth a translator's look and shows in the CLI and CI summaries, but it is often
a legitimate choice in context, so it must not fail the default gate (``error``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from aligner.config import Settings, language_name
from aligner.models import Bead, DocumentResult, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.names import english_names, korean_spellings
from aligner.qa.numerals import extract_numbers
from aligner.qa.registry import register_cross_check
from aligner.qa.terminology import load_glossary

NAME = "consistency"
MIN_WORDS = 4
# Flags that say a pair is not a usable translation to compare with (a rendering the
# glossary forbids must not prevail over the one it requires).
_BAD_PAIR = frozenset({"truncated", "mistranslation", "untranslated", "terminology"})
_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"}
    | {"「": '"', "」": '"', "『": '"', "』": '"'}
)
_FINAL = " .!?…。"
# punctuation, but not a decimal point or separator between digits ("3.5", "1,000")
_PUNCTUATION = re.compile(r"(?![.,](?<=\d[.,])(?=\d))[^\w\s]")
_QUOTE_CHARS = 60
# spelt-out units, as the sign they stand for (longest first)
_UNITS = (("퍼센트포인트", "%p"), ("%포인트", "%p"), ("퍼센트", "%"))
# an English subject that refers back to what the story named before: a pronoun, or
# a bare generic head ("The company said"; not "The unification ministry said")
_HEADS = (
    "company|firm|group|ministry|agency|government|bank|court|party|official|spokesman"
    "|spokeswoman|spokesperson|minister|president|country|city|team|club|police|military"
    "|report|study|statement|office|organization|committee|council|union|school|hospital"
)
_REFERRING_SUBJECT = re.compile(rf"(?:He|She|It|They|We|(?:The|This|Its) (?:{_HEADS}))\b(?! of\b)")
_TOPIC = re.compile(r"^.{0,9}?[은는]")  # an opening topic: 삼성전자는, 회사 측은, 그는
# a day the English names by its weekday or as today/yesterday: Korean news writes the
# date, which differs from story to story ("on Friday" is 1일 in one, 15일 in another)
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\b(?:today|yesterday|tomorrow|tonight)\b",
    re.I,
)


@dataclass(frozen=True)
class _Use:
    """One 1-1 pair: where it is and its normalised English and Korean."""

    doc: DocumentResult
    src: int
    tgt: int
    en: str
    alike: _Alike | None = None  # the glossary's accepted variants of each term

    @cached_property
    def ko(self) -> str:
        """Normalised when asked (most English sentences of a run occur once), spacing
        and punctuation aside: "외교부는, 논평" and "한·미" / "한-미" are one rendering,
        and so are "5,000명" / "5천 명" and "3%" / "3퍼센트". Where the English opens
        on a pronoun or "the company", the Korean's subject is left out: each story
        names its own company (삼성전자는 / 현대차는). A day the English names by its
        weekday is any date (see ``_WEEKDAY``)."""
        text = self.doc.tgt.sentences[self.tgt].text
        weekday = bool(_WEEKDAY.search(self.doc.src.sentences[self.src].text))
        for number in extract_numbers(text, self.doc.tgt.lang):
            if weekday and number.kind == "day":
                text = text.replace(number.text + "일", "N일", 1)
            # in digits: "두 시간" and "두시간" are alike already; "4~6월" is two months
            elif number.confident and not number.is_range:
                text = text.replace(number.text, f"{number.value:.15g}", 1)
        for spelling, unit in _UNITS:
            text = text.replace(spelling, unit)
        key = "".join(_PUNCTUATION.sub("", normalise(text)).split())
        if self.alike is not None:  # 더불어민주당 and 민주당, both the glossary's
            pattern, canonical = self.alike
            key = pattern.sub(lambda m: canonical[m.group()], key)
        if _REFERRING_SUBJECT.match(self.doc.src.sentences[self.src].text):
            # read without spaces, as compared: "중국 정부는" and "중국정부는" lose the same
            key = _TOPIC.sub("", key, count=1)
        return key

    @property
    def ref(self) -> str:
        side = self.doc.tgt
        return f"{side.lang.upper()} {self.doc.pair.name}:{side.sentences[self.tgt].line}"

    @property
    def text(self) -> str:
        text = self.doc.tgt.sentences[self.tgt].text
        return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def normalise(text: str) -> str:
    """Text as compared: NFKC, case-folded, one kind of quotes, single spaces,
    no final punctuation."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(folded.split()).rstrip(_FINAL)


@register_cross_check(NAME, Severity.WARNING)
def find_inconsistent_translations(
    documents: Sequence[DocumentResult], settings: Settings
) -> Iterator[tuple[str, Flag]]:
    """Flag each occurrence of an English sentence whose translation differs from
    the prevailing one (or, on a tie, from another occurrence)."""
    groups: dict[str, list[_Use]] = {}
    alike = _glossary_alike(settings)
    for doc in documents:
        for use in _uses(doc, alike):
            groups.setdefault(use.en, []).append(use)
    for uses in groups.values():
        if len(uses) < 2:
            continue
        variants = Counter(use.ko for use in uses).most_common()
        if len(variants) < 2:
            continue
        prevailing = variants[0][0] if variants[0][1] > variants[1][1] else None
        for use in uses:
            if use.ko != prevailing:
                message = _message(use, uses, prevailing)
                flag = Flag(NAME, Severity.WARNING, (use.src,), (use.tgt,), message)
                yield use.doc.pair.name, flag
    yield from _name_flags(documents)


@dataclass(frozen=True)
class _Rendering:
    """A Korean person the English names, as one pair writes the name in Hangul."""

    doc: DocumentResult
    bead: Bead
    english: str
    hangul: str

    @property
    def ref(self) -> str:
        side = self.doc.src if self.doc.src.lang == "ko" else self.doc.tgt
        indices = self.bead.src if self.doc.src.lang == "ko" else self.bead.tgt
        return f"KO {self.doc.pair.name}:{side.sentences[indices[0]].line}"


def _name_flags(documents: Sequence[DocumentResult]) -> Iterator[tuple[str, Flag]]:
    """A Korean name the English writes one way that the Korean spells otherwise in
    some pairs of the run (정청례 for the 정청래 of the other stories): the spellings
    :func:`aligner.qa.names.sounds` cannot tell apart, a typo no other check sees."""
    groups: dict[tuple[str, str], list[_Rendering]] = {}
    for doc in documents:
        for rendering, key in _renderings(doc):
            groups.setdefault(key, []).append(rendering)
    for renderings in groups.values():
        # counted by story: a misspelling is often repeated within the story that has it
        stories = {(r.hangul, r.doc.pair.name) for r in renderings}
        spellings = Counter(hangul for hangul, _ in stories).most_common()
        if len(spellings) < 2 or spellings[0][1] == spellings[1][1]:
            continue  # one spelling, or no spelling prevails: two people of one name?
        usual = spellings[0][0]
        model = next(r for r in renderings if r.hangul == usual)
        for r in renderings:
            if r.hangul != usual:
                message = (
                    f"EN {_quote(r.english)} is {_quote(r.hangul)} here but {_quote(usual)} "
                    f"in {spellings[0][1]} other stories, e.g. {model.ref}"
                )
                flag = Flag(
                    NAME, Severity.WARNING, r.bead.src, r.bead.tgt, message, subject=f"name {usual}"
                )
                yield r.doc.pair.name, flag


def _renderings(doc: DocumentResult) -> Iterator[tuple[_Rendering, tuple[str, str]]]:
    """The Korean names of the English of each pair of ``doc``, as its Korean spells
    them, with the name's key (its surname syllables and given name's sounds)."""
    english, korean = (doc.src, doc.tgt) if doc.src.lang == "en" else (doc.tgt, doc.src)
    if (english.lang, korean.lang) != ("en", "ko"):
        return
    for bead in doc.beads:
        en_idx, ko_idx = (bead.src, bead.tgt) if english is doc.src else (bead.tgt, bead.src)
        if not (en_idx and ko_idx):
            continue
        names = english_names(" ".join(english.sentences[i].text for i in en_idx))
        text = " ".join(korean.sentences[i].text for i in ko_idx) if names else ""
        spellings = korean_spellings(text)
        for name in names:
            spelled = next((h for h in spellings if name.sounds_like(h)), None)
            if spelled is not None:
                yield _Rendering(doc, bead, name.text, spelled), (name.surnames, name.given)


_Alike = tuple[re.Pattern[str], dict[str, str]]


def _glossary_alike(settings: Settings) -> _Alike | None:
    """The Korean variants a glossary accepts for one term, each to be read as its
    first (as compared: spaces out, case-folded); None without such a term."""
    if settings.glossary is None:
        return None
    canonical: dict[str, str] = {}
    for term in load_glossary(settings.glossary).terms:
        forms = ["".join(normalise(v).split()) for v in term.ko]
        canonical |= {form: forms[0] for form in forms[1:] if form}
    if not canonical:
        return None
    forms = sorted({*canonical, *canonical.values()}, key=len, reverse=True)
    canonical |= {form: form for form in forms if form not in canonical}
    return re.compile("|".join(map(re.escape, forms))), canonical


def _uses(doc: DocumentResult, alike: _Alike | None = None) -> Iterator[_Use]:
    bad = {(f.src, f.tgt) for f in doc.flags if f.type in _BAD_PAIR}
    for bead in doc.beads:
        if len(bead.src) != 1 or len(bead.tgt) != 1 or (bead.src, bead.tgt) in bad:
            continue
        src, tgt = doc.src.sentences[bead.src[0]], doc.tgt.sentences[bead.tgt[0]]
        en = normalise(src.text)
        if src.boilerplate or tgt.boilerplate or len(en.split()) < MIN_WORDS:
            continue
        yield _Use(doc, src.index, tgt.index, en, alike)


def _message(use: _Use, uses: Sequence[_Use], prevailing: str | None) -> str:
    others = [u for u in uses if u.ko != use.ko]
    source = language_name(use.doc.src.lang)
    if prevailing is not None:
        model = next(u for u in others if u.ko == prevailing)
        count = sum(u.ko == prevailing for u in uses)
        return (
            f"the same {source} sentence is translated otherwise in {count} of "
            f'{len(uses)} places, e.g. {model.ref}: "{model.text}"'
        )
    more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
    return (
        f"the same {source} sentence is translated differently at {others[0].ref}: "
        f'"{others[0].text}"{more}'
    )
