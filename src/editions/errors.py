"""The one error type of the library: a message a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class EditionsError(Exception):
    """A problem the user can fix; its message names the file and what to do.

    The CLI prints it without a traceback and exits non-zero.
    """


# What to do when the system refuses a write, by the reason it gives.
_REMEDIES = {
    errno.ENOSPC: "free some space, then build again",
    errno.EDQUOT: "free some space (or ask for a larger quota), then build again",
    errno.EFBIG: "raise the file size limit (ulimit -f) or free some space, then build again",
    errno.EROFS: "remount it writable, or build a copy of the publication elsewhere",
    errno.EACCES: "make the build folder writable (chmod -R u+w build), then build again",
    errno.EPERM: "make the build folder writable (chmod -R u+w build), then build again",
}


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def cannot_write(error: OSError, where: Path) -> EditionsError:
    """The error to raise when writing in ``where`` failed: what happened, and what to do.

    A full disk is named by ``where``, the folder written to: the file that failed
    says nothing more (and is None for a write to a file already open).
    """
    path = where if error.errno in _FULL else error.filename or where
    reason = (error.strerror or str(error) or type(error).__name__).lower()
    remedy = _REMEDIES.get(error.errno or 0, "fix it, then build again")
    return EditionsError(f"cannot write {path}: {reason}; {remedy}")
