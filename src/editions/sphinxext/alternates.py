"""Search engines and sharing: hreflang alternates, canonical URL, Open Graph, per edition.

Sphinx writes ``rel="canonical"`` itself from ``html_baseurl``, and sphinxext-opengraph
the Open Graph tags from ``ogp_site_url``: both are set here from the declaration's
``base-url`` plus the edition's folder. The alternates across editions are written
by hand: each edition is a separate build, and no extension knows the others.

An article is shared as one: ``og:type`` article, its first paragraph as the
description (opengraph's own runs on through the following paragraphs), the
edition's locale with its territory (``es_ES``, as Open Graph wants) and the
other editions' as alternates, and an image (the page's first, else the
project's ``ogp_image`` or logo, else Editions' plain card).
"""

from __future__ import annotations

import contextlib
import io
import re
from html import escape
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_global
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from editions.declaration import Language
from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.pages import (
    EditionPage,
    edition_pages,
    landing_href,
    notfound_page,
    site_url,
)

OG_URL = re.compile(r'<meta property="og:(url|image|image:alt)" content="[^"]*" />\n?')
CARD = "editions-card.png"  # static/: a plain 1200x630 card, for pages without an image
DESCRIPTION_MOST = 300  # characters: what search results and share previews show, at most


def setup(app: Sphinx) -> None:
    # sphinxext-opengraph prints to stdout when imported without matplotlib (which
    # only its optional social cards need): keep that out of the build's output.
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")
    # After the declaration is read (priority 100), before opengraph's own handlers.
    app.connect("config-inited", _set_urls, priority=200)
    app.connect("html-page-context", _add_alternates)
    # Before opengraph's handler (priority 500), which reads the page's fields.
    app.connect("html-page-context", _describe_the_article, priority=400)
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
    if config.ogp_image is None:
        logo = config.html_logo and not str(config.html_logo).startswith(("http:", "https:"))
        config.ogp_image = f"_static/{Path(str(config.html_logo)).name if logo else CARD}"
        config.ogp_use_first_image = True
    others = [language for language in project_of(app).editions if language != edition]
    config.ogp_custom_meta_tags = [
        *config.ogp_custom_meta_tags,
        f'<meta property="og:locale" content="{og_locale(edition)}">',
        *(f'<meta property="og:locale:alternate" content="{og_locale(o)}">' for o in others),
    ]


def og_locale(language: Language) -> str:
    """Open Graph's ``language_TERRITORY`` (``es_ES``, ``pt_BR``): Facebook wants both parts.

    A language declared without its territory gets the likeliest (CLDR's likely
    subtags, from Babel): ``es`` is ``es_ES``, ``ar`` is ``ar_EG``.
    """
    locale = language.locale
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags").get(locale.language, locale.language)
        territory = Locale.parse(likely).territory
    return f"{locale.language}_{territory}" if territory else locale.language


def _add_alternates(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if notfound_page(app, pagename):
        return  # served at URLs that are not its own: neither canonical nor alternates
    links = []
    pages = edition_pages(app, pagename)
    for page in pages:
        if page.same_page:
            href = page.url or page.href
            links.append(_link("alternate", href, page.language.bcp47))
    links.append(_link("alternate", _default_href(app, pagename, pages), "x-default"))
    if not context.get("pageurl"):
        # Without a base URL, the page names itself relatively (valid, if not ideal).
        own = app.builder.get_target_uri(pagename).rsplit("/", 1)[-1] or "./"
        links.append(_link("canonical", own))
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(links)


def _default_href(app: Sphinx, pagename: str, pages: list[EditionPage]) -> str:
    """``x-default``: an article in the source language; for a front page, the landing
    page, which sends a reader on to their edition."""
    project = project_of(app)
    source = next(page for page in pages if page.language == project.source_language)
    if pagename != app.config.root_doc and source.same_page:
        return source.url or source.href
    return site_url(project) or landing_href(app, pagename)


def _describe_the_article(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``og:type`` article and a description from the first paragraph, for an article.

    Set as the page's own fields (a copy: Sphinx's are the environment's), which
    opengraph prefers to its guesses.
    """
    if not isinstance(doctree, nodes.document) or pagename == app.config.root_doc:
        return
    fields = {**(context.get("meta") or {}), "og:type": "article"}
    description = first_paragraph(doctree)
    if description:
        fields["og:description"] = description
        meta = f'<meta name="description" content="{escape(description)}">'
        context["metatags"] = context.get("metatags", "") + "\n" + meta
    context["meta"] = fields


def first_paragraph(doctree: nodes.document) -> str:
    """The text of the page's first paragraph of prose, on one line, cut at a word."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, (nodes.section, nodes.document)):
            text = " ".join(paragraph.astext().split())
            if len(text) <= DESCRIPTION_MOST:
                return text
            return text[:DESCRIPTION_MOST].rsplit(" ", 1)[0] + "…"
    return ""


def _drop_relative_og_url(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Without a base URL, opengraph writes ``og:url`` and ``og:image`` relative to the site
    root, which is wrong from any page (Open Graph wants absolute URLs): better none."""
    if not site_url(project_of(app)):
        context["metatags"] = OG_URL.sub("", context.get("metatags", ""))


def _link(rel: str, href: str, hreflang: str | None = None) -> str:
    lang = f' hreflang="{hreflang}"' if hreflang else ""
    return f'<link rel="{rel}" href="{escape(href)}"{lang}>'
