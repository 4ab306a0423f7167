"""One gate: what the build refuses or withholds is exactly what `editions check` calls an error.

Both run the check registry (``checks.runner.judge_file``); these tests hold them to it on
real catalogs, mutated the ways translators and attackers mutate them, comparing the two
verdicts at the same ``file:line`` and check name.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.application import Sphinx

from conftest import through_the_gate
from editions.checks import check_paths, settings_from
from editions.compile import compile_language
from editions.declaration import Project, load_project
from editions.errors import EditionsError
from editions.findings import ERROR

ROOT = Path(__file__).parent / "roots" / "test-basic"
CATALOG = "locale/es/LC_MESSAGES/news/harbour.po"
# Entries that real catalogs have and the seed lacks: a link, a cross-reference, a plural.
EXTRA = """
msgid "See `the port <https://port.example.org/>`_ and :ref:`the schedule <schedule>`."
msgstr "Vea `el puerto <https://port.example.org/>`_ y :ref:`el horario <schedule>`."

msgid "One ship"
msgid_plural "%d ships"
msgstr[0] "Un barco"
msgstr[1] "%d barcos"
"""

Mutation = Callable[[str], str]


def _replace(old: str, new: str) -> Mutation:
    return lambda text: text.replace(old, new, 1)


MUTATIONS: dict[str, Mutation] = {
    # syntax: what msgfmt rejects
    "missing-closing-quote": _replace('"El puerto reabre"', '"El puerto reabre'),
    "stray-quote": _replace('msgstr "El puerto reabre"', 'msgstr "El "puerto reabre"'),
    "garbage-line": _replace("#: ../../source/news/harbour.rst:9", "this is not gettext"),
    "duplicate-entry": lambda text: text + '\nmsgid "The harbour reopens"\nmsgstr "Otra vez"\n',
    # header
    "plural-forms-unparsable": _replace("plural=(n != 1);", "plural=(n !!! 1);"),
    "plural-forms-wrong": _replace("nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;"),
    "charset-unknown": _replace("charset=utf-8", "charset=klingon"),
    "header-babel-cannot-read": _replace("nplurals=2;", "nplurals=two;"),
    # markup and links
    "broken-emphasis": _replace("el *lunes* tras", "el *lunes tras"),
    "directive-after-line-separator": _replace(
        '"Se espera un segundo barco el **viernes**."',
        '"Se espera un barco.\u2028\u2028.. include:: /etc/passwd"',
    ),
    "retargeted-url": _replace("<https://port.example.org/>`_ y", "<https://evil.example/>`_ y"),
    "javascript-url": _replace("<https://port.example.org/>`_ y", "<javascript:alert(1)>`_ y"),
    "changed-reference": _replace("<schedule>`.\"", "<prices>`.\""),
    "plural-form-directive": _replace(
        'msgstr[1] "%d barcos"', 'msgstr[1] "%d barcos\\n\\n.. raw:: html"'
    ),
    "plural-form-count": _replace('msgstr[1] "%d barcos"\n', ""),
    # characters
    "control-character": _replace("trabajadores con", "trabajadores\x01 con"),
    # gettext reads only the last #, line: the first is ignored, and withheld until merged.
    "two-flag-lines": _replace(
        "#: ../../source/news/harbour.rst:9\n",
        "#: ../../source/news/harbour.rst:9\n#, fuzzy\n#, no-wrap\n",
    ),
    "final-newline-lost": _replace(
        'msgid "The harbour reopens"\nmsgstr "El puerto reabre"',
        'msgid "The harbour reopens\\n"\nmsgstr "El puerto reabre"',
    ),
}  # fmt: skip


def publication(folder: Path) -> Project:
    root = folder / "publication"
    shutil.copytree(ROOT, root)
    catalog = root / CATALOG
    catalog.write_text(catalog.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    return load_project(root)


def check_verdict(project: Project) -> set[tuple[str, int, str]]:
    """The errors `editions check` reports for the Spanish catalogs."""
    report = check_paths([project.locale_dir / "es"], settings_from(project))
    return {
        (str(finding.path), finding.line, finding.check)
        for finding in report.findings
        if finding.severity == ERROR
    }


def build_verdict(project: Project) -> tuple[bool, set[tuple[str, int, str]], str]:
    """(refused, withheld entries, what it said) from the build's compilation of Spanish."""
    spanish = next(language for language in project.languages if language.tag == "es")
    try:
        compiled = compile_language(project, spanish)
    except EditionsError as error:
        return True, set(), str(error)
    withheld = {(str(f.path), f.line, f.check) for f in compiled.withheld}
    return False, withheld, ""


