"""Desk tests: faithful stories that must pass, and copies with planted faults.

Each folder of ``benchmarks/desk`` is one desk test, written by a tester playing
a newsroom desk: ``en/`` and ``ko/`` hold faithful EN/KO stories (natural
paragraphs, the Korean merging, splitting and reordering clauses as translators
do), ``faulty*/`` copies of some of them with faults planted in the Korean,
listed in ``FAULTS.md``, and ``glossary.csv`` the desk's glossary, if any. The
script checks each folder as ``aligner check`` would (default settings, the
glossary given) and prints:

* the faithful stories that fail the gate, with their error flags (each is a
  false error: the stories are faithful);
* for each faulty story, the flags it has that its faithful version has not
  (line numbers left out of the comparison, as planting shifts them): read them
  against ``FAULTS.md`` to see which planted fault each catches.

    python benchmarks/desk.py [FOLDER ...]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from aligner.api import check_paths
from aligner.config import Settings
from aligner.models import DocumentResult, RunResult

DESK = Path(__file__).resolve().parent / "desk"
_NUMBERS = re.compile(r"\b(?:line|sentence|lines) \d+|\(similarity [^)]*\)")


def _run(folder: Path, en: Path, ko: Path) -> RunResult:
    glossary = folder / "glossary.csv"
    settings = Settings(glossary=glossary if glossary.exists() else None, jobs=1)
    return check_paths(en, ko, settings=settings)


def _flags(doc: DocumentResult) -> set[tuple[str, str, str]]:
    """(severity, type, message without line numbers) of the open flags that count."""
    return {
        (f.severity.value, f.type, _NUMBERS.sub("#", f.message))
        for f in doc.flags
        if f.severity.value != "info" and not f.waived
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folders", nargs="*", type=Path, default=sorted(DESK.iterdir()))
    args = parser.parse_args()
    for folder in args.folders:
        faithful = _run(folder, folder / "en", folder / "ko")
        passed = sum(d.passed for d in faithful.documents)
        print(f"{folder.name}: faithful stories passing {passed}/{len(faithful.documents)}")
        for doc in faithful.documents:
            for severity, kind, message in sorted(_flags(doc)):
                if severity == "error":
                    print(f"  false error {doc.pair.name}: {kind}: {message}")
        clean = {d.pair.name: _flags(d) for d in faithful.documents}
        for planted in sorted(folder.glob("faulty*")):
            run = _run(folder, planted / "en", planted / "ko")
            failing = sum(not d.passed for d in run.documents)
            print(f"  {planted.name}: {failing}/{len(run.documents)} stories fail the gate")
            for doc in run.documents:
                new = sorted(_flags(doc) - clean.get(doc.pair.name, set()))
                print(f"    {doc.pair.name}: {len(new) or 'no'} new flag(s)")
                for severity, kind, message in new:
                    print(f"      {severity}: {kind}: {message[:160]}")


if __name__ == "__main__":
    main()
