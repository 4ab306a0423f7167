"""One ``sitemap.xml`` for every page of every published edition, and a ``robots.txt``.

sphinx-sitemap writes one sitemap per build, so per edition, and cannot know which
other editions were published beside it; the cross-edition sitemap, with each
page's ``xhtml:link`` alternates, is therefore written here, after all editions,
from the published folders themselves.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from editions.declaration import DECLARATION_FILE, Language, Project
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.publish import published_dir

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Sphinx's generated pages: no content of their own for a search engine.
NOT_CONTENT = {"search.html", "genindex.html", "py-modindex.html", "404.html"}


def base_url(project: Project) -> str | None:
    """The declaration's ``base-url`` (the site's root, ending with a slash), or None."""
    base = project.options.get("base-url")
    if base is None:
        return None
    parts = urlsplit(str(base))
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise EditionsError(
            f"{project.root / DECLARATION_FILE}: [tool.editions] base-url = {base!r} must be "
            "an absolute http(s) URL, such as 'https://news.example.org/'"
        )
    return str(base).rstrip("/") + "/"


def root_path(project: Project) -> str:
    """The site's root path on the web server: from ``base-url``, else ``/``."""
    base = base_url(project)
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


def render_sitemap(project: Project, editions: list[Language]) -> bytes:
    """The sitemap: one ``<url>`` per page per edition, with the page's other editions.

    Without a ``base-url`` in the declaration, URLs are relative to the site's root:
    enough for tools and tests, but search engines need ``base-url`` set.
    """
    base = base_url(project) or ""
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
            _alternate(url, "x-default", base or "index.html")
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(project: Project, editions: list[Language]) -> Path:
    """Write ``sitemap.xml`` and a ``robots.txt`` pointing to it at the site's root."""
    root = published_dir(project.build_dir)
    path = root / "sitemap.xml"
    write_if_changed(path, render_sitemap(project, editions))
    location = f"{base_url(project) or ''}sitemap.xml"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {location}\n"
    write_if_changed(root / "robots.txt", robots.encode("utf-8"))
    return path


def _alternate(url: ElementTree.Element, hreflang: str, href: str) -> None:
    ElementTree.SubElement(
        url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href}
    )