def assert_one_verdict(project: Project) -> None:
    errors = check_verdict(project)
    refused, withheld, said = build_verdict(project)
    catalog_errors = {error for error in errors if error[2] in CATALOG_CHECKS}
    if refused:
        assert catalog_errors, said  # the build refused for a reason check calls an error
        for path, line, name in catalog_errors:
            assert f"{path}:{line}: [{name}]" in said
    else:
        assert not catalog_errors
        assert withheld == errors


CATALOG_CHECKS = {"syntax", "duplicate", "header", "plural-forms"}


def test_the_seed_catalogs_pass_both(tmp_path: Path) -> None:
    project = publication(tmp_path)
    assert check_verdict(project) == set()
    assert build_verdict(project) == (False, set(), "")


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_gets_one_verdict(tmp_path: Path, name: str) -> None:
    project = publication(tmp_path)
    catalog = project.root / CATALOG
    text = catalog.read_text(encoding="utf-8")
    mutated = MUTATIONS[name](text)
    assert mutated != text, f"the mutation {name} does not apply to the seed"
    catalog.write_bytes(mutated.encode("utf-8", errors="surrogateescape"))
    assert check_verdict(project), f"{name}: check sees nothing"
    assert_one_verdict(project)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=4, unique=True))
def test_any_mix_of_mutations_gets_one_verdict(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = publication(Path(folder))
        catalog = project.root / CATALOG
        text = catalog.read_text(encoding="utf-8")
        for name in names:
            text = MUTATIONS[name](text)
        catalog.write_text(text, encoding="utf-8")
        assert_one_verdict(project)


def test_a_control_character_is_an_error_for_check_and_withheld_by_the_build(
    tmp_path: Path,
) -> None:
    project = publication(tmp_path)
    catalog = project.root / CATALOG
    catalog.write_text(
        MUTATIONS["control-character"](catalog.read_text(encoding="utf-8")), encoding="utf-8"
    )
    line = next(
        number
        for number, text in enumerate(catalog.read_text(encoding="utf-8").splitlines(), 1)
        if "\x01" in text
    )
    assert check_verdict(project) == {(str(catalog), line, "control-character")}
    refused, withheld, _ = build_verdict(project)
    assert not refused  # the Spanish edition is built, with that paragraph in English
    assert withheld == {(str(catalog), line, "control-character")}


def test_a_plural_forms_translation_is_judged_by_check_as_by_the_build(tmp_path: Path) -> None:
    project = publication(tmp_path)
    catalog = project.root / CATALOG
    mutated = MUTATIONS["plural-form-directive"](catalog.read_text(encoding="utf-8"))
    catalog.write_text(mutated, encoding="utf-8")
    (error,) = check_verdict(project)
    assert error[2] == "unsafe-directive"
    assert build_verdict(project) == (False, {error}, "")


def test_what_the_judge_lets_through_sphinx_links_to_the_englishs_targets(tmp_path: Path) -> None:
    # One `name`_ renamed and the English page in French: published, and Sphinx links them
    # where the English does (the renamed name re-pointed, the page in the catalog's language).
    english = (
        "Avoid `SQL injection attacks`_, read `the guide <https://docs.microsoft.com/en-us/sql>`_."
    )
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text("locale_dirs = ['../locale']\n")
    (source / "index.rst").write_text(
        f"Title\n=====\n\n{english}\n\n.. _SQL injection attacks: https://example.org/sqli\n"
    )
    catalog = Catalog(locale="fr")
    catalog.add(
        english,
        "Évitez les `injections SQL`_, lisez `le guide <https://docs.microsoft.com/fr-fr/sql>`_.",
    )
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    compiled, withheld = through_the_gate(catalog, folder / "index.po")
    assert withheld == []
    with (folder / "index.mo").open("wb") as mo:
        write_mo(mo, compiled)
    warnings = io.StringIO()
    html = tmp_path / "html"
    app = Sphinx(source, source, html, tmp_path / "doctrees", "html", status=None, warning=warnings)
    app.config.language = "fr"
    app.build()
    page = (html / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/sqli">injections SQL</a>' in page
    assert 'href="https://docs.microsoft.com/fr-fr/sql">le guide</a>' in page
    assert "Unknown target name" not in warnings.getvalue()
