"""Hand-made aligned documents for check tests: one bead per (EN, KO) pair."""

from __future__ import annotations

from pathlib import Path

from aligner.models import Bead, Document, Flag, Sentence
from aligner.qa.registry import AlignedDocument


def document(lang: str, texts: list[str]) -> Document:
    sentences = tuple(Sentence(i, text, i + 1, 0, len(text)) for i, text in enumerate(texts))
    return Document(Path(f"doc.{lang}"), lang, sentences)


def aligned(pairs: list[tuple[str, str]]) -> AlignedDocument:
    """One 1-1 bead per pair; an empty string leaves that side of the bead empty."""
    en: list[str] = []
    ko: list[str] = []
    beads = []
    for src, tgt in pairs:
        beads.append(Bead((len(en),) if src else (), (len(ko),) if tgt else (), 1.0))
        en += [src] if src else []
        ko += [tgt] if tgt else []
    return AlignedDocument(document("en", en), document("ko", ko), tuple(beads))


def spanned(doc: AlignedDocument, flag: Flag) -> list[tuple[str, str]]:
    """The words a flag's spans cover, as ``(side, text)`` in the flag's order."""
    sides = {"src": doc.src, "tgt": doc.tgt}
    return [
        (span.side, sides[span.side].sentences[span.sentence].text[span.start : span.end])
        for span in flag.spans
    ]
