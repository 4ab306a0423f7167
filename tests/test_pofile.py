"""The one reader and writer of catalogs: strict as msgfmt, and writing what msgcat writes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editions import pofile
from editions.babel_adapter import from_babel, to_babel
from editions.catalogs import catalog_paths
from editions.errors import EditionsError
from editions.formatting import render_po
from editions.pofile import PoSyntaxError, parse_po, read_po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
CORPUS = Path(__file__).parent.parent.parent / "shared" / "corpora" / "python-docs-fr"


def msgcat(path: Path) -> bytes:
    """What GNU msgcat writes for ``path`` (its default width, 79)."""
    assert shutil.which("msgcat"), "GNU gettext (msgcat) must be installed to run these tests"
    return subprocess.run(["msgcat", "-o", "-", str(path)], check=True, capture_output=True).stdout


def write(tmp_path: Path, text: str | bytes, name: str = "catalog.po") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def rendered(path: Path) -> str:
    return render_po(read_po(path)).decode(read_po(path).charset)


# --- The corpus: 481 real catalogs -------------------------------------------------------------


def test_every_corpus_catalog_is_written_byte_for_byte_as_msgcat_writes_it() -> None:
    assert CORPUS.is_dir(), f"the python-docs-fr corpus must be in {CORPUS}"
    paths = list(catalog_paths(CORPUS))
    assert len(paths) == 481
    different = [path for path in paths if render_po(read_po(path)) != msgcat(path)]
    assert different == []


def test_the_fast_path_for_usual_entries_reads_what_the_line_reader_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert CORPUS.is_dir(), f"the python-docs-fr corpus must be in {CORPUS}"
    paths = list(catalog_paths(CORPUS))[::4]
    texts = [POEDIT, HISTORY, MESSY, *UNUSUAL_BUT_VALID.values()]

    def read_all() -> list[object]:
        pinned = [parse_po(text.encode("utf-8"), Path("pinned.po")) for text in texts]
        return [read_po(path) for path in paths] + pinned

    fast = read_all()
    monkeypatch.setattr(pofile, "_USUAL_ENTRY", re.compile("(?!)"))  # never matches
    assert read_all() == fast


def test_format_check_lists_exactly_the_catalogs_msgcat_would_change(
    tmp_path: Path, editions
) -> None:
    assert CORPUS.is_dir(), f"the python-docs-fr corpus must be in {CORPUS}"
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    sources = list(catalog_paths(CORPUS))[::20]
    for number, source in enumerate(sources):
        data = source.read_bytes()
        if number % 3 == 1:  # a long string on one line, as Babel or a careless editor writes it
            data = data.replace(b'msgstr ""\n"', b'msgstr "', 1)
        elif number % 3 == 2:  # flags in another order, and one msgcat does not know
            data = data.replace(b"#, fuzzy\n", b"#, no-such-flag, fuzzy\n", 1)
        (folder / source.name).write_bytes(data)
    expected = {path for path in folder.iterdir() if msgcat(path) != path.read_bytes()}
    assert expected  # the mutations above do change some catalogs

    result = editions("format", "--check", tmp_path)
    listed = {Path(line.removeprefix("would reformat ")) for line in result.out.splitlines()[:-1]}
    assert result.code == (1 if expected else 0)
    assert listed == expected


# --- Each kind of entry, pinned literally (and checked against msgcat itself) -------------------

POEDIT = r"""# French translation of the harbour article.
# Copyright (C) 2024 The Harbour Trust
#
msgid ""
msgstr ""
"Project-Id-Version: harbour 1.0\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2024-05-01 10:00+0200\n"
"PO-Revision-Date: 2024-05-02 11:30+0200\n"
"Last-Translator: Marie Curie <marie@example.org>\n"
"Language-Team: French\n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
"X-Generator: Poedit 3.4.2\n"
"X-Poedit-Basepath: ../..\n"
"X-Poedit-SearchPath-0: source\n"
"X-Poedit-KeywordsList: _;gettext\n"

#: source/harbour.rst:3
#, python-format
msgid "%(count)s boats are in the harbour."
msgstr "%(count)s bateaux sont au port."

#: source/harbour.rst:7
msgctxt "menu"
msgid "Open"
msgstr "Ouvrir"

#. Shown under the map.
#: source/harbour.rst:9
#, python-format
msgid "%d boat"
msgid_plural "%d boats"
msgstr[0] "%d bateau"
msgstr[1] "%d bateaux"
"""

HISTORY = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

# Checked by the editor.
#: a.rst:1
#, fuzzy
#| msgctxt "title"
#| msgid "The old harbour"
msgctxt "heading"
msgid "The harbour"
msgstr "Le port"

#: a.rst:2
#, fuzzy
#| msgid "One ship"
#| msgid_plural "Many ships"
msgid "One boat"
msgid_plural "%d boats"
msgstr[0] "Un bateau"
msgstr[1] "%d bateaux"

#, fuzzy
#~| msgid "The old quay"
#~ msgid "The quay"
#~ msgstr "Le quai"

#~ msgctxt "map"
#~ msgid "A lighthouse"
#~ msgid_plural "Lighthouses"
#~ msgstr[0] "Un phare"
#~ msgstr[1] "Des phares"
"""

