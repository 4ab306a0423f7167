"""`editions status`: figures by strings and English words, checked against polib's own count."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import polib
import pytest

from editions import status
from editions.catalogs import catalog_paths

CORPUS = Path(__file__).parent.parent.parent / "shared" / "corpora" / "python-docs-fr"

HANDMADE = r"""# A catalog with one entry of each kind.
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Three words here."
msgstr "Trois mots ici."

#, fuzzy
#| msgid "Old English"
msgid "A fuzzy one, five words."
msgstr "Un flou."

#, fuzzy
msgid "Fuzzy but empty"
msgstr ""

msgid ""
"Split over "
"two\nlines"
msgstr ""

msgctxt "menu"
msgid "Open"
msgstr "Ouvrir"

#~ msgid "Gone from the source"
#~ msgstr "Disparu"
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures of foreign catalogs are cached per user: keep the tests' cache apart."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def polib_count(path: Path) -> dict[str, dict[str, int]]:
    """An independent count: msgfmt's rules, applied to polib's reading of the file."""
    counts = {part: {"strings": 0, "words": 0} for part in status_parts()}
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            part = "obsolete"
        elif entry.translated():
            part = "translated"
        elif entry.fuzzy and (entry.msgstr or any(entry.msgstr_plural.values())):
            part = "fuzzy"
        else:
            part = "untranslated"
        counts[part]["strings"] += 1
        counts[part]["words"] += len(entry.msgid.split())
    return counts


def status_parts() -> tuple[str, ...]:
    return ("translated", "fuzzy", "untranslated", "obsolete")


def test_each_kind_of_entry_is_counted_once_in_strings_and_words(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "article.po"
    path.parent.mkdir()
    path.write_text(HANDMADE, encoding="utf-8")
    [figures] = status.collect([path])
    assert figures.language == "fr" and figures.document == "article"
    assert figures.translated == status.Tally(2, 4)  # "Three words here." and "Open"
    assert figures.fuzzy == status.Tally(1, 5)  # counted once, unlike sphinx-intl stat
    assert figures.untranslated == status.Tally(2, 7)  # an empty fuzzy entry is not work done
    assert figures.obsolete == status.Tally(1, 4)
    assert figures.total == status.Tally(5, 16)  # obsolete entries are not work
    assert figures.words_percent == pytest.approx(100 * 4 / 16)
    expected = polib_count(path)
    for part in status_parts():
        assert asdict(getattr(figures, part)) == expected[part]


def test_status_json_agrees_with_polib_on_the_test_project(make_project, editions) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "status", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert [language["language"] for language in report["languages"]] == ["de", "es"]
    for language in report["languages"]:
        folder = root / "locale" / language["language"] / "LC_MESSAGES"
        documents = {document["document"]: document for document in language["documents"]}
        assert set(documents) == {"index", "news/harbour", "news/market"}
        for path in catalog_paths(folder):
            document = documents[path.relative_to(folder).with_suffix("").as_posix()]
            expected = polib_count(path)
            assert {part: document[part] for part in status_parts()} == expected
        total = sum(document["total"]["words"] for document in documents.values())
        done = sum(document["translated"]["words"] for document in documents.values())
        assert language["words_percent"] == round(100 * done / total, 2)


def test_a_partly_translated_language_shows_its_share_of_words(make_project) -> None:
    from editions.declaration import load_project

    root = make_project("test-basic")
    german = next(
        language
        for language in status.project_status(load_project(root))
        if language.language == "de"
    )
    assert 0 < german.words_percent < 100
    assert german.translated.words + german.fuzzy.words + german.untranslated.words == (
        german.total.words
    )


def test_lang_option_selects_languages_in_either_spelling(make_project, editions) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "status", "--json", "--lang", "ES")
    assert [item["language"] for item in json.loads(result.out)["languages"]] == ["es"]


