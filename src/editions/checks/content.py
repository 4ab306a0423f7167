"""Checks of what a translation says: left as the English, or waiting for review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.catalog import Message

from editions.checks.markup import plain_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.findings import ERROR, WARNING, Finding

# A word of prose: lowercase letters, as names, code, numbers and acronyms are not.
_PROSE_WORD = re.compile(r"(?<![\w.\-/])[^\W\d_A-Z][^\W\d_]{2,}(?![\w(]|\.\w|-\w)")
# Below this many prose words a string is a name, a heading like "Notes" or a
# term that languages share: keeping it is a choice, not an oversight.
_MIN_PROSE_WORDS = 4


@message_check("identical-msgstr", "a msgstr that repeats an English sentence (warning)")
def check_identical(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if message.fuzzy or not message.id or message.string != message.id:
        return
    if len(_PROSE_WORD.findall(plain_words(str(message.id)))) < _MIN_PROSE_WORDS:
        return
    yield catalog.finding(
        message,
        "identical-msgstr",
        "the msgstr is the English text: translate it, or leave it empty until you do",
        WARNING,
    )


@message_check("fuzzy", "a fuzzy entry: a translation to review, not yet published (warning)")
def check_fuzzy(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if message.fuzzy and message.id and message.string:
        yield catalog.finding(
            message,
            "fuzzy",
            "fuzzy: the English changed or was guessed; review the translation and remove "
            "the fuzzy flag (until then the English is published)",
            WARNING,
        )


# C0 controls and DEL, but tab, line feed and carriage return: gettext accepts them (msgfmt
# too), an editor hides them, and the page would carry them (a NUL ends a C string).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@message_check("control-character", "a control character (U+0001 …) typed into a msgstr")
def check_control_characters(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    for text in strings:
        if text and (bad := _CONTROL.search(str(text))):
            yield catalog.finding(
                message,
                "control-character",
                f"a control character (U+{ord(bad.group()):04X}) is in the msgstr; "
                "retype the text in your editor",
                ERROR,
            )
            return
