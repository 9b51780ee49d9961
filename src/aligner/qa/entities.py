"""The ``named_entity`` check: names, acronyms and links dropped or added in translation.

Korean news translates most English names and acronyms into Hangul
(``FDA`` -> ``식품의약국``, ``Seoul`` -> ``서울``), so an English capitalised
word or acronym missing from the Korean side says nothing by itself: on the
benchmark's dev set 251 of 419 English acronyms are not written in Latin
script in their Korean counterpart, nearly all of them correctly translated.
The check therefore flags only what is confidently wrong:

* links (URLs, e-mail addresses, @handles, #hashtags) are copied verbatim by
  translators: one present on one side of a pair and absent from the whole
  other document is flagged;
* a Latin-script acronym or capitalised word inside the Korean text is kept
  from the source, so it must occur in the English document, spelled out
  (``IOC`` for "International Olympic Committee") or not. Units (``km``,
  ``MW``), abbreviations Korean writes in Latin script (``TV``, ``CEO``) and
  glosses in brackets (``국제올림픽위원회(IOC)``, which a translator adds) are
  not counted, nor is a token the Korean document glosses in brackets
  elsewhere;
* names with a fixed Korean form, from a small built-in glossary
  (:data:`BUILTIN_NAMES`: Kim Jong Un ~ 김정은, Pyongyang ~ 평양, RFA ~
  자유아시아방송, ...) extended by the user's glossary: the English name in a
  pair and none of its Korean forms in the counterpart is flagged. Names the
  user's glossary lists are left to the ``terminology`` check, which enforces
  them as errors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.links import Token, link_tokens, without_links
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.terminology import Term, en_key, load_glossary, make_term

__all__ = ["BUILTIN_NAMES", "Token", "find_named_entities", "latin_tokens", "link_tokens"]

# Forms with one fixed Korean rendering in news copy, with the shorter forms a
# Korean story uses for a person already named ("김 위원장") and the usual
# metonymy ("Pyongyang said" -> "북한은"). Seoul is left out: "the Seoul court"
# is routinely just "법원" (4 of the dev set's 21 Seoul pairs).
BUILTIN_NAMES: tuple[Term, ...] = (
    make_term("Kim Jong Un", "김정은|김 위원장|김 총비서|김 국무위원장|김 제1위원장|김 원수"),
    make_term("Kim Jong Il", "김정일|김 위원장|김 국방위원장|김 총비서"),
    make_term("Kim Il Sung", "김일성|김 주석"),
    make_term("Kim Yo Jong", "김여정|김 부부장"),
    make_term("Pyongyang", "평양|북한|북측|북|조선|北"),
    make_term("Radio Free Asia", "자유아시아방송|RFA"),
    make_term("RFA", "RFA|자유아시아방송"),
    make_term("KCNA|Korean Central News Agency", "조선중앙통신|중앙통신|KCNA"),
    make_term("Rodong Sinmun", "로동신문|노동신문"),
    make_term("IOC|International Olympic Committee", "IOC|국제올림픽위원회"),
    make_term("UN|U.N.|United Nations", "UN|U.N.|유엔|국제연합|안보리|안전보장이사회"),
)

# Abbreviations Korean text writes in Latin script where English spells them
# out ("television" -> "TV"), and units.
_KOREAN_LATIN = frozenset(
    "TV PC CD DVD IT CEO CFO CCTV SNS GDP GNP DNA AI ATM MP3 USB LCD LED PD VIP UFO SF "
    "NGO ID CT MRI IQ OK PR DMZ KTX SUV LPG LNG CPU OS TOP AM PM "
    # "an intercontinental ballistic missile" -> ICBM, "a free trade agreement" -> FTA
    "ICBM SLBM IRBM FTA IPO M&A R&D MOU CPI PPI EV ETF ESG HBM OTT MZ K-POP".split()
)
_UNITS = frozenset(
    "MW GW KW KWH MWH GWH TWH GB MB TB KB CC PPM HP GHZ MHZ DB MSV BQ MBPS GBPS".split()
)
_CONNECTORS = frozenset("of and for the on in de du la del der von van & at to".split())

_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9'’.&-])[A-Za-z](?:[A-Za-z0-9&'’.-]*[A-Za-z0-9])?")
_POSSESSIVE = re.compile(r"['’]s?$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z.'’&-]*")
_INDEX_WORD = re.compile(r"[A-Za-z0-9&'’-]+")


def _is_name_like(word: str) -> bool:
    """An acronym (``IOC``, ``U.N.``), a capitalised or camel-case word."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def latin_tokens(text: str) -> list[Token]:
    """Acronyms and capitalised Latin words of ``text``, outside brackets and links.

    Example:
        >>> [t.text for t in latin_tokens("삼성전자(Samsung)와 LG가 CES에서 Galaxy를 공개했다")]
        ['LG', 'CES', 'Galaxy']
    """
    found = []
    for match in _LATIN_WORD.finditer(_BRACKETED.sub(" ", without_links(text))):
        word = _POSSESSIVE.sub("", match.group(0)).rstrip(".")
        key = word.replace(".", "").upper()
        if not _is_name_like(word) or key in _KOREAN_LATIN | _UNITS:
            continue
        if _ROMAN.match(key) and word.isupper():
            continue
        found.append(Token(word, key))
    return found


