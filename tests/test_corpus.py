"""Tests for aligner.corpus.pair_documents: files, trees, unpaired and skipped entries."""

from __future__ import annotations

import glob
import os
import shlex
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from aligner.corpus import Pairing, exclude_matcher, pair_documents, pair_tagged, unmatched_globs
from aligner.errors import InputError
from aligner.models import DocumentPair, InputProblem


def _tree(root: Path, *names: str) -> Path:
    """Create ``root`` with one small text file per relative name."""
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"text of {name}\n", encoding="utf-8")
    return root


def _pair(src: Path, tgt: Path, **options: Any) -> tuple[list[DocumentPair], list[InputProblem]]:
    found = pair_documents(src, tgt, **options)
    return found.pairs, found.problems


def _names(pairs: list[DocumentPair]) -> list[str]:
    return [pair.name for pair in pairs]


def test_two_files_make_one_pair(tmp_path: Path) -> None:
    _tree(tmp_path, "story.en.txt", "story.ko.txt")
    src, tgt = tmp_path / "story.en.txt", tmp_path / "story.ko.txt"
    # named as a tree of tagged files names it, so that waivers carry over
    assert pair_documents(src, tgt) == Pairing([DocumentPair("story.txt", src, tgt)], [])
    _tree(tmp_path, "notes.en.txt", "draft.ko.txt")
    src, tgt = tmp_path / "notes.en.txt", tmp_path / "draft.ko.txt"
    assert pair_documents(src, tgt) == Pairing([DocumentPair("notes.en.txt", src, tgt)], [])


def test_nested_directories_pair_by_relative_path(tmp_path: Path) -> None:
    names = ("b.txt", "a.txt", "world/2024/summit.txt", "world/asia.txt", "z/deep/er/x.md")
    src = _tree(tmp_path / "en", *names)
    tgt = _tree(tmp_path / "ko", *names)
    pairs, problems = _pair(src, tgt)
    assert problems == []
    assert _names(pairs) == sorted(names)  # sorted by POSIX relative path
    summit = pairs[_names(pairs).index("world/2024/summit.txt")]
    assert summit.src_path == src / "world" / "2024" / "summit.txt"
    assert summit.tgt_path == tgt / "world" / "2024" / "summit.txt"


def test_order_is_deterministic(tmp_path: Path) -> None:
    names = [f"d{i % 3}/f{i}.txt" for i in range(12)]
    src = _tree(tmp_path / "en", *names)
    tgt = _tree(tmp_path / "ko", *reversed(names))
    assert pair_documents(src, tgt) == pair_documents(src, tgt)
    assert _names(pair_documents(src, tgt).pairs) == sorted(names)


def test_unpaired_files_on_both_sides_are_reported(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "both.txt", "only-en.txt", "sub/only-en2.txt")
    tgt = _tree(tmp_path / "ko", "both.txt", "only-ko.txt")
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["both.txt"]
    way_out = "; add it, or leave this file out of the run with --exclude"
    assert problems == [
        InputProblem(
            str(src / "only-en.txt"),
            f"no Korean counterpart (expected {tgt / 'only-en.txt'}){way_out} only-en.txt",
        ),
        InputProblem(
            str(src / "sub/only-en2.txt"),
            f"no Korean counterpart (expected {tgt / 'sub/only-en2.txt'}){way_out} "
            "sub/only-en2.txt",
        ),
        InputProblem(
            str(tgt / "only-ko.txt"),
            f"no English counterpart (expected {src / 'only-ko.txt'}){way_out} only-ko.txt",
        ),
    ]


