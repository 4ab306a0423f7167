"""The status page, ``build/html/status.html``: translation progress for those without a terminal.

The same figures as ``editions status``: one row per language and per document,
with a bar of the English words translated (green) and fuzzy (yellow); a
language's figure is that of the publication's documents (the landing page's),
the theme's words on a row of their own.  One page per declared language, in
Editions' words for it (``status.html`` in the source language,
``status.<tag>.html`` in the others).  Static HTML, no script, so it can be
served with the editions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from editions.declaration import Language, Project
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.publish import published_dir
from editions.status import CatalogStatus, LanguageStatus, project_status
from editions.words import gettext

PAGE = "status.html"


@dataclass(frozen=True)
class StatusVersion:
    """The status page in one language."""

    language: Language
    file: str  # beside the landing page: "status.html", "status.de.html"


def status_versions(project: Project) -> list[StatusVersion]:
    """The status page in the source language, then in each declared language."""
    return [StatusVersion(language, page_file(project, language)) for language in project.editions]


def page_file(project: Project, language: Language) -> str:
    return PAGE if language == project.source_language else f"status.{language.tag}.html"


def render_dashboard(
    project: Project,
    languages: list[LanguageStatus],
    error: str = "",
    page: Language | None = None,
) -> str:
    """The status page, in ``page``'s language (the source language by default)."""
    page = page or project.source_language
    locale = page.locale
    environment = Environment(
        loader=PackageLoader("editions", "templates"), autoescape=select_autoescape()
    )
    names = {language.gettext: language.native_name for language in project.languages}
    title = project.title_of(page)

    def words(message: str, **values: str) -> str:
        return gettext(locale, message, **values)

    return environment.get_template(PAGE).render(
        _=words,
        page=page,
        heading=words("%(title)s: translation status", title=title),
        source_name=project.source_language.locale.get_display_name(locale) or "",
        versions=status_versions(project),
        languages=languages,
        names=names,
        bar=_bar,
        percent=lambda figure: format_percent(figure / 100, locale=locale),
        number=lambda count: format_decimal(count, locale=locale),
        error=error,
    )


def write_dashboard(project: Project) -> Path:
    """Write the status page in every declared language; returns the source language's.

    A catalog that cannot be read is named on the page: the build has already
    reported it (its edition failed), and the other editions are published.
    """
    try:
        languages, error = project_status(project), ""
    except EditionsError as problem:
        languages, error = [], str(problem)
    folder = published_dir(project.build_dir)
    for version in status_versions(project):
        html = render_dashboard(project, languages, error, version.language)
        write_if_changed(folder / version.file, html.encode("utf-8"))
    return folder / PAGE


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
