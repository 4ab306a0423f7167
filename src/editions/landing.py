"""The landing page, ``build/html/index.html``: where a reader chooses an edition.

It looks like the publication it opens onto: furo's own stylesheet (copied once
from the installed theme beside it, so it stands whichever editions failed), so
the fonts, colours and dark mode are the editions'; the publication's name as
its heading; each edition a card with its native name, its name for the
publication, how much of it is translated and its articles' titles, each in
its own language.

Without JavaScript it is all that, in the source language.  With JavaScript it
sends a reader on to their edition: the one they chose before (remembered by the
switcher and by the links here), else the best match for the browser's
languages.  It redirects at most once, to an edition's page, and editions' pages
never redirect, so there is no loop; ``index.html?choose`` shows the list without
redirecting, in the reader's language: the page carries its few words in every
declared language (inline JSON) and takes those of the same choice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_percent
from jinja2 import Environment, PackageLoader, select_autoescape

from editions.chrome_words import package_folder
from editions.dashboard import page_file
from editions.declaration import Language, Project
from editions.files import write_if_changed
from editions.publish import published_dir
from editions.sitemap import root_path
from editions.status import project_status
from editions.words import gettext

NOT_FOUND_PAGE = "404.html"
# furo's stylesheet, as the installed theme ships it, and where the landing page finds its copy.
FURO_STYLESHEET = Path("theme", "furo", "static", "styles", "furo.css")
STYLESHEET = "_static/furo.css"
# What Sphinx writes its search index as: a script calling Search.setIndex with JSON.
SEARCH_INDEX = ("Search.setIndex(", ")")


@dataclass(frozen=True)
class Article:
    """A document of an edition, by its title in that edition."""

    title: str
    href: str  # from the landing page: "es/articles/commune.html"


@dataclass(frozen=True)
class EditionEntry:
    """One edition as the landing page lists it."""

    language: Language
    completeness: str  # "zu 58 % übersetzt", in the edition's language
    name: str  # the publication's name in this edition: "Rote Fahne"
    articles: tuple[Article, ...] = ()


@dataclass(frozen=True)
class LandingWords:
    """The landing page's own words in one language (the editions' cards keep their own)."""

    lang: str
    dir: str
    title: str  # the publication's name in this language
    choose: str
    status: str
    status_href: str


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
        name = project.title_of(language)
        articles = edition_articles(project, language)
        entries.append(EditionEntry(language, completeness, name, articles))
    return entries


def edition_articles(project: Project, language: Language) -> tuple[Article, ...]:
    """The titles of an edition's documents besides its front page, as it was published.

    Read from the edition's search index, which Sphinx writes with every page's
    title as the edition shows it; an edition without one lists no articles.
    """
    path = published_dir(project.build_dir) / language.tag / "searchindex.js"
    try:
        text = path.read_text(encoding="utf-8").strip()
        start, end = SEARCH_INDEX
        index = json.loads(text.removeprefix(start).removesuffix(end))
        pages = zip(index["docnames"], index["titles"], strict=True)
        return tuple(
            Article(str(title), f"{language.tag}/{name}.html")
            for name, title in pages
            if name != "index" and isinstance(name, str) and isinstance(title, str)
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return ()


def landing_words(project: Project) -> dict[str, LandingWords]:
    """The landing page's words in every declared language, by edition tag."""
    return {
        language.tag: LandingWords(
            lang=language.bcp47,
            dir=language.direction,
            title=project.title_of(language),
            choose=gettext(language.locale, "Choose your edition"),
            status=gettext(language.locale, "Translation status"),
            status_href=page_file(project, language),
        )
        for language in project.editions
    }


def copy_stylesheet(project: Project) -> Path:
    """furo's stylesheet beside the landing page: the one the editions use, from the theme."""
    path = published_dir(project.build_dir) / STYLESHEET
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, (package_folder("furo") / FURO_STYLESHEET).read_bytes())
    return path


def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("editions", "templates"),
        autoescape=select_autoescape(),
    )


def render_landing(project: Project, editions: list[Language]) -> str:
    template = _templates().get_template("landing.html")
    words = landing_words(project)
    return template.render(
        words=words[project.source_language.tag],
        source=project.source_language,
        entries=edition_entries(project, editions),
        tags=[language.tag for language in editions],
        # A list, in the declared order (tojson would sort an object's keys): the first match wins.
        all_words=[{"tag": tag, **vars(version)} for tag, version in words.items()],
        stylesheet=STYLESHEET,
    )


def write_landing(project: Project, editions: list[Language]) -> Path:
    """Write the landing page listing ``editions`` (those really published), and its style."""
    copy_stylesheet(project)
    path = published_dir(project.build_dir) / "index.html"
    write_if_changed(path, render_landing(project, editions).encode("utf-8"))
    return path


def render_not_found(project: Project, editions: list[Language]) -> str:
    source = project.source_language
    root = root_path(project)
    return (
        _templates()
        .get_template(NOT_FOUND_PAGE)
        .render(
            title=project.title_of(source),  # as the landing page's, without JavaScript
            source=source,
            heading=gettext(source.locale, "Page not found"),
            intro=gettext(
                source.locale, "This page does not exist. The front page of each edition:"
            ),
            editions=editions,
            root=root,
            tags=[language.tag for language in editions],
            stylesheet=STYLESHEET,
        )
    )


def write_not_found(project: Project, editions: list[Language]) -> Path:
    """Write the site's ``404.html``, which sends a reader on to their edition's 404 page.

    Web servers (GitHub Pages, Netlify, a ``ErrorDocument 404 /404.html``) serve the
    site root's 404 page for any missing URL; each edition's own is in its language.
    """
    path = published_dir(project.build_dir) / NOT_FOUND_PAGE
    write_if_changed(path, render_not_found(project, editions).encode("utf-8"))
    return path
