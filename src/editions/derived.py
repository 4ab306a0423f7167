"""The state the build derives and keeps between runs: one folder, one rule.

Everything Editions keeps to save work on the next run lives in ``build/.state/``, as
records made by this module: each edition's inputs and what it withheld when published
(``editions/<tag>.json``), what each catalog was compiled into (``compiled/<tag>.json``),
the English's parsed link readings (``english-readings/<tag>.json``), the catalogs merged
with their templates (``merged.json``), the figures of ``editions status``
(``status.json``), the verdicts of ``editions check`` (``checked.json``) and the theme's
words (``theme-words.json``).  ``editions status`` and ``editions check`` on catalogs
outside any project keep theirs in the user's cache instead, as records of the same kind.

One rule says whether a record may be used: it is valid exactly when the digest of its
inputs (the bytes of every input file, and the versions of the code and tools that made
it) equals the digest it was stored under.  Anything else is absent and the work is done
again: another digest, a record missing, unreadable, damaged or of another shape.  A
record is never repaired and never trusted on its looks.  Modification times are not
evidence: ``cp -p``, an archive or a checkout gives other bytes the same time, and a
``touch`` changes nothing.

Hashing costs a few milliseconds per megabyte, which ``editions status`` on 481 catalogs
(18 MB) would pay on every run; so a record file also remembers the digest of each input
file it hashed, with the file's identity: device, inode, size, modification *and change*
times.  The change time (ctime) is set by the system on every write, rename or ``utime``,
and no program can set it back; a remembered digest is used only for the very same
identity, and only a file whose last change was more than two seconds before it was
hashed is remembered (git's rule for "racy" files: a write in the same clock tick as
the hashing could keep its times).

A record file is replaced atomically (a temporary file, then ``os.replace``): a reader sees
the old one or the new one.  Files written during a build are named by the edition that
writes them, so two worker processes never write the same file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import stat
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import editions
from editions.files import write_atomically

STATE_FOLDER = ".state"
# Editions' own code (the checks, the Sphinx extension, its templates and words).
PACKAGE_DIR = Path(editions.__file__).parent
# The libraries whose output the records keep (a compiled catalog, a parsed reading, a page).
_TOOLS = ("sphinx", "docutils", "babel", "furo", "sphinx-basic-ng", "sphinx-lint")
# A file changed less than this before it was hashed may change again with the same times.
_RACY_NS = 2_000_000_000
# A record file above this is not one of ours (481 catalogs' verdicts take 1 MB): ignored.
MAX_RECORDS_BYTES = 256 << 20
# The size of each read while hashing: a catalog of python-docs-fr is at most a few hundred KB.
_CHUNK = 1 << 20


def state_dir(build_dir: Path) -> Path:
    """The one folder of a project's derived state."""
    return build_dir / STATE_FOLDER


def user_state_dir() -> Path:
    """The folder of the derived state of catalogs outside any project: the user's cache."""
    # The XDG specification: a relative path in the variable is invalid and ignored.
    base = Path(os.environ.get("XDG_CACHE_HOME") or "")
    return (base if base.is_absolute() else Path.home() / ".cache") / "editions"


@lru_cache(maxsize=1)
def own_code_version() -> str:
    """The digest of Editions' own files: what ``editions status``'s figures depend on.

    Its files' bytes, not its version number: an edited checkout keeps its number.
    """
    return digest([PACKAGE_DIR])


@lru_cache(maxsize=1)
def code_version() -> str:
    """Editions' own files and the versions of the tools whose output is kept: part of the
    digest of every record the build makes."""
    from importlib.metadata import PackageNotFoundError, version  # slow to import: not for status

    # Python's own: its Unicode tables decide what a word, a space or a printable character is.
    versions = [f"python {platform.python_version()}"]
    for name in _TOOLS:
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} absent")
    return combined({}, [own_code_version(), versions])


def digest(
    inputs: Iterable[Path],
    values: object = None,
    known: Records | None = None,
    root: Path | None = None,
) -> str:
    """The digest of the bytes of ``inputs`` (a folder: every file under it) and of ``values``.

    Each file counts with its path, so a renamed file changes the digest; a missing input counts
    as missing.  ``values`` (settings, versions) are anything JSON can write.  ``known``: the
    records whose remembered file digests may serve.  ``root``: the project, out of which a
    symbolic link is never followed (it counts by where it leads: its reading is refused).
    Raises OSError if an input cannot be read, or is not a regular file (a FIFO, a device): the
    record is then not made, and the caller's own reading says what is wrong.
    """
    return combined(file_digests(inputs, known, root), values)


def file_digests(
    inputs: Iterable[Path], known: Records | None = None, root: Path | None = None
) -> dict[str, str]:
    """The digest of every file of ``inputs`` by its path (OSError as :func:`digest`)."""
    digests = {}
    for path in inputs:
        files = _files(path)
        if not files:
            digests[str(path)] = "absent"
        for file in files:
            if root is not None and _leads_out(file, root):
                digests[str(file)] = f"a link to {os.readlink(file)}"
            elif known is None:
                digests[str(file)] = file_digest(file)
            else:
                digests[str(file)] = known.file_digest(file)
    return digests


