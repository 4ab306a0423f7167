"""`editions check` keeps each catalog's verdict: an unchanged catalog is not judged again.

The verdicts are records of the derived state (``build/.state/checked.json`` in a project,
the user's cache outside one), valid only for the very bytes, code, settings and Hunspell
dictionaries they were made from: whatever else changes, the answer is the one a first run
would give.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CliResult
from editions.checks import records, runner
from editions.findings import Finding

Run = Callable[..., CliResult]
CATALOGS = Path(__file__).parent / "catalogs" / "fr" / "LC_MESSAGES"


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    """A team's catalogs outside any project: three with findings, one without."""
    folder = tmp_path / "team" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for name in ("markup.po", "duplicate.po", "correct.po", "plural.po"):
        shutil.copy(CATALOGS / name, folder / name)
    return folder


def judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogs `editions check` judges from now on (reads and runs the checks on)."""
    names: list[str] = []
    check_file = runner.check_file

    def spy(path: Path, **settings: object) -> list[Finding]:
        names.append(path.name)
        return check_file(path, **settings)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "check_file", spy)
    return names


def check(editions: Run, folder: Path, *options: str) -> CliResult:
    """`editions check` on a team's folder (run from inside it: outside any project)."""
    return editions("check", *options, folder)


def test_a_second_run_judges_nothing_and_says_the_same(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogs)
    first = check(editions, catalogs)
    assert first.code == 1 and "[duplicate]" in first.out
    names = judged(monkeypatch)
    second = check(editions, catalogs)
    assert names == []
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)


def test_the_verdicts_are_kept_in_the_users_cache_outside_a_project(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(catalogs)
    check(editions, catalogs)
    kept = json.loads((tmp_path / "cache" / "editions" / "checked.json").read_text())
    assert sorted(Path(key).name for key in kept["records"]) == [
        "correct.po",
        "duplicate.po",
        "markup.po",
        "plural.po",
    ]


def test_new_bytes_under_the_old_times_are_judged_again(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogs)
    check(editions, catalogs)
    catalog = catalogs / "correct.po"
    times = catalog.stat()
    duplicated = catalog.read_text(encoding="utf-8").replace(
        "#~ msgid", 'msgid "The harbour reopens"\nmsgstr "Le port rouvre"\n\n#~ msgid', 1
    )
    catalog.write_text(duplicated, encoding="utf-8")
    os.utime(catalog, ns=(times.st_atime_ns, times.st_mtime_ns))  # as `cp -p` or a checkout
    names = judged(monkeypatch)
    result = check(editions, catalogs)
    assert names == ["correct.po"]
    assert f"{catalog}:" in result.out and "[duplicate]" in result.out.split(str(catalog))[1]


def test_other_settings_judge_again(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogs)
    check(editions, catalogs)
    names = judged(monkeypatch)
    result = check(editions, catalogs, "--disable", "duplicate")
    assert sorted(names) == ["correct.po", "duplicate.po", "markup.po", "plural.po"]
    assert "[duplicate]" not in result.out


def test_another_hunspell_dictionary_judges_again(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The literals check asks Hunspell whether a renamed word is French: a new dictionary
    # may change its answer.
    dictionaries = tmp_path / "hunspell"
    dictionaries.mkdir()
    (dictionaries / "fr_FR.dic").write_text("1\nélément\n", encoding="utf-8")
    monkeypatch.setattr(records, "DICTIONARY_FOLDERS", (dictionaries,))
    monkeypatch.chdir(catalogs)
    check(editions, catalogs)
    (dictionaries / "fr_FR.dic").write_text("2\nélément\nchaîne\n", encoding="utf-8")
    names = judged(monkeypatch)
    check(editions, catalogs)
    assert len(names) == 4


def test_a_damaged_record_file_is_judged_again_with_the_same_answer(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(catalogs)
    first = check(editions, catalogs)
    kept = Path(os.environ["XDG_CACHE_HOME"]) / "editions" / "checked.json"
    data = json.loads(kept.read_text())
    for record in data["records"].values():
        record[1] = [["not", "a", "finding"]]
    kept.write_text(json.dumps(data))
    names = judged(monkeypatch)
    assert check(editions, catalogs).out == first.out
    assert len(names) == 4


def test_findings_name_the_catalog_as_named_this_time(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogs)
    check(editions, catalogs)
    monkeypatch.chdir(catalogs.parent)
    result = editions("check", Path("LC_MESSAGES") / "duplicate.po")
    assert result.out.startswith(f"{Path('LC_MESSAGES') / 'duplicate.po'}:19: [duplicate]")


def test_no_cache_judges_every_catalog(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogs)
    first = check(editions, catalogs)
    names = judged(monkeypatch)
    assert check(editions, catalogs, "--no-cache").out == first.out
    assert len(names) == 4


def test_a_project_keeps_its_verdicts_in_its_derived_state(
    editions: Run, make_project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project("test-basic")
    first = editions("--project", root, "check")
    kept = json.loads((root / "build" / ".state" / "checked.json").read_text())
    assert kept["records"] and all(Path(key).is_relative_to(root) for key in kept["records"])
    names = judged(monkeypatch)
    assert editions("--project", root, "check").out == first.out
    assert names == []
