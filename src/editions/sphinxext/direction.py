"""Right-to-left editions: ``dir`` on ``<html>``, which Sphinx never sets."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from editions.sphinxext.declaration import edition_of


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _add_direction)


def _add_direction(app: Sphinx, pagename: str, templatename: str,
                   context: dict[str, Any], doctree: object) -> None:
    edition = edition_of(app)
    context["editions_direction"] = edition.direction
    context["editions_lang"] = edition.bcp47
