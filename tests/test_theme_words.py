"""Text stays text: the theme's words (``sphinx.po``) and Editions' own never become markup.

Sphinx's and furo's templates insert the theme's words without escaping, and
``sphinx_highlight.js`` parses "Hide Search Matches" as HTML; a msgstr HTML
would read as markup is withheld (its English is shown) and reported as
``theme-markup``, by the build and by ``editions check``.
"""

from __future__ import annotations

import functools
import html
import io
import os
import random
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
import sphinx
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from jinja2 import FileSystemLoader
from jinja2.sandbox import SandboxedEnvironment
from playwright.sync_api import Browser

from conftest import CHROMIUM, REPOSITORY, ROOTS, CliResult
from editions.cli import main
from editions.sphinxext import switcher
from editions.theme_words import word_findings

IMAGE = "<img src=x onerror=alert(1)>"
BREAK_OUT = '" onfocus="alert(2)'
PAYLOAD = f" {IMAGE} {BREAK_OUT}"
EDITIONS = ("en", "es", "de")
THEME_FINDING = re.compile(r"(?P<path>\S+/sphinx\.po):(?P<line>\d+): \[theme-markup\] ")


def theme_messages() -> Catalog:
    """Every theme word: Sphinx's own (sphinx.pot) and those the project completes (furo's)."""
    words = Catalog()
    sources = [
        Path(sphinx.__file__).parent / "locale" / "sphinx.pot",
        *sorted(REPOSITORY.glob("locale/*/LC_MESSAGES/sphinx.po")),
    ]
    for source in sources:
        with source.open("rb") as po:
            for message in read_po(po):
                if message.id and message.id not in words:
                    words[message.id] = message.clone()
    return words


def with_payload(msgid: str) -> str:
    """``msgid`` with markup and an attribute break-out, its leading and final new lines kept."""
    core = msgid.strip("\n")
    start = msgid[: len(msgid) - len(msgid.lstrip("\n"))]
    end = msgid[len(msgid.rstrip("\n")) :]
    return f"{start}{core}{PAYLOAD}{end}"


def write_attack(root: Path, tag: str, words: Catalog) -> int:
    """Write ``locale/<tag>/LC_MESSAGES/sphinx.po`` with the payload in every word; their count."""
    catalog = Catalog(locale=tag, domain="sphinx", fuzzy=False)
    for message in words:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = [with_payload(message.id[min(n, 1)]) for n in range(catalog.num_plurals)]
            catalog.add(message.id, tuple(forms), flags=message.flags)
        else:
            catalog.add(message.id, with_payload(message.id), flags=message.flags)
    write_catalog(root, tag, catalog)
    return len(catalog)


def write_catalog(root: Path, tag: str, catalog: Catalog) -> Path:
    path = root / "locale" / tag / "LC_MESSAGES" / "sphinx.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    output = io.BytesIO()
    write_po(output, catalog, width=0)
    path.write_bytes(output.getvalue())
    return path


def theme_po(tag: str, words: dict[str, str]) -> Catalog:
    catalog = Catalog(locale=tag, domain="sphinx", fuzzy=False)
    for msgid, msgstr in words.items():
        catalog.add(msgid, msgstr)
    return catalog


def published_files(root: Path) -> list[Path]:
    """Every page and script a reader can reach: each edition is a link to its copy."""
    html = root / "build" / "html"
    found = []
    for folder, subfolders, files in os.walk(html, followlinks=True):
        subfolders[:] = [name for name in subfolders if name != ".editions"]
        found += [Path(folder, name) for name in files if name.endswith((".html", ".js"))]
    return sorted(found)


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> CliResult:
    code = main(["--project", str(root), "build"])
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], str]:
    """test-basic with the payload in every theme word of every edition, English included."""
    root = tmp_path_factory.mktemp("attacked") / "test-basic"
    shutil.copytree(ROOTS / "test-basic", root)
    words = theme_messages()
    counts = {tag: write_attack(root, tag, words) for tag in EDITIONS}
    output = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", output)
        patch.setattr("sys.stderr", output)
        code = main(["--project", str(root), "build"])
    assert code == 0, output.getvalue()
    return root, counts, output.getvalue()


