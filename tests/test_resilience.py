"""Resilience: a failed, killed or concurrent build never breaks or loses a published edition."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib

from editions.cli import main
from editions.publish import build_lock

EDITIONS = [sys.executable, "-m", "editions.cli"]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_broken_catalog_fails_its_edition_only_and_keeps_its_last_good_version(
    built_project: Path, editions
) -> None:
    html = built_project / "build/html"
    spanish_before = tree(html / "es")
    (built_project / "source/news/market.rst").open("a").write("\nA new paragraph.\n")
    harbour = built_project / "locale/es/LC_MESSAGES/news/harbour.po"
    harbour.write_text(harbour.read_text().replace('"El puerto reabre"', '"El puerto reabre'))
    result = editions("--project", built_project, "build", "-j", "1")
    assert result.code == 1
    assert f"{harbour}:" in result.err
    assert "harbour.po:23: [syntax] the string is not closed" in result.err
    assert tree(html / "es") == spanish_before
    for tag in ("en", "de"):  # rebuilt with the new paragraph
        assert "A new paragraph." in (html / tag / "news/market.html").read_text()
    assert 'href="es/index.html"' in (html / "index.html").read_text()


def test_sigkill_during_a_build_leaves_the_published_edition_byte_identical(
    built_project: Path,
) -> None:
    html = built_project / "build/html"
    before = {tag: tree(html / tag) for tag in ("en", "es", "de")}
    for article in ("harbour", "market"):
        with (built_project / f"source/news/{article}.rst").open("a") as stream:
            # Long enough that no edition can finish between its start and the kill.
            stream.write("\nA paragraph the killed build never publishes.\n" * 2000)
    process = subprocess.Popen(
        [*EDITIONS, "--project", str(built_project), "build", "-j", "2"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Killed once a worker has started writing its edition.
    markers = [built_project / f"build/editions/{tag}/.unfinished" for tag in ("en", "es", "de")]
    deadline = time.monotonic() + 60
    while not any(marker.exists() for marker in markers) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert any(marker.exists() for marker in markers), "no edition started within 60 s"
    process.send_signal(signal.SIGKILL)
    process.wait()
    _wait_for_group(process.pid)  # the orphaned workers finish, and must not publish
    assert {tag: tree(html / tag) for tag in ("en", "es", "de")} == before
    # The next build starts afresh and publishes everything.
    assert main(["--project", str(built_project), "build"]) == 0
    page = (html / "es/news/harbour.html").read_text()
    assert "A paragraph the killed build never publishes." in page


def _wait_for_group(group: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)
    raise AssertionError("the build's workers did not stop")


def test_a_full_disk_keeps_the_published_edition(built_project: Path) -> None:
    html = built_project / "build/html"
    before = {tag: tree(html / tag) for tag in ("en", "es", "de")}
    with (built_project / "source/news/harbour.rst").open("a") as stream:
        stream.write("\nA longer article.\n" * 500)

    def small_disk() -> None:  # writes beyond 20 kB fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [*EDITIONS, "--project", str(built_project), "build", "-j", "1"],
        preexec_fn=small_disk,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "FAILED" in result.stderr and "Traceback" not in result.stderr
    assert f"cannot write {built_project / 'build'}: file too large" in result.stderr
    assert "None" not in result.stderr
    assert {tag: tree(html / tag) for tag in ("en", "es", "de")} == before


def test_a_second_build_at_once_stops_with_a_clear_message(built_project: Path, editions) -> None:
    with build_lock(built_project / "build"):
        result = editions("--project", built_project, "build")
    assert result.code == 2
    assert "another build of this publication is running" in result.err
    assert f"process {os.getpid()}" in result.err
    assert editions("--project", built_project, "build").code == 0


def test_exit_codes_are_documented_in_help() -> None:
    result = subprocess.run([*EDITIONS, "--help"], capture_output=True, text=True)
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0 success; 1 an edition failed" in text
    assert "(build --strict) a translation was left out as unsafe" in text
    assert "2 bad input" in text and "another build of the publication is running" in text


def test_a_paragraph_deleted_then_restored_gets_its_translation_back(
    make_project, editions
) -> None:
    root = make_project("test-basic")
    article = root / "source/news/harbour.rst"
    original = article.read_text()
    sentence = "The mayor thanked the workers in a short speech."
    article.write_text(original.replace(sentence, ""))
    assert editions("--project", root, "update").code == 0
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    assert polib.pofile(str(catalog)).find(sentence, include_obsolete_entries=True).obsolete
    article.write_text(original)
    assert editions("--project", root, "update").code == 0
    entries = [e for e in polib.pofile(str(catalog)) if e.msgid == sentence]
    assert len(entries) == 1 and not entries[0].obsolete
    assert entries[0].msgstr == "La alcaldesa agradeció a los trabajadores con un breve discurso."
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalog)], capture_output=True
    )
    assert check.returncode == 0, check.stderr
    assert editions("--project", root, "build", "--lang", "es", "--strict").code == 0