def test_table_names_each_language_and_document(make_project, editions, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    root = make_project("test-basic")
    result = editions("--project", root, "status")
    assert result.code == 0
    assert "\033[" not in result.out  # not a terminal: no colour
    assert result.out.startswith("de: ")
    assert "English words translated" in result.out
    assert "news/harbour" in result.out and "\nes: " in result.out


def test_a_flat_folder_takes_the_language_from_each_header(tmp_path: Path, editions) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.po").write_text(HANDMADE, encoding="utf-8")
    (tmp_path / "two.po").write_text(HANDMADE.replace("Language: fr", "Language: pt-BR"), "utf-8")
    result = editions("status", "--json", tmp_path)
    languages = {item["language"]: item for item in json.loads(result.out)["languages"]}
    assert set(languages) == {"fr", "pt_BR"}
    assert [d["document"] for d in languages["fr"]["documents"]] == ["sub/one"]


def test_cached_figures_follow_a_changed_catalog(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "article.po"
    path.parent.mkdir()
    path.write_text(HANDMADE, encoding="utf-8")
    cache = tmp_path / "cache.json"
    first = status.collect([path], cache)
    assert cache.is_file() and status.collect([path], cache) == first
    path.write_text(HANDMADE.replace('msgstr "Ouvrir"', 'msgstr ""'), encoding="utf-8")
    [changed] = status.collect([path], cache)
    assert changed.translated == status.Tally(1, 3)


def test_a_broken_catalog_is_named_with_its_line_and_the_others_counted(
    tmp_path: Path, editions
) -> None:
    broken = tmp_path / "fr" / "LC_MESSAGES" / "broken.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "Fine"\nmsgstr "Bien\n', encoding="utf-8")
    (tmp_path / "fr" / "LC_MESSAGES" / "good.po").write_text(HANDMADE, encoding="utf-8")
    before = broken.read_bytes()
    result = editions("status", tmp_path)
    assert result.code == 1
    assert f"{broken}:2: [syntax] the string is not closed" in result.err
    assert "Traceback" not in result.err
    assert "fr:" in result.out and "good" in result.out and "broken" not in result.out
    assert broken.read_bytes() == before


def test_a_missing_path_is_refused(tmp_path: Path, editions) -> None:
    result = editions("status", tmp_path / "nowhere")
    assert result.code == 2 and "no such catalog or folder" in result.err


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the python-docs-fr corpus is not in ../shared")
def test_figures_agree_with_polib_on_481_real_catalogs() -> None:
    figures = status.collect([CORPUS])
    assert len(figures) == 481
    for catalog in figures:
        expected = polib_count(catalog.path)
        assert {part: asdict(getattr(catalog, part)) for part in status_parts()} == (expected), (
            catalog.path
        )
    [french] = status.summarise(figures)
    assert french.language == "fr" and french.total.strings == 56069


def test_the_build_writes_a_status_page_with_a_row_per_document(built_project: Path) -> None:
    from editions.declaration import load_project

    page = (built_project / "build/html/status.html").read_text(encoding="utf-8")
    languages = status.project_status(load_project(built_project))
    for language in languages:
        row = page[page.index(f'<tr class="language" id="{language.language}">') :]
        assert row.startswith(f'<tr class="language" id="{language.language}">')
        assert f'<span class="figure">{language.completeness}%</span>' in row[: row.index("</tr>")]
    documents = sum(len(language.publication.documents) for language in languages)
    assert page.count('<tr class="document">') == documents
    assert page.count('<tr class="theme">') == sum(1 for language in languages if language.theme)
    assert ">Deutsch<" in page and "news/harbour" in page and "<script" not in page


def test_pages_written_after_a_build_leave_a_broken_catalog_out(make_project, editions) -> None:
    from editions.declaration import load_project

    root = make_project("test-basic")
    (root / "locale/es/LC_MESSAGES/news/market.po").write_text('msgid "x\n', encoding="utf-8")
    languages = status.project_status(load_project(root))
    spanish = next(language for language in languages if language.language == "es")
    assert [d.document for d in spanish.documents] == ["index", "news/harbour"]
    result = editions("--project", root, "status")  # asked for, the figures are refused
    assert result.code == 1 and "market.po:1: [syntax]" in result.err
    assert "news/harbour" in result.out  # the others are still counted


def test_a_linked_catalog_is_counted_inside_the_project_and_refused_outside(
    make_project, editions, tmp_path: Path
) -> None:
    root = make_project("test-basic")
    folder = root / "locale/es/LC_MESSAGES/news"
    harbour = folder / "harbour.po"
    moved = root / "shared-harbour.po"
    harbour.rename(moved)
    harbour.symlink_to(moved)  # inside the project: read
    outside = tmp_path / "outside.po"
    outside.write_text(HANDMADE.replace("Three words here.", "SECRET words"), encoding="utf-8")
    (folder / "market.po").unlink()
    (folder / "market.po").symlink_to(outside)  # outside: refused, unread

    result = editions("--project", root, "status")
    assert result.code == 1
    spanish = result.out.split("\nes:", 1)[1].split("\n\n")[0]
    assert "news/harbour" in spanish and "news/market" not in spanish
    assert f"{folder / 'market.po'}: a symbolic link to a file outside the project" in result.err
    assert "SECRET" not in result.out + result.err
