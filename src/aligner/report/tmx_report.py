"""TMX 1.4b translation memory of the aligned pairs of a run, for CAT tools.

One ``<tu>`` per bead with sentences on both sides (n-m beads joined with a
space; 1-0 and 0-1 beads have nothing to pair and are skipped), with a
``<tuv xml:lang=...>`` per side and ``<prop>`` elements naming the document, the
row, the similarity and any flags (a waived one's value starts with ``waived``),
so a translator can filter suspect pairs.
``srclang`` is the documents' source language; the header's ``x-signature``
property says what produced the run. No dates are written, so the
file is deterministic. Characters XML 1.0 cannot hold become U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from aligner import __version__
from aligner.io import write_atomic
from aligner.models import Bead, DocumentResult, Flag, RunResult
from aligner.report.common import bead_rows, side_text
from aligner.report.xmlutil import element, serialize

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def render_tmx(run: RunResult, *, src_lang: str = "en") -> str:
    """The aligned pairs as TMX 1.4b text.

    Args:
        run: The checked documents.
        src_lang: ``srclang`` when the run has no documents to take it from.
    """
    first = run.documents[0].src.lang if run.documents else src_lang
    root = element(None, "tmx", attrib={"version": "1.4"})
    header = element(
        root,
        "header",
        attrib={
            "creationtool": "aligner",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "aligner",
            "adminlang": "en",
            "srclang": first,
            "datatype": "plaintext",
        },
    )
    element(header, "prop", run.signature, attrib={"type": "x-signature"})
    body = element(root, "body")
    for doc in run.documents:
        for k, bead, flags in bead_rows(doc):
            if bead.src and bead.tgt:
                _unit(body, doc, k, bead, flags)
    return serialize(root, doctype=DOCTYPE, inline=("seg",))


def write_tmx(run: RunResult, path: Path) -> None:
    """Write the aligned pairs of ``run`` as TMX 1.4b atomically.

    Args:
        run: The checked documents.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_tmx(run))


def _unit(body: ET.Element, doc: DocumentResult, k: int, bead: Bead, flags: list[Flag]) -> None:
    tu = element(body, "tu", attrib={"tuid": f"{doc.pair.name}#{k + 1}"})
    element(tu, "prop", doc.pair.name, attrib={"type": "x-document"})
    element(tu, "prop", str(k + 1), attrib={"type": "x-row"})
    element(tu, "prop", f"{bead.similarity:.4f}", attrib={"type": "x-similarity"})
    for flag in flags:
        element(
            tu,
            "prop",
            f"{'waived ' if flag.waived else ''}{flag.severity.value}: {flag.message}",
            attrib={"type": f"x-flag-{flag.type}"},
        )
    for side, indices in ((doc.src, bead.src), (doc.tgt, bead.tgt)):
        tuv = element(tu, "tuv", attrib={"xml:lang": side.lang})
        element(tuv, "seg", side_text(side, indices))
