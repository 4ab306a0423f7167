"""Publishing: a reader never misses a page, a killed build leaves no process, nothing stale stays.

Each edition is published as ``build/html/<tag>``, a symbolic link to a complete
copy in ``build/html/.editions/<tag>-<n>``, replaced in one rename.
"""

from __future__ import annotations

import base64
import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EDITIONS = [sys.executable, "-m", "editions.cli"]
# A 1x1 PNG: a real image for Sphinx to copy.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=="
)


def processes_with(marker: str) -> list[int]:
    """The processes whose environment holds ``marker``: a build's, however they were started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            pass  # ended meanwhile, or not ours to read
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux's /proc")
def test_killing_the_build_kills_its_workers_before_they_finish(make_project) -> None:
    root = make_project("test-basic")
    for article in ("harbour", "market"):
        with (root / f"source/news/{article}.rst").open("a") as stream:
            stream.write("\nA paragraph the killed build never finishes.\n" * 2000)
    marker = f"EDITIONS_TEST_BUILD={uuid.uuid4()}"
    name, value = marker.split("=")
    process = subprocess.Popen(
        [*EDITIONS, "--project", str(root), "build", "-j", "3"],
        env={**os.environ, name: value},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    markers = [root / f"build/editions/{tag}/.unfinished" for tag in ("en", "es", "de")]
    deadline = time.monotonic() + 60
    while not any(m.exists() for m in markers) and time.monotonic() < deadline:
        time.sleep(0.01)
    started = [m for m in markers if m.exists()]
    assert started, "no edition started within 60 s"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 60
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = processes_with(marker)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "processes of the killed build remain"
    # Killed, not finished: a worker that finished its edition would have removed its marker.
    assert all(m.exists() for m in started)
    assert not (root / "build/html/es").exists()


def test_a_reader_never_misses_a_page_while_its_edition_is_published_again(
    built_project: Path, editions
) -> None:
    page = built_project / "build/html/es/index.html"
    catalog = built_project / "locale/es/LC_MESSAGES/index.po"
    original = catalog.read_text(encoding="utf-8")
    reads: list[str] = []
    missed: list[str] = []
    stop = threading.Event()

    def read_in_a_loop() -> None:
        while not stop.is_set():
            try:
                reads.append(page.read_text(encoding="utf-8"))
            except OSError as error:
                missed.append(str(error))

    reader = threading.Thread(target=read_in_a_loop)
    reader.start()
    try:
        for number in range(1, 9):
            welcome = f'msgstr "Bienvenidos a la gaceta, edición {number}."'
            catalog.write_text(original.replace('msgstr "Bienvenidos a la gaceta."', welcome))
            result = editions("--project", built_project, "build", "--lang", "es", "-j", "1")
            assert result.code == 0, result.err
            assert f"edición {number}." in page.read_text(encoding="utf-8")
    finally:
        stop.set()
        reader.join()
    assert missed == []
    assert all(text.rstrip().endswith("</html>") for text in reads)  # never a partial file
    seen = {number for number in range(1, 9) for text in reads if f"edición {number}." in text}
    assert seen == set(range(1, 9))  # the reader read every edition published
    # The copies of the editions before the last two are gone.
    versions = sorted(p.name for p in (built_project / "build/html/.editions").iterdir())
    assert [name for name in versions if name.startswith("es-")] == ["es-8", "es-9"]


def test_an_edition_published_as_a_plain_folder_is_published_again_as_a_link(
    built_project: Path, editions
) -> None:
    html = built_project / "build/html"
    copy = html / "es"
    folder = copy.resolve()
    copy.unlink()
    folder.rename(copy)  # as published before the editions' copies
    shutil.rmtree(html / ".editions")
    catalog = built_project / "locale/es/LC_MESSAGES/index.po"
    catalog.write_text(catalog.read_text().replace("Bienvenidos a la gaceta.", "¡Bienvenidos!"))
    assert editions("--project", built_project, "build", "--lang", "es").code == 0
    assert copy.is_symlink() and os.readlink(copy) == ".editions/es-2"
    assert "¡Bienvenidos!" in (copy / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (html / ".editions").iterdir()) == ["es-1", "es-2"]


def test_the_published_site_is_served_by_a_plain_http_server(built_project: Path) -> None:
    html = built_project / "build/html"
    assert (html / "es").is_symlink()
    handler = partial(SimpleHTTPRequestHandler, directory=str(html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for path in ("index.html", "es/index.html", "es/news/harbour.html", "de/objects.inv"):
            with urllib.request.urlopen(base + path) as response:
                assert response.status == 200
                assert response.read() == (html / path).read_bytes()
    finally:
        server.shutdown()
        server.server_close()
    sitemap = (html / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "<loc>https://gazette.example.org/es/news/harbour.html</loc>" in sitemap
        and ".editions" not in sitemap
    )
    assert "Disallow: /.editions/" in (html / "robots.txt").read_text(encoding="utf-8")


def test_an_image_or_download_no_longer_used_is_not_published(make_project, editions) -> None:
    root = make_project("test-basic")
    (root / "source/pictures").mkdir()
    (root / "source/pictures/boat.png").write_bytes(PIXEL)
    (root / "source/pictures/boat.es.png").write_bytes(PIXEL + b"es")  # the Spanish figure
    (root / "source/timetable.txt").write_text("Ferries: 8:00, 12:00.\n")
    article = root / "source/news/harbour.rst"
    original = article.read_text(encoding="utf-8")
    article.write_text(
        original + "\n.. image:: ../pictures/boat.png\n\n:download:`../timetable.txt`\n",
        encoding="utf-8",
    )
    assert editions("--project", root, "build", "-j", "1").code == 0
    spanish = root / "build/html/es"
    assert (spanish / "_images/boat.es.png").read_bytes() == PIXEL + b"es"
    assert [p.name for p in spanish.glob("_downloads/*/*")] == ["timetable.txt"]

    (root / "source/pictures/boat.es.png").unlink()  # the Spanish figure is withdrawn
    article.write_text(original + "\n.. image:: ../pictures/boat.png\n", encoding="utf-8")
    (root / "source/timetable.txt").unlink()
    result = editions("--project", root, "build", "-j", "1")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (spanish / "_images").iterdir()) == ["boat.png"]
    assert not (spanish / "_downloads").exists() or not any((spanish / "_downloads").iterdir())
    assert "timetable" not in (spanish / "news/harbour.html").read_text(encoding="utf-8")


# --- A build folder that cannot be written: one line, what happened and what to do.


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "None" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def run_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*EDITIONS, "--project", str(root), "build"], capture_output=True, text=True
    )


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` made read-only: by its mode, or for root (whom modes do not stop) by a mount."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    bound = subprocess.run(["mount", "--bind", "-o", "ro", folder, folder], capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"root, and cannot mount a read-only folder: {bound.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["umount", folder], check=True)


def test_a_read_only_build_folder_stops_with_one_line(make_project) -> None:
    root = make_project("test-basic")
    (root / "build").mkdir()
    with read_only(root / "build"):
        line = one_error_line(run_build(root))
    assert line.startswith(f"editions: error: cannot write {root / 'build'}")
    assert "read-only file system" in line or "permission denied" in line
    assert "then build again" in line or "build a copy of the publication elsewhere" in line


def test_a_build_folder_linked_to_nowhere_stops_with_one_line(make_project, tmp_path) -> None:
    root = make_project("test-basic")
    (root / "build").symlink_to(tmp_path / "gone")
    line = one_error_line(run_build(root))
    assert line == (
        f"editions: error: cannot write {root / 'build'}: it is a symbolic link to "
        f"{tmp_path / 'gone'}, which does not exist; create that folder or remove the link, "
        "then build again"
    )
    assert not (tmp_path / "gone").exists()


def test_a_full_disk_while_writing_the_landing_page_stops_with_one_line(
    built_project: Path, editions, monkeypatch
) -> None:
    def full_disk(*args: object) -> None:  # a write to an open file: no file name
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("editions.landing.write_if_changed", full_disk)
    (built_project / "source/news/market.rst").open("a").write("\nA new paragraph.\n")
    result = editions("--project", built_project, "build")
    assert result.code != 0
    assert result.err == (
        f"editions: error: cannot write {built_project / 'build/html'}: "
        "no space left on device; free some space, then build again\n"
    )


@contextmanager
def small_disk(folder: Path) -> Iterator[None]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", folder], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system: {mounted.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["umount", folder], check=True)


def test_a_full_disk_fails_each_edition_with_one_line_and_no_traceback(
    make_project, tmp_path
) -> None:
    root = make_project("test-basic")
    with small_disk(tmp_path / "disk"):
        (root / "build").symlink_to(tmp_path / "disk")
        result = run_build(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "None" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if "no space left on device" in line]
    assert errors, result.stderr
    assert all("free some space" in line for line in errors)
