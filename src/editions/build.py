"""``editions build``: every language edition, side by side, each published only if it built."""

from __future__ import annotations

import os
import time
from concurrent.futures import Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from editions import derived
from editions.chrome_words import describe, describe_name, missing_words, theme_catalog_path
from editions.compile import compile_language, compiled_locale_dir
from editions.dashboard import write_dashboard
from editions.declaration import Language, Project, load_project
from editions.errors import EditionsError, cannot_write
from editions.landing import write_landing, write_not_found
from editions.layout import language_folder
from editions.publish import build_lock, parent_is_alive, publish, published_dir, published_editions
from editions.sitemap import missing_base_url, write_sitemap
from editions.sphinx_runner import SphinxJob, one_build_process, run_sphinx, worker_pool


@dataclass(frozen=True)
class EditionResult:
    """How one edition's build went."""

    tag: str
    ok: bool
    seconds: float
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    rebuilt: list[str] = field(default_factory=list)
    # Translations left out as unsafe (``path:line: [check] message``): `--strict` fails on them.
    withheld: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildReport:
    """Every edition's result and the landing page written."""

    editions: list[EditionResult]
    landing_page: Path
    # What the whole site lacks (said once, not per edition), e.g. no base-url.
    warnings: list[str] = field(default_factory=list)

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
    with build_lock(project.build_dir):
        results = [
            unchanged_edition(lang, withheld)
            for lang in languages
            if (withheld := published_withheld(project, lang, defines)) is not None
        ]
        stale = [lang for lang in languages if lang.tag not in {r.tag for r in results}]
        building = tuple(language.tag for language in stale)
        with worker_pool(max(1, min(jobs, len(stale)))) as pool:
            futures = {
                pool.submit(
                    _build_in_worker, str(project.root), language.tag, defines or {}, building
                ): language.tag
                for language in stale
            }
            try:
                write_dashboard(project)  # meanwhile: it reads only the catalogs
            except OSError as error:
                raise cannot_write(error, published_dir(project.build_dir)) from None
            for future in as_completed(futures):
                results.append(_result_of(future, futures[future], project.build_dir))
        order = [language.tag for language in languages]
        results.sort(key=lambda result: order.index(result.tag))
        landing = write_site_pages(project)
    site_warnings = [warning for warning in [missing_base_url(project)] if warning]
    site_warnings += chrome_warnings(project, languages)
    return BuildReport(editions=results, landing_page=landing, warnings=site_warnings)


def chrome_warnings(project: Project, languages: tuple[Language, ...]) -> list[str]:
    """Which words of the page chrome each edition will show in English (not an error)."""
    warnings = []
    for language in languages:
        if language != project.source_language:
            missing = missing_words(project.locale_dir, language)
            catalog = theme_catalog_path(project.locale_dir, language)
            if catalog.is_relative_to(project.root):
                catalog = catalog.relative_to(project.root)
            warnings += describe(language, missing, catalog)
            warnings += describe_name(project, language)
    return warnings


def write_site_pages(project: Project) -> Path:
    """The landing page, the root 404 page and the sitemap, of the editions published now."""
    try:
        tags = published_editions(project.build_dir, [lang.tag for lang in project.editions])
        editions = [language for language in project.editions if language.tag in tags]
        landing = write_landing(project, editions)
        write_not_found(project, editions)
        write_sitemap(project, editions)
    except OSError as error:
        raise cannot_write(error, published_dir(project.build_dir)) from None
    return landing


def _result_of(future: Future[EditionResult], tag: str, build_dir: Path) -> EditionResult:
    """The worker's result, or a failure if the worker itself failed (full disk, killed)."""
    try:
        return future.result()
    except OSError as error:  # a full disk, most often
        return EditionResult(tag, False, 0.0, error=str(cannot_write(error, build_dir)))
    except Exception as error:  # anything a worker raised must fail its edition, not the run
        reason = str(error) or type(error).__name__
        return EditionResult(tag, False, 0.0, error=f"the build of '{tag}' stopped ({reason})")


def _build_in_worker(
    root: str, tag: str, defines: dict[str, str], building: tuple[str, ...]
) -> EditionResult:
    """:func:`build_edition` in a worker process, which ends with it."""
    with one_build_process():
        return build_edition(root, tag, defines, building)


