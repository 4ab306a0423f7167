"""The build's safety rules, as named checks of ``editions check``.

The build refuses an unsafe msgstr (:mod:`editions.safety`) and a theme word that
is not plain text (:mod:`editions.theme_words`); ``check`` reports it earlier,
under the same names, so that a translator sees it before a build does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from babel.messages.catalog import Message

from editions import safety, theme_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.checks.rst import translated_text
from editions.findings import ERROR, Finding


@lru_cache(maxsize=1024)
def _unsafe(msgid: str, msgstr: str, allowed: frozenset[str]) -> list[tuple[str, str]]:
    # Cached: each rule's check asks for the same message in turn.
    return safety.unsafe_findings(msgid, msgstr, allowed)


def _rule(name: str) -> Callable[[CatalogFile, Message], Iterator[Finding]]:
    def check(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
        texts = translated_text(message)
        if texts is None:
            return
        allowed = frozenset(catalog.settings.allowed_urls)
        for rule, text in _unsafe(*texts, allowed):
            if rule == name:
                yield catalog.finding(message, name, text, ERROR)

    return check


for _name, _summary in safety.RULES.items():
    message_check(_name, _summary)(_rule(_name))


@message_check(theme_words.THEME_MARKUP, theme_words.SUMMARY)
def check_theme_markup(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if not theme_words.is_theme_catalog(catalog.path):
        return
    for text in theme_words.message_findings(message):
        yield catalog.finding(message, theme_words.THEME_MARKUP, text, ERROR)
