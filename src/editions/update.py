"""``editions update``: extract the English strings and merge them into every catalog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editions import derived
from editions.catalogs import (
    THEME_DOMAIN,
    MergeResult,
    TranslationMemory,
    catalog_paths,
    memory_for,
    merge_template,
    read_catalog,
    render_catalog,
    write_catalog,
)
from editions.declaration import Language, Project
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.layout import domain_of, language_folder
from editions.merge import merge
from editions.pofile import PoFile
from editions.sphinx_runner import SphinxJob, run_isolated


@dataclass(frozen=True)
class UpdateReport:
    """The templates extracted and what the merge did to each catalog."""

    templates: list[Path]
    results: list[MergeResult]


def gettext_dir(project: Project) -> Path:
    return project.build_dir / "gettext"


def extract(project: Project) -> list[Path]:
    """Run Sphinx's gettext builder: one .pot per document in ``build/gettext``."""
    run = run_isolated(
        SphinxJob(
            builder="gettext",
            source_dir=project.source_dir,
            output_dir=gettext_dir(project),
            doctree_dir=project.build_dir / "doctrees" / "gettext",
            overrides={"gettext_compact": 0, "language": project.source_language.gettext},
        )
    )
    if run.status != 0:
        details = "\n".join(run.warnings[-20:])
        raise EditionsError(f"{project.source_dir}: extracting the strings failed:\n{details}")
    return current_templates(gettext_dir(project), set(run.documents))


def current_templates(folder: Path, documents: set[str]) -> list[Path]:
    """The templates of the project's documents; those of deleted documents are removed.

    Sphinx's gettext builder never deletes the template of a document that is gone.
    """
    templates = []
    for path in catalog_paths(folder, ".pot"):
        if domain_of(path, folder) in documents:
            templates.append(path)
        else:
            path.unlink()
    return templates


def update(project: Project, languages: tuple[Language, ...]) -> UpdateReport:
    """Extract, then merge the templates into each language's catalogs."""
    templates = extract(project)
    results: list[MergeResult] = []
    for language in languages:
        if language == project.source_language:
            continue
        results.extend(merge_language(project, language, templates))
    return UpdateReport(templates=templates, results=results)


def merge_language(
    project: Project, language: Language, templates: list[Path]
) -> list[MergeResult]:
    """Merge every template into ``language``'s catalogs, nothing translated lost."""
    folder = language_folder(project.locale_dir, language)
    state = MergeState.load(project)
    memory: TranslationMemory | None = None
    results = []
    for template_path in templates:
        domain = domain_of(template_path, gettext_dir(project))
        path = folder / f"{domain}.po"
        if state.is_current(template_path, path):
            results.append(MergeResult(path, "unchanged", 0, 0, 0, 0))
            continue
        # Learnt only when a catalog needs merging: it reads every catalog of the language.
        if memory is None:
            memory = memory_for(folder)
        template = read_catalog(template_path)
        existing = read_catalog(path) if path.exists() else None
        catalog, result = merge_template(template, existing, language, memory)
        if existing is None:
            written = write_catalog(path, catalog)
        else:
            written = write_if_changed(path, _rendered_keeping_date(catalog, existing, path))
        state.merged(template_path, path)
        status = result.status if written else "unchanged"
        results.append(
            MergeResult(
                path, status, result.added, result.fuzzy, result.obsoleted, result.from_memory
            )
        )
    state.save()
    domains = {domain_of(template, gettext_dir(project)) for template in templates}
    results.extend(retire_catalogs(folder, domains))
    return results


def retire_catalogs(folder: Path, domains: set[str]) -> list[MergeResult]:
    """Make obsolete the entries of catalogs whose document is gone (deleted or renamed).

    Their translations stay in the file as ``#~`` entries, where the translation
    memory finds them for the document's new name; they are no longer work to do.
    """
    results = []
    for path in catalog_paths(folder):
        if path.stem == THEME_DOMAIN or domain_of(path, folder) in domains:
            continue
        existing = read_catalog(path)
        # What msgmerge does with a template of no messages: each entry becomes obsolete.
        catalog = merge(PoFile(path, [], existing.charset), existing).catalog
        if write_catalog(path, catalog):
            obsolete = [entry for entry in catalog.entries if entry.obsolete]
            results.append(MergeResult(path, "retired", obsoleted=len(obsolete)))
    return results


class MergeState:
    """Which template and catalog pairs were merged, as they were then (a derived record).

    A pair whose template and catalog are both unchanged since their last merge would merge to
    the same catalog: after one article changes, only its catalogs are read and merged.
    """

    def __init__(self, records: derived.Records, root: Path) -> None:
        self.records, self.root = records, root

    @classmethod
    def load(cls, project: Project) -> MergeState:
        path = derived.state_dir(project.build_dir) / "merged.json"
        return cls(derived.Records(path), project.root)

    def is_current(self, template: Path, catalog: Path) -> bool:
        inputs = self._inputs(template, catalog)
        return catalog.exists() and self.records.get(str(catalog), inputs) is not None

    def merged(self, template: Path, catalog: Path) -> None:
        inputs = self._inputs(template, catalog)
        if inputs is None:
            self.records.drop(str(catalog))  # not read as merged: merged again next time
        else:
            self.records.put(str(catalog), inputs, True)

    def save(self) -> None:
        self.records.save()

    def _inputs(self, template: Path, catalog: Path) -> str | None:
        code = derived.code_version()
        return derived.digest_or_none([template, catalog], code, self.records, self.root)


def _rendered_keeping_date(catalog: PoFile, existing: PoFile, path: Path) -> bytes:
    """The catalog's bytes, with its old header (its old creation date) if nothing else changed.

    A fresh extraction dates the template anew: that alone is no change to write.
    """
    header, old_header = catalog.header, existing.header
    if header is None or old_header is None or header is old_header:
        return render_catalog(catalog)
    # The old header first: when it gives the file's bytes, the catalog is rendered once.
    entries = [old_header if entry is header else entry for entry in catalog.entries]
    kept = render_catalog(PoFile(catalog.path, entries, catalog.charset))
    return kept if kept == path.read_bytes() else render_catalog(catalog)
