"""The theme's words for its JavaScript (search results), from the project's ``sphinx.po``.

The search page's script reads its words from ``_static/translations.js``,
which Sphinx copies from a ``sphinx.js`` it finds beside the catalogs; Sphinx
writes that file only when it builds its own catalogs, so a project's
``sphinx.po`` never reaches the search page.  We write it: Sphinx's own words
for the language, completed and overridden by the project's.
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import sphinx
from babel.messages.catalog import Catalog

from editions.declaration import Language
from editions.errors import EditionsError
from editions.files import write_if_changed
from editions.layout import MESSAGES_FOLDER

_PREFIX, _SUFFIX = "Documentation.addTranslations(", ");"


def write_javascript_catalog(catalog: Catalog, language: Language, target: Path) -> bool:
    """Write ``target/sphinx.js`` for ``language`` from ``catalog``; True if it changed."""
    messages = sphinx_messages(language)
    for message in catalog:
        strings = [str(string or "") for string in _strings(message.string)]
        if not message.id or message.fuzzy or not any(strings):
            continue
        key = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        messages[key] = strings if message.pluralizable else strings[0]
    data = {
        "locale": language.gettext,
        "messages": messages,
        "plural_expr": javascript_plural(catalog.plural_expr, language),
    }
    text = _PREFIX + json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True) + _SUFFIX
    return write_if_changed(target / "sphinx.js", text.encode("utf-8"))


def javascript_plural(expression: str, language: Language) -> str:
    """The catalog's C plural expression as JavaScript that yields the plural form's number.

    Sphinx's ``ngettext`` indexes the translations with the expression's value; in C
    ``(n != 1)`` is the int 0 or 1, in JavaScript a boolean, and ``forms[true]`` is
    undefined (every search in German then failed).  ``Number()`` makes it 0 or 1, and
    leaves the numbers of a ternary expression (Arabic's six forms) as they are.
    """
    try:
        # The standard library's reader of GNU's grammar: only ``n``, integers and C's
        # operators pass, so nothing but arithmetic reaches the page's script.
        gettext.c2py(expression)
    except (ValueError, SyntaxError, RecursionError):
        raise EditionsError(
            f"the Plural-Forms of the '{language.tag}' sphinx.po ({expression!r}) is not "
            "a C plural expression: use the one for the language, such as "
            "'nplurals=2; plural=(n != 1);'"
        ) from None
    if "/" in expression:
        # C's integer division has no JavaScript operator; no language's rule needs it.
        raise EditionsError(
            f"the Plural-Forms of the '{language.tag}' sphinx.po ({expression!r}) divides, "
            "which the search page's JavaScript cannot do as C does: write it with % instead"
        )
    return f"Number({expression})"


def sphinx_messages(language: Language) -> dict[str, str | list[str]]:
    """The words Sphinx ships for ``language``'s JavaScript (empty where it has none)."""
    shipped = Path(sphinx.__file__).parent / "locale" / language.gettext / MESSAGES_FOLDER
    try:
        text = (shipped / "sphinx.js").read_text(encoding="utf-8").strip()
        data = json.loads(text.removeprefix(_PREFIX).removesuffix(_SUFFIX))
        return {key: value for key, value in data["messages"].items() if value}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _strings(string: object) -> tuple[object, ...]:
    return tuple(string) if isinstance(string, (tuple, list)) else (string,)
