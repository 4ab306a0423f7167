"""The status page, ``build/html/status.html``: translation progress for those without a terminal.

The same figures as ``editions status``: one row per language and per document,
with a bar of the English words translated (green) and fuzzy (yellow); a
language's figure is that of the publication's documents (the landing page's),
the theme's words on a row of their own.  Static HTML, no script, so it can be
served with the editions.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.numbers import format_percent
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from editions.declaration import Project
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.publish import published_dir
from editions.status import CatalogStatus, LanguageStatus, project_status

PAGE = "status.html"


def render_dashboard(project: Project, languages: list[LanguageStatus], error: str = "") -> str:
    environment = Environment(
        loader=PackageLoader("editions", "templates"), autoescape=select_autoescape()
    )
    names = {language.gettext: language.native_name for language in project.languages}
    locale = project.source_language.locale
    return environment.get_template(PAGE).render(
        title=project.options.get("title", "Editions"),
        source=project.source_language,
        languages=languages,
        names=names,
        bar=_bar,
        percent=lambda figure: _percent(figure, locale),
        error=error,
    )


def _percent(figure: int, locale: Locale) -> str:
    """A completeness figure (whole percent) written the page's language's way."""
    return format_percent(figure / 100, locale=locale)


def write_dashboard(project: Project) -> Path:
    """Write the status page of every declared language; returns its path.

    A catalog that cannot be read is named on the page: the build has already
    reported it (its edition failed), and the other editions are published.
    """
    path = published_dir(project.build_dir) / PAGE
    try:
        html = render_dashboard(project, project_status(project))
    except EditionsError as error:
        html = render_dashboard(project, [], str(error))
    write_if_changed(path, html.encode("utf-8"))
    return path


def _bar(figures: CatalogStatus | LanguageStatus) -> Markup:
    """Two stacked shares of the words, translated then fuzzy (the figure beside it says it)."""
    total = figures.total.words or 1
    translated = 100 * figures.translated.words / total
    fuzzy = 100 * figures.fuzzy.words / total
    return Markup(
        '<span class="bar" aria-hidden="true">'
        '<span class="translated" style="width:{:.1f}%"></span>'
        '<span class="fuzzy" style="width:{:.1f}%"></span></span>'
    ).format(translated, fuzzy)
