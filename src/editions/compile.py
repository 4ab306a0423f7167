"""Compiling the translators' catalogs into the ones a build reads: valid and safe, or not at all.

Sphinx compiles ``.mo`` files next to the ``.po`` only when the ``.po`` is
newer, so a stale ``.mo`` (after ``cp -p`` or an archive) silently wins, and a
broken ``.po`` builds with corrupted text.  Every build therefore reads
catalogs we compiled ourselves under ``build/catalogs/``, from ``.po`` files
that gettext accepts, written only when they change so Sphinx's dependency
tracking (by modification time) re-reads only the pages whose catalog changed.

A translation that breaks the safety rules (:mod:`editions.safety`), or a theme
word that is not plain text (:mod:`editions.theme_words`), is left out of the
compiled catalog, so its paragraph shows the English, and reported.  Every
edition reads these catalogs, the source language's too: a ``locale/en/`` that
Sphinx compiled by itself would reach the English edition unchecked.

Judging a catalog costs the gate's every check: a catalog whose bytes, rules
(:func:`editions.checks.records.rules`: Editions' code, the tools, the checks' settings,
Hunspell's dictionaries) and compiled outputs are those recorded at its last successful
compilation (:mod:`editions.derived`) is not judged or compiled again; its recorded
withheld findings stand.  A broken catalog is never recorded, so it fails its language
on every build until it is fixed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from editions import derived
from editions.babel_adapter import to_babel
from editions.catalogs import THEME_DOMAIN, catalog_paths, render_catalog
from editions.checks import CheckSettings, settings_from
from editions.checks.records import rules as verdict_rules
from editions.checks.runner import Verdict, judge_file
from editions.declaration import Language, Project
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.findings import Finding
from editions.javascript_catalog import write_javascript_catalog
from editions.layout import domain_of, language_folder
from editions.safety import EnglishReadings

# What each catalog was compiled from and into, for skipping the unchanged ones: one file per
# language, under the derived state's folder.
COMPILED_RECORDS = "compiled"
# The English's parsed link readings, one file per language that parsed some (never two writers).
ENGLISH_READINGS = "english-readings"


@dataclass(frozen=True)
class CompiledCatalogs:
    """Which of a language's catalogs changed when compiled, and what was withheld."""

    changed: list[str]
    withheld: list[Finding] = field(default_factory=list)


def compiled_locale_dir(project: Project) -> Path:
    return project.build_dir / "catalogs"


def compile_language(project: Project, language: Language) -> CompiledCatalogs:
    """Validate and compile every catalog of ``language``, leaving out unsafe translations.

    Raises :class:`EditionsError` listing every broken catalog of the language:
    an edition is built from all its catalogs or not at all.
    """
    source = language_folder(project.locale_dir, language)
    if not source.is_dir() and language != project.source_language:
        # Sphinx would build the edition in English without a word.
        raise EditionsError(
            f"{source}: no catalogs for the declared language '{language.code}' in this folder; "
            f"create them with `editions update --lang {language.code}`, or move them here"
        )
    target = language_folder(compiled_locale_dir(project), language)
    records = derived.Records(_records_path(project, language))
    checks = settings_from(project)  # the checks as `editions check` runs them on the project
    rules = [language.tag, *verdict_rules(checks, records)]
    settings: CheckSettings | None = None  # with the shared English, when a catalog is judged
    changed, withheld, broken, domains = [], [], [], []
    for path in catalog_paths(source):
        domain = domain_of(path, source)
        inputs = derived.digest_or_none([path], rules, records, project.root)
        kept = _kept_findings(records, domain, inputs, target)
        if kept is not None:
            domains.append(domain)
            withheld.extend(kept)
            continue
        records.drop(domain)
        settings = settings or replace(checks, english=_read_english_readings(project))
        verdict = judge_file(path, settings)
        catalog = None if verdict.refused else babel_catalog(verdict)
        if catalog is None:
            broken.append("\n".join(str(finding) for finding in verdict.refused))
            continue  # and not recorded: it fails again until fixed
        domains.append(domain)
        found = withhold(catalog, verdict)
        withheld.extend(found)
        judged, digest = verdict.catalog, verdict.catalog.digest
        if _write_compiled(catalog, target, domain, None if found else judged.source):
            changed.append(domain)
        outputs = [f"{domain}.po", f"{domain}.mo"]
        if domain == THEME_DOMAIN:
            write_javascript_catalog(catalog, language, target)
            outputs.append("sphinx.js")
        if digest is None:
            continue
        # Recorded under the bytes judged, not those hashed before: a catalog changed while
        # it was judged, then changed back (an undo, a checkout), is compiled again.
        records.put(
            domain,
            derived.combined({str(path): digest}, rules),
            {
                "outputs": {name: records.file_digest(target / name) for name in outputs},
                "withheld": [finding.to_json() for finding in found],
            },
        )
    if settings is not None and settings.english is not None:
        _save_english_readings(project, language, settings.english)
    # Recorded even when a catalog is broken: the valid ones need no new check once it is fixed.
    records.keep_only(domains)
    records.forget_other_files()
    records.save()
    if broken:
        raise EditionsError(
            f"the '{language.tag}' edition is not built, its published version is kept:\n"
            + "\n".join(broken)
        )
    _remove_orphans(target, set(domains))
    return CompiledCatalogs(changed, withheld)