MESSY = """msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

#~ msgid "Obsolete, before the active entries"
#~ msgstr "Obsolète, avant les autres"

#a note without a space
#.extracted without a space
#: a.rst:1   b.rst:2
#: a.rst:1
#, python-format, fuzzy, no-such-flag
msgid "%s ships"
msgstr "%s navires qui entrent dans le port pendant la nuit sans lumières ni pilote à bord"

#, fuzzy
msgid "Untranslated, so not fuzzy"
msgstr ""

#~ msgid "Obsolete without a translation"
#~ msgstr ""
"""

MESSY_AS_MSGCAT_WRITES_IT = """msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

# a note without a space
#. extracted without a space
#: a.rst:1 b.rst:2
#, fuzzy, python-format
msgid "%s ships"
msgstr ""
"%s navires qui entrent dans le port pendant la nuit sans lumières ni pilote "
"à bord"

msgid "Untranslated, so not fuzzy"
msgstr ""

#~ msgid "Obsolete, before the active entries"
#~ msgstr "Obsolète, avant les autres"
"""

LATIN_1 = (
    b'# Catalogue en latin-1.\nmsgid ""\nmsgstr ""\n'
    b'"Content-Type: text/plain; charset=ISO-8859-1\\n"\n"Language: fr\\n"\n\n'
    b'#: a.rst:1\nmsgid "The coffee"\n'
    b'msgstr "Le caf\xe9 de la place du march\xe9, o\xf9 les p\xeacheurs se retrouvent '
    b"chaque matin \xe0 l'aube\"\n"
)
LATIN_1_AS_MSGCAT_WRITES_IT = (
    b'# Catalogue en latin-1.\nmsgid ""\nmsgstr ""\n'
    b'"Content-Type: text/plain; charset=ISO-8859-1\\n"\n"Language: fr\\n"\n\n'
    b'#: a.rst:1\nmsgid "The coffee"\nmsgstr ""\n'
    b'"Le caf\xe9 de la place du march\xe9, o\xf9 les p\xeacheurs se retrouvent chaque '
    b'matin \xe0 "\n"l\'aube"\n'
)


