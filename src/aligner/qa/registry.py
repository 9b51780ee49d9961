"""The check registry and the aligned-document view that checks read."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from aligner.config import Settings
from aligner.models import Bead, Document, DocumentResult, Flag, Sentence, Severity


@dataclass(frozen=True)
class AlignedDocument:
    """A document pair after alignment: what every check reads."""

    src: Document
    tgt: Document
    beads: tuple[Bead, ...]
    # sentence embeddings (one row per sentence), for checks that compare content
    src_vectors: npt.NDArray[np.float32] | None = None
    tgt_vectors: npt.NDArray[np.float32] | None = None
    # the run's sides swapped (see :func:`run_checks`): ``tgt`` is the original and
    # ``src`` its translation, which a message that says who added what must know
    swapped: bool = False
    # boilerplate sentences of the two sides that translate each other (a caption and
    # its translation, see :func:`aligner.boilerplate.paired_boilerplate`): not aligned,
    # but published copy whose numbers are still compared
    boilerplate_pairs: tuple[Bead, ...] = ()
    # the run's model, for checks that compare what part of a pair says (None: no model)
    embed: Callable[[Sequence[str]], npt.NDArray[np.float32]] | None = None

    def with_sides_swapped(self) -> AlignedDocument:
        """The same pairs seen from the other side: ``tgt`` as ``src`` and back."""
        return AlignedDocument(
            self.tgt,
            self.src,
            tuple(Bead(b.tgt, b.src, b.similarity) for b in self.beads),
            self.tgt_vectors,
            self.src_vectors,
            not self.swapped,
            tuple(Bead(b.tgt, b.src, b.similarity) for b in self.boilerplate_pairs),
            self.embed,
        )

    def boilerplate_as_content(self) -> AlignedDocument:
        """The :attr:`boilerplate_pairs` as the beads of a document in which their
        sentences are content, for a check to read as it reads the story."""
        src_paired = {i for b in self.boilerplate_pairs for i in b.src}
        tgt_paired = {j for b in self.boilerplate_pairs for j in b.tgt}
        return replace(
            self,
            src=_as_content(self.src, src_paired),
            tgt=_as_content(self.tgt, tgt_paired),
            beads=self.boilerplate_pairs,
            boilerplate_pairs=(),
        )

    def src_text(self, bead: Bead) -> str:
        return " ".join(self.src.sentences[i].text for i in bead.src)

    def tgt_text(self, bead: Bead) -> str:
        return " ".join(self.tgt.sentences[j].text for j in bead.tgt)

    def is_content_pair(self, bead: Bead) -> bool:
        """Whether ``bead`` pairs sentences of both sides, none of them boilerplate."""
        return bool(bead.src and bead.tgt) and not any(
            [self.src.sentences[i].boilerplate for i in bead.src]
            + [self.tgt.sentences[j].boilerplate for j in bead.tgt]
        )


Check = Callable[[AlignedDocument, Settings], Iterator[Flag]]
# A cross-document check reads every checked document of a run and yields
# (document name, flag) pairs.
CrossCheck = Callable[[Sequence[DocumentResult], Settings], Iterator[tuple[str, Flag]]]


@dataclass(frozen=True)
class CheckSpec:
    """A registered check. ``langs``: the languages it reads as ``src`` and ``tgt``
    (``("en", "ko")`` for one that looks for English names in the Korean), when its
    rules are written for them; a document the other way round is checked with its
    sides swapped, so that the rules and the messages (EN ..., KO ...) still hold."""

    name: str
    function: Check
    severity: Severity
    langs: tuple[str, str] | None = None


@dataclass(frozen=True)
class CrossCheckSpec:
    name: str
    function: CrossCheck
    severity: Severity


CHECKS: dict[str, CheckSpec] = {}
# Checks that compare documents, run once per run after every document is checked
# (or read from the cache): they are not part of a document's cached result.
CROSS_CHECKS: dict[str, CrossCheckSpec] = {}

# A flag that explains another on the same pair hides it: a cut-off sentence is
# also dissimilar to its translation, but the editor needs to hear it once.
SUPERSEDES = {
    # a cut-off line also leaves its quotes open and its final mark changed
    "truncated": frozenset({"mistranslation", "partial", "unbalanced", "punctuation"}),
    # text left in English keeps its English names and lacks every Korean term of the
    # glossary: one flag says it all
    "untranslated": frozenset({"named_entity", "terminology", "punctuation", "unbalanced"}),
    # an unrelated sentence has other numbers and names: comparing them says nothing
    "mistranslation": frozenset(
        {"number_mismatch", "named_entity", "partial", "punctuation", "unbalanced"}
    ),
}
# ...but a flag about one word of a good translation explains nothing else on its pair:
# a negation the Korean lost, a verdict it reversed or an event it made a plan leaves
# its numbers and names worth reading
NARROW = {"mistranslation": frozenset({"negation", "opposite", "tense", "false friend"})}


def _as_content(document: Document, indices: set[int]) -> Document:
    """``document`` with the sentences ``indices`` no longer boilerplate."""
    sentences = tuple(
        replace(s, boilerplate=False) if s.index in indices else s for s in document.sentences
    )
    return replace(document, sentences=sentences)


def sentence_subject(
    doc: AlignedDocument, bead: Bead, document: Document, sentence: Sentence
) -> str:
    """The ``subject`` of a flag on one sentence of a pair: its side and place in the
    bead ("tgt 1"), which inserting sentences elsewhere does not change."""
    on_src = document is doc.src
    indices = bead.src if on_src else bead.tgt
    return f"{'src' if on_src else 'tgt'} {indices.index(sentence.index)}"


def register(
    name: str, severity: Severity, *, langs: tuple[str, str] | None = None
) -> Callable[[Check], Check]:
    """Decorator adding a check to :data:`CHECKS` under ``name``; ``langs``: see
    :class:`CheckSpec`."""

    def add(function: Check) -> Check:
        CHECKS[name] = CheckSpec(name, function, severity, langs)
        return function

    return add


def register_cross_check(name: str, severity: Severity) -> Callable[[CrossCheck], CrossCheck]:
    """Decorator adding a cross-document check to :data:`CROSS_CHECKS` under ``name``."""

    def add(function: CrossCheck) -> CrossCheck:
        CROSS_CHECKS[name] = CrossCheckSpec(name, function, severity)
        return function

    return add


def run_cross_checks(
    documents: Sequence[DocumentResult], settings: Settings
) -> list[DocumentResult]:
    """Add the flags of every enabled cross-document check to the documents they
    name (severities from settings override the defaults). Scores and verdicts are
    left alone: :func:`aligner.gate.regate` redoes them."""
    found: dict[str, list[Flag]] = {}
    for spec in CROSS_CHECKS.values():
        if spec.name in settings.disabled_checks:
            continue
        severity = Severity(settings.severities.get(spec.name, spec.severity.value))
        for name, flag in spec.function(documents, settings):
            found.setdefault(name, []).append(replace(flag, severity=severity))
    return [
        replace(doc, flags=tuple(sorted([*doc.flags, *found[doc.pair.name]], key=_order)))
        if doc.pair.name in found
        else doc
        for doc in documents
    ]


def _swapped_back(flag: Flag) -> Flag:
    """A flag raised on :meth:`AlignedDocument.with_sides_swapped`, on the document's
    own sides: its indices, the side its subject names ("tgt 1" is "src 1") and the
    sides of its spans."""
    subject = flag.subject
    if (named := flag.named_side) is not None:
        side, sentence = named
        subject = ("tgt" if side == "src" else "src") + ("" if sentence is None else f" {sentence}")
    spans = tuple(replace(s, side="tgt" if s.side == "src" else "src") for s in flag.spans)
    return replace(flag, src=flag.tgt, tgt=flag.src, subject=subject, spans=spans)


def _run_check(spec: CheckSpec, doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """The flags of one check, on the sides it reads (see :class:`CheckSpec`)."""
    if spec.langs is None or (doc.tgt.lang, doc.src.lang) != spec.langs:
        yield from spec.function(doc, settings)
        return
    for flag in spec.function(doc.with_sides_swapped(), settings):
        yield _swapped_back(flag)


SIDES_SWAPPED = "sides swapped"  # the subject of ``untranslated``'s flag for such a document


def run_checks(doc: AlignedDocument, settings: Settings) -> list[Flag]:
    """Run every enabled check; severities from settings override the defaults."""
    flags: list[Flag] = []
    for spec in CHECKS.values():
        if spec.name in settings.disabled_checks:
            continue
        severity = Severity(settings.severities.get(spec.name, spec.severity.value))
        flags.extend(replace(flag, severity=severity) for flag in _run_check(spec, doc, settings))
    hidden = {
        (kind, flag.src, flag.tgt)
        for flag in flags
        if flag.subject not in NARROW.get(flag.type, frozenset())
        for kind in SUPERSEDES.get(flag.type, frozenset())
    }
    kept = [f for f in flags if (f.type, f.src, f.tgt) not in hidden]
    # two checks that reach one finding (a person read by full name and by surname)
    # report it once
    kept = list({(f.type, f.src, f.tgt, f.message): f for f in kept[::-1]}.values())
    # files in each other's language: every other flag reads a file as the wrong language
    swapped = [f for f in kept if f.subject == SIDES_SWAPPED]
    return swapped or sorted(kept, key=_order)


def _order(flag: Flag) -> tuple[int, str]:
    """Flags in document order (first sentence named), then by type."""
    return min(flag.src or flag.tgt or (0,)), flag.type
