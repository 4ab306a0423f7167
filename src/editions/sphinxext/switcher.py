"""The language switcher: plain links to the same page in every other edition.

It is drawn by ``templates/editions-switcher.html``; the extension's ``page.html``
puts it above the page on furo, and other themes can
``{% include "editions-switcher.html" %}`` where they like.  It stays one line:
the editions side by side while they fit, else a disclosure "N languages"
(``static/editions.js`` decides by measuring; beyond ``INLINE_MOST`` editions
the page starts with the disclosure, for readers without JavaScript).  The
script also carries the reader's place to the other edition (the search query,
the section's ``#id``, the same in every edition); the links work without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of
from editions.sphinxext.pages import edition_pages, landing_href
from editions.words import gettext, ngettext

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
# Beyond this many editions, the names do not fit on a phone's line even when short.
INLINE_MOST = 6


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
    pages = edition_pages(app, pagename)
    context["editions_pages"] = pages
    context["editions_compact"] = len(pages) > INLINE_MOST
    # Every edition the list shows, this one included: the reader counts what opens.
    context["editions_count_label"] = ngettext(
        locale, "%(count)s language", "%(count)s languages", len(pages)
    )
    context["editions_choose_href"] = landing_href(app, pagename) + "?choose"
    context["editions_switcher_label"] = gettext(locale, "Language")
    context["editions_all_label"] = gettext(locale, "All editions")
    context["editions_native_name"] = edition_of(app).native_name
