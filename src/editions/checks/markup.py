"""The inline reStructuredText of one message, as the comparison checks need it.

Regular expressions, not docutils: parsing each of the 56,000 messages of a
large project as a document takes about a millisecond each (FACTS.md), a
minute in all, where these take a few seconds.  They follow docutils'
inline markup recognition rules closely enough for what is compared: the
targets of roles and references and the content of literals.  Links and URLs
are the safety rules' (:mod:`editions.safety`), with docutils' own parser,
the same findings as the build's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# Inline literals first: their content is not markup.
_LITERAL = re.compile(r"(?<![\w`\\])``(?![\s`])(.+?)(?<![\s\\])``(?![\w`])", re.DOTALL)
_ROLE = re.compile(
    r"(?<![\w`\\]):((?:[A-Za-z][\w+.-]*:)*[A-Za-z][\w+.-]*):`((?:[^`\\]|\\.)+?)`(?![`_])",
    re.DOTALL,
)
_HYPERLINK = re.compile(r"(?<![\w`\\:])`((?:[^`\\]|\\.)+?)`(__?)(?![\w`])", re.DOTALL)
_EMBEDDED = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.DOTALL)
_NAMED_REFERENCE = re.compile(r"(?<![\w`|\\])([A-Za-z][\w.+-]*[A-Za-z0-9])_(?![\w`])")
_FOOTNOTE = re.compile(r"(?<![\w\\])\[(#[\w.-]*|\*|\d+|[A-Za-z][\w.-]*)\]_(?![\w`])")
_SUBSTITUTION = re.compile(r"(?<![\w|\\])\|(?![\s|])([^|\n]+?)(?<!\s)\|(?:__?)?(?![\w|])")
_URL = re.compile(r"(?<![\w/])(?:https?|ftp|mailto|javascript|data|vbscript|file):[^\s<>`\"']+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_PLACEHOLDER_ROLES = frozenset({"file", "samp"})
# Roles whose content is prose a translator rewrites; only an explicit
# ``<target>`` in them is a reference that must stay.
TEXT_ROLES = frozenset(
    [
        "abbr",
        "dfn",
        "emphasis",
        "strong",
        "sub",
        "sup",
        "subscript",
        "superscript",
        "title-reference",
        "t",
        "guilabel",
        "menuselection",
        "kbd",
    ]
)


@dataclass(frozen=True)
class Markup:
    """What one text refers to, links to, and quotes literally."""

    literals: Counter[str]
    # ":role:`target`", "footnote [#]_", "substitution |name|"
    references: Counter[str]
    # `Named`_ references: only their number must match, as Sphinx re-targets a
    # renamed one to the source's (i18n.inconsistent_references otherwise).
    named_references: int


@lru_cache(maxsize=4096)
def markup_of(text: str) -> Markup:
    """The references and literals of one message text (its links: :mod:`editions.safety`)."""
    literals: Counter[str] = Counter()
    references: Counter[str] = Counter()
    named: Counter[str] = Counter()

    def literal(match: re.Match[str]) -> str:
        literals[" ".join(match.group(1).split())] += 1
        return " "

    rest = _LITERAL.sub(literal, text)
    rest = _ROLE.sub(lambda match: _role(match, references), rest)
    rest = _HYPERLINK.sub(lambda match: _hyperlink(match, named), rest)
    for footnote in _FOOTNOTE.finditer(rest):
        references[f"footnote [{footnote.group(1)}]_"] += 1
    for substitution in _SUBSTITUTION.finditer(rest):
        references[f"substitution |{substitution.group(1)}|"] += 1
    rest = _URL.sub(" ", rest)
    for name in _NAMED_REFERENCE.finditer(rest):
        named[name.group(0)] += 1
    return Markup(literals, references, sum(named.values()))


def plain_words(text: str) -> str:
    """The prose of a text, markup and literals removed (for spelling, identical strings)."""
    text = _LITERAL.sub(" ", text)
    text = _ROLE.sub(_role_prose, text)
    text = _HYPERLINK.sub(lambda match: _split_embedded(match.group(1))[0], text)
    text = _URL.sub(" ", text)
    text = _SUBSTITUTION.sub(" ", text)
    text = _FOOTNOTE.sub(" ", text)
    return re.sub(r"\\(.)", r"\1", text)


def _role(match: re.Match[str], references: Counter[str]) -> str:
    name = match.group(1).lower().removeprefix("py:")  # docutils ignores a role name's case
    title, target = _split_embedded(match.group(2))
    if name in TEXT_ROLES and target is None:
        return " "
    if name == "term":
        # A glossary is translated too: `:term:`hachable`` finds the French
        # entry of "hashable".  Only the number of terms can be compared.
        references[":term:`…`"] += 1
        return " "
    # Sphinx resolves `~x`, `!x`, `.x` and `x()` to the same object as `x`.
    target = (target if target is not None else title).lstrip("~!.").removesuffix("()")
    if name in _PLACEHOLDER_ROLES:
        target = _PLACEHOLDER.sub("{…}", target)  # :file:`{prefix}/lib`: a translatable slot
    references[f":{name}:`{target}`"] += 1
    return " "


def _hyperlink(match: re.Match[str], references: Counter[str]) -> str:
    title, target = _split_embedded(match.group(1))
    if target is None:
        if match.group(2) == "_":
            references[f"reference `{' '.join(title.split())}`_"] += 1
    elif target.endswith("_") and not _URL.match(target):
        references[f"reference {target}"] += 1  # `text <name_>`_ points at a named target
    return " "


def _split_embedded(body: str) -> tuple[str, str | None]:
    embedded = _EMBEDDED.match(body)
    if embedded is None or embedded.group(2).startswith("<"):
        return body, None
    return embedded.group(1), embedded.group(2)


def _role_prose(match: re.Match[str]) -> str:
    name = match.group(1).removeprefix("py:")
    return _split_embedded(match.group(2))[0] if name in TEXT_ROLES else " "
