"""The language switcher: plain links to the same page in every other edition.

It is drawn by ``templates/editions-switcher.html``; the extension's ``page.html``
puts it above the page on furo (visible on a phone without opening a menu), and
other themes can ``{% include "editions-switcher.html" %}`` where they like.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of
from editions.sphinxext.pages import edition_pages, landing_href
from editions.words import gettext

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_paths)
    app.add_css_file("editions.css")
    # Remembers the reader's choice for the landing page; the links work without it.
    app.add_js_file("editions.js", loading_method="defer")
    app.connect("html-page-context", _add_switcher)


def _add_paths(app: Sphinx, config: Config) -> None:
    # Appended, so that a project's own templates and static files win.
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def _add_switcher(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    locale = edition_of(app).locale
    context["editions_pages"] = edition_pages(app, pagename)
    context["editions_choose_href"] = landing_href(app, pagename) + "?choose"
    context["editions_switcher_label"] = gettext(locale, "Language")
    context["editions_all_label"] = gettext(locale, "All editions")
    context["editions_native_name"] = edition_of(app).native_name
