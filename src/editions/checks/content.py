"""Checks of what a translation says: left as the English, or waiting for review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.catalog import Message

from editions.checks.markup import plain_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.findings import WARNING, Finding

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
