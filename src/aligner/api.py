"""The orchestration users script against: read -> segment -> embed -> align -> qa -> score.

Example:
    >>> from pathlib import Path
    >>> from aligner.api import check_paths, write_reports
    >>> from aligner.config import Settings
    >>> run = check_paths(Path("corpora/en"), Path("corpora/ko"), settings=Settings())
    >>> paths = write_reports(run, settings=Settings())
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

import aligner.qa.alignment  # noqa: F401  (registers the checks)
import aligner.qa.numbers  # noqa: F401
import aligner.qa.truncation  # noqa: F401
from aligner import __version__, report
from aligner.align import AlignParams, align_texts
from aligner.boilerplate import mark_boilerplate
from aligner.config import Settings
from aligner.corpus import pair_documents
from aligner.embed import Encoder, embed_unique, load_encoder
from aligner.errors import AlignerError, InputError
from aligner.gate import document_passes, score_document
from aligner.io import read_text
from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    InputProblem,
    RunResult,
)
from aligner.qa import AlignedDocument, run_checks
from aligner.segment import split_lines, split_sentences

__all__ = [
    "align_documents",
    "check_documents",
    "check_paths",
    "load_document",
    "load_encoder",
    "make_signature",
    "write_reports",
]

# Calibrated on ../shared/eval dev by benchmarks/calibrate.py: the cosine that gives
# the best expected F1 when 1% of aligned pairs are unrelated sentences.
CALIBRATED_MISTRANSLATION = {"muse-v3": 0.19}


def make_signature(settings: Settings, model: str) -> str:
    """``aligner|model:muse-v3@0.2.1|max:3|mt:0.19|fail:error|min:0|v:0.1.0``: what
    produced a result (``mt:auto`` = estimated per document for an uncalibrated model)."""
    items = dict(settings.signature_items())
    items["model"] = model
    if (
        settings.mistranslation_threshold is None
        and model.split("@")[0] in CALIBRATED_MISTRANSLATION
    ):
        items["mt"] = f"{CALIBRATED_MISTRANSLATION[model.split('@')[0]]:g}"
    return "aligner|" + "|".join(f"{k}:{v}" for k, v in items.items()) + f"|v:{__version__}"


def load_document(path: Path, lang: str, *, settings: Settings) -> Document:
    """Read, segment and mark boilerplate in one file.

    Raises:
        InputError: the file cannot be read as text.
    """
    text = read_text(path, encoding=settings.encoding)
    if settings.presegmented:
        sentences = split_lines(text)
    else:
        sentences = split_sentences(text, lang)
    if not sentences:
        raise InputError(f"{path}: no sentences found")
    sentences = mark_boilerplate(sentences, text.split("\n"), settings.boilerplate_patterns)
    return Document(path, lang, tuple(sentences))


def align_documents(
    src: Document, tgt: Document, *, encoder: Encoder, settings: Settings
) -> AlignedDocument:
    """Align the content sentences of two documents; boilerplate sentences become
    1-0 / 0-1 beads in place."""
    src_keep = [s.index for s in src.sentences if not s.boilerplate]
    tgt_keep = [s.index for s in tgt.sentences if not s.boilerplate]
    content, src_vec, tgt_vec = align_texts(
        [src.sentences[i].text for i in src_keep],
        [tgt.sentences[i].text for i in tgt_keep],
        embed=lambda texts: embed_unique(encoder, texts),
        params=AlignParams(max_bead=settings.max_bead),
    )
    beads = _with_boilerplate(content, src, tgt, src_keep, tgt_keep)
    dim = max(src_vec.shape[1], tgt_vec.shape[1], 1)
    return AlignedDocument(
        src,
        tgt,
        tuple(beads),
        src_vectors=_full_rows(src_vec, src_keep, len(src.sentences), dim),
        tgt_vectors=_full_rows(tgt_vec, tgt_keep, len(tgt.sentences), dim),
    )


def _full_rows(rows: np.ndarray, keep: Sequence[int], total: int, dim: int) -> np.ndarray:
    out = np.zeros((total, dim), dtype=np.float32)
    if len(keep):
        out[list(keep)] = rows
    return out


def _with_boilerplate(
    content: Sequence[Bead],
    src: Document,
    tgt: Document,
    src_keep: Sequence[int],
    tgt_keep: Sequence[int],
) -> list[Bead]:
    """Map content beads back to document indices and slot boilerplate in order."""
    src_rest = [s.index for s in src.sentences if s.boilerplate]
    tgt_rest = [s.index for s in tgt.sentences if s.boilerplate]
    out: list[Bead] = []
    for bead in content:
        s = tuple(src_keep[i] for i in bead.src)
        t = tuple(tgt_keep[j] for j in bead.tgt)
        while s and src_rest and src_rest[0] < min(s):
            out.append(Bead((src_rest.pop(0),), (), 0.0))
        while t and tgt_rest and tgt_rest[0] < min(t):
            out.append(Bead((), (tgt_rest.pop(0),), 0.0))
        out.append(Bead(s, t, bead.similarity))
    out += [Bead((i,), (), 0.0) for i in src_rest] + [Bead((), (j,), 0.0) for j in tgt_rest]
    return out


def resolve_threshold(doc: AlignedDocument, settings: Settings, model: str) -> float:
    """The configured threshold, else the model's calibrated one, else a per-document
    estimate halfway between typical aligned and typical unrelated pairs."""
    if settings.mistranslation_threshold is not None:
        return settings.mistranslation_threshold
    base = model.split("@")[0]
    if base in CALIBRATED_MISTRANSLATION:
        return CALIBRATED_MISTRANSLATION[base]
    pairs = [b.similarity for b in doc.beads if len(b.src) == len(b.tgt) == 1]
    if doc.src_vectors is None or doc.tgt_vectors is None or not pairs:
        return 0.0
    unrelated = float(np.median(doc.src_vectors @ doc.tgt_vectors.T))
    return round((unrelated + float(np.median(pairs))) / 2, 4)


def check_documents(
    src: Document, tgt: Document, pair: DocumentPair, *, encoder: Encoder, settings: Settings
) -> DocumentResult:
    """Align one pair, run the QA checks and apply the gate."""
    aligned = align_documents(src, tgt, encoder=encoder, settings=settings)
    threshold = resolve_threshold(aligned, settings, encoder.name)
    flags = run_checks(aligned, dataclasses.replace(settings, mistranslation_threshold=threshold))
    score = score_document(src, tgt, flags)
    return DocumentResult(
        pair,
        src,
        tgt,
        aligned.beads,
        tuple(flags),
        score,
        document_passes(score, flags, settings),
    )


def check_paths(
    src: Path,
    tgt: Path,
    *,
    settings: Settings,
    encoder: Encoder | None = None,
    progress: Callable[[DocumentPair], None] | None = None,
) -> RunResult:
    """Check two files or two trees of documents paired by relative path.

    A document that cannot be read is recorded in ``RunResult.problems`` and the
    others are still checked.

    Raises:
        InputError: the paths themselves are unusable.
        ModelError: the model cannot be loaded.
    """
    pairs, problems = pair_documents(src, tgt)
    encoder = encoder or load_encoder(settings.model)
    run = RunResult(problems=list(problems), signature=make_signature(settings, encoder.name))
    for pair in pairs:
        if progress:
            progress(pair)
        try:
            src_doc = load_document(pair.src_path, settings.src_lang, settings=settings)
            tgt_doc = load_document(pair.tgt_path, settings.tgt_lang, settings=settings)
        except AlignerError as exc:
            run.problems.append(InputProblem(pair.name, str(exc)))
            continue
        run.documents.append(
            check_documents(src_doc, tgt_doc, pair, encoder=encoder, settings=settings)
        )
    return run


def write_reports(run: RunResult, *, settings: Settings) -> list[Path]:
    """Write the per-document and run reports into ``settings.report_dir``.

    Each document gets ``<name>.json`` / ``<name>.html`` (its relative path kept);
    the run gets ``index.html`` and ``summary.json``. Returns the paths written.
    """
    root = settings.report_dir
    written: list[Path] = []
    links: dict[str, str] = {}
    for doc in run.documents:
        base = root / doc.pair.name
        if "json" in settings.formats:
            written.append(base.with_name(base.name + ".json"))
            report.write_document_json(doc, written[-1], signature=run.signature)
        if "html" in settings.formats:
            written.append(base.with_name(base.name + ".html"))
            report.write_document_html(doc, written[-1], signature=run.signature)
            links[doc.pair.name] = written[-1].relative_to(root).as_posix()
    written.append(root / "summary.json")
    report.write_summary_json(run, written[-1])
    if "html" in settings.formats:
        written.append(root / "index.html")
        report.write_index_html(run, written[-1], links=links)
    return written
