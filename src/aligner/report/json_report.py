"""JSON reports: one file per document and a run summary, plus their JSON Schema.

The document report is a contract read by other tools and by the benchmark
scorer, so its field names are stable and versioned by :data:`SCHEMA_VERSION`.
Index lists of alignments and flags are keyed by the documents' language codes
(``"en"`` / ``"ko"`` by default). Output is deterministic: sorted keys, fixed
indentation, no timestamps, so two runs on the same input are byte-identical.

The schema file ``schemas/report.schema.json`` describes the document report at
its top level and the run summary under ``$defs/summary``.

Files are named twice when they lie in a git work tree: ``files`` as the run was
given them (a script in the folder the run started in opens them), ``repo_files``
relative to the top of the work tree, as SARIF, JUnit and annotations name them
(a script matching a pull request's changed files compares them).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from aligner.changes import WorkTrees
from aligner.errors import ConfigError
from aligner.io import printable, write_atomic
from aligner.models import (
    Bead,
    DocumentResult,
    Flag,
    InputProblem,
    RunResult,
    Sentence,
    Severity,
    Span,
)
from aligner.waivers import flag_fingerprint, waiver_entry

SCHEMA_VERSION = "1.5"

# Keys that sit next to the language-keyed index lists; a language code equal
# to one of them would overwrite a field.
_RESERVED_KEYS = frozenset(
    {
        "score",
        "flags",
        "type",
        "severity",
        "message",
        "fingerprint",
        "waived",
        "waiver_reason",
        "spans",
    }
)


def document_to_dict(
    result: DocumentResult, *, signature: str, trees: WorkTrees | None = None
) -> dict[str, Any]:
    """Turn one checked document into the versioned report structure.

    Args:
        result: The aligned and checked document pair.
        signature: What produced the result (aligner version, model, thresholds).
        trees: Where to look up the git work trees of the files, for ``repo_files``
            (left out without it, as for a story held in memory).

    Returns:
        A JSON-ready dict; see ``schemas/report.schema.json``.

    Raises:
        ConfigError: The two languages are equal or clash with a report field
            name, so their index lists cannot be told apart.

    Example:
        >>> document_to_dict(result, signature="aligner|model:muse-v3|v:0.1.0")["alignments"][0]
        ... # doctest: +SKIP
        {'en': [0], 'ko': [0], 'score': 0.8123, 'flags': []}
    """
    src_key, tgt_key = language_keys(result)
    placed = place_flags(result.beads, result.flags)
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": signature,
        "document": result.pair.name,
        # the name the fingerprints are computed over, when the waiver file gives another
        **({"waiver_document": result.pair.key} if result.pair.key != result.pair.name else {}),
        "languages": {"src": result.src.lang, "tgt": result.tgt.lang},
        "files": {"src": printable(result.pair.src_path), "tgt": printable(result.pair.tgt_path)},
        **_repo_files(result, trees),
        "score": round(result.score, 4),
        "passed": result.passed,
        "failures": list(result.failures),
        "counts": {
            "sentences": {"src": len(result.src.sentences), "tgt": len(result.tgt.sentences)},
            "flags": flag_counts(result.flags),
            "severities": severity_counts(result.flags),
            "waived": waived_count(result.flags),
        },
        "alignments": [
            _bead_to_dict(bead, (src_key, tgt_key), [f for f, k in placed if k == i])
            for i, bead in enumerate(result.beads)
        ],
        "flags": [
            _flag_to_dict(result, flag, (src_key, tgt_key), flag_fingerprint(result, flag))
            for flag in result.flags
        ],
        "sentences": {
            "src": [_sentence_to_dict(s) for s in result.src.sentences],
            "tgt": [_sentence_to_dict(s) for s in result.tgt.sentences],
        },
    }


def run_to_dict(
    run: RunResult,
    *,
    reports: Mapping[str, Mapping[str, str]] | None = None,
    trees: WorkTrees | None = None,
) -> dict[str, Any]:
    """Summarise a run: the overall verdict, each document and the input problems.

    Args:
        run: The checked documents and the files that could not be checked.
        reports: Optional document name -> ``{"json": path, "html": path}`` of
            its report files, stored as each document's ``report``.
        trees: Where to look up the git work trees of the input problems' files,
            for their ``repo_path``.

    Returns:
        A JSON-ready dict; see ``$defs/summary`` in ``schemas/report.schema.json``.
    """
    reports = reports or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": run.signature,
        "passed": run.passed,
        "documents": [_summary_entry(doc, reports.get(doc.pair.name)) for doc in run.documents],
        "problems": [_problem_entry(p, trees) for p in run.problems],
        "stale_waivers": [waiver_entry(w) for w in run.stale_waivers],
    }


def write_document_json(
    result: DocumentResult, path: Path, *, signature: str, trees: WorkTrees | None = None
) -> None:
    """Write one document's JSON report atomically.

    Args:
        result: The checked document pair.
        path: Where to write; parent folders are created.
        signature: What produced the result.
        trees: See :func:`document_to_dict`.

    Raises:
        ConfigError: See :func:`document_to_dict`.
    """
    write_atomic(path, dumps(document_to_dict(result, signature=signature, trees=trees)))


def write_summary_json(
    run: RunResult,
    path: Path,
    *,
    reports: Mapping[str, Mapping[str, str]] | None = None,
    trees: WorkTrees | None = None,
) -> None:
    """Write the run summary atomically.

    Args:
        run: The run to summarise.
        path: Where to write; parent folders are created.
        reports: Optional report file paths per document, see :func:`run_to_dict`.
        trees: See :func:`run_to_dict`.
    """
    write_atomic(path, dumps(run_to_dict(run, reports=reports, trees=trees)))


def load_schema() -> dict[str, Any]:
    """Load the JSON Schema (draft 2020-12) shipped with the package.

    Returns:
        The schema of the document report; the run summary's schema is
        ``$defs/summary`` inside it.

    Example:
        >>> load_schema()["$defs"]["summary"]["title"]
        'aligner run summary'
    """
    text = resources.files("aligner").joinpath("schemas/report.schema.json").read_text("utf-8")
    schema = json.loads(text)
    if not isinstance(schema, dict):  # only a broken install gets here
        raise TypeError("report.schema.json does not hold a JSON object")
    return schema


def dumps(data: Mapping[str, Any]) -> str:
    """Serialise deterministically; NaN is refused because it is not valid JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def language_keys(result: DocumentResult) -> tuple[str, str]:
    """The keys of the src and tgt index lists, checked to be usable.

    Raises:
        ConfigError: The languages are equal or clash with a report field name.
    """
    src, tgt = result.src.lang, result.tgt.lang
    if src == tgt or {src, tgt} & _RESERVED_KEYS:
        raise ConfigError(
            f"cannot write a report for languages {src!r} and {tgt!r}: the two "
            f"language codes must differ and not be one of {sorted(_RESERVED_KEYS)}; "
            "set src_lang / tgt_lang to codes such as 'en' and 'ko'"
        )
    return src, tgt


