"""What the browser tests share: a built site served locally, a fresh page, the results folder.

Not fixtures (those are in conftest.py): plain helpers, imported by the tests that read
pages in Chromium.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

RESULTS = Path(__file__).parent.parent / "test-results"


class QuietHandler(SimpleHTTPRequestHandler):
    """A static host: the site root's 404.html for a missing URL, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output for the tests

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on a free local port, for as long as the block runs."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def new_page(browser: Browser, **options: Any) -> Page:
    """A page in a fresh context: no remembered choice, no cookies."""
    return browser.new_context(**options).new_page()


def serious_violations(page: Page, axe_script: str) -> list[tuple[str, str, list[Any]]]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=axe_script)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
