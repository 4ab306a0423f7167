"""After the catalog is fixed (class 7), nothing of the attack stays in the published site.

Whatever the attacked build let through (a file copied into ``_downloads/``, a theme word
with an element), the next build from a fixed catalog publishes none of it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .published import files_containing, run_build, secret_marker

ROOTS = Path(__file__).parent.parent / "roots"
HARBOUR = "locale/es/LC_MESSAGES/news/harbour.po"
THEME_WORDS = "locale/es/LC_MESSAGES/sphinx.po"
FRIDAY = 'msgstr "Se espera un segundo barco el **viernes**."'
INJECTED = "inj-fixed-catalog"
THEME_ATTACK = f"""\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: es\\n"

msgid "Back to top"
msgstr "<img src=x onerror=\\"alert(1)\\" id=\\"{INJECTED}\\">"

msgid "Search"
msgstr "\\" autofocus onfocus=\\"alert(2)\\" id=\\"{INJECTED}-2\\" x=\\""
"""

ATTACKS = {
    "download": (HARBOUR, 'msgstr "Se espera :download:`el informe <@SECRETREL@>`."'),
    "include": (HARBOUR, 'msgstr ".. include:: @SECRETREL@\\n   :literal:"'),
    "theme-words": (THEME_WORDS, None),
}


@pytest.mark.parametrize("name", ATTACKS)
def test_the_build_after_the_fix_publishes_nothing_of_the_attack(tmp_path: Path, name: str) -> None:
    root = tmp_path / "publication"
    shutil.copytree(ROOTS / "test-basic", root)
    secret_file = tmp_path / "outside" / "secret.txt"
    secret_file.parent.mkdir()
    secret = secret_marker(name)
    secret_file.write_text(secret + "\n", encoding="utf-8")
    relative, msgstr = ATTACKS[name]
    catalog = root / relative
    if msgstr is None:
        catalog.write_text(THEME_ATTACK, encoding="utf-8")
    else:
        path = os.path.relpath(secret_file, root / "source" / "news")
        original = catalog.read_text(encoding="utf-8")
        assert FRIDAY in original
        catalog.write_text(original.replace(FRIDAY, msgstr.replace("@SECRETREL@", path)), "utf-8")
    run_build(root, timeout=300)  # the attacked build: whatever it published

    if msgstr is None:  # the fix: the theme words' catalog removed, or restored
        catalog.unlink()
    else:
        shutil.copy2(ROOTS / "test-basic" / relative, catalog)
    fixed = run_build(root, timeout=300)

    assert fixed.code == 0, fixed.err
    html = root / "build" / "html"
    assert files_containing(html, secret) == []
    assert files_containing(html, INJECTED) == []
    page = (html / "es" / "news" / "harbour.html").read_text(encoding="utf-8")
    assert "Se espera un segundo barco el" in page


ON_A_BUILT_SITE = {
    "translation": "locale/es/LC_MESSAGES/news/harbour.po",
    "source-language": "locale/en/LC_MESSAGES/news/harbour.po",
}
LINK_ATTACK = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "The mayor thanked the workers in a short speech."
msgstr "Texto `pulse <javascript:alert(1)>`_."
"""


@pytest.mark.parametrize("name", ON_A_BUILT_SITE)
def test_an_attack_on_an_already_built_site_is_reported(tmp_path: Path, name: str) -> None:
    """The attack is caught by the next build, not only by a build from a fresh clone."""
    root = tmp_path / "publication"
    shutil.copytree(ROOTS / "test-basic", root)
    assert run_build(root, timeout=300).code == 0
    catalog = root / ON_A_BUILT_SITE[name]
    catalog.parent.mkdir(parents=True, exist_ok=True)
    catalog.write_text(LINK_ATTACK, encoding="utf-8")

    attacked = run_build(root, timeout=300)

    assert attacked.code == 1, attacked.out + attacked.err
    assert re.search(rf"^{re.escape(str(catalog))}:[56]:", attacked.err, re.M), attacked.err
    assert files_containing(root / "build" / "html", "javascript:alert(1)") == []
