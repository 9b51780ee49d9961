"""Run aligner on the ../shared/eval benchmark and print the scorer's summary.

Same pipeline as ``aligner align EN KO --presegmented --format json`` for each
document, with the model loaded once. Prints timings of embedding and
alignment separately.

    python benchmarks/eval_dev.py [--eval-dir ../shared/eval] [--set dev --set dev-long]
                                  [--model NAME] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aligner import api, report
from aligner.config import Settings
from aligner.embed import Encoder
from aligner.models import DocumentPair

ROOT = Path(__file__).resolve().parent.parent


class TimedEncoder:
    """Wraps an encoder to add up the time spent embedding."""

    def __init__(self, inner: Encoder) -> None:
        self.inner, self.name, self.seconds = inner, inner.name, 0.0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - start


def predict(gold_dir: Path, out_dir: Path, encoder: TimedEncoder, settings: Settings) -> float:
    start = time.perf_counter()
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:  # a wrong --eval-dir scored nothing and printed only timings
        sys.exit(f"{gold_dir}: no *.gold.json documents (give --eval-dir)")
    for gold in golds:
        doc_id = gold.name[: -len(".gold.json")]
        src = api.load_document(gold_dir / f"{doc_id}.en", "en", settings=settings)
        tgt = api.load_document(gold_dir / f"{doc_id}.ko", "ko", settings=settings)
        pair = DocumentPair(doc_id, src.path, tgt.path)
        result = api.check_documents(src, tgt, pair, encoder=encoder, settings=settings)
        data = report.document_to_dict(result, signature="")
        (out_dir / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--set", dest="sets", action="append", default=None)
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--keep", type=Path, help="Keep predictions in this folder.")
    args = parser.parse_args()
    settings = Settings(model=args.model, presegmented=True, boilerplate=())
    encoder = TimedEncoder(api.load_encoder(settings.model))
    score_args = [sys.executable, str(args.eval_dir / "score.py")]
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets or ["dev", "dev-long"]:
            out = (args.keep or Path(tmp)) / name
            out.mkdir(parents=True, exist_ok=True)
            before = encoder.seconds
            total = predict(args.eval_dir / name, out, encoder, settings)
            embed = encoder.seconds - before
            print(
                f"{name}: total {total:.1f} s = embedding {embed:.1f} s "
                f"+ alignment/QA {total - embed:.1f} s"
            )
            score_args += ["-g", str(args.eval_dir / name), "-p", str(out)]
        result = subprocess.run(score_args, capture_output=True, text=True, check=False)
    print(result.stdout.rstrip())


if __name__ == "__main__":
    main()
