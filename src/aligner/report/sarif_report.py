"""SARIF 2.1.0 log of a run, so code-scanning tools (GitHub code scanning, GitLab,
Azure DevOps, IDE viewers) annotate the exact corpus lines.

One ``result`` per flag but ``boilerplate`` (a line set aside, not a problem: see
:func:`~aligner.report.common.findings`): ``ruleId`` is the flag type (every type is a rule
with a description), ``level`` maps error -> ``error``, warning -> ``warning``,
info -> ``note``; the location is the corpus file and 1-based line of the
sentence the flag is about (:func:`~aligner.report.common.flag_anchor`: the
Korean one of a changed number, the English one of a cut English line), and
every other sentence it names is a related location. A file that could not be
checked is a result of rule ``input-problem`` at its line 1 (code scanning needs a
line). Each flag result carries the
flag's waiver fingerprint in its ``properties`` and, numbered by occurrence within
the document (``<fingerprint>:2`` for the second flag on the same text, as CodeQL
numbers its line hashes), in ``partialFingerprints``: viewers track a result
across runs by it and merge results that share it
and, when waived, an accepted ``external`` suppression with the waiver's reason
as justification: code scanning then shows it as dismissed, not as an alert.
The run's stale waivers are listed in its ``properties``. A corpus file in a git
work tree is named relative to the tree's top folder, as code scanning expects
whatever folder the check ran in; outside one, a relative path stays relative
(to the folder the check ran in) and an absolute one becomes a ``file://`` URI.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aligner import __version__
from aligner.changes import WorkTrees
from aligner.io import printable, write_atomic
from aligner.models import Document, DocumentResult, Flag, InputProblem, RunResult, Severity
from aligner.report.common import FLAG_DESCRIPTIONS, findings, flag_anchor
from aligner.report.json_report import dumps
from aligner.waivers import flag_fingerprint, waiver_entry

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INPUT_RULE = "input-problem"
FINGERPRINT_KEY = "alignerFlag/v2"
_INPUT_DESCRIPTION = "A file that could not be checked: unpaired, unreadable, empty or too large."


def run_to_sarif(run: RunResult) -> dict[str, Any]:
    """The run as a SARIF 2.1.0 log (a JSON-ready dict)."""
    rules = _rules(run)
    index = {rule["id"]: k for k, rule in enumerate(rules)}
    uri = functools.cache(functools.partial(artifact_uri, trees=WorkTrees()))
    results = [result for doc in run.documents for result in _flag_results(doc, index, uri)]
    results += [_problem_result(problem, index, uri) for problem in run.problems]
    driver = {
        "name": "aligner",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": rules,
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "results": results,
                "properties": {
                    "signature": run.signature,
                    "staleWaivers": [waiver_entry(w) for w in run.stale_waivers],
                },
            }
        ],
    }


def render_sarif(run: RunResult) -> str:
    """The SARIF log as deterministic JSON text."""
    return dumps(run_to_sarif(run))


def write_sarif(run: RunResult, path: Path) -> None:
    """Write the run as a SARIF 2.1.0 log atomically.

    Args:
        run: The checked documents and the files that could not be checked.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_sarif(run))


def artifact_uri(path: Path, trees: WorkTrees | None = None) -> str:
    """A corpus path as a SARIF ``artifactLocation.uri``: a percent-encoded
    reference relative to the top of its git work tree (looked up in ``trees``),
    else relative as given, else a ``file://`` URI for an absolute path; a name
    that is not UTF-8 as :func:`~aligner.io.printable` writes it everywhere else."""
    in_tree = trees.relative(path) if trees is not None else None
    path = Path(printable(in_tree if in_tree is not None else path))
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _rules(run: RunResult) -> list[dict[str, Any]]:
    descriptions = dict(FLAG_DESCRIPTIONS)
    for doc in run.documents:
        for flag in findings(doc.flags):
            descriptions.setdefault(flag.type, f"A '{flag.type}' flag.")
    if run.problems:
        descriptions[INPUT_RULE] = _INPUT_DESCRIPTION
    return [
        {"id": rule, "name": rule, "shortDescription": {"text": text}}
        for rule, text in sorted(descriptions.items())
    ]


Uri = Callable[[Path], str]  # a corpus path as an artifact URI, for this run


def _location(uri: Uri, doc: Document, index: int, note: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(doc.path)},
            "region": {"startLine": doc.sentences[index].line},
        }
    }
    if note is not None:
        location["message"] = {"text": note}
    return location


def _flag_results(doc: DocumentResult, index: dict[str, int], uri: Uri) -> Iterator[dict[str, Any]]:
    seen: Counter[str] = Counter()
    for flag in findings(doc.flags):
        result = _flag_result(doc, flag, index, uri)
        key = result["properties"]["fingerprint"]
        seen[key] += 1
        result["partialFingerprints"] = {FINGERPRINT_KEY: f"{key}:{seen[key]}"}
        yield result


def _flag_result(
    doc: DocumentResult, flag: Flag, index: dict[str, int], uri: Uri
) -> dict[str, Any]:
    named = [(doc.src, i) for i in flag.src] + [(doc.tgt, j) for j in flag.tgt]
    named = [(side, i) for side, i in named if 0 <= i < len(side.sentences)]
    anchor = flag_anchor(doc, flag)
    if anchor is not None:
        primary = _location(uri, *anchor)
        named = [(side, i) for side, i in named if not (side is anchor[0] and i == anchor[1])]
    else:  # a flag naming no sentence still points at the document
        primary = {"physicalLocation": {"artifactLocation": {"uri": uri(doc.src.path)}}}
    related = [
        {"id": k, **_location(uri, side, i, f"{side.lang.upper()} sentence {i + 1}")}
        for k, (side, i) in enumerate(named, start=1)
    ]
    result: dict[str, Any] = {
        "ruleId": flag.type,
        "ruleIndex": index[flag.type],
        "level": LEVELS[flag.severity],
        "message": {"text": flag.message or flag.type},
        "locations": [primary],
        "properties": {
            "document": doc.pair.name,
            "src": list(flag.src),
            "tgt": list(flag.tgt),
            "fingerprint": flag_fingerprint(doc, flag),
        },
    }
    if related:
        result["relatedLocations"] = related
    if flag.waived:
        suppression = {"kind": "external", "status": "accepted"}
        result["suppressions"] = [suppression | {"justification": flag.waiver_reason or "waived"}]
    return result


def _problem_result(problem: InputProblem, index: dict[str, int], uri: Uri) -> dict[str, Any]:
    # line 1: code scanning rejects a result without a line (an empty file has none)
    where = {"artifactLocation": {"uri": uri(Path(problem.path))}, "region": {"startLine": 1}}
    return {
        "ruleId": INPUT_RULE,
        "ruleIndex": index[INPUT_RULE],
        "level": "error",
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": where}],
    }
