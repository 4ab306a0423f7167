"""The words around every page (the theme's, Editions' own): when they change, every page is new.

Sphinx writes again only the pages whose source or catalog changed; the words
of the page's frame ("Back to top", the language bar) come from the theme's
catalog (``sphinx.mo``) and Editions' own (``editions.po``), which no page
depends on.  A corrected theme word would then stay wrong, or unsafe, on every
page not otherwise changed.  Their digest is therefore an HTML setting: Sphinx
writes every page again (without reading any) when its HTML settings change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of
from editions.words import catalog_path

# The compiled theme catalog Sphinx's translator reads.  (Its ``sphinx.js`` needs no
# digest: Sphinx copies it to ``_static/translations.js`` on every build.)
THEME_FILES = ("sphinx.mo",)


def setup(app: Sphinx) -> None:
    app.add_config_value("editions_words", "", "html", types=frozenset({str}))
    # After the declaration is read (priority 100): the edition's locale is known.
    app.connect("config-inited", _note_words, priority=200)


def _note_words(app: Sphinx, config: Config) -> None:
    config.editions_words = words_digest(app, config)


def words_digest(app: Sphinx, config: Config) -> str:
    """A digest of every catalog the frame of the pages takes its words from."""
    files = [
        Path(app.srcdir, folder, config.language, "LC_MESSAGES", name)
        for folder in config.locale_dirs
        for name in THEME_FILES
    ]
    own_words = catalog_path(edition_of(config).locale)
    if own_words is not None:
        files.append(own_words)
    digest = hashlib.sha256()
    for path in files:  # their contents only: a publication moved elsewhere is the same
        content = path.read_bytes() if path.is_file() else b""
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()
