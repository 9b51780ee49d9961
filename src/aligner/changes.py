"""Which corpus files changed in git since a revision (for ``check --changed-since``).

Git is asked in the corpus folder itself, so the corpus may live in another
repository than the one the command runs from. A file counts as changed when
``git diff --name-only REV`` lists it (committed, staged or unstaged changes
since REV) or when it is untracked and not ignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aligner.errors import InputError

__all__ = ["changed_files"]


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
