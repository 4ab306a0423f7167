"""Safe translations: a msgstr may use only what its msgid uses; the build enforces it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest

from editions import inert_rst
from editions.cli import main
from editions.compile import ENGLISH_READINGS, compile_language
from editions.declaration import Language, Project, load_project
from editions.inert_rst import is_plain, read
from editions.safety import RULES, judge

ROOT = Path(__file__).parent / "roots" / "test-basic"


@pytest.mark.parametrize(
    ("msgid", "msgstr", "checks"),
    [
        ("The *harbour* reopens.", "El *puerto* reabre.", set()),
        ("A **bold** ``code`` word.", "Una palabra **negrita** ``código``.", set()),
        ("See `the site <https://a.org/>`_.", "Ver `el sitio <https://a.org/>`_.", set()),
        ("Read :doc:`news/market`.", "Lee :doc:`El mercado <news/market>`.", set()),
        ("A `ref`_ here.", "Un `ref`_ aquí.", set()),
        ("Note: the data: 40%.", "Nota: los datos: 40%.", set()),
        ("Write ``.. raw::`` to…", "Escribe ``.. raw::`` para…", set()),
        ("Mail a@b.org", "Correo a@b.org", set()),
        (
            "Hello.",
            ".. role:: x(raw)\n   :format: html\n\n:x:`<b>`",
            {"unsafe-directive", "unsafe-role"},
        ),
        ("Hello.", ".. include:: /etc/passwd", {"unsafe-directive"}),
        ("Hello.", ".. literalinclude:: /etc/passwd", {"unsafe-directive"}),
        ("Hello.", ".. raw:: html\n   :file: /etc/passwd", {"unsafe-directive"}),
        ("Hello.", ".. default-role:: raw", {"unsafe-directive"}),
        ("Hello.", ".. |x| replace:: y\n\n|x|", {"unsafe-directive", "unsafe-substitution"}),
        ("Hello.", "Hola :download:`/etc/passwd`", {"unsafe-role"}),
        ("Read :download:`a.txt`.", "Lee :download:`/etc/passwd`.", {"unsafe-role"}),
        # A cross-reference only points inside the publication: `editions check` compares it.
        ("Read :doc:`news/market`.", "Lee :doc:`x <other/page>`.", set()),
        ("Hello |name|.", "Hola |other|.", {"unsafe-substitution"}),
        ("See `x <https://a.org/>`_.", "Ver `x <https://evil.org/>`_.", {"retargeted-url"}),
        ("See `x <https://a.org/>`_.", "Ver `x <javascript:alert(1)>`_.", {"unsafe-url-scheme"}),
        ("Hello.", "Hola javascript:alert(1)", {"unsafe-url-scheme"}),
        ("Hello.", "Hola `x <JaVa\tScRiPt:alert(1)>`_", {"unsafe-url-scheme"}),
        ("Hello.", "Hola :file:`/etc/hosts`", set()),  # only text: the name of a file
        ("Hello.", "Hola data:text/html;base64,PHNjcmlwdD4=", {"unsafe-url-scheme"}),
        ("Hello.", "Hola vbscript:msgbox(1)", {"unsafe-url-scheme"}),
        ("Hello.", "Hola `x <file:///etc/passwd>`_", {"unsafe-url-scheme"}),
        # Sphinx gives one renamed `name`_ the English's lost name; two, in a set's order.
        ("A `ref`_ here.", "Un `otro`_ aquí.", set()),
        ("A `ref`_ and `more`_.", "Un `otro`_ y `mas`_.", {"retargeted-url"}),
        ("See `x <https://a.org/en/x>`_.", "Ver `x <https://evil.org/es/x>`_.", {"retargeted-url"}),
        ("Mail a@b.org", "Correo c@d.org", {"retargeted-url"}),
        ("Hello.", "Hola\n\n.. _x: https://evil.org", {"retargeted-url"}),
        # HTML typed in a translation is text: Sphinx escapes it.
        ("<b>hi</b>", "<b onclick='x()'>hola</b>", set()),
        ("Hello.", "Hola <script>alert(1)</script>", set()),
    ],
)
def test_a_translation_may_use_only_what_its_english_uses(
    msgid: str, msgstr: str, checks: set[str]
) -> None:
    found = judge(msgid, msgstr, frozenset())
    assert {check for check, _ in found} == checks
    assert all(check in RULES and message for check, message in found)


LINKING = [
    "See `the site <https://a.org/>`_.",
    "A `named`_ and a name_ reference.",
    "An `anonymous <https://a.org>`__ link.",
    "Footnotes [#]_, [1]_ and a citation [CIT2002]_.",
    "A |substitution|_ link.",
    "Bare https://a.org and mailto:a@b.org",
    "Mail a@b.org",
    "Read :pep:`8` and :rfc:`2822`.",
    "javascript:alert(1)",
]
NOT_LINKING = [
    "Note: the data: 40%.",
    "Price: 5 euros, in the morning: early.",
    "Ends with a colon:",
]


@pytest.mark.parametrize("text", LINKING)
def test_a_text_that_links_is_never_taken_for_plain_words(text: str) -> None:
    reading = read(text)
    assert not is_plain(text)
    assert reading.urls or reading.refnames or reading.footnotes or reading.roles


@pytest.mark.parametrize("text", NOT_LINKING)
def test_plain_words_are_read_without_the_parser_and_as_the_parser_reads_them(text: str) -> None:
    assert is_plain(text)
    assert read(text) == inert_rst._reading_of(inert_rst.parse(text))


def test_allowed_urls_let_a_translation_link_to_a_local_site() -> None:
    msgid, msgstr = "See `x <https://a.org/>`_.", "Ver `x <https://es.a.org/page>`_."
    assert judge(msgid, msgstr, frozenset({"https://es.a.org/"})) == []
    assert judge(msgid, msgstr, frozenset({"https://es.a.org"})) != []


def test_a_build_shows_a_link_to_an_allowed_site_the_english_lacks(make_project, editions) -> None:
    root = make_project("test-basic")
    declaration = root / "pyproject.toml"
    declaration.write_text(
        declaration.read_text().replace(
            'source-language = "en"', 'source-language = "en"\nallowed-urls = ["https://es.a.org/"]'
        )
    )
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    catalog.write_text(
        catalog.read_text().replace(
            'msgstr "El puerto reabre"', 'msgstr "El `puerto <https://es.a.org/puerto>`_ reabre"'
        )
    )
    result = editions("--project", root, "build", "--lang", "es", "--strict")
    assert result.code == 0, result.out + result.err
    assert "retargeted-url" not in result.out + result.err
    page = (root / "build/html/es/news/harbour.html").read_text(encoding="utf-8")
    assert 'href="https://es.a.org/puerto"' in page


def test_checking_a_role_does_not_define_it_for_the_build_that_follows() -> None:
    from docutils.parsers.rst import roles

    before = dict(roles._roles)
    judge("Hello.", ".. role:: leak(raw)\n   :format: html\n\nhttp://x.org :leak:`x`")
    assert "leak" not in roles._roles and dict(roles._roles) == before


LINKED = "Read the `report <https://a.org/r>`_."


def _add_translation(root: Path, tag: str, msgid: str, msgstr: str) -> None:
    path = root / "locale" / tag / "LC_MESSAGES" / "news" / "harbour.po"
    catalog = polib.pofile(str(path))
    catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalog.save()


def _language(project: Project, tag: str) -> Language:
    return next(language for language in project.editions if language.tag == tag)


def test_the_english_readings_one_language_parsed_serve_the_next(make_project) -> None:
    root = make_project("test-basic")
    _add_translation(root, "es", LINKED, "Lea el `informe <https://a.org/r>`_.")
    _add_translation(root, "de", LINKED, "Lesen Sie den `Bericht <https://evil.example/r>`_.")
    project = load_project(root)
    saved = root / "build" / ".state" / ENGLISH_READINGS
    assert compile_language(project, _language(project, "es")).withheld == []
    assert [path.name for path in saved.iterdir()] == ["es.json"]
    german = compile_language(project, _language(project, "de"))
    # German parsed no English text (it would have saved it): it read them all from es.json,
    # and still finds the link the English lacks.
    assert [path.name for path in saved.iterdir()] == ["es.json"]
    assert [finding.check for finding in german.withheld] == ["retargeted-url"]


@pytest.mark.parametrize(
    "content", ['{"records": {"readings": ["older code", {}]}}', "{not json", '{"records": []}']
)
def test_english_readings_saved_by_other_code_or_damaged_are_parsed_again(
    make_project, content: str
) -> None:
    root = make_project("test-basic")
    _add_translation(root, "de", LINKED, "Lesen Sie den `Bericht <https://evil.example/r>`_.")
    saved = root / "build" / ".state" / ENGLISH_READINGS
    saved.mkdir(parents=True)
    (saved / "es.json").write_text(content)
    project = load_project(root)
    german = compile_language(project, _language(project, "de"))
    assert [finding.check for finding in german.withheld] == ["retargeted-url"]
    assert (saved / "de.json").is_file()


# Each attack goes into the Spanish catalog in place of one translation.
SECRET = "TOP-SECRET-MARKER-7f3a"
ATTACKS = {
    "role": (
        "news/harbour.po",
        "La alcaldesa agradeció a los trabajadores con un breve discurso.",
        ".. role:: x(raw)\\n   :format: html\\n\\n:x:`<script>alert(1)</script>` Hola",
        "unsafe-directive",
    ),
    "include": (
        "news/harbour.po",
        "El puerto reabrió el *lunes* tras tres semanas de reparaciones.",
        ".. include:: {secret}",
        "unsafe-directive",
    ),
    "raw-file": (
        "news/market.po",
        "El mercado semanal se traslada a la plaza junto al río.",
        ".. raw:: html\\n   :file: {secret}",
        "unsafe-directive",
    ),
    "literalinclude": (
        "news/market.po",
        "Los puesteros dicen que el nuevo lugar es más grande y luminoso.",
        ".. literalinclude:: {secret}",
        "unsafe-directive",
    ),
    "javascript-link": (
        "news/harbour.po",
        "Se espera un segundo barco el **viernes**.",
        "Se espera `un barco <javascript:alert(1)>`_ el **viernes**.",
        "unsafe-url-scheme",
    ),
    "bare-javascript": (
        "index.po",
        "Bienvenidos a la gaceta.",
        "Bienvenidos javascript:alert(document.cookie)",
        "unsafe-url-scheme",
    ),
    "data-url": (
        "news/market.po",
        "El mercado se traslada",
        "`El mercado <data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>`_",
        "unsafe-url-scheme",
    ),
    "retargeted": (
        "index.po",
        "Portada",
        "`Portada <https://evil.example/>`_",
        "retargeted-url",
    ),
}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """test-basic with every attack in its Spanish catalog, built once."""
    root = tmp_path_factory.mktemp("attacked") / "test-basic"
    shutil.copytree(ROOT, root)
    secret = root.parent / "secret.txt"  # a file of the build machine, outside source/
    secret.write_text(SECRET, encoding="utf-8")
    folder = root / "locale/es/LC_MESSAGES"
    for catalog, old, new, _ in ATTACKS.values():
        path = folder / catalog
        text = path.read_text(encoding="utf-8")
        assert f'msgstr "{old}"' in text
        text = text.replace(f'msgstr "{old}"', f'msgstr "{new.format(secret=secret)}"')
        path.write_text(text, encoding="utf-8")
    capture = _Capture()
    with capture:
        code = main(["--project", str(root), "build", "-j", "1", "--strict"])
    return root, capture.text, code


class _Capture:
    """Collects what the CLI prints, without pytest's per-test capsys (module fixture)."""

    def __enter__(self) -> None:
        import contextlib
        import io

        self._stream = io.StringIO()
        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(self._stream))
        self._stack.enter_context(contextlib.redirect_stderr(self._stream))

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
        self.text = self._stream.getvalue()


