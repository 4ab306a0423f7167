"""Any machine, any day: nothing depends on the shell's locale or on data a library may change.

A library upgrade (Babel 2.18 -> 2.19 re-spelt ``zh_CN`` and gave French three plural forms)
and the shell's ``LANG`` must change no folder, no URL, no committed catalog and no verdict.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from editions import plurals
from editions.declaration import load_project

# --- Spellings that do not move --------------------------------------------------------------

SPELLINGS = [
    # declared, catalogs folder, edition folder and URL, <html lang>
    ("zh-CN", "zh_CN", "zh-cn", "zh-CN"),
    ("zh-TW", "zh_TW", "zh-tw", "zh-TW"),
    ("sr-Latn", "sr_Latn", "sr-latn", "sr-Latn"),
    ("pt-BR", "pt_BR", "pt-br", "pt-BR"),
    ("pt_br", "pt_BR", "pt-br", "pt-BR"),
    ("es", "es", "es", "es"),
]


@pytest.mark.parametrize(("code", "folder", "tag", "lang"), SPELLINGS)
def test_a_declared_code_keeps_its_spellings_whatever_babel_says(
    tmp_path: Path, code: str, folder: str, tag: str, lang: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.editions]\nlanguages = [{{ code = "{code}" }}]\n', encoding="utf-8"
    )
    (language,) = load_project(tmp_path).languages
    assert (language.gettext, language.tag, language.bcp47) == (folder, tag, lang)


def test_a_declared_language_without_catalogs_is_an_error_naming_the_folder(
    make_project, editions
) -> None:
    root = make_project("test-basic")
    shutil.rmtree(root / "locale/de")
    result = editions("--project", root, "build")
    assert result.code == 1
    assert f"{root / 'locale/de/LC_MESSAGES'}: no catalogs for the declared language 'de'" in (
        result.err
    )
    assert not (root / "build/html/de").exists()  # never an English page under de/
    assert (root / "build/html/es/index.html").is_file()  # the others publish


# --- The shell's locale is not a language ----------------------------------------------------

POSIX_NAMES = ["C", "C.UTF-8", "POSIX", "de_DE.UTF-8", "sr@latin", "en_US.ISO-8859-1"]


@pytest.mark.parametrize("name", POSIX_NAMES)
def test_add_language_refuses_a_posix_locale_name(make_project, editions, name: str) -> None:
    root = make_project("test-basic")
    declaration = (root / "pyproject.toml").read_bytes()
    result = editions("--project", root, "add-language", name)
    assert result.code == 2
    assert f"'{name}' is not a language tag (BCP 47) such as 'es', 'pt-BR'" in result.err
    assert "Traceback" not in result.err
    assert (root / "pyproject.toml").read_bytes() == declaration


@pytest.mark.parametrize("name", POSIX_NAMES)
def test_lang_refuses_a_posix_locale_name_and_does_not_advise_declaring_it(
    make_project, editions, name: str
) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "status", "--lang", name)
    assert result.code == 2
    assert f"'{name}' is not a language tag (BCP 47)" in result.err
    assert "add-language" not in result.err


MAKEFILE = Path(__file__).parent.parent / "Makefile"


@pytest.mark.parametrize("lang", ["C.UTF-8", "de_DE.UTF-8"])
def test_the_shells_locale_chooses_no_edition_in_make(lang: str) -> None:
    # `make -n` prints the commands without running them (nor installing anything).
    printed = subprocess.run(
        ["make", "-n", "-f", str(MAKEFILE), "-W", "pyproject.toml", "html", "update-po"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": lang, "LC_ALL": lang, "LANGUAGE": "de"},
        cwd=MAKEFILE.parent,
        check=True,
    ).stdout
    assert "editions build " in printed and "editions update" in printed
    assert "--lang" not in printed


def test_make_chooses_an_edition_with_edition_and_refuses_lang() -> None:
    env = {"PATH": "/usr/bin:/bin", "LANG": "de_DE.UTF-8"}
    chosen = subprocess.run(
        ["make", "-n", "-f", str(MAKEFILE), "html", "EDITION=es"],
        capture_output=True,
        text=True,
        env=env,
        cwd=MAKEFILE.parent,
    )
    assert "build --lang es" in chosen.stdout
    refused = subprocess.run(
        ["make", "-n", "-f", str(MAKEFILE), "html", "LANG=es"],
        capture_output=True,
        text=True,
        env=env,
        cwd=MAKEFILE.parent,
    )
    assert refused.returncode != 0
    assert "choose an edition with EDITION=es" in refused.stderr


# --- Plural-Forms: GNU gettext's rule or CLDR's ----------------------------------------------


@pytest.mark.parametrize("language", sorted(plurals.GNU_PLURAL_FORMS))
def test_the_gnu_table_is_what_msginit_writes(tmp_path: Path, language: str) -> None:
    template = tmp_path / "t.pot"
    template.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8"
    )
    written = subprocess.run(
        ["msginit", "-l", language, "--no-translator", "-i", str(template), "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert polib.pofile(written).metadata["Plural-Forms"] == plurals.GNU_PLURAL_FORMS[language]


@pytest.mark.parametrize(
    ("language", "declared"),
    [
        ("fr", "nplurals=2; plural=(n > 1);"),  # GNU's, what every French catalog carries
        ("fr", "nplurals=2; plural=n>1;"),  # the same rule, spelt otherwise
        ("es", "nplurals=2; plural=(n != 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("de", "nplurals=2; plural=(n != 1);"),
        ("ja", "nplurals=1; plural=0;"),
        (
            "ar",
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
            ": n%100>=11 && n%100<=99 ? 4 : 5);",
        ),  # fmt: skip
        (
            "ar",
            "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
            ": n%100>=11 ? 4 : 5;",
        ),  # fmt: skip
    ],
)
def test_a_rule_that_groups_counts_like_gnu_or_cldr_fits(language: str, declared: str) -> None:
    rule = plurals.parse(declared)
    assert rule is not None and plurals.fits(rule, language)


@pytest.mark.parametrize(
    ("language", "declared"),
    [
        ("fr", "nplurals=2; plural=(n != 1);"),  # 0 is singular in French
        ("de", "nplurals=2; plural=(n > 1);"),
        ("de", "nplurals=1; plural=0;"),
        ("ja", "nplurals=2; plural=(n != 1);"),
        ("ar", "nplurals=2; plural=(n != 1);"),
        ("es", "nplurals=3; plural=(n == 1 ? 0 : n > 1 ? 1 : 2);"),  # 0 in a form of its own
    ],
)
def test_a_rule_that_groups_counts_otherwise_does_not_fit(language: str, declared: str) -> None:
    rule = plurals.parse(declared)
    assert rule is not None and not plurals.fits(rule, language)


def test_both_authorities_are_accepted_for_french() -> None:
    # With Babel >= 2.19 (CLDR 47) the rules differ; with older ones they agree.
    for text in plurals.accepted_rules("fr"):
        rule = plurals.parse(text)
        assert rule is not None and plurals.fits(rule, "fr")
    assert plurals.accepted_rules("fr")[0] == "nplurals=2; plural=(n > 1);"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("it", "nplurals=2; plural=(n != 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("pt", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_a_new_catalog_gets_gnus_rule(make_project, editions, language: str, expected: str) -> None:
    root = make_project("test-basic")
    assert editions("--project", root, "add-language", language).code == 0
    catalog = polib.pofile(str(root / f"locale/{language}/LC_MESSAGES/news/harbour.po"))
    assert catalog.metadata["Plural-Forms"] == expected


def test_a_language_gnu_does_not_know_gets_cldrs_rule() -> None:
    assert plurals.gnu_rule("ar") is None
    assert plurals.rule_for_new_catalog("ar") == plurals.cldr_rule("ar")
    assert str(plurals.rule_for_new_catalog("ar")).startswith("nplurals=6;")


# --- A library upgrade rewrites no header ----------------------------------------------------

AUTHORED_HEADER = """\
# Spanish translation of the harbour.
# Ana <ana@example.org>, 2024.
#
msgid ""
msgstr ""
"Project-Id-Version: Test Gazette\\n"
"POT-Creation-Date: 2020-01-01 00:00+0000\\n"
"PO-Revision-Date: 2024-05-06 07:08+0200\\n"
"Last-Translator: Ana <ana@example.org>\\n"
"Language-Team: Spanish <es@example.org>\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Generated-By: Babel 2.0\\n"
"X-Generator: Poedit 3.4.2\\n"
"X-Poedit-SourceCharset: UTF-8\\n"
"""


def _authored(catalog: Path) -> None:
    text = catalog.read_text(encoding="utf-8")
    body = text[text.index("\n\n") :]  # every entry after the header, as it was
    catalog.write_text(AUTHORED_HEADER + body, encoding="utf-8")


def test_format_keeps_every_header_field_as_its_author_wrote_it(make_project, editions) -> None:
    root = make_project("test-basic")
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    _authored(catalog)
    assert editions("--project", root, "format", catalog).code == 0
    assert catalog.read_text(encoding="utf-8").startswith(AUTHORED_HEADER)


def test_update_changes_only_the_templates_date_in_a_header(make_project, editions) -> None:
    root = make_project("test-basic")
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    _authored(catalog)
    with (root / "source/news/harbour.rst").open("a", encoding="utf-8") as source:
        source.write("\nA new paragraph for the translators.\n")
    assert editions("--project", root, "update").code == 0
    assert "A new paragraph for the translators." in catalog.read_text(encoding="utf-8")
    header = catalog.read_text(encoding="utf-8").split("\n\n")[0] + "\n"
    changed = [
        (old, new)
        for old, new in zip(AUTHORED_HEADER.splitlines(), header.splitlines(), strict=True)
        if old != new
    ]
    assert [old for old, _ in changed] == ['"POT-Creation-Date: 2020-01-01 00:00+0000\\n"']


def test_a_new_catalogs_header_has_real_values_and_no_placeholders(make_project, editions) -> None:
    root = make_project("test-basic")
    assert editions("--project", root, "add-language", "pt-BR").code == 0
    path = root / "locale/pt_BR/LC_MESSAGES/news/harbour.po"
    text = path.read_text(encoding="utf-8")
    for placeholder in ("EMAIL@ADDRESS", "FULL NAME", "VERSION", "YEAR-MO-DA", "ORGANIZATION"):
        assert placeholder not in text
    metadata = polib.pofile(str(path)).metadata
    assert metadata["Project-Id-Version"] == "Test Gazette"
    assert metadata["Language"] == "pt_BR"
    assert metadata["Language-Team"] == "Português (Brasil)"  # the language in itself (CLDR)
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
