"""Localised chrome: the "last updated" date of each page, written the edition's way.

Sphinx formats ``html_last_updated_fmt`` with a strftime pattern (one word order for
all languages) and the date of the build; here the date is the page's own (when
its source or catalog last changed) and Babel writes it as the locale does.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from babel.dates import format_date
from sphinx.application import Sphinx

from editions.sphinxext.declaration import edition_of


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _localise_last_updated)


def page_date(app: Sphinx, pagename: str) -> datetime:
    """When the page was last read from changed sources; SOURCE_DATE_EPOCH wins."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    read_at = app.env.all_docs.get(pagename)
    if read_at is None:  # a generated page (search, index, 404)
        return datetime.now(tz=UTC)
    return datetime.fromtimestamp(read_at / 1_000_000, tz=UTC)


def _localise_last_updated(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if context.get("last_updated") is None:  # html_last_updated_fmt unset: no date shown
        return
    locale = edition_of(app).locale
    context["last_updated"] = format_date(page_date(app, pagename), "long", locale=locale)
