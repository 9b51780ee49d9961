"""Finding EN/KO document pairs: two files, two trees paired by relative path, or
one tree (or file) whose names carry a language tag (``story.en.txt`` /
``story.ko.txt``, ``doc_en.md`` / ``doc_ko.md``, ``001.en`` / ``001.ko``).

Only names and file types are looked at here, never contents (see ``io.py``).
Files that cannot be paired are returned as :class:`InputProblem` so the run
summary lists them instead of dropping them silently; only the ``exclude`` globs
leave a file out, and the run counts them.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shlex
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aligner.config import language_name
from aligner.errors import InputError
from aligner.io import printable
from aligner.models import DocumentPair, InputProblem


@dataclass
class _Tree:
    """The usable files of one directory and the entries that had to be skipped.

    Both are keyed by the NFC-normalised relative POSIX path: macOS stores
    Korean file names decomposed (NFD), Linux and Windows usually composed, so
    a corpus copied between them would otherwise never pair up. The key is also
    :func:`~aligner.io.printable` (bytes that are not UTF-8, e.g. CP949 names
    from a Windows zip, written ``\\xNN``): it is the pair's name in every report
    and report file name, so it must be text that can be written anywhere.
    """

    root: Path
    exclude: Path | None = None  # resolved; a directory that is not corpus
    excluded_by: Callable[[str], bool] = lambda key: False  # the exclude globs
    files: dict[str, Path] = field(default_factory=dict)
    skipped: dict[str, InputProblem] = field(default_factory=dict)
    excluded: int = 0  # files the globs left out


@dataclass(frozen=True)
class Pairing:
    """The pairs found, the files that could not be paired or read (problems), the
    files of a one-tree run that carry neither language tag (not documents of the
    run, but worth a word to the user) and how many files the exclude globs left out."""

    pairs: list[DocumentPair]
    problems: list[InputProblem]
    untagged: list[Path] = field(default_factory=list)
    excluded: int = 0


def exclude_matcher(globs: Sequence[str]) -> Callable[[str], bool]:
    """Whether a relative POSIX path (from the top of its tree) matches one of the
    ``exclude`` globs: ``*`` and ``?`` within one folder name, ``**`` across folders,
    ``[...]`` a set; a folder a glob matches leaves out everything inside.

    Example:
        >>> excluded = exclude_matcher(["world/*-en-only.txt", "drafts", "**/*.bak"])
        >>> [excluded(p) for p in ("world/a-en-only.txt", "world/x/a-en-only.txt")]
        [True, False]
        >>> [excluded(p) for p in ("drafts/a/b.txt", "news/drafts.txt", "a/b/c.bak")]
        [True, False, True]
    """
    if not globs:
        return lambda key: False
    pattern = re.compile("|".join(_glob_regex(g) for g in globs))
    return lambda key: pattern.fullmatch(key) is not None


def unmatched_globs(globs: Sequence[str], roots: Sequence[Path]) -> list[str]:
    """The ``exclude`` globs that match no file nor folder of the trees ``roots``: a
    glob written with the tree's own folder (``en/drafts/**``) leaves out nothing."""
    if not globs:
        return []
    keys = [_key(root, path) for root in roots for path in root.rglob("*")]
    return [g for g in globs if not any(map(exclude_matcher([g]), keys))]


def _glob_regex(pattern: str) -> str:
    pattern = unicodedata.normalize("NFC", pattern).removeprefix("./").strip("/")
    out, k = [], 0
    while k < len(pattern):
        if pattern.startswith("**/", k):
            out.append("(?:.*/)?")
            k += 3
        elif pattern.startswith("**", k):
            out.append(".*")
            k += 2
        elif pattern[k] in "*?":
            out.append("[^/]*" if pattern[k] == "*" else "[^/]")
            k += 1
        elif pattern[k] == "[" and (close := pattern.find("]", k + 2)) > 0:
            inside = pattern[k + 1 : close]
            negate = inside.startswith("!")
            members = "".join(c if c == "-" else re.escape(c) for c in inside[negate:])
            out.append(f"[{'^' if negate else ''}{members}]")
            k = close + 1
        else:
            out.append(re.escape(pattern[k]))
            k += 1
    return f"(?:{''.join(out)}(?:/.*)?)"  # the file itself, or a folder holding it


