"""Checks of what a translation says: left as the English, or waiting for review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editions.checks.markup import plain_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.findings import ERROR, WARNING, Finding
from editions.pofile import PoEntry, parse_flags

# A word of prose: lowercase letters, as names, code, numbers and acronyms are not.
_PROSE_WORD = re.compile(r"(?<![\w.\-/])[^\W\d_A-Z][^\W\d_]{2,}(?![\w(]|\.\w|-\w)")
# Below this many prose words a string is a name, a heading like "Notes" or a
# term that languages share: keeping it is a choice, not an oversight.
_MIN_PROSE_WORDS = 4
# A word of a sentence, with the punctuation that may follow it ("functions;").
_SENTENCE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*[,;:.!?]?")
# Texts whose English is kept on purpose:
_KEPT_AS_IS = (
    # a value quoted whole: a string the program prints, an address
    re.compile(r'\A(?:".*"|\'.*\'|<.*>|“.*”)\Z', re.DOTALL),
    # a link alone: its text is the title of the page it links to
    re.compile(r"\A`[^`]+`__?\Z", re.DOTALL),
    # a bibliographic reference ("Kahan, W: Branch cuts ... (1987)"): a work's title
    re.compile(r"\A[A-Z][^\W\d_]+,\s+[A-Z]\b.*\b(?:1[6-9]|20)\d\d\b", re.DOTALL),
)


@message_check("identical-msgstr", "a msgstr that repeats an English sentence (warning)")
def check_identical(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    if tuple(entry.strings) != entry.english or entry.fuzzy:
        return
    english = entry.id.strip()
    words = plain_words(english)
    if len(_PROSE_WORD.findall(words)) < _MIN_PROSE_WORDS or not _has_phrase(words):
        return
    if any(pattern.match(english) for pattern in _KEPT_AS_IS):
        return
    yield catalog.finding(
        entry,
        "identical-msgstr",
        "the msgstr is the English text: translate it, or leave it empty until you do",
        WARNING,
    )


def _has_phrase(words: str) -> bool:
    """Whether ``words`` hold a phrase: _MIN_PROSE_WORDS words in a row, as a sentence has.

    A signature (``seq, [start,] stop [, step]``) or a list of names has words, not phrases.
    """
    run = 0
    for token in words.split():
        run = run + 1 if _SENTENCE_WORD.fullmatch(token) else 0
        if run >= _MIN_PROSE_WORDS:
            return True
    return False


@message_check("fuzzy", "a fuzzy entry: a translation to review, not yet published (warning)")
def check_fuzzy(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    # A plural entry is reported whatever its forms hold; a singular one once translated.
    if entry.fuzzy and (entry.msgid_plural is not None or entry.strings[0]):
        yield catalog.finding(
            entry,
            "fuzzy",
            "fuzzy: the English changed or was guessed; review the translation and remove "
            "the fuzzy flag (until then the English is published)",
            WARNING,
        )


@message_check("flag-lines", "a #, line gettext ignores: an entry's flags go on one line")
def check_flag_lines(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    # gettext reads only an entry's last #, line (see PoEntry.flags); editors that merge
    # them all (polib, Babel) would read another entry. Withheld until the file says one thing.
    ignored = entry.flag_lines[:-1]
    if not ignored:
        return
    flags = parse_flags([line.text for line in ignored] + entry.flags)
    every_flag = ", ".join(dict.fromkeys(flags))
    for line in ignored:
        yield Finding(
            catalog.path,
            line.line,
            "flag-lines",
            f"gettext reads only this entry's last '#,' line, so the flags here "
            f"('#,{line.text}') are ignored by msgfmt, by the build and by 'editions format' "
            f"(which drops this line); put every flag on one line, such as '#, {every_flag}'",
            ERROR,
        )


# C0 controls and DEL, but tab, line feed and carriage return: gettext accepts them (msgfmt
# too), an editor hides them, and the page would carry them (a NUL ends a C string).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@message_check("control-character", "a control character (U+0001 …) typed into a msgstr")
def check_control_characters(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    for text in entry.strings:
        if bad := _CONTROL.search(text):
            yield catalog.finding(
                entry,
                "control-character",
                f"a control character (U+{ord(bad.group()):04X}) is in the msgstr; "
                "retype the text in your editor",
                ERROR,
            )
            return
