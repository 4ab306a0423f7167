"""Timing commands side by side: wall time and peak memory of each, medians of several runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Measure:
    """One scenario: the wall time of each run, and the largest resident set seen."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "median_s": round(self.median, 3),
            "runs_s": [round(s, 3) for s in self.seconds],
            "peak_mib": round(self.peak_mib, 1),
            "note": self.note,
        }


def run(command: Sequence[str | Path], cwd: Path) -> tuple[float, float]:
    """Run ``command``; return its wall time and the peak RSS (MiB) of it or any descendant.

    ``wait4`` gives the child's own resource usage, which on Linux includes its waited-for
    descendants (the edition workers), without the other runs' maximum that
    ``getrusage(RUSAGE_CHILDREN)`` would carry over.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        message = errors.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({status}):\n{message}")
    return seconds, usage.ru_maxrss / 1024


def repeat(
    name: str,
    runs: int,
    command: Callable[[], Sequence[str | Path]],
    cwd: Path,
    before: Callable[[int], object] | None = None,
) -> Measure:
    """Measure ``command`` ``runs`` times, calling ``before(i)`` (untimed) before each run."""
    return interleave([Scenario(name, command, before)], runs, cwd)[0]


@dataclass(frozen=True)
class Scenario:
    """A command to time, and what to do (untimed) before each run of it."""

    name: str
    command: Callable[[], Sequence[str | Path]]
    before: Callable[[int], object] | None = None


def interleave(scenarios: Sequence[Scenario], runs: int, cwd: Path) -> list[Measure]:
    """Run every scenario once per round, round after round, and measure each.

    A shared machine speeds up and slows down over minutes (one scenario measured
    10 % slower on its fifth run than on its first); runs taken in turn let that
    weigh on every scenario alike, so their ratios hold.
    """
    measures = [Measure(scenario.name) for scenario in scenarios]
    for index in range(runs):
        for scenario, measure in zip(scenarios, measures, strict=True):
            if scenario.before is not None:
                scenario.before(index)
            seconds, peak = run(scenario.command(), cwd)
            measure.seconds.append(seconds)
            measure.peak_mib = max(measure.peak_mib, peak)
    return measures


def timed(name: str, runs: int, function: Callable[[], object]) -> Measure:
    """Measure a function of this process (the status and check benchmarks)."""
    measure = Measure(name)
    for _ in range(runs):
        started = time.perf_counter()
        function()
        measure.seconds.append(time.perf_counter() - started)
    return measure