def _initials(text: str) -> set[str]:
    """Acronyms the capitalised phrases of ``text`` spell ("U.S. Geological Survey" -> USGS)."""
    words = _EN_WORD.findall(without_links(text))
    spelled: set[str] = set()
    run: list[str] = []
    for word in [*words, "."]:
        if word[0].isupper():
            run.append("".join(c for c in word if c.isupper()) or word[0])
        elif word.lower() in _CONNECTORS and run:
            run.append(word[0].upper() + "?")
        else:
            spelled |= _spellings(run)
            run = []
    return spelled


def _spellings(run: list[str]) -> set[str]:
    """Initials of every sub-run, connectors optional ("A?" may or may not count)."""
    out: set[str] = set()
    for start in range(len(run)):
        partial = {""}
        for piece in run[start : start + 10]:
            if piece.endswith("?"):
                partial |= {p + piece[0] for p in partial}
            else:
                partial = {p + piece for p in partial}
                out |= {p for p in partial if len(p) >= 2}
    return out


class _EnglishIndex:
    """What an English document contains, for looking up Korean-side tokens."""

    def __init__(self, text: str) -> None:
        flat = without_links(text).replace(".", "")
        self.words = {w.upper() for w in _INDEX_WORD.findall(flat)}
        # possessives and plurals: "Jack-O-Lantern" is explained by "Jack-O-Lanterns'"
        self.words |= {w.rstrip("'’") for w in self.words}
        self.words |= {w[:-1] for w in self.words if w.endswith("S")}
        self.words |= {w[:-2] for w in self.words if w.endswith(("'S", "’S"))}
        self._text = text

    @functools.cached_property
    def initials(self) -> set[str]:
        # only for tokens no word explains: spelling every run costs more than the rest
        return _initials(self._text)

    def explains(self, token: Token) -> bool:
        key = token.key
        return key in self.words or key.replace("-", "") in self.words or key in self.initials


def _bracket_glossed(text: str) -> set[str]:
    """Tokens a Korean document introduces in brackets somewhere: ``국제올림픽위원회(IOC)``."""
    inside = " ".join(m.group(0)[1:-1] for m in _BRACKETED.finditer(text))
    return {t.key for t in latin_tokens(inside)}


def _names(settings: Settings) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """Built-in names not in the user's glossary, and the user's terms."""
    user = load_glossary(settings.glossary).terms if settings.glossary else ()
    user_en = {en_key(variant) for term in user for variant in term.en}
    builtin = tuple(t for t in BUILTIN_NAMES if not user_en & {en_key(v) for v in t.en})
    return builtin, user


def _listing(tokens: Iterable[str]) -> str:
    return ", ".join(_quote(t) for t in dict.fromkeys(tokens))


