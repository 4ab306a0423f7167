"""The attacked pages in a real browser: no dialog opens, no injected element exists.

Playwright drives Debian's chromium (``/usr/bin/chromium``), headless, as tests/test_browser.py.
Every payload that would run script on load if published, and every page of the editions
whose theme words were attacked (with ``?highlight=``, which adds "Hide Search Matches",
and a search, which formats the JavaScript catalog's words).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog

from conftest import CHROMIUM

from .conftest import WITNESS, AttackedSite, translation_edition
from .payloads import MARKUP_PAYLOADS, THEME_ATTACKS, Payload

INJECTED = "Array.from(document.querySelectorAll('[id^=\"inj-\"]'), e => e.outerHTML)"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)


def visit(browser: Browser, url: str) -> tuple[list[str], list[str]]:
    """Open ``url`` in a fresh context; the dialogs it opened and the injected elements."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} was not published"
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")  # focus moves: an injected onfocus would fire
    injected = page.evaluate(INJECTED)
    context.close()
    return dialogs, injected


def nothing_published(site: AttackedSite, edition: str) -> bool:
    """The edition was refused whole, and so published nothing (see test_markup.py)."""
    return site.run.edition_failed(edition) and not (site.html / edition).exists()


SCRIPT_CASES = [
    pytest.param(lang, payload, id=f"{lang}-{payload.id}")
    for lang in ("es", "en")
    for payload in MARKUP_PAYLOADS
    if payload.runs_script
]


@pytest.mark.parametrize(("lang", "payload"), SCRIPT_CASES)
def test_an_attacked_page_runs_no_script(
    request: pytest.FixtureRequest,
    serve: Callable[[Path], str],
    browser: Browser,
    lang: str,
    payload: Payload,
) -> None:
    site: AttackedSite = request.getfixturevalue("control_site" if payload.group else "markup_site")
    edition = lang if lang == "en" else translation_edition(payload)
    if nothing_published(site, edition):
        return
    url = f"{serve(site.html)}{edition}/p/{payload.id}.html"
    assert visit(browser, url) == ([], [])


THEME_PAGES = [
    "p/first.html",
    "p/first.html?highlight=seguro",
    "search.html?q=seguro",
    "index.html",
    "404.html",
]
THEME_CASES = [
    pytest.param(lang, page, id=f"{lang}-{page}")
    for lang in [*THEME_ATTACKS, WITNESS]
    for page in THEME_PAGES
]


@pytest.mark.parametrize(("lang", "page"), THEME_CASES)
def test_theme_words_run_no_script(
    theme_site: AttackedSite, serve: Callable[[Path], str], browser: Browser, lang: str, page: str
) -> None:
    if nothing_published(theme_site, lang):
        return
    url = f"{serve(theme_site.html)}{lang}/{page}"
    assert visit(browser, url) == ([], [])
