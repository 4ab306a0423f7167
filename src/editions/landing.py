"""The landing page, ``build/html/index.html``: where a reader chooses an edition."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from editions.declaration import Language, Project
from editions.files import write_if_changed
from editions.publish import published_dir


def render_landing(project: Project, editions: list[Language], title: str) -> str:
    environment = Environment(
        loader=PackageLoader("editions", "templates"), autoescape=select_autoescape()
    )
    template = environment.get_template("landing.html")
    return template.render(title=title, source=project.source_language, editions=editions)


def write_landing(project: Project, editions: list[Language], title: str) -> Path:
    """Write the landing page listing ``editions`` (those really published)."""
    path = published_dir(project.build_dir) / "index.html"
    write_if_changed(path, render_landing(project, editions, title).encode("utf-8"))
    return path
