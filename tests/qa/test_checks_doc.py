"""Every example of docs/checks.md, run through the real pipeline with the bundled model.

An example is a fenced ``example`` block of ``en:`` / ``ko:`` lines (one
sentence each), optional ``glossary:`` rows and ``expect: TYPE`` or
``expect: no TYPE`` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aligner import api
from aligner.config import Settings
from aligner.embed import Encoder
from aligner.models import DocumentPair, DocumentResult
from aligner.qa.registry import CHECKS
from conftest import ROOT

CHECKS_DOC = ROOT / "docs" / "checks.md"
_BLOCK = re.compile(r"^```example\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_LINE = re.compile(r"^(en|ko|glossary|expect):\s?(.*)$")
GAP_TYPES = {"missing", "extra", "unaligned"}


@dataclass
class Example:
    """One example block of the checks page."""

    line: int
    en: list[str] = field(default_factory=list)
    ko: list[str] = field(default_factory=list)
    glossary: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"line{self.line}-" + "-".join(e.replace(" ", "_") for e in self.expect)


def parse_examples(text: str) -> list[Example]:
    """The example blocks of ``text``, in order."""
    examples = []
    for block in _BLOCK.finditer(text):
        example = Example(text.count("\n", 0, block.start()) + 1)
        for raw in block.group(1).splitlines():
            found = _LINE.match(raw)
            assert found, f"checks.md line {example.line}: cannot read {raw!r}"
            getattr(example, found.group(1)).append(found.group(2))
        examples.append(example)
    return examples


EXAMPLES = parse_examples(CHECKS_DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _run(example: Example, folder: Path, encoder: Encoder) -> DocumentResult:
    settings = Settings(presegmented=True)
    if example.glossary:
        glossary = folder / "glossary.csv"
        glossary.write_text("en,ko,forbidden\n" + "\n".join(example.glossary) + "\n", "utf-8")
        settings = Settings(presegmented=True, glossary=glossary)
    paths = []
    for lang, lines in (("en", example.en), ("ko", example.ko)):
        paths.append(folder / f"example.{lang}")
        paths[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    src = api.load_document(paths[0], "en", settings=settings)
    tgt = api.load_document(paths[1], "ko", settings=settings)
    pair = DocumentPair("example", paths[0], paths[1])
    return api.check_documents(src, tgt, pair, encoder=encoder, settings=settings)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example(example: Example, tmp_path: Path, encoder: Encoder) -> None:
    result = _run(example, tmp_path, encoder)
    found = {flag.type for flag in result.flags}
    for expectation in example.expect:
        wanted = expectation.removeprefix("no ").strip()
        messages = [f"{f.type}: {f.message}" for f in result.flags]
        if expectation.startswith("no "):
            assert wanted not in found, (example.line, messages)
        else:
            assert wanted in found, (example.line, messages)


def test_every_check_has_a_section_and_both_kinds_of_example() -> None:
    text = CHECKS_DOC.read_text(encoding="utf-8")
    expected = {e for example in EXAMPLES for e in example.expect}
    for name in CHECKS:
        assert f"## `{name}`" in text, f"docs/checks.md has no section for {name}"
        for kind in GAP_TYPES if name == "gap" else {name}:
            assert kind in expected, f"no example triggers {kind}"
            assert f"no {kind}" in expected, f"no example shows {kind} not firing"


def test_examples_are_well_formed() -> None:
    assert len(EXAMPLES) >= 2 * len(CHECKS)
    for example in EXAMPLES:
        assert example.en and example.ko and example.expect, example.line
