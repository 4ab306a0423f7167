"""Every word a reader sees is in the edition's language, or the build says which are not.

A language Sphinx and Editions ship no words for (``ja`` here) shows the page
chrome in English; `editions build` lists those words, `editions status` counts
them, and `editions add-language` gives translators the theme's words to fill.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from editions.catalogs import read_catalog, write_catalog
from editions.chrome_words import missing_words, theme_words
from editions.declaration import load_project
from editions.pofile import PoString, escape
from editions.words import LOCALE_DIR

REPOSITORY = Path(__file__).parent.parent
JAPANESE_THEME = Path("locale/ja/LC_MESSAGES/sphinx.po")


def chrome_warning(err: str, tag: str) -> list[str]:
    return [line for line in err.splitlines() if f"{tag}: " in line and "page chrome" in line]


def own_words_warning(err: str, tag: str) -> list[str]:
    return [line for line in err.splitlines() if f"{tag}: " in line and "Editions' own" in line]


def chrome_figures(editions: Callable[..., Any], root: Path, tag: str) -> dict[str, int]:
    result = editions("--project", root, "status", "--json")
    assert result.code == 0, result.err
    languages = json.loads(result.out)["languages"]
    chrome: dict[str, int] = next(lang for lang in languages if lang["language"] == tag)["chrome"]
    return chrome


def editions_own_words() -> set[str]:
    catalog = LOCALE_DIR / "es" / "LC_MESSAGES" / "editions.po"
    return {entry.id for entry in read_catalog(catalog).messages}


def test_a_language_added_gets_the_theme_words_to_translate(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "add-language", "ja")
    assert result.code == 0, result.err
    assert str(JAPANESE_THEME) in result.out
    catalog = read_catalog(root / JAPANESE_THEME)
    words = {entry.id for entry in catalog.messages}
    assert {"Back to top", "Skip to content", "Link to this heading", "Light mode"} <= words
    assert not any(any(entry.strings) for entry in catalog.messages)
    # Sphinx's own Japanese catalog translates "Search": nothing for the translator to do.
    assert "Search" not in words


def test_the_build_lists_the_chrome_words_shown_in_english_and_status_counts_them(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    assert editions("--project", root, "add-language", "ja").code == 0
    to_translate = read_catalog(root / JAPANESE_THEME).messages

    built = editions("--project", root, "build", "--lang", "ja")
    assert built.code == 0, built.err
    [warning] = chrome_warning(built.err, "ja")
    assert warning.startswith(
        f"editions: warning: ja: {len(to_translate)} words of the page chrome"
    )
    assert '"Skip to content"' in warning and str(JAPANESE_THEME) in warning
    [own] = own_words_warning(built.err, "ja")
    assert f"{len(editions_own_words())} words" in own and "editions.po" in own
    page = (root / "build" / "html" / "ja" / "index.html").read_text(encoding="utf-8")
    assert "Back to top" in page  # what the warning says is so
    assert chrome_figures(editions, root, "ja") == {
        "untranslated": len(to_translate) + len(editions_own_words()) + 1,
        "theme": len(to_translate),
        "editions": len(editions_own_words()),
        "name": 1,  # no title declared for ja: the main title shows (see test_landing)
    }

    catalog = read_catalog(root / JAPANESE_THEME)
    for entry in catalog.messages:
        if entry.msgid_plural is None:  # the plural ones stay untranslated
            entry.msgstr = [PoString("msgstr", 0, [escape(f"【{entry.id}】")])]
    write_catalog(root / JAPANESE_THEME, catalog)
    rebuilt = editions("--project", root, "build", "--lang", "ja")
    assert rebuilt.code == 0, rebuilt.err
    assert chrome_warning(rebuilt.err, "ja") == []
    assert own_words_warning(rebuilt.err, "ja") != []  # Editions' own: not the project's to fix
    page = (root / "build" / "html" / "ja" / "index.html").read_text(encoding="utf-8")
    assert "【Back to top】" in page
    assert chrome_figures(editions, root, "ja")["theme"] == 0


def test_a_language_whose_words_ship_has_no_chrome_warning(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    spanish = Path("locale/es/LC_MESSAGES/sphinx.po")
    shutil.copy2(REPOSITORY / spanish, root / spanish)  # the theme's words, as the project ships
    declaration = root / "pyproject.toml"  # and the publication's name in Spanish
    text = declaration.read_text(encoding="utf-8")
    declaration.write_text(
        text.replace('{ code = "es" }', '{ code = "es", title = "Gaceta de Prueba" }'),
        encoding="utf-8",
    )
    built = editions("--project", root, "build", "--lang", "es")
    assert built.code == 0, built.err
    assert chrome_warning(built.err, "es") == [] and own_words_warning(built.err, "es") == []
    figures = {"untranslated": 0, "theme": 0, "editions": 0, "name": 0}
    assert chrome_figures(editions, root, "es") == figures


def test_the_real_publication_shows_every_chrome_word_translated() -> None:
    project = load_project(REPOSITORY)
    for language in project.languages:
        missing = missing_words(project.locale_dir, language)
        assert (language.tag, missing.theme, missing.own) == (language.tag, (), ())
        assert not project.title_fallback(language)  # and the publication's name is its own


def test_the_theme_words_are_read_from_the_theme_the_pages_use() -> None:
    singulars = {word if isinstance(word, str) else word[0] for word in theme_words()}
    # furo's templates, Sphinx's permalinks and search script, furo's literal words
    assert {
        "Back to top",
        "Link to this heading",
        "Searching",
        "Toggle site navigation sidebar",
    } <= (singulars)
    # Read the Docs' version menu never shows; the HTML writer's console warnings are no words
    assert "Versions" not in singulars
    assert not any("not defined" in word for word in singulars)
