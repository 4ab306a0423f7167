"""Publishing an edition: the reader's folder changes only to a complete new one."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editions.errors import EditionsError

LOCK_FILE = ".lock"


def published_dir(build_dir: Path) -> Path:
    return build_dir / "html"


def publish(built: Path, target: Path) -> None:
    """Replace ``target`` with a copy of ``built``, swapping whole folders.

    The copy is made beside the target first, so that the published edition is
    either the old one or the new one; Sphinx rewrites files in place, so the
    published folder must never share files with Sphinx's output folder.
    """
    staging = target.with_name(f".{target.name}.new")
    retired = target.with_name(f".{target.name}.old")
    recover(target)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        shutil.copytree(
            built,
            staging,
            ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"),
            copy_function=_link_unchanged_or_copy(staging, target),
        )
    except (OSError, shutil.Error) as error:  # a full disk, most often
        shutil.rmtree(staging, ignore_errors=True)
        raise EditionsError(
            f"{target}: could not copy the new edition ({_reason(error)}); "
            "the published edition is kept; free some space and build again"
        ) from None
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def _link_unchanged_or_copy(staging: Path, target: Path) -> Callable[[str, str], str]:
    """A copy function that links a file already published unchanged instead of copying it.

    Published files are never written in place (only swapped out whole), so the new folder may
    share them with the old one; a file is unchanged if size and mtime match, which ``copy2``
    carries over from Sphinx's output, where Sphinx rewrites only the pages it rebuilt.
    """

    def link_or_copy(source: str, destination: str) -> str:
        published = target / Path(destination).relative_to(staging)
        try:
            new, old = os.stat(source), published.stat()
            if (new.st_size, new.st_mtime_ns) == (old.st_size, old.st_mtime_ns):
                os.link(published, destination)
                return destination
        except OSError:
            pass  # not published yet, or no hard links on this file system: copy it
        return str(shutil.copy2(source, destination))

    return link_or_copy


def recover(target: Path) -> None:
    """Finish or undo a swap that was interrupted between its two renames."""
    retired = target.with_name(f".{target.name}.old")
    if retired.exists():
        if target.exists():
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(retired, target)


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """Hold ``build/.lock`` for one build; a second build at once stops with a clear error.

    A second build fails at once rather than wait: it would rebuild what the
    first is building, and a waiting command looks hung.  The lock is an
    ``flock``: the system releases it when its process ends, even by SIGKILL.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / LOCK_FILE
    with open(path, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise EditionsError(
                f"{path}: another build of this publication is running ({holder}); "
                "wait for it to finish, then build again"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"process {os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def parent_is_alive() -> bool:
    """False in a worker whose ``editions build`` was killed: it must not publish then."""
    parent = multiprocessing.parent_process()
    return parent is None or parent.is_alive()


def _reason(error: BaseException) -> str:
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        return str(error.args[0][0][-1])  # copytree gathers (source, target, why) triples
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def published_editions(build_dir: Path, tags: list[str]) -> list[str]:
    """The tags among ``tags`` that have a published front page."""
    root = published_dir(build_dir)
    for tag in tags:
        recover(root / tag)
    return [tag for tag in tags if (root / tag / "index.html").is_file()]
