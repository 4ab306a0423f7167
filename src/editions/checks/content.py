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
def check_identical(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if message.fuzzy or not message.id or message.string != message.id:
        return
    english = str(message.id).strip()
    words = plain_words(english)
    if len(_PROSE_WORD.findall(words)) < _MIN_PROSE_WORDS or not _has_phrase(words):
        return
    if any(pattern.match(english) for pattern in _KEPT_AS_IS):
        return
    yield catalog.finding(
        message,
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
def check_fuzzy(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if message.fuzzy and message.id and message.string:
        yield catalog.finding(
            message,
            "fuzzy",
            "fuzzy: the English changed or was guessed; review the translation and remove "
            "the fuzzy flag (until then the English is published)",
            WARNING,
        )