def pair_documents(
    src: Path,
    tgt: Path,
    *,
    exclude: Path | None = None,
    exclude_globs: Sequence[str] = (),
    langs: tuple[str, str] = ("en", "ko"),
) -> Pairing:
    """Pair an English and a Korean file, or every file of two directories.

    Two files give one pair named after the source file, less its language tag
    when the two names differ only in their tags (``story.en.txt`` and
    ``story.ko.txt``: ``story.txt``, as a tree of tagged files names it). Two directories are
    walked recursively; regular files are paired by identical relative path
    (its POSIX form is the pair's name). Hidden files and directories (``.git``,
    ``.DS_Store``...) are ignored. Symbolic links to files inside the same tree
    are followed; links to directories are not (their files are reached by
    their real path); links that resolve outside the tree, broken links and
    special files are reported, not paired.

    Args:
        src: The English file or directory.
        tgt: The Korean file or directory.
        exclude: A directory inside the trees that is not corpus (the report
            folder), left out silently; it may not be a tree itself.
        exclude_globs: Files of the trees to leave out (see :func:`exclude_matcher`),
            matched against their relative path; two files are always paired.

    Returns:
        The pairs sorted by name, and the problems sorted by path: files
        without a counterpart ("no Korean counterpart (expected ...)") and
        entries that were skipped.

    Raises:
        InputError: A path does not exist, both are the same, one is a file and
            the other a directory, ``exclude`` is one of the trees, or two
            directories have no file in common.

    Example:
        >>> found = pair_documents(Path("en"), Path("ko"))  # doctest: +SKIP
        >>> found.pairs[0].name  # doctest: +SKIP
        'world/2024-05-01-summit.txt'
    """
    for path in (src, tgt):
        if not path.exists():
            raise InputError(f"{path}: no such file or directory; check the path")
    if src.is_dir() != tgt.is_dir():
        folder, single = (src, tgt) if src.is_dir() else (tgt, src)
        raise InputError(
            f"{folder}: is a directory but {single} is a file; pass two files or two directories"
        )
    if src.resolve() == tgt.resolve():
        kind = "directory" if src.is_dir() else "file"
        raise InputError(
            f"{printable(src)} and {printable(tgt)}: the same {kind} on both sides; pass the "
            f"{language_name(langs[0])} {kind} first and the {language_name(langs[1])} one second"
        )
    if not src.is_dir():
        tagged = _language_tag(src.name, langs)
        if tagged is None or _language_tag(tgt.name, langs) != (tagged[0], langs[1]):
            tagged = (src.name, langs[0])
        return Pairing([DocumentPair(name=printable(tagged[0]), src_path=src, tgt_path=tgt)], [])
    skip = None if exclude is None else exclude.resolve()
    for root, lang in zip((src, tgt), map(language_name, langs), strict=True):
        if skip == root.resolve():
            raise InputError(
                f"{printable(exclude or root)}: the report folder is the {lang} tree itself, "
                "and its reports would be read as documents; pass another --report-dir"
            )
    excluded_by = exclude_matcher(exclude_globs)
    src_tree, tgt_tree = (_scan_tree(root, skip, excluded_by) for root in (src, tgt))
    pairs, problems = _pair_trees(
        src_tree, tgt_tree, lambda path, name, other: other.root / name, langs
    )
    if not pairs:
        skipped = [*src_tree.skipped.values(), *tgt_tree.skipped.values()]
        why = f"; skipped {skipped[0].path}: {skipped[0].message}" if skipped else ""
        raise InputError(
            f"{src} and {tgt}: no file has the same relative path in both directories "
            f"({language_name(langs[0])} side: {len(src_tree.files)} files, "
            f"{language_name(langs[1])} side: {len(tgt_tree.files)}{why}"
            f"{_left_out(src_tree.excluded + tgt_tree.excluded)}); name each "
            "translation like its original"
        )
    return Pairing(pairs, problems, excluded=src_tree.excluded + tgt_tree.excluded)


def _left_out(excluded: int) -> str:
    return f"; {excluded} file(s) left out by exclude" if excluded else ""


