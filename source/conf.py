"""Sphinx configuration of the publication.

The languages are not declared here: they live once, in ``[tool.editions]`` of
``pyproject.toml``, and the ``editions.sphinxext`` extension reads them.
"""

# The publication's name, in each edition its own: set from [tool.editions]'s titles.
project = "Red Flag"
author = "The editors"
copyright = "2026, Red Flag"

extensions = ["editions.sphinxext"]

# English is the source language; `editions build` overrides it per edition.
language = "en"
locale_dirs = ["../locale/"]
# One catalog per document: a changed msgstr re-reads only its own page.
gettext_compact = False
gettext_uuid = False
gettext_location = True
gettext_last_translator = "Editions"
gettext_language_team = "Editions translators"

# A publication, not API documentation.
html_theme = "furo"
html_copy_source = False
# A newspaper's footer credits its theme, not the documentation tool.
html_show_sphinx = False
html_show_sourcelink = False
html_last_updated_fmt = ""
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
