"""Running Sphinx in a worker process and bringing back what it said.

Each run gets a fresh process: docutils keeps roles and directives in globals,
and Sphinx modules first imported during a build keep words translated into
that build's language (``_()`` at import time returns a plain string once a
translator is set), so a run must not inherit another edition's state.
(Measured: a worker reused for a second edition wrote the first one's words
into its ``objects.inv``; ``tests/test_foundation.py`` builds with one worker.)
"""

from __future__ import annotations

import ctypes
import gc
import io
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SphinxJob:
    """One Sphinx build: which builder, from where, to where, with which overrides."""

    builder: str
    source_dir: Path
    output_dir: Path
    doctree_dir: Path
    overrides: dict[str, Any] = field(default_factory=dict)
    fresh: bool = False


@dataclass(frozen=True)
class SphinxRun:
    """The outcome of a :class:`SphinxJob`."""

    status: int
    warnings: list[str]
    built: list[str]  # the documents Sphinx read (the others were up to date)
    documents: list[str] = field(default_factory=list)  # every document of the project


def run_sphinx(job: SphinxJob) -> SphinxRun:
    """Build ``job`` in this process; warnings are collected, not printed."""
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from editions.outputs import remove_outputs_no_longer_made

    warnings = io.StringIO()
    built: list[str] = []
    try:
        with patch_docutils(job.source_dir), docutils_namespace():
            app = Sphinx(
                srcdir=job.source_dir,
                confdir=job.source_dir,
                outdir=job.output_dir,
                doctreedir=job.doctree_dir,
                buildername=job.builder,
                confoverrides=job.overrides,
                status=None,
                warning=warnings,
                freshenv=job.fresh,
            )
            app.connect("env-before-read-docs", lambda app, env, docnames: built.extend(docnames))
            app.build()
            status, documents = app.statuscode, sorted(app.env.found_docs)
            if status == 0:
                remove_outputs_no_longer_made(app)
    except SphinxError as error:
        return SphinxRun(
            status=2, warnings=[*_lines(warnings), f"{error.category}: {error}"], built=[]
        )
    return SphinxRun(status, _lines(warnings), sorted(set(built)), documents)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose every task runs in a new process (see the module's docstring)."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, max_tasks_per_child=1, initializer=die_with_parent
    )


def die_with_parent() -> None:
    """Have the system kill this worker when the process that started it ends, however it ends.

    A worker whose ``editions build`` was killed (SIGKILL, so no clean-up) was left
    running, and in 2 of 10 trials blocked for ever writing its result to no one.
    Linux's ``prctl(PR_SET_PDEATHSIG)`` asks the kernel to send SIGKILL; no library
    wraps it, hence ctypes.  Elsewhere, :func:`editions.publish.parent_is_alive`,
    checked before publishing, is what is left.
    """
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return  # refused (a sandbox): parent_is_alive still guards publishing
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os.kill(os.getpid(), signal.SIGKILL)  # the parent ended before the request was made


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def run_isolated(job: SphinxJob) -> SphinxRun:
    """Run one job in its own process and wait for it."""
    with worker_pool(1) as pool:
        future: Future[SphinxRun] = pool.submit(_run_in_worker, job)
        return future.result()


def _run_in_worker(job: SphinxJob) -> SphinxRun:
    with one_build_process():
        return run_sphinx(job)


@contextmanager
def one_build_process() -> Iterator[None]:
    """Garbage collection for a worker process that makes one build, then ends.

    Python's full collections walk every object alive, the environment Sphinx keeps
    included, and come more often as it grows: 12 of them at 200 articles took a fifth
    of an edition's build (measured: 11.1-12.7 s with them, 9.4-10.6 s without). Young
    objects are still collected as usual, so what is left is garbage that outlived two
    young collections (a page's document tree), freed when the process ends: +15 %
    peak memory (189 -> 217 MiB at 200 articles, 447 -> 558 MiB at 800). The process's
    last collection at exit would walk every object the build made, for nothing: what
    is left is frozen instead.
    """
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NO_FULL_COLLECTION)
    try:
        yield
    finally:
        gc.freeze()


# Python collects the oldest generation only after this many middle-generation collections.
_NO_FULL_COLLECTION = 1_000_000_000


def _lines(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().splitlines() if line.strip()]