# What a theme word may be: the rule, word by word.


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("Back to top", "Volver arriba"),
        ("Back to top", "Zurück nach „oben“"),
        ("Back to top", "Q&A < 3 l'haut"),  # text HTML reads as itself
        (
            '<a href="%(path)s">Copyright</a> &#169; %(copyright)s',
            '<a href="%(path)s">Derechos</a> ©',
        ),
        ('theme %r doesn\'t have the "theme" table', 'le thème %r n\'a pas de table "theme"'),
    ],
)
def test_plain_text_and_the_englishs_own_markup_are_accepted(msgid: str, msgstr: str) -> None:
    assert word_findings(msgid, msgstr) == ()


@pytest.mark.parametrize(
    "msgid, msgstr, reason",
    [
        ("Back to top", "Volver arriba<img src=x onerror=alert(1)>", "as a tag"),
        ("Back to top", "Volver <img src=x onerror=alert(1) ", "as a tag"),  # the theme closes it
        ("Back to top", "Volver <!-- arriba", "as a comment"),
        ("Back to top", "Volver arriba </", "as an end tag"),
        ("Back to top", "Volver arriba <", "with what the theme writes after it"),
        ("Link to this heading", 'Enlace" onmouseover="alert(1)', "end the attribute value"),
        ("Back to top", "Volver &lt;arriba&gt;", "not as it is written"),
        ('<a href="%(path)s">Copyright</a>', '<a href="javascript:alert(1)">Derechos</a>', "tags"),
        ('<a href="%(path)s">Copyright</a>', '<a href="%(path)s">Derechos</a><b>', "as a tag"),
        ('<a href="%(path)s">Copyright</a>', "Derechos", "keep the English's tags"),
    ],
)
def test_a_theme_word_html_reads_otherwise_is_refused(msgid: str, msgstr: str, reason: str) -> None:
    assert any(reason in finding for finding in word_findings(msgid, msgstr))


# The rule agrees with a browser: what it accepts, Chromium reads as text (and the English's tags).

LINK = '<a href="%(path)s">Copyright</a>'
# Every way a "<" or "&" can start something in HTML, and ordinary text around them.
ALPHABET = [*"<>/!-?a\"'= &;#x1pb\t\n", "<!--", "-->", "</p>", "&lt;", "&amp", "<![CDATA[", "<img"]


def candidate_words(english: str, count: int) -> list[str]:
    """Random words (a fixed seed) that the rule accepts for ``english``."""
    rng = random.Random(1871)
    tags = re.findall(r"</?a[^>]*>", english)
    accepted = set()
    for _ in range(count):
        pieces = ["".join(rng.choices(ALPHABET, k=rng.randint(0, 5))) for _ in range(len(tags) + 1)]
        word = pieces[0] + "".join(tag + piece for tag, piece in zip(tags, pieces[1:], strict=True))
        if word_findings(english, word) == ():
            accepted.add(word)
    return sorted(accepted)


