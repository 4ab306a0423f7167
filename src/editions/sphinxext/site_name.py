"""The site's name in each edition: the publication's name in the edition's language.

The name is declared once, in ``[tool.editions]`` (``title``, and each language's
``title``); conf.py's ``project`` and ``html_title`` are one name for every
language, so they are set here for the edition being built.  furo's sidebar
brand and every ``<title>`` read ``html_title``; sphinxext-opengraph's
``og:site_name`` reads ``project``; furo's footer prints ``copyright``, which
says the main title in the edition's name too (furo escapes it).
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.config import Config

from editions.sphinxext.declaration import edition_of, project_of


def setup(app: Sphinx) -> None:
    # After the declaration is read (priority 100), before opengraph's handlers read `project`.
    app.connect("config-inited", _name_the_site, priority=150)


def _name_the_site(app: Sphinx, config: Config) -> None:
    project = project_of(app)
    main, name = project.settings.title, project.title_of(edition_of(app))
    config.project = name
    # The name is text; html_title is HTML to Sphinx (furo writes it into the sidebar as is).
    config.html_title = escape(name)
    if config.ogp_site_name is not False:  # False: the project asked for no og:site_name
        # opengraph writes it into an attribute, escaping only its quotes.
        config.ogp_site_name = escape(name, quote=False)
    if isinstance(config.copyright, str) and main in config.copyright:
        config.copyright = config.copyright.replace(main, name)
