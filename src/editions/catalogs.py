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

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, unescape
from sphinx_intl.catalog import update_with_fuzzy

from editions.declaration import Language
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.formatting import WRAP_WIDTH, HeaderKeepingCatalog, render_po
from editions.plurals import rule_for_new_catalog

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


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Read a .po or .pot file, refusing what gettext would refuse.

    Raises :class:`EditionsError` naming the file and line.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditionsError(f"{path}: cannot read the catalog: {error.strerror}") from None
    try:
        # Babel's read_po, with a catalog that keeps the header as its author wrote it.
        catalog = HeaderKeepingCatalog(locale=locale, charset="utf-8")
        PoFileParser(catalog, abort_invalid=True).parse(
            io.BytesIO(_without_obsolete_previous(data))
        )
        _read_previous_ids(catalog)
        return catalog
    except PoFileError as error:
        raise EditionsError(f"{path}:{_describe_po_error(error)}") from None
    except UnicodeDecodeError:
        raise EditionsError(
            f"{path}:{_first_undecodable_line(data)}: not valid UTF-8; "
            "save the file as UTF-8 in your editor"
        ) from None
    except (ValueError, LookupError) as error:
        # Babel parses the header's fields (charset, Plural-Forms) with int() and codecs.
        raise EditionsError(
            f"{path}: the header cannot be read ({error}); copy the header "
            '(msgid "" and its msgstr) from another catalog of the same language'
        ) from None


def render_catalog(catalog: Catalog) -> bytes:
    """The canonical bytes of a catalog: GNU msgcat's wrapping, the template's order."""
    return render_po(catalog, WRAP_WIDTH)


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` if its bytes differ; True when written."""
    return write_if_changed(path, render_catalog(catalog))


def reformat(paths: Iterable[Path], write: bool = True) -> list[Path]:
    """Put every catalog in ``paths`` (files or folders) in the canonical form.

    Returns the catalogs that were not in it; with ``write=False`` they are only listed.
    """
    changed = []
    for path in expand_catalog_paths(paths):
        canonical = render_catalog(read_catalog(path))
        if path.read_bytes() != canonical:
            changed.append(path)
            if write:
                write_if_changed(path, canonical)
    return changed


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


def language_folder(locale_dir: Path, language: Language) -> Path:
    return locale_dir / language.gettext / "LC_MESSAGES"


def merge_template(
    template: Catalog,
    existing: Catalog | None,
    language: Language,
    memory: TranslationMemory,
) -> tuple[Catalog, MergeResult]:
    """The catalog of ``language`` for ``template``, keeping every translation."""
    if existing is None:
        catalog = _new_catalog(template, language)
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


def domain_of(path: Path, folder: Path) -> str:
    """The gettext domain of a catalog: its path below the folder, without suffix."""
    return path.relative_to(folder).with_suffix("").as_posix()


def _new_catalog(template: Catalog, language: Language) -> Catalog:
    catalog = Catalog(
        locale=language.locale,
        domain=template.domain,
        project=template.project,
        version=template.version,
        creation_date=template.creation_date,
        revision_date=template.creation_date,
        language_team=template.language_team,
        last_translator=template.last_translator,
        charset="utf-8",
        fuzzy=False,
    )
    rule = rule_for_new_catalog(language.gettext)
    if rule:
        catalog.mime_headers = [("Plural-Forms", rule)]  # GNU's rule first: see plurals.py
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


def _without_obsolete_previous(data: bytes) -> bytes:
    """Drop ``#~|`` lines (msgmerge's previous msgid of an obsolete entry): Babel rejects them."""
    if b"#~|" not in data:
        return data
    return b"".join(
        line for line in data.splitlines(keepends=True) if not line.lstrip().startswith(b"#~|")
    )


def _read_previous_ids(catalog: Catalog) -> None:
    """Turn ``#| msgid`` lines back into ``previous_id``.

    Babel writes them but reads them as translator comments ("| msgid ..."), so
    the next write would turn them into ``# | msgid`` and a second update would
    lose what the English said before.
    """
    for message in catalog:
        if not any(comment.startswith("|") for comment in message.user_comments):
            continue
        parts: dict[str, list[str]] = {}
        keyword = ""
        kept = []
        for comment in message.user_comments:
            if not comment.startswith("|"):
                kept.append(comment)
                continue
            text = comment[1:].strip()
            if not text.startswith('"'):
                keyword, _, text = text.partition(" ")
            parts.setdefault(keyword, []).append(unescape(text.strip()))
        message.user_comments = kept
        previous = ["".join(parts.get(name, [])) for name in ("msgid", "msgid_plural")]
        message.previous_id = previous if "msgid_plural" in parts else previous[:1]


def _describe_po_error(error: PoFileError) -> str:
    line = getattr(error, "lineno", None)
    where = f"{line + 1}: " if isinstance(line, int) else " "  # Babel counts from 0
    what = str(error).rsplit(" on ", 1)[0]  # Babel appends " on <line>"
    return (
        f"{where}not valid gettext: {what}: {getattr(error, 'line', '').strip()[:60]!r}; "
        "fix the line or restore it from version control"
    )


def _first_undecodable_line(data: bytes) -> int:
    """The line of the first byte that is not UTF-8 (Babel's error counts within a line)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1
    return 1