# For each word: the element tree Chromium builds from <p>word</p> (tags and attributes;
# comments and other nodes by type), the text it holds, and the title="word" it reads.
READ_IN_CHROMIUM = """(words) => {
  const shape = (node) => node.nodeType === 1
    ? [node.nodeName, [...node.attributes].map((a) => [a.name, a.value]),
       [...node.childNodes].filter((child) => child.nodeType !== 3).map(shape)]
    : [node.nodeType];
  const box = document.createElement("div");
  return words.map((word) => {
    box.innerHTML = "<p>" + word + "</p><i></i>";
    const content = [[...box.childNodes].map(shape), box.firstChild.textContent];
    box.innerHTML = '<p title="' + word + '"></p><i></i>';
    return [...content, [...box.childNodes].map(shape)];
  });
}"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize("english", ["Back to top", LINK])
def test_every_word_the_rule_accepts_chromium_reads_as_its_english(
    browser: Browser, english: str
) -> None:
    words = candidate_words(english, 15_000)
    assert len(words) > 2_000  # "<", "&", quotes and the English's tags among them
    page = browser.new_page()
    readings = page.evaluate(READ_IN_CHROMIUM, words)
    page.close()
    link = [["A", [["href", "%(path)s"]], []]] if english == LINK else []
    content = [["P", [], link], ["I", [], []]]
    differ = []
    for word, (tree, text, in_attribute) in zip(words, readings, strict=True):
        attribute = [["P", [["title", html.unescape(word)]], []], ["I", [], []]]
        # A word with the English's link is never put in an attribute, as the English is not.
        if tree != content or (not link and (in_attribute != attribute or text != word)):
            differ.append(word)
    assert differ == []


# The build: every theme word of every edition carries markup and a break-out.


def test_every_theme_word_with_markup_is_withheld_and_reported(
    attacked: tuple[Path, dict[str, int], str],
) -> None:
    root, counts, output = attacked
    for tag in EDITIONS:
        catalog = root / "locale" / tag / "LC_MESSAGES" / "sphinx.po"
        lines = {
            int(match["line"])
            for match in THEME_FINDING.finditer(output)
            if Path(match["path"]) == catalog
        }
        assert len(lines) == counts[tag], tag
        assert all(
            catalog.read_text(encoding="utf-8").splitlines()[n - 1].startswith("msgstr")
            for n in lines
        )


def test_no_published_file_holds_a_theme_words_markup(
    attacked: tuple[Path, dict[str, int], str],
) -> None:
    root, _, _ = attacked
    files = published_files(root)
    assert {path.relative_to(root / "build" / "html").parts[0] for path in files} >= set(EDITIONS)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "<img src=x onerror" not in text, path
        assert 'onfocus="alert(2)' not in text, path
        assert "alert(1)" not in text and "alert(2)" not in text, path  # withheld, not escaped


def test_the_english_edition_reads_its_catalogs_through_the_same_gate(
    attacked: tuple[Path, dict[str, int], str],
) -> None:
    root, _, _ = attacked
    assert (root / "build" / "catalogs" / "en" / "LC_MESSAGES" / "sphinx.mo").is_file()
    assert not list((root / "locale").rglob("*.mo"))  # Sphinx compiled nothing beside the .po


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize("tag", EDITIONS)
def test_a_highlighted_page_runs_no_theme_word_in_a_browser(
    browser: Browser, attacked: tuple[Path, dict[str, int], str], tag: str
) -> None:
    root, _, _ = attacked
    with served(root / "build" / "html") as url:
        page = browser.new_context().new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{url}{tag}/news/harbour.html?highlight=harbour")
        # sphinx_highlight.js has inserted its link, with the theme word, as HTML.
        link = page.locator("#searchbox p.highlight-link a")
        link.wait_for()
        assert "alert" not in link.inner_text()
        assert page.locator("img[onerror]").count() == 0
        assert page.locator("[onfocus]").count() == 0
        assert dialogs == []


@functools.cache
def _handler(directory: str) -> Callable[..., SimpleHTTPRequestHandler]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    return functools.partial(Quiet, directory=directory)


class served:
    """``folder`` served on a free local port, for the time of a ``with``."""

    def __init__(self, folder: Path) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(str(folder)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# A corrected catalog: the next build publishes the correction on every page.


def spanish_pages(root: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted((root / "build" / "html" / "es").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "back-to-top" in text:  # furo's button, on every page of the theme
            yield path, text


def test_a_corrected_theme_word_is_published_on_every_page(
    make_project: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project("test-basic")
    write_catalog(root, "es", theme_po("es", {"Back to top": f"Volver arriba{IMAGE}"}))
    first = build(root, capsys)
    assert first.code == 0, first.err
    assert "[theme-markup]" in first.out + first.err
    pages = list(spanish_pages(root))
    assert len(pages) >= 3
    assert all("Volver arriba" not in text and "onerror" not in text for _, text in pages)

    write_catalog(root, "es", theme_po("es", {"Back to top": "Volver arriba"}))
    second = build(root, capsys)
    assert second.code == 0, second.err
    assert "[theme-markup]" not in second.out + second.err
    assert [path for path, _ in spanish_pages(root)] == [path for path, _ in pages]
    assert all("Volver arriba" in text for _, text in spanish_pages(root))


# The source language's catalogs: the same gate, and part of the English edition's inputs.


def test_a_safe_english_theme_word_is_shown_and_an_unsafe_one_withheld(
    make_project: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project("test-basic")
    catalog = theme_po("en", {"Back to top": "Top of the page", "Next": f"Onwards{IMAGE}"})
    path = write_catalog(root, "en", catalog)
    result = build(root, capsys)
    assert result.code == 0, result.err
    assert f"{path}:" in result.out + result.err and "[theme-markup]" in result.out + result.err
    page = (root / "build" / "html" / "en" / "news" / "harbour.html").read_text(encoding="utf-8")
    assert "Top of the page" in page
    assert "Onwards" not in page and "onerror" not in page

    write_catalog(root, "en", theme_po("en", {"Back to top": "Up"}))  # fixed: rebuilt, republished
    assert build(root, capsys).code == 0
    page = (root / "build" / "html" / "en" / "news" / "harbour.html").read_text(encoding="utf-8")
    assert "Up</span>" in page and "Top of the page" not in page


def test_check_reports_theme_markup_at_the_msgstrs_line(
    make_project: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project("test-basic")
    catalog = theme_po("es", {"Back to top": f"Volver arriba{IMAGE}", "Next": "Siguiente"})
    path = write_catalog(root, "es", catalog)
    code = main(["--project", str(root), "check", str(path)])
    out = capsys.readouterr().out
    line = path.read_text(encoding="utf-8").splitlines().index(f'msgstr "Volver arriba{IMAGE}"') + 1
    assert code == 1
    assert f"{path}:{line}: [theme-markup]" in out
    assert out.count("[theme-markup]") == 1


# Editions' own words and the declaration's: escaped wherever they are inserted.


def test_the_declarations_title_is_text_on_the_landing_and_status_pages(
    make_project: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project("test-basic")
    declaration = root / "pyproject.toml"
    text = declaration.read_text(encoding="utf-8")
    declaration.write_text(
        text.replace('title = "Test Gazette"', f'title = "Gazette{IMAGE.replace(chr(34), "")}"'),
        encoding="utf-8",
    )
    assert build(root, capsys).code == 0
    for name in ("index.html", "status.html"):
        page = (root / "build" / "html" / name).read_text(encoding="utf-8")
        assert "Gazette&lt;img src=x onerror=alert(1)&gt;" in page, name
        assert "<img" not in page, name


def test_the_language_bar_escapes_every_value_where_sphinx_does_not() -> None:
    # Sphinx renders templates in a sandbox without autoescaping: the template escapes.
    environment = SandboxedEnvironment(loader=FileSystemLoader(switcher.TEMPLATES))
    language = SimpleNamespace(bcp47=IMAGE, direction=IMAGE, tag=IMAGE, native_name=IMAGE)
    rendered = environment.get_template("editions-switcher.html").render(
        editions_pages=[
            SimpleNamespace(current=True, href=IMAGE, language=language),
            SimpleNamespace(current=False, href=IMAGE, language=language),
        ],
        editions_switcher_label=IMAGE,
        editions_choose_href=IMAGE,
        editions_all_label=IMAGE,
    )
    assert "<img" not in rendered
    assert rendered.count("&lt;img src=x onerror=alert(1)&gt;") == 12  # every value
