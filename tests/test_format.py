"""`editions format`: catalogs written exactly as GNU msgcat writes them, and kept so."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from editions import formatting
from editions.catalogs import catalog_paths, render_catalog
from editions.formatting import render_po
from editions.pofile import parse_po, read_po

needs_msgcat = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is absent")

# Strings that exercise each rule of msgcat's wrapping: breaks after spaces, slashes and
# hyphens, none inside escapes or before the final \n, lines of their own after each \n,
# wide CJK characters, no-break spaces, French quotes, URLs, and words longer than a line.
TRICKY = [
    "A short one.",
    "x" * 90,
    "A sentence that is just long enough to need a second line when it is wrapped here.",
    "Paths like /usr/share/doc/python3/html/library/functions.html#built-in-functions wrap.",
    'Quotes \\"escaped\\" and backslashes \\\\ that must never be split from their partner '
    "character, even when they fall exactly on the edge of the line.",
    "First line\nSecond line that is rather long and must be wrapped on its own, after "
    "the newline.\n",
    "Il a dit « bonjour » à la foule réunie sur la place du marché : c'est une belle journée !",
    "中文的句子也要按照宽度来折行，每个汉字占两列，所以这一行很快就会超过七十九列的宽度限制。",
    'Use ``extern "C" { ... }`` around the include files and ``U+D800`` - ``U+DFFF`` '
    "for surrogates, or C++ and a+b.",
    "Ends with a newline that must stay with its text, however long the line before it is.\n",
    "Tab\tseparated\tvalues\tand a carriage return\r in the middle of a very long string "
    "that wraps.",
]


def msgcat(text: bytes, tmp_path: Path) -> bytes:
    source = tmp_path / "in.po"
    source.write_bytes(text)
    return subprocess.run(
        ["msgcat", "-w", "79", str(source)], check=True, capture_output=True
    ).stdout


def entries(data: bytes) -> str:
    """A catalog without its header, which Babel writes its own way."""
    return data.decode("utf-8").split("\n\n", 1)[1].rstrip("\n")


def tricky_catalog() -> Catalog:
    catalog = Catalog(locale="fr", project="Test", version="1", fuzzy=False)
    for number, text in enumerate(TRICKY, 1):
        catalog.add(
            text,
            string=TRICKY[-number],
            locations=[("../../source/a/rather/long/path/to/a/document.rst", number)] * 1
            + [(f"other/document-{index}.rst", number) for index in range(number % 4)],
            auto_comments=["An extracted comment."] if number == 2 else [],
            user_comments=["A translator's note."] if number == 3 else [],
            flags=["fuzzy"] if number % 3 == 0 else [],
            previous_id=[TRICKY[number % len(TRICKY)]] if number % 3 == 0 else [],
        )
    catalog.add("A long obsolete sentence that is no longer in the English source text.")
    catalog.obsolete["gone"] = catalog[
        "A long obsolete sentence that is no longer in the English source text."
    ]
    catalog.obsolete[
        "gone"
    ].string = "Une longue phrase obsolète qui n'est plus dans le texte anglais."
    del catalog["A long obsolete sentence that is no longer in the English source text."]
    return catalog


@needs_msgcat
def test_every_kind_of_entry_is_wrapped_as_msgcat_does(tmp_path: Path) -> None:
    ours = render_catalog(tricky_catalog())
    assert entries(ours) == entries(msgcat(ours, tmp_path))
    assert b'msgid "' + b"x" * 90 + b'"' in ours  # a word longer than a line stays whole


def test_reading_and_writing_again_changes_nothing(tmp_path: Path) -> None:
    once = render_catalog(tricky_catalog())
    again = render_po(parse_po(once, tmp_path / "tricky.po"))
    assert again == once
    assert b"#| msgid" in once and b"# | msgid" not in again  # the previous msgid survives


def test_check_lists_what_would_change_and_format_fixes_it(make_project, editions) -> None:
    root = make_project("test-basic")
    catalog = root / "locale/de/LC_MESSAGES/news/harbour.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(
        text.replace('msgstr ""\n"Der Hafen wurde', 'msgstr "Der Hafen wurde'), "utf-8"
    )

    checked = editions("--project", root, "format", "--check")
    assert checked.code == 1
    assert str(catalog) in checked.out and "not in the canonical form" in checked.out
    assert catalog.read_text(encoding="utf-8") != text  # --check writes nothing

    assert editions("--project", root, "format").code == 0
    assert catalog.read_text(encoding="utf-8") == text
    assert editions("--project", root, "format", "--check").code == 0


def test_update_and_format_agree(make_project, editions) -> None:
    root = make_project("test-basic")
    article = root / "source/news/market.rst"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "by the river.",
            "by the river, says the "
            "council, which has voted for the change after a long and rather heated debate.",
        )
        + "\nA new paragraph, long enough to need wrapping when the catalog is written by us.\n",
        encoding="utf-8",
    )
    assert editions("--project", root, "update").code == 0
    before = {path: path.read_bytes() for path in catalog_paths(root / "locale")}
    assert editions("--project", root, "format", "--check").code == 0
    assert editions("--project", root, "update").code == 0
    assert {path: path.read_bytes() for path in catalog_paths(root / "locale")} == before


def test_a_broken_catalog_is_reported_not_rewritten(tmp_path: Path, editions) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid "a"\nmsgstr "b"\nmsgstr_bad "c"\n', encoding="utf-8")
    result = editions("format", path)
    assert result.code == 1 and f"{path}:3: [syntax] unknown keyword" in result.err
    assert "Traceback" not in result.err
    assert path.read_text(encoding="utf-8").endswith('msgstr_bad "c"\n')


# --- The short cut for simple text chooses the breaks the general algorithm chooses ----------

CORPUS = Path(__file__).parent.parent.parent / "shared" / "corpora" / "python-docs-fr"


def wrapped_both_ways(
    monkeypatch: pytest.MonkeyPatch, texts: list[tuple[str, str, str, int]]
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """``wrap_string`` of each (keyword, text, prefix, width), with and without the short cut."""

    def wrap_all() -> list[tuple[str, ...]]:
        return [formatting.wrap_string.__wrapped__(*arguments) for arguments in texts]

    fast = wrap_all()
    monkeypatch.setattr(formatting, "_is_simple", lambda text: False)
    return fast, wrap_all()


def test_simple_text_breaks_where_the_general_algorithm_breaks_it_on_a_real_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert CORPUS.is_dir(), f"the python-docs-fr corpus must be in {CORPUS}"
    texts = {
        string.text
        for path in list(catalog_paths(CORPUS))[::3]
        for entry in read_po(path).entries
        for string in (entry.msgid, *entry.msgstr)
        if string is not None
    }
    arguments = [("msgid", text, "", 79) for text in sorted(texts)]
    arguments += [("msgstr[1]", text, "#~ ", 30) for text in sorted(texts)[::5]]
    assert sum(formatting._is_simple(text) for _, text, _, _ in arguments) > len(arguments) / 2
    fast, general = wrapped_both_ways(monkeypatch, arguments)
    assert fast == general


def test_simple_text_breaks_where_the_general_algorithm_breaks_it_on_random_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Spaces in runs, every class of the ASCII table, escapes, a final newline, no-break
    # spaces and French punctuation; and characters that are not simple, for the mix.
    alphabet = list("ab  cd   e12.,;:!?-/()[]{}\"'\\%$+=<>|*&#@_~`") + [
        "\n", "\t", "\u00a0", "«", "»", "é", "—", "–", "…", "’", "\u202f", "€", "°", "中",
        "\u0301", "\u200b",
    ]  # fmt: skip
    generator = random.Random(14)
    arguments = []
    for _ in range(3000):
        letters = generator.sample(alphabet, generator.randint(1, len(alphabet)))
        text = "".join(generator.choice(letters) for _ in range(generator.randint(0, 160)))
        width = generator.choice([1, 8, 20, 40, 79])
        arguments.append((generator.choice(["msgid", "msgstr[0]"]), text, "", width))
    fast, general = wrapped_both_ways(monkeypatch, arguments)
    assert fast == general
