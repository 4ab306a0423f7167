"""`editions status`: figures by strings and English words, checked against polib's own count."""

from __future__ import annotations

import json
import re
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
    assert ">Deutsch<" in page and "news/harbour" in page
    # One script only, the landing page's: the reader's light or dark choice.
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert page.count("<script") == 1 and scripts[0].strip().startswith(
        "try { document.body.dataset.theme"
    )


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


# --- Any folder of catalogs: totals by folder and language, what is left to do ---------------


def catalog(language: str | None, done: int = 0, fuzzy: int = 0, left: int = 0) -> str:
    """A catalog of ``done`` translated messages of three English words, ``fuzzy`` fuzzy ones
    of two words and ``left`` untranslated ones of four words (a language of None: no header
    field)."""
    field = f'"Language: {language}\\n"\n' if language else ""
    text = f'msgid ""\nmsgstr ""\n{field}"Content-Type: text/plain; charset=UTF-8\\n"\n'
    for number in range(done):
        text += f'\nmsgid "Done message {number}"\nmsgstr "Fait {number}"\n'
    for number in range(fuzzy):
        text += f'\n#, fuzzy\nmsgid "Fuzzy {number}"\nmsgstr "Flou {number}"\n'
    for number in range(left):
        text += f'\nmsgid "Left to translate {number}"\nmsgstr ""\n'
    return text


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def locale(tmp_path: Path) -> Path:
    """Another project's locale/: two languages, documents at the top and in news/."""
    root = tmp_path / "other-project" / "locale"
    french = root / "fr" / "LC_MESSAGES"
    write(french / "index.po", catalog("de", done=2, fuzzy=1))  # a wrong header
    write(french / "news" / "harbour.po", catalog("fr", done=1, left=2))
    write(french / "news" / "market.po", catalog("fr", done=3))
    german = root / "de" / "LC_MESSAGES"
    write(german / "index.po", catalog("de", done=3))
    write(german / "news" / "harbour.po", catalog("de", fuzzy=2, left=1))
    return root


def tally(strings: int, words: int) -> dict[str, int]:
    return {"strings": strings, "words": words}


def catalog_rows(table: str) -> set[tuple[str, str]]:
    """(language, document) of each catalog's row in a table (not the folders' and totals')."""
    rows = set()
    language = ""
    for line in table.splitlines():
        if heading := re.match(r"(\w+): ", line):
            language = heading[1]
        elif row := re.match(r" +\d+%(?: +[\d,]+){8}    (\S+)$", line):
            rows.add((language, row[1]))
    return rows


def test_totals_per_folder_and_language_of_another_projects_locale(locale: Path, editions) -> None:
    result = editions("status", "--json", locale)
    assert result.code == 0, result.err
    languages = {item["language"]: item for item in json.loads(result.out)["languages"]}
    assert list(languages) == ["de", "fr"]
    french = languages["fr"]
    folders = {folder["folder"]: folder for folder in french["folders"]}
    assert list(folders) == [".", "news"]
    top, news = folders["."], folders["news"]
    assert (top["catalogs"], top["translated"], top["fuzzy"], top["untranslated"]) == (
        1,
        tally(2, 6),
        tally(1, 2),
        tally(0, 0),
    )
    assert (news["catalogs"], news["translated"], news["fuzzy"], news["untranslated"]) == (
        2,
        tally(4, 12),
        tally(0, 0),
        tally(2, 8),
    )
    assert news["total"] == tally(6, 20) and news["completeness"] == 60
    assert (french["catalogs"], french["translated"], french["total"]) == (
        3,
        tally(6, 18),
        tally(9, 28),
    )
    assert french["completeness"] == 64  # 18 of 28 words, rounded down
    german = languages["de"]
    assert [folder["folder"] for folder in german["folders"]] == [".", "news"]
    assert german["fuzzy"] == tally(2, 4) and german["untranslated"] == tally(1, 4)
    assert german["total"] == tally(6, 17) and german["strings_percent"] == 50.0


def test_the_table_has_a_row_per_folder_and_per_language(locale: Path, editions) -> None:
    result = editions("status", locale)
    assert result.code == 0, result.err
    french = result.out[result.out.index("fr: ") :]
    rows = [line.split() for line in french.splitlines()]
    # words%, then strings and words translated, fuzzy, untranslated, obsolete; then the name
    assert ["75%", "2", "6", "1", "2", "0", "0", "0", "0", "./", "1", "catalog"] in rows
    assert ["60%", "4", "12", "0", "0", "2", "8", "0", "0", "news/", "2", "catalogs"] in rows
    assert ["27%", "1", "3", "0", "0", "2", "8", "0", "0", "news/harbour"] in rows
    assert ["64%", "6", "18", "1", "2", "2", "8", "0", "0", "fr:", "all", "3", "catalogs"] in rows
    names = [row[-1] for row in rows if row[0][:-1].isdigit()]
    assert names == ["catalog", "index", "catalogs", "news/harbour", "news/market", "catalogs"]


def test_the_language_folder_beats_a_wrong_header(locale: Path, editions) -> None:
    result = editions("status", "--json", locale / "fr")
    [french] = json.loads(result.out)["languages"]
    assert french["language"] == "fr" and french["language_from"] == ["folder"]
    index = next(d for d in french["documents"] if d["document"] == "index")
    assert index["language_from"] == "folder" and index["translated"] == tally(2, 6)
    table = editions("status", locale / "fr").out
    assert table.startswith("fr: ") and "\nde: " not in table
    assert "  language: from the <lang>/LC_MESSAGES/ folders\n" in table


