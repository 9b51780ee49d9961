"""The ``named_entity`` check (names, acronyms and links dropped or added in
translation) and the ``institution`` check (a body or country replaced), whose
flags are ``named_entity`` flags too.

Korean news translates most English names and acronyms into Hangul
(``FDA`` -> ``식품의약국``, ``Seoul`` -> ``서울``), so an English capitalised
word or acronym missing from the Korean side says nothing by itself: on the
benchmark's dev set 251 of 419 English acronyms are not written in Latin
script in their Korean counterpart, nearly all of them correctly translated.
The check therefore flags only what is confidently wrong:

* links (URLs, e-mail addresses, @handles, #hashtags) are copied verbatim by
  translators: one present on one side of a pair and absent from the whole
  other document is flagged (a link to the other language's edition of the
  page, ``/eng`` for ``/ko``, ``?lang=ko``, is the same link);
* a Latin-script acronym or capitalised word inside the Korean text is kept
  from the source, so it must occur in the English document, spelled out or
  not: as the initials of a name anywhere in it (``IOC``, "International
  Olympic Committee") or of words of the pair's own English (``VAR``, "video
  assistant referee"; see :func:`_spelled_out`); an acronym is a name, which no
  English word in lower case explains ("at" is no ``AT``). Units (``km``,
  ``MW``), abbreviations Korean writes in Latin script where English spells the
  thing out (``TV``, ``CEO``, ``OST``, ``PK``, ``SW``, ``NLL``), Korean names
  with a Latin part (``IMF 외환위기``, the 1997 crisis; ``AT마드리드``) and
  glosses in brackets (``국제올림픽위원회(IOC)``, which a translator adds) are
  not counted, nor is a token the Korean document glosses in brackets
  elsewhere, nor an official acronym whose English name (not its initials:
  ``KOTRA``, "Korea Trade-Investment Promotion Agency") the English gives;
* names with a fixed Korean form, from a small built-in glossary
  (:data:`BUILTIN_NAMES`: Kim Jong Un ~ 김정은, Pyongyang ~ 평양, RFA ~
  자유아시아방송, ...) extended by the user's glossary: the English name in a
  pair and none of its Korean forms in the counterpart (nor in the Korean
  sentence before it, whose name Korean leaves as the implicit subject) is
  flagged. A U.N. body renders the "U.N." before it (국제원자력기구 for "the U.N.
  nuclear watchdog"), and a person's surname with any title renders the person
  (김 제1부부장 for Kim Yo Jong), unless it is another listed person's (김 부부장 is
  not Kim Jong Un). Names the user's glossary lists are left to the
  ``terminology`` check, which enforces them as errors;
* (``institution``) an institution or country the English names that the Korean
  replaces by another of its kind from the built-in list (:mod:`aligner.qa.institutions`:
  ministries, agencies, courts and prosecutors' offices, regulators, parties,
  pollsters, countries): 기획재정부 for "the Ministry of Trade, Industry and
  Energy", 서울중앙지검 for "the Seoul Southern District Prosecutors' Office",
  중국 for "Japan", and 중국 국방부 for "Japan's defense ministry". A Korean
  that leaves the name out is not flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Severity, Span
from aligner.qa.alignment import _quote
from aligner.qa.institutions import Institution, Substitution, find_substitution, load_institutions
from aligner.qa.links import (
    Token,
    blank,
    language_neutral,
    link_target,
    link_tokens,
    without_links,
)
from aligner.qa.names import called_by_title, english_names
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText
from aligner.qa.terminology import Term, en_key, load_glossary, make_term

__all__ = ["BUILTIN_NAMES", "Token", "find_named_entities", "latin_tokens", "link_tokens"]

# "The U.N. nuclear watchdog" is 국제원자력기구 (IAEA): a U.N. body, named in Korean
# or Latin script, renders the "U.N." before it.
_UN_BODIES = (
    "안보리 안전보장이사회 인권이사회 사무총장 평화유지군 PKO 국제원자력기구 IAEA "
    "세계식량계획 WFP 세계보건기구 WHO 유니세프 UNICEF UNHCR 유네스코 UNESCO 국제노동기구 "
    "ILO 식량농업기구 FAO UNDP UNFPA 인구기금 UNEP 환경계획 세계기상기구 WMO 국제해사기구 "
    "IMO 국제민간항공기구 ICAO 국제전기통신연합 ITU 세계지식재산기구 세계지적재산권기구 WIPO "
    "인도주의업무조정국 OCHA 국제사법재판소 ICJ UNRWA 팔레스타인난민구호기구 OHCHR "
    "인권최고대표 전문가패널"
).split()

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
    # after its first mention a Korean story calls it 통신 ("통신은 … 보도했다")
    make_term("KCNA|Korean Central News Agency", "조선중앙통신|중앙통신|통신|KCNA"),
    make_term("Rodong Sinmun", "로동신문|노동신문"),
    make_term("IOC|International Olympic Committee", "IOC|국제올림픽위원회"),
    make_term("UN|U.N.|United Nations", "|".join(("UN|U.N.|유엔|국제연합", *_UN_BODIES))),
)

# Abbreviations Korean text writes in Latin script where English spells them
# out ("television" -> "TV"), and units.
_KOREAN_LATIN = frozenset(
    "TV PC CD DVD IT CEO CFO CCTV SNS GDP GNP DNA AI ATM MP3 USB LCD LED PD VIP UFO SF "
    "NGO ID CT MRI IQ OK PR DMZ KTX SUV LPG LNG CPU OS TOP AM PM "
    # "an intercontinental ballistic missile" -> ICBM, "a free trade agreement" -> FTA
    "ICBM SLBM IRBM FTA IPO M&A R&D MOU CPI PPI EV ETF ESG HBM OTT MZ K-POP "
    # Konglish: a drama's soundtrack (OST), a TV commercial (CF), a streamer (BJ), a
    # host (MC), product placement (PPL), the personality test (MBTI)
    "OST CF BJ MC PPL MBTI "
    # a record's formats: a vinyl edition (LP), a mini album (EP), a music video (MV)
    "LP EP MV "
    # a city Korean names by its initials, as in LA 다저스 for "the Dodgers"
    "LA NY "
    # sport: a penalty kick (PK), the playoffs (PO), the postseason (PS), the Korean
    # Series (KS), a free agent (FA), the majors (MLB), the Asian Games (AG), a knockout;
    # the professional leagues, "the league" in English copy (KBO에 따르면)
    "PK PO PS KS FA MVP ERA AG MLB KO TKO KBO KBL WKBL KOVO "
    # technology: software, hardware, satellite navigation, "internet-connected" (IoT)
    "SW HW GPS VR AR XR UI UX IOT LTE DX VOD QR "
    # society and politics: a radio host (DJ), the top three universities (SKY), budget
    # carriers (LCC), after-sales service (AS), Daegu and North Gyeongsang (TK), the
    # presidents Kim Young-sam (YS) and Kim Dae-jung (DJ), Kim Jong-pil (JP)
    "DJ CTO COO NPO AS DM SKY LCC TK YS JP "
    # North Korea and the military: the Northern Limit Line, "the de facto maritime
    # border" (NLL), the Joint Security Area, the military demarcation line, a guard
    # post, multiple warheads, a drone (UAV)
    "NLL JSA MDL GP MIRV SRBM UAV".split()
)
# Korean names with a Latin part the English never has: "IMF 외환위기" is the 1997
# Asian financial crisis, "IMF 시절" the years after it; AT마드리드 is Atletico Madrid.
_KOREAN_COINED = re.compile(
    r"IMF(?=\s*(외환|금융)?\s*(위기|사태|체제|시절|때|당시|구제\s*금융))|AT(?=\s*마드리드)"
)
# Official acronyms that are not the initials of their English names, and those names:
# an English document that gives the name explains the acronym.
_ACRONYM_NAMES: tuple[Term, ...] = (
    make_term("Korea Trade-Investment Promotion Agency|Korea Trade Promotion", "KOTRA"),
    make_term("Korea Gas Corp|Korea Gas Corporation", "KOGAS"),
    make_term("Korea Electric Power", "KEPCO"),
    make_term("Korea Railroad", "KORAIL"),
    make_term("Korea International Cooperation Agency", "KOICA"),
    make_term("Korea Exchange", "KRX"),
    make_term("Pohang University of Science and Technology", "POSTECH"),
)
_UNITS = frozenset(
    "MW GW KW KWH MWH GWH TWH GB MB TB KB CC PPM HP GHZ MHZ DB MSV BQ MBPS GBPS".split()
)
_CONNECTORS = frozenset("of and for the on in de du la del der von van & at to".split())

_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9'’.&-])[A-Za-z](?:[A-Za-z0-9&'’.-]*[A-Za-z0-9])?")
_POSSESSIVE = re.compile(r"['’]s?$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）")
_INDEX_WORD = re.compile(r"[A-Za-z0-9&'’-]+")


def _is_name_like(word: str) -> bool:
    """An acronym (``IOC``, ``U.N.``), a capitalised or camel-case word."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def latin_tokens(text: str) -> list[Token]:
    """Acronyms and capitalised Latin words of ``text``, outside brackets, links and
    Korean names with a Latin part (``IMF 외환위기``).

    Example:
        >>> [t.text for t in latin_tokens("삼성전자(Samsung)와 LG가 CES에서 Galaxy를 공개했다")]
        ['LG', 'CES', 'Galaxy']
    """
    found = []
    text = _KOREAN_COINED.sub(blank, _BRACKETED.sub(blank, without_links(text)))
    for match in _LATIN_WORD.finditer(text):
        word = _POSSESSIVE.sub("", match.group(0)).rstrip(".")
        key = word.replace(".", "").upper()
        if not _is_name_like(word) or key in _KOREAN_LATIN | _UNITS:
            continue
        if _ROMAN.match(key) and word.isupper():
            continue
        found.append(Token(word, key, match.start()))
    return found


