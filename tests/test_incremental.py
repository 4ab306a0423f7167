"""A second build does only what changed: which pages each edition re-reads, and what is merged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import catalogs_judged
from editions import update as update_module
from editions.build import BuildReport, build
from editions.compile import compile_language, compiled_locale_dir
from editions.declaration import Language, Project, load_project
from editions.errors import EditionsError
from editions.layout import language_folder


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


# --- Compiling only the catalogs that changed ------------------------------------------------


def compiled(project: Project, language: Language) -> Path:
    return language_folder(compiled_locale_dir(project), language)


def test_a_second_compile_of_unchanged_catalogs_reads_none_and_keeps_the_findings(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, es = spanish
    replace_in(
        language_folder(project.locale_dir, es) / "news" / "harbour.po",
        'msgstr "El puerto reabre"',
        'msgstr "El puerto `reabre <javascript:alert(1)>`_"',
    )
    first = compile_language(project, es)
    assert [f.check for f in first.withheld] == ["unsafe-url-scheme"]
    outputs = {p: p.stat().st_mtime_ns for p in compiled(project, es).rglob("*.[mp]o")}
    read = catalogs_judged(monkeypatch)
    second = compile_language(project, es)
    assert read == []
    assert second.changed == []
    assert second.withheld == first.withheld  # the recorded finding, not forgotten
    assert {p: p.stat().st_mtime_ns for p in compiled(project, es).rglob("*.[mp]o")} == outputs


def test_only_a_changed_catalog_is_compiled_again(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, es = spanish
    compile_language(project, es)
    replace_in(
        language_folder(project.locale_dir, es) / "news" / "harbour.po",
        'msgstr "El puerto reabre"',
        'msgstr "El puerto vuelve a abrir"',
    )
    read = catalogs_judged(monkeypatch)
    result = compile_language(project, es)
    assert read == ["harbour.po"]
    assert result.changed == ["news/harbour"]
    assert b"vuelve a abrir" in (compiled(project, es) / "news" / "harbour.mo").read_bytes()


def test_a_catalog_that_became_broken_fails_every_compile_until_fixed(
    spanish: tuple[Project, Language],
) -> None:
    project, es = spanish
    compile_language(project, es)
    catalog = language_folder(project.locale_dir, es) / "news" / "harbour.po"
    replace_in(catalog, 'msgstr "El puerto reabre"', 'msgstr "El puerto reabre')
    for _ in range(2):
        with pytest.raises(EditionsError, match=r"harbour\.po:23: \[syntax\] the string"):
            compile_language(project, es)
    replace_in(catalog, 'msgstr "El puerto reabre', 'msgstr "El puerto reabre"')
    compile_language(project, es)


def test_a_deleted_or_edited_compiled_file_is_written_again(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, es = spanish
    compile_language(project, es)
    folder = compiled(project, es) / "news"
    good_mo, good_po = (folder / "harbour.mo").read_bytes(), (folder / "market.po").read_bytes()
    (folder / "harbour.mo").unlink()
    (folder / "market.po").write_text('msgid "Hello"\nmsgstr "<script>"\n', encoding="utf-8")
    read = catalogs_judged(monkeypatch)
    compile_language(project, es)
    assert sorted(read) == ["harbour.po", "market.po"]
    assert (folder / "harbour.mo").read_bytes() == good_mo
    assert (folder / "market.po").read_bytes() == good_po


def test_a_changed_rule_compiles_every_catalog_again(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, es = spanish
    compile_language(project, es)
    read = catalogs_judged(monkeypatch)
    settings = replace(project.settings, allowed_urls=("https://es.example.org/",))
    compile_language(replace(project, settings=settings), es)
    assert sorted(read) == ["harbour.po", "index.po", "market.po"]
