"""The fast translation transform and search index write the very files stock Sphinx writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.transforms import i18n
from sphinx.transforms.i18n import Locale

from editions.sphinxext import fast_i18n
from editions.sphinxext.fast_i18n import FastLocale

ROOT = Path(__file__).parent / "roots" / "test-fast-i18n"
# A build's output, the transform used, whether the search index kept its stems, the warnings.
Build = tuple[Path, type, bool, str]


def build_html(tmp_path: Path, name: str, *, fast: bool) -> Build:
    """Build the French edition of the test root."""
    project = tmp_path / name
    shutil.copytree(ROOT, project)
    app = SphinxTestApp(
        "html",
        srcdir=project / "source",
        builddir=project / "build",
        confoverrides={"editions_fast_i18n": fast, "editions_fast_search": fast},
        freshenv=True,
    )
    try:
        app.build()
        used = next(t for t in app.registry.transforms if issubclass(t, Locale))
        stems_kept = hasattr(app.builder.indexer.lang.stem, "cache_info")  # type: ignore[attr-defined]
        return Path(app.outdir), used, stems_kept, app.warning.getvalue()
    finally:
        app.cleanup()


def output_files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".buildinfo"
    }


@pytest.fixture(scope="module")
def both_builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Build]:
    tmp_path = tmp_path_factory.mktemp("fast-i18n")
    return {
        "stock": build_html(tmp_path, "stock", fast=False),
        "fast": build_html(tmp_path, "fast", fast=True),
    }


def test_the_switch_chooses_the_transform(
    both_builds: dict[str, Build],
) -> None:
    assert both_builds["stock"][1] is Locale
    assert both_builds["fast"][1] is FastLocale
    assert (both_builds["stock"][2], both_builds["fast"][2]) == (False, True)


def test_the_installed_sphinx_has_every_part_the_fast_transform_replaces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert fast_i18n._missing_stock_parts() == []
    monkeypatch.delattr(i18n._NodeUpdater, "update_leaves")
    monkeypatch.delattr(i18n, "_publish_msgstr")
    assert fast_i18n._missing_stock_parts() == ["_publish_msgstr", "_NodeUpdater.update_leaves"]


def test_a_sphinx_without_them_gets_the_stock_transform_and_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast_i18n, "_missing_stock_parts", lambda: ["_publish_msgstr"])
    output, used, _, warnings = build_html(tmp_path, "renamed", fast=True)
    assert used is Locale
    assert "lacks _publish_msgstr; the stock (slower) translation is used" in warnings
    assert "histoire du port" in (output / "story.html").read_text(encoding="utf-8")


def test_every_page_is_byte_for_byte_the_stock_one(
    both_builds: dict[str, Build],
) -> None:
    stock, fast = output_files(both_builds["stock"][0]), output_files(both_builds["fast"][0])
    assert sorted(fast) == sorted(stock)
    assert [name for name in stock if stock[name] != fast[name]] == []
    assert "story.html" in stock and "searchindex.js" in stock


def test_the_pages_compared_are_really_translated(
    both_builds: dict[str, Build],
) -> None:
    page = (both_builds["fast"][0] / "story.html").read_text(encoding="utf-8")
    for translated in (
        "histoire du port",  # a title
        "<em>calme</em>",  # inline markup
        "Le port a rouvert lundi, rapporte <em>The Gazette</em>.",  # rst_epilog substitution
        'href="https://www.python.org/"',  # a named reference kept
        "Une note automatique.",  # a footnote
        "Un lieu d’accostage",  # a glossary definition, with smart quotes
        "Même titre",  # two titles translated the same
        "Un terme de l’index",  # :index: roles, which draw serial numbers
        "Une traduction qui ajoute une directive.",  # the directive dropped, as in Sphinx
        "Les sources",  # a title renamed, which an indirect target names
        "une cible nommée d’après un titre traduit",  # the paragraph referring to that target
    ):
        assert translated in page, translated
    # Untranslated and fuzzy messages keep the source text.
    for kept in ("An untranslated item.", "A fuzzy item."):
        assert kept in page, kept


PLAIN = [
    "The harbour reopened on Monday.",
    "Le maire a dit « c'est fait » -- et il est parti...",
    "2026 was a year of storms (and floods)!",
    "¿Dónde está el puerto? ¡Aquí!",
    "Quai",
    "« Vite ! » cria-t-il.",
]
NOT_PLAIN = [
    "1. A list item",
    "a) a list item",
    "IV. Fourth",
    "- a bullet",
    "(a) enumerated",
    "A *word* with markup",
    "A word_ reference",
    "See https://example.org",
    "mail me@example.org",
    "Two\nlines",
    " leading space",
    "Ends with a colon::",
    "A |substitution|",
    "Price: 5 €",
    "",
]


@pytest.mark.parametrize("text", PLAIN + NOT_PLAIN)
def test_the_plain_paragraph_is_the_one_docutils_parses(text: str) -> None:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document
    from sphinx.config import Config

    from editions.sphinxext.fast_i18n import _is_plain, _plain_paragraph

    settings = get_default_settings(Parser)
    settings.report_level = 5
    parsed = new_document("story.rst:3:<translated>", settings)
    Parser().parse(text, parsed)
    made = new_document("story.rst:3:<translated>", settings)
    config = Config({"rst_epilog": ".. |paper| replace:: *The Gazette*\n"})
    if not _is_plain(text, config, settings):
        assert text in NOT_PLAIN
        return
    made += _plain_paragraph(text, made)
    assert text in PLAIN
    assert made.pformat() == parsed.pformat()
    assert (made[0].source, made[0].line, made[0].rawsource) == (
        parsed[0].source,
        parsed[0].line,
        parsed[0].rawsource,
    )