@pytest.mark.parametrize("text", [POEDIT, HISTORY], ids=["poedit", "history"])
def test_a_canonical_catalog_is_written_back_unchanged(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    assert msgcat(path) == text.encode("utf-8")  # the pinned text is msgcat's own
    assert rendered(path) == text


def test_a_poedit_catalog_survives_format_unchanged(tmp_path: Path, editions) -> None:
    path = write(tmp_path, POEDIT)
    assert editions("format", path).code == 0
    assert path.read_text(encoding="utf-8") == POEDIT
    assert editions("format", "--check", path).code == 0


@pytest.mark.parametrize("text", [POEDIT, HISTORY], ids=["poedit", "history"])
def test_a_merge_that_changes_nothing_writes_the_catalog_as_it_was(
    tmp_path: Path, text: str
) -> None:
    # `editions update` merges through Babel: what Babel forgets (#| msgctxt, #~|, the
    # header's X-Poedit-* fields and their order) comes back from the entries read.
    catalog = to_babel(read_po(write(tmp_path, text)))
    assert render_po(from_babel(catalog)).decode("utf-8") == text


def test_msgcat_normalises_comments_flags_references_and_obsolete_entries(tmp_path: Path) -> None:
    path = write(tmp_path, MESSY)
    assert msgcat(path) == MESSY_AS_MSGCAT_WRITES_IT.encode("utf-8")
    assert rendered(path) == MESSY_AS_MSGCAT_WRITES_IT


UNUSUAL_BUT_VALID = {
    "crlf": HEADER.replace("\n", "\r\n") + 'msgid "a"\r\nmsgstr "b"\r\n',
    "spaces-and-tabs": HEADER + '  msgid   "a"\n\tmsgstr\t"b"  \n',
    "comments-after-the-last-entry": HEADER + 'msgid "a"\nmsgstr "b"\n\n# left over\n#: x.rst:1\n',
    "no-wrap": HEADER + "#, no-wrap\n" + f'msgid "{"word " * 30}"\nmsgstr "x\\ny"\n',
    "escapes": HEADER + 'msgid "\\x41\\102\\t"\nmsgstr "\\a\\v\\f"\n',
    "range-and-format-flags": HEADER + "#, range: 1..5, c-format, no-python-format, lisp-format\n"
    'msgid "a"\nmsgstr "b"\n',
}


@pytest.mark.parametrize("name", UNUSUAL_BUT_VALID)
def test_unusual_but_valid_spellings_are_written_as_msgcat_writes_them(
    tmp_path: Path, name: str
) -> None:
    path = write(tmp_path, UNUSUAL_BUT_VALID[name])
    assert render_po(read_po(path)) == msgcat(path)


def test_a_latin_1_catalog_is_read_and_written_in_latin_1(tmp_path: Path) -> None:
    path = write(tmp_path, LATIN_1)
    po = read_po(path)
    assert po.messages[0].strings[0].startswith("Le café de la place du marché")
    assert msgcat(path) == LATIN_1_AS_MSGCAT_WRITES_IT
    assert render_po(po) == LATIN_1_AS_MSGCAT_WRITES_IT


def test_the_reader_keeps_every_field_with_its_line(tmp_path: Path) -> None:
    po = read_po(write(tmp_path, HISTORY))
    header, heading, boats, quay, lighthouse = po.entries
    assert po.header is header and header.line == 1
    assert [(c.kind, c.line, c.text) for c in heading.comments] == [
        ("#", 6, " Checked by the editor."),
        ("#:", 7, " a.rst:1"),
        ("#,", 8, " fuzzy"),
    ]
    assert [(p.keyword, p.line, p.text) for p in heading.previous] == [
        ("msgctxt", 9, "title"),
        ("msgid", 10, "The old harbour"),
    ]
    assert heading.msgctxt is not None and heading.msgid is not None
    assert (heading.msgctxt.line, heading.context, heading.msgid.line, heading.id) == (
        11,
        "heading",
        12,
        "The harbour",
    )
    assert heading.fuzzy and heading.msgstr_line == 13 and heading.line == 6
    assert boats.previous_text("msgid_plural") == "Many ships"
    assert boats.msgid_plural is not None and boats.msgid_plural.line == 20
    assert [(s.keyword, s.line, s.text) for s in boats.msgstr] == [
        ("msgstr[0]", 21, "Un bateau"),
        ("msgstr[1]", 22, "%d bateaux"),
    ]
    assert quay.obsolete and quay.fuzzy and quay.previous_text("msgid") == "The old quay"
    assert quay.previous[0].line == 25 and quay.msgid is not None and quay.msgid.line == 26
    assert (
        lighthouse.obsolete
        and lighthouse.context == "map"
        and lighthouse.strings
        == [
            "Un phare",
            "Des phares",
        ]
    )
    assert [entry.id for entry in po.messages] == ["The harbour", "One boat"]
    assert po.header_field("plural-forms") == "nplurals=2; plural=(n > 1);"


def test_escapes_are_read_as_gettext_reads_them(tmp_path: Path) -> None:
    text = 'msgid "a"\nmsgstr "tab\\there \\"quoted\\" back\\\\slash \\x41\\102 end\\n"\n'
    [entry] = read_po(write(tmp_path, text)).entries
    assert entry.strings == ['tab\there "quoted" back\\slash AB end\n']


# --- What msgfmt refuses, the reader refuses, with the line -------------------------------------

BROKEN = {
    # name: (text, our line, what we say, msgfmt's line)
    "missing-closing-quote": (
        HEADER + 'msgid "one"\nmsgstr "un\n\nmsgid "two"\nmsgstr "deux"\n',
        6,
        "the string is not closed",
        7,  # msgfmt counts the newline that ends the string
    ),
    "stray-quote": (
        HEADER + 'msgid "one"\nmsgstr "un"\n\nmsgid "two"\nmsgstr "deux"x"\n',
        9,
        "text after the closing quote",
        9,
    ),
    "text-after-the-string": (
        HEADER + 'msgid "one"\nmsgstr "un"\n\nmsgid "two"\nmsgstr "deux"x\n',
        9,
        "text after the closing quote",
        9,
    ),
    "garbage-line": (
        HEADER + 'msgid "one"\nmsgstr "un"\nthis is garbage\n\nmsgid "two"\nmsgstr "deux"\n',
        7,
        "not gettext: 'this is garbage'",
        7,
    ),
    "bad-escape": (HEADER + 'msgid "one"\nmsgstr "u\\q"\n', 6, "invalid escape \\q", 6),
    "msgstr-without-msgid": (HEADER + 'msgstr "un"\n', 5, "msgstr without msgid", 5),
    "missing-msgstr": (
        HEADER + 'msgid "one"\n\nmsgid "two"\nmsgstr "deux"\n',
        5,
        "msgid without",
        5,
    ),
    "byte-order-mark": ("\ufeff" + HEADER, 1, "the file starts with a byte-order mark", 1),
    "plural-without-index": (
        HEADER + 'msgid "one"\nmsgid_plural "ones"\nmsgstr "un"\n',
        7,
        "a plural entry needs msgstr[0]",
        7,
    ),
}


def msgfmt_lines(path: Path) -> set[int]:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert result.returncode != 0, "msgfmt accepts the file"
    return {
        int(line.split(":")[1])
        for line in result.stderr.splitlines()
        if line.startswith(str(path)) and line.split(":")[1].isdigit()
    }


@pytest.mark.parametrize("name", BROKEN)
def test_a_syntax_error_is_refused_at_the_line_msgfmt_names(tmp_path: Path, name: str) -> None:
    text, line, what, msgfmt_line = BROKEN[name]
    path = write(tmp_path, text)
    with pytest.raises(PoSyntaxError) as raised:
        read_po(path)
    assert f"{path}:{line}: [syntax] {what}" in str(raised.value)
    assert msgfmt_line in msgfmt_lines(path)


@pytest.mark.parametrize("name", ["missing-closing-quote", "stray-quote", "garbage-line"])
def test_format_and_status_leave_a_broken_catalog_byte_identical(
    tmp_path: Path, editions, name: str
) -> None:
    text, line, what, _ = BROKEN[name]
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    broken = write(folder, text, "broken.po")
    other = write(folder, HEADER + 'msgid "one"\nmsgstr "un qui est assez long pour que msgcat le '
                  'coupe en deux lignes, voilà"\n', "other.po")  # fmt: skip
    before = broken.read_bytes()
    for command in (["format"], ["format", "--check"], ["status"]):
        result = editions(*command, tmp_path)
        assert result.code == 1, command
        assert f"{broken}:{line}: [syntax] {what}" in result.err
        assert "Traceback" not in result.err
        assert broken.read_bytes() == before
    assert "other" in editions("status", tmp_path).out  # the other catalog is still counted
    assert other.read_bytes() == msgcat(other)  # and was formatted


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = HEADER + 'msgid "one"\nmsgstr "un\n\ngarbage\n\nmsgid "two"\nmsgstr "d\\q"\n'
    with pytest.raises(PoSyntaxError) as raised:
        read_po(write(tmp_path, text))
    assert [problem.line for problem in raised.value.problems] == [6, 8, 11]


def test_a_duplicate_entry_is_named_with_the_first_one(tmp_path: Path) -> None:
    text = HEADER + 'msgid "one"\nmsgstr "un"\n\nmsgid "one"\nmsgstr "une"\n'
    text += '\nmsgctxt "other"\nmsgid "one"\nmsgstr "une"\n'  # another context: not a duplicate
    with pytest.raises(PoSyntaxError) as raised:
        read_po(write(tmp_path, text))
    [problem] = raised.value.problems
    assert (problem.line, problem.check) == (8, "duplicate")
    assert "duplicate of the entry at line 5" in problem.message


def test_bytes_that_are_not_the_declared_charset_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.encode() + b'msgid "caf\xe9"\nmsgstr ""\n')
    with pytest.raises(PoSyntaxError, match=rf"{path}:5: \[syntax\] not valid UTF-8"):
        read_po(path)