def test_hidden_files_and_directories_are_ignored(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt", ".DS_Store", ".git/config", "sub/.hidden.txt")
    tgt = _tree(tmp_path / "ko", "a.txt", ".git/HEAD", ".cache/sub/a.txt")
    assert pair_documents(src, tgt) == Pairing(
        [DocumentPair("a.txt", src / "a.txt", tgt / "a.txt")], []
    )


def test_hidden_root_itself_is_walked(tmp_path: Path) -> None:
    src = _tree(tmp_path / ".en", "a.txt")
    tgt = _tree(tmp_path / ".ko", "a.txt")
    assert _names(pair_documents(src, tgt).pairs) == ["a.txt"]


def test_symlink_outside_tree_is_a_problem_not_a_pair(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside\n", encoding="utf-8")
    src = _tree(tmp_path / "en", "a.txt", "b.txt")
    tgt = _tree(tmp_path / "ko", "a.txt")
    (tgt / "b.txt").symlink_to(secret)
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt"]
    # One problem for the link; its English counterpart is not also reported.
    assert len(problems) == 1
    assert problems[0].path == str(tgt / "b.txt")
    assert "points outside" in problems[0].message
    assert str(secret) in problems[0].message
    (tgt / "a.txt").unlink()  # now the link is the only Korean file: no pair at all
    with pytest.raises(InputError, match=r"Korean side: 0; skipped .*/b.txt: symbolic link"):
        pair_documents(src, tgt)


def test_symlinked_directory_outside_tree_is_a_problem(tmp_path: Path) -> None:
    elsewhere = _tree(tmp_path / "elsewhere", "x.txt")
    src = _tree(tmp_path / "en", "a.txt")
    tgt = _tree(tmp_path / "ko", "a.txt")
    (src / "linked").symlink_to(elsewhere, target_is_directory=True)
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt"]
    assert [p.path for p in problems] == [str(src / "linked")]
    assert "points outside" in problems[0].message


def test_symlinks_inside_tree(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt", "real/b.txt")
    tgt = _tree(tmp_path / "ko", "a.txt", "real/b.txt", "c.txt")
    (src / "c.txt").symlink_to(src / "a.txt")  # file link: followed and paired
    (src / "alias").symlink_to(src / "real", target_is_directory=True)  # not descended
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt", "c.txt", "real/b.txt"]
    assert problems == []


def test_relative_symlink_to_root_through_symlinked_root(tmp_path: Path) -> None:
    real = _tree(tmp_path / "real-en", "a.txt")
    (real / "b.txt").symlink_to("a.txt")
    src = tmp_path / "en"
    src.symlink_to(real, target_is_directory=True)
    tgt = _tree(tmp_path / "ko", "a.txt", "b.txt")
    assert _names(pair_documents(src, tgt).pairs) == ["a.txt", "b.txt"]


def test_broken_symlink_is_a_problem(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt")
    tgt = _tree(tmp_path / "ko", "a.txt")
    (src / "gone.txt").symlink_to(src / "missing.txt")
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt"]
    assert [(p.path, p.message.split(" (")[0]) for p in problems] == [
        (str(src / "gone.txt"), "broken symbolic link")
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_files_are_reported(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt")
    tgt = _tree(tmp_path / "ko", "a.txt", "pipe")
    os.mkfifo(src / "pipe")
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt"]
    assert [p.path for p in problems] == [str(src / "pipe")]
    assert "not a regular file" in problems[0].message


def test_unlistable_subdirectory_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _tree(tmp_path / "en", "a.txt", "locked/b.txt")
    tgt = _tree(tmp_path / "ko", "a.txt")
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == ["a.txt"]
    assert [p.path for p in problems] == [str(src / "locked")]
    assert "cannot list directory (Permission denied)" in problems[0].message


def test_unlistable_root_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _tree(tmp_path / "en", "a.txt")
    tgt = _tree(tmp_path / "ko", "a.txt")

    def deny(path: Path) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", deny)
    with pytest.raises(InputError, match=r"en: cannot list directory \(Permission denied\)"):
        pair_documents(src, tgt)


def test_korean_names_pair_across_unicode_normalisation(tmp_path: Path) -> None:
    name = "정치/기사.txt"
    src = _tree(tmp_path / "en", unicodedata.normalize("NFC", name))
    tgt = _tree(tmp_path / "ko", unicodedata.normalize("NFD", name))  # as macOS writes it
    pairs, problems = _pair(src, tgt)
    assert (_names(pairs), problems) == ([name], [])
    assert pairs[0].tgt_path.exists()  # the on-disk (NFD) path, not the pairing key


def _bytes_tree(root: Path, *names: bytes) -> Path:
    """``_tree`` for names given as bytes (not UTF-8: CP949 from a Windows zip)."""
    for name in names:
        path = root / os.fsdecode(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.write_bytes(b"text of " + name + b"\n")
        except OSError:
            pytest.skip("this file system accepts only valid UTF-8 names")
    return root


def test_names_that_are_not_utf8_pair_and_are_named_printably(tmp_path: Path) -> None:
    name = "world/기사.txt".encode("cp949")
    src = _bytes_tree(tmp_path / "en", name, "뉴스.txt".encode("cp949"))
    tgt = _bytes_tree(tmp_path / "ko", name)
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == [r"world/\xb1\xe2\xbb\xe7.txt"]
    assert pairs[0].tgt_path.exists()  # the real path, for reading
    assert [(p.path, p.message) for p in problems] == [
        (
            rf"{src}/\xb4\xba\xbd\xba.txt",
            rf"no Korean counterpart (expected {tgt}/\xb4\xba\xbd\xba.txt); add it, or leave "
            r"this file out of the run with --exclude '\xb4\xba\xbd\xba.txt'",
        )
    ]
    suggested = shlex.split(problems[0].message.rsplit("--exclude ", 1)[1])
    assert pair_documents(src, tgt, exclude_globs=suggested).problems == []
    single = pair_documents(src / os.fsdecode(name), tgt / os.fsdecode(name)).pairs
    assert _names(single) == [r"\xb1\xe2\xbb\xe7.txt"]


def test_a_name_that_spells_the_escape_of_another_is_not_checked(tmp_path: Path) -> None:
    """Two files must never share a report: a name written ``\\xb1.txt`` and a name
    holding the byte 0xb1 would."""
    src = _bytes_tree(tmp_path / "en", b"\\xb1.txt", b"\xb1.txt")
    tgt = _bytes_tree(tmp_path / "ko", b"\\xb1.txt", b"\xb1.txt")
    pairs, problems = _pair(src, tgt)
    assert _names(pairs) == [r"\xb1.txt"]
    assert len(problems) == 2
    assert all("after Unicode normalisation or escaping of bytes" in p.message for p in problems)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt")
    with pytest.raises(InputError, match=r"^.*ko: no such file or directory"):
        pair_documents(src, tmp_path / "ko")
    with pytest.raises(InputError, match=r"^.*nope\.txt: no such file or directory"):
        pair_documents(tmp_path / "nope.txt", src / "a.txt")


@pytest.mark.parametrize("dir_side", ["src", "tgt"])
def test_file_and_directory_is_an_error(tmp_path: Path, dir_side: str) -> None:
    folder = _tree(tmp_path / "corpus", "a.txt")
    single = folder / "a.txt"
    src, tgt = (folder, single) if dir_side == "src" else (single, folder)
    with pytest.raises(InputError) as info:
        pair_documents(src, tgt)
    assert str(info.value) == (
        f"{folder}: is a directory but {single} is a file; pass two files or two directories"
    )


def test_directories_without_any_pair_is_an_error(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt", "b.txt", "c.txt")
    tgt = _tree(tmp_path / "ko", "x.txt", "y.txt", ".hidden.txt")
    with pytest.raises(InputError) as info:
        pair_documents(src, tgt)
    message = str(info.value)
    assert message.startswith(f"{src} and {tgt}: no file has the same relative path")
    assert "English side: 3 files, Korean side: 2" in message


def test_empty_directories_is_an_error(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en")
    tgt = _tree(tmp_path / "ko")
    with pytest.raises(InputError, match="English side: 0 files, Korean side: 0"):
        pair_documents(src, tgt)


def test_the_report_folder_inside_a_tree_is_not_corpus(tmp_path: Path) -> None:
    src = _tree(tmp_path / "en", "a.txt", "reports/index.html", "reports/a.txt.json")
    tgt = _tree(tmp_path / "ko", "a.txt")
    pairs, problems = _pair(src, tgt, exclude=Path(tmp_path / "en" / "reports"))
    assert (_names(pairs), problems) == (["a.txt"], [])
    with pytest.raises(InputError, match="the report folder is the Korean tree itself"):
        pair_documents(src, tgt, exclude=tgt)
    _, problems = _pair(src, tgt)  # an ordinary folder: its files are unpaired
    assert sorted(p.path for p in problems) == [
        str(src / "reports" / n) for n in ("a.txt.json", "index.html")
    ]


def test_exclude_globs_leave_files_out_of_two_trees_and_are_counted(tmp_path: Path) -> None:
    src = _tree(
        tmp_path / "en",
        "world/a.txt",
        "world/b-en-only.txt",
        "world/deep/c-en-only.txt",
        "drafts/x/d.txt",
        "notes.bak",
        "sub/old.bak",
    )
    tgt = _tree(tmp_path / "ko", "world/a.txt", "drafts/x/d.txt", "drafts/e-ko-only.txt")
    (src / "drafts" / "broken.txt").symlink_to(src / "nowhere.txt")
    found = pair_documents(src, tgt)
    assert len(found.problems) == 6 and found.excluded == 0
    found = pair_documents(
        src, tgt, exclude_globs=["world/*-en-only.txt", "drafts/**", "**/*.bak", "./world/deep"]
    )
    assert _names(found.pairs) == ["world/a.txt"]
    assert found.problems == []
    # a pair's two files, two one-sided files, a broken link, two .bak files, one in deep/
    assert found.excluded == 8
    # * stays within a folder, and a glob matches from the top of the tree
    found = pair_documents(src, tgt, exclude_globs=["world/*-en-only.txt", "x/d.txt", "*.bak"])
    assert [p.path for p in found.problems if "-en-only" in p.path] == [
        str(src / "world/deep/c-en-only.txt")
    ]
    assert "world/b-en-only.txt" not in str(found.problems)
    assert [p.path for p in found.problems if "d.txt" in p.path] == []  # drafts/x/d.txt pairs
    assert [p.path for p in found.problems if ".bak" in p.path] == [str(src / "sub/old.bak")]
    assert found.excluded == 2


def test_exclude_globs_in_a_tagged_tree_match_the_file_or_the_document(tmp_path: Path) -> None:
    root = _tree(tmp_path, "a.en.txt", "a.ko.txt", "b.en.txt", "b.ko.txt", "c.en.txt")
    found = pair_tagged(root, ("en", "ko"), exclude_globs=["a.txt", "c.en.txt"])
    assert (_names(found.pairs), found.problems, found.excluded) == (["b.txt"], [], 3)
    found = pair_tagged(root, ("en", "ko"), exclude_globs=["b.ko.txt"])
    assert [p.path for p in found.problems] == [str(root / "b.en.txt"), str(root / "c.en.txt")]


def test_exclude_globs_never_leave_out_files_named_on_the_command_line(tmp_path: Path) -> None:
    _tree(tmp_path, "story.en.txt", "story.ko.txt")
    for found in (
        pair_documents(tmp_path / "story.en.txt", tmp_path / "story.ko.txt", exclude_globs=["*"]),
        pair_tagged(tmp_path / "story.en.txt", ("en", "ko"), exclude_globs=["*"]),
    ):
        assert _names(found.pairs) == ["story.txt"] and found.excluded == 0


def test_a_tree_whose_files_are_all_excluded_says_so(tmp_path: Path) -> None:
    src, tgt = _tree(tmp_path / "en", "a.txt"), _tree(tmp_path / "ko", "a.txt")
    with pytest.raises(InputError, match=r"Korean side: 0; 2 file\(s\) left out by exclude\)"):
        pair_documents(src, tgt, exclude_globs=["a.txt"])


def test_a_glob_escaped_as_suggested_matches_only_its_own_name() -> None:
    excluded = exclude_matcher([glob.escape("world/a[1]*.txt")])
    assert excluded("world/a[1]*.txt") and not excluded("world/a1x.txt")
    assert exclude_matcher(["[!a]?.txt"])("b1.txt") and not exclude_matcher(["[!a]?.txt"])("a1.txt")
    assert exclude_matcher(["[a-c].txt"])("b.txt") and not exclude_matcher(["[a-c].txt"])("-.txt")
    # names are compared composed (NFC), however the glob was typed
    assert exclude_matcher([unicodedata.normalize("NFD", "기사/*")])("기사/a.txt")


@pytest.mark.parametrize("name", ["", "a.txt"])
def test_the_same_path_on_both_sides_is_refused(tmp_path: Path, name: str) -> None:
    _tree(tmp_path / "en", "a.txt")
    kind = "file" if name else "directory"
    with pytest.raises(InputError, match=f"the same {kind} on both sides"):
        pair_documents(tmp_path / "en" / name, tmp_path / "en" / ".." / "en" / name)


# ------------------------------------------------------------ one tree, language tags


def test_one_tree_pairs_files_by_language_tag(tmp_path: Path) -> None:
    root = _tree(
        tmp_path / "stories",
        "a.en.txt",
        "a.ko.txt",
        "sub/b_EN.md",
        "sub/b_KO.md",
        "news-ko-001.en",
        "news-ko-001.ko",
        "d.en.txt",
        "notes.txt",
    )
    found = pair_tagged(root, ("en", "ko"))
    assert _names(found.pairs) == ["a.txt", "news-ko-001", "sub/b.md"]
    b = found.pairs[2]
    assert (b.src_path, b.tgt_path) == (root / "sub" / "b_EN.md", root / "sub" / "b_KO.md")
    assert found.problems == [
        InputProblem(
            str(root / "d.en.txt"),
            f"no Korean counterpart (expected {root}/d.ko.txt); add it, or leave this file "
            "out of the run with --exclude d.txt",
        )
    ]
    assert found.untagged == [root / "notes.txt"]


def test_problems_name_the_languages_of_the_run(tmp_path: Path) -> None:
    root = _tree(tmp_path / "tagged", "a.de.txt", "a.fr.txt", "b.de.txt", "c.pt.txt")
    [lone] = pair_tagged(root, ("de", "fr")).problems
    assert lone.message.startswith("no French counterpart")
    _tree(tmp_path / "trees", "de/x.txt", "fr/y.txt", "de/z.txt", "fr/z.txt")
    messages = {p.message.split(" (")[0] for p in pair_documents(
        tmp_path / "trees" / "de", tmp_path / "trees" / "fr", langs=("de", "pt")
    ).problems}  # fmt: skip
    assert messages == {"no PT counterpart", "no German counterpart"}


def test_one_tree_reports_two_files_with_one_name_and_skips_the_report_folder(
    tmp_path: Path,
) -> None:
    root = _tree(tmp_path, "x.en.txt", "x_en.txt", "x.ko.txt", "reports/y.en.txt")
    found = pair_tagged(root, ("en", "ko"), exclude=root / "reports")
    assert _names(found.pairs) == ["x.txt"]
    [problem] = found.problems
    assert problem.path == str(root / "x_en.txt") and "same document as" in problem.message
    with pytest.raises(InputError, match="report folder is the tree itself"):
        pair_tagged(root, ("en", "ko"), exclude=root)


def test_one_english_file_is_paired_with_its_tagged_translation(tmp_path: Path) -> None:
    _tree(tmp_path, "story.en.txt", "story.ko.txt", "lonely.en.txt", "plain.txt")
    found = pair_tagged(tmp_path / "story.en.txt", ("en", "ko"))
    assert found.pairs == [
        DocumentPair("story.txt", tmp_path / "story.en.txt", tmp_path / "story.ko.txt")
    ]
    with pytest.raises(
        InputError, match=r"lonely\.en\.txt: no translation \(expected .*lonely\.ko\.txt\)"
    ):
        pair_tagged(tmp_path / "lonely.en.txt", ("en", "ko"))
    with pytest.raises(InputError, match="no 'en' language tag in the file name"):
        pair_tagged(tmp_path / "plain.txt", ("en", "ko"))
    with pytest.raises(InputError, match="story.ko.txt: it is the 'ko' file: pass the 'en' one"):
        pair_tagged(tmp_path / "story.ko.txt", ("en", "ko"))


def test_one_file_finds_its_translation_whatever_the_tag_case(tmp_path: Path) -> None:
    _tree(tmp_path, "x.EN.txt", "x.ko.txt", "y_en.md", "y-KO.md")
    for first, second, name in (("x.EN.txt", "x.ko.txt", "x.txt"), ("y_en.md", "y-KO.md", "y.md")):
        found = pair_tagged(tmp_path / first, ("EN", "ko"))
        assert found.pairs == [DocumentPair(name, tmp_path / first, tmp_path / second)]


def test_one_tree_without_pairs_is_an_error(tmp_path: Path) -> None:
    root = _tree(tmp_path / "t", "a.txt", "b.en.txt")
    with pytest.raises(InputError, match=r"no two files differ only in their language tag"):
        pair_tagged(root, ("en", "ko"))
    with pytest.raises(InputError, match="no such file or directory"):
        pair_tagged(tmp_path / "nope", ("en", "ko"))
    corpus = _tree(tmp_path / "corpus", "en/a.txt", "ko/a.txt")
    with pytest.raises(InputError, match=rf"did you mean: aligner check {corpus}/en {corpus}/ko$"):
        pair_tagged(corpus, ("en", "ko"))


def test_an_exclude_glob_that_matches_nothing_is_named(tmp_path: Path) -> None:
    for side in ("en", "ko"):
        (tmp_path / side / "world").mkdir(parents=True)
        (tmp_path / side / "world" / "a.txt").write_text("x", encoding="utf-8")
    roots = [tmp_path / "en", tmp_path / "ko"]
    # a glob is a path within each tree: the tree's own folder in it matches nothing
    globs = ("world/a.txt", "world", "en/world/a.txt", "**/*.bak")
    assert unmatched_globs(globs, roots) == ["en/world/a.txt", "**/*.bak"]
