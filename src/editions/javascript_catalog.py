"""The theme's words for its JavaScript (search results), from the project's ``sphinx.po``.

The search page's script reads its words from ``_static/translations.js``,
which Sphinx copies from a ``sphinx.js`` it finds beside the catalogs; Sphinx
writes that file only when it builds its own catalogs, so a project's
``sphinx.po`` never reaches the search page.  We write it: Sphinx's own words
for the language, completed and overridden by the project's.
"""

from __future__ import annotations

import json
from pathlib import Path

import sphinx
from babel.messages.catalog import Catalog

from editions.declaration import Language
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
    data = {"locale": language.gettext, "messages": messages, "plural_expr": catalog.plural_expr}
    text = _PREFIX + json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True) + _SUFFIX
    return write_if_changed(target / "sphinx.js", text.encode("utf-8"))


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
