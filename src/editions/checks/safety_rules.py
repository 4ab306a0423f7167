"""The build's safety rules, as named checks of ``editions check``.

The build refuses an unsafe msgstr (:mod:`editions.safety`) and a theme word that
is not plain text (:mod:`editions.theme_words`); ``check`` reports it earlier,
under the same names, so that a translator sees it before a build does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from editions import safety, theme_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.checks.rst import translated_pairs
from editions.findings import ERROR, Finding
from editions.pofile import PoEntry

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
        _TITLES[key] = safety.translated_names(
            (entry.id, entry.strings[0])
            for entry in catalog.messages
            if entry.msgid_plural is None and not entry.fuzzy
        )
    return key


# The last message judged, as it was, and the judge's (rule, text) pairs: each rule's check
# asks for the same message in turn.
_JUDGED: list[tuple[CatalogFile, PoEntry, list[tuple[str, str]]]] = []


def _judged(catalog: CatalogFile, entry: PoEntry) -> list[tuple[str, str]]:
    if _JUDGED:
        last_catalog, last_entry, found_last = _JUDGED[0]
        if last_catalog is catalog and last_entry is entry:
            return found_last
    found: list[tuple[str, str]] = []
    pairs = translated_pairs(entry)  # none if untranslated or fuzzy: not published
    if pairs:
        allowed = frozenset(catalog.settings.allowed_urls)
        english = entry.english  # every form against both English forms: either may be shown
        for _, msgstr in pairs:
            found += _unsafe(english, msgstr, allowed, _titles_of(catalog))
    _JUDGED[:] = [(catalog, entry, found)]
    return found


def _rule(name: str) -> Callable[[CatalogFile, PoEntry], Iterator[Finding]]:
    def check(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
        for rule, text in _judged(catalog, entry):
            if rule == name:
                yield catalog.finding(entry, name, text, ERROR)

    return check


for _name, _summary in safety.RULES.items():
    message_check(_name, _summary)(_rule(_name))


@message_check(theme_words.THEME_MARKUP, theme_words.SUMMARY)
def check_theme_markup(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    if not theme_words.is_theme_catalog(catalog.path):
        return
    for text in theme_words.message_findings(entry):
        yield catalog.finding(entry, theme_words.THEME_MARKUP, text, ERROR)
