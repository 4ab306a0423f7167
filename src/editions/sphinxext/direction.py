"""Language and direction of each edition: ``<html lang dir>``, RTL layout, search language."""

from __future__ import annotations

from typing import Any

import sphinx.search
from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of

RTL_STYLESHEET = "editions-rtl.css"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _choose_search_language)
    app.connect("builder-inited", _add_rtl_stylesheet)
    app.connect("html-page-context", _add_direction)


def _choose_search_language(app: Sphinx, config: Config) -> None:
    """Index each edition's words in its language where Sphinx can, in English otherwise.

    Sphinx looks the full ``language`` (``pt_BR``) up among its search languages and
    silently falls back to English; its languages are primary subtags (``pt``).
    """
    if config.html_search_language:  # declared by `search-language` or set by hand
        return
    primary = edition_of(app).locale.language
    config.html_search_language = primary if primary in sphinx.search.languages else "en"


def _add_rtl_stylesheet(app: Sphinx) -> None:
    if edition_of(app).direction == "rtl":
        app.add_css_file(RTL_STYLESHEET, priority=900)


def _add_direction(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    edition = edition_of(app)
    # Themes write `<html lang="{{ language }}">` from Sphinx's `language`, which is the
    # gettext spelling (`pt_BR`), not BCP 47; and no theme has a block around the <html>
    # tag to add `dir`. Sphinx's templates do not autoescape, so `dir` rides along with
    # the value; the alternative is a copy of the theme's whole base template.
    context["language"] = edition.bcp47
    if edition.direction == "rtl":
        context["language"] += '" dir="rtl'
