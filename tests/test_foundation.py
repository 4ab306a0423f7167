"""The foundation: one command builds every edition; update never loses a translation."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import polib
import pytest

from editions.catalogs import catalog_paths


def page_text(path: Path) -> str:
    """The visible text of a built page's article body."""
    html = path.read_text(encoding="utf-8")
    body = html.split('role="main"', 1)[-1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_build_makes_one_site_per_language_and_a_landing_page(built_project: Path) -> None:
    html = built_project / "build" / "html"
    for tag in ("en", "es", "de"):
        assert (html / tag / "news" / "harbour.html").is_file()
    landing = (html / "index.html").read_text(encoding="utf-8")
    assert 'href="es/index.html"' in landing and ">Español<" in landing
    assert 'href="de/index.html"' in landing and ">Deutsch<" in landing
    assert 'href="en/index.html"' in landing and ">English<" in landing


def test_each_edition_shows_its_translation_and_falls_back_to_english(built_project: Path) -> None:
    html = built_project / "build" / "html"
    spanish = page_text(html / "es" / "news" / "harbour.html")
    assert "El puerto reabrió el lunes" in spanish
    assert "Se espera un segundo barco el viernes" in spanish
    german = page_text(html / "de" / "news" / "harbour.html")
    assert "Der Hafen wurde am Montag" in german
    assert "The mayor thanked the workers" in german  # untranslated: English


def test_one_worker_building_every_edition_in_turn_gives_each_its_own_words(
    make_project, editions
) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "build", "-j", "1")
    assert result.code == 0, result.err
    html = root / "build" / "html"
    spanish = page_text(html / "es" / "news" / "harbour.html")
    german = page_text(html / "de" / "news" / "harbour.html")
    assert "El puerto reabrió el lunes" in spanish and "Der Hafen" not in spanish
    assert "Der Hafen wurde am Montag" in german and "El puerto" not in german
    # The theme's words, from Sphinx's own catalogs.
    spanish_page = (html / "es" / "news" / "harbour.html").read_text(encoding="utf-8")
    german_page = (html / "de" / "news" / "harbour.html").read_text(encoding="utf-8")
    assert 'placeholder="Búsqueda"' in spanish_page and "Suche" not in spanish_page
    assert 'placeholder="Suche"' in german_page and "Búsqueda" not in german_page
    # Sphinx's words fixed when its modules are imported, here the inventory's index title.
    inventory = (html / "es" / "objects.inv").read_bytes().split(b"\n", 4)[4]
    assert "Índice de Módulos Python" in zlib.decompress(inventory).decode()


def test_a_worker_makes_no_full_collection_and_leaves_its_objects_to_the_exit() -> None:
    # Checked in a process of its own, as a worker: the test process keeps its collector.
    code = (
        "import gc\n"
        "from editions.sphinx_runner import one_build_process\n"
        "with one_build_process():\n"
        "    assert gc.get_threshold()[2] >= 10**9, gc.get_threshold()\n"
        "    assert gc.get_freeze_count() == 0\n"
        "assert gc.get_freeze_count() > 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_new_article_links_to_itself_in_every_edition_rebuilt_with_it(
    built_project: Path, editions
) -> None:
    source = built_project / "source"
    (source / "news" / "storm.rst").write_text("=====\nStorm\n=====\n\nA storm came.\n")
    index = source / "index.rst"
    index.write_text(
        index.read_text().replace("   news/harbour\n", "   news/storm\n   news/harbour\n")
    )
    assert editions("--project", built_project, "build").code == 0
    page = (built_project / "build/html/es/news/storm.html").read_text(encoding="utf-8")
    # The other editions were published without this page before this run, and rebuilt with it.
    assert 'href="../../de/news/storm.html"' in page
    assert 'href="../../de/news/storm.html" hreflang="de"' in page