@dataclass(frozen=True)
class _Context:
    """Document-wide facts the per-pair rules consult."""

    src_links: frozenset[str]
    tgt_links: frozenset[str]
    english: _EnglishIndex
    glossed: frozenset[str]
    names: tuple[Term, ...]  # built-in names the English document has somewhere
    all_terms: tuple[Term, ...]


def _context(doc: AlignedDocument, settings: Settings) -> _Context:
    src_all = " ".join(s.text for s in doc.src.sentences)
    tgt_all = " ".join(s.text for s in doc.tgt.sentences)
    builtin, user = _names(settings)
    return _Context(
        frozenset(t.key for t in link_tokens(src_all)),
        frozenset(t.key for t in link_tokens(tgt_all)),
        _EnglishIndex(src_all),
        frozenset(_bracket_glossed(tgt_all)),
        tuple(term for term in builtin if term.en_match(src_all)),
        builtin + user,
    )


def _flag(bead: Bead, message: str, subject: str) -> Flag:
    return Flag("named_entity", Severity.WARNING, bead.src, bead.tgt, message, subject=subject)


def _link_flags(bead: Bead, src: str, tgt: str, ctx: _Context) -> Iterator[Flag]:
    lost = [t.text for t in link_tokens(src) if t.key not in ctx.tgt_links]
    if lost:
        yield _flag(bead, f"EN has {_listing(lost)}, which KO never gives: {_quote(tgt)}", "lost")
    added = [t.text for t in link_tokens(tgt) if t.key not in ctx.src_links]
    if added:
        yield _flag(bead, f"KO has {_listing(added)}, which EN never gives: {_quote(src)}", "added")


def _rendered(token: Token, src: str, ctx: _Context) -> bool:
    """A glossary term written as ``token`` in Korean and spelled out in English."""
    return any(
        token.key in {v.replace(".", "").upper() for v in term.ko} and term.en_match(src)
        for term in ctx.all_terms
    )


def _latin_flags(bead: Bead, src: str, tgt: str, ctx: _Context) -> Iterator[Flag]:
    unknown = [
        t.text
        for t in latin_tokens(tgt)
        if not ctx.english.explains(t) and t.key not in ctx.glossed and not _rendered(t, src, ctx)
    ]
    if unknown:
        yield _flag(
            bead,
            f"KO keeps {_listing(unknown)} in Latin script, but the EN document never "
            f"has it (misspelt or added?): EN {_quote(src)}",
            "latin",
        )


def _name_flags(bead: Bead, src: str, tgt: str, ctx: _Context) -> Iterator[Flag]:
    for term in ctx.names:
        written = term.en_match(src)
        if written is not None and term.ko_match(tgt) is None:
            forms = " or ".join(_quote(v) for v in term.ko[:3])
            yield _flag(
                bead,
                f"EN names {_quote(written)}, usually {forms} in Korean; KO has no such "
                f"name: {_quote(tgt)}",
                f"name {term.en[0]}",
            )


@register("named_entity", Severity.WARNING)
def find_named_entities(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Names, acronyms and links present on one side of a pair and absent on the other.

    Args:
        doc: the aligned document.
        settings: run settings; ``glossary`` extends the built-in names.

    Yields:
        ``named_entity`` flags, at most one per pair and rule (links, Latin
        tokens kept in the Korean, names with a fixed Korean form).

    Raises:
        ConfigError: the user's glossary cannot be read.
    """
    ctx = _context(doc, settings)
    for bead in doc.beads:
        if not (bead.src and bead.tgt):
            continue
        if any(doc.src.sentences[i].boilerplate for i in bead.src) or any(
            doc.tgt.sentences[j].boilerplate for j in bead.tgt
        ):
            continue
        src, tgt = doc.src_text(bead), doc.tgt_text(bead)
        yield from _link_flags(bead, src, tgt, ctx)
        yield from _latin_flags(bead, src, tgt, ctx)
        yield from _name_flags(bead, src, tgt, ctx)
