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
import functools
import hashlib
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

import numpy as np

import aligner.qa.alignment  # noqa: F401  (registers the checks)
import aligner.qa.consistency  # noqa: F401
import aligner.qa.datelines  # noqa: F401
import aligner.qa.direction  # noqa: F401
import aligner.qa.entities  # noqa: F401
import aligner.qa.false_friends  # noqa: F401
import aligner.qa.foreign  # noqa: F401
import aligner.qa.glosses  # noqa: F401
import aligner.qa.hygiene  # noqa: F401
import aligner.qa.mistranslation  # noqa: F401
import aligner.qa.namemap  # noqa: F401
import aligner.qa.names  # noqa: F401
import aligner.qa.negation  # noqa: F401
import aligner.qa.numbers  # noqa: F401
import aligner.qa.opposites  # noqa: F401
import aligner.qa.partial  # noqa: F401
import aligner.qa.surnames  # noqa: F401
import aligner.qa.tense  # noqa: F401
import aligner.qa.terminology  # noqa: F401
import aligner.qa.titles  # noqa: F401
import aligner.qa.truncation  # noqa: F401
import aligner.qa.untranslated  # noqa: F401
from aligner import __version__, batch, report
from aligner.align import AlignParams, align_texts
from aligner.boilerplate import mark_boilerplate, paired_boilerplate
from aligner.calibration import Calibration, calibrate, check_prior
from aligner.changes import WorkTrees, changed_files
from aligner.config import Settings, encoding_for
from aligner.corpus import Pairing, pair_documents, pair_tagged, unmatched_globs
from aligner.embed import ClosableEncoder, Encoder, embed_unique, load_encoder
from aligner.embed.cache import CachedEncoder, default_cache_dir, result_digest
from aligner.errors import AlignerError, ConfigError, InputError
from aligner.gate import gate_failures, regate, score_document
from aligner.io import check_writable_dir, printable, read_text
from aligner.markdown import MARKDOWN_SUFFIXES, mark_markup, read_markdown
from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    InputProblem,
    RunResult,
    Sentence,
    Severity,
    Waiver,
)
from aligner.qa import AlignedDocument, run_checks
from aligner.qa.negation import MARGIN
from aligner.qa.numerals import number_readers
from aligner.qa.registry import CROSS_CHECKS, run_cross_checks
from aligner.qa.terminology import load_glossary
from aligner.report.manifest import MANIFEST_NAME, ReportManifest
from aligner.segment import (
    ends_without_stop,
    for_comparison,
    split_lines,
    split_sentences,
)
from aligner.waivers import (
    apply_waivers,
    as_in_its_tree,
    known_as,
    load_waivers,
    merge_waivers,
    tree_prefix,
    write_waivers,
)

__all__ = [
    "align_documents",
    "calibrate_paths",
    "changed_documents",
    "changed_settings_files",
    "check_documents",
    "check_paths",
    "check_report_dir",
    "check_texts",
    "find_pairs",
    "load_document",
    "load_encoder",
    "make_signature",
    "open_encoder",
    "parse_document",
    "remove_stale_reports",
    "render_report",
    "stdout_format",
    "warn_uncalibrated",
    "write_reports",
]

# Calibrated on ../shared/eval dev by benchmarks/calibrate.py: the cosine where expected
# precision equals recall when 1% of aligned pairs are unrelated sentences.
CALIBRATED_MISTRANSLATION = {"muse-v3": 0.22}
MIN_ESTIMATE_PAIRS = 3  # 1-1 pairs a story needs for a threshold of its own
StrPath = str | os.PathLike[str]  # a path as callers may hold it
# ``--report-dir -``: print one run-level report on standard output instead.
STDOUT = Path("-")
# The run's own files in the report folder, which no document's report may replace.
RUN_FILES = frozenset(
    {
        "index.html",
        "summary.json",
        MANIFEST_NAME,
        *(f.filename for f in report.RUN_FORMATS.values()),
    }
)
# A report's file name in bytes at most: file systems allow 255, and write_atomic's
# temporary name adds about 20.
REPORT_NAME_BYTES = 200

# Limits that turn a file which is not a story (a data dump, a log, text with no
# line breaks) into a one-line input error instead of a run that embeds for an
# hour or runs out of memory. Embedding a sentence costs memory linear in its
# length (a 10 MB "sentence" needs tens of GB); 50,000 sentences take minutes.
# Real news sentences are under 1,000 characters, stories under 1,000 sentences;
# the sentence count limit is the setting ``max_sentences`` (50,000).
MAX_SENTENCE_CHARS = 20_000


def calibrated_threshold(model: str) -> float | None:
    """The bundled calibration of an encoder named ``model`` (``muse-v3@0.2.1+int8``)."""
    return CALIBRATED_MISTRANSLATION.get(model.split("@")[0])


