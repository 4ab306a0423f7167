"""Time `editions status` on python-docs-fr against potodo on the same 481 catalogs.

``python benchmarks/catalog_status.py`` prints the figures; ``measure()`` returns them.
Both tools run as commands, interpreter start included, on a scratch copy of the corpus
(potodo keeps its cache beside the catalogs, and the corpus is read-only): cold (no
cache) and repeated (each tool's own cache).  Skips, saying so, without the corpus.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "python-docs-fr"
RUNS = 5


def measure(corpus: Path = CORPUS, runs: int = RUNS) -> dict[str, Any]:
    """Median seconds of each tool, cold and repeated, and the ratios; or why it was skipped."""
    if not corpus.is_dir():
        return {"skipped": f"the python-docs-fr corpus is not in {corpus}"}
    potodo = Path(sys.executable).with_name("potodo")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "python-docs-fr"
        # Without its .potodo folder: that cache holds absolute paths into the original corpus,
        # which potodo then reads (even with --no-cache) and fails on as outside the copy.
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".potodo"))
        cache = Path(scratch) / "cache"
        environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
        editions = [sys.executable, "-m", "editions.cli", "status", str(copy)]

        def clear_ours() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        results: dict[str, Any] = {"catalogs": sum(1 for _ in copy.rglob("*.po"))}
        results.update(_in_process(copy, Path(scratch) / "library-cache.json"))
        results["editions status, cold"] = _median(editions, environment, runs, clear_ours)
        _run(editions, environment)  # fills the cache
        results["editions status, repeated"] = _median(editions, environment, runs)
        if potodo.exists():
            command = [str(potodo), "--no-cache", str(copy)]
            results["potodo, cold"] = _median(command, environment, runs)
            cached = [str(potodo), str(copy)]
            _run(cached, environment)
            results["potodo, repeated"] = _median(cached, environment, runs)
            for kind in ("cold", "repeated"):
                ours = results[f"editions status, {kind}"]
                theirs = results[f"potodo, {kind}"]
                results[f"potodo / editions, {kind}"] = round(theirs / ours, 1)
        else:
            results["potodo"] = "not installed: pip install potodo"
    return results


def _in_process(corpus: Path, cache: Path) -> dict[str, float]:
    """The library alone (status.collect and the table), without starting Python."""
    from editions import status

    def once() -> float:
        start = time.perf_counter()
        status.render_table(status.summarise(status.collect([corpus], cache)))
        return round(time.perf_counter() - start, 3)

    return {"status.collect + table, cold": once(), "status.collect + table, repeated": once()}


def _median(
    command: list[str], environment: dict[str, str], runs: int, before: Any = None
) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(_run(command, environment))
    return round(statistics.median(times), 3)


def _run(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