def _leads_out(file: Path, root: Path) -> bool:
    """Whether ``file`` is a symbolic link that leads out of ``root`` (never read, then)."""
    return file.is_symlink() and not file.resolve().is_relative_to(root.resolve())


def combined(digests: dict[str, str], values: object = None) -> str:
    """One digest of files' digests (from :func:`file_digests`) and of ``values``."""
    hashed = hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode("utf-8"))
    for name, value in digests.items():
        hashed.update(f"\0{name}\0{value}\n".encode())
    return hashed.hexdigest()


def file_digest(path: Path) -> str:
    """The digest of one regular file's bytes (OSError if it is anything else, or unreadable).

    Opened without waiting: a FIFO or a device is refused, never read.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path}: not a regular file")
        hashed = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            hashed.update(chunk)
    return hashed.hexdigest()


def digest_or_none(
    inputs: Iterable[Path],
    values: object = None,
    known: Records | None = None,
    root: Path | None = None,
) -> str | None:
    """:func:`digest`, or None when an input cannot be read: no record is then valid."""
    try:
        return digest(inputs, values, known, root)
    except OSError:
        return None


class Records:
    """One file of records, each stored under a key with the digest of its inputs.

    ``get`` answers only for the same digest; the file is read once and written by
    ``save`` only if a record changed.  A file that cannot be read, or not as records,
    holds none.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries, self.files = _load(path)
        self.changed = False
        self._files_used: set[str] = set()

    def file_digest(self, path: Path, read: Callable[[Path], bytes] | None = None) -> str:
        """The digest of ``path``'s bytes, remembered if the file is the very one hashed before.

        ``read`` reads the file when it must be hashed (a stricter reader than open()).
        Raises OSError, or what ``read`` raises.
        """
        started = time.time_ns()
        status = os.stat(path)
        identity = [status.st_dev, status.st_ino, status.st_size]
        identity += [status.st_mtime_ns, status.st_ctime_ns]
        key = str(path)
        self._files_used.add(key)
        remembered = self.files.get(key)
        if isinstance(remembered, list) and remembered[:-1] == identity and remembered[-1:]:
            return str(remembered[-1])
        content = file_digest(path) if read is None else hashlib.sha256(read(path)).hexdigest()
        if status.st_ctime_ns < started - _RACY_NS:
            self.files[key] = [*identity, content]
            self.changed = True
        elif self.files.pop(key, None) is not None:
            self.changed = True
        return content

    def forget_other_files(self) -> None:
        """Forget the remembered digests of files not hashed through these records since loaded."""
        for key in [key for key in self.files if key not in self._files_used]:
            del self.files[key]
            self.changed = True

    def stored(self, key: str) -> Any:
        """The value under ``key`` whatever its digest: to compare with, never to use."""
        entry = self.entries.get(key)
        return entry[1] if isinstance(entry, list) and len(entry) == 2 else None

    def get(self, key: str, inputs: str | None) -> Any:
        """The value stored under ``key`` for the digest ``inputs``; None if there is none."""
        entry = self.entries.get(key)
        if inputs is None or not isinstance(entry, list) or len(entry) != 2:
            return None
        stored, value = entry
        return value if stored == inputs else None

    def put(self, key: str, inputs: str, value: Any) -> None:
        """Store ``value`` under ``key``, made from inputs of digest ``inputs``."""
        if self.entries.get(key) != [inputs, value]:
            self.entries[key] = [inputs, value]
            self.changed = True

    def drop(self, key: str) -> None:
        """Forget ``key``: the next run does the work whatever the digest."""
        if self.entries.pop(key, None) is not None:
            self.changed = True

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget every record but those of ``keys`` (of inputs that no longer exist)."""
        wanted = set(keys)
        for key in [key for key in self.entries if key not in wanted]:
            self.drop(key)

    def save(self, durable: bool = False) -> None:
        """Write the records if one changed (not ``durable``: after a power cut they are redone).

        Raises OSError if the file cannot be written.
        """
        if self.changed:
            data = {"records": self.entries, "files": self.files}
            write_atomically(
                self.path, json.dumps(data, separators=(",", ":")).encode("utf-8"), durable
            )
            self.changed = False

    def save_if_possible(self) -> None:
        """:meth:`save`, for records that only save time: one that cannot be written is skipped."""
        with contextlib.suppress(OSError):
            self.save()


def _load(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The records and the remembered file digests (none of either if damaged)."""
    try:
        data = json.loads(_read_records(path))
    except (OSError, ValueError, RecursionError):
        return {}, {}  # none yet, or damaged: the work is done again
    if not isinstance(data, dict):
        return {}, {}
    entries, files = data.get("records"), data.get("files")
    return (
        entries if isinstance(entries, dict) else {},
        files if isinstance(files, dict) else {},
    )


def _read_records(path: Path) -> bytes:
    """A record file's bytes: a regular file of a sane size, or OSError (never a FIFO's wait,
    nor a device's or a huge file's memory)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_RECORDS_BYTES:
            raise OSError(f"{path}: not a record file")
        return stream.read(MAX_RECORDS_BYTES + 1)


def _files(path: Path) -> list[Path]:
    """``path`` if a file, else every file under it (not hidden ones, nor Python's caches)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        file
        for file in path.rglob("*")
        if file.is_file() and "__pycache__" not in file.parts and not file.name.startswith(".")
    )