def make_signature(settings: Settings, model: str) -> str:
    """``aligner|model:muse-v3@0.2.1+int8|max:4|mt:0.22|fail:error|min:0|v:0.1.0``: what
    produced a result (``mt:auto`` = estimated per document for an uncalibrated model)."""
    items = dict(settings.signature_items())
    items["model"] = model
    known = calibrated_threshold(model)
    if settings.mistranslation_threshold is None and known is not None:
        items["mt"] = f"{known:g}"
    # what else decides a verdict, only when set, so that plain runs keep their signature:
    # the languages, the checks' severities and switches, the glossary and waivers read
    if (settings.src_lang, settings.tgt_lang) != ("en", "ko"):
        items["lang"] = f"{settings.src_lang}-{settings.tgt_lang}"
    if settings.severities or settings.disabled_checks:
        checks = sorted(settings.severities.items()) + sorted(settings.disabled_checks)
        items["checks"] = _digest(repr(checks))
    for key, path in (("gloss", settings.glossary), ("waive", settings.waivers)):
        if path is not None and path.is_file():
            items[key] = _digest(path.read_bytes())
    return "aligner|" + "|".join(f"{k}:{v}" for k, v in items.items()) + f"|v:{__version__}"


def _digest(data: str | bytes) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:8]


def load_document(path: Path, lang: str, *, settings: Settings) -> Document:
    """Read, segment and mark boilerplate in one file.

    Raises:
        InputError: the file cannot be read as text, or holds no usable story.
    """
    text = read_text(path, encoding=encoding_for(settings.encoding, lang))
    return parse_document(text, path, lang, settings=settings)


def parse_document(text: str, path: Path, lang: str, *, settings: Settings) -> Document:
    """Segment and mark boilerplate in a story's ``text``; ``path`` names it in
    messages and reports (a Markdown file is read as its reader sees it, see
    :func:`~aligner.markdown.read_markdown`).

    Raises:
        InputError: no sentences, or a document too big to check.
    """
    story = read_markdown(text) if path.suffix.lower() in MARKDOWN_SUFFIXES else None
    if story is not None:
        text = story.text
    if settings.presegmented:
        sentences = split_lines(text)
    else:
        sentences = split_sentences(text, lang)
    if not sentences:
        raise InputError(f"{path}: no sentences found")
    _check_size(path, sentences, settings.max_sentences)
    if story is not None:
        sentences = mark_markup(sentences, story)
    sentences = mark_boilerplate(sentences, text.split("\n"), settings.boilerplate_patterns)
    return Document(path, lang, tuple(sentences))


def _check_size(path: Path, sentences: Sequence[Sentence], max_sentences: int) -> None:
    """Refuse documents too big to embed in reasonable time and memory."""
    if len(sentences) > max_sentences:
        raise InputError(
            f"{path}: {len(sentences):,} sentences, over the limit of {max_sentences:,} "
            "per document; split it into smaller documents (or raise max_sentences)"
        )
    longest = max(sentences, key=lambda s: s.end - s.start)
    if longest.end - longest.start > MAX_SENTENCE_CHARS:
        raise InputError(
            f"{path}:{longest.line}: a sentence of {longest.end - longest.start:,} "
            f"characters, over the limit of {MAX_SENTENCE_CHARS:,}; this is not prose "
            "(data, or text without punctuation or line breaks?): fix or remove the file"
        )


