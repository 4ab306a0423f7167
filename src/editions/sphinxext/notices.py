"""Honest partial translations: one short line above a page not fully translated.

The line gives the share of the page's English words translated, the figure
`editions status`, the status page and the landing page give
(:func:`editions.status.completeness`), read from the page's catalog in
``locale/``; then how many of its paragraphs are shown in English, each of them
marked where it stands (:mod:`editions.sphinxext.marks`), as a link to the
English page.  One line, so that it informs without pushing the article down:
on a phone it takes one line of small text above the headline.

The catalog is read here, not the compiled ``.mo``: fuzzy entries never reach
the ``.mo``, so only the ``.po`` tells which paragraphs changed since they were
translated.  It is made a dependency of the page, so the line comes and goes
with the catalog.  It is read with `editions status`'s reader, which counts
without building a catalog (Babel took about 0.5 s per edition of 50 articles),
once per version of the file.

The line and the marks are about the page, not in it: they carry Sphinx's
``no-search`` class (its search index skips them, and ``editions.js`` leaves them
out of the search page's quotes) and ``data-nosnippet`` (web search engines
leave them out of theirs).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from babel.numbers import format_percent
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.i18n import docname_to_domain

from editions.errors import EditionsError
from editions.layout import language_folder
from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.pages import EditionPage, edition_pages
from editions.words import gettext, ngettext

COMPLETENESS = "editions_completeness"
SHOWN_IN_SOURCE = "editions_shown_in_source"  # set by marks.py: the blocks it marked
# Sphinx's class for "not for search": its indexer skips the element.
NO_SEARCH = "no-search"


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _note_completeness)
    app.connect("html-page-context", _add_notice)


@dataclass(frozen=True)
class PageFigures:
    """What a page's catalog says of its translation."""

    completeness: int  # editions status's figure (percent of English words translated)
    changed: frozenset[str]  # msgids whose translation is fuzzy: the English changed since


NO_CATALOG = PageFigures(completeness=0, changed=frozenset())


def page_catalog(app: Sphinx | Config, docname: str) -> Path | None:
    """The translators' ``.po`` of ``docname`` in this edition (in ``locale/``), if any.

    Not the compiled copy Sphinx reads under ``build/``: the figures are those of
    `editions status`, which reads the translators' catalogs.
    """
    config = app.config if isinstance(app, Sphinx) else app
    project, edition = project_of(config), edition_of(config)
    domain = docname_to_domain(docname, config.gettext_compact)
    path = language_folder(project.locale_dir, edition) / f"{domain}.po"
    return path if path.is_file() else None


def page_figures(path: Path) -> PageFigures:
    """The figures of the catalog at ``path``, read again when the file changed."""
    status = path.stat()
    return _figures(path, status.st_size, status.st_mtime_ns)


def page_completeness(path: Path) -> int:
    """The share of the catalog's English words translated (``editions status``'s figure)."""
    return page_figures(path).completeness


@lru_cache(maxsize=1024)
def _figures(path: Path, size: int, mtime_ns: int) -> PageFigures:
    """Cached by size and mtime, so that a catalog changed during a long process is read
    again."""
    # Not at import: Sphinx loads this module for every build.
    from editions.pofile import read_po
    from editions.status import completeness, figures_of

    try:
        catalog = read_po(path)  # once, for the figures and the fuzzy entries alike
    except EditionsError:  # a broken catalog: its edition is refused before it is built
        return NO_CATALOG
    figures = figures_of(catalog)
    total = figures.translated + figures.fuzzy + figures.untranslated
    # The header, often marked fuzzy by tools, is no translation; neither is a fuzzy
    # entry without a msgstr (the page shows its English as never translated).
    changed = frozenset(entry.id for entry in catalog.messages if entry.fuzzy and entry.translated)
    return PageFigures(completeness(figures.translated.words, total.words), changed)


def _note_completeness(app: Sphinx, doctree: nodes.document) -> None:
    if edition_of(app) == project_of(app).source_language:
        return
    path = page_catalog(app, app.env.docname)
    # Without a catalog (a page `editions update` has not seen yet), all of it is English.
    doctree[COMPLETENESS] = 0 if path is None else page_completeness(path)
    if path is not None:
        app.env.note_dependency(str(path))


def _add_notice(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if not isinstance(doctree, nodes.document) or "body" not in context:
        return
    project, edition = project_of(app), edition_of(app)
    if edition == project.source_language:
        return
    completeness = doctree.get(COMPLETENESS, 100)
    shown_in_source = doctree.get(SHOWN_IN_SOURCE, 0)
    if completeness == 100 and not shown_in_source:
        return
    line = notice(app, completeness, shown_in_source, source_page(app, pagename).href)
    context["body"] = line + context["body"]


def source_page(app: Sphinx, pagename: str) -> EditionPage:
    """The page ``pagename`` in the source language's edition, from the page being written."""
    source = project_of(app).source_language
    [page] = [page for page in edition_pages(app, pagename) if page.language == source]
    return page


def source_name(app: Sphinx) -> str:
    """The source language's name in the edition's language ("Englisch")."""
    source, locale = project_of(app).source_language, edition_of(app).locale
    return source.locale.get_display_name(locale) or source.native_name


def notice(app: Sphinx, completeness: int, shown_in_source: int, source_href: str) -> str:
    """The line above the article: "Translated 58 % · 3 paragraphs in English".

    Its second half links to the English page ("Read in English" when no paragraph is
    shown in English).  Two parts, not three: with a third ("… · Read in English") the
    German line took two lines of a phone's 358 pixels (measured in Chromium).
    """
    locale, source = edition_of(app).locale, project_of(app).source_language
    figure = gettext(
        locale, "Translated %(percent)s", percent=format_percent(completeness / 100, locale=locale)
    )
    read = gettext(locale, "Read in %(source)s", source=source_name(app))
    shown = ngettext(
        locale,
        "%(count)s paragraph in %(source)s",
        "%(count)s paragraphs in %(source)s",
        shown_in_source,
        source=source_name(app),
    )
    link = (
        f'<a href="{escape(source_href)}" hreflang="{escape(source.bcp47)}" title="{escape(read)}">'
        f"{escape(shown if shown_in_source else read)}</a>"
    )
    separator = '<span aria-hidden="true"> · </span>'
    return (
        f'<div class="editions-notice {NO_SEARCH}" role="note" data-nosnippet>'
        f"{escape(figure)}{separator}{link}</div>\n"
    )
