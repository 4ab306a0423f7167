"""Editions' own words (notices, switcher, sidebar, landing page) in each edition's language.

They are not the theme's words (those are in the project's ``sphinx.po``) nor the
article's: they ship with the package, in ``locale/<lang>/LC_MESSAGES/editions.po``,
and are compiled in memory when first needed, so an installed package needs no
``.mo`` files and no write access to its own folder.  (Outside ``sphinxext``: the
landing page is written without Sphinx, which importing that package would load.)
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from editions.babel_adapter import to_babel
from editions.layout import MESSAGES_FOLDER
from editions.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "editions"


def catalog_path(locale: Locale) -> Path | None:
    """The catalog of Editions' words for ``locale`` (or for its language), if there is one."""
    for name in (str(locale), locale.language):
        path = LOCALE_DIR / name / MESSAGES_FOLDER / f"{DOMAIN}.po"
        if path.is_file():
            return path
    return None


@cache
def translations_for(locale: Locale) -> NullTranslations:
    """Editions' catalog for ``locale`` (or for its language), English if none."""
    path = catalog_path(locale)
    if path is None:
        return NullTranslations()
    catalog = to_babel(read_po(path), locale=path.parent.parent.name)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(locale: Locale, message: str, **values: str) -> str:
    """``message`` translated for ``locale``, with ``%(name)s`` values filled in."""
    text = translations_for(locale).gettext(message)
    return text % values if values else text


def ngettext(locale: Locale, singular: str, plural: str, count: int, **values: str) -> str:
    """The form of ``singular``/``plural`` for ``count`` in ``locale``, ``%(count)s`` filled in."""
    text = translations_for(locale).ngettext(singular, plural, count)
    return text % {"count": format_decimal(count, locale=locale), **values}