def test_a_charset_gettext_cannot_read_is_named_not_called_bad_utf8(tmp_path: Path) -> None:
    text = HEADER.replace("UTF-8", "UTF-7") + 'msgid "a+b"\nmsgstr "x"\n'
    with pytest.raises(PoSyntaxError) as raised:
        read_po(write(tmp_path, text))
    message = str(raised.value)
    assert ":3: [syntax] charset 'UTF-7' is not one gettext can read" in message
    assert "UTF-8," not in message.split("convert")[0]


# --- Files that are not plain catalogs are refused unread ---------------------------------------


def test_a_link_out_of_the_project_is_refused_without_reading_it(tmp_path: Path) -> None:
    secret = write(tmp_path, "SECRET CONTENT\n", "secret.txt")
    project = tmp_path / "project"
    project.mkdir()
    link = project / "fr.po"
    link.symlink_to(secret)
    with pytest.raises(EditionsError) as raised:
        read_po(link, root=project)
    assert "outside the project" in str(raised.value) and "SECRET" not in str(raised.value)
    inside = write(project, HEADER, "real.po")
    (project / "alias.po").symlink_to(inside)
    assert read_po(project / "alias.po", root=project).header is not None


def test_a_fifo_and_a_device_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.po"
    os.mkfifo(fifo)
    for path in (fifo, Path(os.devnull)):
        with pytest.raises(EditionsError, match="not a regular file"):
            read_po(path)


def test_parse_po_takes_bytes(tmp_path: Path) -> None:
    po = parse_po(HISTORY.encode(), tmp_path / "history.po")
    assert render_po(po) == HISTORY.encode()
