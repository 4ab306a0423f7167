"""Compiling the translators' catalogs into the ones a build reads.

Sphinx compiles ``.mo`` files next to the ``.po`` only when the ``.po`` is
newer, so a stale ``.mo`` (after ``cp -p`` or an archive) silently wins, and a
broken ``.po`` builds with corrupted text.  Every build therefore reads
catalogs we compiled ourselves under ``build/catalogs/``, from validated
``.po`` files, written only when they change so Sphinx's dependency tracking
(by modification time) re-reads only the pages whose catalog changed.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo

from editions.catalogs import catalog_paths, domain_of, language_folder, read_catalog
from editions.declaration import Language, Project
from editions.files import write_if_changed


@dataclass(frozen=True)
class CompiledCatalogs:
    """Where a language's compiled catalogs are, and which changed."""

    locale_dir: Path
    changed: list[str]


def compiled_locale_dir(project: Project) -> Path:
    return project.build_dir / "catalogs"


def compile_language(project: Project, language: Language) -> CompiledCatalogs:
    """Validate and compile every catalog of ``language``; raises EditionsError if one is broken."""
    source = language_folder(project.locale_dir, language)
    target = language_folder(compiled_locale_dir(project), language)
    changed = []
    for path in catalog_paths(source):
        catalog = read_catalog(path, locale=language.gettext)
        domain = domain_of(path, source)
        po_path, mo_path = target / f"{domain}.po", target / f"{domain}.mo"
        mo = io.BytesIO()
        write_mo(mo, catalog, use_fuzzy=False)
        po_written = write_if_changed(po_path, path.read_bytes())
        mo_written = write_if_changed(mo_path, mo.getvalue())
        if po_written and not mo_written:
            # Sphinx recompiles a .mo older than its .po: keep ours the newer.
            os.utime(mo_path)
        if mo_written:
            changed.append(domain)
    return CompiledCatalogs(locale_dir=compiled_locale_dir(project), changed=changed)
