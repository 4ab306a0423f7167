"""Localised chrome: the "last updated" date of each page, written the edition's way.

Sphinx formats ``html_last_updated_fmt`` with a strftime pattern (one word order for
all languages) and the date of the build; here the date is the page's own (the last
commit that changed its source or its catalog, see ``editions.history``) and Babel
writes it as the locale does.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.dates import format_date
from sphinx.application import Sphinx

from editions import history
from editions.history import last_changed
from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.notices import page_catalog


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", lambda app: history.forget())
    app.connect("html-page-context", _localise_last_updated)


def page_date(app: Sphinx, pagename: str) -> datetime:
    """When the document's source, its catalog or a file it includes last changed: the newest.

    Not when Sphinx last read it (``env.all_docs``): a changed setting makes Sphinx
    read every page again, and every page would say it changed today.  Files git does
    not know date the page by the build.  SOURCE_DATE_EPOCH, for reproducible builds,
    is the latest date a page can have (as ``tar --clamp-mtime`` does).
    """
    project = project_of(app)
    # Sphinx's dependencies, but not the catalogs compiled under build/ at each build.
    included = [app.env.srcdir / dep for dep in app.env.dependencies[pagename]]
    files = [Path(app.env.doc2path(pagename))]
    build = project.build_dir.resolve()
    files += [path for path in included if not path.resolve().is_relative_to(build)]
    if edition_of(app) != project.source_language:
        catalog = page_catalog(app, pagename)
        files += [catalog] if catalog else []
    scope = (project.source_dir, project.locale_dir)
    changed = [last_changed(path, scope) for path in files]
    stamp = max(
        (when for when in changed if when is not None), default=datetime.now(tz=UTC).timestamp()
    )
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = min(stamp, int(epoch))
    return datetime.fromtimestamp(stamp, tz=UTC)


def _localise_last_updated(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if context.get("last_updated") is None:  # html_last_updated_fmt unset: no date shown
        return
    if pagename not in app.env.all_docs:
        # A page Sphinx makes (search, 404) has no history: the build's date would be
        # the only one on it, and it would change at every build.
        context["last_updated"] = None
        return
    locale = edition_of(app).locale
    context["last_updated"] = format_date(page_date(app, pagename), "long", locale=locale)
