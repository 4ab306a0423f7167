"""The judge reads a msgstr as docutils does, runs nothing, and accepts only what the English has.

Each class of attack that walked around the former pattern-based rules, with its
cousins: every line boundary docutils splits on, every block that nests a
directive, backticks paired the way docutils pairs them, links in every spelling,
plural forms.  A property test then throws random structures at the judge and
compares it with docutils' own parser, whose directives and roles only record.
"""

from __future__ import annotations

import builtins
import io
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog
from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive, Parser, directives, roles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED, through_the_gate
from editions import inert_rst, safety
from editions.checks import CheckSettings, check_paths
from editions.inert_rst import LINE_LENGTH_LIMIT, MAX_CHARACTERS, is_plain, read
from editions.safety import judge

CORPUS = SHARED / "corpora" / "python-docs-fr"
ENGLISH = "The harbour reopens."
# Every character str.splitlines() ends a line on: docutils splits its input with it.
LINE_BOUNDARIES = [
    chr(code) for code in range(0x110000) if len(f"a{chr(code)}b".splitlines()) == 2
] + ["\r\n"]


def checks(msgstr: str, msgid: str = ENGLISH) -> set[str]:
    return {check for check, _ in judge(msgid, msgstr, frozenset())}


class _AnyOption(dict[str, object]):
    def __missing__(self, key: str) -> object:
        return directives.unchanged


class _Recorded(Directive):
    """A directive that only notes that docutils would have run it."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = _AnyOption()
    seen: list[str] = []

    def run(self) -> list[nodes.Node]:
        _Recorded.seen.append(self.name)
        return []


def _what_docutils_runs(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[set[str], set[str]]:
    """Directives and roles docutils' stock parser would run on ``text``, run as records only."""
    used_roles: set[str] = set()

    def record_role(name: str, *args: object) -> tuple[object, list[object]]:
        def role(role: str, raw: str, content: str, *rest: object) -> tuple[list[nodes.Node], list]:
            used_roles.add(role.lower())
            return [], []

        return role, []

    _Recorded.seen = []
    with monkeypatch.context() as patch:
        patch.setattr(directives, "directive", lambda *args: (_Recorded, []))
        patch.setattr(roles, "role", record_role)
        settings_ = get_default_settings(Parser)
        settings_.report_level = 5
        settings_.halt_level = 5
        settings_.warning_stream = io.StringIO()
        document = utils.new_document("<oracle>", settings_)
        Parser().parse(
            text + ("\n\n   dummy literal" if text.strip().endswith("::") else ""), document
        )
    return set(_Recorded.seen), used_roles