def test_html_lang_is_the_editions_tag(built_project: Path) -> None:
    page = (built_project / "build" / "html" / "es" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="es"', page)


def test_a_relative_project_path_builds_translated_editions(
    make_project, editions, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project("test-basic")
    monkeypatch.chdir(root.parent)
    assert editions("--project", root.name, "build", "--lang", "es").code == 0
    spanish = page_text(root / "build" / "html" / "es" / "news" / "harbour.html")
    assert "El puerto reabrió el lunes" in spanish


def test_build_of_one_language_touches_only_that_edition(make_project, editions) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "build", "--lang", "es")
    assert result.code == 0, result.err
    assert (root / "build/html/es/index.html").is_file()
    assert not (root / "build/html/de").exists()
    landing = (root / "build/html/index.html").read_text(encoding="utf-8")
    assert "es/index.html" in landing and "de/index.html" not in landing


def test_update_keeps_translations_and_marks_an_edited_sentence_fuzzy(
    make_project, editions
) -> None:
    root = make_project("test-basic")
    article = root / "source/news/harbour.rst"
    text = article.read_text(encoding="utf-8")
    text = text.replace("in a short speech.", "in a short, warm speech.")
    text += "\nThe fish market opens again next week.\n"
    article.write_text(text, encoding="utf-8")

    assert editions("--project", root, "update").code == 0

    catalog = polib.pofile(str(root / "locale/es/LC_MESSAGES/news/harbour.po"))
    edited = catalog.find("The mayor thanked the workers in a short, warm speech.")
    assert edited is not None and edited.fuzzy
    assert edited.msgstr == "La alcaldesa agradeció a los trabajadores con un breve discurso."
    assert edited.previous_msgid == "The mayor thanked the workers in a short speech."
    untouched = catalog.find("A second ship is expected on **Friday**.")
    assert untouched.msgstr == "Se espera un segundo barco el **viernes**." and not untouched.fuzzy
    new = catalog.find("The fish market opens again next week.")
    assert new is not None and new.msgstr == ""
    german = polib.pofile(str(root / "locale/de/LC_MESSAGES/news/harbour.po"))
    assert german.find("The fish market opens again next week.").msgstr == ""


def test_update_twice_changes_nothing(make_project, editions) -> None:
    root = make_project("test-basic")
    before = {path: path.read_bytes() for path in catalog_paths(root / "locale")}
    assert editions("--project", root, "update").code == 0
    assert editions("--project", root, "update").code == 0
    after = {path: path.read_bytes() for path in catalog_paths(root / "locale")}
    assert after == before


def test_every_committed_catalog_passes_msgfmt_check() -> None:
    repository = Path(__file__).parent.parent
    catalogs = list(catalog_paths(repository / "locale")) + list(
        catalog_paths(repository / "tests" / "roots" / "test-basic" / "locale")
    )
    assert catalogs
    for path in catalogs:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{path}: {result.stderr}"


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        ('languages = [{ code = "xx-yy" }]', "'xx-yy' is not a language tag (BCP 47)"),
        ('languages = [{ code = "C.UTF-8" }]', "'C.UTF-8' is not a language tag (BCP 47)"),
        ('languages = [{ code = "es" }, { code = "es" }]', "'es' is declared twice"),
        ('languages = [{ code = "es", colour = "red" }]', "unknown option(s) colour"),
        ('languages = "es"', "`languages` must be a list"),
    ],
)
def test_a_bad_declaration_names_the_file_and_line_and_exits_2(
    make_project, editions, declaration: str, message: str
) -> None:
    root = make_project("test-basic")
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"languages = \[.*?\]\n", declaration + "\n", text, flags=re.DOTALL)
    pyproject.write_text(text, encoding="utf-8")
    result = editions("--project", root, "build")
    assert result.code == 2
    assert message in result.err
    assert f"{pyproject}:" in result.err
    assert "Traceback" not in result.err


def test_add_language_declares_it_and_creates_its_catalogs(make_project, editions) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "add-language", "pt-BR")
    assert result.code == 0, result.err
    assert '{ code = "pt-BR" }' in (root / "pyproject.toml").read_text(encoding="utf-8")
    catalog = polib.pofile(str(root / "locale/pt_BR/LC_MESSAGES/news/harbour.po"))
    assert catalog.metadata["Language"] == "pt_BR"
    assert "nplurals=2" in catalog.metadata["Plural-Forms"]
    assert editions("--project", root, "build", "--lang", "pt-br").code == 0
    assert (root / "build/html/pt-br/news/harbour.html").is_file()


def test_a_renamed_article_keeps_its_translations(make_project, editions) -> None:
    root = make_project("test-basic")
    (root / "source/news/market.rst").rename(root / "source/news/market-day.rst")
    index = root / "source/index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("news/market", "news/market-day"))

    assert editions("--project", root, "update").code == 0

    renamed = polib.pofile(str(root / "locale/es/LC_MESSAGES/news/market-day.po"))
    moved = renamed.find("The weekly market moves to the square by the river.")
    assert moved.msgstr == "El mercado semanal se traslada a la plaza junto al río."
    assert moved.fuzzy  # from the translation memory: for the translator to confirm
    old = polib.pofile(str(root / "locale/es/LC_MESSAGES/news/market.po"))
    assert old.translated_entries() == [] and old.untranslated_entries() == []
    assert {entry.msgstr for entry in old.obsolete_entries()} >= {moved.msgstr}
    assert not (root / "build/gettext/news/market.pot").exists()
    spanish = json.loads(editions("--project", root, "status", "--json").out)["languages"][-1]
    retired = next(doc for doc in spanish["documents"] if doc["document"] == "news/market")
    assert retired["total"]["strings"] == 0  # no longer work to do
    assert retired["obsolete"]["strings"] == 3  # its title and two paragraphs
