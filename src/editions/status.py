"""How far each translation is: strings and English words translated, fuzzy, untranslated.

The figures follow ``msgfmt --statistics``: the header is not a message, a
fuzzy entry counts once (``sphinx-intl stat`` counts it twice), a fuzzy entry
with an empty msgstr is untranslated, and obsolete (``#~``) entries are shown
but are not work.  Words are those of the English source (the msgid), counted
as ``wc -w`` does, because a long paragraph is more work than a title.

Use :func:`collect` for one figure per catalog and :func:`summarise` for one
per language, e.g. ``summarise(collect([locale_dir]))[0].words_percent``.

The figure readers see (the landing page, a page's notice, the status page, this
command's summary) is :func:`completeness`: whole percent of the English words
translated, rounded down, of the publication's own documents; the theme's words
(``sphinx.po``) are reported apart.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path

from editions.declaration import Project
from editions.errors import EditionsError
from editions.files import write_atomically

# Bump when the parser or the figures change, so that old caches are ignored.
CACHE_VERSION = 1
# Below this many catalogs to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 100
UNDETERMINED = "und"  # BCP 47's "undetermined language"
# The theme's words, catalogs.THEME_DOMAIN (not imported: catalogs loads sphinx-intl, slow
# to import, and `editions status` must answer at once).
THEME_DOCUMENT = "sphinx"


def completeness(translated_words: int, total_words: int) -> int:
    """Editions' one completeness figure: whole percent of English words translated.

    Rounded down, so that 99.6% does not read "100% translated"; a document with
    nothing to translate is complete.
    """
    return 100 * translated_words // total_words if total_words else 100


@dataclass(frozen=True)
class Tally:
    """A number of messages and the number of English words in them."""

    strings: int = 0
    words: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.strings + other.strings, self.words + other.words)


@dataclass(frozen=True)
class CatalogStatus:
    """The figures of one catalog (one document in one language)."""

    path: Path
    language: str  # gettext spelling, as in the catalog folder: "pt_BR"
    document: str  # "news/harbour"
    translated: Tally
    fuzzy: Tally
    untranslated: Tally
    obsolete: Tally

    @property
    def total(self) -> Tally:
        """The work of the document: obsolete entries are not part of it."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words_percent(self) -> float:
        return _percent(self.translated.words, self.total.words)

    @property
    def strings_percent(self) -> float:
        return _percent(self.translated.strings, self.total.strings)

    @property
    def completeness(self) -> int:
        """The figure shown to readers (:func:`completeness`)."""
        return completeness(self.translated.words, self.total.words)


@dataclass(frozen=True)
class LanguageStatus:
    """The figures of one language: the sum of its documents."""

    language: str
    documents: list[CatalogStatus] = field(default_factory=list)

    def _sum(self, part: str) -> Tally:
        total = Tally()
        for document in self.documents:
            total += getattr(document, part)
        return total

    @property
    def translated(self) -> Tally:
        return self._sum("translated")

    @property
    def fuzzy(self) -> Tally:
        return self._sum("fuzzy")

    @property
    def untranslated(self) -> Tally:
        return self._sum("untranslated")

    @property
    def obsolete(self) -> Tally:
        return self._sum("obsolete")

    @property
    def total(self) -> Tally:
        return self._sum("total")

    @property
    def words_percent(self) -> float:
        """Share of the English words translated (not fuzzy), 0-100."""
        return _percent(self.translated.words, self.total.words)

    @property
    def strings_percent(self) -> float:
        return _percent(self.translated.strings, self.total.strings)

    @property
    def publication(self) -> LanguageStatus:
        """The publication's own documents, without the theme's words."""
        documents = [doc for doc in self.documents if doc.document != THEME_DOCUMENT]
        return LanguageStatus(self.language, documents)

    @property
    def theme(self) -> CatalogStatus | None:
        """The theme's words (``sphinx.po``), reported apart from the publication's."""
        return next((doc for doc in self.documents if doc.document == THEME_DOCUMENT), None)

    @property
    def completeness(self) -> int:
        """The figure shown to readers (:func:`completeness`), of the publication alone."""
        publication = self.publication
        return completeness(publication.translated.words, publication.total.words)