def align_documents(
    src: Document, tgt: Document, *, encoder: Encoder, settings: Settings
) -> AlignedDocument:
    """Align the content sentences of two documents; boilerplate sentences become
    1-0 / 0-1 beads in place."""
    floor = settings.mistranslation_threshold
    if floor is None:
        floor = calibrated_threshold(encoder.name)
    src_keep = [s.index for s in src.sentences if not s.boilerplate]
    tgt_keep = [s.index for s in tgt.sentences if not s.boilerplate]
    # a dateline is not translated, it is dropped or moved: compare what the sentences say
    content, src_vec, tgt_vec = align_texts(
        [for_comparison(src.sentences[i].text, src.lang) for i in src_keep],
        [for_comparison(tgt.sentences[i].text, tgt.lang) for i in tgt_keep],
        embed=lambda texts: embed_unique(encoder, texts),
        params=AlignParams(max_bead=settings.max_bead, translation_floor=floor),
        finished=(ends_without_stop(src.lang), ends_without_stop(tgt.lang)),
        lines=(
            [src.sentences[i].line for i in src_keep],
            [tgt.sentences[i].line for i in tgt_keep],
        ),
        numbers=number_readers(src.lang, tgt.lang),
    )
    beads = _with_boilerplate(content, src, tgt, src_keep, tgt_keep)
    dim = max(src_vec.shape[1], tgt_vec.shape[1], 1)
    return AlignedDocument(
        src,
        tgt,
        tuple(beads),
        src_vectors=_full_rows(src_vec, src_keep, len(src.sentences), dim),
        tgt_vectors=_full_rows(tgt_vec, tgt_keep, len(tgt.sentences), dim),
        embed=lambda texts: embed_unique(encoder, texts),
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


def warn_uncalibrated(settings: Settings, model: str, warn: Callable[[str], None] | None) -> None:
    """Tell ``warn`` when ``model`` (an encoder's name) has no mistranslation threshold,
    bundled or set."""
    if (
        warn is not None
        and settings.mistranslation_threshold is None
        and calibrated_threshold(model) is None
    ):
        warn(
            f"{model} has no calibrated mistranslation threshold, so each document gets a "
            "rough estimate: measure one with 'aligner calibrate' on stories whose "
            "translations you trust, and set mistranslation_threshold"
        )


def resolve_threshold(doc: AlignedDocument, settings: Settings, model: str) -> float:
    """The configured threshold, else the model's calibrated one, else a per-document
    estimate halfway between typical aligned and typical unrelated pairs (sentences
    of different pairs), rounded down; 0 (nothing flagged) for a story of fewer than
    :data:`MIN_ESTIMATE_PAIRS` pairs, where a pair would be measured against itself."""
    if settings.mistranslation_threshold is not None:
        return settings.mistranslation_threshold
    if (known := calibrated_threshold(model)) is not None:
        return known
    pairs = [b for b in doc.beads if len(b.src) == len(b.tgt) == 1]
    if doc.src_vectors is None or doc.tgt_vectors is None or len(pairs) < MIN_ESTIMATE_PAIRS:
        return 0.0
    # a sample of rows keeps a long document cheap; every 1-1 pair is left out
    rows = np.arange(0, len(doc.src_vectors), max(1, len(doc.src_vectors) // 256))
    sims = doc.src_vectors[rows] @ doc.tgt_vectors.T
    # boilerplate sentences are not embedded: their rows are zero
    unrelated_cells = np.outer(
        np.abs(doc.src_vectors[rows]).sum(axis=1) > 0, np.abs(doc.tgt_vectors).sum(axis=1) > 0
    )
    row_of = {int(r): k for k, r in enumerate(rows)}
    for bead in pairs:
        if (k := row_of.get(bead.src[0])) is not None:
            unrelated_cells[k, bead.tgt[0]] = False
    unrelated = float(np.median(sims[unrelated_cells]))
    middle = (unrelated + float(np.median([b.similarity for b in pairs]))) / 2
    # a setting's range: an odd model's unrelated pairs may sit below a cosine of 0
    return min(max(math.floor(middle * 1e4) / 1e4, 0.0), 1.0)


def check_documents(
    src: Document, tgt: Document, pair: DocumentPair, *, encoder: Encoder, settings: Settings
) -> DocumentResult:
    """Align one pair, run the QA checks and apply the gate."""
    aligned = align_documents(src, tgt, encoder=encoder, settings=settings)
    threshold = resolve_threshold(aligned, settings, encoder.name)
    if threshold > 0:
        # above the margin where loose translations and unrelated sentences meet,
        # two captions are the same caption (see ``paired_boilerplate``)
        embed = functools.partial(embed_unique, encoder)
        captions = paired_boilerplate(src, tgt, embed, threshold + MARGIN)
        aligned = dataclasses.replace(aligned, boilerplate_pairs=captions)
    flags = run_checks(aligned, dataclasses.replace(settings, mistranslation_threshold=threshold))
    score = score_document(src, tgt, flags)
    failures = gate_failures(score, flags, settings)
    return DocumentResult(pair, src, tgt, aligned.beads, tuple(flags), score, failures)


def check_texts(
    src_text: str,
    tgt_text: str,
    *,
    settings: Settings,
    encoder: Encoder | None = None,
    name: StrPath = "story.txt",
    warn: Callable[[str], None] | None = None,
) -> DocumentResult:
    """Check one story held in memory (from a CMS or an editor plugin, say) as
    :func:`check_paths` checks a pair of files: every check, the waivers of
    ``settings.waivers`` and the gate. Its files are called ``en/NAME`` and
    ``ko/NAME`` (after ``settings``' languages) in messages and reports.

    Pass an ``encoder`` (:func:`open_encoder`) when checking many stories: opening
    the model takes about a second. ``warn`` hears non-fatal trouble of the encoder
    this function opens (an unusable cache).

    Raises:
        InputError: a text holds no sentences, or is too big to check.
        ModelError: the model cannot be loaded.
        ConfigError: the waiver file or the glossary is unusable.
    """
    src_text, tgt_text = _text("src_text", src_text), _text("tgt_text", tgt_text)
    name = PurePosixPath(name).as_posix() if isinstance(name, os.PathLike) else name
    _check_name(name)
    waivers = _read_waivers(settings, missing_ok=False)
    pair = DocumentPair(name, Path(settings.src_lang, name), Path(settings.tgt_lang, name))
    src = parse_document(src_text, pair.src_path, settings.src_lang, settings=settings)
    tgt = parse_document(tgt_text, pair.tgt_path, settings.tgt_lang, settings=settings)
    opened = None
    if encoder is None:
        encoder = opened = open_encoder(settings, warn=warn)
    warn_uncalibrated(settings, encoder.name, warn)
    try:
        result = check_documents(src, tgt, pair, encoder=encoder, settings=settings)
    finally:
        if opened is not None:
            opened.close()
    checked = run_cross_checks([result], settings)
    return regate(apply_waivers(checked, waivers).documents[0], settings)


def calibrate_paths(
    src: StrPath,
    tgt: StrPath | None,
    *,
    settings: Settings,
    prior: float = 0.01,
    encoder: Encoder | None = None,
    progress: Callable[[DocumentPair], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Calibration:
    """Measure the mistranslation threshold of ``settings.model`` on stories whose
    translations are trusted (paths as for :func:`check_paths`; see
    :mod:`aligner.calibration`). A file that cannot be read is skipped, and ``warn``
    hears why.

    Raises:
        ConfigError: ``prior`` is not above 0 and at most 0.5.
        InputError: the paths are unusable, or hold too few aligned pairs.
        ModelError: the model cannot be loaded.
    """
    check_prior(prior)
    found = find_pairs(src, tgt, settings=settings, warn=warn)
    pairs, problems = found.pairs, found.problems
    opened = None
    if encoder is None:
        encoder = opened = open_encoder(settings, warn=warn)

    def aligned() -> Iterator[AlignedDocument]:
        for pair in pairs:
            docs, bad = _load_pair(pair, settings)
            for problem in bad:
                skipped(problem)
            if docs is not None:
                yield align_documents(*docs, encoder=encoder, settings=settings)
                if progress is not None:
                    progress(pair)

    def skipped(problem: InputProblem) -> None:
        if warn is not None:
            warn(f"skipped {problem.path}: {problem.message}")

    for problem in problems:
        skipped(problem)
    try:
        return calibrate(aligned(), encoder.name, settings, prior)
    finally:
        if opened is not None:
            opened.close()


def _text(label: str, text: str) -> str:
    """``text`` as a file's would be read: without a byte-order mark.

    Raises:
        InputError: it is not a str, or not valid Unicode (a lone surrogate, as JSON
            can carry).
    """
    if not isinstance(text, str):
        decode = "; decode it first" if isinstance(text, bytes | bytearray) else ""
        raise InputError(f"{label} must be text (str), got {type(text).__name__}{decode}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{label} is not valid Unicode text: {text[exc.start]!r} at character "
            f"{exc.start} is half of a surrogate pair"
        ) from None
    return text.removeprefix("\ufeff")


def _check_name(name: str) -> None:
    """A document name must be a relative path inside the report folder.

    Raises:
        InputError: it is empty, absolute, or goes up with ``..``.
    """
    parts = PurePosixPath(name).parts if isinstance(name, str) else ()
    if not parts or parts[0] == "/" or ".." in parts:
        raise InputError(
            f"document name {name!r}: give a relative path such as 'world/story.txt' "
            "(not empty, absolute, nor with '..'): it names the reports"
        )


def open_encoder(
    settings: Settings,
    *,
    warn: Callable[[str], None] | None = None,
    threads: int | None = None,
) -> ClosableEncoder:
    """The model of ``settings``, behind the on-disk embedding cache unless
    ``settings.cache`` is off; ``close()`` it when done (it releases the cache file).
    ``warn`` hears (once) if the cache has to be bypassed; ``threads`` caps the
    model's BLAS threads (default: one per core).

    Raises:
        ModelError: the model cannot be loaded.
    """
    encoder = load_encoder(settings.model, threads)
    if not settings.cache:
        return encoder
    return CachedEncoder(encoder, settings.cache_dir or default_cache_dir(), warn=warn)


def find_pairs(
    src: StrPath,
    tgt: StrPath | None,
    *,
    settings: Settings,
    exclude: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> Pairing:
    """The document pairs of two files or trees, or (``tgt`` None) of one tree or file
    whose names carry language tags (``story.en.txt`` / ``story.ko.txt``), less the
    files of a tree that ``settings.exclude`` leaves out; ``warn`` hears how many
    files of such a tree have no tag.

    Raises:
        InputError: the paths are unusable or hold no pair.
    """
    src = Path(src)
    langs = (settings.src_lang, settings.tgt_lang)
    globs = settings.exclude
    if warn is not None:
        roots = [src] if tgt is None else [src, Path(tgt)]
        for glob in unmatched_globs(globs, [r for r in roots if r.is_dir()]):
            warn(
                f"exclude {glob!r} matches no file: its path is taken within each tree "
                f"(for {printable(src)}/world/a.txt, 'world/a.txt')"
            )
    if tgt is not None:
        return pair_documents(src, Path(tgt), exclude=exclude, exclude_globs=globs, langs=langs)
    tagged = pair_tagged(src, langs, exclude=exclude, exclude_globs=globs)
    if tagged.untagged and warn is not None:
        warn(
            f"{printable(src)}: {len(tagged.untagged)} file(s) with no language tag "
            f"('{langs[0]}' or '{langs[1]}') in their names were not checked (e.g. "
            f"{printable(tagged.untagged[0].relative_to(src))})"
        )
    return tagged


def changed_documents(
    src: StrPath, tgt: StrPath | None, rev: str, *, settings: Settings | None = None
) -> set[str]:
    """Names of the pairs of ``src``/``tgt`` (see :func:`find_pairs`) whose EN or KO
    file changed in git since ``rev`` (plus the paths of changed files without a
    counterpart): the ``only`` argument of :func:`check_paths` for ``--changed-since``.

    Raises:
        InputError: the paths are unusable, not in a git work tree, or ``rev`` is unknown.
    """
    found = find_pairs(src, tgt, settings=settings or Settings())
    pairs, problems = found.pairs, found.problems
    changed = changed_files(Path(src), rev)
    if tgt is not None:
        changed |= changed_files(Path(tgt), rev)
    names = {
        p.name for p in pairs if p.src_path.resolve() in changed or p.tgt_path.resolve() in changed
    }
    # a problem's path is printable(): compare in that form (a name that is not UTF-8);
    # a file whose translation was deleted counts as changed
    shown = {printable(path) for path in changed}
    return names | {
        p.path
        for p in problems
        if any(printable(Path(f).resolve()) in shown for f in (p.path, p.counterpart) if f)
    }


def changed_settings_files(rev: str, files: Iterable[Path | None]) -> list[Path]:
    """Those of ``files`` (the config, waiver and glossary files) that changed in git
    since ``rev``, as :func:`changed_documents` sees the corpus: a change to one can
    change every document's verdict. A file that does not exist, lies outside a git
    work tree or in a repository without ``rev`` counts as unchanged.
    """
    changed = []
    for path in files:
        if path is None or not path.is_file():
            continue
        try:
            if path.resolve() in changed_files(path, rev):
                changed.append(path)
        except InputError:  # not under git here: nothing to compare with
            continue
    return changed


def check_paths(
    src: StrPath,
    tgt: StrPath | None,
    *,
    settings: Settings,
    encoder: Encoder | None = None,
    progress: Callable[[DocumentPair], None] | None = None,
    only: set[str] | None = None,
    warn: Callable[[str], None] | None = None,
    update_waivers: bool = False,
) -> RunResult:
    """Check two files or two trees of documents paired by relative path, or one
    tree (``tgt`` None) whose files are paired by language tag (see :func:`find_pairs`).

    A document that cannot be read is recorded in ``RunResult.problems`` and the
    others are still checked. Results of unchanged documents come from the cache;
    the others are checked in worker processes when there are many (``settings.jobs``).
    Only results (no embeddings) are kept, so memory does not grow with vectors.
    Then, over all documents: the cross-document checks (``consistency``), the
    waivers of ``settings.waivers`` (stale ones in ``RunResult.stale_waivers``) and
    the gate. Neither is part of a cached result, so editing the waiver file or
    another document never needs a document checked again, nor serves a stale state.

    Args:
        src: the English file or directory (or the tree of both languages).
        tgt: the Korean file or directory, or None.
        settings: the run's settings.
        encoder: used as given (not cached); default: :func:`open_encoder`.
        progress: called with each pair as it is checked (or found in the cache).
        only: check only the pairs with these names (and report only the input
            problems with these paths), e.g. from :func:`changed_documents`.
        warn: hears non-fatal trouble once, e.g. an unusable embedding cache.
        update_waivers: rewrite ``settings.waivers`` (created if missing) to accept
            every flag that fails the gate, keeping the reasons of waivers that
            still match, dropping stale ones (of the checked documents only) and
            leaving those of every other document alone; the run is then reported
            with it.

    Raises:
        InputError: the paths themselves are unusable.
        ModelError: the model cannot be loaded.
        ConfigError: the waiver file or the glossary is unusable, or
            ``update_waivers`` without a waiver file.
    """
    batch.stop_if_importing_for_a_worker()
    waivers = _read_waivers(settings, missing_ok=update_waivers)
    if settings.glossary is not None:  # terminology and named_entity both read it
        load_glossary(settings.glossary)  # a bad glossary stops the run before any work
    reports = None if settings.report_dir == STDOUT else settings.report_dir
    found = find_pairs(src, tgt, settings=settings, exclude=reports, warn=warn)
    pairs, problems = found.pairs, found.problems
    if only is not None:
        pairs = [p for p in pairs if p.name in only]
        problems = [p for p in problems if p.path in only]
    opened = None
    if encoder is None:
        encoder = opened = open_encoder(settings, warn=warn)
    warn_uncalibrated(settings, encoder.name, warn)
    run = RunResult(
        problems=list(problems),
        signature=make_signature(settings, encoder.name),
        excluded=found.excluded,
    )
    try:
        outcomes = batch.check_pairs(
            pairs,
            check_one=_check_pair,
            encoder=encoder,
            # the waiver file is applied afterwards: it must not key cached results
            settings=dataclasses.replace(settings, waivers=None),
            jobs=settings.jobs,
            # workers make their own encoder: only for one this function made
            open_encoder=open_encoder if opened is not None else None,
            progress=progress,
            warn=warn,
        )
    finally:
        if opened is not None:
            opened.close()
    documents = []
    for outcome in outcomes:
        if isinstance(outcome, tuple):
            run.problems.extend(outcome)
        else:
            documents.append(outcome)
    documents = run_cross_checks(documents, settings)
    one_story = not Path(src).is_dir()
    # a run of one story or one folder of a tree names its stories as a run of the
    # tree does: their waivers follow them
    prefix = tree_prefix((d.pair for d in documents), waivers) if not one_story else ""
    documents = [
        dataclasses.replace(d, pair=_waiver_name(d.pair, prefix, waivers, one_story))
        for d in documents
    ]
    # the cross-document checks saw only this run's documents
    unjudged = set(CROSS_CHECKS) if one_story or only is not None else set()
    if update_waivers:
        waivers, run.removed_waivers = _update_waivers(documents, waivers, unjudged, settings)
        # the reports say which waivers judged them: the file as rewritten
        run.signature = make_signature(settings, encoder.name)
    waived = apply_waivers(documents, waivers, unjudged=unjudged)
    run.documents = [regate(doc, settings) for doc in waived.documents]
    run.stale_waivers = waived.stale
    return run


def _waiver_name(
    pair: DocumentPair, prefix: str, waivers: Sequence[Waiver], one_story: bool
) -> DocumentPair:
    """``pair`` named as its waivers know it: under the folder ``prefix`` of a run of
    one folder of its tree, as the waiver file knows it, or, for a story checked on
    its own that the file does not know yet, as a run of its two trees would name it
    (an editor's waiver from that run is then the one CI's tree run looks for)."""
    if prefix:
        return dataclasses.replace(pair, tree_name=prefix + pair.name)
    known = known_as(pair, waivers)
    return as_in_its_tree(pair) if one_story and known.key == pair.name else known


def _read_waivers(settings: Settings, *, missing_ok: bool) -> list[Waiver]:
    if settings.waivers is None:
        if missing_ok:
            raise ConfigError(
                "--update-waivers needs a waiver file: pass --waivers FILE or set "
                "'waivers' in the config"
            )
        return []
    if missing_ok and not settings.waivers.exists():
        return []
    if missing_ok and not settings.waivers.is_file():
        # it would be replaced by a regular file: /dev/null itself, for root
        raise ConfigError(
            f"{settings.waivers}: --update-waivers rewrites the waiver file, and this is not "
            "a regular file; pass a waiver file such as qa/waivers.json"
        )
    return load_waivers(settings.waivers)


def _update_waivers(
    documents: Sequence[DocumentResult],
    waivers: Sequence[Waiver],
    unjudged: set[str],
    settings: Settings,
) -> tuple[list[Waiver], list[Waiver]]:
    """Write the waiver file accepting every live flag that fails the gate (with
    ``fail_on = never``: every error and warning); returns its waivers and the stale
    ones it removed. Those of documents not in ``documents`` are kept as they are;
    ``unjudged``: the flag types the run did not judge (see :func:`apply_waivers`)."""
    assert settings.waivers is not None  # checked by _read_waivers
    current = apply_waivers(documents, waivers, unjudged=unjudged)
    floor = Severity(settings.fail_on if settings.fail_on != "never" else "warning").rank
    accept = [
        (doc, flag)
        for doc in current.documents
        for flag in doc.flags
        if not flag.waived and flag.severity.rank >= floor
    ]
    merged = merge_waivers(current.documents, waivers, stale=current.stale, accept=accept)
    write_waivers(settings.waivers, merged)
    return merged, list(current.stale)


def _check_pair(pair: DocumentPair, encoder: Encoder, settings: Settings) -> batch.Outcome:
    """One pair's result, or the input problems of its files."""
    docs, problems = _load_pair(pair, settings)
    if docs is None:
        return problems
    return check_documents(*docs, pair, encoder=encoder, settings=settings)


def _load_pair(
    pair: DocumentPair, settings: Settings
) -> tuple[tuple[Document, Document] | None, tuple[InputProblem, ...]]:
    """Both documents of a pair, or None and the input problems of its files (both,
    if both are bad)."""
    docs, problems = [], []
    for path, lang in ((pair.src_path, settings.src_lang), (pair.tgt_path, settings.tgt_lang)):
        try:
            docs.append(load_document(path, lang, settings=settings))
        except AlignerError as exc:
            problems.append(_input_problem(path, str(exc)))
    return (None, tuple(problems)) if problems else ((docs[0], docs[1]), ())


def _input_problem(path: Path, message: str) -> InputProblem:
    """The file that could not be read (so that CI annotations and SARIF point at it),
    and the problem without the path its message starts with ("path:12: ..." becomes
    "line 12: ...").

    Example:
        >>> _input_problem(Path("en/a.txt"), "en/a.txt:3: a sentence of 30,000 characters").message
        'line 3: a sentence of 30,000 characters'
    """
    rest = message.removeprefix(str(path))
    if rest == message:
        return InputProblem(printable(path), printable(message))
    line = re.match(r":(\d+): ", rest)
    rest = f"line {line[1]}: {rest[line.end() :]}" if line else rest.removeprefix(": ")
    return InputProblem(printable(path), printable(rest))


def check_report_dir(settings: Settings) -> None:
    """Fail before a run, with nothing written, if ``settings.report_dir`` is unusable.

    Raises:
        InputError: the folder (or its nearest existing parent) is not a writable directory.
    """
    check_writable_dir(settings.report_dir)


def write_reports(run: RunResult, *, settings: Settings) -> list[Path]:
    """Write the reports of ``settings.formats`` into ``settings.report_dir``.

    ``html`` and ``json`` give each document ``<name>.html`` / ``<name>.json``
    (its relative path kept; the page links back to the index) and the run
    ``index.html`` / ``summary.json``; every other format writes one file for
    the run, named in :data:`aligner.report.RUN_FORMATS` (``alignments.csv``,
    ``results.sarif`` ...).

    Returns:
        The report paths (written now, or found up to date), the run index last
        when HTML is written.

    Raises:
        ConfigError: a format is unknown, or the folder is ``-`` (standard
            output: see :func:`stdout_format` and :func:`render_report`).
    """
    formats = report.check_formats(settings.formats)
    if settings.report_dir == STDOUT:
        raise ConfigError("report folder '-' means standard output: use render_report()")
    for doc in run.documents:
        _check_name(doc.pair.name)
    root = settings.report_dir
    trees = WorkTrees()
    manifest = ReportManifest(root)
    written, links = _write_document_reports(run, root, formats, trees, manifest)
    run_files = []
    if "json" in formats:
        run_files.append(root / "summary.json")
        report.write_summary_json(run, run_files[-1], reports=links, trees=trees)
    for name in formats:
        if name in report.RUN_FORMATS:
            run_files.append(root / report.RUN_FORMATS[name].filename)
            report.RUN_FORMATS[name].write(run, run_files[-1])
    if "html" in formats:
        run_files.append(root / "index.html")
        html = {name: files["html"] for name, files in links.items()}
        report.write_index_html(run, run_files[-1], links=html)
    for path in run_files:
        manifest.record(path, "")  # always written: recorded to be known as aligner's
    # not on failure: the files written meanwhile no longer match the old manifest
    manifest.save()
    return written + run_files


def remove_stale_reports(
    written: Sequence[Path], *, settings: Settings, inputs: Sequence[Path | None] = ()
) -> list[Path]:
    """Remove from ``settings.report_dir`` the report files an earlier run of the same
    ``inputs`` (the paths checked, as given to :func:`check_paths`) wrote that are
    not in ``written`` (what :func:`write_reports` just returned), such as the pages
    of a document no longer in the corpus or the file of a format no longer asked
    for, so that nobody takes them for this run's. A file aligner did not write, one
    edited or replaced since, or one a run of other inputs wrote (a story checked
    on its own into the folder of its corpus's run) is never removed (see
    :mod:`aligner.report.manifest`), nor are the folders that still hold anything.

    Call it after a run of the whole corpus, not of part of it (``only``): the
    reports of the documents left out are still current.

    Returns:
        The files removed.
    """
    if settings.report_dir == STDOUT:
        return []
    manifest = ReportManifest(settings.report_dir)
    key = "\0".join("" if path is None else str(path.resolve()) for path in inputs)
    return manifest.prune(written, key)


def _write_document_reports(
    run: RunResult,
    root: Path,
    formats: Sequence[str],
    trees: WorkTrees,
    manifest: ReportManifest,
) -> tuple[list[Path], dict[str, dict[str, str]]]:
    """Each document's JSON and HTML, unless the file already holds it (see
    :mod:`aligner.report.manifest`); returns the paths and, per document, its
    report files relative to ``root``."""
    written: list[Path] = []
    links: dict[str, dict[str, str]] = {}
    if not {"json", "html"} & set(formats):
        return written, links

    def write_html(doc: DocumentResult, path: Path, *, signature: str) -> None:
        # the page sits at root/<name>.html, with <name> a relative path: one ../ a folder
        index = "../" * (len(path.relative_to(root).parts) - 1) + "index.html"
        report.write_document_html(doc, path, signature=signature, index=index)

    def write_json(doc: DocumentResult, path: Path, *, signature: str) -> None:
        report.write_document_json(doc, path, signature=signature, trees=trees)

    writers = {"json": write_json, "html": write_html}
    # a document's JSON first: it is the contract
    targets = [
        (doc, fmt, _report_path(root, doc.pair.name, fmt))
        for doc in run.documents
        for fmt in writers
        if fmt in formats
    ]
    if twice := [p for p, n in Counter(p for *_, p in targets).items() if n > 1]:
        raise InputError(
            f"two documents would write the same report {printable(twice[0])}: give each "
            "document its own name"
        )

    def digest_of(doc: DocumentResult) -> str:
        # the JSON also names the files from the top of their work tree, which no result holds
        where = [trees.relative(path) for path in (doc.pair.src_path, doc.pair.tgt_path)]
        return result_digest(doc, f"{run.signature}\0{where}")

    digests = {doc.pair.name: digest_of(doc) for doc in run.documents}
    for doc, fmt, path in targets:
        digest = digests[doc.pair.name]
        if not manifest.is_current(path, digest):
            writers[fmt](doc, path, signature=run.signature)
            manifest.record(path, digest)
        written.append(path)
        links.setdefault(doc.pair.name, {})[fmt] = path.relative_to(root).as_posix()
    return written, links


def _report_path(root: Path, name: str, fmt: str) -> Path:
    """``root/<name>.<fmt>``, or ``root/<name>-document.<fmt>`` for a document whose
    report would replace one of the run's files (a story called ``index``). A file
    name too long for the file system with the report's suffix (a headline as a file
    name, CP949 bytes escaped, in the file's name or a folder's) keeps its start and a
    hash of the whole."""
    if f"{name}.{fmt}" in RUN_FILES:
        name += "-document"
    *folders, stem = name.split("/")
    return root.joinpath(*(_short_name(f, "") for f in folders), _short_name(stem, f".{fmt}"))


def _short_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, cut to :data:`REPORT_NAME_BYTES` with a hash of ``stem``."""
    if len(os.fsencode(stem + suffix)) <= REPORT_NAME_BYTES:
        return stem + suffix
    tail = "-" + hashlib.sha256(os.fsencode(stem)).hexdigest()[:8] + suffix
    keep = stem
    while len(os.fsencode(keep + tail)) > REPORT_NAME_BYTES:
        keep = keep[:-1]
    return keep + tail


def stdout_format(settings: Settings) -> str | None:
    """Check ``settings.formats``; when the report folder is ``-``, return the one
    format to print on standard output (else None).

    Raises:
        ConfigError: a format is unknown, or ``-`` is asked for with several
            formats or with ``html`` (one page per document).
    """
    formats = report.check_formats(settings.formats)
    if settings.report_dir != STDOUT:
        return None
    printable = ["json", *report.RUN_FORMATS]
    if len(formats) != 1 or formats[0] not in printable:
        raise ConfigError(
            f"--report-dir - prints one run-level format to standard output, not "
            f"{','.join(formats)}: add --format with one of {', '.join(printable)}"
        )
    return formats[0]


def render_report(run: RunResult, fmt: str) -> str:
    """One run-level format as text (``json`` is the run summary), for standard output.

    Raises:
        ConfigError: ``fmt`` is ``html`` or unknown.
    """
    return report.render_run(run, fmt)
