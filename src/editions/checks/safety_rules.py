"""The build's safety rules, as named checks of ``editions check``.

The build refuses an unsafe msgstr (:mod:`editions.safety`) and a theme word that
is not plain text (:mod:`editions.theme_words`); ``check`` reports it earlier,
under the same names, so that a translator sees it before a build does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from babel.messages.catalog import Message

from editions import safety, theme_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.checks.rst import translated_pairs
from editions.findings import ERROR, Finding

# The catalog being checked (one at a time in a process: held, so its id is not reused)
# and its translated names.
_CURRENT: list[CatalogFile] = []
_TITLES: dict[int, dict[str, str]] = {}


@lru_cache(maxsize=1024)
def _unsafe(
    english: tuple[str, ...], msgstr: str, allowed: frozenset[str], catalog: int
) -> list[tuple[str, str]]:
    # Cached: each rule's check asks for the same message in turn.
    readings = _CURRENT[0].settings.english if _CURRENT else None
    language = _CURRENT[0].language if _CURRENT else None
    return safety.judge(
        english, msgstr, allowed, readings, titles=_TITLES.get(catalog), language=language
    )


def _titles_of(catalog: CatalogFile) -> int:
    """A key for the catalog's translated names, worked out once per catalog."""
    key = id(catalog)
    if not _CURRENT or _CURRENT[0] is not catalog:
        _CURRENT[:] = [catalog]
        _TITLES.clear()
        _unsafe.cache_clear()  # its answers held for the previous catalog's names
        messages: Iterable[Message] = catalog.catalog or []
        _TITLES[key] = safety.translated_names(
            (message.id, message.string) for message in messages if not message.fuzzy
        )
    return key


def _rule(name: str) -> Callable[[CatalogFile, Message], Iterator[Finding]]:
    def check(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
        allowed = frozenset(catalog.settings.allowed_urls)
        if not translated_pairs(message):
            return  # untranslated or fuzzy: not published
        for english, msgstr in safety.judged_forms(message.id, message.string):
            for rule, text in _unsafe(english, msgstr, allowed, _titles_of(catalog)):
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
