"""Localised chrome: the "last updated" date of each page, written the edition's way.

Sphinx formats ``html_last_updated_fmt`` with a strftime pattern (one word order for
all languages) and the date of the build; here the date is the page's own (when
its source or catalog last changed) and Babel writes it as the locale does.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.dates import format_date
from sphinx.application import Sphinx

from editions.sphinxext.declaration import edition_of


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _localise_last_updated)


def page_date(app: Sphinx, pagename: str) -> datetime:
    """When the page's source or one of its dependencies (its catalog) last changed.

    Not when Sphinx last read it (``env.all_docs``): a changed setting makes Sphinx
    read every page again, and every page would say it changed today.
    SOURCE_DATE_EPOCH wins, for reproducible builds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    env = app.env
    if pagename not in env.all_docs:  # a generated page (search, index, 404)
        return datetime.now(tz=UTC)
    files = [env.doc2path(pagename), *(env.srcdir / path for path in env.dependencies[pagename])]
    changed = [path.stat().st_mtime for path in map(Path, files) if path.is_file()]
    return datetime.fromtimestamp(max(changed), tz=UTC) if changed else datetime.now(tz=UTC)


def _localise_last_updated(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if context.get("last_updated") is None:  # html_last_updated_fmt unset: no date shown
        return
    locale = edition_of(app).locale
    context["last_updated"] = format_date(page_date(app, pagename), "long", locale=locale)