def collect(
    paths: Iterable[Path], cache_file: Path | None = None, strict: bool = True
) -> list[CatalogStatus]:
    """The status of every catalog in ``paths`` (catalogs, or folders searched recursively).

    With ``cache_file``, figures of catalogs unchanged since the last call
    (same size and modification time) are read from it instead of the file.
    Raises :class:`EditionsError` for a missing path or a catalog it cannot read;
    with ``strict=False`` such a catalog is left out of the figures instead.
    """
    cache = _Cache(cache_file)
    catalogs = list(_catalogs(paths))
    if strict:
        cache.read_ahead([path for path, _ in catalogs])
    statuses = []
    for path, root in catalogs:
        try:
            statuses.append(cache.status(path, root))
        except EditionsError:
            if strict:
                raise
    cache.save()
    return statuses


def summarise(statuses: Iterable[CatalogStatus]) -> list[LanguageStatus]:
    """Group catalog figures by language, languages and documents in a stable order."""
    by_language: dict[str, list[CatalogStatus]] = {}
    for status in statuses:
        by_language.setdefault(status.language, []).append(status)
    return [
        LanguageStatus(language, sorted(documents, key=lambda status: status.document))
        for language, documents in sorted(by_language.items())
    ]


def project_status(project: Project, strict: bool = False) -> list[LanguageStatus]:
    """Every declared language's figures, from the project's ``locale/`` (cached in build/).

    Not strict by default: the landing and status pages are written after the
    build, which has already reported a broken catalog, so it is left out here.
    """
    if not project.locale_dir.is_dir():
        return []
    cache = project_cache_file(project)
    statuses = collect([project.locale_dir], cache_file=cache, strict=strict)
    declared = {language.gettext for language in project.languages}
    return [language for language in summarise(statuses) if language.language in declared]


def project_cache_file(project: Project) -> Path:
    return project.build_dir / "cache" / "status.json"


def user_cache_file() -> Path:
    """Where figures of catalogs outside a project are kept between runs."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "editions" / "status.json"


def select_languages(languages: list[LanguageStatus], codes: list[str]) -> list[LanguageStatus]:
    """The languages named by ``codes``, spelled either way ("pt-BR" or "pt_BR")."""
    wanted = {_normal(code) for code in codes}
    return [language for language in languages if _normal(language.language) in wanted]


def as_json(languages: list[LanguageStatus]) -> dict[str, object]:
    """The figures as plain data, for ``--json`` and other tools."""
    return {"languages": [_language_json(language) for language in languages]}


def render_table(languages: list[LanguageStatus], colour: bool = False) -> str:
    """A terminal table: one line per document, a summary line per language."""
    lines: list[str] = []
    parts = ("translated", "fuzzy", "untranslated", "obsolete")
    for language in languages:
        publication = language.publication
        total = publication.total
        lines.append(
            f"{language.language}: {_paint(language.completeness, colour)} of "
            f"{total.words:,} English words translated "
            f"({publication.translated.strings:,} of {total.strings:,} strings; "
            f"{publication.fuzzy.strings:,} fuzzy, {publication.obsolete.strings:,} obsolete)"
            + _theme_summary(language.theme)
        )
        lines.append("  words%  " + "".join(f"{part:>18}" for part in parts) + "  document")
        lines.append("          " + "   strings   words" * len(parts))
        for document in language.documents:
            cells = "".join(
                f"{getattr(document, part).strings:>10,}{getattr(document, part).words:>8,}"
                for part in parts
            )
            lines.append(f"  {_paint(document.completeness, colour)}{cells}  {document.document}")
        lines.append("")
    return "\n".join(lines)


def _theme_summary(theme: CatalogStatus | None) -> str:
    if theme is None:
        return ""
    return f"; theme: {theme.translated.strings:,} of {theme.total.strings:,} strings"


def _paint(percent: int, colour: bool) -> str:
    text = f"{percent:6d}%"
    if not colour:
        return text
    code = "32" if percent >= 100 else "33" if percent >= 50 else "31"  # green, yellow, red
    return f"\033[{code}m{text}\033[0m"


def count_words(text: str) -> int:
    """Words as ``wc -w`` counts them: runs of non-space characters."""
    return len(text.split())


# --- Reading catalogs -----------------------------------------------------------------------
#
# Babel reads the 481 catalogs of python-docs-fr in 0.9 s and polib in 1.7 s, and
# both build objects status does not need.  This reader keeps only what the
# figures need (msgid, whether msgstr is empty, the fuzzy flag, obsolete or not)
# and is about five times faster; tests check its figures against polib's on
# that corpus.  It refuses lines gettext would refuse; `editions check` says more.

_KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPE = re.compile(r"\\(.)")
_LANGUAGE_HEADER = re.compile(r"^Language:[ \t]*([^\s\\]*)", re.MULTILINE)


@dataclass
class _Figures:
    """What one pass over a catalog counts."""

    language: str = ""
    translated: Tally = Tally()
    fuzzy: Tally = Tally()
    untranslated: Tally = Tally()
    obsolete: Tally = Tally()


@dataclass
class _Entry:
    fuzzy: bool = False
    obsolete: bool = False
    msgid: list[str] = field(default_factory=list)
    msgstr: list[list[str]] = field(default_factory=list)
    has_context: bool = False
    field: str = ""  # the keyword the continuation lines belong to


def read_figures(path: Path) -> _Figures:
    """Count one catalog's entries; raises EditionsError naming the line of a bad one."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise EditionsError(f"{path}: cannot read the catalog: {error.strerror}") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise EditionsError(f"{path}:{line}: not valid UTF-8; save the file as UTF-8") from None
    figures = _Figures()
    for entry in _entries(text, path):
        _count(entry, figures)
    return figures


