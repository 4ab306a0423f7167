"""The reader, the writer and the figures, pinned by literal expected output.

Each test here gives a small catalog and the exact bytes, figures or message
expected back, written out in full (as Babel's own tests do), never the writer's
output compared with itself.  Mutation testing (mutmut, see benchmarks/RESULTS.md)
showed which mistakes of pofile.py, formatting.py and status.py no other fast test
would notice.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from editions import derived, formatting, status
from editions.errors import EditionsError
from editions.formatting import render_po
from editions.pofile import PoSyntaxError, parse_po, read_po

LITERAL = Path(__file__).parent / "literal"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
needs_msgcat = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is absent")


@pytest.fixture(autouse=True)
def fresh_wrapping() -> None:
    """Wrap each string anew: a line wrapped by an earlier test would hide a mistake."""
    formatting.wrap_string.cache_clear()
    formatting._line_break_class.cache_clear()


def written(text: str | bytes) -> str:
    """What the writer makes of ``text``."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return render_po(parse_po(data, Path("catalog.po"))).decode("utf-8")


def problems(text: str) -> list[tuple[int, str]]:
    """What the reader says about ``text``: each problem's line and message."""
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(text.encode("utf-8"), Path("catalog.po"))
    return [(problem.line, problem.message) for problem in raised.value.problems]


# --- The writer ------------------------------------------------------------------------------


def test_wide_characters_combining_marks_and_controls_are_measured_as_msgcat_does() -> None:
    source = LITERAL / "written-by-hand.po"
    expected = (LITERAL / "as-msgcat-writes-it.po").read_bytes()
    assert render_po(read_po(source)) == expected


@needs_msgcat
def test_the_pinned_wrapping_is_msgcat_s_own() -> None:
    source = LITERAL / "written-by-hand.po"
    ours = subprocess.run(["msgcat", "-w", "79", str(source)], capture_output=True, check=True)
    assert ours.stdout == (LITERAL / "as-msgcat-writes-it.po").read_bytes()


def test_flags_locations_plurals_contexts_and_previous_strings_are_written_as_msgcat_does() -> None:
    # Header comments, a plural entry with a context and a previous msgid_plural, flags
    # msgcat keeps, drops or reorders, locations counted in bytes (the isolates around a
    # name with a space are three bytes each), an obsolete plural entry kept and an
    # obsolete entry without a translation dropped.
    source = LITERAL / "flags-written-by-hand.po"
    expected = (LITERAL / "flags-as-msgcat-writes-them.po").read_bytes()
    assert render_po(read_po(source)) == expected


@needs_msgcat
def test_the_pinned_flags_are_msgcat_s_own() -> None:
    source = LITERAL / "flags-written-by-hand.po"
    ours = subprocess.run(["msgcat", "-w", "79", str(source)], capture_output=True, check=True)
    assert ours.stdout == (LITERAL / "flags-as-msgcat-writes-them.po").read_bytes()


def test_a_header_with_comments_and_a_latin_1_plural_entry_keep_every_line() -> None:
    source = (
        "# Traduction française.\n"
        "# Copyright © l'équipe.\n"
        "#\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
        "\n"
        "#: é.rst:1\n"
        '#| msgid_plural "Old cafés"\n'
        'msgctxt "café"\n'
        'msgid "A café"\n'
        'msgid_plural "Cafés"\n'
        'msgstr[0] "Un café"\n'
        'msgstr[1] "Des cafés"\n'
    ).encode("latin-1")
    assert render_po(parse_po(source, Path("latin-1.po"))) == source


def test_long_strings_are_wrapped_after_spaces_and_each_newline() -> None:
    text = HEADER + (
        'msgid "Line one\\nLine two is long enough that msgcat has to wrap it after a space ok"\n'
        'msgstr "Un\\n"\n'
        "\n"
        "#, no-wrap\n"
        'msgid "No-wrap keeps a long line whole however long it is, only newlines cut it"\n'
        'msgstr "x\\ny"\n'
        "\n"
        'msgid "Tab\\tand \\"quotes\\" and a backslash \\\\ stay escaped when the string wraps"\n'
        'msgstr "a"\n'
    )
    assert written(text) == (
        'msgid ""\n'
        'msgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        "\n"
        'msgid ""\n'
        '"Line one\\n"\n'
        '"Line two is long enough that msgcat has to wrap it after a space ok"\n'
        'msgstr "Un\\n"\n'
        "\n"
        "#, no-wrap\n"
        'msgid "No-wrap keeps a long line whole however long it is, only newlines cut it"\n'
        'msgstr ""\n'
        '"x\\n"\n'
        '"y"\n'
        "\n"
        'msgid ""\n'
        '"Tab\\tand \\"quotes\\" and a backslash \\\\ stay escaped when the string wraps"\n'
        'msgstr "a"\n'
    )


