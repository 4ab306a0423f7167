"""Which publication and which edition a Sphinx build is making.

The languages are declared once, in ``[tool.editions]``; the extension finds
that declaration from the configuration folder upwards (or from
``editions_project``), so a plain ``sphinx-build -D language=es`` works too.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from editions.declaration import Language, Project, find_root, load_project
from editions.errors import EditionsError

# Keyed by the build's config, shared by the app and its environment (and transforms).
_BUILDS: dict[int, tuple[Project, Language]] = {}


def setup(app: Sphinx) -> None:
    app.add_config_value("editions_project", "", "env", types=frozenset({str}))
    # Set by `editions build`: the editions built in the same run (see pages._may_have).
    app.add_config_value("editions_building", [], "", types=frozenset({list}))
    app.connect("config-inited", _load_declaration, priority=100)


def project_of(app: Sphinx | Config) -> Project:
    """The declaration of the publication being built (from the app, or a transform's config)."""
    config = app.config if isinstance(app, Sphinx) else app
    return _BUILDS[id(config)][0]


def edition_of(app: Sphinx | Config) -> Language:
    """The edition being built, from Sphinx's ``language`` (resolved once, when config is read)."""
    config = app.config if isinstance(app, Sphinx) else app
    return _BUILDS[id(config)][1]


def _load_declaration(app: Sphinx, config: Config) -> None:
    try:
        start = Path(config.editions_project) if config.editions_project else Path(app.confdir)
        project = load_project(find_root(start))
        edition = project.select([config.language or project.source_language.code])[0]
        _BUILDS[id(config)] = project, edition
    except EditionsError as error:
        raise ConfigError(str(error)) from None
    if config.root_doc != "index":
        # The landing page, the switcher, the 404 page and the check that an edition is
        # published all find an edition's front page at <tag>/index.html.
        raise ConfigError(
            f"root_doc = {config.root_doc!r} in conf.py: Editions publishes each edition's "
            "front page as index.html; name the front page index.rst and remove root_doc"
        )
    # Sphinx finds catalogs only under the underscore form (pt_BR, not pt-BR).
    config.language = edition.gettext
