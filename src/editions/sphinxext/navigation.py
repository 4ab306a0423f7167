"""The sidebar's navigation: the newest articles and the reader's own, not the whole archive.

Themes (furo among them) put every page of the front page's toctree in the
sidebar of every page.  For a newspaper that is the whole archive on every page:
each page carries a list that grows with every article, and the build grows with
articles × pages (at 200 articles the sidebar was 56 % of an English build,
19.2 s against 8.4 s without it; FACTS.md: more than half at 800).

So the sidebar lists the first ``editions_sidebar_articles`` entries of each of
the front page's toctrees (the front page lists articles newest first), the
entry that leads to the page being read, and a link to the front page, which
lists every article.  ``editions_sidebar_articles = 0`` lists them all.

The theme asks for the tree through the ``toctree()`` template function; this
replaces it before the theme's handler runs and resolves the shortened toctrees
with Sphinx's own ``resolve_toctree``, so the entries, classes and links are
Sphinx's.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.errors import ConfigError

from editions.sphinxext.declaration import edition_of
from editions.words import gettext

DEFAULT_ARTICLES = 10
ARCHIVE_CLASS = "editions-archive"


def setup(app: Sphinx) -> None:
    app.add_config_value("editions_sidebar_articles", DEFAULT_ARTICLES, "html", int)
    app.connect("config-inited", _check_limit)
    # Before the theme's own handler (priority 500), which calls toctree() to draw the sidebar.
    app.connect("html-page-context", _shorten_navigation, priority=400)


def _check_limit(app: Sphinx, config: Config) -> None:
    limit = config.editions_sidebar_articles  # Sphinx makes `-D name=value` an int already
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ConfigError(
            f"editions_sidebar_articles must be a whole number of articles (0 lists them all), "
            f"not {limit!r}; set it in conf.py"
        )


def _shorten_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if "toctree" in context and app.config.editions_sidebar_articles:
        context["toctree"] = partial(navigation_html, app, pagename)


def navigation_html(app: Sphinx, pagename: str, collapse: bool = True, **options: Any) -> str:
    """What the template function ``toctree(**options)`` renders, with shortened lists.

    The options are those of Sphinx's own ``toctree()``: ``maxdepth``,
    ``titles_only``, ``includehidden`` (also as a string, from a template).
    """
    env = app.env
    builder = cast(StandaloneHTMLBuilder, app.builder)  # only HTML pages have a toctree()
    includehidden = options.get("includehidden", False)
    if isinstance(includehidden, str):
        includehidden = includehidden.lower() == "true"
    leading_here = _toctree_ancestors(env.toctree_includes, pagename)
    shortened = False
    resolved: list[nodes.Element] = []
    for toctree in env.master_doctree.findall(addnodes.toctree):
        short, cut = _shortened(toctree, app.config.editions_sidebar_articles, leading_here)
        shortened = shortened or cut
        node = env.resolve_toctree(
            pagename,
            builder,
            short,
            prune=True,
            maxdepth=int(options.get("maxdepth") or 0),
            titles_only=bool(options.get("titles_only", False)),
            collapse=collapse,
            includehidden=includehidden,
        )
        if isinstance(node, nodes.Element):
            resolved.append(node)
    if not resolved:
        return ""
    tree = resolved[0]  # one tree of every toctree, as Sphinx's global_toctree_for_doc makes
    for other in resolved[1:]:
        tree.extend(other.children)
    if shortened:
        _append_archive_link(app, pagename, tree)
    return builder.render_partial(tree)["fragment"]


def _shortened(
    toctree: addnodes.toctree, limit: int, leading_here: set[str]
) -> tuple[addnodes.toctree, bool]:
    """A copy of ``toctree`` with its first ``limit`` entries and the one leading here."""
    entries = toctree["entries"]
    kept = [
        entry for number, entry in enumerate(entries) if number < limit or entry[1] in leading_here
    ]
    short = toctree.copy()
    short["entries"] = kept
    return short, len(kept) < len(entries)


def _toctree_ancestors(includes: dict[str, list[str]], pagename: str) -> set[str]:
    """``pagename`` and every document whose toctree leads to it."""
    parents = {child: parent for parent, children in includes.items() for child in children}
    found = {pagename}
    while pagename in parents and parents[pagename] not in found:
        pagename = parents[pagename]
        found.add(pagename)
    return found


def _append_archive_link(app: Sphinx, pagename: str, tree: nodes.Element) -> None:
    """A last entry, "All articles", to the front page that lists them all."""
    lists = [child for child in tree.children if isinstance(child, nodes.bullet_list)]
    if not lists:
        return
    label = gettext(edition_of(app).locale, "All articles")
    href = app.builder.get_relative_uri(pagename, app.config.root_doc)
    reference = nodes.reference("", label, internal=True, refuri=href)
    paragraph = addnodes.compact_paragraph("", "", reference, classes=["toctree-l1"])
    lists[-1] += nodes.list_item("", paragraph, classes=["toctree-l1", ARCHIVE_CLASS])
