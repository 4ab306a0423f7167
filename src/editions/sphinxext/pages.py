"""Where the page being written lives in every edition: the switcher and hreflang both use it.

Each edition is a separate Sphinx build, so no Sphinx feature knows the other
editions' URLs; they follow from the layout ``<site>/<tag>/<page>.html`` that
``editions build`` publishes, which is why this is computed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx

from editions.declaration import Language, Project
from editions.publish import published_dir
from editions.sitemap import root_path
from editions.sphinxext.declaration import edition_of, project_of


@dataclass(frozen=True)
class EditionPage:
    """One edition's version of the page being written."""

    language: Language
    href: str  # from the page being written: relative, or from the site root on the 404 page
    url: str | None  # absolute, when the declaration has a `base-url`
    same_page: bool  # False when that edition lacks the page and this links to its front page
    current: bool


def site_url(project: Project) -> str | None:
    """The declaration's ``base-url``, ending with a slash, or None when unset."""
    return project.settings.base_url


def site_path(project: Project) -> str:
    """The site's root path on the web server: from ``base-url``, else ``/``."""
    return root_path(project)


def notfound_page(app: Sphinx, pagename: str) -> bool:
    """The 404 page is served at any depth: its links must start from the site root."""
    return pagename == getattr(app.config, "notfound_pagename", None)


def edition_pages(app: Sphinx, pagename: str) -> list[EditionPage]:
    """The page ``pagename`` in every declared edition, the source language first."""
    project, current = project_of(app), edition_of(app)
    target = app.builder.get_target_uri(pagename)
    front = app.builder.get_target_uri(app.config.root_doc)
    notfound = notfound_page(app, pagename)
    to_root = site_path(project) if notfound else "../" * (target.count("/") + 1)
    base = site_url(project)
    pages = []
    for language in project.editions:
        # From the 404 page, another edition's own 404 page is no help: its front page is.
        same_page = language == current or (
            not notfound and _may_have(app, project, language, target)
        )
        uri = f"{language.tag}/{target if same_page else front}"
        pages.append(
            EditionPage(
                language=language,
                href=to_root + uri,
                url=base + uri if base else None,
                same_page=same_page,
                current=language == current,
            )
        )
    return pages


def landing_href(app: Sphinx, pagename: str) -> str:
    """The landing page (``x-default``), from the page being written."""
    if notfound_page(app, pagename):
        return site_path(project_of(app)) + "index.html"
    return "../" * (app.builder.get_target_uri(pagename).count("/") + 1) + "index.html"


def _may_have(app: Sphinx, project: Project, language: Language, target: str) -> bool:
    """Whether ``language``'s edition has the page, as far as this build can tell.

    Every edition builds from the same sources, so a page normally exists in all
    of them: those built in the same run (``editions_building``), and those not
    published yet.  Only an edition published from older sources and not rebuilt
    now (with ``--lang``) may lack a new page; a reader is then sent to its front page.
    """
    folder = published_dir(project.build_dir) / language.tag
    if language.tag in app.config.editions_building or not (folder / "index.html").is_file():
        return True
    return (folder / Path(target)).is_file() or target.endswith("/")
