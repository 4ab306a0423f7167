"""What the build keeps between runs, in ``build/.state/``, and the one rule that says it is valid.

A record is valid exactly when the digest of its inputs (the bytes of every input file, the
code and tools that made it, the declaration's settings) is the one it was stored under.
So a ``touch`` changes nothing, other bytes under the same modification time are seen, a
change of the code or of the declaration redoes the work, and a damaged record is redone,
never trusted and never a crash.  Each store is tested through the command or function that
uses it: the editions' publications, the compiled catalogs, the English's parsed link
readings, the merged templates, the status figures and the theme's words.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import catalogs_judged
from editions import chrome_words, derived, status
from editions import compile as compile_module
from editions import update as update_module
from editions.build import BuildReport, build
from editions.checks import CheckSettings
from editions.checks.runner import Verdict
from editions.compile import compile_language
from editions.declaration import Language, Project, load_project
from editions.layout import language_folder


def rewrite_keeping_time(path: Path, old: str, new: str) -> None:
    """Change ``path``'s bytes and give it back its modification time (as ``cp -p`` would)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def touch_later(path: Path) -> None:
    """A new modification time, the same bytes."""
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before + 5_000_000_000, before + 5_000_000_000))


@pytest.fixture
def other_code(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Make this process's Editions another version of the code (as an edited checkout)."""

    def change() -> None:
        monkeypatch.setattr(derived, "code_version", lambda: "another version of the code")
        monkeypatch.setattr(derived, "own_code_version", lambda: "another version of the code")

    return change


# --- The rule -------------------------------------------------------------------------------


def test_a_record_is_valid_only_under_the_digest_it_was_stored_with(tmp_path: Path) -> None:
    source = tmp_path / "input.txt"
    source.write_text("first", encoding="utf-8")
    records = derived.Records(tmp_path / "state" / "records.json")
    records.put("input", derived.digest([source], ["v1"]), {"figure": 1})
    records.save()
    reread = derived.Records(tmp_path / "state" / "records.json")
    assert reread.get("input", derived.digest([source], ["v1"])) == {"figure": 1}
    assert reread.get("input", derived.digest([source], ["v2"])) is None  # other code or settings
    assert reread.get("other", derived.digest([source], ["v1"])) is None
    assert reread.get("input", None) is None  # inputs that could not be read
    touch_later(source)
    assert reread.get("input", derived.digest([source], ["v1"])) == {"figure": 1}
    rewrite_keeping_time(source, "first", "fight")
    assert reread.get("input", derived.digest([source], ["v1"])) is None
    # Replaced in one step: no temporary file is left beside it.
    assert [path.name for path in (tmp_path / "state").iterdir()] == ["records.json"]


def test_a_digest_counts_each_file_by_its_path_and_a_missing_one_as_missing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.po").write_text("same", encoding="utf-8")
    first = derived.digest([folder])
    (folder / "a.po").rename(folder / "b.po")
    assert derived.digest([folder]) != first
    assert derived.digest([tmp_path / "missing"]) != derived.digest([])


def test_an_input_that_is_not_a_regular_file_is_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "catalog.po"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        derived.file_digest(fifo)  # opened without waiting for a writer
    assert derived.digest_or_none([fifo]) is not None  # a folder walk or a file check skips it


def test_a_file_s_digest_is_remembered_only_for_the_same_identity_and_after_two_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "input.txt"
    source.write_text("first", encoding="utf-8")
    records = derived.Records(tmp_path / "records.json")
    # Just written: a write in the same clock tick could keep its times, so not remembered.
    assert records.file_digest(source) == derived.file_digest(source)
    assert records.files == {}
    monkeypatch.setattr(derived, "_RACY_NS", 0)  # as if it were hashed two seconds later
    time.sleep(0.05)  # a later clock tick for the next change
    records.file_digest(source)
    [remembered] = records.files.values()
    # The same identity (device, inode, size, mtime, ctime): the remembered digest, unread.
    remembered[-1] = "remembered"
    assert records.file_digest(source) == "remembered"
    touch_later(source)  # a new ctime: hashed again, the same bytes
    assert records.file_digest(source) == derived.file_digest(source)
    records.file_digest(source)
    time.sleep(0.05)
    # Other bytes under the same mtime: the system gave it a new ctime, no program can set.
    rewrite_keeping_time(source, "first", "fight")
    assert records.file_digest(source) == derived.file_digest(source) != "remembered"


def test_a_link_out_of_the_project_counts_by_where_it_leads_never_by_what_it_reads(
    tmp_path: Path,
) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (project / "inside.po").write_text("inside", encoding="utf-8")
    (project / "out.po").symlink_to(outside / "secret.txt")
    (project / "in.po").symlink_to(project / "inside.po")
    digests = derived.file_digests([project], root=project)
    assert digests[str(project / "out.po")] == f"a link to {outside / 'secret.txt'}"
    assert digests[str(project / "in.po")] == derived.file_digest(project / "inside.po")
    (outside / "secret.txt").write_text("another secret", encoding="utf-8")
    assert derived.file_digests([project], root=project) == digests


@pytest.mark.parametrize(
    "damage", [b"", b"{", b"[]", b'{"records": []}', b'{"records": {"k": "v"}}', b"\xff\xfe"]
)
def test_a_damaged_record_file_holds_no_record_and_is_replaced(
    tmp_path: Path, damage: bytes
) -> None:
    path = tmp_path / "records.json"
    path.write_bytes(damage)
    records = derived.Records(path)
    assert records.get("k", "digest") is None
    records.put("k", "digest", 1)
    records.save()
    assert derived.Records(path).get("k", "digest") == 1


# --- The editions: skipped while their inputs are the same ----------------------------------


def build_all(root: Path) -> BuildReport:
    project = load_project(root)
    report = build(project, project.editions, jobs=2)
    assert report.ok, [edition.error for edition in report.editions]
    return report


def published_copies(root: Path) -> dict[str, str]:
    """Which copy each edition's link points to: a new one each time it is published."""
    html = root / "build" / "html"
    return {tag: os.readlink(html / tag) for tag in ("en", "es", "de")}


@pytest.fixture
def built(make_project: Callable[[str], Path]) -> Iterator[Path]:
    root = make_project("test-basic")
    assert not (root / "build").exists()  # a fresh clone
    build_all(root)
    yield root


def test_a_fresh_clone_builds_and_keeps_its_state_in_one_folder_one_file_per_writer(
    built: Path,
) -> None:
    state = built / "build" / ".state"
    files = {path.relative_to(state).as_posix() for path in state.rglob("*.json")}
    # Written during the build by the worker of one edition each: named by it (English, with
    # no catalog of its own, compiles none).
    assert {"editions/en.json", "editions/es.json", "editions/de.json"} <= files
    assert {"compiled/es.json", "compiled/de.json", "status.json"} <= files
    by_workers = {"editions", "compiled", "english-readings"}
    folders = {name: Path(name).parent.name for name in files}
    assert {Path(name).stem for name, folder in folders.items() if folder in by_workers} == {
        "en", "es", "de"
    }  # fmt: skip
    assert set(folders.values()) <= {"", *by_workers}
    # Nothing of the old stores is left anywhere.
    build = built / "build"
    assert not list(build.rglob("compiled.json")) + list(build.rglob("withheld.json"))
    assert not list(build.rglob("inputs.sha256")) + list(build.rglob("english-links"))


def test_an_edition_is_not_rebuilt_after_a_touch_but_is_after_a_change_under_the_same_time(
    built: Path,
) -> None:
    before = published_copies(built)
    source = built / "source" / "news" / "market.rst"
    catalog = built / "locale" / "es" / "LC_MESSAGES" / "news" / "harbour.po"
    touch_later(source)
    touch_later(catalog)
    build_all(built)
    assert published_copies(built) == before
    # Other bytes, the same time: Sphinx, which trusts the time, would keep the old page.
    rewrite_keeping_time(source, "larger and brighter.", "larger and closer to the tram.")
    rewrite_keeping_time(catalog, 'msgstr "El puerto reabre"', 'msgstr "El puerto abre"')
    build_all(built)
    after = published_copies(built)
    assert all(after[tag] != before[tag] for tag in ("en", "es", "de"))
    html = built / "build" / "html"
    assert "closer to the tram" in (html / "de" / "news" / "market.html").read_text("utf-8")
    assert "El puerto abre" in (html / "es" / "news" / "harbour.html").read_text("utf-8")


def test_a_catalog_changed_under_the_same_time_rebuilds_its_edition_only(built: Path) -> None:
    before = published_copies(built)
    rewrite_keeping_time(
        built / "locale" / "es" / "LC_MESSAGES" / "news" / "harbour.po",
        'msgstr "El puerto reabre"',
        'msgstr "El puerto abre"',
    )
    report = build_all(built)
    assert {edition.tag: edition.rebuilt for edition in report.editions} == {
        "en": [], "es": ["news/harbour"], "de": []
    }  # fmt: skip
    after = published_copies(built)
    assert (after["en"], after["de"]) == (before["en"], before["de"])
    assert after["es"] != before["es"]


@pytest.mark.parametrize("change", ["declaration", "code", "damaged record"])
def test_the_declaration_or_the_code_changed_or_a_damaged_record_rebuilds_the_editions(
    built: Path, change: str, other_code: Callable[[], None]
) -> None:
    before = published_copies(built)
    if change == "declaration":
        declaration = built / "pyproject.toml"
        declaration.write_text(
            declaration.read_text("utf-8").replace("Test Gazette", "Test Daily"), "utf-8"
        )
    elif change == "code":
        other_code()
    else:
        (built / "build" / ".state" / "editions" / "es.json").write_bytes(b'{"records": {"es"')
    build_all(built)
    after = published_copies(built)
    rebuilt = {tag for tag in after if after[tag] != before[tag]}
    assert rebuilt == ({"es"} if change == "damaged record" else {"en", "es", "de"})


# --- The compiled catalogs ------------------------------------------------------------------


def test_a_compiled_catalog_stands_after_a_touch_and_is_redone_for_other_bytes(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, es = spanish
    compile_language(project, es)
    catalog = language_folder(project.locale_dir, es) / "news" / "harbour.po"
    judged = catalogs_judged(monkeypatch)
    touch_later(catalog)
    assert compile_language(project, es).changed == []
    assert judged == []
    rewrite_keeping_time(catalog, 'msgstr "El puerto reabre"', 'msgstr "El puerto abre"')
    assert compile_language(project, es).changed == ["news/harbour"]
    assert judged == ["harbour.po"]


def test_a_catalog_changed_while_compiled_then_changed_back_is_compiled_again(
    spanish: tuple[Project, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A translator saves while the build reads the catalog, then undoes the save: what was
    # compiled is recorded under the bytes it was compiled from, so the undone text never
    # stays published under the original's digest.
    project, es = spanish
    catalog = language_folder(project.locale_dir, es) / "news" / "harbour.po"
    original = catalog.read_bytes()
    judge = compile_module.judge_file
    saving = [True]

    def saved_while_read(path: Path, settings: CheckSettings) -> Verdict:
        if path == catalog and saving:
            catalog.write_bytes(original.replace(b"El puerto reabre", b"TEXTO PIRATA"))
        return judge(path, settings)

    monkeypatch.setattr(compile_module, "judge_file", saved_while_read)
    compile_language(project, es)
    saving.clear()
    catalog.write_bytes(original)  # the undo
    judged = catalogs_judged(monkeypatch)
    compile_language(project, es)
    assert judged == ["harbour.po"]
    compiled = language_folder(compile_module.compiled_locale_dir(project), es) / "news"
    assert b"TEXTO PIRATA" not in (compiled / "harbour.mo").read_bytes()
    assert (compiled / "harbour.po").read_bytes() == original


@pytest.mark.parametrize("change", ["code", "declaration", "damaged record"])
def test_every_catalog_is_judged_again_for_other_code_declaration_or_a_damaged_record(
    spanish: tuple[Project, Language],
    monkeypatch: pytest.MonkeyPatch,
    other_code: Callable[[], None],
    change: str,
) -> None:
    project, es = spanish
    catalog = language_folder(project.locale_dir, es) / "news" / "harbour.po"
    rewrite_keeping_time(
        catalog, 'msgstr "El puerto reabre"', 'msgstr "El puerto `reabre <javascript:x>`_"'
    )
    first = compile_language(project, es)
    judged = catalogs_judged(monkeypatch)
    if change == "code":
        other_code()
    elif change == "declaration":
        settings = replace(project.settings, disabled_checks=("identical-msgstr",))
        project = replace(project, settings=settings)
    else:
        (project.build_dir / ".state" / "compiled" / "es.json").write_text("{", "utf-8")
    again = compile_language(project, es)
    assert sorted(judged) == ["harbour.po", "index.po", "market.po"]
    assert again.withheld == first.withheld
    assert again.changed == []  # the same compiled bytes: nothing for Sphinx to re-read


# --- The English's parsed link readings -----------------------------------------------------


def test_english_readings_saved_by_other_code_are_not_used(
    make_project: Callable[[str], Path], other_code: Callable[[], None]
) -> None:
    project = load_project(make_project("test-basic"))
    es, de = (next(lang for lang in project.editions if lang.tag == tag) for tag in ("es", "de"))
    folder = project.build_dir / ".state" / "english-readings"
    compile_language(project, es)
    assert [path.name for path in folder.iterdir()] == ["es.json"]
    other_code()
    compile_language(project, de)
    # German parsed the English itself (and saved what it parsed), under the other code.
    assert sorted(path.name for path in folder.iterdir()) == ["de.json", "es.json"]
    assert derived.Records(folder / "de.json").get("readings", "another version of the code")


# --- The merged templates -------------------------------------------------------------------


@pytest.fixture
def merged_pair(make_project: Callable[[str], Path]) -> tuple[Project, Path, Path]:
    project = load_project(make_project("test-basic"))
    template = project.root / "market.pot"
    template.write_text('msgid "Market day moves"\nmsgstr ""\n', encoding="utf-8")
    catalog = project.locale_dir / "es" / "LC_MESSAGES" / "news" / "market.po"
    state = update_module.MergeState.load(project)
    state.merged(template, catalog)
    state.save()
    # Recorded: the tests below could not fail otherwise.
    assert update_module.MergeState.load(project).is_current(template, catalog)
    return project, template, catalog


def test_a_merged_pair_stays_merged_after_a_touch_and_not_after_other_bytes(
    merged_pair: tuple[Project, Path, Path],
) -> None:
    project, template, catalog = merged_pair
    touch_later(template)
    touch_later(catalog)
    assert update_module.MergeState.load(project).is_current(template, catalog)
    rewrite_keeping_time(template, "Market day moves", "Market day moved")
    assert not update_module.MergeState.load(project).is_current(template, catalog)


@pytest.mark.parametrize("change", ["code", "damaged record", "catalog deleted"])
def test_a_pair_is_merged_again_for_other_code_a_damaged_record_or_a_deleted_catalog(
    merged_pair: tuple[Project, Path, Path], other_code: Callable[[], None], change: str
) -> None:
    project, template, catalog = merged_pair
    if change == "code":
        other_code()
    elif change == "damaged record":
        (project.build_dir / ".state" / "merged.json").write_text('{"records": {', "utf-8")
    else:
        catalog.unlink()
    assert not update_module.MergeState.load(project).is_current(template, catalog)


# --- The status figures ---------------------------------------------------------------------


def catalogs_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    counted: list[str] = []
    count = status.figures_of

    def spy(po: object) -> object:
        counted.append("counted")
        return count(po)  # type: ignore[arg-type]

    monkeypatch.setattr(status, "figures_of", spy)
    return counted


@pytest.mark.parametrize("change", ["same bytes", "other bytes", "code", "damaged record"])
def test_status_figures_are_counted_again_only_when_the_record_is_not_valid(
    make_project: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    other_code: Callable[[], None],
    change: str,
) -> None:
    project = load_project(make_project("test-basic"))
    catalog = project.locale_dir / "es" / "LC_MESSAGES" / "news" / "harbour.po"
    before = status.project_report(project).statuses
    counted = catalogs_counted(monkeypatch)
    if change == "same bytes":
        touch_later(catalog)
    elif change == "other bytes":
        rewrite_keeping_time(catalog, 'msgstr "El puerto reabre"', 'msgstr ""')
    elif change == "code":
        other_code()
    else:
        (project.build_dir / ".state" / "status.json").write_bytes(b"\0\0")
    after = status.project_report(project).statuses
    expected = {"same bytes": 0, "other bytes": 1, "code": 6, "damaged record": 6}[change]
    assert len(counted) == expected
    if change == "other bytes":
        harbour = next(figures for figures in after if figures.path == catalog)
        assert (
            harbour.untranslated.strings
            == 1
            + next(figures for figures in before if figures.path == catalog).untranslated.strings
        )
    else:
        assert after == before


# --- The theme's words ----------------------------------------------------------------------


@pytest.mark.parametrize("change", ["code", "damaged record"])
def test_the_theme_words_are_read_again_for_other_code_or_a_damaged_record(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    other_code: Callable[[], None],
    change: str,
) -> None:
    cache = tmp_path / ".state" / "theme-words.json"
    words = chrome_words.cached_theme_words(cache)
    read: list[int] = []
    monkeypatch.setattr(chrome_words, "theme_words", lambda: read.append(1) or words)
    assert chrome_words.cached_theme_words(cache) == words
    assert read == []
    if change == "code":
        other_code()
    else:
        cache.write_text('{"records": {"words": ', "utf-8")
    assert chrome_words.cached_theme_words(cache) == words
    assert read == [1]