def _records_path(project: Project, language: Language) -> Path:
    return derived.state_dir(project.build_dir) / COMPILED_RECORDS / f"{language.tag}.json"


def _read_english_readings(project: Project) -> EnglishReadings:
    """The English readings parsed by every language compiled so far, by the same code."""
    known: dict[str, list[list[Any]]] = {}
    folder = derived.state_dir(project.build_dir) / ENGLISH_READINGS
    for path in sorted(folder.glob("*.json")):
        readings = derived.Records(path).get("readings", derived.code_version())
        if isinstance(readings, dict) and all(map(EnglishReadings.valid, readings.values())):
            known.update(readings)
    return EnglishReadings(known)


def _save_english_readings(project: Project, language: Language, english: EnglishReadings) -> None:
    """Save every reading ``language`` knows, if it parsed some, for the languages after it.

    In its own file: two workers never write the same one.
    """
    if not english.grown:
        return
    folder = derived.state_dir(project.build_dir) / ENGLISH_READINGS
    records = derived.Records(folder / f"{language.tag}.json")
    records.put("readings", derived.code_version(), english.known)
    records.save()


def _finding_of(record: dict[str, Any]) -> Finding:
    return Finding(Path(record["path"]), record["line"], record["check"], record["message"])


def _kept_findings(
    records: derived.Records, domain: str, inputs: str | None, target: Path
) -> list[Finding] | None:
    """The recorded findings of a catalog if its last compilation stands, else None.

    It stands if its record is valid and every output is as it was written (neither
    deleted nor edited since).
    """
    record = records.get(domain, inputs)
    if record is None:
        return None
    try:
        outputs: dict[str, str] = record["outputs"]
        if not all(records.file_digest(target / name) == value for name, value in outputs.items()):
            return None
        return [_finding_of(item) for item in record["withheld"]]
    except (OSError, KeyError, TypeError, AttributeError):
        return None  # a damaged record: compile again


def babel_catalog(verdict: Verdict) -> Catalog | None:
    """The judged catalog as Babel's, which writes the .mo and the JavaScript catalog.

    None if it could not be read, or Babel cannot read its header (the gate refuses both,
    unless their checks are disabled).
    """
    po = verdict.catalog.po
    if po is None or verdict.catalog.unreadable_header is not None:
        return None
    return to_babel(po)


def withhold(catalog: Catalog, verdict: Verdict) -> list[Finding]:
    """Leave out of ``catalog`` each message the gate withheld; its findings, for the reader."""
    findings = []
    for entry, errors in verdict.withheld:
        catalog.delete(entry.id, context=entry.context)
        findings += [
            Finding(
                error.path,
                error.line,
                error.check,
                f"{error.message}; the English is shown instead",
            )
            for error in errors
        ]
    return findings


def _write_compiled(catalog: Catalog, target: Path, domain: str, unfiltered: bytes | None) -> bool:
    """Write the compiled catalog (and the .po Sphinx looks for); True if the .mo changed.

    ``unfiltered`` is the translators' .po, as judged, when nothing was withheld from it.
    """
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    # The .po beside it is the filtered one: if Sphinx ever recompiles it, the
    # unsafe translations stay out.  With nothing withheld, that is the .po itself;
    # otherwise the one writer writes it.
    po_data = unfiltered if unfiltered is not None else render_catalog(catalog)
    # Made from the translators' .po: after a power cut the record no longer matches
    # them and they are made again, so they need not wait for the disk.
    po_written = write_if_changed(target / f"{domain}.po", po_data, durable=False)
    mo_written = write_if_changed(target / f"{domain}.mo", mo.getvalue(), durable=False)
    if po_written and not mo_written:
        # Sphinx recompiles a .mo older than its .po: keep ours the newer.
        (target / f"{domain}.mo").touch()
    return mo_written


def _remove_orphans(target: Path, domains: set[str]) -> None:
    """A catalog deleted from locale/ must not live on in its compiled copy."""
    if not target.is_dir():
        return
    for path in [*catalog_paths(target, ".po"), *catalog_paths(target, ".mo")]:
        if domain_of(path, target) not in domains:
            path.unlink(missing_ok=True)
