from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.config import (
    CHECK_FLAG_TYPES,
    RANGES,
    Settings,
    encoding_for,
    find_config_file,
    load_config_file,
    make_settings,
)
from aligner.errors import ConfigError
from aligner.io import ENCODING_HINT


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
        ({"max_sentences": 1.5}, r"invalid value 1\.5 \(expected a whole number\)"),
        ({"severities": "gap"}, "setting 'severities' has an invalid value 'gap'"),
        ({"severities": {"gap": 3}}, "setting 'severities' has an invalid value"),
        (
            {"severities": {"gap": "fatal"}},
            r"setting 'severities' gives 'gap' an invalid severity 'fatal' \(use info, warning",
        ),
        ({"exclude": "drafts/**"}, r"setting 'exclude' has an invalid value 'drafts/\*\*'"),
        ({"exclude": ["drafts/**", "./"]}, r"setting 'exclude' has an empty glob in \["),
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


def test_a_tool_aligner_table_pasted_into_aligner_toml_is_read(tmp_path: Path) -> None:
    (tmp_path / "aligner.toml").write_text("[tool.aligner]\nmin_score = 0.8\n")
    assert make_settings(load_config_file(tmp_path / "aligner.toml")).min_score == 0.8


@pytest.mark.parametrize("text", ["tool = 1\n", "[tool]\naligner = 5\n"])
def test_a_pyproject_tool_entry_that_is_no_table(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    if "aligner" in text:
        with pytest.raises(ConfigError, match=r"\[tool.aligner\] must be a table"):
            load_config_file(tmp_path / "pyproject.toml")
    else:  # another tool's business: no aligner settings here
        assert load_config_file(tmp_path / "pyproject.toml") == {}


def test_a_model_folder_is_taken_from_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "models" / "mini").mkdir(parents=True)
    for model, expected in (
        ("./models/mini", str(tmp_path / "models" / "mini")),
        ("models/mini", str(tmp_path / "models" / "mini")),
        ("sentence-transformers/LaBSE", "sentence-transformers/LaBSE"),  # a hub name
        ("muse-v3", "muse-v3"),
    ):
        (tmp_path / "aligner.toml").write_text(f'model = "{model}"\n')
        assert load_config_file(tmp_path / "aligner.toml")["model"] == expected


def test_a_path_out_of_the_config_folder_is_named_plainly(tmp_path: Path) -> None:
    # a workflow tester's console said "reports: .../draft/../out-cfg/index.html"
    (tmp_path / "draft").mkdir()
    (tmp_path / "draft" / "aligner.toml").write_text('report_dir = "../out-cfg"\n')
    data = load_config_file(tmp_path / "draft" / "aligner.toml")
    assert data["report_dir"] == str(tmp_path / "out-cfg")


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


# --- numbers: every numeric setting has a range, and NaN / infinity are refused -----


def _numeric_fields() -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(Settings)
        if f.type in ("int", "float", "int | None", "float | None")
    ]