# Words an acronym never takes a letter from: they end a run of spelled-out
# words ("in charge of" spells no ICO). Connectors (above) may or may not count.
_FUNCTION_WORDS = frozenset(
    "a an is are was were be been being has have had do does did will would can could should "
    "may might must it its this that these those he she they we you i his her their our my your "
    "who whom which what when where while as by from into with than then there not no but or so "
    "if also about after before over under up out off per via all any some such very".split()
)
# Combining forms a technical acronym takes a letter from: ultraviolet -> UV.
_COMBINING_FORMS = (
    "ultra infra micro nano macro electro hydro photo thermo radio tele poly mono multi "
    "bio neuro cardio encephalo".split()
)
_RUN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'’&-]*|\S")
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


@dataclass(frozen=True)
class _Piece:
    """A word of a run: the letters it may give an acronym."""

    spellings: frozenset[str]
    connector: bool  # may give no letter, and cannot end the acronym


def _word_spellings(word: str) -> set[str]:
    """Its initial, a capitalised word's capitals (U.S. -> US), and the initials
    of a combining form and the rest (ultraviolet -> UV)."""
    out = {word[0].upper()}
    if word[0].isupper():
        out.add("".join(c for c in word if c.isupper()))
    for form in _COMBINING_FORMS:
        rest = word[len(form) :]
        if word.lower().startswith(form) and len(rest) >= 3:
            out |= {word[0].upper() + s for s in _word_spellings(rest)}
    return out


