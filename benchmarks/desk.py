"""Desk tests: faithful stories that must pass, and copies with planted faults.

Each folder of ``benchmarks/desk`` is one desk test, written by a tester playing
a newsroom desk: ``en/`` and ``ko/`` hold faithful EN/KO stories (natural
paragraphs, the Korean merging, splitting and reordering clauses as translators
do), ``faulty*/`` copies of some of them with faults planted in the Korean,
listed in ``FAULTS.md``, ``glossary.csv`` the desk's glossary and
``aligner.toml`` its settings (``src_lang = "ko"`` for a desk translating Korean
originals), if any. The script checks each folder as ``aligner check`` would
(default settings, the folder's own given) and prints:

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
from dataclasses import replace
from pathlib import Path

from aligner.api import check_paths
from aligner.config import load_config_file, make_settings
from aligner.models import DocumentResult, RunResult

DESK = Path(__file__).resolve().parent / "desk"
_NUMBERS = re.compile(r"\b(?:line|sentence|lines) \d+|\(similarity [^)]*\)")


def _run(folder: Path, stories: Path) -> RunResult:
    """Check ``stories/en`` against ``stories/ko``, source first as the folder's
    ``aligner.toml`` says (a desk translating Korean originals sets ``src_lang = "ko"``)."""
    config = folder / "aligner.toml"
    settings = make_settings(load_config_file(config) if config.exists() else {})
    glossary = folder / "glossary.csv"
    settings = replace(settings, glossary=glossary if glossary.exists() else None, jobs=1)
    return check_paths(stories / settings.src_lang, stories / settings.tgt_lang, settings=settings)


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
        faithful = _run(folder, folder)
        passed = sum(d.passed for d in faithful.documents)
        print(f"{folder.name}: faithful stories passing {passed}/{len(faithful.documents)}")
        for doc in faithful.documents:
            for severity, kind, message in sorted(_flags(doc)):
                if severity == "error":
                    print(f"  false error {doc.pair.name}: {kind}: {message}")
        clean = {d.pair.name: _flags(d) for d in faithful.documents}
        for planted in sorted(folder.glob("faulty*")):
            run = _run(folder, planted)
            failing = sum(not d.passed for d in run.documents)
            print(f"  {planted.name}: {failing}/{len(run.documents)} stories fail the gate")
            for doc in run.documents:
                new = sorted(_flags(doc) - clean.get(doc.pair.name, set()))
                print(f"    {doc.pair.name}: {len(new) or 'no'} new flag(s)")
                for severity, kind, message in new:
                    print(f"      {severity}: {kind}: {message[:160]}")


if __name__ == "__main__":
    main()
