"""Catalogs that are not files (class 6): the build stays bounded and leaks nothing.

A catalog replaced by a symbolic link to ``/proc/self/environ`` (the build's environment,
secrets included), to ``/dev/zero`` (endless), to a file outside the project, or by a FIFO
(an ``open`` that never returns); and a 2 MB msgstr of inline markup. Each must stop only
its own edition, name the file, exit 1, and finish: a build that does not is killed at
``TIMEOUT`` and the test fails.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .published import ENV_MARKER, files_containing, run_build, secret_marker

ROOTS = Path(__file__).parent.parent / "roots"
TIMEOUT = 120  # seconds: a bound, not a measure: the build takes a few seconds
MEMORY = 3 << 30
HARBOUR = "locale/{lang}/LC_MESSAGES/news/harbour.po"
SENTENCE = "The mayor thanked the workers in a short speech."


def symlink_to(target: str) -> Callable[[Path, Path], None]:
    def make(catalog: Path, outside: Path) -> None:
        catalog.unlink(missing_ok=True)
        catalog.symlink_to(target.replace("@OUTSIDE@", str(outside)))

    return make


def fifo(catalog: Path, outside: Path) -> None:
    catalog.unlink(missing_ok=True)
    os.mkfifo(catalog)


def huge_msgstr(catalog: Path, outside: Path) -> None:
    text = catalog.read_text(encoding="utf-8")
    attack = "*a* " * 500_000  # 2 MB of emphasis
    old = 'msgstr "La alcaldesa agradeció a los trabajadores con un breve discurso."'
    assert old in text
    catalog.write_text(text.replace(old, f'msgstr "{attack}"'), encoding="utf-8")


INPUTS = {
    "environ": ("es", HARBOUR, symlink_to("/proc/self/environ")),
    "environ-theme-words": (
        "es",
        "locale/{lang}/LC_MESSAGES/sphinx.po",
        symlink_to("/proc/self/environ"),
    ),
    "environ-source-language": ("en", HARBOUR, symlink_to("/proc/self/environ")),
    "dev-zero": ("es", HARBOUR, symlink_to("/dev/zero")),
    "fifo": ("es", HARBOUR, fifo),
    "outside-file": ("es", HARBOUR, symlink_to("@OUTSIDE@/secret.txt")),
    "huge-msgstr": ("es", HARBOUR, huge_msgstr),
}


@pytest.mark.parametrize("name", INPUTS)
def test_a_catalog_that_is_not_a_file_stops_its_edition_only(tmp_path: Path, name: str) -> None:
    lang, relative, attack = INPUTS[name]
    root = tmp_path / "publication"
    shutil.copytree(ROOTS / "test-basic", root)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = secret_marker(name)
    (outside / "secret.txt").write_text(f'msgid "{secret}"\nmsgstr "{secret}"\n{secret}\n')
    catalog = root / relative.format(lang=lang)
    catalog.parent.mkdir(parents=True, exist_ok=True)
    attack(catalog, outside)

    run = run_build(root, "-j", "2", timeout=TIMEOUT, memory=MEMORY)

    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    assert re.search(rf"{re.escape(str(catalog))}:\d+", run.err), run.err[-2000:]
    html = root / "build" / "html"
    for leaked in (ENV_MARKER, secret):
        assert leaked not in run.out + run.err
        assert files_containing(html, leaked) == []
    others = {"es", "de", "en"} - {lang}
    for tag in others:
        assert (html / tag / "news" / "harbour.html").is_file(), f"{tag} was not published"
