"""When each file of a publication last changed, from its git history.

A page's "last updated" date is that of the last commit that changed its source
or its catalog: the file's modification time says when it was last checked out
or copied, which on a fresh clone or in CI is the day of the build.  One
``git log`` over the whole history gives every file's last commit (a
subprocess per file would cost 2 x pages x editions of them).  Outside a git
repository, and for a file changed since its last commit or never committed,
the modification time is the best there is.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

GIT_TIMEOUT = 60  # seconds: `git log --name-only` of a long history reads every commit


def last_changed(path: Path, scope: tuple[Path, ...]) -> float | None:
    """When ``path`` last changed (a POSIX timestamp): its last commit, else its mtime.

    ``scope`` are the folders whose history is read (the sources and the catalogs:
    not the build's output, which may hold many untracked files).
    """
    path = path.resolve()
    history = _history(_repository_of(path.parent), tuple(folder.resolve() for folder in scope))
    if history is not None:
        committed = history.committed.get(path)
        if committed is not None and path not in history.changed:
            return committed
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def forget() -> None:
    """Read the history again on the next question (a new build: new commits, new edits)."""
    _repository_of.cache_clear()
    _history.cache_clear()


class _History:
    """Every tracked file's last commit time, and the files changed since (or untracked)."""

    def __init__(self, committed: dict[Path, float], changed: set[Path]) -> None:
        self.committed = committed
        self.changed = changed


@cache
def _repository_of(folder: Path) -> Path | None:
    top = _git(folder, "rev-parse", "--show-toplevel")
    return Path(top.strip()).resolve() if top else None


@cache
def _history(top: Path | None, scope: tuple[Path, ...]) -> _History | None:
    if top is None:
        return None
    folders = ["--", *(str(folder) for folder in scope)]
    # core.quotePath=false: names as they are, not octal-escaped UTF-8.
    log = _git(
        top, "-c", "core.quotePath=false", "log", "--format=%x01%ct", "--name-only", *folders
    )
    status = _git(
        top, "-c", "core.quotePath=false", "status", "--porcelain", "-z", "-uall", *folders
    )
    if log is None or status is None:
        return None
    committed: dict[Path, float] = {}
    for commit in log.split("\x01")[1:]:  # newest first: a file's first sighting is its last
        stamp, _, names = commit.partition("\n")
        for name in names.splitlines():
            if name:
                committed.setdefault(top / name, float(stamp))
    # "XY name" entries, NUL-separated; a rename adds its old name as the next entry.
    changed = {top / entry[3:] for entry in status.split("\x00") if len(entry) > 3}
    return _History(committed, changed)


def _git(folder: Path, *arguments: str) -> str | None:
    """The output of a git command in ``folder``; None without git or outside a repository."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *arguments],
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")
