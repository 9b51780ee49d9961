"""The ``terminology`` check: a user glossary of required and forbidden translations.

The glossary is a CSV or TSV file whose header is ``en,ko,forbidden`` (the
``forbidden`` column may be left out). Each row names an English term and the
Korean translations the house style accepts; several variants of any column
are separated by ``|``::

    en,ko,forbidden
    Workers' Party,노동당,로동당
    Radio Free Asia|RFA,자유아시아방송|RFA,
    Kim Jong Un,김정은|김 위원장|김 총비서,

Per aligned pair, a term whose English form occurs in the English side (case
does not matter unless the term is written in capitals, like an acronym; words
may be joined by spaces or hyphens; a final ``s``/``es`` plural is allowed)
must be matched by one of its accepted Korean variants in the Korean side, and
none of its forbidden variants may occur in the Korean side. Korean variants
are found as substrings with spaces ignored (particles attach to the word:
``노동당은``), and an accepted variant that contains a forbidden one hides it
(``조선노동당`` is not ``노동당``).

The file is read once per run: :func:`load_glossary` caches it by path,
modification time and size.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.config import Settings
from aligner.errors import ConfigError
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.registry import AlignedDocument, register

__all__ = [
    "Glossary",
    "Term",
    "find_terminology",
    "load_glossary",
    "make_term",
    "parse_glossary",
]

_COLUMNS = ("en", "ko", "forbidden")
_SPACES = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s\-‐–]+")
_APOSTROPHES = re.compile(r"['’]")


def _en_pattern(variant: str) -> re.Pattern[str]:
    """Whole words, spaces or hyphens between them, an optional plural ending."""
    words = [w for w in _WORD_SPLIT.split(variant.strip()) if w]
    parts = ["['’]?".join(re.escape(piece) for piece in _APOSTROPHES.split(word)) for word in words]
    body = r"[\s\-‐–]+".join(parts)
    acronym = variant.isupper() and sum(c.isalpha() for c in variant) >= 2
    flags = 0 if acronym else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?:e?s)?(?!\w)", flags)


def _squeeze(text: str) -> str:
    return _SPACES.sub("", text)


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        en: the English forms of the term.
        ko: the accepted Korean translations (may be empty).
        forbidden: Korean translations the house style rejects.
        line: the line of the glossary file it came from (0 for built-in terms).
    """

    en: tuple[str, ...]
    ko: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    line: int = 0

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_en_pattern(variant) for variant in self.en)

    def en_match(self, text: str) -> str | None:
        """The English form of the term as written in ``text``, if it occurs."""
        for pattern in self._patterns:
            if found := pattern.search(text):
                return found.group(0)
        return None

    def ko_match(self, text: str) -> str | None:
        """The accepted Korean variant found in ``text`` (spaces ignored), if any."""
        squeezed = _squeeze(text)
        return next((v for v in self.ko if _squeeze(v) in squeezed), None)

    def forbidden_match(self, text: str) -> str | None:
        """The forbidden variant found in ``text`` outside any accepted variant."""
        squeezed = _squeeze(text)
        for accepted in sorted(self.ko, key=len, reverse=True):
            squeezed = squeezed.replace(_squeeze(accepted), "\0")
        return next((v for v in self.forbidden if _squeeze(v) in squeezed), None)


def make_term(en: str, ko: str, forbidden: str = "", line: int = 0) -> Term:
    """A :class:`Term` from glossary cells, variants separated by ``|``.

    Example:
        >>> make_term("Workers' Party", "노동당", "로동당").ko
        ('노동당',)
    """

    def split(cell: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in cell.split("|") if v.strip())

    return Term(split(en), split(ko), split(forbidden), line)


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


def _parse_row(path: Path, row: Sequence[str], columns: int, line: int) -> Term | None:
    if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
        return None
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


def parse_glossary(text: str, path: Path) -> tuple[Term, ...]:
    """Read the rows of a glossary file's text.

    Args:
        text: the decoded file content.
        path: the file, for messages and to choose the delimiter (``.tsv``:
            tab; otherwise a tab in the header, else comma).

    Returns:
        The terms in file order; blank rows and rows starting with ``#`` are skipped.

    Raises:
        ConfigError: the header is not ``en,ko[,forbidden]`` or a row is malformed.
    """
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(path, header_line))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ConfigError(f"{path}:{reader.line_num}: cannot parse glossary: {exc}") from None
    if not rows:
        raise ConfigError(f"{path}: glossary is empty; it needs the header 'en,ko,forbidden'")
    columns = _check_header(path, rows[0])
    terms = (_parse_row(path, row, columns, n) for n, row in enumerate(rows[1:], start=2))
    return tuple(term for term in terms if term is not None)


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> Glossary:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: glossary is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary: {exc.strerror}") from None
    return Glossary(path, parse_glossary(text.replace("\r\n", "\n"), path))


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
        (Term(en=("Workers' Party",), ko=('노동당',), forbidden=('로동당',), line=2),)
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary: {exc.strerror}") from None
    if not path.is_file():
        raise ConfigError(f"{path}: glossary is not a file")
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


def _variants(values: Sequence[str]) -> str:
    return " or ".join(_quote(v) for v in values)


def _term_flags(term: Term, src_text: str, tgt_text: str, bead: Bead) -> Iterator[Flag]:
    written = term.en_match(src_text)
    if written is None:
        return
    where = f" (glossary line {term.line})" if term.line else ""
    if term.ko and term.ko_match(tgt_text) is None:
        yield Flag(
            "terminology",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            f"EN {_quote(written)} should be translated as {_variants(term.ko)}{where}; "
            f"KO has none of them: {_quote(tgt_text)}",
        )
    if (bad := term.forbidden_match(tgt_text)) is not None:
        instead = f" (use {_variants(term.ko)})" if term.ko else ""
        yield Flag(
            "terminology",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            f"KO uses {_quote(bad)} for EN {_quote(written)}, which the glossary "
            f"forbids{instead}{where}",
        )


@register("terminology", Severity.ERROR)
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
        src_text, tgt_text = doc.src_text(bead), doc.tgt_text(bead)
        for term in glossary.terms:
            yield from _term_flags(term, src_text, tgt_text, bead)
