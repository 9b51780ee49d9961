"""The README must describe every command and option users see in --help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.config import load_config_file, make_settings
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_is_in_the_readme() -> None:
    for name, command in main.commands.items():
        assert command.help, name
        assert f"aligner {name}" in README, name


def test_readme_shows_the_current_help_text() -> None:
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"], prog_name="aligner")
        assert result.exit_code == 0
        assert f"$ aligner {name} --help\n{result.stdout}```" in README, (
            f"README.md's `aligner {name} --help` block is stale"
        )


def test_readme_commands_use_the_constraints_file() -> None:
    assert "pip install -c constraints.txt" in README
    assert "torch==2.13.0" in (ROOT / "constraints.txt").read_text()


def test_readme_lists_every_setting() -> None:
    import dataclasses

    from aligner.config import Settings

    missing = [f.name for f in dataclasses.fields(Settings) if f"`{f.name}`" not in README]
    assert not missing, f"README.md's settings table lacks {missing}"


@pytest.mark.parametrize("page", ["README.md", "docs/checks.md"])
def test_config_examples_are_valid_settings(page: str, tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", (ROOT / page).read_text("utf-8"), re.S)
    assert blocks
    for block in blocks:
        config = tmp_path / "aligner.toml"
        config.write_text(block, encoding="utf-8")
        make_settings(load_config_file(config))  # raises ConfigError on a bad example
