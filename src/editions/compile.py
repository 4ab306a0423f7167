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

Validating and checking a catalog costs a msgfmt process and two readings: a
catalog whose ``.po`` (size, mtime) and compiled outputs are those recorded at
its last successful compilation, under the same rules (Editions' code,
``allowed-urls``, the gettext tools), is not compiled again; its recorded
withheld findings stand.  A broken catalog is never recorded, so it fails its
language on every build until it is fixed.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import babel
import docutils
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from editions import incremental
from editions.catalogs import THEME_DOMAIN, catalog_paths, render_catalog
from editions.checks import CheckSettings, settings_from
from editions.checks.runner import Verdict, judge_file
from editions.declaration import Language, Project
from editions.errors import EditionsError
from editions.files import write_atomically, write_if_changed
from editions.findings import Finding
from editions.javascript_catalog import write_javascript_catalog
from editions.layout import domain_of, language_folder
from editions.safety import EnglishReadings

WITHHELD_FILE = "withheld.json"
# What each catalog was compiled from and into, for skipping the unchanged ones.
RECORD_FILE = "compiled.json"
# The readings of the English texts, one file per language that parsed some (never two writers).
ENGLISH_LINKS_DIR = "english-links"


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
    rules = _rules_fingerprint(project, language)
    settings: CheckSettings | None = None  # made when a catalog is first judged
    previous = _read_record(target, rules)
    record: dict[str, dict[str, Any]] = {}
    changed, withheld, broken, domains = [], [], [], set()
    for path in catalog_paths(source):
        domain = domain_of(path, source)
        kept = _kept_findings(previous.get(domain), path, target, domain)
        if kept is not None:
            record[domain] = previous[domain]
            domains.add(domain)
            withheld.extend(kept)
            continue
        stamp = _stamp_if_readable(path)  # before reading: a later change is seen next time
        settings = settings or _build_settings(project)
        verdict = judge_file(path, settings)
        if verdict.refused or verdict.catalog.catalog is None:
            broken.append("\n".join(str(finding) for finding in verdict.refused))
            continue  # and not recorded: it fails again until fixed
        domains.add(domain)
        catalog = verdict.catalog.catalog
        found = withhold(catalog, verdict)
        withheld.extend(found)
        if _write_compiled(catalog, target, domain, None if found else path):
            changed.append(domain)
        outputs = [f"{domain}.po", f"{domain}.mo"]
        if domain == THEME_DOMAIN:
            write_javascript_catalog(catalog, language, target)
            outputs.append("sphinx.js")
        if stamp is None:
            continue  # it vanished after reading: compile it again next time
        record[domain] = {
            "path": str(path),
            "source": stamp,
            "outputs": {name: _stamp(target / name) for name in outputs},
            "withheld": [finding.to_json() for finding in found],
        }
    if settings is not None and settings.english is not None:
        _save_english_links(project, language, settings.english)
    # Recorded even when a catalog is broken: the valid ones need no new check once it is fixed.
    write_atomically(
        target / RECORD_FILE, json.dumps({"rules": rules, "catalogs": record}).encode("utf-8")
    )
    if broken:
        raise EditionsError(
            f"the '{language.tag}' edition is not built, its published version is kept:\n"
            + "\n".join(broken)
        )
    _remove_orphans(target, domains)
    write_if_changed(target / WITHHELD_FILE, _findings_json(withheld))
    return CompiledCatalogs(changed, withheld)


def _read_english_links(project: Project) -> EnglishReadings:
    """The English readings parsed by every language compiled so far."""
    known: dict[str, list[list[Any]]] = {}
    for path in sorted((compiled_locale_dir(project) / ENGLISH_LINKS_DIR).glob("*.json")):
        known.update(_english_links_file(path))
    return EnglishReadings(known)


def _save_english_links(project: Project, language: Language, links: EnglishReadings) -> None:
    """Save every link ``language`` knows, if it parsed some, for the languages after it.

    In its own file: two workers never write the same one.
    """
    if not links.grown:
        return
    path = compiled_locale_dir(project) / ENGLISH_LINKS_DIR / f"{language.tag}.json"
    data = {"rules": _english_links_fingerprint(), "links": links.known}
    write_atomically(path, json.dumps(data).encode("utf-8"), durable=False)