_Run = tuple[_Piece, ...]


@functools.lru_cache(maxsize=256)  # a pair's English is read once per token it may explain
def _runs(text: str) -> tuple[tuple[_Run, ...], tuple[_Run, ...]]:
    """The runs of words an acronym may spell, split at punctuation and function
    words: of all words, and of capitalised words only (names)."""
    runs: list[list[_Piece]] = [[]]
    names: list[list[_Piece]] = [[]]
    for token in _RUN_TOKEN.findall(without_links(text)):
        word = _POSSESSIVE.sub("", token)
        end = word.endswith(".") and "." not in word[:-1]  # "Survey." ends it; "U.S." does not
        for part in filter(None, word.strip(".").split("-")):
            lowered = part.lower()
            if not part[0].isalpha() or (part.islower() and lowered in _FUNCTION_WORDS):
                runs.append([])
                names.append([])
                continue
            connector = part.islower() and lowered in _CONNECTORS
            piece = _Piece(frozenset(_word_spellings(part)), connector)
            runs[-1].append(piece)
            if part[0].isupper() or (connector and names[-1]):
                names[-1].append(piece)
            else:
                names.append([])
        if end:
            runs.append([])
            names.append([])
    return tuple(tuple(r) for r in runs if r), tuple(tuple(n) for n in names if n)


