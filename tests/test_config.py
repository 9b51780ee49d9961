from __future__ import annotations

from pathlib import Path

import pytest

from aligner.config import Settings, find_config_file, load_config_file, make_settings
from aligner.errors import ConfigError


def test_values_are_coerced_and_checked() -> None:
    settings = make_settings({"fail-on": "warning", "min_score": 1, "disabled_checks": ["gap"]})
    assert settings.fail_on == "warning" and settings.min_score == 1.0
    assert settings.disabled_checks == frozenset({"gap"})


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"fail_onn": "error"}, "unknown setting 'fail_onn'"),
        ({"min_score": "high"}, "setting 'min_score' has an invalid value 'high'"),
        ({"fail_on": "sometimes"}, "setting 'fail_on' must be one of"),
        ({"max_bead": 9}, "setting 'max_bead' must be between 1 and 6"),
        ({"max_missing": -1}, "setting 'max_missing' must be 0 or more"),
        ({"max_extra": "two"}, "setting 'max_extra' has an invalid value 'two'"),
        ({"severities": {"gap": "fatal"}}, "setting 'severities' has an invalid value"),
    ],
)
def test_bad_values_name_the_key(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        make_settings(values)


def test_pyproject_table_is_found_upwards(tmp_path: Path) -> None:
    (tmp_path / "aligner.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.aligner]\nmin_score = 0.8\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = find_config_file(nested)
    assert found == tmp_path / "pyproject.toml"
    assert make_settings(load_config_file(found)).min_score == 0.8


def test_broken_toml_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "aligner.toml"
    bad.write_text("min_score = = 1")
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config_file(bad)


def test_defaults_are_defined_once() -> None:
    assert Settings().report_dir == Path("reports")
    assert Settings().fail_on == "error"


def test_waivers_setting_is_a_path_and_checked() -> None:
    assert make_settings({"waivers": "qa/waivers.json"}).waivers == Path("qa/waivers.json")
    with pytest.raises(ConfigError, match="setting 'waivers' has an invalid value 3"):
        make_settings({"waivers": 3})
