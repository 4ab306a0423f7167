"""`editions update` merges as GNU `msgmerge --previous` does, and changes nothing else.

Each test runs the real msgmerge on the same catalog and template and compares bytes:
on a sample of python-docs-fr's catalogs (templates derived from them with msgids
changed, added, removed, moved, given a context or a plural), and on small catalogs
written for one rule each.  The one knowing difference is the header: msgmerge reorders
its fields and takes Report-Msgid-Bugs-To from the template; ours changes only
POT-Creation-Date (see editions/merge.py).
"""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from babel import Locale

from conftest import SHARED
from editions import update as update_module
from editions.catalogs import TranslationMemory, merge_template, read_catalog, render_catalog
from editions.declaration import Language, load_project
from editions.formatting import render_po, wrap_string
from editions.merge import common_subsequence, python_format_agrees
from editions.pofile import PoEntry, PoString, escape, parse_po, read_po

CORPUS = SHARED / "corpora" / "python-docs-fr"
FRENCH = Language(code="fr", locale=Locale.parse("fr"))
# One catalog in 24 of python-docs-fr, of every size up to 150 kB (the largest take seconds).
SAMPLE = (
    [path for path in sorted(CORPUS.rglob("*.po"))[::24] if path.stat().st_size < 150_000]
    if CORPUS.is_dir()
    else []
)


def msgmerge(catalog: Path, template: Path) -> bytes:
    run = subprocess.run(
        ["msgmerge", "--quiet", "--previous", "-o", "-", str(catalog), str(template)],
        capture_output=True,
        check=True,
    )
    return run.stdout


def ours(catalog: Path, template: Path) -> bytes:
    """What `editions update` writes, without a translation memory (msgmerge has none)."""
    merged, _ = merge_template(
        read_catalog(template), read_catalog(catalog), FRENCH, TranslationMemory()
    )
    return render_catalog(merged)


def quoted(keyword: str, text: str) -> str:
    return "".join(f"{line}\n" for line in wrap_string(keyword, text))


def derived_template(catalog: Path, seed: int) -> str:
    """A template for ``catalog`` as if its source had been edited.

    Of its messages, some are removed, some reworded (a word reversed, inserted or
    deleted), some given a plural or a context, some moved; new ones are added; some
    get an extracted comment, a python-format flag or new line numbers.
    """
    po = read_po(catalog)
    rng = random.Random(seed)
    bugs = escape(po.header_field("Report-Msgid-Bugs-To") or "")
    blocks = [
        '# SOME DESCRIPTIVE TITLE.\n#, fuzzy\nmsgid ""\nmsgstr ""\n'
        '"Project-Id-Version: Python 3.14\\n"\n'
        f'"Report-Msgid-Bugs-To: {bugs}\\n"\n'
        '"POT-Creation-Date: 2026-11-27 10:00+0100\\n"\n'
        '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
    ]
    seen: set[tuple[str | None, str]] = set()
    for number, entry in enumerate(po.messages):
        roll = rng.random()
        if roll < 0.08:
            continue
        msgid, context = entry.id, entry.context
        plural = entry.msgid_plural.text if entry.msgid_plural else None
        if roll < 0.20:
            words = msgid.split(" ")
            at = rng.randrange(len(words))
            change = rng.random()
            if change < 0.4:
                words[at] = words[at][::-1]
            elif change < 0.7:
                words.insert(at, "really")
            else:
                del words[at]
            msgid = " ".join(words)
        elif roll < 0.23:
            plural = f"{msgid} (plural)"
        elif roll < 0.26:
            context = "ctx"
        if not msgid or (context, msgid) in seen:
            continue
        seen.add((context, msgid))
        lines = ["#. Translators: keep the markup\n"] if rng.random() < 0.1 else []
        references = [
            reference.replace(":", ":1", 1) if rng.random() < 0.3 else reference
            for reference in entry.references
        ]
        if references:
            lines.append("#: " + " ".join(references) + "\n")
        if "%s" in msgid or "%(" in msgid:
            lines.append("#, python-format\n")
        if context is not None:
            lines.append(quoted("msgctxt", context))
        lines.append(quoted("msgid", msgid))
        if plural is not None:
            lines.append(quoted("msgid_plural", plural) + 'msgstr[0] ""\nmsgstr[1] ""\n')
        else:
            lines.append('msgstr ""\n')
        blocks.append("".join(lines))
        if rng.random() < 0.04:
            new = f"A new paragraph, number {number}, about nothing in particular."
            blocks.append(f'#: new.rst:{number}\nmsgid "{new}"\nmsgstr ""\n')
    if len(blocks) > 4:
        blocks.insert(len(blocks) - 1, blocks.pop(2))
    return "\n".join(blocks)