# --- The figures -----------------------------------------------------------------------------

ARTICLE = HEADER + (
    'msgid "Three words here."\nmsgstr "Trois mots ici."\n\n'
    '#, fuzzy\nmsgid "A fuzzy one, five words."\nmsgstr "Un flou."\n\n'
    '#, fuzzy\nmsgid "Fuzzy but empty"\nmsgstr ""\n\n'
    'msgid "One"\nmsgid_plural "Many"\nmsgstr[0] "Un"\nmsgstr[1] ""\n\n'
    'msgctxt "menu"\nmsgid ""\nmsgstr "Not the header: it has a context"\n\n'
    '#~ msgid "Gone from the source"\n#~ msgstr "Disparu"\n'
)
THEME = HEADER + 'msgid "Search"\nmsgstr "Chercher"\n\nmsgid "Next topic"\nmsgstr ""\n'


def write_languages(root: Path) -> None:
    """fr: an article a quarter done and the theme's words; de: 60 %; es: all done."""
    for language, name, text in (
        ("fr", "article", ARTICLE),
        ("fr", "sphinx", THEME),
        ("de", "article", HEADER + 'msgid "One two three"\nmsgstr "Eins zwei drei"\n\n'
         'msgid "Four five"\nmsgstr ""\n'),
        ("es", "article", HEADER + 'msgid "Done"\nmsgstr "Hecho"\n'),
    ):  # fmt: skip
        path = root / language / "LC_MESSAGES" / f"{name}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_each_kind_of_entry_is_counted_in_its_column(tmp_path: Path) -> None:
    write_languages(tmp_path)
    [article] = [s for s in status.collect([tmp_path / "fr"]) if s.document == "article"]
    assert (article.language, article.document) == ("fr", "article")
    assert article.translated == status.Tally(2, 3)  # the entry with a context and empty msgid
    assert article.fuzzy == status.Tally(1, 5)
    assert article.untranslated == status.Tally(2, 4)  # an empty fuzzy one; a plural half done
    assert article.obsolete == status.Tally(1, 4)
    assert article.total == status.Tally(5, 12)
    assert (article.completeness, article.words_percent, article.strings_percent) == (25, 25, 40)


ZERO, FOUR = "         0       0", "         1       4"  # the obsolete columns


def test_the_table_shows_each_language_its_documents_and_its_colour(tmp_path: Path) -> None:
    write_languages(tmp_path)
    languages = status.summarise(status.collect([tmp_path]))
    red, yellow, green, plain = "\033[31m", "\033[33m", "\033[32m", "\033[0m"
    header = (
        "  language: from the <lang>/LC_MESSAGES/ folders\n"
        "  words%          translated             fuzzy      untranslated          obsolete"
        "  folder/document\n"
        "             strings   words   strings   words   strings   words   strings   words\n"
    )
    de = f"  {yellow}    60%{plain}         1       3         0       0         1       2" + ZERO
    es = f"  {green}   100%{plain}         1       1         0       0         0       0" + ZERO
    fr = f"  {red}    26%{plain}         3       4         1       5         3       6" + FOUR
    assert status.render_table(languages, colour=True) == (
        f"de: {yellow}    60%{plain} of 5 English words translated "
        "(1 of 2 strings; 0 fuzzy, 0 obsolete)\n"
        + header
        + f"{de}  ./  1 catalog\n{de}    article\n{de}  de: all 1 catalogs\n\n"
        f"es: {green}   100%{plain} of 1 English words translated "
        "(1 of 1 strings; 0 fuzzy, 0 obsolete)\n"
        + header
        + f"{es}  ./  1 catalog\n{es}    article\n{es}  es: all 1 catalogs\n\n"
        f"fr: {red}    25%{plain} of 12 English words translated "
        "(2 of 5 strings; 1 fuzzy, 1 obsolete); theme: 1 of 2 strings\n"
        + header
        + f"{fr}  ./  2 catalogs\n"
        + f"  {red}    25%{plain}         2       3         1       5         2       4"
        "         1       4    article\n"
        f"  {red}    33%{plain}         1       1         0       0         1       2"
        "         0       0    sphinx\n" + f"{fr}  fr: all 2 catalogs\n"
    )
    assert "\033" not in status.render_table(languages)
    assert status.render_table(languages).startswith("de:     60% of 5 English words")


