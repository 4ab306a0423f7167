"""Writing files so that nothing is half-written and nothing changes needlessly."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data``: a reader sees the old file or the new one, never half.

    ``durable`` files reach the disk before they replace the old one, so that a
    power cut leaves one or the other; a file made from others (a compiled
    catalog) needs only the atomic replacement: after a cut it is made again.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write ``data`` only if it differs, so that mtimes (Sphinx's dependencies) stay put."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomically(path, data, durable)
    return True