def _english_links_file(path: Path) -> dict[str, list[list[Any]]]:
    """The readings saved in ``path`` by the same code and docutils; none if not, or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        links: dict[str, list[list[Any]]] = data["links"]
        valid = data["rules"] == _english_links_fingerprint() and all(
            EnglishReadings.valid(reading) for reading in links.values()
        )
        return links if valid else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # the texts are parsed again


@lru_cache(maxsize=1)
def _english_links_fingerprint() -> str:
    """What the reading of a text depends on: Editions' code and docutils."""
    return incremental.fingerprint([incremental.PACKAGE_DIR], ["links", docutils.__version__])


def withheld_findings(project: Project, language: Language) -> list[Finding]:
    """The translations left out at the last compilation of ``language`` (none if never built)."""
    path = language_folder(compiled_locale_dir(project), language) / WITHHELD_FILE
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return [_finding_of(record) for record in records]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _finding_of(record: dict[str, Any]) -> Finding:
    return Finding(Path(record["path"]), record["line"], record["check"], record["message"])


def _rules_fingerprint(project: Project, language: Language) -> str:
    """What, besides the catalog itself, shapes its compiled form and its findings."""
    settings = [
        language.tag,
        sorted(project.settings.allowed_urls),
        sorted(project.settings.disabled_checks),
        babel.__version__,
        docutils.__version__,
    ]
    return incremental.fingerprint([incremental.PACKAGE_DIR], settings)


def _read_record(target: Path, rules: str) -> dict[str, dict[str, Any]]:
    """The catalogs recorded at the last compilation, if made under the same ``rules``."""
    try:
        data = json.loads((target / RECORD_FILE).read_text(encoding="utf-8"))
        if data["rules"] != rules:
            return {}
        catalogs: dict[str, dict[str, Any]] = data["catalogs"]
        return catalogs
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _kept_findings(
    entry: dict[str, Any] | None, path: Path, target: Path, domain: str
) -> list[Finding] | None:
    """The recorded findings of ``path`` if its last compilation stands, else None.

    It stands if the catalog is unchanged and every output is as it was written
    (neither deleted nor edited since).
    """
    if entry is None:
        return None
    try:
        outputs: dict[str, list[int]] = entry["outputs"]
        unchanged = (
            entry["path"] == str(path)
            and _stamp(path) == entry["source"]
            and {f"{domain}.po", f"{domain}.mo"} <= outputs.keys()
            and all(_stamp(target / name) == stamp for name, stamp in outputs.items())
        )
        return [_finding_of(item) for item in entry["withheld"]] if unchanged else None
    except (OSError, KeyError, TypeError, AttributeError):
        return None  # a damaged record: compile again


def _stamp_if_readable(path: Path) -> list[int] | None:
    """None for a dangling link or a file gone: reading it then says what is wrong."""
    try:
        return _stamp(path)
    except OSError:
        return None


def _stamp(path: Path) -> list[int]:
    """Size and modification time, what Sphinx itself trusts (a list: it goes through JSON)."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def _build_settings(project: Project) -> CheckSettings:
    """The checks as ``editions check`` runs them on the project, with the shared English."""
    return replace(settings_from(project), english=_read_english_links(project))


def withhold(catalog: Catalog, verdict: Verdict) -> list[Finding]:
    """Leave out of ``catalog`` each message the gate withheld; its findings, for the reader."""
    findings = []
    for message, errors in verdict.withheld:
        catalog.delete(message.id, context=message.context)
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


def _write_compiled(catalog: Catalog, target: Path, domain: str, unfiltered: Path | None) -> bool:
    """Write the compiled catalog (and the .po Sphinx looks for); True if the .mo changed.

    ``unfiltered`` is the translators' .po when nothing was withheld from it.
    """
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    # The .po beside it is the filtered one: if Sphinx ever recompiles it, the
    # unsafe translations stay out.  With nothing withheld, that is the .po itself;
    # otherwise the one writer writes it.
    po_data = unfiltered.read_bytes() if unfiltered is not None else render_catalog(catalog)
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


def _findings_json(findings: list[Finding]) -> bytes:
    return json.dumps([finding.to_json() for finding in findings], indent=1).encode("utf-8")
