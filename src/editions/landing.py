"""The landing page, ``build/html/index.html``: where a reader chooses an edition.

Without JavaScript it is a list of the editions by native name, each with how much
of it is translated, in its own language. With JavaScript it sends a reader on to
their edition: the one they chose before (remembered by the switcher and by the
links here), else the best match for the browser's languages. It redirects at
most once, to an edition's page, and editions' pages never redirect, so there is
no loop; ``index.html?choose`` shows the list without redirecting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_percent
from jinja2 import Environment, PackageLoader, select_autoescape

from editions.declaration import Language, Project
from editions.files import write_if_changed
from editions.publish import published_dir
from editions.sitemap import root_path
from editions.status import project_status
from editions.words import gettext

NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class EditionEntry:
    """One edition as the landing page lists it."""

    language: Language
    completeness: str  # "zu 58 % übersetzt", in the edition's language


def completeness_by_language(project: Project) -> dict[str, int]:
    """Each language's completeness figure (`editions status`'s), by gettext language name."""
    return {status.language: status.completeness for status in project_status(project)}


def edition_entries(project: Project, editions: list[Language]) -> list[EditionEntry]:
    figures = completeness_by_language(project)
    entries = []
    for language in editions:
        if language == project.source_language:
            completeness = gettext(language.locale, "original")
        else:
            share = figures.get(language.gettext, 0) / 100
            percent = format_percent(share, locale=language.locale)
            completeness = gettext(language.locale, "%(percent)s translated", percent=percent)
        entries.append(EditionEntry(language, completeness))
    return entries


def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("editions", "templates"),
        autoescape=select_autoescape(),
    )


def render_landing(project: Project, editions: list[Language], title: str) -> str:
    template = _templates().get_template("landing.html")
    return template.render(
        title=title,
        source=project.source_language,
        entries=edition_entries(project, editions),
        tags=[language.tag for language in editions],
    )


def write_landing(project: Project, editions: list[Language], title: str) -> Path:
    """Write the landing page listing ``editions`` (those really published)."""
    path = published_dir(project.build_dir) / "index.html"
    write_if_changed(path, render_landing(project, editions, title).encode("utf-8"))
    return path


def render_not_found(project: Project, editions: list[Language], title: str) -> str:
    source = project.source_language
    root = root_path(project)
    return (
        _templates()
        .get_template(NOT_FOUND_PAGE)
        .render(
            title=title,
            source=source,
            heading=gettext(source.locale, "Page not found"),
            intro=gettext(
                source.locale, "This page does not exist. The front page of each edition:"
            ),
            editions=editions,
            root=root,
            tags=[language.tag for language in editions],
        )
    )


def write_not_found(project: Project, editions: list[Language], title: str) -> Path:
    """Write the site's ``404.html``, which sends a reader on to their edition's 404 page.

    Web servers (GitHub Pages, Netlify, a ``ErrorDocument 404 /404.html``) serve the
    site root's 404 page for any missing URL; each edition's own is in its language.
    """
    path = published_dir(project.build_dir) / NOT_FOUND_PAGE
    write_if_changed(path, render_not_found(project, editions, title).encode("utf-8"))
    return path