def place_flags(beads: Sequence[Bead], flags: Iterable[Flag]) -> list[tuple[Flag, int | None]]:
    """Pair each flag with the index of the one bead holding all its sentences.

    A flag with no sentences, or whose sentences span several beads, gets
    ``None``: it belongs to no single row and is reported on its own.
    """
    src_owner = {i: k for k, bead in enumerate(beads) for i in bead.src}
    tgt_owner = {j: k for k, bead in enumerate(beads) for j in bead.tgt}
    placed: list[tuple[Flag, int | None]] = []
    for flag in flags:
        owners = {src_owner.get(i) for i in flag.src} | {tgt_owner.get(j) for j in flag.tgt}
        placed.append((flag, owners.pop() if len(owners) == 1 else None))
    return placed


def flag_counts(flags: Iterable[Flag]) -> dict[str, int]:
    """Number of flags per type, waived ones included."""
    return dict(sorted(Counter(flag.type for flag in flags).items()))


def severity_counts(flags: Iterable[Flag]) -> dict[str, int]:
    """Number of live (not waived) flags per severity, every severity present
    (zero if unused): the flags the gate counts."""
    counts = Counter(flag.severity for flag in flags if not flag.waived)
    return {severity.value: counts[severity] for severity in Severity}


def waived_count(flags: Iterable[Flag]) -> int:
    """Number of waived flags."""
    return sum(flag.waived for flag in flags)


def _repo_files(result: DocumentResult, trees: WorkTrees | None) -> dict[str, Any]:
    """``{"repo_files": {"src": ..., "tgt": ...}}``, each side whose file lies in a git
    work tree, or nothing."""
    sides = {"src": result.pair.src_path, "tgt": result.pair.tgt_path}
    named = {
        side: printable(in_tree.as_posix())
        for side, path in sides.items()
        if trees is not None and (in_tree := trees.relative(path)) is not None
    }
    return {"repo_files": named} if named else {}


def _problem_entry(problem: InputProblem, trees: WorkTrees | None) -> dict[str, str]:
    entry = {"path": problem.path, "message": problem.message}
    if trees is not None and (in_tree := trees.relative(Path(problem.path))) is not None:
        entry["repo_path"] = printable(in_tree.as_posix())
    return entry


def _bead_to_dict(bead: Bead, keys: tuple[str, str], flags: Sequence[Flag]) -> dict[str, Any]:
    return {
        keys[0]: list(bead.src),
        keys[1]: list(bead.tgt),
        "score": round(bead.similarity, 4),
        "flags": sorted({flag.type for flag in flags}),
    }


def _flag_to_dict(
    result: DocumentResult, flag: Flag, keys: tuple[str, str], fingerprint: str
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": flag.type,
        "severity": flag.severity.value,
        keys[0]: list(flag.src),
        keys[1]: list(flag.tgt),
        "message": flag.message,
        "fingerprint": fingerprint,
        "waived": flag.waived,
    }
    if flag.waived:
        data["waiver_reason"] = flag.waiver_reason
    if flag.spans:
        data["spans"] = [_span_to_dict(result, span) for span in flag.spans]
    return data


def _span_to_dict(result: DocumentResult, span: Span) -> dict[str, Any]:
    sentences = (result.src if span.side == "src" else result.tgt).sentences
    text = sentences[span.sentence].text if 0 <= span.sentence < len(sentences) else ""
    return {
        "side": span.side,
        "sentence": span.sentence,
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
    }


def _sentence_to_dict(sentence: Sentence) -> dict[str, Any]:
    return {
        "index": sentence.index,
        "line": sentence.line,
        "text": sentence.text,
        "boilerplate": sentence.boilerplate,
    }


def _summary_entry(doc: DocumentResult, report: Mapping[str, str] | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "document": doc.pair.name,
        "score": round(doc.score, 4),
        "passed": doc.passed,
        "failures": list(doc.failures),
        "flags": flag_counts(doc.flags),
        "severities": severity_counts(doc.flags),
        "waived": waived_count(doc.flags),
    }
    if report:
        entry["report"] = dict(report)
    return entry
