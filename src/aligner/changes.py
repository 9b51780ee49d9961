"""What git says about the corpus: which files changed since a revision (for
``check --changed-since``), and the work tree a file lies in, whose top folder code
scanning, workflow annotations and CI test reports name files from (:class:`WorkTrees`).

Git is asked in the corpus folder itself, so the corpus may live in another
repository than the one the command runs from. A file counts as changed when
``git diff --name-only REV`` lists it (committed, staged or unstaged changes
since REV) or when it is untracked and not ignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

from aligner.errors import InputError
from aligner.io import printable

__all__ = ["WorkTrees", "changed_files", "work_tree_root"]


def changed_files(folder: Path, rev: str) -> set[Path]:
    """Absolute, resolved paths of the files changed since ``rev`` in ``folder``'s repository.

    Args:
        folder: a file or directory inside a git work tree.
        rev: any revision git understands (``HEAD~3``, ``origin/main``, a commit id).

    Raises:
        InputError: git is missing, ``folder`` is not in a git work tree, or ``rev``
            is unknown there.

    Example:
        >>> changed_files(Path("corpora/en"), "HEAD~1")  # doctest: +SKIP
        {PosixPath('/repo/corpora/en/story.txt')}
    """
    cwd = folder if folder.is_dir() else folder.parent
    top = _git(cwd, "rev-parse", "--show-toplevel")
    if top is None:
        raise InputError(
            f"--changed-since: {folder} is not inside a git work tree; "
            "run without --changed-since to check every document"
        )
    root = Path(top.strip("\n"))
    # A revision starting with "-" would be read as an option (e.g. "--output=file").
    commit = (
        None
        if rev.startswith("-")
        else _git(root, "rev-parse", "-q", "--verify", rev + "^{commit}")
    )
    if commit is None:
        raise InputError(
            f"--changed-since: unknown git revision {rev!r} in {root}; "
            "give a commit, branch or tag (e.g. HEAD~1, origin/main)"
        )
    diff = _git(root, "diff", "--name-only", "--no-renames", "-z", rev, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if diff is None or untracked is None:
        raise InputError(f"--changed-since: git cannot list the changes since {rev!r} in {root}")
    names = [n for n in (diff + untracked).split("\0") if n]
    return {(root / name).resolve() for name in names}


def work_tree_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder`` (a directory), or None
    when it is in none, git is missing or fails: callers then fall back on the path
    as given, so no run ever fails for want of git."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel")
    except InputError:  # git is not installed (or the folder is gone)
        return None
    return Path(top.strip("\n")) if top else None


class WorkTrees:
    """Paths relative to the top of their git work tree, as GitHub names files in
    code scanning and annotations whatever folder the job ran in. Git is asked once
    per work tree, or per corpus outside git: a folder below a known top, or below a
    folder known to be in no work tree, with no ``.git`` on the way up (a submodule
    or nested repository), shares its answer."""

    def __init__(self) -> None:
        # folder (resolved) -> the top of its work tree, None outside git
        self._tops: dict[Path, Path | None] = {}
        self._folders: dict[str, PurePosixPath | None] = {}  # absolute folder -> in its tree

    def relative(self, path: Path) -> PurePosixPath | None:
        """``path`` relative to the top of its work tree, or None outside one.

        Example:
            >>> WorkTrees().relative(Path("en/a.txt"))  # in /repo/corpus  # doctest: +SKIP
            PurePosixPath('corpus/en/a.txt')
        """
        parent, name = os.path.split(os.path.abspath(path))
        if parent not in self._folders:  # a run names many files of each folder
            self._folders[parent] = self._locate(Path(parent))
        in_tree = self._folders[parent]
        return None if in_tree is None else in_tree / name

    def name(self, path: Path) -> str:
        """``path`` as CI systems link a file (annotations, JUnit ``file=``, GitLab Code
        Quality): relative to the top of its work tree; outside one, relative to the
        current folder when it lies below it, else as given.

        Example:
            >>> WorkTrees().name(Path("/repo/corpus/en/a.txt"))  # doctest: +SKIP
            'corpus/en/a.txt'
        """
        if (in_tree := self.relative(path)) is not None:
            return printable(in_tree.as_posix())
        if path.is_absolute() and path.is_relative_to(Path.cwd()):
            return printable(path.relative_to(Path.cwd()).as_posix())
        return printable(path.as_posix())

    def _locate(self, folder: Path) -> PurePosixPath | None:
        """An absolute folder relative to the top of its work tree, or None."""
        rest: list[str] = []
        while not folder.is_dir() and folder != folder.parent:  # a deleted folder
            folder, rest = folder.parent, [folder.name, *rest]
        folder = folder.resolve()  # git names its top with links resolved
        top = self._top(folder)
        if top is None:
            return None
        return PurePosixPath(folder.relative_to(top).as_posix(), *rest)

    def _top(self, folder: Path) -> Path | None:
        if folder in self._tops:
            return self._tops[folder]
        # the nearest folder above with an answer: its top, or none; a folder outside
        # git has its parents outside too, which answers for the corpus's other folders
        above = next((f for f in folder.parents if f in self._tops), None)
        if above is not None and _shares(folder, self._tops[above] or above):
            top = self._tops[above]
        else:
            top = work_tree_root(folder)
        self._tops[folder] = top
        if top is not None:
            self._tops.setdefault(top, top)
        else:
            self._tops.update((f, None) for f in folder.parents if f not in self._tops)
        return top


def _shares(folder: Path, top: Path) -> bool:
    """``folder`` lies in the work tree whose top is ``top``: below it, and no folder
    on the way holds a ``.git`` of its own."""
    if not folder.is_relative_to(top):
        return False
    between = [folder, *folder.parents][: len(folder.parts) - len(top.parts)]
    return not any((step / ".git").exists() for step in between)


def _git(cwd: Path, *args: str) -> str | None:
    """Standard output of a git command, or None if it fails or git is missing."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            # git prints paths in the file system encoding; keep odd bytes round-trippable.
            encoding=sys.getfilesystemencoding(),
            errors="surrogateescape",
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except OSError:
        raise InputError(
            "--changed-since: cannot run git; install git or run without --changed-since"
        ) from None
    return done.stdout if done.returncode == 0 else None
