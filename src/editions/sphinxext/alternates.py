"""Search engines and sharing: hreflang alternates, canonical URL, Open Graph, per edition.

Sphinx writes ``rel="canonical"`` itself from ``html_baseurl``, and sphinxext-opengraph
the Open Graph tags from ``ogp_site_url``: both are set here from the declaration's
``base-url`` plus the edition's folder. The alternates across editions are written
by hand: each edition is a separate build, and no extension knows the others.
"""

from __future__ import annotations

import contextlib
import io
import re
from html import escape
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.pages import edition_pages, landing_href, notfound_page, site_url

OG_URL = re.compile(r'<meta property="og:url" content="[^"]*" />\n?')


def setup(app: Sphinx) -> None:
    # sphinxext-opengraph prints to stdout when imported without matplotlib (which
    # only its optional social cards need): keep that out of the build's output.
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")
    # After the declaration is read (priority 100), before opengraph's own handlers.
    app.connect("config-inited", _set_urls, priority=200)
    app.connect("html-page-context", _add_alternates)
    # After opengraph's handler (priority 500), which wrote the tags.
    app.connect("html-page-context", _drop_relative_og_url, priority=600)


def _set_urls(app: Sphinx, config: Config) -> None:
    base = site_url(project_of(app))
    edition = edition_of(app)
    if base:
        config.html_baseurl = f"{base}{edition.tag}/"
        config.ogp_site_url = config.html_baseurl
    if config.ogp_social_cards is None:
        # Drawing a card per page (with matplotlib) is slow; opt in from conf.py.
        config.ogp_social_cards = {"enable": False}
    # Open Graph wants the underscore form (`pt_BR`), as Facebook documents it.
    config.ogp_custom_meta_tags = [
        *config.ogp_custom_meta_tags,
        f'<meta property="og:locale" content="{edition.gettext}">',
    ]


def _add_alternates(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if notfound_page(app, pagename):
        return  # served at URLs that are not its own: neither canonical nor alternates
    links = []
    for page in edition_pages(app, pagename):
        if page.same_page:
            href = page.url or page.href
            links.append(_link("alternate", href, page.language.bcp47))
    base = site_url(project_of(app))
    links.append(_link("alternate", base or landing_href(app, pagename), "x-default"))
    if not context.get("pageurl"):
        # Without a base URL, the page names itself relatively (valid, if not ideal).
        own = app.builder.get_target_uri(pagename).rsplit("/", 1)[-1] or "./"
        links.append(_link("canonical", own))
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(links)


def _drop_relative_og_url(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Without a base URL, opengraph writes ``og:url`` relative to the site root, which is
    wrong from any page (Open Graph wants an absolute URL): better none."""
    if not site_url(project_of(app)):
        context["metatags"] = OG_URL.sub("", context.get("metatags", ""))


def _link(rel: str, href: str, hreflang: str | None = None) -> str:
    lang = f' hreflang="{hreflang}"' if hreflang else ""
    return f'<link rel="{rel}" href="{escape(href)}"{lang}>'
