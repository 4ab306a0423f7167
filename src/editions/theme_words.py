"""The theme's words (``sphinx.po``): text that HTML reads as the same text, never markup.

Sphinx's and furo's templates insert the theme's words as they are, without
escaping: ``{{ _('Back to top') }}``, ``{% trans %}``, ``title="{{ _('…') }}"``,
Sphinx's own ``title="{title}"`` on permalinks, and ``sphinx_highlight.js`` parses
"Hide Search Matches" as HTML (``createContextualFragment``).  Those are the only
two contexts: between tags, and in a double-quoted attribute value (no template
of Sphinx 9's basic theme, furo or sphinx-basic-ng puts a word in a single-quoted
or unquoted one, so an apostrophe is text).  A msgstr is accepted only if HTML
reads it, in both, as it reads its English: the English's own tags (the few
words that have one, such as the copyright line's link) written as the English
writes them, and otherwise text that HTML reads as itself.

Withheld, not escaped: some places escape the words already (``{{ docstitle|e }}``
of "%s %s documentation", docutils' admonition labels, the search page's
``textContent``) and would show ``&amp;lt;`` to readers, and some msgids are HTML
themselves (``<a href="%(path)s">Copyright</a>``), which escaping would break.
Only text that HTML reads as itself is right at every insertion point.

"Reads as itself" is decided by the HTML standard's tokenizer, whose two states
at stake are written out below (§13.2.5.1 data, §13.2.5.36 attribute value
(double-quoted)).  Python's ``html.parser`` is not that tokenizer: of 31,161
random strings a reading by it accepted as text, Chromium read 3,584 otherwise
(an unclosed ``<!--`` is text to it, a comment swallowing the page to a
browser); tests/test_theme_words.py compares this module's verdicts with Chromium.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from editions.layout import MESSAGES_FOLDER
from editions.pofile import PoEntry

THEME_MARKUP = "theme-markup"
SUMMARY = "a theme word (sphinx.po) that HTML would read as markup, or that ends an attribute"
THEME_CATALOG = "sphinx.po"

# The English's tags (Sphinx's and furo's own msgids, trusted): none has a ">" inside.
_ENGLISH_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# After "<", what the tokenizer's tag open and end tag open states do not emit as text.
_TAG_OPEN = {"!": "a comment", "?": "a comment", "/": "an end tag"}


def is_theme_catalog(path: Path) -> bool:
    """Whether ``path`` holds the theme's words: ``<lang>/LC_MESSAGES/sphinx.po``."""
    return path.name == THEME_CATALOG and path.absolute().parent.name == MESSAGES_FOLDER


def message_findings(entry: PoEntry) -> list[str]:
    """Why a translated theme word may not be shown, one reason per problem; empty if it may."""
    if not entry.id or entry.fuzzy:
        return []
    found: list[str] = []
    for string in entry.strings:
        if not string:
            continue
        # A plural form may follow the singular English or the plural one.
        reasons = [word_findings(msgid, string) for msgid in entry.english]
        found.extend(reason for reason in min(reasons, key=len) if reason not in found)
    return found


@lru_cache(maxsize=4096)
def word_findings(msgid: str, msgstr: str) -> tuple[str, ...]:
    """Why ``msgstr`` may not stand for the theme word ``msgid``; empty if it may."""
    if msgstr == msgid:
        return ()
    tags = _ENGLISH_TAG.findall(msgid)
    pieces = _around(msgstr, tags)
    if pieces is None:
        described = ", ".join(dict.fromkeys(_shorten(tag) for tag in tags))
        return (f"keep the English's tags ({described}) as it writes them, in its order",)
    found = [reason for piece in pieces if (reason := _markup_in(piece))][:1]
    plain = not tags and html.unescape(msgid) == msgid
    if plain and html.unescape(msgstr) != msgstr:
        found.append(
            f"HTML would show this theme word as {html.unescape(msgstr)!r}, not as it is "
            "written; write the characters themselves, not references such as &lt;"
        )
    if _fits_in_attribute(msgid) and not _fits_in_attribute(msgstr):
        found.append(
            'this theme word would end the attribute value the theme writes it in (title="…"); '
            'write quotation marks as “ ” or « », not "'
        )
    return tuple(found)


def _around(msgstr: str, tags: list[str]) -> list[str] | None:
    """The text of ``msgstr`` between the English's ``tags``; None if one is not there."""
    pieces = []
    rest = msgstr
    for tag in tags:
        before, found, rest = rest.partition(tag)
        if not found:
            return None
        pieces.append(before)
    pieces.append(rest)
    return pieces


def _markup_in(text: str) -> str | None:
    """What HTML would read as markup in ``text`` between two tags; None if it is all text.

    The data state (HTML §13.2.5.1) leaves text only at "<" (and "&", whose
    references are characters, never markup).  The tag open state (§13.2.5.6)
    emits the "<" as text unless an ASCII letter (a tag), "!" (a comment or
    declaration), "/" (an end tag, or a comment) or "?" (a comment) follows; at
    the end of the word, what the theme writes next would decide.
    """
    for match in re.finditer("<", text):
        after = text[match.end() : match.end() + 1]
        if after and not (after.isascii() and after.isalpha()) and after not in _TAG_OPEN:
            continue
        if not after:
            kind = "a tag with what the theme writes after it"
        else:
            kind = _TAG_OPEN.get(after, "a tag")
        start = text[match.start() : match.start() + 12]
        return (
            f"HTML would read {start!r} in this theme word as {kind}, and the theme inserts it "
            "as it is; write it as plain text (a < b is text, <b is a tag)"
        )
    return None


def _fits_in_attribute(word: str) -> bool:
    """Whether ``word`` stays one double-quoted attribute value.

    Only '"' ends the attribute value (double-quoted) state (HTML §13.2.5.36);
    its "&" starts a character reference, a character.
    """
    return '"' not in word


def _shorten(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
