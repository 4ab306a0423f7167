"""Run the registered checks over catalogs, in parallel, and collect sorted findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from editions.catalogs import expand_catalog_paths
from editions.checks import rst
from editions.checks.pofile import CatalogFile, load
from editions.checks.records import Verdicts
from editions.checks.registry import REGISTRY, catalog_check
from editions.checks.settings import CheckSettings
from editions.findings import ERROR, WARNING, Finding
from editions.pofile import DUPLICATE, SYNTAX, PoEntry

# Below this many catalogs, starting worker processes costs more than it saves.
_PARALLEL_FROM = 40
_CHUNK = 16


@dataclass(frozen=True)
class CheckReport:
    """Every finding over the checked catalogs, sorted by file and line."""

    findings: list[Finding]
    catalogs: int

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == WARNING)

    def to_json(self) -> dict[str, Any]:
        return {
            "catalogs": self.catalogs,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [finding.to_json() for finding in self.findings],
        }


@catalog_check("syntax", "what msgfmt --check rejects: strings, escapes, keywords, UTF-8")
def check_syntax(catalog: CatalogFile) -> Iterator[Finding]:
    return (finding for finding in catalog.problems if finding.check == SYNTAX)


@catalog_check("duplicate", "two entries with the same msgctxt and msgid")
def check_duplicate(catalog: CatalogFile) -> Iterator[Finding]:
    return (finding for finding in catalog.problems if finding.check == DUPLICATE)


def check_paths(
    paths: Iterable[Path],
    settings: CheckSettings,
    jobs: int | None = None,
    verdicts: Verdicts | None = None,
) -> CheckReport:
    """Check every catalog in ``paths`` (files or folders).

    With ``verdicts``, a catalog whose recorded verdict stands is not judged again.
    """
    files = list(expand_catalog_paths(paths))
    results: dict[Path, list[Finding]] = {}
    if verdicts is not None:
        for path in files:
            if (recorded := verdicts.findings(path, verdicts.inputs(path))) is not None:
                results[path] = recorded
    unjudged = [path for path in files if path not in results]
    workers = min(jobs or os.cpu_count() or 1, max(1, len(unjudged) // _CHUNK))
    check = partial(_findings_and_digest, settings=settings)
    if workers > 1 and len(unjudged) >= _PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            judged = list(pool.map(check, unjudged, chunksize=_CHUNK))
    else:
        judged = [check(path) for path in unjudged]
    for path, (findings, digest) in zip(unjudged, judged, strict=True):
        results[path] = findings
        if verdicts is not None:
            verdicts.put(path, verdicts.judged_inputs(path, digest), findings)
    if verdicts is not None:
        verdicts.save()
    findings = sorted(finding for result in results.values() for finding in result)
    return CheckReport(findings, len(files))


# Broken markup loses what it held: the references it breaks are the same mistake.
_CONSEQUENCES = {"rst-markup": frozenset({"references"})}


def _one_per_mistake(findings: list[Finding]) -> list[Finding]:
    """A message's findings without those that only repeat another's mistake."""
    found = {finding.check for finding in findings}
    repeated = {check for cause in found for check in _CONSEQUENCES.get(cause, ())}
    return [finding for finding in findings if finding.check not in repeated]


def _findings_and_digest(path: Path, settings: CheckSettings) -> tuple[list[Finding], str | None]:
    """The findings on one catalog and the digest of the bytes judged (None if unread)."""
    verdict = judge_file(path, settings)
    return verdict.findings, verdict.catalog.digest


@dataclass
class Verdict:
    """The one gate's verdict on one catalog: ``editions check`` prints it, the build obeys it.

    An error of a catalog check (syntax, header, Plural-Forms) refuses the whole catalog, so
    its edition is not built; an error of a message check withholds that message, so its
    paragraph shows the English; warnings change nothing.  Both commands take the verdict
    from here, so they cannot disagree.
    """

    catalog: CatalogFile
    refused: list[Finding] = field(default_factory=list)
    withheld: list[tuple[PoEntry, list[Finding]]] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        withheld = [finding for _, findings in self.withheld for finding in findings]
        return sorted([*self.refused, *withheld, *self.warnings])


def judge_file(path: Path, settings: CheckSettings) -> Verdict:
    """Run every enabled check of the registry on one catalog."""
    catalog = load(path, settings)
    verdict = Verdict(catalog)
    checks = [check for name, check in REGISTRY.items() if settings.runs(name)]
    for check in checks:
        if check.on_catalog is not None:
            for finding in check.on_catalog(catalog):
                _sort_into(verdict.refused, verdict.warnings, finding)
    on_message = [check.on_message for check in checks if check.on_message is not None]
    for entry in catalog.messages:
        found = [each for function in on_message for each in function(catalog, entry)]
        errors: list[Finding] = []
        for finding in _one_per_mistake(found):
            _sort_into(errors, verdict.warnings, finding)
        if errors:
            verdict.withheld.append((entry, errors))
    rst.clear_caches()
    return verdict


def _sort_into(errors: list[Finding], warnings: list[Finding], finding: Finding) -> None:
    (errors if finding.severity == ERROR else warnings).append(finding)