def _urls(html: str) -> set[str]:
    urls = re.findall(r'(?:href|src|action)="([^"]*)"', html)
    return {re.sub(r"\?v=\w+", "", url) for url in urls}


def _scripts(html: str) -> list[str]:
    """Script tags and event handlers, without the cache-busting ``?v=`` of static files."""
    found = re.findall(r"<script\b[^>]*>|\son[a-z]+\s*=", html, re.IGNORECASE)
    return sorted(re.sub(r"\?v=\w+", "", item) for item in found)


@pytest.mark.parametrize("page", ["index.html", "news/harbour.html", "news/market.html"])
def test_attacked_pages_have_no_script_file_or_url_the_english_lacks(
    attacked: tuple[Path, str, int], page: str
) -> None:
    root, _, _ = attacked
    spanish = (root / "build/html/es" / page).read_text(encoding="utf-8")
    english = (root / "build/html/en" / page).read_text(encoding="utf-8")
    german = (root / "build/html/de" / page).read_text(encoding="utf-8")  # a translated edition
    assert _scripts(spanish) == _scripts(german)
    assert "alert(" not in spanish and "javascript:" not in spanish
    assert SECRET not in spanish
    # The switcher links every edition: a link of the English or German page is the source's.
    # A paragraph shown in English is marked with a link to it on the English page.
    same_page_in_english = "../" * (page.count("/") + 1) + "en/" + page
    marks = {url for url in _urls(spanish) if url.split("#")[0] == same_page_in_english}
    assert marks, "the withheld paragraphs are marked"
    assert _urls(spanish) - marks <= _urls(english) | _urls(german)
    assert "evil.example" not in spanish and "data:text/html" not in spanish


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_is_named_with_file_line_and_check(
    attacked: tuple[Path, str, int], attack: str
) -> None:
    root, output, _ = attacked
    catalog, _, _, check = ATTACKS[attack]
    path = root / "locale/es/LC_MESSAGES" / catalog
    lines = path.read_text(encoding="utf-8").splitlines()
    fragment = ATTACKS[attack][2][:12].replace("\\n", "\n").split("\n")[0]
    line = next(n for n, text in enumerate(lines, 1) if fragment.split("{")[0] in text)
    assert f"{path}:{line}: [{check}]" in output


