"""Plain typed dataclasses that flow through the pipeline."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How much a flag matters; ordered error > warning > info."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)

    # by importance, not alphabetically as a str would (max() must give the worst)
    def _versus(self, other: object) -> int | None:
        """This rank minus ``other``'s (a severity or its name), else None."""
        if other not in ("info", "warning", "error"):
            return None
        return self.rank - Severity(other).rank

    def __lt__(self, other: object) -> bool:
        diff = self._versus(other)
        return NotImplemented if diff is None else diff < 0

    def __le__(self, other: object) -> bool:
        diff = self._versus(other)
        return NotImplemented if diff is None else diff <= 0

    def __gt__(self, other: object) -> bool:
        diff = self._versus(other)
        return NotImplemented if diff is None else diff > 0

    def __ge__(self, other: object) -> bool:
        diff = self._versus(other)
        return NotImplemented if diff is None else diff >= 0


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document; ``line`` is 1-based, ``start``/``end`` are char offsets.

    What the markup of a Markdown story said about it: whether it is a ``heading`` or
    a ``list_item`` (neither needs a full stop), and the destinations of its ``links``,
    which its text no longer holds.
    """

    index: int
    text: str
    line: int
    start: int
    end: int
    boilerplate: bool = False
    heading: bool = False
    list_item: bool = False
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    path: Path
    lang: str
    sentences: tuple[Sentence, ...]

    def place(self, index: int) -> str:
        """Where sentence ``index`` is, as an editor finds it: ``line 12``, or
        ``line 12, sentence 2`` when its line (a paragraph) holds several."""
        return self._places[index]

    @functools.cached_property
    def _places(self) -> tuple[str, ...]:
        per_line = Counter(s.line for s in self.sentences)
        seen: Counter[int] = Counter()
        places = []
        for sentence in self.sentences:
            seen[sentence.line] += 1
            many = per_line[sentence.line] > 1
            places.append(
                f"line {sentence.line}" + (f", sentence {seen[sentence.line]}" if many else "")
            )
        return tuple(places)


@dataclass(frozen=True)
class Bead:
    """An n-m alignment unit; empty ``src`` or ``tgt`` marks an insertion or omission."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` (code points) of the ``text`` of one sentence of a
    flag: the sentence of index ``sentence`` on its ``side`` (``"src"`` or ``"tgt"``)."""

    side: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    """One QA finding. ``waived``: an editor accepted it in the waiver file
    (``waiver_reason`` says why); it is still reported but never fails the gate.
    ``subject`` tells apart the flags one check raises on one pair (a glossary term, a
    name, the side of the sentence at fault), so a waiver of one never waives another.
    ``spans`` are the words the flag is about (the numbers that differ, the negated
    verb), where its check knows them, for a report to highlight."""

    type: str
    severity: Severity
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    message: str
    waived: bool = False
    waiver_reason: str = ""
    subject: str = ""
    # where the flag's words are, not what it says: two flags alike but for their
    # spans are one finding (and spans are no part of a waiver's fingerprint)
    spans: tuple[Span, ...] = field(default=(), compare=False)

    @property
    def named_side(self) -> tuple[str, int | None] | None:
        """The side its subject names as the one at fault, ``"src"`` or ``"tgt"``, and
        which sentence of the pair on that side when it says ("src 1": the second), as
        the checks set it (``aligner.qa.registry.sentence_subject``); None for any
        other subject (a glossary term, a name)."""
        found = _SIDE_SUBJECT.fullmatch(self.subject)
        if found is None:
            return None
        return found[1], None if found[2] is None else int(found[2])


_SIDE_SUBJECT = re.compile(r"(src|tgt)(?: (\d+))?")


@dataclass(frozen=True)
class DocumentPair:
    """Two files that hold the same story; ``name`` is the relative path shared by both.

    ``tree_name`` is set on a story checked on its own (named ``story.txt``) when
    the waiver file knows it by the name a run of its tree gives it
    (``world/story.txt``): its waivers and flag fingerprints use that name (``key``).
    """

    name: str
    src_path: Path
    tgt_path: Path
    tree_name: str = ""

    @property
    def key(self) -> str:
        """The document's name in waivers and flag fingerprints."""
        return self.tree_name or self.name


@dataclass(frozen=True)
class DocumentResult:
    pair: DocumentPair
    src: Document
    tgt: Document
    beads: tuple[Bead, ...]
    flags: tuple[Flag, ...]
    score: float
    failures: tuple[str, ...] = ()  # why it fails the gate (see aligner.gate.gate_failures)

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be checked, kept in the run summary."""

    path: str
    message: str
    # the file it lacks, for a file without a translation (not compared: the message
    # names it too)
    counterpart: str = field(default="", compare=False)


@dataclass(frozen=True)
class Waiver:
    """One accepted flag of a waiver file, keyed by ``fingerprint`` (see
    :func:`aligner.waivers.fingerprint`); the texts are there for humans."""

    fingerprint: str
    document: str
    type: str
    src: str
    tgt: str
    reason: str = ""
    subject: str = ""  # the flag's (see Flag); part of the fingerprint when given


@dataclass
class RunResult:
    documents: list[DocumentResult] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    signature: str = ""
    # waivers of the waiver file that matched no flag of the documents they name
    stale_waivers: list[Waiver] = field(default_factory=list)
    # stale waivers ``--update-waivers`` removed from the file
    removed_waivers: list[Waiver] = field(default_factory=list)
    excluded: int = 0  # files of the trees that the exclude globs left out

    @property
    def passed(self) -> bool:
        return not self.problems and all(d.passed for d in self.documents)
