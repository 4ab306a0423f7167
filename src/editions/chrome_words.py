"""The words of the page chrome that an edition will show in English: none translates them.

The chrome is every word around the article: the theme's (Sphinx's and furo's,
translated by the project's ``locale/<lang>/LC_MESSAGES/sphinx.po``, then by
Sphinx's own catalog for the language) and Editions' own (notices, language
bar, landing page: ``editions.po``, shipped in the package).  A language
Editions and Sphinx know nothing of would show all of them in English, silently.

Which theme words the pages show is read from the theme itself, not listed here:

- the words of the templates a furo page is rendered with (furo's, then
  sphinx-basic-ng's, then Sphinx's basic theme, the first of each name, as
  Sphinx's theme inheritance resolves them), extracted by Jinja's own gettext
  extractor, and kept if Sphinx's ``sphinx.pot`` has them: a word of furo's the
  pot lacks is one no page of ours shows (the Read the Docs version menu), or
  one furo writes literally (its footer credit, below);
- the words Sphinx writes outside the templates, from ``sphinx.pot``'s own
  locations: the permalinks' titles (``writers/html5.py``) and the search
  page's and highlighting's scripts (``themes/basic/static/*.js``);
- the words furo writes as literal English, translated in the rendered page by
  :mod:`editions.sphinxext.furo_words`.

Not counted: a translation the build withholds as unsafe (``editions check``
reports those), and the words of templates no edition renders (listed below).
The figure is per language, not per page: a word counts once, wherever it shows.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo

from editions import derived
from editions.declaration import DECLARATION_FILE, Language, Project
from editions.errors import EditionsError
from editions.furo_literals import CREDIT_WORDS, LITERALS
from editions.layout import MESSAGES_FOLDER
from editions.pofile import PoFile, escape, parse_po, read_po
from editions.theme_words import THEME_CATALOG
from editions.words import DOMAIN, LOCALE_DIR, catalog_path

# The theme's template folders, in the order Sphinx's inheritance looks in them (furo's
# theme.conf inherits basic-ng, whose inherits basic).
_THEME_FOLDERS = (
    ("furo", "theme/furo"),
    ("sphinx_basic_ng", "theme/basic-ng"),
    ("sphinx", "themes/basic"),
)
THEME_DOMAIN = Path(THEME_CATALOG).stem
_THEME_DISTRIBUTIONS = ("sphinx", "furo", "sphinx-basic-ng")
# Templates of the theme no edition renders: Read the Docs' version menus (shown only
# on readthedocs.org), the general index split by letter (``html_split_index``, off by
# default) and basic's search field (furo's sidebar has its own).
_NOT_RENDERED = frozenset(
    {
        "sidebar/rtd-versions.html",
        "sidebar/variant-selector.html",
        "genindex-single.html",
        "genindex-split.html",
        "searchfield.html",
    }
)
# Where, in sphinx.pot, a word Sphinx writes into the pages outside the templates is used:
# the search page's and highlighting's scripts, and the HTML writer.  Of the writer's, only
# the permalinks' titles ("Link to this heading"): its other msgids are console warnings
# (``__()``), which the pot does not tell apart.
_WRITTEN_BY_SCRIPTS = re.compile(r"themes/basic/static/[\w.]+\.js")
_WRITTEN_BY_WRITER = re.compile(r"writers/html5\.py")
_PERMALINK_TITLE = "Link to this "

# A word: its msgid, or (singular, plural) for one with plural forms.
Word = str | tuple[str, str]


@dataclass(frozen=True)
class MissingWords:
    """The chrome words an edition will show in English."""

    theme: tuple[str, ...]  # the English of each, singular for a plural word
    own: tuple[str, ...]  # Editions' own words

    @property
    def count(self) -> int:
        return len(self.theme) + len(self.own)


def missing_words(
    locale_dir: Path, language: Language, cache_file: Path | None = None
) -> MissingWords:
    """The chrome words no catalog translates for ``language``: project's, Sphinx's, Editions'."""
    project_catalog = theme_catalog_path(locale_dir, language)
    translated = _project_translated_ids(project_catalog)
    translated |= _sphinx_translated_ids(language.locale)
    words = theme_words() if cache_file is None else cached_theme_words(cache_file)
    theme = tuple(_singular(word) for word in words if _singular(word) not in translated)
    return MissingWords(theme=theme, own=_missing_own_words(language.locale))


