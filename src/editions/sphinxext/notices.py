"""Honest partial translations: say so on pages not fully or not freshly translated.

A page's notice gives the share of its English words translated, the figure
`editions status`, the status page and the landing page give
(:func:`editions.status.completeness`), read from the page's catalog in
``locale/``.  Sphinx marks the untranslated paragraphs
(``translation_progress_classes``), and the notice also says when the catalog
has fuzzy entries (their English changed since translation).  Fuzzy entries
never reach the compiled ``.mo``, so only the ``.po`` tells: it is read here and
made a dependency of the page, so the notice comes and goes with the catalog.
It is read with `editions status`'s reader, which counts without building a
catalog (Babel took about 0.5 s per edition of 50 articles), once per version of
the file.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from babel.numbers import format_percent
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import NodeMatcher

from editions.errors import EditionsError
from editions.layout import language_folder
from editions.sphinxext.declaration import edition_of, project_of
from editions.words import gettext

FUZZY = "editions_fuzzy"
COMPLETENESS = "editions_completeness"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _mark_untranslated)
    app.add_transform(MarkUntranslatedLanguage)
    app.connect("doctree-read", _note_fuzzy_entries)
    app.connect("html-page-context", _add_notices)


def _mark_untranslated(app: Sphinx, config: Config) -> None:
    if not config.translation_progress_classes:
        # Only the untranslated ones: a stylesheet shows them, the rest is the norm.
        config.translation_progress_classes = "untranslated"


class MarkUntranslatedLanguage(SphinxTransform):
    """Give untranslated paragraphs the source language's ``lang`` (for screen readers).

    docutils writes a ``language-xx`` class as ``lang="xx"``.
    """

    default_priority = 960  # after Sphinx's AddTranslationClasses (950)

    def apply(self, **kwargs: Any) -> None:
        project, edition = project_of(self.config), edition_of(self.config)
        if edition == project.source_language:
            return
        language_class = f"language-{project.source_language.bcp47}"
        for node in NodeMatcher(nodes.Element, translated=False).findall(self.document):
            node.setdefault("classes", []).append(language_class)


def page_catalog(app: Sphinx, docname: str) -> Path | None:
    """The translators' ``.po`` of ``docname`` in this edition (in ``locale/``), if any.

    Not the compiled copy Sphinx reads under ``build/``: the figures are those of
    `editions status`, which reads the translators' catalogs.
    """
    project, edition = project_of(app), edition_of(app)
    domain = docname_to_domain(docname, app.config.gettext_compact)
    path = language_folder(project.locale_dir, edition) / f"{domain}.po"
    return path if path.is_file() else None


def fuzzy_count(path: Path) -> int:
    """The fuzzy translations of the catalog at ``path``: outdated, so not shown."""
    return _figures_of(path)[1]


def page_completeness(path: Path) -> int:
    """The share of the catalog's English words translated (``editions status``'s figure)."""
    return _figures_of(path)[0]


def _figures_of(path: Path) -> tuple[int, int]:
    status = path.stat()
    return _figures(path, status.st_size, status.st_mtime_ns)


@lru_cache(maxsize=1024)
def _figures(path: Path, size: int, mtime_ns: int) -> tuple[int, int]:
    """(completeness, fuzzy translations), cached by size and mtime, so that a catalog
    changed during a long process is read again."""
    # Not at import: Sphinx loads this module for every build.
    from editions.status import completeness, read_figures

    try:
        figures = read_figures(path)
    except EditionsError:  # a broken catalog: its edition is refused before it is built
        return 0, 0
    total = figures.translated + figures.fuzzy + figures.untranslated
    # The header, often marked fuzzy by tools, is no translation; neither is a fuzzy
    # entry without a msgstr (the page then shows the English, and says so).
    return completeness(figures.translated.words, total.words), figures.fuzzy.strings


def _note_fuzzy_entries(app: Sphinx, doctree: nodes.document) -> None:
    if edition_of(app) == project_of(app).source_language:
        return
    path = page_catalog(app, app.env.docname)
    # Without a catalog (a page `editions update` has not seen yet), all of it is English.
    doctree[COMPLETENESS] = 0 if path is None else page_completeness(path)
    if path is not None:
        app.env.note_dependency(str(path))
        doctree[FUZZY] = fuzzy_count(path)


def _add_notices(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if not isinstance(doctree, nodes.document) or "body" not in context:
        return
    project, edition = project_of(app), edition_of(app)
    if edition == project.source_language:
        return
    source_name = project.source_language.locale.get_display_name(edition.locale) or ""
    notices = []
    completeness = doctree.get(COMPLETENESS, 100)
    if completeness < 100:
        percent = format_percent(completeness / 100, locale=edition.locale)
        notices.append(
            _notice(
                "partial",
                gettext(
                    edition.locale,
                    "This page is %(percent)s translated; the rest is shown in %(source)s.",
                    percent=percent,
                    source=source_name,
                ),
            )
        )
    if doctree.get(FUZZY):
        notices.append(
            _notice(
                "outdated",
                gettext(
                    edition.locale,
                    "The %(source)s text of this page changed since it was translated; "
                    "the translation may be out of date.",
                    source=source_name,
                ),
            )
        )
    if notices:
        context["body"] = "".join(notices) + context["body"]


def _notice(kind: str, text: str) -> str:
    return (
        f'<aside class="editions-notice editions-{kind}" role="note">'
        f"<p>{escape(text)}</p></aside>\n"
    )