def _spells(key: str, run: _Run, at: int, pos: int = 0, *, whole: bool = False) -> bool:
    """Whether the words of ``run`` from ``at`` on (to its end if ``whole``)
    spell ``key[pos:]``, each giving one of its spellings, connectors optional."""
    if at == len(run):
        return False
    piece = run[at]
    if piece.connector and _spells(key, run, at + 1, pos, whole=whole):
        return True
    for spelling in piece.spellings:
        if key.startswith(spelling, pos):
            end = pos + len(spelling)
            last = at == len(run) - 1 or not whole
            if end == len(key) and last and not piece.connector:
                return True
            if end < len(key) and _spells(key, run, at + 1, end, whole=whole):
                return True
    return False


def _spelled_by(key: str, runs: tuple[_Run, ...]) -> bool:
    return any(_spells(key, run, at) for run in runs for at in range(len(run)))


# initials of the words an acronym adds to a name: English, Korea(n), American, Asian,
# United, National, International, World, Association, Corporation
_ADDED_INITIALS = frozenset("EKAUNIWC")


def _spelled_out(key: str, text: str) -> bool:
    """Whether ``text`` spells ``key`` out: the initials of a run of its words
    ("video assistant referee" -> VAR, "organic light-emitting diode" -> OLED), or
    of a whole name of two words or more to which the acronym adds a first or
    last word (EPL, "the Premier League").

    Only a pair's own English is searched this way: over a whole story, some run
    of ordinary words spells almost any three letters.
    """
    runs, names = _runs(text)
    if _spelled_by(key, runs):
        return True
    names = tuple(n for n in names if sum(not p.connector for p in n) >= 2)  # not GM -> GMC
    # the added word is one a name leaves out (English, Korea, National...); any letter
    # would let ASK or ZSK pass for "South Korea"
    parts = [key[1:]] if key[0] in _ADDED_INITIALS else []
    parts += [key[:-1]] if key[-1] in _ADDED_INITIALS else []
    return len(key) >= 3 and any(
        _spells(part, name, 0, whole=True) for name in names for part in parts
    )


