"""int8 matrix products for the mUSE v3 convolutions (about twice the fp32 speed).

The six convolution products are nine tenths of the encoder's arithmetic. CPUs
with int8 dot-product instructions (x86 VNNI, Arm dotprod) run them four times
as fast as fp32, and torch exposes that as ``torch._int_mm`` (int8 x int8 ->
int32). Weights are quantised once per output column, activations per row at
each call: symmetric, to +-127. Per-row scales keep every sentence embedding
within cosine 0.9996 of the fp32 forward pass on the dev benchmark (a single
scale per batch, as torch's dynamic quantisation uses, fell to 0.9987).
:func:`int8_products` checks that bound on sample sentences before it is used.
Small runs multiply the same integers with numpy instead (see
:class:`Int8Products`), with identical results.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]
Products = Callable[[Array, int], Array]

MIN_COSINE = 0.999  # agreement with fp32 required of every sample sentence
# Rows multiplied with numpy before torch is imported (six products per token):
# 10,000 tokens, about 250 sentences, cost about as much in float64 as importing
# torch (1.4 s), so a run of one story or a few edited ones never imports it.
NUMPY_ROWS = 6 * 10_000
SAMPLES = (
    "The ruling party's congress opened on Tuesday with 4,700 delegates.",
    "Officials said the project, worth $3.5 million, would be finished by 2027.",
    "He didn't say why.",
    "노동당 대회가 화요일 4천 700명의 대표가 참석한 가운데 개막했다.",
    "관계자들은 350만 달러 규모의 이 사업이 2027년까지 완료될 것이라고 말했다.",
    "그는 이유를 밝히지 않았다.",
)


class Int8Products:
    """``x @ weights[layer]`` in int8 arithmetic (rows of ``x`` are overwritten).

    The integer products come from ``torch._int_mm``, or, until
    :data:`NUMPY_ROWS` rows have been multiplied, from float64 numpy products of
    the same integers (exact: the sums stay far below 2**53): a run that encodes
    one short story then never pays for importing torch (about 1.4 s). Both give
    bit-identical results; the first torch product is checked against numpy.

    Args:
        weights: the float32 weight matrices, in layer order.
    """

    def __init__(self, weights: Sequence[Array]) -> None:
        self._layers: list[tuple[npt.NDArray[np.int8], Array]] = []
        for w in weights:
            scale = (np.maximum(np.abs(w).max(axis=0), 1e-12) / 127).astype(np.float32)
            self._layers.append((np.round(w / scale).astype(np.int8), scale))
        self._wide = [q.astype(np.float64) for q, _ in self._layers]
        self._torch: Any = None
        self._torch_layers: list[Any] = []
        self._numpy_rows = 0
        self._numpy_only = False  # torch failed: numpy throughout, slower, same results

    def __call__(self, x: Array, layer: int) -> Array:
        if self._torch is not None:
            return self._torch_product(x, layer)
        if self._numpy_only or self._numpy_rows + len(x) <= NUMPY_ROWS:
            self._numpy_rows += len(x)
            return self._numpy_product(x, layer)
        reference = self._numpy_product(x.copy(), layer)
        self._numpy_only = not self._start_torch(x, layer, reference)
        return reference

    def _numpy_product(self, x: Array, layer: int) -> Array:
        column_scale = self._layers[layer][1]
        # the same float32 steps as _torch_product, so that the results are identical
        row_scale = np.maximum(x.max(axis=1, keepdims=True), -x.min(axis=1, keepdims=True))
        np.maximum(row_scale, np.float32(1e-12), out=row_scale)
        # torch computes ``127.0 / row_scale`` as ``row_scale.reciprocal() * 127.0``
        x *= np.reciprocal(row_scale) * np.float32(127.0)
        np.rint(x, out=x)
        out = (x.astype(np.float64) @ self._wide[layer]).astype(np.float32)
        out *= row_scale * (column_scale / np.float32(127))
        return out

    def _start_torch(self, x: Array, layer: int, reference: Array) -> bool:
        """Use torch from now on if its product of ``x`` equals ``reference``."""
        try:
            import torch

            # One thread: a product takes about a millisecond, and torch's OpenMP
            # threads spin-waiting for each other made it 2x slower on a busy
            # machine. Batch runs use a worker process per core instead.
            torch.set_num_threads(1)
            self._torch_layers = [
                (torch.from_numpy(q), torch.from_numpy(s)) for q, s in self._layers
            ]
            self._torch = torch
            if np.array_equal(self._torch_product(x, layer), reference):
                return True
        except Exception:  # pragma: no cover - an old torch, no int8 kernel for this CPU
            pass
        self._torch = None
        return False

    def _torch_product(self, x: Array, layer: int) -> Array:
        torch = self._torch
        weights, column_scale = self._torch_layers[layer]
        t = torch.from_numpy(x)
        row_scale = torch.maximum(t.amax(1, keepdim=True), t.amin(1, keepdim=True).neg_())
        row_scale.clamp_(min=1e-12)
        # in place: x is a gathered copy that the caller does not reuse
        quantised = t.mul_(127.0 / row_scale).round_().to(torch.int8)
        out = torch._int_mm(quantised, weights).float()
        out *= row_scale * (column_scale / 127)
        result: Array = out.numpy()
        return result


def int8_products(
    weights: Sequence[Array], encode: Callable[[Products | None], Array]
) -> Products | None:
    """int8 products if torch is installed (large runs multiply with it) and they
    agree with fp32 on :data:`SAMPLES` (``encode(products)`` embeds them, ``None``
    meaning fp32), else None."""
    if importlib.util.find_spec("torch") is None:
        return None
    products = Int8Products(weights)
    exact, fast = encode(None), encode(products)
    agreement = np.einsum("ij,ij->i", exact, fast) / (
        np.linalg.norm(exact, axis=1) * np.linalg.norm(fast, axis=1)
    )
    return products if float(agreement.min()) >= MIN_COSINE else None