@pytest.mark.skipif(not SAMPLE, reason="python-docs-fr is not beside the repository")
@pytest.mark.parametrize("catalog", SAMPLE, ids=lambda path: path.relative_to(CORPUS).as_posix())
def test_a_real_catalog_merges_as_msgmerge_merges_it(catalog: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.pot"
    template.write_text(derived_template(catalog, SAMPLE.index(catalog)), encoding="utf-8")
    assert ours(catalog, template) == msgmerge(catalog, template)


# --- One rule each ---------------------------------------------------------------------------

HEADER = """\
# Polish translation.
msgid ""
msgstr ""
"Project-Id-Version: Test 1\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2020-01-01 00:00+0000\\n"
"PO-Revision-Date: 2021-01-01 00:00+0000\\n"
"Last-Translator: Ana <ana@example.org>\\n"
"Language-Team: Polish\\n"
"Language: pl\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
"n%100>=20) ? 1 : 2);\\n"
"""

CATALOG = """
# A translator's note, kept.
#. An old extracted comment, replaced by the template's.
#: old.rst:1
msgid "The harbour reopened on monday."
msgstr "Port otwarto w poniedziałek."

#: old.rst:2
#, fuzzy
#| msgid "The mayor thanked workers."
msgid "The mayor thanked the workers."
msgstr "Burmistrz podziękował pracownikom."

#: old.rst:3
#| msgid "A stale previous msgid on a finished translation."
msgid "Not fuzzy, with a previous msgid."
msgstr "Nie rozmyte."

#: old.rst:4
msgid "Hello %s world"
msgstr "Witaj %s świecie"

#: old.rst:5
msgid "Price: %(amount)s euros"
msgstr "Cena: %(kwota)s euro"

#: old.rst:6
msgid "This sentence will be edited slightly today."
msgstr "To zdanie zostanie dziś lekko zmienione."

#: old.rst:7
#, fuzzy
#| msgid "Was fuzzy, edited again slightly"
msgid "Was fuzzy, edited slightly"
msgstr "Było rozmyte"

#: old.rst:8
msgid "Gone entirely and translated."
msgstr "Zniknęło całkiem."

#: old.rst:9
msgid "Gone and never translated."
msgstr ""

#: old.rst:10
msgctxt "menu"
msgid "Open"
msgstr "Otwórz"

#: old.rst:11
msgid "one dog"
msgid_plural "%d dogs"
msgstr[0] "pies"
msgstr[1] "psy"
msgstr[2] "psów"

#: old.rst:12
msgid "an apple"
msgstr "jabłko"

#: old.rst:13
msgid "one cat"
msgid_plural "%d cats"
msgstr[0] "kot"
msgstr[1] "koty"
msgstr[2] "kotów"

#~ msgid "Back from the dead."
#~ msgstr "Powrót zza grobu."

#, fuzzy
#~| msgctxt "old"
#~| msgid "Older obsolete English"
#~ msgid "Old obsolete English"
#~ msgstr "Stary"

#~ msgid "An obsolete entry that a new string will resemble"
#~ msgstr "Przestarzały"
"""

TEMPLATE = """\
msgid ""
msgstr ""
"Project-Id-Version: Test 2\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2026-11-27 10:00+0000\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#. A new extracted comment.
#: new.rst:10
msgid "A brand new sentence."
msgstr ""

#: new.rst:1
msgid "The harbour reopened on monday."
msgstr ""

#: new.rst:2
msgid "The mayor thanked the workers."
msgstr ""

#: new.rst:3
msgid "Not fuzzy, with a previous msgid."
msgstr ""

#: new.rst:4
#, python-format
msgid "Hello %s world"
msgstr ""

#: new.rst:5
#, python-format
msgid "Price: %(amount)s euros"
msgstr ""

#: new.rst:6
msgid "This sentence will be edited slightly tomorrow."
msgstr ""

msgid "Was fuzzy, edited slightly again"
msgstr ""

#: new.rst:8
msgctxt "menu"
msgid "Open"
msgstr ""

#: new.rst:8
msgctxt "file"
msgid "Open"
msgstr ""

#: new.rst:9
msgid "one dog"
msgid_plural "%d dog(s)"
msgstr[0] ""
msgstr[1] ""

#: new.rst:10
msgid "an apple"
msgid_plural "%d apples"
msgstr[0] ""
msgstr[1] ""

#: new.rst:11
msgid "one cat"
msgstr ""

msgid "Back from the dead."
msgstr ""

msgid "An obsolete entry that a new string will resemble closely"
msgstr ""

msgid "new plural"
msgid_plural "new plurals"
msgstr[0] ""
msgstr[1] ""
"""


def test_every_rule_of_msgmerge_on_one_small_catalog(tmp_path: Path) -> None:
    """Exact and similar msgids, contexts, plurals both ways, formats, obsolete entries."""
    catalog, template = tmp_path / "pl.po", tmp_path / "template.pot"
    catalog.write_text(HEADER + CATALOG, encoding="utf-8")
    template.write_text(TEMPLATE, encoding="utf-8")
    merged = ours(catalog, template)
    assert merged == msgmerge(catalog, template)
    text = merged.decode("utf-8")
    # Spelled out, in case msgmerge ever changes: what a translator finds after the merge.
    assert '#| msgctxt "menu"\n#| msgid "Open"\nmsgctxt "file"' in text
    previous = '#| msgid "Was fuzzy, edited again slightly"\n'
    assert previous + 'msgid "Was fuzzy, edited slightly again"' in text
    assert '#, fuzzy, python-format\n#| msgid "Price: %(amount)s euros"' in text  # %(kwota)s
    assert '#, python-format\nmsgid "Hello %s world"\nmsgstr "Witaj %s świecie"' in text
    assert 'msgid "Back from the dead."\nmsgstr "Powrót zza grobu."' in text  # revived
    assert "Gone and never translated." not in text
    assert '#~ msgid "Gone entirely and translated."' in text
    assert '#~| msgctxt "old"\n#~| msgid "Older obsolete English"' in text


def test_a_merge_changes_only_the_templates_date_in_a_header(tmp_path: Path) -> None:
    """msgmerge would reorder the fields and take Report-Msgid-Bugs-To from the template."""
    poedit = (
        HEADER.replace(
            '"Report-Msgid-Bugs-To: \\n"\n',
            '"X-Generator: Poedit 3.4.2\\n"\n"Report-Msgid-Bugs-To: ana@example.org\\n"\n',
        ).replace('"Language: pl\\n"\n', "")
        + '"X-Poedit-Basepath: ..\\n"\n'
    )
    catalog, template = tmp_path / "pl.po", tmp_path / "template.pot"
    catalog.write_text(poedit + CATALOG, encoding="utf-8")
    template.write_text(TEMPLATE, encoding="utf-8")
    header, _, entries = ours(catalog, template).decode("utf-8").partition("\n\n")
    expected = poedit.replace("2020-01-01 00:00+0000", "2026-11-27 10:00+0000")
    assert header + "\n" == render_po(parse_po(expected.encode(), catalog)).decode("utf-8")
    assert entries == msgmerge(catalog, template).decode("utf-8").partition("\n\n")[2]


POEDIT_HEADER = """\
# Spanish translation of the harbour.
# Ana <ana@example.org>, 2024.
#
msgid ""
msgstr ""
"Project-Id-Version: Test Gazette\\n"
"POT-Creation-Date: 2020-01-01 00:00+0000\\n"
"PO-Revision-Date: 2024-05-06 07:08+0200\\n"
"Last-Translator: Ana <ana@example.org>\\n"
"Language-Team: Spanish <es@example.org>\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Generator: Poedit 3.4.2\\n"
"X-Poedit-SourceCharset: UTF-8\\n"
"X-Poedit-Basepath: ../../source\\n"
"X-Poedit-KeywordsList: _;gettext\\n"
"""

POEDIT_ENTRIES = """
#: ../../source/news/harbour.rst:3
msgid "The harbour reopens"
msgstr "El puerto reabre"

# Ana: "lunes" in italics, as in the English.
#: ../../source/news/harbour.rst:5
#, fuzzy
#| msgctxt "article"
#| msgid "The harbour reopened on Monday after repairs."
msgid "The harbour reopened on *Monday* after three weeks of repairs."
msgstr "El puerto reabrió el *lunes* tras las reparaciones."

#: ../../source/news/harbour.rst:7
msgid "Dockers returned to work at dawn, and the first ship docked at noon."
msgstr "Los estibadores volvieron al trabajo al amanecer, y el primer barco atracó a mediodía."

#: ../../source/news/harbour.rst:9
msgid "The mayor thanked the workers in a short speech."
msgstr "La alcaldesa agradeció a los trabajadores con un breve discurso."

#: ../../source/news/harbour.rst:11
msgid "A second ship is expected on **Friday**."
msgstr "Se espera un segundo barco el **viernes**."

#, python-format
#~ msgid "%(count)s ships in the harbour"
#~ msgstr "%(count)s barcos en el puerto"

#, fuzzy
#~| msgctxt "old"
#~| msgid "The harbour closed"
#~ msgid "The harbour closes"
#~ msgstr "El puerto cierra"
"""


def blocks(data: bytes) -> list[str]:
    return data.decode("utf-8").split("\n\n")


def test_a_poedit_catalog_survives_update_and_format_but_for_the_merged_entries(
    make_project, editions
) -> None:
    root = make_project("test-basic")
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    catalog.write_text(POEDIT_HEADER + POEDIT_ENTRIES, encoding="utf-8")
    assert editions("--project", root, "format", catalog).code == 0
    formatted = catalog.read_bytes()
    article = root / "source/news/harbour.rst"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("in a short speech.", "in a short and warm speech."), encoding="utf-8"
    )
    assert editions("--project", root, "update").code == 0
    assert editions("--project", root, "format", catalog).code == 0
    before, after = blocks(formatted), blocks(catalog.read_bytes())
    assert after[0] == before[0].replace("2020-01-01 00:00+0000", date_of(after[0]))
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed[1:] == [
        (
            before[4],
            "#: ../../source/news/harbour.rst:9\n#, fuzzy\n"
            '#| msgid "The mayor thanked the workers in a short speech."\n'
            'msgid "The mayor thanked the workers in a short and warm speech."\n'
            'msgstr "La alcaldesa agradeció a los trabajadores con un breve discurso."',
        )
    ]
    # The obsolete entries, with their flags and "#~|" lines, are as they were.
    assert after[-2:] == before[-2:] and "#~| msgctxt" in after[-1]
    assert "#| msgctxt" in after[2]