def _key(token: Token) -> str:
    """The token's key, a plural ``s`` left out (GPUs)."""
    if token.text.endswith("s") and token.text[:-1].isupper():
        return token.key[:-1]
    return token.key


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped, not at the end: "Australia" is a form of
    "Australian", "Kidz" a misspelling of "Kids"."""
    if a == b or abs(len(a) - len(b)) > 1 or a.startswith(b) or b.startswith(a):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _word_keys(written: list[str]) -> set[str]:
    """The keys a Korean token may have to be one of these English words."""
    words = {w.upper() for w in written}
    # a camel-case part: GPT is in ChatGPT, Phone in iPhone
    words |= {p.upper() for w in written for p in _CAMEL_PART.findall(w)}
    # possessives and plurals: "Jack-O-Lantern" is explained by "Jack-O-Lanterns'"
    words |= {w.rstrip("'’") for w in words}
    words |= {w[:-1] for w in words if w.endswith("S")}
    words |= {w[:-2] for w in words if w.endswith(("'S", "’S"))}
    return words


class _EnglishIndex:
    """What an English document contains, for looking up Korean-side tokens."""

    def __init__(self, text: str) -> None:
        written = _INDEX_WORD.findall(without_links(text).replace(".", ""))
        self.words = _word_keys(written)
        self._written = sorted(set(written))
        # an acronym is a name: the English "at" or "it" explains no AT or IT
        self.named = _word_keys([w for w in written if not w.islower()])
        self._text = text

    @functools.cached_property
    def _name_starts(self) -> dict[str, list[tuple[_Run, int]]]:
        """Where in the document's names an acronym may start, by its first letter
        (only for tokens no word explains: a long story has thousands of names)."""
        starts: dict[str, list[tuple[_Run, int]]] = {}
        for run in _runs(self._text)[1]:
            for at, piece in enumerate(run):
                for letter in {spelling[0] for spelling in piece.spellings}:
                    starts.setdefault(letter, []).append((run, at))
        return starts

    def near(self, key: str) -> str | None:
        """A word of the English one letter from ``key`` (changed, added or dropped), as
        written; None if there is none."""
        return next(
            (w for w in self._written if len(w) >= 4 and _one_letter_apart(w.upper(), key)),
            None,
        )

    def explains(self, token: Token) -> bool:
        """The token is a word of the document (an acronym: one not in lower case) or
        the acronym of one of its names ("U.S. Geological Survey" -> USGS, introduced
        once for the whole story)."""
        key = _key(token)
        words = self.named if token.text.isupper() else self.words
        if key in words or key.replace("-", "") in words:
            return True
        return any(_spells(key, run, at) for run, at in self._name_starts.get(key[:1], ()))


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


def _institutions(user: tuple[Term, ...]) -> tuple[Institution, ...]:
    """Built-in institutions whose English names the user's glossary does not list
    (``terminology`` enforces those)."""
    user_en = {en_key(variant) for term in user for variant in term.en}
    return tuple(
        inst for inst in load_institutions() if not user_en & {en_key(name) for name in inst.names}
    )


def _listing(tokens: Iterable[str]) -> str:
    return ", ".join(_quote(t) for t in dict.fromkeys(tokens))


@dataclass(frozen=True)
class _Context:
    """Document-wide facts the per-pair rules consult."""

    src_links: frozenset[str]
    tgt_links: frozenset[str]
    english: _EnglishIndex
    glossed: frozenset[str]  # tokens the Korean glosses or the English names (KOTRA)
    names: tuple[Term, ...]  # built-in names the English document has somewhere
    all_terms: tuple[Term, ...]
    institutions: tuple[Institution, ...]


def _links(document: Document, indices: Iterable[int]) -> list[Token]:
    """The links of some sentences: written out, or hidden by Markdown link text."""
    sentences = [document.sentences[i] for i in indices]
    written = link_tokens(" ".join(s.text for s in sentences))
    return written + [link_target(url) for s in sentences for url in s.links]


def _context(doc: AlignedDocument, settings: Settings) -> _Context:
    src_all = " ".join(s.text for s in doc.src.sentences)
    tgt_all = " ".join(s.text for s in doc.tgt.sentences)
    builtin, user = _names(settings)
    return _Context(
        frozenset(language_neutral(t.key) for t in _links(doc.src, range(len(doc.src.sentences)))),
        frozenset(language_neutral(t.key) for t in _links(doc.tgt, range(len(doc.tgt.sentences)))),
        _EnglishIndex(src_all),
        frozenset(_bracket_glossed(tgt_all))
        | {key for term in _ACRONYM_NAMES if term.en_match(src_all) for key in term.ko},
        tuple(term for term in builtin if term.en_match(src_all)),
        builtin + user,
        _institutions(user),
    )


def _flag(bead: Bead, message: str, subject: str, spans: tuple[Span, ...] = ()) -> Flag:
    return Flag(
        "named_entity",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        message,
        subject=subject,
        spans=spans,
    )


def _unmatched(links: list[Token], other: frozenset[str]) -> list[Token]:
    """The links the other document never gives; one localised to the other language's
    edition of the page (``/eng`` for ``/ko``) counts as given."""
    return [t for t in links if language_neutral(t.key) not in other]


def _token_spans(side: SideText, tokens: Iterable[Token]) -> tuple[Span, ...]:
    """Where the tokens are written (a link Markdown hides is nowhere)."""
    return tuple(span for t in tokens if t.start >= 0 for span in side.written(t.start, t.text))


def _link_flags(
    doc: AlignedDocument, bead: Bead, ctx: _Context, sides: tuple[SideText, SideText]
) -> Iterator[Flag]:
    src, tgt = sides[0].text, sides[1].text
    only_en = _unmatched(_links(doc.src, bead.src), ctx.tgt_links)
    only_ko = _unmatched(_links(doc.tgt, bead.tgt), ctx.src_links)
    spans = _token_spans(sides[0], only_en) + _token_spans(sides[1], only_ko)
    gone, new = _listing(t.text for t in only_en), _listing(t.text for t in only_ko)
    # the subject says what the translation did, whichever side is the original
    lost, added = ("added", "lost") if doc.swapped else ("lost", "added")
    if only_en and only_ko:  # one link put for another: one fault
        message = f"link changed: EN has {gone}, KO has {new} instead"
        yield _flag(bead, f"{message}: {_quote(tgt)}", "changed", spans)
    elif only_en:
        yield _flag(bead, f"EN has {gone}, which KO never gives: {_quote(tgt)}", lost, spans)
    elif only_ko:
        yield _flag(bead, f"KO has {new}, which EN never gives: {_quote(src)}", added, spans)


def _rendered(token: Token, src: str, ctx: _Context) -> bool:
    """A glossary term written as ``token`` in Korean and spelled out in English."""
    return any(
        token.key in {v.replace(".", "").upper() for v in term.ko} and term.en_match(src)
        for term in ctx.all_terms
    )


def _latin_flags(
    bead: Bead,
    sides: tuple[SideText, SideText],
    ctx: _Context,
    *,
    ko_original: bool,
    put: str = "",
) -> Iterator[Flag]:
    """Latin tokens the Korean keeps that the English never has; not ``put``, the name
    of an institution the Korean puts for another (``institution`` flags it)."""
    src, tgt = sides[0].text, sides[1].text
    unknown = [
        t
        for t in latin_tokens(tgt)
        if not ctx.english.explains(t)
        and t.text != put
        and t.key not in ctx.glossed
        and not _rendered(t, src, ctx)
        and not _spelled_out(_key(t), src)
    ]
    # a gloss in brackets is the translator's, but one letter off a word of the English
    # is that word misspelt ("스트레이 키즈(Stray Kidz)" for Stray Kids)
    misspelt = [
        (t, near)
        for bracket in _BRACKETED.finditer(tgt)
        for t in latin_tokens(bracket.group(0)[1:-1])
        if len(t.key) >= 4
        and not ctx.english.explains(t)
        and (near := ctx.english.near(t.key)) is not None
    ]
    for token, near in misspelt[:1]:
        yield _flag(
            bead,
            f"KO glosses “{token.text}” where the EN writes “{near}”: misspelt? EN {_quote(src)}",
            "latin",
        )
    if unknown:
        # a Korean original did not keep the tokens from the English: the English
        # left them out or misspelt them
        kept, why = (
            ("writes", "misspelt or left out?") if ko_original else ("keeps", "misspelt or added?")
        )
        yield _flag(
            bead,
            f"KO {kept} {_listing(t.text for t in unknown)} in Latin script, but the EN "
            f"document never has it ({why}): EN {_quote(src)}",
            "latin",
            _token_spans(sides[1], unknown),
        )


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{3,6}(?![A-Za-z])")
_KO_GLOSS_ACRONYM = re.compile(r"[(\[（]\s*([A-Z]{3,6})\s*[)\]）]")


def _acronym_flags(bead: Bead, sides: tuple[SideText, SideText]) -> Iterator[Flag]:
    """An acronym of the English whose Korean gloss in brackets is another of its family
    (the same last two letters): "a short-range ballistic missile (SRBM)" as
    ``중거리탄도미사일(IRBM)``. A gloss the translator adds is otherwise no error, and
    the Korean words around it mean what the embeddings cannot tell apart."""
    src, tgt = sides[0].text, sides[1].text
    english = {m.group(): m.start() for m in reversed(list(_ACRONYM.finditer(src)))}
    for m in _KO_GLOSS_ACRONYM.finditer(tgt):
        gloss = m.group(1)
        if gloss in english or gloss in src:
            continue
        lost = sorted(a for a in english if a[-2:] == gloss[-2:] and a not in tgt)
        if lost:
            spans = sides[0].written(english[lost[0]], lost[0]) + sides[1].written(
                m.start(1), gloss
            )
            message = f"acronym changed: EN {lost[0]}, KO {gloss}: {_quote(tgt)}"
            yield _flag(bead, message, f"acronym {lost[0]}", spans)
            return


def _korean_before(doc: AlignedDocument, bead: Bead) -> str:
    """The Korean sentence before the pair's (empty for the first)."""
    first = bead.tgt[0] if bead.tgt else 0
    return doc.tgt.sentences[first - 1].text if first else ""


