"""Sphinx's generated pages in an edition: the search page, the index, the 404 page.

* The 404 page is no content for a search engine: ``noindex`` (furo already says so
  on its search page).
* The general index (``genindex.html``) is written and linked even when no page has
  an index entry, and an empty "Index" page is a dead end for a reader: it is left
  out then (a publication that uses ``.. index::`` keeps it).
* The search page has no ``h1`` (Sphinx's script adds an ``h2`` for the results):
  ``templates/search.html`` gives it one.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from editions.sphinxext.pages import notfound_page

NOINDEX = '<meta name="robots" content="noindex">'


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _leave_out_an_empty_index)
    app.connect("html-page-context", _keep_search_engines_off_the_404_page)


def _leave_out_an_empty_index(app: Sphinx, env: BuildEnvironment) -> None:
    """No index page, nor links to one, when no page has an index entry.

    Decided after every page is read, before any is written; the builder
    writes the index, the templates' ``hasdoc('genindex')`` links to it
    from the configuration.
    """
    if not getattr(app.builder, "use_index", False):
        return
    if any(env.domains.index_domain.entries.values()):
        return
    app.builder.use_index = False  # type: ignore[attr-defined]
    app.config.html_use_index = False


def _keep_search_engines_off_the_404_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if notfound_page(app, pagename):
        context["metatags"] = context.get("metatags", "") + "\n" + NOINDEX