def test_the_english_is_shown_in_place_of_an_unsafe_translation(
    attacked: tuple[Path, str, int],
) -> None:
    root, _, _ = attacked
    harbour = (root / "build/html/es/news/harbour.html").read_text(encoding="utf-8")
    assert "The mayor thanked the workers in a short speech." in harbour
    assert "El puerto reabre" in harbour  # a safe translation beside it is kept


def test_a_strict_build_exits_1_and_the_other_editions_are_published(
    attacked: tuple[Path, str, int],
) -> None:
    root, output, code = attacked
    assert code == 1
    assert re.search(r"--strict: \d+ unsafe translation\(s\) left out", output)
    assert (root / "build/html/de/news/harbour.html").is_file()
    assert "Traceback" not in output


def test_source_writers_keep_raw_and_include(tmp_path: Path) -> None:
    root = tmp_path / "test-basic"
    shutil.copytree(ROOT, root)
    (root / "source/snippet.txt").write_text("Included by the writer.\n", encoding="utf-8")
    with (root / "source/news/market.rst").open("a", encoding="utf-8") as stream:
        stream.write(
            "\n.. include:: ../snippet.txt\n\n.. raw:: html\n\n   <span id='w'>raw</span>\n"
        )
    assert main(["--project", str(root), "build", "--lang", "es", "--strict"]) == 0
    page = (root / "build/html/es/news/market.html").read_text(encoding="utf-8")
    assert "Included by the writer." in page and "<span id='w'>raw</span>" in page