@functools.lru_cache(maxsize=1024)
def _substitution(src: str, tgt: str, institutions: tuple[Institution, ...]) -> Substitution | None:
    """:func:`find_substitution` of a pair, read once for the two checks that need it
    (``named_entity`` leaves alone a name inside a replaced institution)."""
    return find_substitution(src, tgt, institutions=institutions)


def _substitution_flags(
    bead: Bead, found: Substitution | None, sides: tuple[SideText, SideText]
) -> Iterator[Flag]:
    if found is not None:
        named = f"{found.src.en[0]} ({found.src.ko[0]})"
        spans = sides[0].written(found.src_start, found.written)
        spans += sides[1].written(found.tgt_start, found.tgt)
        yield _flag(
            bead,
            f"the English names {named}; the Korean says {found.tgt}",
            f"{'country' if found.src.kind == 'country' else 'institution'} {found.src.en[0]}",
            spans,
        )


@functools.cache
def _surnames(term: Term) -> str:
    """The Hangul surnames of a built-in person (Kim Yo Jong: 김); "" for a place or body."""
    found = english_names(term.en[0])
    return found[0].surnames if found and found[0].text == term.en[0] else ""


def _renders(term: Term, korean: str) -> bool:
    """Whether ``korean`` gives one of the term's forms, or, for a person, the surname
    and any title (김 부장, 김 제1부부장 for Kim Yo Jong, as her title changes)."""
    if term.ko_match(korean) is not None:
        return True
    surnames = _surnames(term)
    if not (surnames and called_by_title(surnames, korean)):
        return False
    # ... but not by the title of another listed person of that surname: 김 부부장 is
    # Kim Yo Jong, not Kim Jong Un
    return not any(
        other is not term and _surnames(other) == surnames and other.ko_match(korean)
        for other in BUILTIN_NAMES
    )