def pair_tagged(
    root: Path,
    langs: tuple[str, str],
    *,
    exclude: Path | None = None,
    exclude_globs: Sequence[str] = (),
) -> Pairing:
    """Pair the files of one directory (walked as :func:`pair_documents` walks a
    tree) whose names differ only in their language tag: ``story.en.txt`` and
    ``story.ko.txt``, ``doc_en.md`` and ``doc_ko.md``, ``001.en`` and ``001.ko``
    (the tag follows ``.``, ``_`` or ``-`` and ends the name or precedes its
    extension; case does not matter). The pair's name is the relative path without
    the tag (``world/story.txt``). A file ``root`` is paired with the file its
    name gives for the other language.

    Args:
        root: The directory, or the English file.
        langs: The (English, Korean) language codes, e.g. ``("en", "ko")``.
        exclude: As for :func:`pair_documents`.
        exclude_globs: As for :func:`pair_documents`, matched against a file's
            relative path and against its name without the tag (both files).

    Raises:
        InputError: ``root`` does not exist, a file ``root`` has no English tag,
            or no two files of the tree make a pair.
    """
    if not root.exists():
        raise InputError(f"{root}: no such file or directory; check the path")
    langs = (langs[0].lower(), langs[1].lower())
    if not root.is_dir():
        return _pair_one_file(root, langs)
    skip = None if exclude is None else exclude.resolve()
    if skip == root.resolve():
        raise InputError(
            f"{printable(exclude or root)}: the report folder is the tree itself, and its "
            "reports would be read as documents; pass another --report-dir"
        )
    excluded_by = exclude_matcher(exclude_globs)
    tree = _scan_tree(root, skip, excluded_by)
    sides = {lang: _Tree(root=root) for lang in langs}
    untagged = []
    for key, path in tree.files.items():
        tagged = _language_tag(key, langs)
        if tagged is None:
            untagged.append(path)
            continue
        name, lang = tagged
        if excluded_by(name):
            tree.excluded += 1
            continue
        side = sides[lang]
        if name in side.files:
            side.skipped[name] = _problem(
                path,
                f"same document as {printable(side.files[name])} (only the language "
                "tag's separator or case differ); not checked: rename one of them",
            )
        else:
            side.files[name] = path
    pairs, problems = _pair_trees(
        sides[langs[0]],
        sides[langs[1]],
        lambda path, name, other: path.with_name(
            _retag(path.name, langs[1] if other is sides[langs[1]] else langs[0], langs)
        ),
        langs,
    )
    if not pairs:
        trees = [root / lang for lang in langs]
        hint = (
            f"did you mean: aligner check {printable(trees[0])} {printable(trees[1])}"
            if all(tree.is_dir() for tree in trees)
            else "pass two folders instead if the names are the same"
        )
        raise InputError(
            f"{printable(root)}: no two files differ only in their language tag "
            f"(like story.{langs[0]}.txt and story.{langs[1]}.txt; "
            f"{len(sides[langs[0]].files)} '{langs[0]}' and {len(sides[langs[1]].files)} "
            f"'{langs[1]}' files{_left_out(tree.excluded)}); {hint}"
        )
    skipped = sorted(tree.skipped.values(), key=lambda p: p.path)
    problems = sorted([*skipped, *problems], key=lambda p: p.path)
    return Pairing(pairs, problems, untagged, tree.excluded)


def _pair_one_file(path: Path, langs: tuple[str, str]) -> Pairing:
    """The English file ``path`` and the file beside it whose name differs only in
    its language tag (in any case or separator)."""
    tagged = _language_tag(path.name, langs)
    if tagged is None or tagged[1] != langs[0]:
        hint = (
            f"it is the {langs[1]!r} file: pass the {langs[0]!r} one"
            if tagged is not None
            else f"no '{langs[0]}' language tag in the file name (like story.{langs[0]}.txt) "
            "to find its translation by; pass both files"
        )
        raise InputError(f"{printable(path)}: {hint}")
    expected = path.with_name(_retag(path.name, langs[1], langs))
    try:
        siblings = sorted(p for p in path.parent.iterdir() if p.is_file())
    except OSError:
        siblings = []
    other = next(
        (p for p in siblings if _language_tag(p.name, langs) == (tagged[0], langs[1])), None
    )
    if other is None:
        raise InputError(f"{printable(path)}: no translation (expected {printable(expected)})")
    return pair_documents(path, other, langs=langs)


@functools.cache
def _tag_pattern(langs: tuple[str, ...]) -> re.Pattern[str]:
    codes = "|".join(re.escape(lang) for lang in langs)
    return re.compile(
        rf"^(?P<stem>.*[^/])(?P<sep>[._-])(?P<lang>{codes})(?P<ext>(?:\.[^./]+)*)$", re.IGNORECASE
    )


def _language_tag(name: str, langs: tuple[str, str]) -> tuple[str, str] | None:
    """``name`` without its language tag, and the tag, if it is one of ``langs``
    (the last one, when several are).

    Example:
        >>> _language_tag("world/story.en.txt", ("en", "ko"))
        ('world/story.txt', 'en')
        >>> _language_tag("news-ko-001_EN", ("en", "ko"))
        ('news-ko-001', 'en')
        >>> _language_tag("notes.txt", ("en", "ko")) is None
        True
    """
    found = _tag_pattern(langs).match(name)
    if found is None:
        return None
    return found["stem"] + found["ext"], found["lang"].lower()


def _retag(name: str, lang: str, langs: tuple[str, str]) -> str:
    """``name`` with its language tag replaced by ``lang`` (in capitals if it was)."""
    found = _tag_pattern(langs).match(name)
    assert found is not None  # only called on tagged names
    tag = lang.upper() if found["lang"].isupper() else lang
    return f"{found['stem']}{found['sep']}{tag}{found['ext']}"


