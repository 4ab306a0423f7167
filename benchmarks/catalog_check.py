"""`editions check` against sphinx-lint, `editions format --check` against powrap, side by side.

Each tool runs as a command over the python-docs-fr corpus, the runs of all tools taking turns
(a shared machine drifts: turns make the drift weigh on each alike); the figures are the median
wall time and the median CPU time (user + system of the command and its children), and the
ratios are those of the medians measured in the same run.

``editions check`` keeps each catalog's verdict between runs (:mod:`editions.checks.records`),
so it is measured three times: a first run, with an empty cache each time (what a fresh clone
or a CI without a cache pays); a run again with nothing changed; and a run after a translator
edited one catalog (a copy of the corpus whose ``library/functions.po``, one of its largest,
gets a new line before each run).  Every command runs outside any project, in an empty
folder, with its own user cache.

``python -m benchmarks.catalog_check [--runs N]`` prints the figures; ``measure()`` returns
them.  Skips, saying so, when the corpus (../shared/corpora/python-docs-fr) is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from editions.catalogs import catalog_paths

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "python-docs-fr"
BIN = Path(sys.executable).parent
# (ours, theirs): each pair is compared by the ratio of their medians.
FIRST, AGAIN = "editions check (first run)", "editions check (again)"
EDITED = "editions check (one catalog edited)"
EDITED_CATALOG = Path("library", "functions.po")
PAIRS = [
    (FIRST, "sphinx-lint"),
    (AGAIN, "sphinx-lint"),
    (EDITED, "sphinx-lint"),
    ("editions format --check", "powrap --check"),
]


def commands(corpus: Path) -> dict[str, list[str]]:
    """The commands compared, by name; a tool that is not installed is left out."""
    files = [str(path) for path in catalog_paths(corpus)]
    found = {
        FIRST: [str(BIN / "editions"), "check", "--json", str(corpus)],
        AGAIN: [str(BIN / "editions"), "check", "--json", str(corpus)],
        "sphinx-lint": [str(BIN / "sphinx-lint"), str(corpus)],
        "editions format --check": [str(BIN / "editions"), "format", "--check", str(corpus)],
        "powrap --check": [str(BIN / "powrap"), "--check", "--quiet", *files],
    }
    if shutil.which("msgfmt"):
        # msgfmt checks one catalog per process: a shell loop, as a CI script would.
        loop = 'for f in "$@"; do msgfmt --check -o /dev/null "$f" || true; done'
        found["msgfmt --check (each file)"] = ["sh", "-c", loop, "sh", *files]
    return {name: command for name, command in found.items() if Path(command[0]).exists()
            or command[0] == "sh"}  # fmt: skip


def measure(corpus: Path = CORPUS, runs: int = 3) -> dict[str, Any]:
    """Median seconds (wall and CPU) of each tool, the ratios, and what `check` found."""
    if not corpus.is_dir():
        return {"skipped": f"the python-docs-fr corpus is not in {corpus}"}
    tools = commands(corpus)
    wall: dict[str, list[float]] = {name: [] for name in tools}
    cpu: dict[str, list[float]] = {name: [] for name in tools}
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder, "corpus")
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".*"))
        tools[EDITED] = [*tools[AGAIN][:-1], str(copy)]
        wall[EDITED], cpu[EDITED] = [], []
        # The caches the runs "again" and "edited" find, warmed by a first run each.
        kept = {AGAIN: Path(folder, "kept"), EDITED: Path(folder, "kept-edited")}
        for name, cache in kept.items():
            _run(tools[name], Path(folder), cache)
        for run in range(runs):
            for name, command in tools.items():  # in turns
                if name == EDITED:
                    with (copy / EDITED_CATALOG).open("a", encoding="utf-8") as catalog:
                        catalog.write(f"# edited {run}\n")
                cache = kept.get(name, Path(folder, f"empty-{run}-{name}"))
                seconds, cpu_seconds, outputs[name] = _run(command, Path(folder), cache)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    results: dict[str, Any] = {"catalogs": len(list(catalog_paths(corpus))), "runs": runs}
    for name in tools:
        results[name] = {
            "wall seconds": round(statistics.median(wall[name]), 2),
            "cpu seconds": round(statistics.median(cpu[name]), 2),
        }
    for ours, theirs in PAIRS:
        if ours in tools and theirs in tools:
            results[f"{ours} / {theirs}"] = {
                "wall": round(statistics.median(wall[ours]) / statistics.median(wall[theirs]), 2),
                "cpu": round(statistics.median(cpu[ours]) / statistics.median(cpu[theirs]), 2),
            }
    if FIRST in outputs:
        results["editions check findings"] = _findings_by_check(outputs[FIRST])
        results["the same findings again"] = outputs[FIRST] == outputs.get(AGAIN)
    return results


def _run(command: list[str], folder: Path, cache: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the command's processes, and what it printed.

    Run in ``folder`` (outside any project), with ``cache`` as the user's cache.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    environment = os.environ | {"LANG": "C.UTF-8", "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=folder)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, done.stdout


def _findings_by_check(output: str) -> dict[str, int]:
    try:
        findings = json.loads(output)["findings"]
    except (ValueError, KeyError, TypeError):
        return {}
    counted = Counter(f"{item['check']} ({item['severity']})" for item in findings)
    return dict(sorted(counted.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    print(json.dumps(measure(runs=parser.parse_args().runs), indent=2))


if __name__ == "__main__":
    main()
