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
from editions import derived
from editions.checks import CheckSettings, records, runner, spelling
from editions.checks.runner import Verdict

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


def judged(
    monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[Path], object] | None = None
) -> list[str]:
    """The catalogs `editions check` judges from now on (reads and runs the checks on).

    ``meanwhile`` is done to each catalog just before it is read.
    """
    names: list[str] = []
    judge_file = runner.judge_file

    def spy(path: Path, settings: CheckSettings) -> Verdict:
        names.append(path.name)
        if meanwhile is not None:
            meanwhile(path)
        return judge_file(path, settings)

    monkeypatch.setattr(runner, "judge_file", spy)
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


def test_a_catalog_named_from_inside_its_folder_is_the_same_catalog(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its language is its folder's (fr), however it is named: a German Plural-Forms in a
    # French catalog is a finding from inside LC_MESSAGES as from above it, kept or not.
    catalog = catalogs / "correct.po"
    german = catalog.read_text(encoding="utf-8").replace("Language: fr", "Language: de")
    catalog.write_text(german.replace("(n > 1)", "(n != 1)"), encoding="utf-8")
    monkeypatch.chdir(catalogs)
    inside = editions("check", "correct.po")
    monkeypatch.chdir(catalogs.parent.parent)
    above = editions("check", Path("fr", "LC_MESSAGES", "correct.po"))
    fresh = editions("check", "--no-cache", Path("fr", "LC_MESSAGES", "correct.po"))
    assert "[plural-forms]" in inside.out
    assert above.out == fresh.out == inside.out.replace("correct.po", "fr/LC_MESSAGES/correct.po")


def test_a_catalog_behind_a_symbolic_link_is_judged_every_time(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The reader refuses a link that leads out of the project (outside one, every link):
    # the same bytes behind a link are not the same catalog.
    (tmp_path / "elsewhere.po").write_bytes((catalogs / "correct.po").read_bytes())
    monkeypatch.chdir(catalogs)
    assert check(editions, catalogs).out.count("correct.po") == 0
    (catalogs / "correct.po").unlink()
    (catalogs / "correct.po").symlink_to(tmp_path / "elsewhere.po")
    names = judged(monkeypatch)
    linked = check(editions, catalogs)
    assert names == ["correct.po"]
    assert "correct.po:1: [syntax] a symbolic link to a file outside the project" in linked.out
    assert check(editions, catalogs).out == linked.out
    assert names == ["correct.po", "correct.po"]


def test_the_users_own_hunspell_words_change_no_verdict(
    editions: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hunspell reads ~/.hunspell_fr_FR (or $WORDLIST) unless told otherwise: the team's
    # locale/<lang>/wordlist.txt is the one list of words a verdict may depend on.
    if spelling.find_dictionary("fr") is None:
        pytest.skip("no Hunspell dictionary for fr")
    folder = tmp_path / "team" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = folder / "news.po"
    header = (CATALOGS / "correct.po").read_text(encoding="utf-8").split("\n\n")[0]
    catalog.write_text(f'{header}\n\nmsgid "Hello"\nmsgstr "Bonjour zorglubix"\n', "utf-8")
    home = tmp_path / "home"
    home.mkdir()
    for name in (".hunspell_fr_FR", ".hunspell_fr", "words"):
        (home / name).write_text("zorglubix\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("WORDLIST", str(home / "words"))
    monkeypatch.chdir(tmp_path)
    result = editions("check", "--spelling", "--no-cache", catalog)
    assert "unknown word(s): zorglubix" in result.out


def test_a_catalog_changed_while_judged_then_changed_back_is_judged_again(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor's save during the run, then an undo: the verdict on the passing content is
    # kept under the bytes it judged, never under those the catalog has again.
    catalog = catalogs / "correct.po"
    original = catalog.read_bytes()
    saving = [True]

    def saved_while_read(path: Path) -> None:
        if path.name == "correct.po" and saving:
            path.write_bytes(original.replace(b'"Le port rouvre"', b'"Le port rouvre'))

    monkeypatch.chdir(catalogs)
    names = judged(monkeypatch, saved_while_read)
    assert "correct.po:15: [syntax]" in check(editions, catalogs).out
    saving.clear()
    catalog.write_bytes(original)
    names.clear()
    again = check(editions, catalogs)
    assert names == ["correct.po"]
    assert "correct.po:" not in again.out
    assert again.out == check(editions, catalogs, "--no-cache").out


def test_a_record_file_that_is_no_file_is_not_read(
    editions: Run, catalogs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FIFO would make the reading wait for ever; a device (/dev/zero) fill the memory.
    kept = Path(os.environ["XDG_CACHE_HOME"]) / "editions" / "checked.json"
    kept.parent.mkdir(parents=True)
    monkeypatch.chdir(catalogs)
    expected = check(editions, catalogs, "--no-cache").out
    os.mkfifo(kept)
    assert check(editions, catalogs).out == expected
    kept.unlink(missing_ok=True)
    kept.symlink_to("/dev/zero")
    assert check(editions, catalogs).out == expected


def test_a_relative_cache_folder_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The XDG specification: a relative XDG_CACHE_HOME is invalid (it would write into
    # whatever folder a command runs in).
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert derived.user_state_dir() == tmp_path / ".cache" / "editions"
