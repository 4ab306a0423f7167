"""The declaration of a publication's language editions, in ``[tool.editions]``.

Everything else (the build, the catalogs, the switcher, the landing page)
derives from the :class:`Project` read here, so a language is declared once.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomlkit
from babel import Locale, UnknownLocaleError

from editions.errors import EditionsError
from editions.files import write_atomically

DECLARATION_FILE = "pyproject.toml"
TABLE = "tool.editions"
# What a language tag may look like: BCP 47's language[-script][-region][-variant...] (the
# underscore of gettext's spelling allowed).  An allowlist, so that the shell's locale
# (`C.UTF-8`, `POSIX`, `de_DE.UTF-8`, `sr@latin`) is never taken for a language.
_LANGUAGE_TAG = re.compile(
    r"[A-Za-z]{2,3}([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?([-_]([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)
TAG_EXAMPLE = "a language tag (BCP 47) such as 'es', 'pt-BR', 'sr-Latn' or 'zh-CN'"
# The options a language may carry beside its code.
LANGUAGE_OPTIONS = {"code", "search-language", "title"}


@dataclass(frozen=True)
class Language:
    """One language edition: how Babel, Sphinx, gettext and URLs each spell it.

    The spellings are kept once made (``cached_property`` writes past ``frozen``): the
    sitemap and the status page ask for them for every page of every edition.
    """

    code: str  # as declared, e.g. "pt-BR"
    locale: Locale
    search_language: str | None = None

    @cached_property
    def bcp47(self) -> str:
        """The BCP 47 tag for ``<html lang>`` and ``hreflang``, as declared: ``pt-BR``.

        Made from the declared code, not from Babel's reading of it: Babel 2.19 re-spells
        ``zh-CN`` as ``zh_Hans_CN``, and a folder or URL must not move with a library.
        """
        return canonical_tag(self.code)

    @cached_property
    def tag(self) -> str:
        """Lowercase BCP 47 tag, the edition's folder and URL: ``pt-br``."""
        return self.bcp47.lower()

    @cached_property
    def gettext(self) -> str:
        """The name of the catalog folder and Sphinx's ``language``: ``pt_BR``.

        Sphinx and sphinx-intl only find catalogs under the underscore form.
        """
        return self.bcp47.replace("-", "_")

    @property
    def native_name(self) -> str:
        """The language's name in itself, from CLDR: ``Español``."""
        name = self.locale.get_display_name(self.locale) or self.code
        return name[:1].upper() + name[1:]

    @property
    def direction(self) -> str:
        """``rtl`` or ``ltr``, from CLDR's character order."""
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Settings:
    """The rest of ``[tool.editions]``, typed and validated once, when the declaration is read."""

    title: str = "Editions"  # the publication's name, in the source language
    # The publication's name in other languages, by edition tag (``{ code = "es", title = ... }``).
    titles: tuple[tuple[str, str], ...] = ()
    base_url: str | None = None  # absolute, ending with a slash
    allowed_urls: tuple[str, ...] = ()  # a msgstr may link there although its English does not
    disabled_checks: tuple[str, ...] = ()  # [tool.editions.checks] disable

    def title_for(self, language: Language) -> str:
        """The publication's name in ``language``'s edition: its own, else the main title."""
        return dict(self.titles).get(language.tag, self.title)

    def names_in(self, language: Language) -> bool:
        """Whether ``language`` has its own name for the publication (not the main title)."""
        return language.tag in dict(self.titles)


# Every key [tool.editions] may hold, and those of [tool.editions.checks]: others are refused,
# since a misspelt key (`base_url`, `allowed-url`) would otherwise be ignored without a word.
KNOWN_KEYS = (
    "source", "locale", "title", "source-language", "languages", "base-url", "allowed-urls",
    "checks",
)  # fmt: skip
KNOWN_CHECKS_KEYS = ("disable",)


@dataclass(frozen=True)
class Project:
    """A publication: where its sources and catalogs are, and its editions."""

    root: Path
    source_language: Language
    languages: tuple[Language, ...]
    source_dir: Path
    locale_dir: Path
    settings: Settings = field(default_factory=Settings)

    def title_of(self, language: Language) -> str:
        """The publication's name in ``language``'s edition (the main title if none given)."""
        if language == self.source_language:
            return self.settings.title
        return self.settings.title_for(language)

    def title_fallback(self, language: Language) -> bool:
        """Whether ``language``'s edition shows the main title, for want of its own name."""
        return language != self.source_language and not self.settings.names_in(language)

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def editions(self) -> tuple[Language, ...]:
        """Every edition, the source language first."""
        return (self.source_language, *self.languages)

    def select(self, codes: list[str] | None) -> tuple[Language, ...]:
        """The declared editions named by ``codes`` (any spelling), or all."""
        if not codes:
            return self.editions
        chosen = []
        for code in codes:
            wanted = _parse_locale(code)
            match = [lang for lang in self.editions if lang.locale == wanted]
            known = ", ".join(lang.tag for lang in self.editions)
            if wanted is None:
                raise EditionsError(f"{_not_a_tag(code)}; declared: {known}")
            if not match:
                raise EditionsError(
                    f"{self.root / DECLARATION_FILE}: '{code}' is not a declared language "
                    f"(declared: {known}); add it with `editions add-language {code}`"
                )
            chosen.append(match[0])
        return tuple(chosen)


def find_root(start: Path) -> Path:
    """The nearest folder, from ``start`` upwards, whose pyproject declares editions."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / DECLARATION_FILE
        if candidate.is_file() and "[tool.editions]" in candidate.read_text(encoding="utf-8"):
            return folder
    raise EditionsError(
        f"{start}: no {DECLARATION_FILE} with a [{TABLE}] table here or above; "
        "run editions from the publication's folder or pass --project"
    )


def load_project(root: Path) -> Project:
    """Read and validate the declaration in ``root/pyproject.toml``."""
    # Absolute: Sphinx resolves relative folders against the source folder, not ours.
    root = root.resolve()
    path = root / DECLARATION_FILE
    try:
        text = path.read_text(encoding="utf-8")
        table = tomllib.loads(text).get("tool", {}).get("editions")
    except (OSError, UnicodeDecodeError) as error:
        raise EditionsError(f"{path}: cannot read the declaration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise EditionsError(f"{path}: not valid TOML: {error}") from None
    if not isinstance(table, dict):
        raise EditionsError(f"{path}: no [{TABLE}] table declares the languages")
    where = _Where(path, text)
    settings = _settings(table, where)
    source_language = _language({"code": table.get("source-language", "en")}, where)
    items = _language_items(table, where)
    languages = tuple(_language(item, where) for item in items)
    _refuse_duplicates((source_language, *languages), where)
    titles = tuple(
        (language.tag, _title(item, language, where))
        for item, language in zip(items, languages, strict=True)
        if "title" in item
    )
    settings = replace(settings, titles=titles)
    return Project(
        root=root,
        source_language=source_language,
        languages=languages,
        source_dir=root / _string(table, "source", "source", where),
        locale_dir=root / _string(table, "locale", "locale", where),
        settings=settings,
    )


def add_language(root: Path, code: str) -> Language:
    """Declare a new language in ``pyproject.toml``, keeping its formatting."""
    project = load_project(root)
    path = root / DECLARATION_FILE
    language = _language({"code": code}, _Where(path, ""))
    if any(lang.locale == language.locale for lang in project.editions):
        raise EditionsError(f"{path}: '{code}' is already declared")
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    entries = document["tool"]["editions"].setdefault("languages", tomlkit.array())  # type: ignore[union-attr,index]
    # Parsed rather than built, to keep the file's `{ code = "es" }` spacing.
    entry = tomlkit.parse(f'entry = {{ code = "{language.bcp47}" }}')["entry"]
    entries.append(entry)
    write_atomically(path, tomlkit.dumps(document).encode("utf-8"))
    return language


def _settings(table: dict[str, Any], where: _Where) -> Settings:
    _refuse_unknown_keys(table, KNOWN_KEYS, where, "[tool.editions]")
    checks = table.get("checks", {})
    if not isinstance(checks, dict):
        raise EditionsError(
            f"{where.of('checks')}: `checks` must be a table: [tool.editions.checks]"
        )
    _refuse_unknown_keys(checks, KNOWN_CHECKS_KEYS, where, "[tool.editions.checks]")
    return Settings(
        title=_string(table, "title", "Editions", where),
        base_url=_base_url(table.get("base-url"), where),
        allowed_urls=_strings(table, "allowed-urls", where),
        disabled_checks=_strings(checks, "disable", where),
    )


def _refuse_unknown_keys(
    table: dict[str, Any], known: tuple[str, ...], where: _Where, name: str
) -> None:
    for key in table:
        if key not in known:
            raise EditionsError(
                f"{where.of(key)}: unknown key `{key}` in {name}; the keys are: {', '.join(known)}"
            )


def _string(table: dict[str, Any], key: str, default: str, where: _Where) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise EditionsError(f'{where.of(key)}: `{key}` must be a string, like "{default}"')
    return value


def _strings(table: dict[str, Any], key: str, where: _Where) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise EditionsError(f'{where.of(key)}: `{key}` must be a list of strings, like ["..."]')
    return tuple(value)


def _base_url(value: object, where: _Where) -> str | None:
    if value is None:
        return None
    parts = urlsplit(str(value))
    if not isinstance(value, str) or parts.scheme not in {"http", "https"} or not parts.netloc:
        raise EditionsError(
            f"{where.of('base-url')}: base-url = {value!r} must be an absolute http(s) URL, "
            "such as 'https://news.example.org/'"
        )
    return value.rstrip("/") + "/"


class _Where:
    """Names the declaration's file and line in error messages."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.lines = path, text.splitlines()

    def of(self, needle: str) -> str:
        for number, line in enumerate(self.lines, 1):
            if needle in line:
                return f"{self.path}:{number}"
        return f"{self.path}: [{TABLE}]"


