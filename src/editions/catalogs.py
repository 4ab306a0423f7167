"""Catalogs: read, merge with a new template, and write the translators' .po files.

The merge is GNU msgmerge's (:mod:`editions.merge`), on the project's catalog model;
this module adds what ``editions update`` needs around it, because each gap loses a
translator's work (see FACTS.md):

- a string moved to another document is filled from the language's other
  catalogs (a translation memory) as a fuzzy entry;
- a new catalog gets a header written once, with real values;
- a catalog is written only when its content changes, atomically, in one
  canonical form, so that Sphinx does not rebuild pages for nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from editions.babel_adapter import from_babel
from editions.declaration import Language
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.formatting import WRAP_WIDTH, render_po
from editions.merge import merge, plural_count, untranslated_entry
from editions.plurals import rule_for_new_catalog
from editions.pofile import (
    Comment,
    PoEntry,
    PoFile,
    PoString,
    escape,
    parse_po,
    read_catalog_bytes,
    read_po,
)

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


def read_catalog(path: Path, root: Path | None = None) -> PoFile:
    """Read a .po or .pot file for the merge, refusing what gettext would refuse.

    Raises :class:`EditionsError` (a :class:`PoSyntaxError` for the syntax) naming
    the file and line.
    """
    return read_po(path, root)


def render_catalog(catalog: PoFile | Catalog) -> bytes:
    """The canonical bytes of a catalog: GNU msgcat's.

    A Babel catalog (the compiled copy, with the withheld messages left out) is written
    through :func:`editions.babel_adapter.from_babel`, its entries unchanged kept as read.
    """
    po = catalog if isinstance(catalog, PoFile) else from_babel(catalog)
    return render_po(po, WRAP_WIDTH)


def write_catalog(path: Path, catalog: PoFile) -> bool:
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
    template: PoFile,
    existing: PoFile | None,
    language: Language,
    memory: TranslationMemory,
) -> tuple[PoFile, MergeResult]:
    """The catalog of ``language`` for ``template``, keeping every translation."""
    if existing is None:
        catalog = new_catalog(template, language)
        filled = memory.fill(catalog)
        added = len(catalog.messages)
        return catalog, MergeResult(Path(), "created", added=added, from_memory=filled)
    merged = merge(template, existing)
    catalog = merged.catalog
    filled = memory.fill(catalog)
    result = MergeResult(
        Path(),
        "updated",
        added=merged.added,
        fuzzy=len([entry for entry in catalog.messages if entry.fuzzy]),
        obsoleted=len([entry for entry in catalog.entries if entry.obsolete]),
        from_memory=filled,
    )
    return catalog, result


class TranslationMemory:
    """Every translation of one language, across all its catalogs, by English text.

    Filled before a merge, so that a string moved from one document to another
    finds its translation in the catalog it left.  msgmerge's compendium (``-C``) is
    the same idea, but fills exact matches as finished translations: here they are
    fuzzy, for a translator to confirm that the sentence means the same in its new place.
    """

    def __init__(self) -> None:
        self._translations: dict[str, str] = {}

    def learn(self, catalog: PoFile) -> None:
        for entry in catalog.entries:
            if entry.msgid_plural is not None or len(entry.msgstr) != 1:
                continue  # plural messages are left to the translator
            english, translation = entry.id, entry.msgstr[0].text
            if english and translation and (not entry.fuzzy or english not in self._translations):
                self._translations[english] = translation

    def fill(self, catalog: PoFile) -> int:
        """Fill untranslated messages it knows, as fuzzy for a translator to confirm."""
        filled = 0
        for index, entry in enumerate(catalog.entries):
            if entry.obsolete or entry.msgid_plural is not None or not entry.id:
                continue
            if entry.msgstr and entry.msgstr[0].text:
                continue
            known = self._translations.get(entry.id)
            if known:
                catalog.entries[index] = _filled(entry, known)
                filled += 1
        return filled


def _filled(entry: PoEntry, translation: str) -> PoEntry:
    flags = ["fuzzy", *(flag for flag in entry.flags if flag != "fuzzy")]
    comments = [comment for comment in entry.comments if comment.kind != "#,"]
    comments.append(Comment("#,", 0, " " + ", ".join(flags)))
    return PoEntry(
        entry.line,
        comments=comments,
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgstr=[PoString("msgstr", 0, [escape(translation)])],
    )


def memory_for(folder: Path) -> TranslationMemory:
    """The translation memory of the catalogs under one language's folder."""
    memory = TranslationMemory()
    for path in catalog_paths(folder):
        if path.stem != THEME_DOMAIN:
            memory.learn(read_catalog(path))
    return memory


def new_catalog(template: PoFile, language: Language) -> PoFile:
    """A catalog for ``language`` with the template's messages and a header written once.

    The header has real values only: the publication's name (Sphinx's ``project``, which
    the template carries), the language as declared, its team by the language's own name,
    the Plural-Forms of :mod:`editions.plurals`; none of the placeholders of a template or
    of Babel (``FULL NAME <EMAIL@ADDRESS>``, ``VERSION``), which translators' tools would
    keep forever.  The translator's name is left for their editor to write (Poedit and
    Weblate do).
    """
    date = template.header_field("POT-Creation-Date") or ""
    project = publication_name(template)
    fields = [
        ("Project-Id-Version", project),
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
    text = f'# {language.native_name}: {project}.\nmsgid ""\nmsgstr ""\n{header}'
    catalog = parse_po(text.encode("utf-8"), template.path.with_suffix(".po"))
    nplurals = plural_count(catalog)
    catalog.entries += [
        untranslated_entry(entry, nplurals)
        for entry in template.entries
        if entry.id and not entry.obsolete
    ]
    return catalog


def publication_name(template: PoFile) -> str:
    """The project of the template's ``Project-Id-Version``, without its version.

    Sphinx writes ``{project} {version}``, the version possibly empty; Babel reads the
    project as the words before the last space, and so does this.
    """
    header = template.header
    for line in (header.strings[0] if header and header.msgstr else "").split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() == "project-id-version":
            value = value.lstrip()
            return value.rsplit(" ", 1)[0] if " " in value else value
    return ""
