"""The build's safety rules (:mod:`editions.safety`), as named checks of ``editions check``.

The build refuses an unsafe msgstr; ``check`` reports it earlier, under the
same names, so that a translator sees it before a build does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from babel.messages.catalog import Message

from editions import safety
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.checks.rst import translated_pairs
from editions.findings import ERROR, Finding

# The translated names of the catalog being checked (one at a time in a process).
_TITLES: dict[str, dict[str, str]] = {}


@lru_cache(maxsize=1024)
def _unsafe(
    english: tuple[str, ...], msgstr: str, allowed: frozenset[str], catalog: str
) -> list[tuple[str, str]]:
    # Cached: each rule's check asks for the same message in turn.
    return safety.judge(english, msgstr, allowed, titles=_TITLES.get(catalog))


def _titles_of(catalog: CatalogFile) -> str:
    key = str(catalog.path)
    if key not in _TITLES and catalog.catalog is not None:
        _TITLES.clear()
        _TITLES[key] = safety.translated_names(
            (message.id, message.string) for message in catalog.catalog if not message.fuzzy
        )
    return key


def _rule(name: str) -> Callable[[CatalogFile, Message], Iterator[Finding]]:
    def check(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
        allowed = frozenset(catalog.settings.allowed_urls)
        for english, msgstr in _judged(message):
            for rule, text in _unsafe(english, msgstr, allowed, _titles_of(catalog)):
                if rule == name:
                    yield catalog.finding(message, name, text, ERROR)

    return check


def _judged(message: Message) -> list[tuple[tuple[str, ...], str]]:
    """What the build judges: each form against the English (both, for a plural message)."""
    if not translated_pairs(message):
        return []
    english = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [(tuple(map(str, english)), str(string)) for string in strings if string]


for _name, _summary in safety.RULES.items():
    message_check(_name, _summary)(_rule(_name))