def _language_items(table: dict[str, Any], where: _Where) -> list[dict[str, Any]]:
    items = table.get("languages", [])
    if not isinstance(items, list):
        raise EditionsError(
            f"{where.of('languages')}: `languages` must be a list such as "
            '[{ code = "es" }, { code = "fr" }]'
        )
    # A bare string is accepted as shorthand for { code = "..." }.
    return [item if isinstance(item, dict) else {"code": item} for item in items]


def _language(item: dict[str, Any], where: _Where) -> Language:
    code = item.get("code")
    if not isinstance(code, str) or not code:
        raise EditionsError(f'{where.of("languages")}: every language needs a `code`, like "es"')
    unknown = set(item) - LANGUAGE_OPTIONS
    if unknown:
        raise EditionsError(
            f"{where.of(code)}: unknown option(s) {', '.join(sorted(unknown))} for '{code}'; "
            f"allowed: {', '.join(sorted(LANGUAGE_OPTIONS))}"
        )
    locale = _parse_locale(code)
    if locale is None:
        raise EditionsError(f"{where.of(code)}: {_not_a_tag(code)}")
    search = item.get("search-language")
    return Language(code=code, locale=locale, search_language=search)


def _title(item: dict[str, Any], language: Language, where: _Where) -> str:
    """A language's name for the publication: one line of text, like the main title."""
    title = item["title"]
    if not isinstance(title, str) or not title.strip() or any(ch in title for ch in "\n\r"):
        entry = f'{{ code = "{language.code}", title = "..." }}'
        quoted = f'"{language.code}"'  # the entry's line, not the first "es" of the file
        raise EditionsError(
            f"{where.of(quoted)}: the title of '{language.code}' must be "
            f"the publication's name in that language, on one line, like {entry}"
        )
    return title


def language_tag(code: str) -> str:
    """``code`` if it is a language tag Babel knows; else an error saying what one looks like."""
    if _parse_locale(code) is None:
        raise EditionsError(_not_a_tag(code))
    return code


def _not_a_tag(code: str) -> str:
    return (
        f"'{code}' is not {TAG_EXAMPLE} that Babel knows "
        "(a system locale name such as C.UTF-8 or de_DE.UTF-8 is not a language tag)"
    )


def canonical_tag(code: str) -> str:
    """``code`` in BCP 47 case, with hyphens: ``pt_br`` -> ``pt-BR``, ``sr_latn`` -> ``sr-Latn``."""
    first, *rest = code.replace("_", "-").split("-")
    return "-".join([first.lower(), *(_subtag_case(subtag) for subtag in rest)])


def _subtag_case(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()  # script
    if len(subtag) == 2 or (len(subtag) == 3 and subtag.isdigit()):
        return subtag.upper()  # region
    return subtag.lower()


def _parse_locale(code: str) -> Locale | None:
    if not _LANGUAGE_TAG.fullmatch(code):
        return None  # e.g. the POSIX names C, C.UTF-8, de_DE.UTF-8, sr@latin
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _refuse_duplicates(languages: tuple[Language, ...], where: _Where) -> None:
    seen: dict[str, Language] = {}
    for language in languages:
        if language.tag in seen:
            raise EditionsError(
                f"{where.of(language.code)}: '{language.code}' is declared twice "
                f"(as '{seen[language.tag].code}' and '{language.code}'); remove one"
            )
        seen[language.tag] = language
