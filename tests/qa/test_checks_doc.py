"""Every example of docs/checks.md, run through the real pipeline with the bundled model.

An example is a fenced ``example`` block of ``en:`` / ``ko:`` lines (one
sentence each), optional ``glossary:`` rows, ``expect: TYPE`` or
``expect: no TYPE`` lines and ``mark: LANG WORDS`` lines (a flag's spans cover
exactly WORDS in a sentence of that language: the words the HTML report marks);
``source: ko`` checks the Korean as the original (``src_lang = "ko"``,
``tgt_lang = "en"``). A ``document: NAME`` line starts another document of the
same run, for cross-document checks (``consistency``); the lines before it belong
to the document ``example``. Every example is checked as one run by
:func:`aligner.api.check_paths`, so cross-document checks run too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from aligner import api
from aligner.config import CHECK_FLAG_TYPES, Settings
from aligner.embed import Encoder
from aligner.models import DocumentResult
from aligner.qa.registry import CHECKS, CROSS_CHECKS
from conftest import ROOT

CHECKS_DOC = ROOT / "docs" / "checks.md"
_BLOCK = re.compile(r"^```example\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_LINE = re.compile(r"^(en|ko|glossary|expect|mark|document|source):\s?(.*)$")


@dataclass
class Story:
    """One document of an example: its English and Korean sentences."""

    name: str
    en: list[str] = field(default_factory=list)
    ko: list[str] = field(default_factory=list)


@dataclass
class Example:
    """One example block of the checks page."""

    line: int
    stories: list[Story] = field(default_factory=lambda: [Story("example")])
    glossary: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)  # ["ko"]: a Korean original
    mark: list[str] = field(default_factory=list)

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
            key, value = found.groups()
            if key == "document":
                example.stories.append(Story(value))
            elif key in ("en", "ko"):
                getattr(example.stories[-1], key).append(value)
            else:
                getattr(example, key).append(value)
        examples.append(example)
    return examples


EXAMPLES = parse_examples(CHECKS_DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _run(example: Example, folder: Path, encoder: Encoder) -> list[DocumentResult]:
    settings = Settings(presegmented=True, cache=False)
    if example.glossary:
        glossary = folder / "glossary.csv"
        glossary.write_text("en,ko,forbidden\n" + "\n".join(example.glossary) + "\n", "utf-8")
        settings = replace(settings, glossary=glossary)
    sides = ("en", "ko")
    if example.source == ["ko"]:
        sides = ("ko", "en")
        settings = replace(settings, src_lang="ko", tgt_lang="en")
    for story in example.stories:
        for lang, lines in (("en", story.en), ("ko", story.ko)):
            (folder / lang).mkdir(exist_ok=True)
            (folder / lang / story.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = api.check_paths(folder / sides[0], folder / sides[1], settings=settings, encoder=encoder)
    assert not run.problems, run.problems
    return run.documents


def _marked(results: list[DocumentResult]) -> set[str]:
    """Every ``LANG WORDS`` a flag's spans cover."""
    marked = set()
    for result in results:
        for flag in result.flags:
            for span in flag.spans:
                document = result.src if span.side == "src" else result.tgt
                words = document.sentences[span.sentence].text[span.start : span.end]
                marked.add(f"{document.lang} {words}")
    return marked


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example(example: Example, tmp_path: Path, encoder: Encoder) -> None:
    results = _run(example, tmp_path, encoder)
    flags = [flag for result in results for flag in result.flags]
    marked = _marked(results)
    for mark in example.mark:
        assert mark in marked, (example.line, sorted(marked))
    found = {flag.type for flag in flags}
    for expectation in example.expect:
        wanted = expectation.removeprefix("no ").strip()
        messages = [f"{f.type}: {f.message}" for f in flags]
        if expectation.startswith("no "):
            assert wanted not in found, (example.line, messages)
        else:
            assert wanted in found, (example.line, messages)


def test_every_check_has_a_section_and_both_kinds_of_example() -> None:
    text = CHECKS_DOC.read_text(encoding="utf-8")
    for name in [*CHECKS, *CROSS_CHECKS]:
        assert f"## `{name}`" in text, f"docs/checks.md has no section for {name}"
        section = text.split(f"## `{name}`", 1)[1].split("\n## ", 1)[0]
        expected = {e for example in parse_examples(section) for e in example.expect}
        for kind in CHECK_FLAG_TYPES[name]:
            assert kind in expected, f"no example of {name} triggers {kind}"
            assert f"no {kind}" in expected, f"no example of {name} shows {kind} not firing"


def test_examples_are_well_formed() -> None:
    assert len(EXAMPLES) >= 2 * (len(CHECKS) + len(CROSS_CHECKS))
    for example in EXAMPLES:
        assert example.expect, example.line
        assert example.source in ([], ["ko"]), example.line
        for story in example.stories:
            assert story.en and story.ko, (example.line, story.name)
