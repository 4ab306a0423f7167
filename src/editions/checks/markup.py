"""The inline reStructuredText of one message, as the comparison checks need it.

Read from the tree docutils makes of the text (:mod:`editions.inert_rst`, the
same reading the judge of :mod:`editions.safety` uses), never from patterns of
our own: what the build parses is what is compared.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from editions.inert_rst import PROSE_ROLES, read, split_title

_PLACEHOLDER_ROLES = frozenset({"file", "samp"})
_SPACES = re.compile(r"\s+")
# A slot the reader fills in, as the Python docs write it in :file: and :samp:
# (``{prefix}``, Sphinx's own, or ``<name>``): its words are translated.
_SLOT = re.compile(r"\{[^{}]*\}|<[^<>]*>")
PHRASE_REFERENCE = "reference `"


@dataclass(frozen=True)
class Markup:
    """What one text refers to, links to, and quotes literally."""

    literals: Counter[str]
    # ":role:`target`", "footnote [#]_", "substitution |name|", "reference `Title`_"
    references: Counter[str]
    # name_ references: only their number must match, as Sphinx re-targets a
    # renamed one to the source's (i18n.inconsistent_references otherwise).
    named_references: int


@lru_cache(maxsize=4096)
def markup_of(text: str) -> Markup:
    """The references and literals of one message text (its links: :mod:`editions.safety`)."""
    reading = read(text)
    references: Counter[str] = Counter()
    literals = Counter(reading.literals)
    for name, content in reading.roles:
        if _is_unlinked(name, content):
            # :attr:`!name` links nowhere: it is code shown as code, compared as ``name`` is.
            literals[" ".join(content.removeprefix("!").split())] += 1
            continue
        key = _role_key(name, content)
        if key is not None:
            references[key] += 1
    for footnote in reading.footnotes:
        references[f"footnote {footnote}"] += 1
    for substitution in reading.substitutions:
        references[f"substitution |{substitution}|"] += 1
    named = 0
    for kind, target in reading.references:
        if kind in {"phrase", "alias"}:
            # `Title`_ and `text <Title_>`_ point at the same target, by its name as docutils
            # normalises it (case and spaces do not matter).
            name = " ".join(target.removesuffix("_").lower().split())
            references[f"{PHRASE_REFERENCE}{name}`_"] += 1
        else:
            named += 1
    return Markup(literals, references, named)


def plain_words(text: str) -> str:
    """The prose of a text, markup and literals removed (for spelling, identical strings)."""
    return " ".join(read(text).prose)


def _is_unlinked(role: str, content: str) -> bool:
    """Whether a cross-reference role is written not to link (``:meth:`!name```)."""
    return role not in PROSE_ROLES and content.startswith("!") and split_title(content)[1] is None


def _role_key(role: str, content: str) -> str | None:
    name = role.removeprefix("py:")
    title, target = split_title(content)
    if name in PROSE_ROLES and target is None:
        return None
    if name == "term":
        # A glossary is translated too: `:term:`hachable`` finds the French
        # entry of "hashable".  Only the number of terms can be compared.
        return ":term:`…`"
    # Sphinx resolves `~x`, `!x`, `.x` and `x()` to the same object as `x`.
    target = (target if target is not None else title).lstrip("~!.").removesuffix("()")
    target = _SPACES.sub(" ", target)  # as Sphinx's XRefRole does (a leading one stays: broken)
    if name in _PLACEHOLDER_ROLES:
        target = _SLOT.sub("{…}", target)  # :file:`{prefix}/lib`: a translatable slot
    return f":{name}:`{target}`"
