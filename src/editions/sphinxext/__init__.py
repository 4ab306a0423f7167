"""The Sphinx extension of Editions: what each edition's pages need.

``setup`` reads as a table of contents: one small setup per feature.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from editions import __version__
from editions.sphinxext import (
    alternates,
    chrome,
    declaration,
    direction,
    fast_i18n,
    fast_search,
    furo_words,
    generated,
    marks,
    navigation,
    notfound,
    notices,
    search_accents,
    site_name,
    switcher,
    words,
)


def setup(app: Sphinx) -> dict[str, Any]:
    app.require_sphinx("9.0")
    declaration.setup(app)
    direction.setup(app)
    fast_i18n.setup(app)
    search_accents.setup(app)
    fast_search.setup(app)
    switcher.setup(app)
    navigation.setup(app)
    alternates.setup(app)
    site_name.setup(app)
    notfound.setup(app)
    notices.setup(app)
    marks.setup(app)
    generated.setup(app)
    chrome.setup(app)
    words.setup(app)
    furo_words.setup(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
