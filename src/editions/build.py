"""``editions build``: every language edition, side by side, each published only if it built."""

from __future__ import annotations

import os
import time
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from editions.compile import compile_language
from editions.declaration import Language, Project, load_project
from editions.errors import EditionsError
from editions.landing import write_landing
from editions.publish import publish, published_dir, published_editions
from editions.sphinx_runner import SphinxJob, run_sphinx, worker_pool


@dataclass(frozen=True)
class EditionResult:
    """How one edition's build went."""

    tag: str
    ok: bool
    seconds: float
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    rebuilt: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildReport:
    """Every edition's result and the landing page written."""

    editions: list[EditionResult]
    landing_page: Path

    @property
    def ok(self) -> bool:
        return all(edition.ok for edition in self.editions)


def work_dir(project: Project, language: Language) -> Path:
    """Sphinx's own, persistent output and doctrees for one edition."""
    return project.build_dir / "editions" / language.tag


def build(
    project: Project,
    languages: tuple[Language, ...],
    jobs: int | None = None,
    defines: dict[str, str] | None = None,
) -> BuildReport:
    """Build ``languages`` side by side, publish each that succeeds, write the landing page."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    results = []
    with worker_pool(min(jobs, len(languages))) as pool:
        futures = [
            pool.submit(build_edition, str(project.root), language.tag, defines or {})
            for language in languages
        ]
        for future in as_completed(futures):
            results.append(future.result())
    order = [language.tag for language in languages]
    results.sort(key=lambda result: order.index(result.tag))
    tags = published_editions(project.build_dir, [language.tag for language in project.editions])
    editions = [language for language in project.editions if language.tag in tags]
    landing = write_landing(project, editions, project.options.get("title", "Editions"))
    return BuildReport(editions=results, landing_page=landing)


def build_edition(root: str, tag: str, defines: dict[str, str]) -> EditionResult:
    """Build and publish one edition; runs in a worker process."""
    started = time.monotonic()
    project = load_project(Path(root))
    language = next(language for language in project.editions if language.tag == tag)
    try:
        run = run_sphinx(edition_job(project, language, defines))
    except EditionsError as error:
        return EditionResult(tag, False, time.monotonic() - started, error=str(error))
    if run.status != 0:
        return EditionResult(
            tag,
            False,
            time.monotonic() - started,
            run.warnings,
            error=f"Sphinx failed to build the '{tag}' edition",
        )
    publish(work_dir(project, language) / "html", published_dir(project.build_dir) / tag)
    return EditionResult(tag, True, time.monotonic() - started, run.warnings, rebuilt=run.built)


def edition_job(project: Project, language: Language, defines: dict[str, str]) -> SphinxJob:
    """The Sphinx build of one edition, with its catalogs compiled first."""
    overrides: dict[str, object] = {**defines, "language": language.gettext, "gettext_compact": 0}
    if language != project.source_language:
        compiled = compile_language(project, language)
        overrides["locale_dirs"] = [str(compiled.locale_dir)]
    if language.search_language:
        overrides["html_search_language"] = language.search_language
    folder = work_dir(project, language)
    return SphinxJob(
        builder="html",
        source_dir=project.source_dir,
        output_dir=folder / "html",
        doctree_dir=folder / "doctrees",
        overrides=overrides,
    )
