"""``editions update``: extract the English strings and merge them into every catalog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from editions.catalogs import (
    MergeResult,
    catalog_paths,
    domain_of,
    language_folder,
    memory_for,
    merge_template,
    read_catalog,
    render_catalog,
    write_catalog,
)
from editions.declaration import Language, Project
from editions.errors import EditionsError
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
    return list(catalog_paths(gettext_dir(project), ".pot"))


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
    memory = memory_for(folder)
    results = []
    for template_path in templates:
        domain = domain_of(template_path, gettext_dir(project))
        path = folder / f"{domain}.po"
        template = read_catalog(template_path)
        existing = read_catalog(path, locale=language.gettext) if path.exists() else None
        catalog, result = merge_template(template, existing, language, memory)
        if existing is not None:
            _keep_creation_date_if_unchanged(catalog, path)
        written = write_catalog(path, catalog)
        status = result.status if written else "unchanged"
        results.append(
            MergeResult(
                path, status, result.added, result.fuzzy, result.obsoleted, result.from_memory
            )
        )
    return results


def _keep_creation_date_if_unchanged(catalog: Catalog, path: Path) -> None:
    """A fresh extraction dates the template anew: keep the old date if nothing else changed."""
    new_date = catalog.creation_date
    old = read_catalog(path)
    catalog.creation_date = old.creation_date
    if render_catalog(catalog) != path.read_bytes():
        catalog.creation_date = new_date
