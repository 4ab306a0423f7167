"""The theme's words (``sphinx.po``): text that HTML reads as the same text, never markup.

Sphinx's and furo's templates insert the theme's words as they are, without
escaping: ``{{ _('Back to top') }}``, ``{% trans %}``, ``title="{{ _('…') }}"``,
Sphinx's own ``title="{title}"`` on permalinks, and ``sphinx_highlight.js`` parses
"Hide Search Matches" as HTML (``createContextualFragment``).  A msgstr is
therefore accepted only if HTML reads it, in each of these places, exactly as
it reads its English: the same markup (none, for almost every word; the
msgid's own link for the few that have one, such as the copyright line), and,
where the English can stand in a double-quoted attribute value, the msgstr can
too.  A plain-text English must stay plain text: a character reference
(``&lt;``) would show as itself where a script inserts the word as text.

Withheld, not escaped: some places escape the words already (``{{ docstitle|e }}``
of "%s %s documentation", docutils' admonition labels, the search page's
``textContent``) and would show ``&amp;lt;`` to readers, and some msgids are HTML
themselves (``<a href="%(path)s">Copyright</a>``), which escaping would break.
Only text that HTML reads as itself is right at every insertion point.

The reading is Python's own HTML parser's, on the msgstr set in its context
(``<p>…</p>``, ``<p title="…">``): a word that leaves a tag or comment open
swallows what follows it, and is seen to.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Message

THEME_MARKUP = "theme-markup"
SUMMARY = "a theme word (sphinx.po) that HTML would read as markup, or that ends an attribute"
THEME_CATALOG = "sphinx.po"

# What HTML makes of a string besides its text: each tag with its attributes, comments, …
Markup = tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class Reading:
    """What an HTML parser reads in a piece of HTML."""

    markup: Markup
    text: str


def is_theme_catalog(path: Path) -> bool:
    """Whether ``path`` holds the theme's words: ``<lang>/LC_MESSAGES/sphinx.po``."""
    return path.name == THEME_CATALOG and path.parent.name == "LC_MESSAGES"


def message_findings(message: Message) -> list[str]:
    """Why a translated theme word may not be shown, one reason per problem; empty if it may."""
    if not message.id or message.fuzzy:
        return []
    english = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    found: list[str] = []
    for string in strings:
        if not string:
            continue
        # A plural form may follow the singular English or the plural one.
        reasons = [word_findings(str(msgid), str(string)) for msgid in english]
        found.extend(reason for reason in min(reasons, key=len) if reason not in found)
    return found


@lru_cache(maxsize=4096)
def word_findings(msgid: str, msgstr: str) -> tuple[str, ...]:
    """Why ``msgstr`` may not stand for the theme word ``msgid``; empty if it may."""
    if msgstr == msgid:
        return ()
    found = []
    english, translation = in_content(msgid), in_content(msgstr)
    if translation.markup != english.markup:
        found.append(_markup_difference(english, translation))
    elif english.markup == _WRAPPER and english.text == msgid and translation.text != msgstr:
        found.append(
            f"HTML would show this theme word as {translation.text!r}, not as it is written; "
            "write the characters themselves, not references such as &lt;"
        )
    if holds_in_attribute(msgid) and not holds_in_attribute(msgstr):
        found.append(
            'this theme word would end the attribute value the theme writes it in (title="…"); '
            'write quotation marks as “ ” or « », not "'
        )
    return tuple(found)


_WRAPPER: Markup = (("start", "p", ()), ("end", "p"))


def in_content(word: str) -> Reading:
    """What HTML reads in ``word`` inserted between two tags (``<p>word</p>``)."""
    return read(f"<p>{word}</p>")


def holds_in_attribute(word: str) -> bool:
    """Whether ``word`` in a double-quoted attribute value stays that value, as text."""
    reading = read(f'<p title="{word}"></p>')
    value = html.unescape(word)  # what HTML reads in an attribute value: its references decoded
    expected = (("start", "p", (("title", value),)), ("end", "p"))
    return not reading.text and reading.markup == expected


def read(html: str) -> Reading:
    parser = _Reader()
    parser.feed(html)
    parser.close()
    return Reading(tuple(parser.markup), "".join(parser.text))


def _markup_difference(english: Reading, translation: Reading) -> str:
    """Which markup the translation has and its English lacks, or the reverse, and what to do."""
    if translation.markup[-1:] != _WRAPPER[-1:]:
        return (
            "HTML would read this theme word as opening a tag or comment that swallows what the "
            "theme writes after it; write it as plain text"
        )
    extra = Counter(translation.markup) - Counter(english.markup)
    missing = Counter(english.markup) - Counter(translation.markup)
    if extra:
        first = next(item for item in translation.markup if item in extra)
        return (
            f"HTML would read markup in this theme word ({_describe(first)}), which the "
            "theme inserts as it is; write it as plain text"
        )
    if missing:
        first = next(item for item in english.markup if item in missing)
        return (
            f"HTML would read this theme word without its English's {_describe(first)}; "
            "keep the English's tags exactly as they are"
        )
    return "HTML would read this theme word's tags in another order; keep the English's order"


def _describe(item: tuple[object, ...]) -> str:
    kind, name = item[0], str(item[1])
    if kind == "start":
        return f"<{name}>" if not item[2] else f"<{name} …>"
    if kind == "end":
        return f"</{name}>"
    return f"a {kind} ({_shorten(name)})"


def _shorten(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class _Reader(HTMLParser):
    """Records every tag, comment and declaration the parser reads; the rest is text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # text as the reader sees it
        self.markup: list[tuple[object, ...]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.append(("start", tag, tuple(attrs)))
        self.markup.append(("end", tag))

    def handle_endtag(self, tag: str) -> None:
        self.markup.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.markup.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.markup.append(("declaration", decl))

    def handle_pi(self, data: str) -> None:
        self.markup.append(("processing instruction", data))

    def unknown_decl(self, data: str) -> None:
        self.markup.append(("declaration", data))