def _name_flags(
    bead: Bead, sides: tuple[SideText, SideText], before: str, ctx: _Context, replaced: str = ""
) -> Iterator[Flag]:
    src, tgt = sides[0].text, sides[1].text
    for term in ctx.names:
        at = term.en_search(src)
        if replaced and term.en_match(replaced):
            continue  # flagged as the institution put in its place
        if at is not None and not _renders(term, tgt):
            written = at.group()
            forms = " or ".join(_quote(v) for v in term.ko[:3])
            kept = written.casefold() in tgt.casefold()
            if not kept and _renders(term, before):
                # Korean leaves the subject the sentence before names implicit:
                # "Pyongyang would take action" after a sentence with 북한
                continue
            spans = sides[0].spans(*at.span())
            if kept and (latin := re.search(re.escape(written), tgt, re.IGNORECASE)):
                spans += sides[1].spans(*latin.span())
            found = "keeps it in Latin script" if kept else "has no such name"
            yield _flag(
                bead,
                f"EN names {_quote(written)}, usually {forms} in Korean; KO {found}: {_quote(tgt)}",
                f"name {term.en[0]}",
                spans,
            )


@register("named_entity", Severity.WARNING, langs=("en", "ko"))
def find_named_entities(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Names, acronyms and links present on one side of a pair and absent on the other.

    Args:
        doc: the aligned document.
        settings: run settings; ``glossary`` extends the built-in names.

    Yields:
        ``named_entity`` flags, at most one per pair and rule (links, Latin
        tokens kept in the Korean), and one per name with a fixed Korean form that
        the Korean does not give.

    Raises:
        ConfigError: the user's glossary cannot be read.
    """
    ctx = _context(doc, settings)
    for bead in filter(doc.is_content_pair, doc.beads):
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        # a name inside the institution the check ``institution`` finds replaced is
        # flagged there, as the institution (KT put for SK Telecom, in Latin or not)
        found = _substitution(sides[0].text, sides[1].text, ctx.institutions)
        replaced = found.written if found else ""
        yield from _link_flags(doc, bead, ctx, sides)
        put = found.tgt if found else ""
        yield from _latin_flags(bead, sides, ctx, ko_original=doc.swapped, put=put)
        yield from _acronym_flags(bead, sides)
        yield from _name_flags(bead, sides, _korean_before(doc, bead), ctx, replaced)


@register("institution", Severity.ERROR, langs=("en", "ko"))
def find_replaced_institutions(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Institutions, courts, prosecutors' offices and countries the English names and
    the Korean replaces by another of their kind: a wrong body or country is a
    factual error, as a wrong number is, and on the benchmark's 4,991 faithful pairs
    this raises no flag but on pairs it replaced with an unrelated sentence.

    Args:
        doc: the aligned document.
        settings: run settings; an institution the user's glossary lists is left to
            ``terminology``.

    Yields:
        One ``named_entity`` flag per pair whose Korean puts another body or country
        in place of one the English names.
    """
    institutions = _institutions(_names(settings)[1])
    for bead in filter(doc.is_content_pair, doc.beads):
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        found = _substitution(sides[0].text, sides[1].text, institutions)
        yield from _substitution_flags(bead, found, sides)
