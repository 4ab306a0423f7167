"""Fixtures: small publications under tests/roots/, copied and built for real."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from playwright.sync_api import Browser, sync_playwright

from editions import compile as compile_module
from editions.checks import CheckSettings
from editions.checks.runner import Verdict, judge_file
from editions.cli import main
from editions.compile import babel_catalog, withhold
from editions.declaration import Language, Project, load_project
from editions.findings import Finding

# Set by .ci/run: there every test must run. A test that skips there (no corpus beside
# the clone, no Chromium, no npm for axe-core) fails instead, saying why it could not run.
EVERY_TEST_RUNS = os.environ.get("EDITIONS_EVERY_TEST_RUNS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if EVERY_TEST_RUNS and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped where every test must run (EDITIONS_EVERY_TEST_RUNS): {reason}"


ROOTS = Path(__file__).parent / "roots"
# Debian's Chromium, driven by Playwright (never a downloaded browser), in this sandbox.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPOSITORY = Path(__file__).parent.parent
SHARED = REPOSITORY.parent / "shared"


def through_the_gate(catalog: Catalog, path: Path) -> tuple[Catalog, list[Finding]]:
    """Write a Babel ``catalog`` to ``path``, judge it as the build does, withhold what fails.

    Returns the catalog the build would compile and the findings of what it withheld.
    """
    with path.open("wb") as po:
        write_po(po, catalog)
    verdict = judge_file(path, CheckSettings())
    compiled = babel_catalog(verdict)
    assert compiled is not None, verdict.refused
    return compiled, withhold(compiled, verdict)


@dataclass
class CliResult:
    """What a run of the ``editions`` command did: exit code and printed text."""

    code: int
    out: str
    err: str


def copy_publication(target: Path) -> Path:
    """Copy the real publication (sources, catalogs, declaration) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ("source", "locale"):
        shutil.copytree(REPOSITORY / part, target / part)
    shutil.copy2(REPOSITORY / "pyproject.toml", target / "pyproject.toml")
    return target


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root (or ``"publication"``, the real one) into a fresh folder."""

    def copy(name: str = "test-basic") -> Path:
        target = tmp_path / name
        if name == "publication":
            return copy_publication(target)
        shutil.copytree(ROOTS / name, target)
        return target

    return copy


@pytest.fixture
def spanish(make_project: Callable[[str], Path]) -> tuple[Project, Language]:
    """tests/roots/test-basic, copied, and its Spanish edition."""
    project = load_project(make_project("test-basic"))
    return project, next(lang for lang in project.editions if lang.tag == "es")


def catalogs_judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the catalogs compile_language judges (reads and checks) from now on."""
    judged: list[str] = []
    judge = compile_module.judge_file

    def spy(path: Path, settings: CheckSettings) -> Verdict:
        judged.append(path.name)
        return judge(path, settings)

    monkeypatch.setattr(compile_module, "judge_file", spy)
    return judged


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real publication, every edition built once for the run: read it, never change it."""
    root = copy_publication(tmp_path_factory.mktemp("publication"))
    assert main(["--project", str(root), "build"]) == 0
    return root / "build" / "html"


@pytest.fixture(scope="session")
def notices_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-notices (a story partly translated), built once: never change it."""
    root = tmp_path_factory.mktemp("notices") / "test-notices"
    shutil.copytree(ROOTS / "test-notices", root)
    assert main(["--project", str(root), "build"]) == 0
    return root / "build" / "html"


@pytest.fixture(autouse=True)
def _user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's own user cache: what a command keeps there never reaches another test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


@pytest.fixture
def editions(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run the real ``editions`` command line in this process."""

    def run(*args: str | Path) -> CliResult:
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit:  # argparse refuses bad options so
            code = int(exit.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def built_project(make_project: Callable[[str], Path], editions: Callable[..., CliResult]) -> Path:
    """The test-basic publication, built once for the test."""
    root = make_project("test-basic")
    result = editions("--project", root, "build")
    assert result.code == 0, result.err
    return root


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the run: each test opens its own context."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


AXE_VERSION = "4.14.1"


@pytest.fixture(scope="session")
def axe_script(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """axe-core's script, installed once with npm into pytest's cache (kept between runs)."""
    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider
    folder = cache.mkdir("axe-core") if cache else tmp_path_factory.mktemp("axe-core")
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("the accessibility test needs npm to install axe-core")
        install = [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder)]
        done = subprocess.run([*install, f"axe-core@{AXE_VERSION}"], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"npm could not install axe-core: {done.stderr.decode()[-300:]}")
    return script.read_text(encoding="utf-8")
