"""Knowing when there is nothing to do: fingerprints of what an edition or a merge is made from.

Sphinx finds out by itself which pages to re-read, but only after a process has started, imported
Sphinx, unpickled the environment and compiled the catalogs; and it then rewrites the search index
and static files, which we would then publish again.  A no-op ``make`` must cost almost nothing, so
each edition records the fingerprint of its inputs when it was last built and published, and is
skipped while the fingerprint stays the same.  The fingerprint is made of names, sizes and
modification times (what Sphinx itself trusts), not contents: reading every file would cost more
than the check is meant to save.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import sphinx

import editions
from editions.files import write_atomically

# Editions' own code (the Sphinx extension, its templates) shapes every page.
PACKAGE_DIR = Path(editions.__file__).parent


def fingerprint(paths: Iterable[Path], settings: object = None) -> str:
    """A digest of the files under ``paths`` (name, size, mtime) and of ``settings``."""
    digest = hashlib.sha256()
    digest.update(json.dumps([sphinx.__version__, settings], sort_keys=True, default=str).encode())
    for path in paths:
        for file in _files(path):
            status = file.stat()
            digest.update(f"{file}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def edition_fingerprint(root: Path, inputs: Iterable[Path], settings: object = None) -> str:
    """An edition's fingerprint: its inputs, the declaration, and Editions' own code."""
    return fingerprint([root / "pyproject.toml", PACKAGE_DIR, *inputs], settings)


def recorded(record: Path) -> str | None:
    """The fingerprint recorded at ``record`` by the last successful run, if any."""
    try:
        return record.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def record(path: Path, value: str) -> None:
    write_atomically(path, value.encode("utf-8"))


def forget(path: Path) -> None:
    """Drop a record: the next run does the work whatever the fingerprint."""
    path.unlink(missing_ok=True)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        file
        for file in path.rglob("*")
        if file.is_file() and "__pycache__" not in file.parts and not file.name.startswith(".")
    )