def test_every_numeric_setting_has_a_range() -> None:
    assert sorted(_numeric_fields()) == sorted(RANGES)
    for key, (low, high) in RANGES.items():
        default = getattr(Settings(), key)
        assert default is None or low <= default <= (high if high is not None else math.inf)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("min_score", 1.5, "setting 'min_score' must be between 0 and 1; got 1.5"),
        ("min_score", -1, "setting 'min_score' must be between 0 and 1; got -1"),
        ("min_score", math.inf, "setting 'min_score' must be between 0 and 1; got inf"),
        ("min_score", math.nan, "setting 'min_score' must be between 0 and 1; got nan"),
        ("mistranslation_threshold", 2, "'mistranslation_threshold' must be between 0 and 1"),
        ("mistranslation_threshold", math.nan, "got nan"),
        ("truncation_ratio", -3, "setting 'truncation_ratio' must be between 0 and 1; got -3"),
        ("truncation_ratio", -math.inf, "got -inf"),
        ("max_sentences", 0, "setting 'max_sentences' must be 1 or more; got 0"),
        ("max_bead", 0, "setting 'max_bead' must be between 1 and 6; got 0"),
        ("max_extra", -2, "setting 'max_extra' must be 0 or more; got -2"),
        ("jobs", -1, "setting 'jobs' must be 0 or more; got -1"),
    ],
)
def test_numbers_out_of_range(key: str, value: float, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings({key: value})
    assert message in str(caught.value)


@pytest.mark.parametrize("key", sorted(RANGES))
def test_numbers_at_both_ends_of_their_range_are_valid(key: str) -> None:
    low, high = RANGES[key]
    for value in (low, high) if high is not None else (low, 10**6):
        assert getattr(make_settings({key: value}), key) == value


def test_cli_numbers_are_checked_by_click_with_the_config_ranges(tmp_path: Path) -> None:
    for args, message in [
        (["--min-score", "2"], "Invalid value for '--min-score': 2.0 is not in the range"),
        (["--min-score", "-0.5"], "Invalid value for '--min-score': -0.5 is not in the range"),
        (["--jobs", "-1"], "Invalid value for '-j' / '--jobs': -1 is not in the range x>=0"),
        (["--max-missing", "-1"], "'--max-missing': -1 is not in the range x>=0"),
        # click lets NaN through a FloatRange; the settings refuse it
        (["--min-score", "nan"], "aligner: error: setting 'min_score' must be between 0 and 1"),
    ]:
        result = CliRunner().invoke(main, ["check", "en", "ko", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and "Traceback" not in result.stderr


# --- regexes ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["boilerplate", "extra_boilerplate"])
def test_invalid_regex_names_the_setting_and_the_pattern(key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings({key: ["^Photo: .*$", "([unclosed"]})
    assert str(caught.value) == (
        f"setting '{key}' has an invalid regex '([unclosed': "
        "unterminated character set at position 1"
    )


def test_invalid_regex_in_the_config_file_stops_the_run_with_one_line(tmp_path: Path) -> None:
    Path("re.toml").write_text('extra_boilerplate = ["([unclosed"]\n')
    result = CliRunner().invoke(
        main, ["check", "en.txt", "ko.txt", "--config", "re.toml", "--report-dir", "r"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "aligner: error: re.toml: setting 'extra_boilerplate' has an invalid regex "
        "'([unclosed': unterminated character set at position 1\n"
    )
    assert not Path("r").exists()


def test_builtin_boilerplate_compiles() -> None:
    assert make_settings({}).boilerplate == Settings().boilerplate


# --- check names -----------------------------------------------------------------------


def test_every_check_name_is_accepted() -> None:
    names = sorted(CHECK_FLAG_TYPES)
    settings = make_settings({"disabled_checks": names, "severities": dict.fromkeys(names, "info")})
    assert settings.disabled_checks == frozenset(names)


@pytest.mark.parametrize("key", ["disabled_checks", "severities"])
def test_unknown_check_names_are_errors_listing_the_checks(key: str) -> None:
    value: object = ["nosuch"] if key == "disabled_checks" else {"nosuch": "error"}
    with pytest.raises(ConfigError) as caught:
        make_settings({key: value})
    message = str(caught.value)
    assert message.startswith(f"setting '{key}' names an unknown check 'nosuch' (checks: ")
    assert "gap" in message and "consistency" in message and "whitespace" in message


def test_a_flag_type_instead_of_its_check_says_which_check() -> None:
    with pytest.raises(ConfigError, match="'missing' \\(a flag type of the check 'gap'; checks:"):
        make_settings({"disabled_checks": ["missing"]})


# --- encoding --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["auto", "utf-8", "UTF8", "utf-16", "cp949", "euc-kr", "latin-1"])
def test_known_encodings_are_accepted(name: str) -> None:
    assert make_settings({"encoding": name}).encoding == name


@pytest.mark.parametrize("name", ["latin-9", "base64", "rot13", "", "utf-8\0", "AUTO"])
def test_unknown_encoding_is_an_error_naming_the_valid_ones(name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings({"encoding": name})
    assert str(caught.value) == (
        f"setting 'encoding' has an unknown text encoding {name!r} (use {ENCODING_HINT})"
    )


@pytest.mark.parametrize("command", ["check", "align"])
def test_cli_encoding_is_checked_before_anything_is_read(command: str) -> None:
    args = [command, "en.txt", "ko.txt", "--encoding", "latin-9"]
    result = CliRunner().invoke(main, args, prog_name="aligner")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"aligner {command}: error: Invalid value for '--encoding': unknown text encoding "
        f"'latin-9' (use {ENCODING_HINT}) (see 'aligner {command} --help')"
    ]


@pytest.mark.parametrize(
    ("encoding", "en", "ko"),
    [
        ("cp949", "cp949", "cp949"),
        ("en=cp1252", "cp1252", "auto"),
        (" ko = cp949 , en = utf-8 ", "utf-8", "cp949"),
    ],
)
def test_encoding_per_language(encoding: str, en: str, ko: str) -> None:
    chosen = make_settings({"encoding": encoding}).encoding
    assert (encoding_for(chosen, "en"), encoding_for(chosen, "ko")) == (en, ko)


@pytest.mark.parametrize(
    ("encoding", "problem"),
    [
        ("en=cp1252,ko", f"an item 'ko' that is not language=codec (use {ENCODING_HINT})"),
        ("=cp1252", "an item '=cp1252' whose language is not a code such as en"),
        ("en=cp1252,en=utf-8", "two codecs for en"),
        ("en=latin-9", f"an unknown text encoding 'latin-9' (use {ENCODING_HINT})"),
        # a typo for ko would otherwise leave the Korean side on auto without a word
        ("kr=cp949", "names 'kr', which is not a language of this run (en, ko)"),
    ],
)
def test_bad_encoding_per_language_is_one_line(encoding: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings({"encoding": encoding})
    assert str(caught.value).startswith("setting 'encoding' ")
    assert str(caught.value).endswith(problem)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"fail_on": "warn"}, "setting 'fail_on' must be one of info, warning, error, never"),
        (
            {"min_score": "0.9"},
            "setting 'min_score' has an invalid value '0.9' (expected a number)",
        ),
        ({"boilerplate": "^Photo"}, "setting 'boilerplate' has an invalid value '^Photo'"),
        ({"disabled_checks": {"missing"}}, "a flag type of the check 'gap'"),
        ({"max_missing": -1}, "setting 'max_missing' must be 0 or more; got -1"),
        ({"presegmented": "no"}, "setting 'presegmented' has an invalid value 'no'"),
    ],
)
def test_settings_built_in_code_are_checked(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings(**values)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_settings_built_in_code_take_paths_and_lists_as_meant() -> None:
    settings = Settings(
        glossary="g.csv",  # type: ignore[arg-type]
        report_dir="out",  # type: ignore[arg-type]
        formats=["json"],  # type: ignore[arg-type]
        disabled_checks={"gap"},  # type: ignore[arg-type]
    )
    assert settings.glossary == Path("g.csv") and settings.report_dir == Path("out")
    assert settings.formats == ("json",) and settings.disabled_checks == frozenset({"gap"})
    assert dataclasses.replace(settings, cache_dir=None).cache_dir is None


def test_language_codes_are_lower_case_and_differ() -> None:
    assert (Settings(src_lang="EN").src_lang, Settings(tgt_lang="Ko").tgt_lang) == ("en", "ko")
    with pytest.raises(ConfigError, match="'src_lang' and 'tgt_lang' are both 'en'"):
        Settings(tgt_lang="en")
    with pytest.raises(ConfigError, match="setting 'src_lang' must be a language code"):
        Settings(src_lang="")


def test_both_config_files_in_one_folder_are_named(tmp_path: Path) -> None:
    Path("aligner.toml").write_text('fail_on = "warning"\n')
    Path("pyproject.toml").write_text('[tool.aligner]\nfail_on = "info"\n')
    result = CliRunner().invoke(main, ["check", "nope.txt", "nope.txt"])
    assert "aligner.toml is read and the [tool.aligner] of " in result.stderr
    assert "pyproject.toml beside it is not" in result.stderr
    Path("pyproject.toml").write_text('[project]\nname = "desk"\n')  # nothing for aligner
    result = CliRunner().invoke(main, ["check", "nope.txt", "nope.txt"])
    assert "is read and" not in result.stderr
