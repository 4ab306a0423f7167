"""A second build does only what changed: which pages each edition re-reads, and what is merged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editions import update as update_module
from editions.build import BuildReport, build
from editions.declaration import load_project


def build_all(root: Path) -> BuildReport:
    project = load_project(root)
    report = build(project, project.editions, jobs=2)
    assert report.ok, [edition.error for edition in report.editions]
    return report


def pages_read(report: BuildReport) -> dict[str, list[str]]:
    return {edition.tag: edition.rebuilt for edition in report.editions}


@pytest.fixture
def built(make_project: Callable[[str], Path]) -> Path:
    root = make_project("test-basic")
    first = build_all(root)
    assert pages_read(first)["es"] == ["index", "news/harbour", "news/market"]
    return root


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_second_build_with_nothing_changed_reads_nothing_and_republishes_nothing(
    built: Path,
) -> None:
    front_page = built / "build" / "html" / "es" / "index.html"
    before = front_page.stat()
    report = build_all(built)
    assert pages_read(report) == {"en": [], "es": [], "de": []}
    after = front_page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_changed_msgstr_rebuilds_its_page_in_its_language_only(built: Path) -> None:
    published = built / "build" / "html" / "es"
    untouched_before = (published / "news" / "market.html").stat().st_ino
    replace_in(
        built / "locale" / "es" / "LC_MESSAGES" / "news" / "harbour.po",
        'msgstr "El puerto reabre"',
        'msgstr "El puerto vuelve a abrir"',
    )
    report = build_all(built)
    assert pages_read(report) == {"en": [], "es": ["news/harbour"], "de": []}
    assert "El puerto vuelve a abrir" in (published / "news" / "harbour.html").read_text("utf-8")
    # The new published folder shares the pages that did not change with the old one.
    assert (published / "news" / "market.html").stat().st_ino == untouched_before


def test_a_changed_source_paragraph_rebuilds_its_page_in_every_language(built: Path) -> None:
    replace_in(
        built / "source" / "news" / "market.rst",
        "larger and brighter.",
        "larger, brighter and closer to the tram.",
    )
    report = build_all(built)
    assert pages_read(report) == {
        "en": ["news/market"],
        "es": ["news/market"],
        "de": ["news/market"],
    }
    page = built / "build" / "html" / "de" / "news" / "market.html"
    assert "closer to the tram" in page.read_text("utf-8")  # new, so not translated yet


def test_update_after_one_article_changed_merges_only_its_catalogs(
    make_project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project("test-basic")
    project = load_project(root)
    update_module.update(project, project.languages)
    replace_in(root / "source" / "news" / "market.rst", "larger and brighter.", "larger.")
    merged: list[str] = []
    reader = update_module.read_catalog

    def spy(path: Path, *args: object, **kwargs: object) -> object:
        if path.suffix == ".pot":
            merged.append(path.relative_to(update_module.gettext_dir(project)).as_posix())
        return reader(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(update_module, "read_catalog", spy)
    report = update_module.update(project, project.languages)
    assert merged == ["news/market.pot", "news/market.pot"]  # once for es, once for de
    changed = sorted(
        str(r.path.relative_to(root)) for r in report.results if r.status != "unchanged"
    )
    assert changed == [
        "locale/de/LC_MESSAGES/news/market.po",
        "locale/es/LC_MESSAGES/news/market.po",
    ]