def create_theme_catalog(locale_dir: Path, language: Language) -> Path | None:
    """Write ``language``'s ``sphinx.po`` with the theme words no catalog translates, to fill.

    None if the project has one already (a translator's work, never overwritten) or if
    Sphinx translates every word.
    """
    from editions.catalogs import new_catalog, write_catalog  # the merge's machinery: here only

    path = theme_catalog_path(locale_dir, language)
    missing = set(missing_words(locale_dir, language).theme)
    if path.exists() or not missing:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_catalog(path, new_catalog(_theme_template(missing), language))
    return path


def _theme_template(missing: set[str]) -> PoFile:
    """A template of the theme words in ``missing``, in the theme's order, each once."""
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
    header = f'"Project-Id-Version: Editions \\n"\n"POT-Creation-Date: {date}\\n"\n'
    blocks = [f'msgid ""\nmsgstr ""\n{header}']
    seen: set[str] = set()
    for word in theme_words():
        singular = _singular(word)
        if singular not in missing or singular in seen:
            continue
        seen.add(singular)
        if isinstance(word, (tuple, list)):
            blocks.append(
                f'msgid "{escape(singular)}"\nmsgid_plural "{escape(str(word[1]))}"\n'
                'msgstr[0] ""\nmsgstr[1] ""\n'
            )
        else:
            blocks.append(f'msgid "{escape(singular)}"\nmsgstr ""\n')
    return parse_po("\n".join(blocks).encode("utf-8"), Path(f"{THEME_DOMAIN}.pot"))


def theme_catalog_path(locale_dir: Path, language: Language) -> Path:
    """The project's catalog of the theme's words for ``language``."""
    return locale_dir / language.gettext / MESSAGES_FOLDER / f"{THEME_DOMAIN}.po"


@cache
def theme_words() -> tuple[Word, ...]:
    """The theme's words the pages show, in a stable order: the templates', Sphinx's, furo's."""
    words: dict[str, Word] = {}
    for word in _template_words():
        words.setdefault(_singular(word), word)
    for message in _sphinx_pot():
        locations = " ".join(location for location, _line in message.locations)
        singular = _singular(message.id)
        written = _WRITTEN_BY_SCRIPTS.search(locations) or (
            _WRITTEN_BY_WRITER.search(locations) and singular.startswith(_PERMALINK_TITLE)
        )
        if message.id and written:
            words.setdefault(singular, _word(message.id))
    for word in _furo_literal_words():
        words.setdefault(word, word)
    return tuple(words.values())


def cached_theme_words(cache_file: Path) -> tuple[Word, ...]:
    """:func:`theme_words`, kept in ``cache_file`` (a derived record) for the theme's versions.

    Parsing the templates takes longer than the rest of `editions status`; the
    words change only with Sphinx, furo or sphinx-basic-ng (or Editions' own code).
    """
    records = derived.Records(cache_file)
    inputs = derived.digest([], [derived.code_version(), *map(version, _THEME_DISTRIBUTIONS)])
    kept = records.get("words", inputs)
    with contextlib.suppress(TypeError, ValueError, IndexError):
        if isinstance(kept, list):
            return tuple(word if isinstance(word, str) else (word[0], word[1]) for word in kept)
    words = theme_words()
    records.put("words", inputs, list(words))
    records.save_if_possible()  # a cache that cannot be written is only slower
    return words


def _template_words() -> list[Word]:
    """Every gettext word of the theme's templates, as Sphinx resolves them (first found)."""
    folders = [package_folder(package) / sub for package, sub in _THEME_FOLDERS]
    templates: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            templates.setdefault(path.relative_to(folder).as_posix(), path)
    from jinja2.ext import babel_extract  # Jinja's parser: for a theme not seen before only

    words: list[Word] = []
    options = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
    rendered = [path for name, path in templates.items() if name not in _NOT_RENDERED]
    for path in rendered:
        with path.open("rb") as template:
            for _line, _function, message, _comments in babel_extract(
                template, ("_", "gettext", "ngettext"), [], options
            ):
                if isinstance(message, tuple) and len(message) == 2 and all(message):
                    words.append((str(message[0]), str(message[1])))
                elif isinstance(message, str) and not message.startswith("\n"):
                    # (furo's footer credit, a block spanning lines, never matches a
                    # catalog as written: furo_words translates it, as CREDIT_WORDS.)
                    words.append(message)
    return words