def test_the_json_figures_are_exact(tmp_path: Path) -> None:
    write_languages(tmp_path)
    [french] = status.select_languages(status.summarise(status.collect([tmp_path])), ["FR"])
    figures = status.as_json([french])
    article = tmp_path / "fr" / "LC_MESSAGES" / "article.po"
    theme = tmp_path / "fr" / "LC_MESSAGES" / "sphinx.po"
    french_figures = {
        "translated": {"strings": 3, "words": 4},
        "fuzzy": {"strings": 1, "words": 5},
        "untranslated": {"strings": 3, "words": 6},
        "obsolete": {"strings": 1, "words": 4},
        "total": {"strings": 7, "words": 15},
    }
    assert json.loads(json.dumps(figures)) == {
        "selection": {"only_fuzzy": False, "todo": False},
        "languages": [
            {
                "language": "fr",
                "language_from": ["folder"],
                "catalogs": 2,
                "words_percent": 26.67,  # 4 of 15 words, the theme's included
                "strings_percent": 42.86,
                "completeness": 25,  # the publication's words alone
                "translated": {"strings": 3, "words": 4},
                "fuzzy": {"strings": 1, "words": 5},
                "untranslated": {"strings": 3, "words": 6},
                "obsolete": {"strings": 1, "words": 4},
                "total": {"strings": 7, "words": 15},
                "folders": [
                    {
                        "folder": ".",
                        "catalogs": 2,
                        "words_percent": 26.67,
                        "strings_percent": 42.86,
                        "completeness": 26,  # the folder's words, the theme's included
                        **french_figures,
                    }
                ],
                "documents": [
                    {
                        "document": "article",
                        "folder": ".",
                        "path": str(article),
                        "language_from": "folder",
                        "words_percent": 25.0,
                        "strings_percent": 40.0,
                        "completeness": 25,
                        "translated": {"strings": 2, "words": 3},
                        "fuzzy": {"strings": 1, "words": 5},
                        "untranslated": {"strings": 2, "words": 4},
                        "obsolete": {"strings": 1, "words": 4},
                        "total": {"strings": 5, "words": 12},
                    },
                    {
                        "document": "sphinx",
                        "folder": ".",
                        "path": str(theme),
                        "language_from": "folder",
                        "words_percent": 33.33,
                        "strings_percent": 50.0,
                        "completeness": 33,
                        "translated": {"strings": 1, "words": 1},
                        "fuzzy": {"strings": 0, "words": 0},
                        "untranslated": {"strings": 1, "words": 2},
                        "obsolete": {"strings": 0, "words": 0},
                        "total": {"strings": 2, "words": 3},
                    },
                ],
            }
        ],
    }