def build_edition(
    root: str, tag: str, defines: dict[str, str], building: tuple[str, ...] = ()
) -> EditionResult:
    """Build and publish one edition; runs in a worker process.

    ``building`` are the editions built in the same run: this one links to their
    version of every page, as they are made from the same sources.
    """
    started = time.monotonic()
    project = load_project(Path(root))
    language = next(language for language in project.editions if language.tag == tag)
    # Taken before the build: an input changed during the build makes the next run build again.
    record = edition_record(project, language)
    inputs = edition_inputs(project, language, defines, record)
    last = record.stored(language.tag)
    record.forget_other_files()
    record.drop(language.tag)
    record.save()
    # Present while Sphinx writes: a killed build may leave half-written pages that
    # Sphinx would take as up to date, so the next build after one starts afresh.
    unfinished = work_dir(project, language) / ".unfinished"
    fresh = unfinished.exists() or (inputs is not None and _unseen_by_sphinx(last, inputs.sources))
    unfinished.parent.mkdir(parents=True, exist_ok=True)
    unfinished.touch()
    try:
        withheld = [str(f) for f in compile_language(project, language).withheld]
        run = run_sphinx(edition_job(project, language, defines, building, fresh=fresh))
        built = time.time_ns()
    except EditionsError as error:
        return EditionResult(tag, False, time.monotonic() - started, error=str(error))
    except UnicodeDecodeError:  # Sphinx stops, without naming the file, on a non-UTF-8 source
        return EditionResult(
            tag, False, time.monotonic() - started, error=_undecodable_source(project.source_dir)
        )
    if run.status != 0:
        return EditionResult(
            tag,
            False,
            time.monotonic() - started,
            run.warnings,
            error=f"Sphinx failed to build the '{tag}' edition",
        )
    unfinished.unlink()
    if not parent_is_alive():
        # The `editions build` that asked for this edition was killed: publish nothing.
        return EditionResult(tag, False, time.monotonic() - started, error="the build was stopped")
    try:
        publish(work_dir(project, language) / "html", published_dir(project.build_dir) / tag)
    except EditionsError as error:
        return EditionResult(tag, False, time.monotonic() - started, error=str(error))
    if inputs is not None:  # an input could not be read: the next run builds again
        value = {"withheld": withheld, "sources": inputs.sources, "built": built}
        record.put(language.tag, inputs.digest, value)
        record.save(durable=True)
    return EditionResult(
        tag, True, time.monotonic() - started, run.warnings, rebuilt=run.built, withheld=withheld
    )


def _undecodable_source(source_dir: Path) -> str:
    for path in sorted(source_dir.rglob("*.rst")):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            return f"{path}:{line}: not valid UTF-8; save the file as UTF-8 in your editor"
    return f"{source_dir}: a source file is not valid UTF-8; save it as UTF-8"


def unchanged_edition(language: Language, withheld: list[str]) -> EditionResult:
    """The result of an edition skipped because none of its inputs changed."""
    return EditionResult(language.tag, True, 0.0, withheld=withheld)


def published_withheld(
    project: Project, language: Language, defines: dict[str, str] | None
) -> list[str] | None:
    """What the published edition withheld, if it was built from exactly the present inputs.

    None if it must be built: never published, or an input changed since.
    """
    if not (published_dir(project.build_dir) / language.tag / "index.html").is_file():
        return None
    record = edition_record(project, language)  # read only: its worker alone writes it
    inputs = edition_inputs(project, language, defines, record)
    value = record.get(language.tag, inputs.digest if inputs is not None else None)
    withheld = value.get("withheld") if isinstance(value, dict) else None
    if not isinstance(withheld, list) or not all(isinstance(item, str) for item in withheld):
        return None  # none, or damaged: built again
    return withheld


@dataclass(frozen=True)
class EditionInputs:
    """The digest of all an edition is built from, and of each of its source files."""

    digest: str
    sources: dict[str, str]


def edition_inputs(
    project: Project, language: Language, defines: dict[str, str] | None, known: derived.Records
) -> EditionInputs | None:
    """What an edition is built from: the sources, its own catalogs, the settings, the code.

    Every catalog the edition reads is under its language folder (the source
    language's included); Editions' own words ship in its package, in the code's digest.
    None if an input cannot be read: the edition is built, and says what is wrong.
    ``known``: the edition's record, whose remembered file digests serve.
    """
    try:
        sources = derived.file_digests([project.source_dir], known, project.root)
        others = derived.file_digests(
            [project.root / "pyproject.toml", language_folder(project.locale_dir, language)],
            known,
            project.root,
        )
    except OSError:
        return None
    settings = [derived.code_version(), language.tag, defines or {}]
    return EditionInputs(derived.combined({**sources, **others}, settings), sources)


def _unseen_by_sphinx(last: object, sources: dict[str, str]) -> bool:
    """Whether a source's bytes changed since the last publication under a time Sphinx trusts.

    Sphinx re-reads a page only if its file is newer than its last reading: other bytes with
    an older time (``cp -p``, an archive, a checkout) would keep the old page.
    """
    if not isinstance(last, dict):
        return False
    known, built = last.get("sources"), last.get("built")
    if not isinstance(known, dict) or not isinstance(built, int):
        return False
    for path, digest in sources.items():
        if known.get(path, digest) != digest:
            try:
                if os.stat(path).st_mtime_ns <= built:
                    return True
            except OSError:
                return True
    return False


def edition_record(project: Project, language: Language) -> derived.Records:
    """The record of the edition's last publication: its own file, written by its worker only."""
    return derived.Records(
        derived.state_dir(project.build_dir) / "editions" / f"{language.tag}.json"
    )


def edition_job(
    project: Project,
    language: Language,
    defines: dict[str, str],
    building: tuple[str, ...] = (),
    fresh: bool = False,
) -> SphinxJob:
    """The Sphinx build of one edition, reading the catalogs compiled under build/catalogs."""
    overrides: dict[str, object] = {
        **defines,
        "language": language.gettext,
        "gettext_compact": 0,
        "editions_building": list(building),
        # Only the catalogs compiled through the gate, for every edition (never locale/ itself).
        "locale_dirs": [str(compiled_locale_dir(project))],
    }
    if language.search_language:
        overrides["html_search_language"] = language.search_language
    folder = work_dir(project, language)
    return SphinxJob(
        builder="html",
        source_dir=project.source_dir,
        output_dir=folder / "html",
        doctree_dir=folder / "doctrees",
        overrides=overrides,
        fresh=fresh,
    )