def _entries(text: str, path: Path) -> Iterator[_Entry]:
    entry = _Entry()
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
            if line.startswith("|"):
                continue  # the previous msgid of an obsolete entry
        elif line.startswith("#") or not line:
            if entry.msgstr:  # a comment or a blank line ends the entry
                yield entry
                entry = _Entry()
            if line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split():
                entry.fuzzy = True
            continue
        if line.startswith('"'):
            if not entry.field:
                raise _syntax_error(path, number, "a string outside of any msgid or msgstr")
            _add_string(entry, entry.field, _quoted(line, path, number))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith("msgstr["):
            keyword = "msgstr[]"
        elif keyword not in _KEYWORDS:
            raise _syntax_error(path, number, f"'{raw[:40]}' is not a gettext line")
        if keyword in ("msgctxt", "msgid") and entry.msgstr:
            yield entry
            entry = _Entry()
        if obsolete:
            entry.obsolete = True
        entry.field = keyword
        if keyword == "msgctxt":
            entry.has_context = True
        elif keyword in ("msgstr", "msgstr[]"):
            entry.msgstr.append([])
        _add_string(entry, keyword, _quoted(rest.strip(), path, number))
    if entry.msgstr:
        yield entry


def _add_string(entry: _Entry, keyword: str, value: str) -> None:
    if keyword == "msgid":
        entry.msgid.append(value)
    elif keyword in ("msgstr", "msgstr[]"):
        entry.msgstr[-1].append(value)


def _quoted(text: str, path: Path, number: int) -> str:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise _syntax_error(path, number, "a string must be in double quotes on one line")
    return text[1:-1]


def _syntax_error(path: Path, number: int, what: str) -> EditionsError:
    return EditionsError(
        f"{path}:{number}: {what}; fix the line (`editions check` tells more) "
        "or restore the file from version control"
    )


def _count(entry: _Entry, figures: _Figures) -> None:
    msgid = _unescape("".join(entry.msgid))
    if not msgid and not entry.has_context:
        if not entry.obsolete:  # the header: only its Language field matters here
            found = _LANGUAGE_HEADER.search(_unescape("".join(entry.msgstr[0])))
            figures.language = found.group(1) if found else ""
        return
    tally = Tally(1, count_words(msgid))
    translated = all(any(parts) for parts in entry.msgstr)
    if entry.obsolete:
        figures.obsolete += tally
    elif not translated:
        figures.untranslated += tally
    elif entry.fuzzy:
        figures.fuzzy += tally
    else:
        figures.translated += tally


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda match: _ESCAPES.get(match.group(1), match.group(1)), text)


# --- Finding catalogs, naming their language and document ----------------------------------


