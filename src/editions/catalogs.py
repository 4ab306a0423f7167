"""Catalogs: read, merge with a new template, and write the translators' .po files.

sphinx-intl's ``update`` is Babel's ``Catalog.update`` plus a write.  We keep
that core (through ``sphinx_intl.catalog``) and add what it lacks, because each
gap loses a translator's work (see FACTS.md):

- the previous English of a changed string is kept as ``#| msgid``;
- an obsolete entry whose English comes back is revived, not duplicated;
- a string moved to another document is filled from the language's other
  catalogs (a translation memory) as a fuzzy entry;
- a catalog is written only when its content changes, atomically, in one
  canonical form, so that Sphinx does not rebuild pages for nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from sphinx_intl.catalog import update_with_fuzzy

from editions.babel_adapter import from_babel, to_babel
from editions.declaration import Language
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.formatting import WRAP_WIDTH, render_po
from editions.plurals import rule_for_new_catalog
from editions.pofile import escape, parse_po, read_catalog_bytes, read_po

THEME_DOMAIN = "sphinx"  # Sphinx's own words, overridable by the project


@dataclass(frozen=True)
class MergeResult:
    """What one merge did to one catalog."""

    path: Path
    status: str  # "created", "updated" or "unchanged"
    added: int = 0
    fuzzy: int = 0
    obsoleted: int = 0
    from_memory: int = 0


def read_catalog(path: Path, locale: str | None = None, root: Path | None = None) -> Catalog:
    """Read a .po or .pot file for the merge, refusing what gettext would refuse.

    Raises :class:`EditionsError` (a :class:`PoSyntaxError` for the syntax) naming
    the file and line.
    """
    po = read_po(path, root)
    try:
        return to_babel(po, locale)
    except (ValueError, LookupError) as error:
        # Babel parses the header's fields (Plural-Forms, dates) with int() and codecs.
        line = po.header.line if po.header else 1
        raise EditionsError(
            f"{path}:{line}: the header cannot be read ({error}); copy the header "
            '(msgid "" and its msgstr) from another catalog of the same language'
        ) from None


def render_catalog(catalog: Catalog) -> bytes:
    """The canonical bytes of a merged catalog: GNU msgcat's, entries unchanged kept as read."""
    return render_po(from_babel(catalog), WRAP_WIDTH)


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` if its bytes differ; True when written."""
    return write_if_changed(path, render_catalog(catalog))


@dataclass(frozen=True)
class FormatReport:
    """What ``editions format`` found: catalogs not in the canonical form, and unreadable ones."""

    changed: list[Path]
    problems: list[str]  # "path:line: [syntax] ..." for each catalog left as it was


def reformat(paths: Iterable[Path], write: bool = True) -> FormatReport:
    """Put every catalog in ``paths`` (files or folders) in the canonical form.

    A catalog that cannot be read exactly is left byte for byte as it was and
    reported; the others are still formatted.  With ``write=False`` nothing is written.
    """
    changed: list[Path] = []
    problems: list[str] = []
    for path in expand_catalog_paths(paths):
        try:
            data = read_catalog_bytes(path)
            canonical = render_po(parse_po(data, path))
        except EditionsError as error:
            problems.append(str(error))
            continue
        if data != canonical:
            changed.append(path)
            if write:
                write_if_changed(path, canonical)
    return FormatReport(changed, problems)


def expand_catalog_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """The catalogs named, and those below the folders named; refuses a missing path."""
    for path in paths:
        if path.is_dir():
            yield from catalog_paths(path)
        elif path.is_file():
            yield path
        else:
            raise EditionsError(f"{path}: no such catalog or folder")


def catalog_paths(folder: Path, suffix: str = ".po") -> Iterator[Path]:
    """Every catalog below ``folder``, in a stable order."""
    for directory, subdirectories, files in os.walk(folder):
        subdirectories.sort()
        for name in sorted(files):
            if name.endswith(suffix):
                yield Path(directory, name)


def merge_template(
    template: Catalog,
    existing: Catalog | None,
    language: Language,
    memory: TranslationMemory,
) -> tuple[Catalog, MergeResult]:
    """The catalog of ``language`` for ``template``, keeping every translation."""
    if existing is None:
        catalog = new_catalog(template, language)
        added = len([m for m in template if m.id])
        filled = memory.fill(catalog)
        return catalog, MergeResult(Path(), "created", added=added, from_memory=filled)
    before = {message.id for message in existing if message.id}
    previous = _previous_ids(existing)
    _revive_obsolete(existing)
    update_with_fuzzy(existing, template)  # Babel's Catalog.update, as sphinx-intl does
    _restore_previous_ids(existing, previous)
    drop_empty_obsolete(existing)
    filled = memory.fill(existing)
    after = [message for message in existing if message.id]
    result = MergeResult(
        Path(),
        "updated",
        added=len([m for m in after if m.id not in before]),
        fuzzy=len([m for m in after if m.fuzzy]),
        obsoleted=len(existing.obsolete),
        from_memory=filled,
    )
    return existing, result


class TranslationMemory:
    """Every translation of one language, across all its catalogs, by English text.

    Filled before a merge, so that a string moved from one document to another
    finds its translation in the catalog it left.
    """

    def __init__(self) -> None:
        self._translations: dict[str, str] = {}

    def learn(self, catalog: Catalog) -> None:
        for message in _all_messages(catalog):
            if not (isinstance(message.id, str) and isinstance(message.string, str)):
                continue  # plural messages are left to the translator
            if (
                message.id
                and message.string
                and (not message.fuzzy or message.id not in self._translations)
            ):
                self._translations[message.id] = message.string

    def fill(self, catalog: Catalog) -> int:
        """Fill untranslated messages it knows, as fuzzy for a translator to confirm."""
        filled = 0
        for message in catalog:
            if message.id and not message.string and isinstance(message.id, str):
                known = self._translations.get(message.id)
                if known:
                    message.string = known
                    message.flags.add("fuzzy")
                    filled += 1
        return filled


def memory_for(folder: Path) -> TranslationMemory:
    """The translation memory of the catalogs under one language's folder."""
    memory = TranslationMemory()
    for path in catalog_paths(folder):
        if path.stem != THEME_DOMAIN:
            memory.learn(read_catalog(path))
    return memory


def new_catalog(template: Catalog, language: Language) -> Catalog:
    """A catalog for ``language`` with the template's messages and a header written once.

    The header has real values only: the publication's name (Sphinx's ``project``, which
    the template carries), the language as declared, its team by the language's own name,
    the Plural-Forms of :mod:`editions.plurals`; none of Babel's placeholders (``FULL NAME
    <EMAIL@ADDRESS>``, ``VERSION``), which translators' tools would keep forever.  The
    translator's name is left for their editor to write (Poedit and Weblate do).
    """
    date = dict(template.mime_headers)["POT-Creation-Date"]
    fields = [
        ("Project-Id-Version", str(template.project or "")),
        ("POT-Creation-Date", date),
        ("PO-Revision-Date", date),
        ("Language-Team", language.native_name),
        ("Language", language.gettext),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", rule_for_new_catalog(language.gettext) or ""),
    ]
    header = "".join(f'"{name}: {escape(value)}\\n"\n' for name, value in fields if value)
    text = f'# {language.native_name}: {template.project}.\nmsgid ""\nmsgstr ""\n{header}'
    catalog = to_babel(parse_po(text.encode("utf-8"), Path(f"{template.domain}.po")))
    for message in template:
        if message.id:
            catalog[message.id] = message.clone()
    return catalog


def _all_messages(catalog: Catalog) -> Iterable[Message]:
    yield from catalog
    yield from catalog.obsolete.values()


def _revive_obsolete(catalog: Catalog) -> None:
    """Put obsolete entries back among the active ones before a merge.

    Babel matches only active entries: a paragraph deleted and later restored
    would get an empty entry beside its ``#~`` twin, a duplicate that
    ``msgfmt --check`` rejects.  Unmatched ones go back to obsolete.
    """
    for key, message in list(catalog.obsolete.items()):
        if message.id not in catalog:
            catalog[message.id] = message
        del catalog.obsolete[key]


def _previous_ids(catalog: Catalog) -> dict[object, list[str]]:
    return {
        message.id: list(message.previous_id)
        for message in catalog
        if message.id and message.previous_id and message.fuzzy
    }


def _restore_previous_ids(catalog: Catalog, previous: dict[object, list[str]]) -> None:
    """Keep ``#| msgid`` on entries still fuzzy: Babel drops it on an exact match."""
    for message in catalog:
        if message.fuzzy and not message.previous_id and message.id in previous:
            message.previous_id = previous[message.id]


def drop_empty_obsolete(catalog: Catalog) -> None:
    """Obsolete entries that carry no translation are noise, not work."""
    for key, message in list(catalog.obsolete.items()):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not any(strings):
            del catalog.obsolete[key]
