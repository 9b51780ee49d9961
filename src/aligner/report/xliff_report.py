"""XLIFF 2.1 of the aligned pairs of a run, with the QA flags as ITS 2.0
Localization Quality Issue markup, for review in CAT and QA tools.

One ``<file>`` per document (``original`` = its relative path, a note with the
verdict, score and signature) and one ``<unit>`` per bead (ids ``u1``... in
document order, the HTML page's row numbers) holding one segment: the English
sentences as ``<source>``, the Korean as ``<target>``. A unit's flags mark its
whole target with ``<mrk type="its:generic">``: one flag as
``its:locQualityIssueType`` / ``Comment`` / ``Severity`` attributes, several as
an ``<its:locQualityIssues>`` stand-off list in the unit referenced by
``its:locQualityIssuesRef``. A waived flag's issue has
``locQualityIssueEnabled="no"`` (ITS: the issue was reviewed and accepted). A
missing translation is an empty ``<mrk>`` in an empty target, so the issue sits
where the text should be.

Characters XML 1.0 cannot hold are written as XLIFF ``<cp hex="..."/>`` in
source and target, and as U+FFFD in notes and attributes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from aligner.io import write_atomic
from aligner.models import Bead, DocumentResult, Flag, RunResult, Severity
from aligner.report.common import bead_rows, side_lines, side_text, verdict
from aligner.report.xmlutil import ILLEGAL_XML, element, serialize

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps the 2.0 namespace
ITS_NS = "http://www.w3.org/2005/11/its"

# Flag type -> ITS 2.0 locQualityIssueType. Types not listed are "uncategorized".
ISSUE_TYPES = {
    "missing": "omission",
    "extra": "addition",
    "unaligned": "other",  # an omission or an addition: the document cannot tell which
    "truncated": "omission",
    "partial": "other",  # a clause left out or added: the flag's subject says which
    "mistranslation": "mistranslation",
    "untranslated": "untranslated",
    "number_mismatch": "numbers",
    "reordered": "other",
    "boilerplate": "locale-specific-content",
    "terminology": "terminology",
    "named_entity": "inconsistent-entities",
    "whitespace": "whitespace",
    "repeated_word": "duplication",
    "unbalanced": "typographical",
    "punctuation": "typographical",
    "consistency": "inconsistency",
}
# ITS severities run from 0 (least) to 100 (most severe).
ISSUE_SEVERITY = {Severity.ERROR: "100", Severity.WARNING: "50", Severity.INFO: "10"}
_INLINE = ("source", "target", "mrk")


def render_xliff(run: RunResult, *, src_lang: str = "en", tgt_lang: str = "ko") -> str:
    """The run as XLIFF 2.1 text.

    Args:
        run: The checked documents. XLIFF needs at least one ``<file>``, so a run
            without documents gives a document that parses but does not validate.
        src_lang: ``srcLang`` when the run has no documents to take it from.
        tgt_lang: ``trgLang`` likewise.
    """
    if run.documents:
        src_lang, tgt_lang = run.documents[0].src.lang, run.documents[0].tgt.lang
    root = element(
        None,
        "xliff",
        attrib={
            "xmlns": XLIFF_NS,
            "xmlns:its": ITS_NS,
            "version": "2.1",
            "srcLang": src_lang,
            "trgLang": tgt_lang,
            "its:version": "2.0",
            # a doubled space or a tab is what a whitespace flag points at: a CAT
            # tool may collapse them unless told to keep them
            "xml:space": "preserve",
        },
    )
    for f, doc in enumerate(run.documents, start=1):
        _file(root, f, doc, run.signature)
    return serialize(root, inline=_INLINE)


def write_xliff(run: RunResult, path: Path) -> None:
    """Write the run as XLIFF 2.1 with ITS quality issues atomically.

    Args:
        run: The checked documents.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_xliff(run))


def issue_type(flag_type: str) -> str:
    """The ITS ``locQualityIssueType`` of a flag type."""
    return ISSUE_TYPES.get(flag_type, "uncategorized")


def _file(root: ET.Element, f: int, doc: DocumentResult, signature: str) -> None:
    node = element(root, "file", attrib={"id": f"f{f}", "original": doc.pair.name})
    notes = element(node, "notes")
    summary = f"{verdict(doc)}, score {doc.score:.4f}; {signature}"
    element(notes, "note", summary, attrib={"category": "aligner"})
    for k, bead, flags in bead_rows(doc):
        _unit(node, f"f{f}-u{k + 1}", k, doc, bead, flags)


def _unit(
    file: ET.Element, xml_id: str, k: int, doc: DocumentResult, bead: Bead, flags: list[Flag]
) -> None:
    unit = element(file, "unit", attrib={"id": f"u{k + 1}", "name": f"row {k + 1}"})
    if len(flags) > 1:  # stand-off issues come first: unit extensions precede <notes>
        issues = element(unit, "its:locQualityIssues", attrib={"xml:id": f"lqi-{xml_id}"})
        for flag in flags:
            element(issues, "its:locQualityIssue", attrib=_issue(flag, prefix=""))
    notes = element(unit, "notes")
    element(notes, "note", _bead_note(doc, bead), attrib={"category": "aligner"})
    segment = element(unit, "segment", attrib={"id": "s1"})
    if bead.tgt:
        segment.set("state", "translated")
    _add_text(element(segment, "source"), side_text(doc.src, bead.src))
    target = element(segment, "target")
    if flags:
        target = _marker(target, flags, xml_id)
    _add_text(target, side_text(doc.tgt, bead.tgt))


def _marker(target: ET.Element, flags: list[Flag], xml_id: str) -> ET.Element:
    attrib = {"id": "m1", "type": "its:generic"}
    if len(flags) == 1:
        attrib |= _issue(flags[0], prefix="its:")
    else:
        attrib["its:locQualityIssuesRef"] = f"#its=lqi-{xml_id}"
    return element(target, "mrk", attrib=attrib)


def _issue(flag: Flag, *, prefix: str) -> dict[str, str]:
    issue = {
        f"{prefix}locQualityIssueType": issue_type(flag.type),
        f"{prefix}locQualityIssueComment": f"{flag.type}: {flag.message}",
        f"{prefix}locQualityIssueSeverity": ISSUE_SEVERITY[flag.severity],
    }
    if flag.waived:
        issue[f"{prefix}locQualityIssueEnabled"] = "no"
    return issue


def _bead_note(doc: DocumentResult, bead: Bead) -> str:
    src = ", ".join(map(str, side_lines(doc.src, bead.src))) or "none"
    tgt = ", ".join(map(str, side_lines(doc.tgt, bead.tgt))) or "none"
    similarity = f"; similarity {bead.similarity:.4f}" if bead.src and bead.tgt else ""
    return f"{doc.src.lang.upper()} line(s) {src}; {doc.tgt.lang.upper()} line(s) {tgt}{similarity}"


def _add_text(parent: ET.Element, text: str) -> None:
    """Append ``text`` to ``parent``, each character XML cannot hold as ``<cp>``."""
    last: ET.Element | None = None
    pos = 0
    for match in ILLEGAL_XML.finditer(text):
        _append(parent, last, text[pos : match.start()])
        last = element(parent, "cp", attrib={"hex": f"{ord(match.group()):04X}"})
        pos = match.end()
    _append(parent, last, text[pos:])


def _append(parent: ET.Element, last: ET.Element | None, chunk: str) -> None:
    if last is None:
        parent.text = (parent.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk
