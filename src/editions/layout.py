"""Where catalogs live: ``locale/<lang>/LC_MESSAGES/<document>.po``, the one place that knows.

gettext (and Sphinx's ``locale_dirs``) finds a language's catalogs in
``<locale_dir>/<lang>/LC_MESSAGES/<domain>.mo``; the domain of a document is its
path below that folder without the suffix ("news/harbour").
"""

from __future__ import annotations

from pathlib import Path

from editions.declaration import Language

MESSAGES_FOLDER = "LC_MESSAGES"


def language_folder(locale_dir: Path, language: Language) -> Path:
    """The folder of one language's catalogs."""
    return locale_dir / language.gettext / MESSAGES_FOLDER


def domain_of(path: Path, folder: Path) -> str:
    """The gettext domain of a catalog: its path below the folder, without suffix."""
    return path.relative_to(folder).with_suffix("").as_posix()


def layout_of(path: Path) -> tuple[str, str] | None:
    """(language, document) from a ``<lang>/LC_MESSAGES/<document>.po`` path; None elsewhere.

    Read from the absolute path: ``a.po``, named from inside its folder, is the same catalog.
    """
    parts = path.absolute().parts
    if MESSAGES_FOLDER not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index(MESSAGES_FOLDER)
    if index == 0:
        return None
    document = Path(*parts[index + 1 :]).with_suffix("").as_posix()
    return parts[index - 1], document


def language_folder_of(catalog: Path) -> Path | None:
    """``locale/<lang>`` for a catalog under ``locale/<lang>/LC_MESSAGES/`` (absolute)."""
    parts = catalog.absolute().parts
    if MESSAGES_FOLDER not in parts:
        return None
    return Path(*parts[: len(parts) - 1 - parts[::-1].index(MESSAGES_FOLDER)])


def language_of(path: Path, header_language: str | None) -> str | None:
    """A catalog's language: its folder (``fr/LC_MESSAGES/``), else its Language header."""
    layout = layout_of(path)
    if layout:
        return layout[0]
    return header_language.strip() or None if header_language else None
