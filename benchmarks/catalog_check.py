"""Time `editions check` on python-docs-fr against `msgfmt --check` and sphinx-lint.

``python benchmarks/catalog_check.py`` prints the figures; ``measure()`` returns them.
Skips, saying so, when the corpus (../shared/corpora/python-docs-fr) is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from editions import safety
from editions.catalogs import catalog_paths
from editions.checks import CheckSettings, check_paths

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "python-docs-fr"


def measure(corpus: Path = CORPUS) -> dict[str, Any]:
    """Seconds and findings of each tool over the corpus; ``{"skipped": why}`` without it."""
    if not corpus.is_dir():
        return {"skipped": f"the python-docs-fr corpus is not in {corpus}"}
    files = list(catalog_paths(corpus))
    results: dict[str, Any] = {"catalogs": len(files)}
    results["editions check"] = _time_check(corpus, CheckSettings())
    without_safety = CheckSettings(disabled=frozenset(safety.RULES))
    results["editions check, without safety rules"] = _time_check(corpus, without_safety)
    if shutil.which("msgfmt"):
        results["msgfmt --check (each file, 2 at a time)"] = _time_msgfmt(files)
    sphinx_lint = Path(sys.executable).with_name("sphinx-lint")
    if sphinx_lint.exists():
        results["sphinx-lint"] = _time_command([str(sphinx_lint), str(corpus)])
    return results


def _time_check(corpus: Path, settings: CheckSettings) -> dict[str, Any]:
    start = time.perf_counter()
    report = check_paths([corpus], settings)
    seconds = time.perf_counter() - start
    by_check = Counter(f"{finding.check} ({finding.severity})" for finding in report.findings)
    return {"seconds": round(seconds, 2), "findings": dict(sorted(by_check.items()))}


def _time_msgfmt(files: list[Path]) -> dict[str, Any]:
    def one(path: Path) -> int:
        command = ["msgfmt", "--check", "-o", "/dev/null", str(path)]
        return subprocess.run(command, capture_output=True).returncode

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = sum(1 for code in pool.map(one, files) if code)
    return {"seconds": round(time.perf_counter() - start, 2), "files rejected": failures}


def _time_command(command: list[str]) -> dict[str, Any]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    problems = sum(1 for line in done.stdout.splitlines() if line.strip())
    return {"seconds": round(time.perf_counter() - start, 2), "findings": problems}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
