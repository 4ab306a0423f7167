"""One ``sitemap.xml`` for every page of every published edition, and a ``robots.txt``.

sphinx-sitemap writes one sitemap per build, so per edition, and cannot know which
other editions were published beside it; the cross-edition sitemap, with each
page's ``xhtml:link`` alternates, is therefore written here, after all editions,
from the published folders themselves.  A sitemap lists absolute URLs: without the
declaration's ``base-url`` none is written (``editions build`` says so, and
``--strict`` refuses to build).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from editions.declaration import DECLARATION_FILE, Language, Project
from editions.files import write_if_changed
from editions.publish import VERSIONS, published_dir

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Sphinx's generated pages: no content of their own for a search engine.
NOT_CONTENT = {"search.html", "genindex.html", "py-modindex.html", "404.html"}
NO_BASE_URL = (
    "[tool.editions] base-url is not set in {declaration}: no sitemap.xml is written, and "
    "pages have no canonical URL nor Open Graph URL and image for search engines and "
    "shares; set base-url = 'https://…/' to the address the site is served at"
)


def missing_base_url(project: Project) -> str | None:
    """What to tell the user when the declaration has no ``base-url``; None when it has."""
    if project.settings.base_url is not None:
        return None
    return NO_BASE_URL.format(declaration=project.root / DECLARATION_FILE)


def root_path(project: Project) -> str:
    """The site's root path on the web server: from ``base-url``, else ``/``."""
    base = project.settings.base_url
    return urlsplit(base).path if base else "/"


def published_pages(edition_dir: Path) -> set[str]:
    """The content pages of one published edition, as paths relative to it."""
    pages = set()
    for path in edition_dir.rglob("*.html"):
        relative = path.relative_to(edition_dir)
        if relative.parts[0].startswith("_") or relative.as_posix() in NOT_CONTENT:
            continue
        pages.add(relative.as_posix())
    return pages


def render_sitemap(project: Project, editions: list[Language], base: str) -> bytes:
    """The sitemap: one ``<url>`` per page per edition, with the page's other editions.

    A page's ``x-default`` is the page in the source language; a front page's is
    the landing page, which sends a reader on to their edition.
    """
    root = published_dir(project.build_dir)
    pages = {language.tag: published_pages(root / language.tag) for language in editions}
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in sorted(set().union(*pages.values())):
        having = [language for language in editions if page in pages[language.tag]]
        for language in having:
            url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(
                url, f"{{{SITEMAP_NS}}}loc"
            ).text = f"{base}{language.tag}/{page}"
            for other in having:
                _alternate(url, other.bcp47, f"{base}{other.tag}/{page}")
            source = project.source_language
            in_source = page != "index.html" and source in having
            _alternate(url, "x-default", f"{base}{source.tag}/{page}" if in_source else base)
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(project: Project, editions: list[Language]) -> Path | None:
    """Write ``sitemap.xml`` and a ``robots.txt`` pointing to it at the site's root.

    Without a ``base-url``, only the ``robots.txt`` (and a sitemap of an earlier
    build, whose URLs may be those of another address, is removed).
    """
    root = published_dir(project.build_dir)
    path = root / "sitemap.xml"
    base = project.settings.base_url
    robots = "User-agent: *\nAllow: /\n"
    # The editions' copies, which the editions link to: the same pages under other URLs.
    robots += f"Disallow: {root_path(project)}{VERSIONS}/\n"
    if base is None:
        path.unlink(missing_ok=True)
        write_if_changed(root / "robots.txt", robots.encode("utf-8"))
        return None
    write_if_changed(path, render_sitemap(project, editions, base))
    robots += f"\nSitemap: {base}sitemap.xml\n"
    write_if_changed(root / "robots.txt", robots.encode("utf-8"))
    return path


def _alternate(url: ElementTree.Element, hreflang: str, href: str) -> None:
    ElementTree.SubElement(
        url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href}
    )
