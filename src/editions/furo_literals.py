"""furo's words that it writes as plain English, not through gettext: which, and where.

:mod:`editions.sphinxext.furo_words` translates them in the rendered page;
:mod:`editions.chrome_words` counts them among the words an edition may show in
English.  Here, outside ``sphinxext`` (whose package loads Sphinx), so that
`editions status` can count them without loading Sphinx.
"""

from __future__ import annotations

# Where furo (2024-2025) writes each word; an exact spelling, so that nothing else matches.
LITERALS = (
    ('aria-label="{}"', "Toggle site navigation sidebar"),
    ('aria-label="{}"', "Toggle table of contents sidebar"),
    ('aria-label="{}"', "Toggle Light / Dark / Auto color theme"),
    ("<title>{}</title>", "Contents"),
    ("<title>{}</title>", "Menu"),
    ("<title>{}</title>", "Expand"),
    ("<title>{}</title>", "Light mode"),
    ("<title>{}</title>", "Dark mode"),
    ("<title>{}</title>", "Auto light/dark, in light mode"),
    ("<title>{}</title>", "Auto light/dark, in dark mode"),
)

# The footer's "<author>'s <theme>", as one catalog word (its links kept as furo writes them).
CREDIT_WORDS = "%(author)s's %(theme)s"
