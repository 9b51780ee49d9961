"""int8 matrix products for the mUSE v3 convolutions (about twice the fp32 speed).

The six convolution products are nine tenths of the encoder's arithmetic. CPUs
with int8 dot-product instructions (x86 VNNI, Arm dotprod) run them four times
as fast as fp32, and torch exposes that as ``torch._int_mm`` (int8 x int8 ->
int32). Weights are quantised once per output column, activations per row at
each call: symmetric, to +-127. Per-row scales keep every sentence embedding
within cosine 0.9996 of the fp32 forward pass on the dev benchmark (a single
scale per batch, as torch's dynamic quantisation uses, fell to 0.9987).
:func:`int8_products` checks that bound on sample sentences before it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]
Products = Callable[[Array, int], Array]

MIN_COSINE = 0.999  # agreement with fp32 required of every sample sentence
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

    Args:
        weights: the float32 weight matrices, in layer order.
    """

    def __init__(self, weights: Sequence[Array]) -> None:
        import torch

        # One thread: a product takes about a millisecond, and torch's OpenMP
        # threads spin-waiting for each other made it 2x slower on a busy machine.
        # Batch runs use a worker process per core instead.
        torch.set_num_threads(1)
        self._torch = torch
        self._layers: list[tuple[Any, Any]] = []
        for w in weights:
            scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127
            q = np.round(w / scale).astype(np.int8)
            self._layers.append((torch.from_numpy(q), torch.from_numpy(scale.astype(np.float32))))

    def __call__(self, x: Array, layer: int) -> Array:
        torch = self._torch
        weights, column_scale = self._layers[layer]
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
    """int8 products if torch provides them and they agree with fp32 on
    :data:`SAMPLES` (``encode(products)`` embeds them; ``None`` means fp32), else None."""
    try:
        import torch

        if not hasattr(torch, "_int_mm"):
            return None
        products = Int8Products(weights)
        exact, fast = encode(None), encode(products)
    except Exception:  # no torch, or no int8 kernel for this CPU: fp32 it is
        return None
    agreement = np.einsum("ij,ij->i", exact, fast) / (
        np.linalg.norm(exact, axis=1) * np.linalg.norm(fast, axis=1)
    )
    return products if float(agreement.min()) >= MIN_COSINE else None
