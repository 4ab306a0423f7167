"""`editions check`: each mistake found at its file, line and check; none in correct catalogs."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHARED, CliResult
from editions import safety
from editions.checks import CheckSettings, check_paths, spelling

CATALOGS = Path(__file__).parent / "catalogs"
FR = CATALOGS / "fr" / "LC_MESSAGES"
AR = CATALOGS / "ar" / "LC_MESSAGES"
CORPUS = SHARED / "corpora" / "python-docs-fr"

Run = Callable[..., CliResult]


# The build's safety rules (editions.safety, owned elsewhere) are tested on
# their own below: on these catalogs they still take `text <target>` for HTML.
WITHOUT_SAFETY = frozenset(safety.RULES)


def found(*paths: Path, **settings: object) -> set[tuple[str, int, str]]:
    settings.setdefault("disabled", WITHOUT_SAFETY)
    report = check_paths(paths, CheckSettings(**settings))  # type: ignore[arg-type]
    return {(finding.path.name, finding.line, finding.check) for finding in report.findings}


def test_correct_catalogs_raise_no_finding() -> None:
    assert found(FR / "correct.po", AR / "gnu-plural.po", AR / "babel-plural.po") == set()


def test_syntax_errors_are_found_at_their_lines_where_msgfmt_rejects_them() -> None:
    assert found(FR / "syntax.po") == {
        ("syntax.po", 14, "syntax"),  # unterminated string (msgfmt: line 15, the next one)
        ("syntax.po", 17, "syntax"),  # \q
        ("syntax.po", 20, "syntax"),  # msgstr Dockers, unquoted
        ("syntax.po", 24, "syntax"),  # a line of garbage
    }
    if shutil.which("msgfmt"):
        rejected = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", FR / "syntax.po"], capture_output=True
        )
        assert rejected.returncode == 1


def test_a_duplicate_names_the_line_of_both_entries(editions: Run) -> None:
    result = editions("check", FR / "duplicate.po")
    assert result.code == 1
    assert f"{FR / 'duplicate.po'}:19: [duplicate] duplicate of the entry at line 13" in result.out


def test_headers_charset_plural_forms_and_their_count() -> None:
    assert found(FR / "header.po", FR / "no-header.po", FR / "plural.po") == {
        ("header.po", 1, "header"),  # charset=CHARSET
        ("header.po", 1, "plural-forms"),  # an expression that does not parse
        ("no-header.po", 1, "header"),
        ("plural.po", 18, "plural-forms"),  # one msgstr[] where nplurals=2
    }


@pytest.mark.parametrize(
    ("field", "unreadable"),
    [
        ("Plural-Forms: nplurals=2;", "Plural-Forms: nplurals=two;"),
        ("PO-Revision-Date: 2026-01-01 00:00+0000", "PO-Revision-Date: 1 January 2026"),
    ],
)
def test_a_header_babel_cannot_read_refuses_the_catalog_at_its_line(
    tmp_path: Path, field: str, unreadable: str
) -> None:
    # The build writes the compiled catalog with Babel, which must read the header's fields.
    catalog = tmp_path / "unreadable.po"
    text = (FR / "correct.po").read_text(encoding="utf-8").replace(field, unreadable)
    catalog.write_text(text.replace("Le port rouvre", "The harbour reopens"), encoding="utf-8")
    report = check_paths([catalog], CheckSettings())
    (finding,) = report.findings  # the message checks do not judge it (identical-msgstr)
    assert (finding.line, finding.check, finding.severity) == (1, "header", "error")
    assert finding.message.startswith("the header cannot be read (")


def test_plural_forms_are_compared_by_behaviour_gnu_and_babel_arabic_both_pass() -> None:
    assert found(AR / "gnu-plural.po", AR / "babel-plural.po") == set()
    assert found(AR / "wrong-plural.po") == {("wrong-plural.po", 1, "plural-forms")}


def test_each_markup_mistake_is_found_at_its_msgstr() -> None:
    assert found(FR / "markup.po") == {
        # :func:`os.path.join without its closing backtick (one mistake: the reference it
        # loses is not found again by `references`)
        ("markup.po", 14, "rst-markup"),
        ("markup.po", 17, "references"),  # :ref: to another label
        ("markup.po", 20, "literals"),  # ``timeout=3O``
        ("markup.po", 29, "identical-msgstr"),
        ("markup.po", 33, "fuzzy"),
        ("markup.po", 39, "whitespace"),  # a final line break lost (msgfmt rejects it)
        ("markup.po", 46, "references"),  # :ref: and a footnote dropped
    }  # markup.po:36 has a trailing space: docutils drops it, the page is the same


def test_placeholders_are_checked_where_sphinx_formats_them_the_themes_words() -> None:
    # markup.po:43 changes %(count)d to %(nombre)d: a document's text is never %-formatted.
    assert not any(finding[2] == "format" for finding in found(FR / "markup.po"))
    assert found(FR / "sphinx.po") == {("sphinx.po", 12, "format")}


def test_a_retargeted_link_is_reported_as_the_build_reports_it() -> None:
    links = {
        finding
        for finding in found(FR / "markup.po", disabled=frozenset())
        if finding[2] == safety.RETARGETED_URL
    }
    assert links == {
        ("markup.po", 23, safety.RETARGETED_URL),  # a URL changed
        ("markup.po", 26, safety.RETARGETED_URL),
    }  # markup.po:46 renames its one `name`_: Sphinx re-points it to the msgid's


def test_allowed_urls_permit_a_translated_link() -> None:
    allowed = found(
        FR / "markup.po", disabled=frozenset(), allowed_urls=("https://fr.example.org/",)
    )
    assert ("markup.po", 26, safety.RETARGETED_URL) not in allowed
    assert ("markup.po", 23, safety.RETARGETED_URL) in allowed


def test_warnings_alone_exit_zero_and_errors_exit_one(editions: Run, tmp_path: Path) -> None:
    only_warnings = tmp_path / "fuzzy.po"
    text = (FR / "markup.po").read_text(encoding="utf-8")
    header = text[: text.index('msgid "Use')]
    only_warnings.write_text(
        header + '#, fuzzy\nmsgid "The mayor thanked the workers."\nmsgstr "Le maire."\n',
        encoding="utf-8",
    )
    result = editions("check", only_warnings)
    assert result.code == 0
    assert f"{only_warnings}:15: [fuzzy] (warning)" in result.out
    assert editions("check", FR / "markup.po").code == 1


def test_json_lists_the_same_findings_sorted(editions: Run) -> None:
    text = editions("check", CATALOGS)
    data = json.loads(editions("check", "--json", CATALOGS).out)
    lines = [f"{item['path']}:{item['line']}: [{item['check']}]" for item in data["findings"]]
    assert [line.split("]")[0] + "]" for line in text.out.splitlines()] == lines
    assert data["errors"] == sum(1 for item in data["findings"] if item["severity"] == "error")
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_the_builds_safety_rules_are_checks_under_their_own_names(tmp_path: Path) -> None:
    catalog = tmp_path / "unsafe.po"
    text = (FR / "correct.po").read_text(encoding="utf-8")
    catalog.write_text(
        text.replace('msgstr "Le port rouvre"', 'msgstr ".. include:: /etc/passwd"'),
        encoding="utf-8",
    )
    assert ("unsafe.po", 15, safety.UNSAFE_DIRECTIVE) in found(catalog, disabled=frozenset())


def test_checks_are_switched_off_by_name_on_the_command_line(editions: Run) -> None:
    result = editions(
        "check", "--disable", "retargeted-url", "--disable", "references", FR / "markup.po"
    )
    assert "[retargeted-url]" not in result.out and "[references]" not in result.out
    assert "[literals]" in result.out
    unknown = editions("check", "--disable", "no-such-check", FR / "markup.po")
    assert unknown.code == 2 and "unknown check(s) no-such-check" in unknown.err


def test_checks_are_switched_off_and_urls_allowed_in_the_declaration(
    make_project: Callable[[str], Path], editions: Run
) -> None:
    root = make_project("test-basic")
    catalog = root / "locale" / "es" / "LC_MESSAGES" / "news" / "harbour.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(
        text + '\nmsgid "Ships"\nmsgstr "Ships"\n\n#, fuzzy\nmsgid "Dock"\nmsgstr "Muelle"\n',
        encoding="utf-8",
    )
    assert "[fuzzy]" in editions("--project", root, "check").out
    declaration = root / "pyproject.toml"
    declaration.write_text(
        declaration.read_text(encoding="utf-8") + '\n[tool.editions.checks]\ndisable = ["fuzzy"]\n',
        encoding="utf-8",
    )
    result = editions("--project", root, "check")
    assert result.code == 0 and "[fuzzy]" not in result.out, result.out


def test_the_test_publication_is_clean(make_project: Callable[[str], Path], editions: Run) -> None:
    result = editions("--project", make_project("test-basic"), "check")
    assert result.code == 0 and result.out == "", result.out


def test_a_missing_path_is_bad_input_without_a_traceback(editions: Run, tmp_path: Path) -> None:
    result = editions("check", tmp_path / "nowhere.po")
    assert result.code == 2 and "nowhere.po: no such catalog" in result.err


def test_bad_utf8_is_reported_at_its_line(editions: Run, tmp_path: Path) -> None:
    catalog = tmp_path / "latin1.po"
    catalog.write_bytes((FR / "correct.po").read_bytes().replace(b"Le port", b"L\xe9 port"))
    result = editions("check", catalog)
    assert result.code == 1 and f"{catalog}:15: [syntax] not valid UTF-8" in result.out


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell is not installed")
def test_spelling_finds_a_misspelt_word_and_honours_the_word_list(
    editions: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = folder / "news.po"
    text = (FR / "correct.po").read_text(encoding="utf-8")
    catalog.write_text(text.replace("Le port rouvre", "Le portt rouvre"), encoding="utf-8")
    assert "[spelling]" not in editions("check", catalog).out  # only when asked for
    result = editions("check", "--spelling", catalog)
    assert f"{catalog}:15: [spelling] unknown word(s): portt;" in result.out
    assert result.out.count("[spelling]") == 1, result.out  # markup, literals and URLs stripped
    (tmp_path / "locale" / "fr" / "wordlist.txt").write_text("portt\n", encoding="utf-8")
    assert "[spelling]" not in editions("check", "--spelling", catalog).out


def test_spelling_without_a_dictionary_says_so(
    editions: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "DICTIONARY_FOLDERS", (tmp_path / "no-dictionaries",))
    folder = tmp_path / "locale" / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(AR / "gnu-plural.po", folder / "news.po")
    result = editions("check", "--spelling", folder / "news.po")
    assert "[spelling] (warning) spelling not checked: no Hunspell dictionary for ar" in result.out
    assert result.code == 0


FRENCH_DICTIONARY = spelling.find_dictionary("fr") is not None and shutil.which("hunspell")


@pytest.mark.skipif(not FRENCH_DICTIONARY, reason="no Hunspell dictionary for fr")
def test_what_python_docs_fr_translates_on_purpose_raises_no_finding() -> None:
    # One entry per class of false alarm met in python-docs-fr: :func:`f()` (Sphinx shows
    # :func:`f`), a `name`_ renamed once (Sphinx gives it the msgid's target), :attr:`!x`
    # (no link), :file: slots and example names translated, a paragraph's trailing space,
    # English kept on purpose (a quoted value, a signature, a link's title, a citation),
    # literals' names translated (words of the language, English words made French, glued
    # or without accents, or the same change in several, or throughout the catalog),
    # placeholders written otherwise, literals joined by an operator, "…" for "...",
    # the msgid's own slip corrected (``False`` for ``false``).
    assert found(FR / "false-alarms.po") == set()


def test_links_sphinx_or_the_web_resolve_to_the_englishs_target_are_not_retargeted() -> None:
    # A host in another case (60); one `name`_ renamed, which Sphinx re-points (14); the
    # English page in French (62).
    assert found(FR / "false-alarms.po", disabled=frozenset()) == set()


def test_links_to_other_targets_are_still_retargeted() -> None:
    links = {
        finding
        for finding in found(FR / "real-mistakes.po", disabled=frozenset())
        if finding[2] == safety.RETARGETED_URL
    }
    assert links == {
        # two `names`_ renamed: Sphinx gives the first a lost name in a set's order
        ("real-mistakes.po", 11, safety.RETARGETED_URL),
        ("real-mistakes.po", 29, safety.RETARGETED_URL),  # a French page on another path
    }


@pytest.mark.skipif(not FRENCH_DICTIONARY, reason="no Hunspell dictionary for fr")
def test_words_asked_one_at_a_time_get_the_answers_of_hunspell_asked_at_once() -> None:
    # The literals check asks one Hunspell, kept running, word after word; each answer ends
    # at the echo of a word no dictionary knows, which a catalog may hold too.
    end = spelling._HunspellPipe.END
    words = ["maison", "chta", "clé", end, "souspkg", "", "valeur", f"x{end}", "l'eau"]
    spelling.is_word_of.cache_clear()
    asked = [spelling.is_word_of("fr", word) for word in words]
    dictionary = spelling.find_dictionary("fr")
    assert dictionary is not None
    at_once = spelling._hunspell(dictionary, None, ["^" + word for word in words])
    assert asked == [not misspelt for misspelt in at_once]
    assert asked == [True, False, True, False, False, True, True, False, True]


def test_mistakes_of_the_same_kinds_are_still_found() -> None:
    assert found(FR / "real-mistakes.po") == {
        # two `names`_ renamed: Sphinx pairs them with the msgid's in a set's order
        ("real-mistakes.po", 11, "references"),
        ("real-mistakes.po", 14, "literals"),  # ``__file____``: a typo, no word
        ("real-mistakes.po", 17, "literals"),  # ``src_dir_ds``: "ds" is too short to tell
        ("real-mistakes.po", 20, "references"),  # :file:`.py` for :file:`.pyd`
        ("real-mistakes.po", 23, "literals"),  # :attr:`!the_anwser`: a typo in code
        ("real-mistakes.po", 26, "identical-msgstr"),  # an English sentence
        # English words, but not the language's: another event's name
        ("real-mistakes.po", 32, "literals"),
        ("real-mistakes.po", 35, "literals"),  # sufix, inital_value, Pickle: a letter away
        ("real-mistakes.po", 38, "literals"),  # "...." for "...", [^...] for [^.]
        # the same slip in two literals is no convention of the catalog (it takes three)
        ("real-mistakes.po", 41, "literals"),  # sys.fork for os.fork
        ("real-mistakes.po", 44, "literals"),  # sys.forkpty for os.forkpty
    }


def test_a_theme_word_that_loses_its_space_is_reported_one_that_gains_one_is_not() -> None:
    assert found(CATALOGS / "fr" / "theme" / "sphinx.po") == {("sphinx.po", 14, "whitespace")}


# 95 catalogs of python-docs-fr, with the links the French team points at
# French pages on purpose allowed, as a project would declare them.
SAMPLE = ("c-api", "tutorial", "deprecations", "distributing", "installing")
FRENCH_PAGES = ("https://fr.wikipedia.org/", "https://docs.python.org/fr/")
# Every error left in the sample is a real mistake of the translation:
REAL_MISTAKES = {
    ("bool.po", 46, "references"),  # :c:data:`PyBook_Type` for PyBool_Type
    ("exceptions.po", 1141, "references"),  # PyExc_FloatingPointError for ..FileNotFoundError
    ("exceptions.po", 1312, "references"),  # PyExc_ReferenceError for PyExc_RecursionError
    ("exceptions.po", 1384, "references"),  # PyExc_ImportError for PyExc_TimeoutError
    ("frame.po", 42, "references"),  # :func: (Python) for :c:func: (C): the link breaks
    ("appendix.po", 121, "literals"),  # ``'#!'`` for ``#!``: quotes added to the code
    ("classes.po", 1244, "references"),  # the :ref:`instance-methods` link dropped
    ("classes.po", 1291, "references"),  # :meth:`iterator.!__next__`: a misplaced !
    ("modules.po", 356, "references"),  # :file:`module(version).pyc` for module.{version}.pyc
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the python-docs-fr corpus is not in {CORPUS}")
def test_no_false_alarm_on_a_sample_of_python_docs_fr() -> None:
    settings = CheckSettings(disabled=WITHOUT_SAFETY, allowed_urls=FRENCH_PAGES)
    report = check_paths([CORPUS / folder for folder in SAMPLE], settings)
    assert report.catalogs == 95
    errors = {
        (finding.path.name, finding.line, finding.check)
        for finding in report.findings
        if finding.severity == "error"
    }
    assert errors == REAL_MISTAKES


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the python-docs-fr corpus is not in {CORPUS}")
def test_real_mistakes_in_python_docs_fr_are_found() -> None:
    findings = {
        (finding.path.name, finding.line, finding.check)
        for finding in check_paths([CORPUS / "library" / "hashlib.po"], CheckSettings()).findings
    }
    # `le standard FIPS 180-4 <the FIPS 180-4 standard>`_: docutils reads the
    # embedded name as the URL "theFIPS180-4standard", a broken link.
    assert ("hashlib.po", 36, safety.RETARGETED_URL) in findings
