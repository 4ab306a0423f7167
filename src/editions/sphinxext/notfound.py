"""The 404 page of each edition, by sphinx-notfound-page: it offers every edition's front page.

The page is served in place of any missing URL, at any depth, so its links start
from the site's root path (from ``base-url``, else ``/``).
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.pages import site_path
from editions.words import gettext


def setup(app: Sphinx) -> None:
    app.setup_extension("notfound.extension")
    app.connect("config-inited", _configure_notfound, priority=200)


def _configure_notfound(app: Sphinx, config: Config) -> None:
    project, edition = project_of(app), edition_of(app)
    root = site_path(project)
    config.notfound_urls_prefix = f"{root}{edition.tag}/"
    title = gettext(edition.locale, "Page not found")
    intro = gettext(edition.locale, "This page does not exist. The front page of each edition:")
    items = "\n".join(
        f'<li><a href="{escape(root + language.tag)}/index.html" '
        f'hreflang="{escape(language.bcp47)}" lang="{escape(language.bcp47)}" '
        f'dir="{escape(language.direction)}">{escape(language.native_name)}</a></li>'
        for language in project.editions
    )
    config.notfound_context = {
        "title": escape(title),  # the themes' `title` is HTML (a page title's markup)
        "body": f"<h1>{escape(title)}</h1>\n<p>{escape(intro)}</p>\n"
        f'<ul class="editions-front-pages">\n{items}\n</ul>',
    }
