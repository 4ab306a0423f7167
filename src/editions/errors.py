"""The one error type of the library: a message a user can act on."""


class EditionsError(Exception):
    """A problem the user can fix; its message names the file and what to do.

    The CLI prints it without a traceback and exits non-zero.
    """