def date_of(header: str) -> str:
    return header.split("POT-Creation-Date: ", 1)[1].split("\\n", 1)[0]


def template_of(catalog: Path, date: str, extra: str = "") -> str:
    """A template with ``catalog``'s msgids, dated ``date``, and ``extra`` entries after them."""
    header = (
        'msgid ""\nmsgstr ""\n'
        f'"Project-Id-Version: Test Gazette \\n"\n"POT-Creation-Date: {date}\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )
    entries = [quoted("msgid", entry.id) + 'msgstr ""\n' for entry in read_po(catalog).messages]
    return "\n".join([header, *entries]) + extra


def test_a_template_dated_anew_alone_writes_nothing_and_a_real_change_writes_its_date(
    make_project: Callable[[str], Path],
) -> None:
    project = load_project(make_project("test-basic"))
    spanish = next(language for language in project.editions if language.tag == "es")
    catalog = project.locale_dir / "es" / "LC_MESSAGES" / "news" / "market.po"
    template = update_module.gettext_dir(project) / "news" / "market.pot"
    template.parent.mkdir(parents=True)

    def merged(text: str) -> str:
        template.write_text(text, encoding="utf-8")
        results = update_module.merge_language(project, spanish, [template])
        return next(result.status for result in results if result.path == catalog)

    merged(template_of(catalog, "2026-11-27 10:00+0000"))
    before = catalog.read_bytes()
    assert merged(template_of(catalog, "2026-12-01 09:00+0000")) == "unchanged"
    assert catalog.read_bytes() == before
    new_entry = '\nmsgid "The stalls open at seven."\nmsgstr ""\n'
    assert merged(template_of(catalog, "2026-12-02 09:00+0000", new_entry)) == "updated"
    header = catalog.read_text(encoding="utf-8").split("\n\n")[0]
    assert date_of(header) == "2026-12-02 09:00+0000"


# --- The parts --------------------------------------------------------------------------------


def test_the_similarity_is_the_longest_common_subsequence() -> None:
    rng = random.Random(7)
    for _ in range(300):
        first = bytes(rng.choice(b"ab c") for _ in range(rng.randrange(40)))
        second = bytes(rng.choice(b"ab c") for _ in range(rng.randrange(40)))
        assert common_subsequence(first, second) == longest_common_subsequence(first, second)


def longest_common_subsequence(first: bytes, second: bytes) -> int:
    """The textbook dynamic programme."""
    row = [0] * (len(second) + 1)
    for byte in first:
        new = [0]
        for index, other in enumerate(second):
            new.append(row[index] + 1 if byte == other else max(row[index + 1], new[index]))
        row = new
    return row[-1]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("%s and %d", "%s et %d"),
        ("%s and %d", "%d et %s"),
        ("%(a)s and %(b)d", "%(b)d et %(a)s"),
        ("%(a)s and %(b)d", "%(a)s"),
        ("%(a)s", "%(a)"),
        ("100%% sure of %s", "sûr à 100 %% de %s"),
        ("%s", "%.0s nothing"),
        ("%(a)s", "%s"),
        ("50%", "50 %s"),  # a msgid that is no format is not checked
        ("50% of", "50 %s"),  # "% o" is one: an octal with a space
        ("%*d", "%*d"),
        ("%(a)s %(a)s", "%(a)s"),
    ],
)
def test_python_format_is_checked_as_msgfmt_checks_it(
    msgid: str, msgstr: str, tmp_path: Path
) -> None:
    path = tmp_path / "format.po"
    path.write_text(f'#, python-format\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
    check = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)])
    entry = PoEntry(0, msgid=PoString("msgid", 0, [escape(msgid)]))
    assert python_format_agrees(entry, msgstr) is (check.returncode == 0)
