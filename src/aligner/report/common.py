"""What several writers read off a checked document: the flags touching each
bead, a side's text and line numbers, the file and line a flag points at, the
sentence a flag is about, and a short description of every flag type."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from aligner.io import printable
from aligner.models import Bead, Document, DocumentResult, Flag, Severity
from aligner.report.json_report import severity_counts

# One line per flag type, as the README's "What is flagged" table says; SARIF
# rules and the Markdown legend use them.
FLAG_DESCRIPTIONS = {
    "missing": "A sentence whose counterpart was dropped from the other language.",
    "extra": "A sentence with no counterpart that does not fit its surroundings (an insertion).",
    "unaligned": "A sentence with no counterpart; the document cannot tell missing from extra.",
    "truncated": "A line cut short: a dangling comma or quote, or far shorter than its pair.",
    "partial": "A clause of one side of a pair that the other does not translate.",
    "mistranslation": (
        "An aligned pair whose similarity is below the model's threshold, or where one "
        "side negates what the other states or gives the opposite outcome."
    ),
    "number_mismatch": "A number, date, amount or percentage that differs between the languages.",
    "reordered": "A sentence translated out of order: moved, or swapped with its neighbour.",
    "boilerplate": "A caption, credit, link or related-stories line, left out of the checks.",
    "terminology": "A glossary term translated otherwise than the glossary requires.",
    "untranslated": "A sentence copied from the other side, or not in its language's script.",
    "named_entity": "A name, acronym or link on one side of a pair and absent on the other.",
    "whitespace": "Doubled spaces, tabs or odd space characters inside a sentence.",
    "repeated_word": "A word typed twice in a row, where the other side repeats nothing.",
    "unbalanced": "Brackets or quotes unbalanced on one side of a pair and balanced on the other.",
    "punctuation": "A question on one side of a pair that the other side turns into a statement.",
    "consistency": "A source sentence translated otherwise here than elsewhere in the run.",
}


def findings(flags: Iterable[Flag]) -> list[Flag]:
    """The flags a code-scanning or code-quality view shows: all but ``boilerplate``,
    which marks a line set aside (a caption, a byline), not a problem; as an alert
    on every caption it would bury the findings."""
    return [flag for flag in flags if flag.type != "boilerplate"]


def flags_by_bead(beads: Sequence[Bead], flags: Iterable[Flag]) -> list[list[Flag]]:
    """For each bead, the flags naming at least one of its sentences.

    Unlike :func:`aligner.report.json_report.place_flags`, a flag spanning
    several beads (a reordered pair, say) is listed under every one of them,
    so a row-per-bead format never loses it.
    """
    src_owner = {i: k for k, bead in enumerate(beads) for i in bead.src}
    tgt_owner = {j: k for k, bead in enumerate(beads) for j in bead.tgt}
    touching: list[list[Flag]] = [[] for _ in beads]
    for flag in flags:
        owners = {src_owner[i] for i in flag.src if i in src_owner}
        owners |= {tgt_owner[j] for j in flag.tgt if j in tgt_owner}
        for k in sorted(owners):
            touching[k].append(flag)
    return touching


def bead_rows(doc: DocumentResult) -> Iterator[tuple[int, Bead, list[Flag]]]:
    """Each bead of a document with its 0-based index and the flags touching it."""
    touching = flags_by_bead(doc.beads, doc.flags)
    for k, (bead, flags) in enumerate(zip(doc.beads, touching, strict=True)):
        yield k, bead, flags


def side_text(doc: Document, indices: Iterable[int]) -> str:
    """The sentences at ``indices`` joined by a space (unknown indices skipped)."""
    return " ".join(doc.sentences[i].text for i in indices if 0 <= i < len(doc.sentences))


def side_lines(doc: Document, indices: Iterable[int]) -> list[int]:
    """The 1-based line numbers of the sentences at ``indices``."""
    return [doc.sentences[i].line for i in indices if 0 <= i < len(doc.sentences)]


def flag_where(result: DocumentResult, flag: Flag) -> str:
    """``EN en/a.txt:3, KO ko/a.txt:4``: every sentence a flag names."""
    refs = [
        f"{doc.lang.upper()} {printable(doc.path)}:{n}"
        for doc, indices in ((result.src, flag.src), (result.tgt, flag.tgt))
        # two sentences of one line are one place
        for n in dict.fromkeys(side_lines(doc, indices))
    ]
    return ", ".join(refs)


def flag_anchor(result: DocumentResult, flag: Flag) -> tuple[Document, int] | None:
    """The sentence a flag is about, where code scanning and annotations show it
    (and a pull request that edits only that file sees it): the side its subject
    names (a cut English line, doubled spaces in the Korean); else, for a flag on a
    pair, the translation's first sentence, since a number, name, term or meaning
    that differs is the translation's to fix; else the one side it names (a
    sentence with no counterpart, boilerplate). None when it names no sentence."""
    named = flag.named_side
    first = named[0] if named else ("tgt" if flag.tgt else "src")
    sentence = named[1] if named else None
    for side in (first, "src" if first == "tgt" else "tgt"):
        doc, indices = (result.src, flag.src) if side == "src" else (result.tgt, flag.tgt)
        if side == first and sentence is not None and sentence < len(indices):
            indices = (indices[sentence], *indices)
        valid = [i for i in indices if 0 <= i < len(doc.sentences)]
        if valid:
            return doc, valid[0]
    return None


def count_line(flags: Iterable[Flag]) -> str:
    """``1 error, 0 warning, 8 info``: live (not waived) flags per severity, worst first."""
    counts = severity_counts(flags)
    return ", ".join(
        f"{counts[s.value]} {s.value}" for s in sorted(Severity, key=lambda s: -s.rank)
    )


def worst(flags: Iterable[Flag]) -> Severity | None:
    """The highest severity among ``flags``, or None."""
    return max((f.severity for f in flags), key=lambda s: s.rank, default=None)


def verdict(result: DocumentResult) -> str:
    """``PASS`` or ``FAIL``."""
    return "PASS" if result.passed else "FAIL"