def test_a_flat_folder_says_the_language_comes_from_headers_or_is_unknown(
    tmp_path: Path, editions
) -> None:
    write(tmp_path / "library" / "os.po", catalog("fr", done=1, left=1))
    write(tmp_path / "about.po", catalog("fr", done=2))
    write(tmp_path / "library" / "orphan.po", catalog(None, left=1))
    report = json.loads(editions("status", "--json", tmp_path).out)
    languages = {item["language"]: item for item in report["languages"]}
    assert set(languages) == {"fr", "und"}
    assert languages["fr"]["language_from"] == ["header"]
    assert [f["folder"] for f in languages["fr"]["folders"]] == [".", "library"]
    assert [d["document"] for d in languages["und"]["documents"]] == ["library/orphan"]
    assert languages["und"]["language_from"] == ["none"]
    table = editions("status", tmp_path).out
    french, unknown = table.split("\nund: ")
    assert "  language: from the catalogs' Language: header" in french
    assert "  language: unknown (no <lang>/LC_MESSAGES/ folder, no Language: header)" in unknown


def test_a_language_read_both_ways_says_how_many_catalogs_each(tmp_path: Path, editions) -> None:
    write(tmp_path / "fr" / "LC_MESSAGES" / "index.po", catalog(None, done=1))
    write(tmp_path / "extra" / "notes.po", catalog("fr", left=1))
    write(tmp_path / "extra" / "more.po", catalog("fr", left=1))
    result = editions("status", tmp_path)
    assert result.out.startswith("fr: ")
    assert (
        "  language: from the <lang>/LC_MESSAGES/ folders (1 catalog) "
        "and the catalogs' Language: header (2 catalogs)\n"
    ) in result.out
    assert catalog_rows(result.out) == {
        ("fr", "index"),
        ("fr", "extra/notes"),
        ("fr", "extra/more"),
    }


def test_only_fuzzy_lists_exactly_the_catalogs_with_fuzzy_entries(locale: Path, editions) -> None:
    report = json.loads(editions("status", "--json", "--only-fuzzy", locale).out)
    listed = {
        (language["language"], document["document"])
        for language in report["languages"]
        for document in language["documents"]
    }
    assert listed == {("fr", "index"), ("de", "news/harbour")}
    french = next(item for item in report["languages"] if item["language"] == "fr")
    assert [folder["folder"] for folder in french["folders"]] == ["."]  # news/ has none
    assert french["total"] == tally(9, 28)  # the totals stay those of every catalog
    table = editions("status", "-f", locale).out
    assert catalog_rows(table) == {("fr", "index"), ("de", "news/harbour")}
    assert "news/market" not in table


def test_todo_hides_complete_catalogs_and_says_when_nothing_is_left(locale: Path, editions) -> None:
    table = editions("status", "--todo", locale).out
    assert catalog_rows(table) == {("fr", "index"), ("fr", "news/harbour"), ("de", "news/harbour")}
    assert "  news/  1 of 2 catalogs listed\n" in table
    done = editions("status", "--todo", locale / "fr" / "LC_MESSAGES" / "news" / "market.po")
    assert done.code == 0 and done.out == "every catalog is complete\n"
    nothing = editions("status", "--only-fuzzy", locale / "de" / "LC_MESSAGES" / "index.po")
    assert nothing.out == "no catalog has fuzzy entries\n"


def test_folders_shows_the_totals_without_a_row_per_catalog(locale: Path, editions) -> None:
    table = editions("status", "--folders", locale).out
    rows = [line.split() for line in table.splitlines() if line.strip()[:1].isdigit()]
    names = [" ".join(row[9:]) for row in rows]  # after the share and the eight figures
    assert names == ["./ 1 catalog", "news/ 1 catalog", "de: all 2 catalogs"] + [
        "./ 1 catalog",
        "news/ 2 catalogs",
        "fr: all 3 catalogs",
    ]


def test_a_broken_catalog_in_a_tree_is_named_and_the_others_are_counted(
    locale: Path, editions
) -> None:
    broken = write(
        locale / "fr" / "LC_MESSAGES" / "news" / "broken.po",
        catalog("fr", done=1) + '\nmsgid "Open\n',
    )
    before = broken.read_bytes()
    result = editions("status", "--json", locale)
    assert result.code == 1
    assert result.err.startswith(f"{broken}:9: [syntax] the string is not closed")
    assert all(line.startswith(f"{broken}:9: [") for line in result.err.splitlines())
    assert "Traceback" not in result.err
    french = next(item for item in json.loads(result.out)["languages"] if item["language"] == "fr")
    news = next(folder for folder in french["folders"] if folder["folder"] == "news")
    assert news["catalogs"] == 2 and news["total"] == tally(6, 20)  # as without it
    assert broken.read_bytes() == before


def test_json_has_the_figures_of_each_language_folder_and_catalog(locale: Path, editions) -> None:
    report = json.loads(editions("status", "--json", locale).out)
    figures = {"words_percent", "strings_percent", "completeness", *status_parts(), "total"}
    assert set(report) == {"selection", "languages"}
    assert report["selection"] == {"only_fuzzy": False, "todo": False}
    for language in report["languages"]:
        assert set(language) == {
            "language",
            "language_from",
            "catalogs",
            "folders",
            "documents",
        } | (figures)
        for folder in language["folders"]:
            assert set(folder) == {"folder", "catalogs"} | figures
        for document in language["documents"]:
            assert set(document) == {"document", "folder", "path", "language_from"} | figures
        assert sum(folder["catalogs"] for folder in language["folders"]) == language["catalogs"]