def identity(path: Path) -> list[int]:
    found = path.stat()
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def test_the_cache_holds_each_catalog_s_digest_and_figures(tmp_path: Path) -> None:
    write_languages(tmp_path)
    article = tmp_path / "es" / "LC_MESSAGES" / "article.po"
    cache = tmp_path / "cache.json"
    status.collect([article], cache)
    # The digest of the catalog's bytes and of the code that counted them (editions.derived),
    # and the digest of the catalog's bytes with its identity, once it is 2 s old.
    content = hashlib.sha256(article.read_bytes()).hexdigest()
    signature = derived.combined({"": content}, derived.own_code_version())
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["records"] == {
        str(article): [signature, ["", [1, 1], [0, 0], [0, 0], [0, 0]]]
    }  # fmt: skip
    assert set(kept) == {"records", "files"}
    assert kept["files"] in ({}, {str(article): [*identity(article), content]})
    # Figures whose digest still matches are taken from the cache, not counted again.
    doctored = {str(article): [signature, ["", [7, 8], [1, 2], [3, 4], [5, 6]]]}
    cache.write_text(json.dumps({"records": doctored}), "utf-8")
    [cached] = status.collect([article], cache)
    assert (cached.translated, cached.fuzzy, cached.untranslated, cached.obsolete) == (
        status.Tally(7, 8), status.Tally(1, 2), status.Tally(3, 4), status.Tally(5, 6)
    )  # fmt: skip
    assert (cached.language, cached.document) == ("es", "article")
    # Another digest (other bytes, other code), or damaged data, is ignored: counted again.
    for damaged in (
        {"records": {str(article): ["0" * 64, doctored[str(article)][1]]}},
        {"records": {str(article): [signature, ["", [7, 8], [1, 2], [3, 4]]]}},
        {"records": {str(article): [signature, ["", [7, 8], [1, 2], [3, 4], [5, "6"]]]}},
        {"records": {str(article): [signature]}},
        {"records": []},
        {"version": 2, "catalogs": {str(article): [0, 0, "", [7, 8], [1, 2], [3, 4], [5, 6]]}},
        [],
        "not json",
    ):
        cache.write_text(json.dumps(damaged) if damaged != "not json" else "{", "utf-8")
        [counted] = status.collect([article], cache)
        assert counted.translated == status.Tally(1, 1)
        assert json.loads(cache.read_text(encoding="utf-8"))["records"][str(article)][1] == [
            "", [1, 1], [0, 0], [0, 0], [0, 0]
        ]  # fmt: skip


