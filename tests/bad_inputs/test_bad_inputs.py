"""The corpus of bad inputs: each case in cases.toml breaks one file and states the outcome.

Every case starts from the same published build of ``tests/roots/test-basic``,
applies its change, runs the real ``editions`` command, and checks the exit
code, the message (which names the file and line), that no traceback is
printed, and what stays published.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from editions.cli import main

HERE = Path(__file__).parent
ROOT = HERE.parent / "roots" / "test-basic"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases.toml").read_text("utf-8"))["case"]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes: what a reader of the edition gets."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def published_baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """test-basic, built and published once for all the cases."""
    root = tmp_path_factory.mktemp("baseline") / "test-basic"
    shutil.copytree(ROOT, root)
    assert main(["--project", str(root), "build", "-j", "1"]) == 0
    return root


def apply(case: dict[str, Any], root: Path) -> None:
    """Make the case's bad input in ``root``."""
    path = root / case["file"]
    if "replace" in case:
        old, new = case["replace"]
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{case['name']}: {old!r} is not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if "content" in case:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case["content"], encoding="utf-8")
    if "append" in case:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(case["append"])
    if "long_msgstr" in case:  # one msgstr of this many characters, over many lines
        line = '"' + "Z" * 79 + '"\n'
        lines = line * (case["long_msgstr"] // 79)
        text = path.read_text(encoding="utf-8")
        old = 'msgstr "El puerto reabre"\n'
        path.write_text(text.replace(old, f'msgstr ""\n"El puerto reabre "\n{lines}', 1), "utf-8")
    if "entries" in case:  # a huge catalog: this many extra valid entries
        with path.open("a", encoding="utf-8") as stream:
            for number in range(case["entries"]):
                stream.write(f'\nmsgid "Unused sentence {number}."\nmsgstr "Frase {number}."\n')
    _transform(case, path)


def _transform(case: dict[str, Any], path: Path) -> None:
    transforms: dict[str, Callable[[bytes], bytes]] = {
        "bom": lambda data: b"\xef\xbb\xbf" + data,
        "crlf": lambda data: data.replace(b"\n", b"\r\n"),
        "latin-1": lambda data: data.decode("utf-8").encode("latin-1"),
        "utf-16": lambda data: data.decode("utf-8").encode("utf-16"),
        "nul": lambda data: data.replace(b"El puerto", b"El\x00puerto", 1),
        "truncate": lambda data: data[: len(data) // 2 + 7],
        "empty": lambda data: b"",
    }
    for name in case.get("bytes", []):
        path.write_bytes(transforms[name](path.read_bytes()))
    kind = case.get("make")
    if kind == "directory":  # a folder where a file is expected (root can read any file)
        path.unlink()
        path.mkdir()
        (path / "index.po").write_text("", encoding="utf-8")
    elif kind == "dangling-symlink":
        path.unlink()
        path.symlink_to(path.with_name("missing-target.po"))
    elif kind == "delete":
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    elif kind == "stale-mo":  # a .mo newer than its .po, saying something else
        from babel.messages.catalog import Catalog
        from babel.messages.mofile import write_mo

        catalog = Catalog(locale="es")
        catalog.add("The harbour reopens", "STALE MO TEXT")
        with path.with_suffix(".mo").open("wb") as stream:
            write_mo(stream, catalog)
        os.utime(path, (1_000_000, 1_000_000))


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[case["name"] for case in CASES],
)
def test_bad_input_has_its_stated_outcome(
    case: dict[str, Any],
    published_baseline: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "test-basic"
    shutil.copytree(published_baseline, root, symlinks=True)
    html = root / "build" / "html"
    before = {tag: tree(html / tag) for tag in ("en", "es", "de")}
    apply(case, root)

    args = case.get("args", ["build", "--lang", "es", "-j", "1"])
    code = main(["--project", str(root), *args])
    out, err = capsys.readouterr()

    assert code == case["exit"], f"exit {code}\n{out}\n{err}"
    message = case["message"].replace("{root}", str(root))
    assert message in out + err, f"expected {message!r} in:\n{out}\n{err}"
    assert "Traceback" not in err
    for tag in case.get("kept", ["en", "es", "de"]):
        assert tree(html / tag) == before[tag], f"the published '{tag}' edition changed"
    page = (html / "es" / "news" / "harbour.html").read_text(encoding="utf-8")
    for text in case.get("page_has", []):
        assert text in page
    for text in case.get("page_lacks", []):
        assert text not in page
