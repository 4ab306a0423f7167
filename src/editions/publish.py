"""Publishing an edition: the reader's folder changes only to a complete new one."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from editions.errors import EditionsError, cannot_write

LOCK_FILE = ".lock"
# Beside the editions in build/html: each edition's published copies, which the editions link to.
VERSIONS = ".editions"


def published_dir(build_dir: Path) -> Path:
    return build_dir / "html"


def publish(built: Path, target: Path) -> None:
    """Publish a copy of ``built`` as ``target``: a reader sees the old edition or the new one.

    ``target`` (``build/html/es``) is a symbolic link to a complete copy in
    ``build/html/.editions/es-<n>``; the new copy is made beside the old one, then the link
    is replaced in one ``rename``, which a reader opening ``es/index.html`` sees whole
    (two renames of folders left a moment with no ``es`` at all).  The previous copy is
    kept until the next publication, for a reader still reading it.  Sphinx rewrites
    files in place, so the published copy never shares files with Sphinx's output folder.
    """
    versions = target.parent / VERSIONS
    try:
        versions.mkdir(parents=True, exist_ok=True)
        recover(target)
        _adopt_a_real_folder(target, versions)
    except OSError as error:
        raise cannot_write(error, target.parent) from None
    previous = _current_version(target)
    new = versions / f"{target.name}-{_next_number(versions, target.name)}"
    failures: list[OSError] = []
    try:
        shutil.copytree(
            built,
            new,
            ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"),
            copy_function=_link_unchanged_or_copy(new, previous, failures),
        )
        _point(target, new)
    except OSError as error:  # a full disk, most often (shutil.Error is one too)
        shutil.rmtree(new, ignore_errors=True)
        # copytree gathers its copies' errors as text (a shutil.Error): the first is kept whole.
        if isinstance(error, shutil.Error) and not failures:
            failures.append(OSError(error.errno, "the new edition could not be copied"))
        raise cannot_write(failures[0] if failures else error, target.parent) from None
    _remove_versions(versions, target.name, keep={new.name, previous.name if previous else ""})


def _point(link: Path, folder: Path) -> None:
    """Make ``link`` a symbolic link to ``folder`` in one rename (a new link cannot overwrite)."""
    temporary = link.with_name(f".{link.name}.link")
    temporary.unlink(missing_ok=True)
    os.symlink(folder.relative_to(link.parent), temporary, target_is_directory=True)
    os.replace(temporary, link)


def _current_version(target: Path) -> Path | None:
    """The copy ``target`` links to now, if it is one of ours."""
    if not target.is_symlink():
        return None
    folder = target.parent / os.readlink(target)
    return folder if folder.is_dir() else None


def _versions_of(versions: Path, tag: str) -> dict[int, Path]:
    """``es-1``, ``es-2``... by number; ``pt-BR-3`` is not a version of ``pt``."""
    found = {}
    for path in versions.iterdir():
        name, _, number = path.name.rpartition("-")
        if name == tag and number.isdigit():
            found[int(number)] = path
    return found


def _next_number(versions: Path, tag: str) -> int:
    return max(_versions_of(versions, tag), default=0) + 1


def _remove_versions(versions: Path, tag: str, keep: set[str]) -> None:
    """Remove the older copies, and any left half-made by a build that was killed."""
    for path in _versions_of(versions, tag).values():
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _adopt_a_real_folder(target: Path, versions: Path) -> None:
    """Move an edition published as a plain folder (before versions) among the versions.

    Done once per edition: the edition is missing between this rename and the link's.
    """
    if target.is_dir() and not target.is_symlink():
        adopted = versions / f"{target.name}-{_next_number(versions, target.name)}"
        os.replace(target, adopted)
        _point(target, adopted)


def _link_unchanged_or_copy(
    staging: Path, published: Path | None, failures: list[OSError]
) -> Callable[[str, str], str]:
    """A copy function that links a file already published unchanged instead of copying it.

    Published files are never written in place (only swapped out whole), so the new folder may
    share them with the old one; a file is unchanged if size and mtime match, which ``copy2``
    carries over from Sphinx's output, where Sphinx rewrites only the pages it rebuilt.
    Only the files of ``built`` are copied: a file of the old copy that the new build did
    not make is not carried over.
    """

    def link_or_copy(source: str, destination: str) -> str:
        try:
            if published is None:
                raise FileNotFoundError
            old_path = published / Path(destination).relative_to(staging)
            new, old = os.stat(source), old_path.stat()
            if (new.st_size, new.st_mtime_ns) == (old.st_size, old.st_mtime_ns):
                os.link(old_path, destination)
                return destination
        except OSError:
            pass  # not published yet, or no hard links on this file system: copy it
        try:
            return str(shutil.copy2(source, destination))
        except OSError as error:
            failures.append(error)
            raise

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
    path = build_dir / LOCK_FILE
    with _open_lock_file(build_dir) as lock:
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


def _open_lock_file(build_dir: Path) -> IO[str]:
    """``build/.lock``, made with its folder: the first write of a build, so where it fails."""
    if build_dir.is_symlink() and not build_dir.exists():
        raise EditionsError(
            f"cannot write {build_dir}: it is a symbolic link to {os.readlink(build_dir)}, "
            "which does not exist; create that folder or remove the link, then build again"
        )
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
        return open(build_dir / LOCK_FILE, "a+", encoding="utf-8")
    except OSError as error:
        raise cannot_write(error, build_dir) from None


def parent_is_alive() -> bool:
    """False in a worker whose ``editions build`` was killed: it must not publish then."""
    parent = multiprocessing.parent_process()
    return parent is None or parent.is_alive()


def published_editions(build_dir: Path, tags: list[str]) -> list[str]:
    """The tags among ``tags`` that have a published front page."""
    root = published_dir(build_dir)
    for tag in tags:
        recover(root / tag)
    return [tag for tag in tags if (root / tag / "index.html").is_file()]