def test_many_catalogs_are_counted_in_worker_processes_with_the_same_figures(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for number in range(status.PARALLEL_FROM):
        (folder / f"doc{number:03}.po").write_text(
            HEADER + f'msgid "Word {number} here"\nmsgstr "{"x" if number % 2 else ""}"\n', "utf-8"
        )
    (folder / "zz-broken.po").write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    report = status.collect_report([tmp_path])
    assert report.problems == [f"{folder / 'zz-broken.po'}:2: [syntax] the string is not closed: "
                               'end it with a " on the same line']  # fmt: skip
    assert len(report.statuses) == status.PARALLEL_FROM
    assert [s.translated for s in report.statuses[:2]] == [status.Tally(0, 0), status.Tally(1, 3)]
    [french] = status.summarise(report.statuses)
    assert (french.translated, french.untranslated) == (
        status.Tally(50, 150),
        status.Tally(50, 150),
    )
    with pytest.raises(EditionsError, match="zz-broken.po:2"):
        status.collect([tmp_path])


def test_the_user_cache_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert status.user_cache_file() == Path("/somewhere/cache/editions/status.json")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert status.user_cache_file() == Path.home() / ".cache" / "editions" / "status.json"


def test_completeness_is_rounded_down_and_an_empty_document_is_complete() -> None:
    assert [status.completeness(*pair) for pair in ((0, 0), (199, 200), (1, 3), (3, 3))] == [
        100, 99, 33, 100
    ]  # fmt: skip


# --- The reader: what it refuses, and where ------------------------------------------------

UNKNOWN = 'a line is a msgid, msgstr, a "quoted string" or a # comment'
REFUSED = {
    "previous-without-entry": (
        HEADER + 'msgid "a"\nmsgstr "b"\n\n#| msgid "old"\n',
        [(8, "#| lines without an entry after them")],
    ),
    "comment-inside-entry": (
        HEADER + 'msgid "a"\n# note\nmsgstr "b"\n',
        [(6, "a comment inside an entry: move it above the entry's msgid")],
    ),
    "index-without-plural": (
        HEADER + 'msgid "a"\nmsgstr[0] "b"\n',
        [(6, "msgstr[0] without msgid_plural: add one")],
    ),
    "forms-out-of-order": (
        HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\nmsgstr[0] "c"\n',
        [(7, "msgstr[1] out of order: expected [0]"), (8, "msgstr[0] out of order: expected [1]")],
    ),
    "plural-without-msgid": (
        HEADER + 'msgid_plural "as"\nmsgstr[0] "b"\n',
        [
            (5, "msgid_plural without msgid: put msgid before it"),
            (6, "msgstr without msgid: start each entry with msgid"),
        ],
    ),
    "half-obsolete": (
        HEADER + 'msgid "a"\n#~ msgstr "b"\n',
        [(6, "half of an entry is obsolete (#~): mark both halves or none")],
    ),
    "garbage-after-obsolete-mark": (
        HEADER + "#~ garbage\n",
        [(5, "not gettext after #~: 'garbage'")],
    ),
    "unknown-keyword": (
        HEADER + 'msgfoo "x"\nmsgid "a"\nmsgstr "b"\n',
        [(5, f"unknown keyword 'msgfoo'; {UNKNOWN}")],
    ),
    "string-outside-any-entry": (
        '"stray"\n' + HEADER,
        [(1, "a string outside any entry: put msgid or msgstr before it")],
    ),
    "entry-without-msgid": (
        HEADER + 'msgctxt "c"\nmsgstr "x"\n',
        [
            (5, "an entry without msgid: start each entry with msgid"),
            (6, "msgstr without msgid: start each entry with msgid"),
        ],
    ),
    "long-garbage": (HEADER + "x" * 60 + "\n", [(5, f"not gettext: '{'x' * 39}…'; {UNKNOWN}")]),
    "msgstr-twice": (
        HEADER + 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n',
        [(7, "msgstr without msgid: start each entry with msgid")],
    ),
    "second-msgstr-after-index": (
        HEADER + 'msgid "a"\nmsgstr "b"\nmsgstr[1] "c"\n',
        [(7, "msgstr[1] without msgid_plural: add one")],
    ),
    "missing-msgstr-at-the-end": (
        HEADER + 'msgid "a"\n',
        [(5, 'msgid without msgstr: add msgstr "" after it')],
    ),
    "obsolete-missing-closing-quote": (
        HEADER + '#~ msgid "a"\n#~ msgstr "b\n',
        [(6, 'the string is not closed: end it with a " on the same line')],
    ),
    "bad-escape-in-a-continuation": (
        HEADER + 'msgid "a"\nmsgstr ""\n"x\\qy"\n',
        [(7, "invalid escape \\q: write \\\\ for a backslash, \\n for a new line")],
    ),
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_gettext_refuses_is_refused_with_each_line_and_message(name: str) -> None:
    text, expected = REFUSED[name]
    assert problems(text) == expected


def test_a_refusal_names_the_file_the_line_and_the_kind_of_problem() -> None:
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(
            (HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n').encode(), Path("x.po")
        )
    assert str(raised.value) == (
        "x.po:8: [duplicate] duplicate of the entry at line 5: gettext keeps only the first; "
        "merge them into one"
    )
    assert raised.value.partial is not None and len(raised.value.partial.entries) == 3


def test_unusual_spellings_keep_each_field_and_its_line() -> None:
    text = HEADER + (
        '#~| msgid "x"\n#~| "y"\n#~ msgid "a"\n#~ msgstr "b"\n\n'
        'msgid\t"tab"\nmsgstr\t""\n\t"after a tab"\n\n'
        '#| msgid "old"\n#| "er"\nmsgid "new"\nmsgstr[0] ""\n'
    )
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(text.encode(), Path("c.po"))
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (17, "msgstr[0] without msgid_plural: add one")
    ]
    po = raised.value.partial
    assert po is not None
    obsolete, tab, new = po.entries[1:]
    assert (obsolete.line, obsolete.obsolete, obsolete.previous_text("msgid")) == (7, True, "xy")
    assert [(p.keyword, p.line, p.parts) for p in obsolete.previous] == [("msgid", 5, ["x", "y"])]
    assert (tab.line, tab.id, tab.strings, tab.msgstr_line) == (10, "tab", ["after a tab"], 11)
    assert (new.line, new.previous_text("msgid"), new.previous_text("msgctxt")) == (
        16,
        "older",
        None,
    )
    assert not tab.obsolete and tab.previous == []


def test_header_fields_keep_their_spelling_and_are_found_in_any_case() -> None:
    po = parse_po(
        b'msgid ""\nmsgstr ""\n"Language:  pt-BR \\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n"no colon here\\n"\n"X-Empty:\\n"\n',
        Path("c.po"),
    )
    assert po.header_fields() == [
        ("Language", "pt-BR"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("X-Empty", ""),
    ]
    assert po.header_field("LANGUAGE") == "pt-BR" and po.header_field("Missing") is None
    assert parse_po(b'msgid "a"\nmsgstr "b"\n', Path("c.po")).header_fields() == []


@pytest.mark.parametrize(
    ("declared", "codec"),
    [
        ("UTF-8", "utf-8"),
        ("CHARSET", "utf-8"),
        ("ISO-8859-1", "iso8859-1"),
        ("latin1", "iso8859-1"),
    ],
)
def test_the_charset_is_the_header_s(declared: str, codec: str) -> None:
    text = HEADER.replace("UTF-8", declared) + 'msgid "a"\nmsgstr "b"\n'
    assert parse_po(text.encode(), Path("c.po")).charset == codec


def test_a_charset_nobody_knows_is_refused_at_its_line() -> None:
    text = '# a comment\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KLINGON\\n"\n'
    assert problems(text) == [
        (
            4,
            "charset 'KLINGON' is not one gettext can read; convert the file to UTF-8 "
            "(iconv -t UTF-8) and write charset=UTF-8 in the header",
        )
    ]


def test_bytes_of_another_charset_are_refused_at_their_line() -> None:
    text = (HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\n').encode() + b'msgstr "caf\xe9"\n'
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(text, Path("c.po"))
    assert str(raised.value) == (
        "c.po:9: [syntax] not valid UTF-8, the charset the header declares; save the file in "
        "that charset, or fix the header's Content-Type"
    )


def test_a_file_that_cannot_be_read_is_named_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(EditionsError) as raised:
        read_po(tmp_path / "missing.po")
    assert (
        str(raised.value)
        == f"{tmp_path / 'missing.po'}: cannot read the catalog: No such file or directory"
    )
    dangling = tmp_path / "dangling.po"
    dangling.symlink_to(tmp_path / "nowhere.po")
    with pytest.raises(EditionsError, match="cannot read the catalog: No such file"):
        read_po(dangling, root=tmp_path)
    big = tmp_path / "big.po"
    big.write_text(HEADER, encoding="utf-8")
    monkeypatch.setattr("editions.pofile.MAX_CATALOG_BYTES", 10)
    with pytest.raises(EditionsError) as raised:
        read_po(big)
    assert str(raised.value) == (
        f"{big}: {len(HEADER):,} bytes, more than a catalog may hold (10); split the document"
    )


def test_a_one_line_latin_1_header_as_msgcat_writes_it_is_read_in_latin_1() -> None:
    # msgcat writes a header of one field on the msgstr line itself; its charset counts.
    # Locations are measured in the catalog's bytes: one per "é" in Latin-1, two in UTF-8.
    locations = " ".join(f"ééééééé{number}.rst:1" for number in range(5))
    source = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        f'#: {locations}\nmsgid "a"\nmsgstr "café"\n'
    )
    latin_1 = parse_po(source.encode("latin-1"), Path("latin-1.po"))
    assert latin_1.charset == "iso8859-1" and latin_1.messages[0].strings == ["café"]
    assert render_po(latin_1) == source.encode("latin-1")  # 77 bytes: one line
    utf_8 = source.replace("ISO-8859-1", "UTF-8")
    assert written(utf_8) == utf_8.replace(" ééééééé3", "\n#: ééééééé3")  # 90 bytes: two


def test_an_entry_with_two_flag_lines_is_read_as_gettext_reads_it(tmp_path: Path) -> None:
    # gettext starts each #, line afresh: only the last counts (msgfmt: not fuzzy here).
    catalog = tmp_path / "two.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\n#, python-format\nmsgid "a %s"\nmsgstr "b %s"\n',
        encoding="utf-8",
    )
    (entry,) = read_po(catalog).entries[1:]
    assert entry.flags == ["python-format"] and not entry.fuzzy
    assert render_po(read_po(catalog)).endswith(
        b'\n#, python-format\nmsgid "a %s"\nmsgstr "b %s"\n'
    )  # what msgcat writes
