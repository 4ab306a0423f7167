"""furo's words that it writes as plain English: translated in each edition's page.

furo passes most of its words through gettext (``{% trans %}``), so the project's
``sphinx.po`` translates them; a few it writes as literal text, which no catalog
can reach: the labels of its toggles, read out by screen readers, and the titles
of its icons.  They are looked up in the same catalog as the theme's other words
(the project's ``sphinx.po``, then Sphinx's own) and put in place in the rendered
page, attribute by attribute: furo offers no block around any of them, and a copy
of its templates would stop following its updates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from sphinx.application import Sphinx
from sphinx.locale import _

# Outside this package, which loads Sphinx: `editions status` counts them untranslated.
from editions.furo_literals import CREDIT_WORDS, LITERALS

# The footer's "<author>'s <theme>": English word order, with the links as they are.
CREDIT = re.compile(
    r'(<a class="muted-link" href="https://pradyunsg.me">@pradyunsg</a>)\'s\s*'
    r'(<a href="https://github.com/pradyunsg/furo">Furo</a>)'
)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _translate_rendered_pages)


def translated_literals(page: str) -> str:
    """``page`` with furo's literal English words in the build's language."""
    for pattern, english in LITERALS:
        translated = _(english)
        if translated != english:
            page = page.replace(pattern.format(english), pattern.format(escape(translated)))
    credit = _(CREDIT_WORDS)
    if credit != CREDIT_WORDS:
        # The translation orders the two links; its own words are escaped, the links kept.
        page = CREDIT.sub(
            lambda found: (
                escape(credit).replace("%(author)s", found[1]).replace("%(theme)s", found[2])
            ),
            page,
        )
    return page


def _translate_rendered_pages(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is None or not app.config.language or app.config.language.startswith("en"):
        return
    render: Callable[[str, dict[str, Any]], str] = templates.render

    def render_translated(template: str, context: dict[str, Any]) -> str:
        return translated_literals(render(template, context))

    templates.render = render_translated