def _pair_trees(
    src: _Tree,
    tgt: _Tree,
    expected: Callable[[Path, str, _Tree], Path],
    langs: tuple[str, str],
) -> tuple[list[DocumentPair], list[InputProblem]]:
    """Pairs of same-named files; the others are problems that name the file each
    lacks (``expected(path, name, other side)``) and its language."""
    pairs: list[DocumentPair] = []
    problems = [*src.skipped.values(), *tgt.skipped.values()]
    for name in sorted(src.files.keys() | tgt.files.keys()):
        if name in src.files and name in tgt.files:
            pairs.append(
                DocumentPair(name=name, src_path=src.files[name], tgt_path=tgt.files[name])
            )
        elif name in src.files and name not in tgt.skipped:
            path = src.files[name]
            lang = language_name(langs[1])
            problems.append(_unpaired(path, name, expected(path, name, tgt), lang))
        elif name in tgt.files and name not in src.skipped:
            path = tgt.files[name]
            lang = language_name(langs[0])
            problems.append(_unpaired(path, name, expected(path, name, src), lang))
    return pairs, sorted(problems, key=lambda p: p.path)


def _unpaired(path: Path, name: str, expected: Path, missing_lang: str) -> InputProblem:
    # a story one desk does not translate fails every run until it is left out
    message = (
        f"no {missing_lang} counterpart (expected {printable(expected)}); add it, or leave "
        f"this file out of the run with --exclude {shlex.quote(glob.escape(name))}"
    )
    return InputProblem(printable(path), printable(message), counterpart=printable(expected))


def _scan_tree(root: Path, exclude: Path | None, excluded_by: Callable[[str], bool]) -> _Tree:
    tree = _Tree(root=root, exclude=exclude, excluded_by=excluded_by)
    _scan_dir(tree, root, root.resolve())
    return tree


def _scan_dir(tree: _Tree, directory: Path, real_root: Path) -> None:
    """Add the non-hidden entries of ``directory`` to ``tree``, recursively."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        reason = f"cannot list directory ({exc.strerror or exc})"
        if directory == tree.root:
            raise InputError(f"{directory}: {reason}; check its permissions") from None
        if not tree.excluded_by(_key(tree.root, directory)):
            _skip(tree, directory, f"{reason}; its files were not checked")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        # a folder is walked to count its files; a glob that matches it matches them
        if not entry.is_dir(follow_symlinks=False) and tree.excluded_by(_key(tree.root, path)):
            tree.excluded += 1
        elif entry.is_symlink():
            _add_symlink(tree, path, real_root)
        elif entry.is_dir(follow_symlinks=False):
            if tree.exclude is None or path.resolve() != tree.exclude:
                _scan_dir(tree, path, real_root)
        elif entry.is_file(follow_symlinks=False):
            _add_file(tree, path)
        else:
            _skip(tree, path, "not a regular file (device, pipe or socket); not checked")


def _add_symlink(tree: _Tree, path: Path, real_root: Path) -> None:
    try:
        target = path.resolve()
    except (RuntimeError, OSError):  # RuntimeError: a loop, before Python 3.13
        _skip(tree, path, "symbolic link loop; not checked")
        return
    if not target.exists():
        _skip(tree, path, f"broken symbolic link (to {target}); not checked")
    elif not target.is_relative_to(real_root):
        # A corpus should be self-contained; a link out of it may expose
        # unrelated files (or secrets) in reports.
        _skip(
            tree,
            path,
            f"symbolic link points outside {tree.root} (to {target}); "
            "not checked: copy the file into the corpus instead",
        )
    elif target.is_file():
        _add_file(tree, path)
    elif not target.is_dir():
        _skip(tree, path, "not a regular file (device, pipe or socket); not checked")


def _add_file(tree: _Tree, path: Path) -> None:
    name = _key(tree.root, path)
    if name in tree.files:
        _skip(
            tree,
            path,
            f"same name as {printable(tree.files[name])} after Unicode normalisation "
            "or escaping of bytes that are not UTF-8; not checked: rename one of them",
        )
    else:
        tree.files[name] = path


def _skip(tree: _Tree, path: Path, message: str) -> None:
    tree.skipped[_key(tree.root, path)] = _problem(path, message)


def _problem(path: Path, message: str) -> InputProblem:
    return InputProblem(path=printable(path), message=printable(message))


def _key(root: Path, path: Path) -> str:
    return printable(unicodedata.normalize("NFC", path.relative_to(root).as_posix()))
