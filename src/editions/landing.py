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
from math import floor
from pathlib import Path

from babel.numbers import format_percent
from jinja2 import Environment, PackageLoader

from editions.catalogs import THEME_DOMAIN
from editions.declaration import Language, Project
from editions.files import write_if_changed
from editions.publish import published_dir
from editions.status import LanguageStatus, project_status
from editions.words import gettext


@dataclass(frozen=True)
class EditionEntry:
    """One edition as the landing page lists it."""

    language: Language
    completeness: str  # "zu 58 % übersetzt", in the edition's language


def translated_shares(project: Project) -> dict[str, float]:
    """Share (0-1) of the source's words translated, by gettext language name."""
    shares = {}
    for status in project_status(project):
        # The theme's words (sphinx.po) are not the publication's: leave them out of its share.
        articles = [doc for doc in status.documents if doc.document != THEME_DOMAIN]
        shares[status.language] = LanguageStatus(status.language, articles).words_percent / 100
    return shares


def edition_entries(project: Project, editions: list[Language]) -> list[EditionEntry]:
    shares = translated_shares(project)
    entries = []
    for language in editions:
        if language == project.source_language:
            completeness = gettext(language.locale, "original")
        else:
            # Rounded down: 99.6% is not "100% translated".
            share = floor(100 * shares.get(language.gettext, 0.0)) / 100
            percent = format_percent(share, locale=language.locale)
            completeness = gettext(language.locale, "%(percent)s translated", percent=percent)
        entries.append(EditionEntry(language, completeness))
    return entries


def render_landing(project: Project, editions: list[Language], title: str) -> str:
    environment = Environment(loader=PackageLoader("editions", "templates"), autoescape=True)
    template = environment.get_template("landing.html")
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