def _catalogs(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """Each catalog with the folder its document name is relative to."""
    for path in paths:
        if path.is_file():
            yield path, path.parent
        elif path.is_dir():
            for directory, subdirectories, files in os.walk(path):
                subdirectories.sort()
                for name in sorted(files):
                    if name.endswith(".po"):
                        yield Path(directory, name), path
        else:
            raise EditionsError(f"{path}: no such catalog or folder")


def _layout(path: Path, root: Path) -> tuple[str, str] | None:
    """(language, document) from a ``<lang>/LC_MESSAGES/<document>.po`` path."""
    parts = path.parts
    if "LC_MESSAGES" not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index("LC_MESSAGES")
    if index == 0:
        return None
    document = Path(*parts[index + 1 :]).with_suffix("").as_posix()
    return parts[index - 1], document


def _identity(path: Path, root: Path, header_language: str) -> tuple[str, str]:
    layout = _layout(path, root)
    if layout:
        return layout
    document = path.relative_to(root).with_suffix("").as_posix()
    return header_language.replace("-", "_") or UNDETERMINED, document


class _Cache:
    """Figures by absolute path, valid while the file's size and mtime are unchanged."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, list[object]] = {}
        self.changed = False
        self._read: dict[Path, _Figures] = {}
        if file is not None:
            self.entries = self._load(file)

    @staticmethod
    def _load(file: Path) -> dict[str, list[object]]:
        try:
            data = json.loads(file.read_bytes())
        except (OSError, ValueError):
            return {}  # no cache yet, or a damaged one: counted again
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("catalogs")
        return entries if isinstance(entries, dict) else {}

    def read_ahead(self, paths: list[Path]) -> None:
        """Count the catalogs not in the cache on every core, when there are many."""
        missing = [path for path in paths if not self._cached(path)]
        if len(missing) < PARALLEL_FROM:
            return
        workers = min(os.cpu_count() or 1, 4)
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            for path, figures in zip(
                missing, pool.map(read_figures, missing, chunksize=24), strict=True
            ):
                self._read[path] = figures

    def _cached(self, path: Path) -> bool:
        cached = self.entries.get(str(path.absolute()))
        try:
            stat = path.stat()
        except OSError:
            return False
        return isinstance(cached, list) and cached[:2] == [stat.st_mtime_ns, stat.st_size]

    def status(self, path: Path, root: Path) -> CatalogStatus:
        key = str(path.absolute())
        try:
            stat = path.stat()
        except OSError as error:
            raise EditionsError(f"{path}: cannot read the catalog: {error.strerror}") from None
        signature = [stat.st_mtime_ns, stat.st_size]
        cached = self.entries.get(key)
        if isinstance(cached, list) and len(cached) == 7 and cached[:2] == signature:
            language, *tallies = cached[2:]
            figures = _Figures(str(language), *(Tally(*t) for t in tallies))  # type: ignore[misc]
        else:
            figures = self._read.pop(path) if path in self._read else read_figures(path)
            self.entries[key] = [
                *signature,
                figures.language,
                *(
                    [tally.strings, tally.words]
                    for tally in (
                        figures.translated,
                        figures.fuzzy,
                        figures.untranslated,
                        figures.obsolete,
                    )
                ),
            ]
            self.changed = True
        language, document = _identity(path, root, figures.language)
        return CatalogStatus(
            path,
            language,
            document,
            figures.translated,
            figures.fuzzy,
            figures.untranslated,
            figures.obsolete,
        )

    def save(self) -> None:
        if self.file is None or not self.changed:
            return
        data = {"version": CACHE_VERSION, "catalogs": self.entries}
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            write_atomically(self.file, json.dumps(data, separators=(",", ":")).encode())


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def _normal(code: str) -> str:
    return code.replace("-", "_").lower()


def _tally_json(tally: Tally) -> dict[str, int]:
    return asdict(tally)


def _language_json(language: LanguageStatus) -> dict[str, object]:
    return {
        "language": language.language,
        "words_percent": round(language.words_percent, 2),
        "strings_percent": round(language.strings_percent, 2),
        "completeness": language.completeness,
        **_parts_json(language),
        "documents": [
            {
                "document": document.document,
                "path": str(document.path),
                "words_percent": round(document.words_percent, 2),
                "strings_percent": round(document.strings_percent, 2),
                "completeness": document.completeness,
                **_parts_json(document),
            }
            for document in language.documents
        ],
    }


def _parts_json(figures: CatalogStatus | LanguageStatus) -> dict[str, object]:
    return {
        part: _tally_json(getattr(figures, part))
        for part in ("translated", "fuzzy", "untranslated", "obsolete", "total")
    }