def package_folder(name: str) -> Path:
    """Where an installed package's files are, found without running it (Sphinx takes a second)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EditionsError(f"{name} is not installed; install Editions with its dependencies")
    return Path(next(iter(spec.submodule_search_locations)))


def _furo_literal_words() -> list[str]:
    return [english for _pattern, english in LITERALS] + [CREDIT_WORDS]


@cache
def _sphinx_pot() -> Catalog:
    from babel.messages.pofile import read_po as babel_read_po

    # Sphinx's own template, shipped with it: trusted, and read by Babel as Sphinx's tools do.
    with (package_folder("sphinx") / "locale" / "sphinx.pot").open("rb") as pot:
        return babel_read_po(pot)


def _project_translated_ids(path: Path) -> frozenset[str]:
    """What the project's theme catalog translates; nothing if absent or unreadable.

    An unreadable catalog translates nothing indeed: the build refuses it whole.
    """
    if not path.is_file():
        return frozenset()
    try:
        return _po_translated_ids(read_po(path))
    except EditionsError:
        return frozenset()


def _po_translated_ids(po: PoFile) -> frozenset[str]:
    return frozenset(entry.id for entry in po.messages if entry.translated and not entry.fuzzy)


@cache
def _sphinx_translated_ids(locale: Locale) -> frozenset[str]:
    """The words Sphinx's own catalog translates for ``locale`` (or for its language)."""
    folder = package_folder("sphinx") / "locale"
    for name in (str(locale), locale.language):
        compiled = folder / name / MESSAGES_FOLDER / f"{THEME_DOMAIN}.mo"
        if compiled.is_file():
            with compiled.open("rb") as mo:
                return _translated_ids(read_mo(mo))
    return frozenset()


def _translated_ids(catalog: Catalog) -> frozenset[str]:
    return frozenset(_singular(message.id) for message in catalog if _is_translated(message))


def _is_translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return bool(message.id) and not message.fuzzy and all(strings)


def _missing_own_words(locale: Locale) -> tuple[str, ...]:
    """Editions' own words with no translation shipped for ``locale``."""
    words = _own_words()
    path = catalog_path(locale)
    translated = _po_translated_ids(read_po(path)) if path else frozenset()
    return tuple(word for word in words if word not in translated)


@cache
def _own_words() -> tuple[str, ...]:
    """Editions' own words: every msgid of the catalogs shipped with it."""
    words: dict[str, None] = {}
    for path in sorted(LOCALE_DIR.glob(f"*/{MESSAGES_FOLDER}/{DOMAIN}.po")):
        words.update(dict.fromkeys(entry.id for entry in read_po(path).messages))
    return tuple(words)


def _word(msgid: object) -> Word:
    if isinstance(msgid, (tuple, list)) and len(msgid) == 2:
        return (str(msgid[0]), str(msgid[1]))
    return _singular(msgid)


def _singular(word: object) -> str:
    return str(word[0]) if isinstance(word, (tuple, list)) else str(word)


def describe(
    language: Language, missing: MissingWords, theme_catalog: Path, shown: int = 6
) -> list[str]:
    """The build's warnings for ``language``: which chrome words show in English, where to fix.

    ``theme_catalog`` is the project's catalog of the theme's words, as the reader should see it.
    """
    warnings = []
    if missing.theme:
        warnings.append(
            f"{language.tag}: {_count(missing.theme)} of the page chrome will show in English: "
            f"{_listed(missing.theme, shown)}; translate them in {theme_catalog}"
        )
    if missing.own:
        warnings.append(
            f"{language.tag}: {_count(missing.own)} of Editions' own (notices, language bar, "
            f"landing page) will show in English: {_listed(missing.own, shown)}; they ship with "
            f"Editions: contribute src/editions/locale/{language.gettext}/{MESSAGES_FOLDER}/"
            f"{DOMAIN}.po to Editions"
        )
    return warnings


def _count(words: Iterable[str]) -> str:
    number = len(list(words))
    return f"{number} word" if number == 1 else f"{number} words"


def _listed(words: tuple[str, ...], shown: int) -> str:
    quoted = ", ".join(f'"{word}"' for word in words[:shown])
    return quoted + (", …" if len(words) > shown else "")


def describe_name(project: Project, language: Language) -> list[str]:
    """The build's warning if ``language``'s edition names the publication by the main title."""
    if not project.title_fallback(language):
        return []
    title = project.settings.title
    return [
        f'{language.tag}: the publication\'s name will show as "{title}", the main title; '
        f'name it in {DECLARATION_FILE}: {{ code = "{language.code}", title = "..." }}'
    ]