@pytest.fixture(autouse=True)
def nothing_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if judging opens a file, looks up or runs a directive, or calls a role.

    Each attempt is recorded as well as refused: the judge refuses a text whose reading
    fails, so an exception alone could pass unseen.
    """
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"the judge ran something: {args!r}")

    opened = builtins.open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).startswith(("/etc", "/dev", "../")) or str(file).endswith("secret.txt"):
            refuse(file)
        return opened(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(directives, "directive", refuse)
    monkeypatch.setattr(roles, "role", refuse)
    monkeypatch.setattr(Directive, "run", refuse)
    before = dict(roles._roles), dict(directives._directives)
    yield
    assert attempts == []
    assert (dict(roles._roles), dict(directives._directives)) == before


def test_docutils_knows_these_line_boundaries() -> None:
    assert set(LINE_BOUNDARIES) == {
        "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029",
    }  # fmt: skip


# docutils turns these two into spaces before it splits lines (string2lines, as Sphinx
# calls it): they end no line, and a directive after them is text, or an indented block.
TURNED_INTO_SPACES = {"\x0b", "\x0c"}


@pytest.mark.parametrize("separator", LINE_BOUNDARIES, ids=ascii)
@pytest.mark.parametrize(
    "attack",
    [
        "{sep}.. include:: ../../../../../etc/passwd{sep}   :literal:",
        "Hola.{sep}{sep}.. role:: strong(raw){sep}   :format: html",
        "{sep}.. raw:: html{sep}   :file: /etc/passwd",
        "{sep}.. default-role:: raw",
        "{sep}.. include:: /dev/zero",
    ],
)
def test_a_directive_after_any_line_boundary_is_refused(
    separator: str, attack: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    msgstr = attack.format(sep=separator)
    ran, _ = _what_docutils_runs(msgstr, monkeypatch)
    assert bool(ran) == ("unsafe-directive" in checks(msgstr))
    if separator not in TURNED_INTO_SPACES:
        assert ran, "docutils ends a line there"
    elif msgstr.startswith("Hola"):
        assert not ran and checks(msgstr) == set()  # one paragraph of text: harmless


@pytest.mark.parametrize("separator", LINE_BOUNDARIES, ids=ascii)
def test_a_link_target_after_any_line_boundary_is_refused(separator: str) -> None:
    msgstr = f"`x`_{separator}{separator}.. _x: javascript:alert(1)"
    assert {"unsafe-url-scheme", "retargeted-url"} <= checks(msgstr)


# Every block that holds other blocks, with a directive inside.
NESTINGS = {
    "bullet list": "* {d}",
    "bullet list, second item": "* uno\n* {d}",
    "unicode bullet": "\u2022 {d}",
    "enumerated list": "1. {d}",
    "auto-enumerated list": "#. {d}",
    "parenthesised enumerator": "(a) {d}",
    "field list": ":campo: {d}",
    "field list body": ":campo:\n   {d}",
    "definition list": "término\n   {d}",
    "block quote": "   {d}",
    "block quote after text": "Hola.\n\n   {d}",
    "option list": "-a  {d}",
    "grid table cell": "+" + "-" * 30 + "+\n| {d:28} |\n+" + "-" * 30 + "+",
    "simple table cell": "=====  ==============================\nA      B\n=====  "
    "==============================\nx      {d}\n=====  ==============================",
    "nested list": "* uno\n\n  * {d}",
    "footnote body": ".. [1] {d}",
    "directive in a comment's place": "..\n   {d}",
}


@pytest.mark.parametrize("nesting", sorted(NESTINGS))
@pytest.mark.parametrize(
    "directive", [".. role:: strong(raw)", ".. include:: /dev/zero", ".. default-role:: raw"]
)
def test_a_directive_nested_in_any_block_is_refused(nesting: str, directive: str) -> None:
    msgstr = NESTINGS[nesting].format(d=directive)
    found = checks(msgstr)
    # A comment is the one block a directive cannot start in: docutils keeps its text unread.
    if nesting == "directive in a comment's place":
        assert "unsafe-markup" in found
    else:
        assert "unsafe-directive" in found, read(msgstr)


@pytest.mark.parametrize("nesting", sorted(NESTINGS))
def test_a_role_nested_in_any_block_is_refused(nesting: str) -> None:
    msgstr = NESTINGS[nesting].format(d=":download:`/etc/passwd`")
    assert checks(msgstr) & {"unsafe-role", "unsafe-markup", "unsafe-directive"}


@pytest.mark.parametrize("unit", ["* ", "1. ", "#. ", ":f: ", "- "])
def test_a_nesting_too_deep_for_docutils_is_refused_without_an_error(unit: str) -> None:
    assert checks(unit * 300 + ".. include:: /dev/zero") == {"unsafe-markup"}


def test_a_line_block_holds_only_text_and_is_refused_as_a_block() -> None:
    reading = read("| .. include:: /dev/zero")
    assert reading.directives == () and "line_block" in reading.kinds
    assert checks("| .. include:: /dev/zero") == {"unsafe-markup"}


@pytest.mark.parametrize(
    ("msgstr", "expected"),
    [
        # docutils pairs backticks its own way: the role is found where it finds it.
        ("a`b :download:`../../../secret.txt` c", {"unsafe-role"}),
        ("``a`` :download:`/etc/passwd` ``b``", {"unsafe-role"}),
        ("x :download:`a`b` y", {"unsafe-role"}),
        ("a :DownLoad:`/etc/passwd`", {"unsafe-role"}),
        (":download:`texto <../../secret.txt>`", {"unsafe-role"}),
        ("`/etc/passwd`:download:", {"unsafe-role"}),
        # A literal hides nothing docutils does not hide.
        ("a``b |evil| c``", {"unsafe-substitution"}),
        ("\\``x |evil| y``", {"unsafe-substitution"}),
        ("``x`` |evil| ``y``", {"unsafe-substitution"}),
        ("``x |evil| y``", set()),
        ("``:download:`/etc/passwd```", set()),
        ("Texto :file:`/etc/passwd`.", set()),  # a path shown in code style: text
        ("Hola |evil|_", {"unsafe-substitution", "retargeted-url"}),
    ],
)
def test_backticks_are_paired_as_docutils_pairs_them(msgstr: str, expected: set[str]) -> None:
    assert checks(msgstr) - {"unsafe-markup"} == expected


@pytest.mark.parametrize(
    "role", ["download", "raw", "raw-html", "include", "x", "file-contents", "std:download"]
)
def test_a_role_the_english_lacks_is_refused_and_never_called(role: str) -> None:
    assert checks(f"Hola :{role}:`/etc/passwd`") == {"unsafe-role"}


def test_a_role_the_english_has_is_kept_with_the_english_target_only() -> None:
    english = "Get :download:`the file <data/a.csv>`."
    assert checks("Baje :download:`el archivo <data/a.csv>`.", english) == set()
    assert checks("Baje :download:`el archivo <../../secret.txt>`.", english) == {"unsafe-role"}


def test_defining_a_role_registers_nothing() -> None:
    assert checks(".. role:: leak(raw)\n   :format: html\n\n:leak:`<script>`") == {
        "unsafe-directive",
        "unsafe-role",
    }
    assert "leak" not in roles._roles


def test_including_dev_zero_returns_without_reading_it() -> None:
    # Reading /dev/zero never ends: returning at all shows it was not read.
    assert checks(".. include:: /dev/zero") == {"unsafe-directive"}
    assert checks("* .. include:: /dev/zero\n     :literal:") >= {"unsafe-directive"}


@pytest.mark.parametrize(
    "msgstr",
    [
        "Hola `x <javascript:alert(1)>`_",
        "Hola `x <JaVaScRiPt:alert(1)>`__",
        "Hola `x <java\tscript:alert(1)>`_",
        "Hola `x < javascript:alert(1)>`_",
        "Hola javascript:alert(1)",
        "Hola (javascript:alert(1))",
        "Hola `x`_\n\n.. _x: javascript:alert(1)",
        "Hola `x`_\n\n.. _x:\n   javascript:alert(1)",
        "Hola `x`__\n\n__ javascript:alert(1)",
        "Hola `x <data:text/html;base64,PHNjcmlwdD4=>`_",
        "Hola data:text/html;base64,PHNjcmlwdD4=",
        "Hola `x`_\n\n.. _x: data:text/html,<script>alert(1)</script>",
        "Hola vbscript:msgbox(1)",
        "Hola `x <file:///etc/passwd>`_",
    ],
)
def test_a_script_or_data_url_is_refused_in_every_spelling(msgstr: str) -> None:
    assert "unsafe-url-scheme" in checks(msgstr)


@pytest.mark.parametrize(
    ("english", "msgstr"),
    [
        ("See `the site <https://a.org/>`_.", "Ver `el sitio <https://evil.org/>`_."),
        # Two names renamed: Sphinx gives them the lost ones in the order of a set.
        ("See `the site`_ and `the shop`_.", "Ver `el sitio`_ y `la tienda`_."),
        ("See name_ and other_.", "Ver nombre_ y otro_."),
        ("See `x <name_>`_ and `y <more_>`_.", "Ver `x <otro_>`_ y `y <mas_>`_."),
        # One renamed, used twice: the second finds no lost name left, and no target.
        ("See `the site`_.", "Ver `el sitio`_ y `el sitio`_."),
        ("Mail a@b.org", "Correo c@d.org"),
        ("Bare https://a.org", "Desnudo https://evil.org"),
        ("Note [1]_.", "Nota [2]_."),
        ("Note [#]_.", "Nota [#]_ y [#]_."),
        ("Hello.", "Hola `x`__\n\n__ https://evil.org"),
        ("Hello.", "Hola _`ancla`."),
    ],
)
def test_a_link_or_target_the_english_lacks_is_retargeted(english: str, msgstr: str) -> None:
    assert "retargeted-url" in checks(msgstr, english)


def test_a_renamed_named_reference_is_told_the_alias_form() -> None:
    [(check, message), _] = judge("See `Examples`_ and `Tests`_.", "Voir `Exemples`_, `Essais`_.")
    assert check == "retargeted-url"
    assert "`Texto <Examples_>`_" in message


@pytest.mark.parametrize(
    ("english", "msgstr"),
    [
        ("See `the site`_.", "Ver `el sitio`_."),
        ("See name_.", "Ver otro_."),
        ("See `x <name_>`_.", "Ver `x <otro_>`_."),
    ],
)
def test_one_renamed_named_reference_is_the_englishs(english: str, msgstr: str) -> None:
    # Sphinx gives a name the document lacks the msgid's one lost name
    # (update_refnamed_references in sphinx/transforms/i18n.py): the same target.
    assert checks(msgstr, english) == set()


def test_the_english_links_kept_in_translation_pass() -> None:
    english = "See `the site <https://a.org/>`_, name_, [1]_, |s| and :pep:`8`."
    assert checks("Ver `el sitio <https://a.org/>`_, name_, [1]_, |s| y :pep:`8`.", english) == (
        set()
    )
    assert checks("Ver `el sitio <name_>`_.", "See name_.") == set()


@pytest.mark.parametrize(
    "msgstr",
    [
        "* Hola",
        "Hola\n\n* mundo",
        "   Hola",
        "Hola\n====",
        "Hola\n\n----\n\nmundo",
        "..\n   Hola",
        "+---+\n| a |\n+---+",
        ":campo: Hola",
        "Hola\n   mundo",
    ],
)
def test_a_translation_read_as_more_than_a_paragraph_is_refused(msgstr: str) -> None:
    assert "unsafe-markup" in checks(msgstr)


def test_broken_markup_the_english_lacks_is_refused_and_the_englishs_own_is_not() -> None:
    assert checks("Use :func:`os.path.join sin cerrar.", "Use :func:`os.path.join`.") == {
        "unsafe-markup"
    }
    assert checks("Use *esto sin cerrar.", "Use *this unclosed.") == set()


def test_a_msgstr_ending_with_two_colons_is_read_as_sphinx_reads_it() -> None:
    assert checks("Por ejemplo ::", "For example::") == set()
    assert checks("Por ejemplo::", "For example:") == set()


def test_a_text_above_the_size_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inert_rst, "parse", lambda text: pytest.fail("parsed"))
    [(check, message)] = judge(ENGLISH, "*a " * (MAX_CHARACTERS // 3 + 1))
    assert check == "unsafe-markup" and f"{MAX_CHARACTERS:,}" in message
    assert judge(ENGLISH, "a" * (MAX_CHARACTERS + 1)) != []  # plain words too


def test_a_line_the_parser_refuses_is_never_plain() -> None:
    text = "a" * (LINE_LENGTH_LIMIT + 1)
    assert not is_plain(text)
    assert read(text).problems  # docutils' "Line exceeds the line-length-limit"


def test_each_plural_form_is_judged_against_both_english_forms(tmp_path: Path) -> None:
    catalog = Catalog(locale="es")
    catalog.add(
        ("One `ship <https://a.org/1>`_", "%d `ships <https://a.org/n>`_"),
        ("Un `barco <https://a.org/1>`_", "%d `barcos <https://a.org/n>`_"),
    )
    catalog.add(
        ("One ship", "%d ships"),
        ("Un barco", "%d barcos\u2028\u2028.. include:: /etc/passwd"),
    )
    catalog.add(("A boat", "%d boats"), ("Un bote", "%d `botes <javascript:alert(1)>`_"))
    compiled, found = through_the_gate(catalog, tmp_path / "plural.po")
    assert sorted(finding.check for finding in found) == ["unsafe-directive", "unsafe-url-scheme"]
    kept = [message.id for message in compiled if message.id]
    assert kept == [("One `ship <https://a.org/1>`_", "%d `ships <https://a.org/n>`_")]


def test_editions_check_judges_and_compares_plural_forms(tmp_path: Path) -> None:
    catalog = polib.POFile()
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "es",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    catalog.append(
        polib.POEntry(
            msgid="One :func:`f`",
            msgid_plural="%d :func:`f` calls",
            msgstr_plural={0: "Una :func:`f`", 1: "%d :func:`g`\n\n.. include:: /etc/passwd"},
        )
    )
    path = tmp_path / "plural.po"
    catalog.save(str(path))
    report = check_paths([path], CheckSettings(disabled=frozenset({"plural-forms"})))
    assert {finding.check for finding in report.findings} >= {"unsafe-directive", "references"}


# --- the reading's fast path: exact, shown on a real corpus ---------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the python-docs-fr corpus is not in {CORPUS}")
def test_the_plain_fast_path_gives_the_parsers_reading_on_every_text_of_a_corpus() -> None:
    texts = {
        text
        for path in sorted(CORPUS.rglob("*.po"))
        for entry in polib.pofile(str(path))
        for text in (entry.msgid, entry.msgid_plural, entry.msgstr, *entry.msgstr_plural.values())
        if text
    }
    plain = [text for text in texts if is_plain(text)]
    assert len(plain) > 15_000
    different = [
        text for text in plain if inert_rst._reading_of(inert_rst.parse(text)) != read(text)
    ]
    assert different == []


@pytest.mark.parametrize(
    "text",
    ["A. Smith", "iv. foo", "a) foo", "1. foo", "- foo", "Foo::", "Foo:bar", "http://a.org",
     "a@b.org", "Foo\u2028bar", " foo", "foo_", "Foo\tbar", "-v foo", "/V foo", "Foo  bar"],
)  # fmt: skip
def test_text_that_may_be_markup_never_takes_the_fast_path(text: str) -> None:
    assert not is_plain(text)


# --- the property: random structures, compared with docutils' own parser -------------------

SNIPPETS = [
    ".. include:: /dev/zero",
    ".. role:: strong(raw)",
    ".. default-role:: raw",
    ".. raw:: html\n\n   <script>alert(1)</script>",
    ".. |s| replace:: x",
    ".. _t: javascript:alert(1)",
    "__ https://evil.org",
    ":download:`/etc/passwd`",
    ":x:`y`",
    "`t`_",
    "|s|",
    "``lit``",
    "*em*",
    "javascript:alert(1)",
    "Hola",
]
PREFIXES = ["", "* ", "1. ", "#. ", ":f: ", "   ", "| ", "-a  ", "término\n   ", "(a) "]


@st.composite
def random_rst(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.tuples(
                st.sampled_from(PREFIXES),
                st.sampled_from(SNIPPETS),
                st.sampled_from(LINE_BOUNDARIES + [" ", "\n\n", "`", "``"]),
            ),
            min_size=1,
            max_size=5,
        )
    )
    return "".join(prefix + snippet + separator for prefix, snippet, separator in parts)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(msgstr=random_rst())
def test_the_judge_runs_nothing_and_misses_nothing_docutils_would_run(
    msgstr: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = checks(msgstr)  # raises nothing, runs nothing (the autouse guard)
    ran, called = _what_docutils_runs(msgstr, monkeypatch)
    if ran:
        assert found & {"unsafe-directive"}, (msgstr, ran)
    if called - safety.CONTENT_ROLES - safety.reference_roles():
        assert "unsafe-role" in found, (msgstr, called)
    reading = read(msgstr)
    if reading.targets:
        assert "retargeted-url" in found
    if any(safety._scheme(url) not in safety.SAFE_SCHEMES for url in reading.urls):
        assert "unsafe-url-scheme" in found


def test_a_reference_to_a_section_by_its_translated_title_is_the_english_reference() -> None:
    titles = safety.translated_names(
        [("Examples", "Exemples"), ("Other", "Autre"), ("See `Examples`_.", "x")]
    )
    english, msgstr = "See `Examples`_.", "Voir les `Exemples`_."
    assert safety.judge(english, msgstr, titles=titles) == []
    # "Autre" is another section's name in the document: Sphinx keeps it, off the English's.
    assert [check for check, _ in safety.judge(english, "Voir `Autre`_.", titles=titles)] == [
        "retargeted-url"
    ]


def test_a_label_linked_by_a_translated_title_is_not_known_to_be_the_same_target() -> None:
    # python-docs-fr's library/hashlib.po:126: hashlib-seealso labels a seealso directive,
    # not a section "See also"; Sphinx gives `Voir aussi`_ a lost name in a set's order.
    titles = safety.translated_names([("See also", "Voir aussi")])
    english = "Refer to `Attacks`_ and the `hashlib-seealso`_ section."
    msgstr = "Voir `Attaques`_ et la section `Voir aussi`_."
    assert [check for check, _ in safety.judge(english, msgstr)] == ["retargeted-url"] * 2
    found = safety.judge(english, msgstr, titles=titles)
    assert [check for check, _ in found] == ["retargeted-url"] * 2
    # Each told the alias form with its own English name, in the English's order.
    assert "`Texto <Attacks_>`_" in found[0][1]
    assert "`Texto <hashlib-seealso_>`_" in found[1][1]


@pytest.mark.parametrize(
    ("english", "localised"),
    [
        ("https://docs.microsoft.com/en-us/windows/setx", "https://docs.microsoft.com/fr-fr/windows/setx"),
        ("https://docs.microsoft.com/en-US/cpp/x#y", "https://docs.microsoft.com/fr-FR/cpp/x#y"),
        ("https://docs.djangoproject.com/en/stable/logging/", "https://docs.djangoproject.com/fr/stable/logging/"),
        ("https://www.debian.org/doc/first.en.html", "https://www.debian.org/doc/first.fr.html"),
        ("https://a.org/en_CA/x", "https://A.org/fr_FR/x"),
    ],
)  # fmt: skip
def test_the_english_page_in_the_catalogs_language_is_the_englishs_link(
    english: str, localised: str
) -> None:
    source, msgstr = f"See `the page <{english}>`_.", f"Voir `la page <{localised}>`_."
    assert safety.judge(source, msgstr, language="fr") == []
    assert safety.judge(source, msgstr, language="fr_FR") == []
    # Another language, or no language known: the page is not the catalog's.
    assert [check for check, _ in safety.judge(source, msgstr, language="de")] == ["retargeted-url"]
    assert [check for check, _ in safety.judge(source, msgstr)] == ["retargeted-url"]


@pytest.mark.parametrize(
    "localised",
    [
        "https://evil.org/fr/x",  # another host
        "http://a.org/fr/x",  # another scheme
        "https://fr.a.org/en/x",  # a host label: en.github.io and fr.github.io differ in owner
        "https://a.org/fr-ca/x",  # another French than the catalog's
        "https://a.org/fr/y",  # another page
        "https://a.org/fr/x?page=2",
        "https://a.org/fr/x#other",
        "https://a.org/fr/x/fr",
        "https://a.org/fr/en/x",  # a segment added
        "https://a.org/frx/x",
    ],
)
def test_only_a_language_segment_of_the_english_url_may_change(localised: str) -> None:
    source, msgstr = "See `x <https://a.org/en/x>`_.", f"Voir `x <{localised}>`_."
    assert [check for check, _ in safety.judge(source, msgstr, language="fr")] == ["retargeted-url"]


def test_a_language_segment_must_be_english_in_the_english_url() -> None:
    source = "See `x <https://github.com/de/x>`_."  # "de": a user, as likely as a language
    assert safety.judge(source, "Voir `x <https://github.com/fr/x>`_.", language="fr") != []
