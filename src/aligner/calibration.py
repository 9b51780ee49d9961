"""Calibrating a model's ``mistranslation`` threshold on translations a desk trusts.

Every model has its own cosine scale: 0.22 separates translations from unrelated
sentences for the bundled mUSE, while LaBSE's real translations seldom score
below 0.5. The threshold is read off two distributions measured with the model
itself:

* translations: the 1-1 pairs that aligning the trusted stories finds, less pairs
  with a boilerplate side and pairs the ``truncated`` check flags;
* unrelated pairs, made as a mistranslation replaces a sentence: one side of a
  translation swapped for a sentence of the same language, within 25% of its
  length, from another story or at least :data:`FAR` sentences away in the same one.
  Every candidate counts, each side of each translation weighing the same.

The unrelated pairs are smoothed with a Gaussian kernel (Silverman's bandwidth), so
that the threshold does not sit in a chance gap between two sentences. The few real
translations that score low are what the threshold must spare, and the sample cannot
show them apart from the unrelated pairs any trusted corpus holds: their share is a
normal curve fitted where those are rare (:func:`translation_tail`). The threshold
maximises the smaller of expected precision and recall when a share ``prior`` of
aligned pairs are mistranslations (rare: false flags on the many real translations
weigh more than an equal-error point suggests).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from aligner.config import Settings
from aligner.errors import ConfigError, InputError
from aligner.qa import AlignedDocument
from aligner.qa.truncation import find_truncations

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

GRID = np.linspace(-1.0, 1.0, 2001)  # cosines, in steps of 0.001
LENGTH_TOLERANCE = 0.25  # a replacement's length within 25% of the replaced sentence's
FAR = 20  # sentences of the same story this far apart count as unrelated
MIN_TRANSLATIONS = 100
# Bounds on the work for a big corpus (an evenly spread sample is as good):
MAX_TRANSLATIONS = 5_000
MAX_POOL = 10_000  # candidate replacements per language
_CELLS = 2_000_000  # similarities computed at once
SAME_SENTENCE = 0.9  # cosine of a sentence and a near-copy of it (same language)
RESAMPLES = 200  # of the translations, for the threshold's spread


class Distribution:
    """A weighted distribution of cosines, kept as a histogram on :data:`GRID`."""

    def __init__(self) -> None:
        self.mass = np.zeros(len(GRID))
        self.count = 0
        self._moments = np.zeros(3)  # total weight, weighted sum, weighted sum of squares

    def add(self, values: Floats, weights: Floats) -> None:
        step = GRID[1] - GRID[0]
        bins = np.clip(np.rint((values - GRID[0]) / step).astype(np.int64), 0, len(GRID) - 1)
        self.mass += np.bincount(bins, weights=weights, minlength=len(GRID))
        self.count += len(values)
        self._moments += (weights.sum(), weights @ values, weights @ values**2)

    def cdf(self) -> Floats:
        """The share below each point of :data:`GRID`, smoothed (Silverman's bandwidth)."""
        total, first, second = self._moments
        spread = math.sqrt(max(second / total - (first / total) ** 2, 0.0))
        # at most 0.1: the kernel then stays shorter than the grid
        width = min(max(1.06 * spread * self.count**-0.2, 1e-3), 0.1)
        step = float(GRID[1] - GRID[0])
        reach = int(4 * width / step) + 1
        kernel = np.exp(-0.5 * (np.arange(-reach, reach + 1) * step / width) ** 2)
        smoothed = np.convolve(self.mass / total, kernel / kernel.sum(), mode="same")
        cumulative: Floats = np.cumsum(smoothed) - smoothed / 2  # a bin's own mass counts half
        return cumulative

    def percentile(self, p: float) -> float:
        """The point of :data:`GRID` below which ``p`` percent of the (unsmoothed)
        weight lies."""
        cumulative = np.cumsum(self.mass) / self.mass.sum()
        return float(GRID[min(int(np.searchsorted(cumulative, p / 100)), len(GRID) - 1)])

    def share_below(self, cosine: float) -> float:
        """The weight of the bins below ``cosine`` (a point of :data:`GRID`: its own
        bin is not counted)."""
        return float(self.mass[GRID < cosine].sum() / self.mass.sum())


@dataclass(frozen=True)
class Threshold:
    value: float
    precision: float  # expected, at the prior
    recall: float


def unrelated_share(translations: Distribution, unrelated: Distribution) -> float:
    """The share of the "translations" that are unrelated sentences (mistranslations,
    misaligned pairs: a trusted corpus has a few). Real translations practically never
    score below the median unrelated pair, so twice the share below it estimates them."""
    return min(2 * translations.share_below(unrelated.percentile(50)), 0.5)


def translation_tail(translations: Distribution, unrelated: Distribution) -> Floats:
    """The share of real translations below each point of :data:`GRID`, from a normal
    curve through their median and their 10th percentile.

    The tail itself cannot be read off the sample: the few unrelated pairs a trusted
    corpus holds sit exactly there, and on the dev set 0.8% of them moved the
    threshold read off the sample from 0.22 to 0.08. The 10th percentile lies above
    them; it is corrected for their share (:func:`unrelated_share`) below it.
    """
    mixed = unrelated_share(translations, unrelated)
    centre, low = translations.percentile(50), translations.percentile(10)
    share = (0.1 - mixed * unrelated.share_below(low)) / (1 - mixed)
    # all below it unrelated (a model that cannot tell them apart): nothing left to fit
    z = NormalDist().inv_cdf(max(share, 1e-3))
    curve = NormalDist(centre, max((low - centre) / z, 1e-3))
    return np.array([curve.cdf(float(x)) for x in GRID])


def balanced_threshold(flagged: Floats, caught: Floats, prior: float) -> Threshold:
    """The point of :data:`GRID` that maximises the smaller of expected precision and
    recall when a share ``prior`` of aligned pairs are unrelated sentences, given the
    shares of translations (``flagged``) and of unrelated pairs (``caught``) below
    each point."""
    precision = prior * caught / np.maximum(prior * caught + (1 - prior) * flagged, 1e-12)
    balance = np.where(GRID >= 0, np.minimum(precision, caught), -1.0)  # a setting is 0-1
    best = int(np.argmax(balance))
    return Threshold(round(float(GRID[best]), 3), float(precision[best]), float(caught[best]))


@dataclass(frozen=True)
class Calibration:
    """What ``aligner calibrate`` measured, and the threshold it recommends."""

    model: str
    documents: int
    translations: int  # trusted 1-1 pairs measured
    unrelated: int  # unrelated pairs measured
    prior: float
    threshold: Threshold
    # the threshold over resamples of the translations (5th and 95th percentiles)
    spread: tuple[float, float]
    below: int  # trusted pairs below the threshold
    suspect: int  # trusted pairs estimated to be unrelated sentences
    translation_percentiles: dict[int, float]
    unrelated_percentiles: dict[int, float]


@dataclass
class _Side:
    """Content sentences of one language across the corpus."""

    vectors: list[npt.NDArray[np.float32]]
    lengths: list[int]
    story: list[int]
    index: list[int]

    def arrays(self) -> tuple[npt.NDArray[np.float32], Ints, Ints, Ints]:
        return (
            np.asarray(self.vectors, dtype=np.float32).reshape(len(self.vectors), -1),
            np.asarray(self.lengths, dtype=np.int64),
            np.asarray(self.story, dtype=np.int64),
            np.asarray(self.index, dtype=np.int64),
        )


def check_prior(prior: float) -> None:
    """Raises ConfigError unless 0 < ``prior`` <= 0.5 (NaN included)."""
    if not 0 < prior <= 0.5:
        raise ConfigError(
            f"prior {prior}: give the share of mistranslations, above 0 and at most 0.5"
        )


def calibrate(
    docs: Iterable[AlignedDocument], model: str, settings: Settings, prior: float = 0.01
) -> Calibration:
    """Measure ``model``'s threshold on aligned documents whose translations are trusted
    (read one at a time: only their sentence vectors are kept).

    Raises:
        ConfigError: ``prior`` is not above 0 and at most 0.5.
        InputError: fewer than :data:`MIN_TRANSLATIONS` usable 1-1 pairs.
    """
    check_prior(prior)
    sides = (_Side([], [], [], []), _Side([], [], [], []))
    pairs: list[tuple[int, int]] = []  # rows of the two sides
    documents = 0
    for story, doc in enumerate(docs):
        documents += 1
        rows = _add_content(doc, story, sides)
        pairs += [(rows[0][i], rows[1][j]) for i, j in _trusted_pairs(doc, settings)]
    if len(pairs) < MIN_TRANSLATIONS:
        raise InputError(
            f"{len(pairs)} aligned sentence pairs to calibrate on, fewer than "
            f"{MIN_TRANSLATIONS}: give it more stories"
        )
    pairs = [pairs[k] for k in _spread(len(pairs), MAX_TRANSLATIONS)]
    src, tgt = (side.arrays() for side in sides)
    rows_src, rows_tgt = (np.array(r) for r in zip(*pairs, strict=True))
    cosines = np.einsum("ij,ij->i", src[0][rows_src], tgt[0][rows_tgt]).astype(np.float64)
    translations = _distribution(cosines)
    unrelated = Distribution()
    # replace the source sentence (keeping the target), then the target sentence
    for values, weights in chain(
        _replacements(src, tgt[0][rows_tgt], rows_src),
        _replacements(tgt, src[0][rows_src], rows_tgt),
    ):
        unrelated.add(values, weights)
    caught = unrelated.cdf()
    threshold = balanced_threshold(translation_tail(translations, unrelated), caught, prior)
    rng = np.random.default_rng(0)
    resampled = [
        balanced_threshold(
            translation_tail(_distribution(rng.choice(cosines, len(cosines))), unrelated),
            caught,
            prior,
        ).value
        for _ in range(RESAMPLES)
    ]
    return Calibration(
        model=model,
        documents=documents,
        translations=len(cosines),
        unrelated=unrelated.count,
        prior=prior,
        threshold=threshold,
        spread=(float(np.quantile(resampled, 0.05)), float(np.quantile(resampled, 0.95))),
        below=int((cosines < threshold.value).sum()),
        suspect=round(unrelated_share(translations, unrelated) * len(cosines)),
        translation_percentiles={p: round(translations.percentile(p), 3) for p in (1, 5, 50)},
        unrelated_percentiles={p: round(unrelated.percentile(p), 3) for p in (50, 95, 99)},
    )


def _distribution(cosines: Floats) -> Distribution:
    d = Distribution()
    d.add(cosines, np.full(len(cosines), 1.0))
    return d


def _add_content(
    doc: AlignedDocument, story: int, sides: tuple[_Side, _Side]
) -> tuple[dict[int, int], dict[int, int]]:
    """Append the document's content sentences to ``sides``; returns, per side, the
    row each sentence index got."""
    rows: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for side, document, vectors, row in zip(
        sides, (doc.src, doc.tgt), (doc.src_vectors, doc.tgt_vectors), rows, strict=True
    ):
        assert vectors is not None  # align_documents always sets them
        for sentence in document.sentences:
            if not sentence.boilerplate:
                row[sentence.index] = len(side.vectors)
                side.vectors.append(vectors[sentence.index])
                side.lengths.append(len(sentence.text))
                side.story.append(story)
                side.index.append(sentence.index)
    return rows


def _trusted_pairs(doc: AlignedDocument, settings: Settings) -> Iterator[tuple[int, int]]:
    """The document's 1-1 content pairs, less those that look truncated."""
    cut = {(f.src, f.tgt) for f in find_truncations(doc, settings)}
    for bead in doc.beads:
        if len(bead.src) != 1 or len(bead.tgt) != 1 or (bead.src, bead.tgt) in cut:
            continue
        (i,), (j,) = bead.src, bead.tgt
        if not (doc.src.sentences[i].boilerplate or doc.tgt.sentences[j].boilerplate):
            yield i, j


def _spread(n: int, most: int) -> list[int]:
    """At most ``most`` of ``range(n)``, evenly spread."""
    return list(range(n)) if n <= most else [int(k * n / most) for k in range(most)]


def _replacements(
    replaced: tuple[npt.NDArray[np.float32], Ints, Ints, Ints],
    kept: npt.NDArray[np.float32],
    rows: Ints,
) -> Iterator[tuple[Floats, Floats]]:
    """Cosines of each kept sentence with every candidate replacement of its partner,
    and their weights (each partner's candidates share a weight of 1)."""
    vectors, lengths, story, index = replaced
    pool = np.array(_spread(len(vectors), MAX_POOL))
    pool_vectors, pool_lengths, pool_story, pool_index = (
        vectors[pool],
        lengths[pool],
        story[pool],
        index[pool],
    )
    chunk = max(1, _CELLS // len(pool))
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        ratio = pool_lengths[None, :] / np.maximum(lengths[part], 1)[:, None]
        far = (pool_story[None, :] != story[part][:, None]) | (
            np.abs(pool_index[None, :] - index[part][:, None]) >= FAR
        )
        # an archive repeats sentences (updated stories, stock lines): a copy of the
        # replaced sentence is no replacement
        copy = vectors[part] @ pool_vectors.T >= SAME_SENTENCE
        usable = (np.abs(ratio - 1) <= LENGTH_TOLERANCE) & far & ~copy
        counts = usable.sum(axis=1)
        cosines = (kept[start : start + chunk] @ pool_vectors.T).astype(np.float64)
        weights = np.where(usable, 1.0 / np.maximum(counts, 1)[:, None], 0.0)
        yield cosines[usable], weights[usable]
