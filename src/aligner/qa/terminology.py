"""The ``terminology`` check: a user glossary of required and forbidden translations.

The glossary is a CSV or TSV file whose header is ``en,ko,forbidden`` (the
``forbidden`` column may be left out). Each row names an English term and the
Korean translations the house style accepts; several variants of any column
are separated by ``|``::

    en,ko,forbidden
    Workers' Party,노동당,로동당
    Radio Free Asia|RFA,자유아시아방송|RFA,
    Kim Jong Un,김정은|김 위원장|김 총비서,

Blank rows and rows starting with ``#`` are skipped, above the header too. Rows
whose English forms share one (same words, case aside unless written in
capitals) are one term: any Korean variant of any of them is accepted, as if
listed on one row. A Korean variant both accepted and forbidden for one term, on
one row or two, is an error naming the row, and so is a row with a quote that
is never closed.

Per aligned pair, a term whose English form occurs in the English side (case
does not matter unless the term is written in capitals, like an acronym, or is
one capitalised word, a name: "Fed" is not "fed up"; words may be joined by
spaces or hyphens; a final ``s``/``es`` plural, ``y``/``ies`` too, is allowed;
links are not searched), outside a longer term's form ("Deputy Prime Minister"
holds no "Prime Minister" of another row), must be matched by one of its accepted
Korean variants in the Korean side, and none of its forbidden variants may occur
there (a forbidden variant used instead of an accepted one is one flag; beside as
many accepted ones as the English has mentions, it names something else). Korean
variants are found as :func:`korean_find` says: accepted ones inside a word or as
words of their own, forbidden ones only as words of their own. An accepted
variant that contains a forbidden one hides it (accepting ``조선노동당`` and
forbidding ``노동당``, ``조선노동당은`` passes), but a forbidden variant that contains
an accepted one is still found (accepting ``김정은`` and forbidding ``김정은 원수님``,
the honorific is flagged).

The file is read once per run: :func:`load_glossary` caches it by path,
modification time and size.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.config import Settings
from aligner.errors import ConfigError
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.links import without_links
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText, squeezed_find

__all__ = [
    "Glossary",
    "Term",
    "en_key",
    "en_pattern",
    "find_terminology",
    "load_glossary",
    "make_term",
    "parse_glossary",
]

_COLUMNS = ("en", "ko", "forbidden")
_SPACES = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s\-‐–]+")
_APOSTROPHES = re.compile(r"['’]")


def _is_acronym(variant: str) -> bool:
    return variant.isupper() and sum(c.isalpha() for c in variant) >= 2


def en_pattern(variant: str) -> re.Pattern[str]:
    """Whole words, spaces or hyphens between them, an optional plural ending
    ("allies" for "ally"); a one-word name keeps its capital ("Fed", not "fed up";
    "Moon", not "the moon")."""
    words = [w for w in _WORD_SPLIT.split(variant.strip()) if w]
    parts = ["['’]?".join(re.escape(piece) for piece in _APOSTROPHES.split(word)) for word in words]
    body = r"[\s\-‐–]+".join(parts)
    if len(words) == 1 and body[:1].isupper() and not _is_acronym(variant):
        body = f"(?-i:{body[0]}){body[1:]}"
    plural = r"(?:e?s)?"
    if body.endswith("y") and not _is_acronym(variant):
        body, plural = body[:-1], "(?:y|ys|ies)"
    flags = 0 if _is_acronym(variant) else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}{plural}(?!\w)", flags)


def en_key(variant: str) -> str:
    """What two English forms of one term have in common (case aside, unless in
    capitals): rows with one key are merged."""
    words = " ".join(w for w in _WORD_SPLIT.split(_APOSTROPHES.sub("'", variant)) if w)
    return words if _is_acronym(variant) else words.casefold()


def _squeeze(text: str) -> str:
    # NFC: Hangul decomposed into jamo (macOS file names and text, PDF extraction)
    # is the same word
    return _SPACES.sub("", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        en: the English forms of the term.
        ko: the accepted Korean translations (may be empty).
        forbidden: Korean translations the house style rejects.
        lines: the lines of the glossary file it came from (several when rows
            for the same English term were merged; none for built-in terms).
    """

    en: tuple[str, ...]
    ko: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(en_pattern(variant) for variant in self.en)

    def en_match(self, text: str) -> str | None:
        """The English form of the term as written in ``text``, if it occurs."""
        found = self.en_search(text)
        return None if found is None else found.group(0)

    def en_search(self, text: str) -> re.Match[str] | None:
        """Where the term's first English form found in ``text`` is, if one occurs."""
        for pattern in self._patterns:
            if found := pattern.search(text):
                return found
        return None

    def en_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` has any English form of the term, in text order."""
        return sorted({m.span() for pattern in self._patterns for m in pattern.finditer(text)})

    def ko_count(self, text: str) -> int:
        """How many times ``text`` has an accepted Korean variant."""
        text, count = unicodedata.normalize("NFC", text), 0
        for variant in sorted(self.ko, key=len, reverse=True):
            while (found := korean_find(text, variant)) is not None:
                start, end = found
                text, count = text[:start] + " " * (end - start) + text[end:], count + 1
        return count

    def ko_match(self, text: str) -> str | None:
        """The accepted Korean variant found in ``text`` (see :func:`korean_find`), if any."""
        text = unicodedata.normalize("NFC", text)
        return next((v for v in self.ko if korean_find(text, v)), None)

    @functools.cached_property
    def _hiding(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """Per forbidden variant: itself, squeezed, and the squeezed accepted variants
        that contain it (longest first)."""
        accepted = sorted(map(_squeeze, self.ko), key=len, reverse=True)
        return tuple(
            (v, _squeeze(v), tuple(a for a in accepted if _squeeze(v) in a)) for v in self.forbidden
        )

    def forbidden_match(self, text: str) -> str | None:
        """The forbidden variant found in ``text`` outside any accepted variant that
        contains it (an accepted variant inside a forbidden one does not hide it)."""
        text = unicodedata.normalize("NFC", text)
        found = (v for v, _, hiding in self._hiding if korean_find(text, v, hiding, whole=True))
        return next(found, None)

    def forbidden_at(self, text: str, variant: str) -> tuple[int, int] | None:
        """Where in ``text`` :meth:`forbidden_match` found ``variant``, as ``(start,
        end)``; None when ``text`` is not NFC (it was found in its normalised form)."""
        if not unicodedata.is_normalized("NFC", text):
            return None
        _, _, hiding = next(h for h in self._hiding if h[0] == variant)
        return korean_find(text, variant, hiding, whole=True)


def korean_find(
    text: str, variant: str, hidden: Sequence[str] = (), *, whole: bool = False
) -> tuple[int, int] | None:
    """Where a Korean ``variant`` occurs in ``text``, as ``(start, end)``: inside a
    word, particles attached (``노동당은``, ``조선로동당``), or over spaces (``기획
    재정부는``, ``로동 당은``) when it is words of their own there, from a word's
    start to its end or particle, so that the ends of two words (``한국 회사``, ``재무
    부서``) never make one (``국회``, ``재무부``). Not inside one of ``hidden`` (strings
    without spaces that hold it); ``whole``: only as words of their own, particles
    attached (``수상`` is not the start of ``수상자들을``). None if it does not occur.

    Example:
        >>> korean_find("미국 재무 부서와", "재무부") is None
        True
        >>> korean_find("기획 재정부는", "기획재정부")
        (0, 6)
    """
    squeezed = _squeeze(variant)
    start = 0
    while (found := squeezed_find(text, squeezed, hidden, start)) is not None:
        begin, end = found
        inside = not any(char.isspace() for char in text[begin:end])
        opens = begin == 0 or not text[begin - 1].isalnum()
        word = opens and _WORD_END.match(text, end) is not None
        if word or (inside and not whole):
            return found
        start = begin + 1
    return None


# the end of a Korean word: nothing more, or a particle and nothing more
_WORD_END = re.compile(
    r"(?:은|는|이|가|을|를|의|에|에서|에게|와|과|도|로|으로|만|까지|부터|보다|처럼|이나|나"
    r"|이다|이며|이고|께서|께|측)?(?!\w)"
)


def make_term(en: str, ko: str, forbidden: str = "", line: int = 0) -> Term:
    """A :class:`Term` from glossary cells, variants separated by ``|``.

    Example:
        >>> make_term("Workers' Party", "노동당", "로동당").ko
        ('노동당',)
    """

    def split(cell: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in cell.split("|") if v.strip())

    return Term(split(en), split(ko), split(forbidden), (line,) if line else ())


@dataclass(frozen=True)
class Glossary:
    """The terms of one glossary file."""

    path: Path
    terms: tuple[Term, ...]


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv" or "\t" in header:
        return "\t"
    return ","


def _check_header(path: Path, header: Sequence[str]) -> int:
    names = tuple(cell.strip().lower() for cell in header)
    if names not in (_COLUMNS[:2], _COLUMNS):
        got = ",".join(header)
        raise ConfigError(
            f"{path}: glossary header must be 'en,ko,forbidden' (or 'en,ko'), got '{got}'"
        )
    return len(names)


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _rows(text: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    """The non-blank, non-comment rows of a glossary with their line numbers.

    Comment lines are blanked before CSV parsing, so that a quote in a comment
    cannot open a cell; a quote that is never closed on its row is an error.
    """
    lines = ["" if _is_comment(line) else line for line in text.split("\n")]
    header = next((line for line in lines if line.strip()), "")
    reader = csv.reader(
        io.StringIO("\n".join(lines)), delimiter=_delimiter(path, header), strict=True
    )
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _quoting(path, start, reader.line_num, str(exc)) from None
        if reader.line_num > start:
            raise _quoting(path, start, reader.line_num)
        if any(cell.strip() for cell in row):
            yield start, row


def _quoting(path: Path, start: int, end: int, error: str = "") -> ConfigError:
    """A row from line ``start`` to ``end`` that the CSV reader could not take."""
    if end > start:
        problem = f"a quote that is never closed on its line (the cell runs on to line {end})"
    elif error == "unexpected end of data":
        problem = "a quote that is never closed"
    else:
        problem = f"a quoting error ({error})"
    return ConfigError(
        f"{path}:{start}: glossary row has {problem}; a cell that starts with a quote "
        'must end with one, and a quote inside it is written ""'
    )


def _parse_row(path: Path, row: Sequence[str], columns: int, line: int) -> Term:
    if len(row) > columns:
        raise ConfigError(
            f"{path}:{line}: glossary row has {len(row)} columns, the header {columns}"
        )
    cells = [*row, "", ""]
    term = make_term(cells[0], cells[1], cells[2], line=line)
    if not term.en:
        raise ConfigError(f"{path}:{line}: glossary row has no English term")
    if not term.ko and not term.forbidden:
        raise ConfigError(
            f"{path}:{line}: glossary row for {term.en[0]!r} has neither a Korean "
            "translation nor a forbidden variant"
        )
    return term


def _merge(path: Path, rows: Sequence[Term]) -> Term:
    """One term from the rows (in file order) of the same English term.

    Raises:
        ConfigError: a Korean variant (spaces aside) is both accepted and
            forbidden; the message names the row that made it so.
    """
    accepted: dict[str, int] = {}
    forbidden: dict[str, int] = {}
    for row in rows:
        for variant in row.ko:
            accepted.setdefault(_squeeze(variant), row.lines[0])
        for variant in row.forbidden:
            forbidden.setdefault(_squeeze(variant), row.lines[0])
        _check_conflict(path, row, accepted, forbidden)

    def union(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v for row in rows for v in getattr(row, name)))

    return Term(union("en"), union("ko"), union("forbidden"), tuple(r.lines[0] for r in rows))


def _check_conflict(
    path: Path, row: Term, accepted: dict[str, int], forbidden: dict[str, int]
) -> None:
    """Raise if ``row`` makes one of its variants both accepted and forbidden (the
    rows before it were checked already, so the conflict involves this row)."""
    line = row.lines[0]
    for variant in (*row.ko, *row.forbidden):
        key = _squeeze(variant)
        if key not in accepted or key not in forbidden:
            continue
        ok, bad = accepted[key], forbidden[key]
        if ok == bad:
            problem = f"gives {variant!r} both as a translation and as forbidden"
        elif ok == line:
            problem = f"accepts {variant!r}, which line {bad} forbids for the same term"
        else:
            problem = f"forbids {variant!r}, which line {ok} accepts for the same term"
        raise ConfigError(
            f"{path}:{line}: glossary row for {row.en[0]!r} {problem}; "
            "list it as accepted or as forbidden, not both"
        )


def _group(rows: Sequence[Term]) -> list[list[Term]]:
    """Rows in groups of the same English term (sharing a form), in file order."""
    groups: list[tuple[set[str], list[Term]]] = []
    for row in rows:
        keys = {en_key(variant) for variant in row.en}
        same = [group for group in groups if group[0] & keys]
        for group in same[1:]:  # the row joins terms that were apart until now
            same[0][0].update(group[0])
            same[0][1].extend(group[1])
            groups.remove(group)
        if same:
            same[0][0].update(keys)
            same[0][1].append(row)
        else:
            groups.append((keys, [row]))
    return [sorted(group, key=lambda term: term.lines) for _, group in groups]


def parse_glossary(text: str, path: Path) -> tuple[Term, ...]:
    """Read the rows of a glossary file's text.

    Args:
        text: the decoded file content.
        path: the file, for messages and to choose the delimiter (``.tsv``:
            tab; otherwise a tab in the header, else comma).

    Returns:
        The terms in file order; blank rows and rows starting with ``#`` are
        skipped, and rows of the same English term are merged into one term.

    Raises:
        ConfigError: the header is not ``en,ko[,forbidden]``, a row is
            malformed, or a Korean variant is both accepted and forbidden.
    """
    rows = list(_rows(text, path))
    if not rows:
        raise ConfigError(f"{path}: glossary is empty; it needs the header 'en,ko,forbidden'")
    columns = _check_header(path, rows[0][1])
    terms = [_parse_row(path, row, columns, line) for line, row in rows[1:]]
    return tuple(_merge(path, group) for group in _group(terms))


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> Glossary:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: glossary is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary: {exc.strerror}") from None
    return Glossary(path, parse_glossary(text.replace("\r\n", "\n").replace("\r", "\n"), path))


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file, once per version of the file.

    Args:
        path: a CSV or TSV file with the header ``en,ko,forbidden``.

    Returns:
        The parsed glossary (cached by path, modification time and size).

    Raises:
        ConfigError: the file is missing, not UTF-8, or malformed.

    Example:
        >>> load_glossary(Path("glossary.csv")).terms  # doctest: +SKIP
        (Term(en=("Workers' Party",), ko=('노동당',), forbidden=('로동당',), lines=(2,)),)
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary: {exc.strerror}") from None
    if not path.is_file():
        raise ConfigError(f"{path}: glossary is not a file")
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


def _where(term: Term) -> str:
    if not term.lines:
        return ""
    if len(term.lines) == 1:
        return f" (glossary line {term.lines[0]})"
    return f" (glossary lines {', '.join(map(str, term.lines))})"


def _variants(values: Sequence[str]) -> str:
    return " or ".join(_quote(v) for v in values)


def _term_flags(
    term: Term,
    at: tuple[int, int],
    sides: tuple[SideText, SideText],
    bead: Bead,
    *,
    ko_original: bool = False,
) -> Iterator[Flag]:
    """The flags of ``term``, whose English the source side writes ``at``;
    ``ko_original``: the Korean is the original, the English its translation."""
    tgt_text = sides[1].text
    written, spans = sides[0].text[slice(*at)], sides[0].spans(*at)
    where = _where(term)
    bad = term.forbidden_match(tgt_text)
    used = term.forbidden_at(tgt_text, bad) if bad is not None else None
    named = len(term.en_spans(sides[0].text))
    if used is not None and term.ko_count(tgt_text[: used[0]] + tgt_text[used[1] :]) >= named:
        # each mention translated as the glossary says: the forbidden word names
        # something else ("the U.S. Treasury" is 재무부 beside 기획재정부)
        bad = used = None
    # a forbidden variant in place of the accepted one is one error, said once
    if term.ko and bad is None and term.ko_match(tgt_text) is None:
        rule = (
            f"is the glossary's translation of {_variants(term.ko)}{where}, but"
            if ko_original
            else f"should be translated as {_variants(term.ko)}{where};"
        )
        yield Flag(
            "terminology",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            f"EN {_quote(written)} {rule} KO has none of them: {_quote(tgt_text)}",
            subject=term.en[0],
            spans=spans,
        )
    if bad is not None:
        instead = f" (use {_variants(term.ko)})" if term.ko else ""
        spans += sides[1].spans(*used) if used else ()
        yield Flag(
            "terminology",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            f"KO uses {_quote(bad)} for EN {_quote(written)}, which the glossary "
            f"forbids{instead}{where}",
            subject=term.en[0],
            spans=spans,
        )


@register("terminology", Severity.ERROR, langs=("en", "ko"))
def find_terminology(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Glossary terms translated otherwise than ``settings.glossary`` requires.

    Args:
        doc: the aligned document.
        settings: run settings; nothing is checked when ``glossary`` is ``None``.

    Yields:
        A ``terminology`` flag per term and aligned pair where the English term
        occurs and no accepted Korean variant does, or a forbidden one does.

    Raises:
        ConfigError: the glossary cannot be read.
    """
    if settings.glossary is None:
        return
    glossary = load_glossary(settings.glossary)
    for bead in doc.beads:
        if not (bead.src and bead.tgt):
            continue
        if any(doc.src.sentences[i].boilerplate for i in bead.src):
            continue
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        for term, at in _occurrences(glossary.terms, without_links(sides[0].text)):
            yield from _term_flags(term, at, sides, bead, ko_original=doc.swapped)


# a capitalised word right before a term makes it part of a longer name: "the Industrial
# Bank of Korea", "the Export-Import Bank of Korea" hold no "Bank of Korea"
_LONGER_NAME = re.compile(r"(?<![.!?]\s)\b(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z][\w'’-]*\s+$")
# ... when the term is itself a body's name: "Japanese Prime Minister" is a prime minister
_BODY = re.compile(
    r"(?:Bank|Ministry|Court|Party|Agency|Office|Commission|Committee|Council|Service"
    r"|Institute|Association|Federation|Union|Corporation|Company|Authority|Board)\b"
)


def _inside_a_name(english: str, start: int, end: int) -> bool:
    return bool(_BODY.match(english, start)) and bool(_LONGER_NAME.search(english, 0, start))


def _occurrences(terms: Sequence[Term], english: str) -> Iterator[tuple[Term, tuple[int, int]]]:
    """Each term the English names, with where it first does outside a longer term's
    name: "Deputy Prime Minister" is not the "Prime Minister" of the glossary's other
    row, nor "the Industrial Bank of Korea" the "Bank of Korea". (Links name no one:
    "www.reuters.com".)"""
    found = [
        (term, [s for s in term.en_spans(english) if not _inside_a_name(english, *s)])
        for term in terms
    ]
    names = [span for _, spans in found for span in spans]

    def inside_another(s: int, e: int) -> bool:
        return any(a <= s and e <= b and b - a > e - s for a, b in names)

    for term, spans in found:
        if (at := next((span for span in spans if not inside_another(*span)), None)) is not None:
            yield term, at
