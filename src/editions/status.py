"""How far each translation is: strings and English words translated, fuzzy, untranslated.

The figures follow ``msgfmt --statistics``: the header is not a message, a
fuzzy entry counts once (``sphinx-intl stat`` counts it twice), a fuzzy entry
with an empty msgstr is untranslated, and obsolete (``#~``) entries are shown
but are not work.  Words are those of the English source (the msgid), counted
as ``wc -w`` does, because a long paragraph is more work than a title.

Use :func:`collect` for one figure per catalog and :func:`summarise` for one
per language, e.g. ``summarise(collect([locale_dir]))[0].words_percent``; a
language's ``folders`` are its documents' totals folder by folder.  Any folder of
catalogs is read: another project's ``locale/`` (the language from each
``<lang>/LC_MESSAGES/`` folder) or a flat one like python-docs-fr (the language
from each catalog's ``Language:`` header, else undetermined); each catalog says which.

The figure readers see (the landing page, a page's notice, the status page, this
command's summary) is :func:`completeness`: whole percent of the English words
translated, rounded down, of the publication's own documents; the theme's words
(``sphinx.po``) are reported apart.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property, partial
from multiprocessing import get_context
from pathlib import Path

from editions import derived
from editions.declaration import Project
from editions.errors import EditionsError
from editions.layout import domain_of, layout_of
from editions.pofile import PoFile, parse_po, read_catalog_bytes, read_po

# Below this many catalogs to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 100
UNDETERMINED = "und"  # BCP 47's "undetermined language"
# Where a catalog's language was read: its locale/<lang>/LC_MESSAGES/ folder, its Language:
# header (a flat folder of catalogs, like python-docs-fr), or neither (UNDETERMINED).
FROM_FOLDER, FROM_HEADER, FROM_NOWHERE = "folder", "header", "none"
TOP_FOLDER = "."  # the folder of documents at the top ("about" rather than "c-api/arg")
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
    language_from: str = FROM_FOLDER  # FROM_FOLDER, FROM_HEADER or FROM_NOWHERE

    @property
    def folder(self) -> str:
        """The folder of the document: "c-api" for "c-api/arg", TOP_FOLDER for "about"."""
        return posixpath.dirname(self.document) or TOP_FOLDER

    @property
    def done(self) -> bool:
        """Nothing left to translate or review (obsolete entries are not work)."""
        return not self.fuzzy.strings and not self.untranslated.strings

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


class _Sums:
    """The figures of a group of documents: the sum of theirs.

    Each sum is made once (cached_property; the documents are not changed after): a table
    reads it for every cell of a row.
    """

    documents: list[CatalogStatus]

    def _sum(self, part: str) -> Tally:
        tallies = [getattr(document, part) for document in self.documents]
        return Tally(sum(t.strings for t in tallies), sum(t.words for t in tallies))

    @cached_property
    def translated(self) -> Tally:
        return self._sum("translated")

    @cached_property
    def fuzzy(self) -> Tally:
        return self._sum("fuzzy")

    @cached_property
    def untranslated(self) -> Tally:
        return self._sum("untranslated")

    @cached_property
    def obsolete(self) -> Tally:
        return self._sum("obsolete")

    @property
    def total(self) -> Tally:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words_percent(self) -> float:
        """Share of the English words translated (not fuzzy), 0-100."""
        return _percent(self.translated.words, self.total.words)

    @property
    def strings_percent(self) -> float:
        return _percent(self.translated.strings, self.total.strings)


@dataclass(frozen=True)
class FolderStatus(_Sums):
    """The figures of one folder of one language's documents ("c-api"), its subfolders apart."""

    folder: str
    documents: list[CatalogStatus] = field(default_factory=list)


@dataclass(frozen=True)
class LanguageStatus(_Sums):
    """The figures of one language: the sum of its documents."""

    language: str
    documents: list[CatalogStatus] = field(default_factory=list)
    # The page chrome's words that will show in English (theme's, Editions' own, and the
    # publication's name: 1 if the edition has none of its own in the declaration), apart from
    # the article's figures; None outside a project (see editions.chrome_words).
    chrome_untranslated: tuple[int, int, int] | None = None

    @property
    def language_from(self) -> list[str]:
        """Where its catalogs' language was read (FROM_FOLDER, ...), each way once."""
        return sorted({document.language_from for document in self.documents})

    @property
    def folders(self) -> list[FolderStatus]:
        """Its documents by folder: the top first, then the folders in order."""
        by_folder: dict[str, list[CatalogStatus]] = {}
        for document in self.documents:
            by_folder.setdefault(document.folder, []).append(document)
        order = sorted(by_folder, key=lambda folder: (folder != TOP_FOLDER, folder))
        return [FolderStatus(folder, by_folder[folder]) for folder in order]

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


@dataclass(frozen=True)
class StatusReport:
    """The figures of the catalogs that could be read, and what is wrong with the others."""

    statuses: list[CatalogStatus]
    problems: list[str]  # "path:line: [syntax] ..." for each catalog left out


def collect(
    paths: Iterable[Path], cache_file: Path | None = None, strict: bool = True
) -> list[CatalogStatus]:
    """The status of every catalog in ``paths`` (catalogs, or folders searched recursively).

    With ``cache_file``, figures of catalogs whose bytes are those of a previous call,
    counted by the same code, are read from it (:mod:`editions.derived`).
    Raises :class:`EditionsError` for a missing path or a catalog it cannot read;
    with ``strict=False`` such a catalog is left out of the figures instead.
    """
    report = collect_report(paths, cache_file)
    if strict and report.problems:
        raise EditionsError("\n".join(report.problems))
    return report.statuses


def collect_report(
    paths: Iterable[Path], cache_file: Path | None = None, project_root: Path | None = None
) -> StatusReport:
    """The status of every catalog that can be read, and the problems of the others.

    A catalog that is a symbolic link is read only if it leads into ``project_root``.
    """
    cache = _Cache(cache_file, project_root)
    catalogs = list(_catalogs(paths))
    cache.read_ahead([path for path, _ in catalogs])
    statuses = []
    problems = []
    for path, root in catalogs:
        try:
            statuses.append(cache.status(path, root))
        except EditionsError as error:
            problems.append(str(error))
    cache.save()
    return StatusReport(statuses, problems)


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
    report = project_report(project)
    if strict and report.problems:
        raise EditionsError("\n".join(report.problems))
    return project_languages(project, report)


def project_report(project: Project) -> StatusReport:
    """The figures of every catalog under the project's ``locale/`` (cached in build/)."""
    if not project.locale_dir.is_dir():
        return StatusReport([], [])
    return collect_report([project.locale_dir], project_cache_file(project), project.root)


def project_languages(project: Project, report: StatusReport) -> list[LanguageStatus]:
    """The figures of the declared languages."""
    # Imported here: reading the theme's templates is for a project's own status only.
    from editions.chrome_words import missing_words

    declared = {language.gettext: language for language in project.languages}
    languages = []
    for figures in summarise(report.statuses):
        language = declared.get(figures.language)
        if language is None:
            continue
        cache = derived.state_dir(project.build_dir) / "theme-words.json"
        chrome = missing_words(project.locale_dir, language, cache)
        counts = (len(chrome.theme), len(chrome.own), int(project.title_fallback(language)))
        languages.append(replace(figures, chrome_untranslated=counts))
    return languages


def project_cache_file(project: Project) -> Path:
    return derived.state_dir(project.build_dir) / "status.json"


def user_cache_file() -> Path:
    """Where figures of catalogs outside a project are kept between runs."""
    return derived.user_state_dir() / "status.json"


def select_languages(languages: list[LanguageStatus], codes: list[str]) -> list[LanguageStatus]:
    """The languages named by ``codes``, spelled either way ("pt-BR" or "pt_BR")."""
    wanted = {_normal(code) for code in codes}
    return [language for language in languages if _normal(language.language) in wanted]


@dataclass(frozen=True)
class Selection:
    """Which catalogs are listed; the totals of folders and languages stay those of them all.

    The totals are not those of the listed catalogs alone (as potodo's are): a language's
    figure must not change with the options it was asked with.
    """

    only_fuzzy: bool = False  # catalogs with fuzzy entries, to review (potodo's --only-fuzzy)
    todo: bool = False  # catalogs with something left to translate or review

    def lists(self, document: CatalogStatus) -> bool:
        if self.only_fuzzy and not document.fuzzy.strings:
            return False
        return not (self.todo and document.done)

    def listed(self, documents: Iterable[CatalogStatus]) -> list[CatalogStatus]:
        return [document for document in documents if self.lists(document)]

    def nothing_listed(self) -> str:
        """What to say when no catalog is listed."""
        return "no catalog has fuzzy entries" if self.only_fuzzy else "every catalog is complete"


EVERY_CATALOG = Selection()


def as_json(
    languages: list[LanguageStatus], selection: Selection = EVERY_CATALOG
) -> dict[str, object]:
    """The figures as plain data, for ``--json`` and other tools: as the table, by folder."""
    return {
        "selection": asdict(selection),
        "languages": [
            _language_json(language, selection)
            for language in languages
            if selection.listed(language.documents)
        ],
    }


def render_table(
    languages: list[LanguageStatus],
    colour: bool = False,
    selection: Selection = EVERY_CATALOG,
    folders_only: bool = False,
) -> str:
    """A terminal table per language: each folder's totals with its catalogs, then the language's.

    A translator reads it as potodo's: where the work is, folder by folder.
    """
    lines: list[str] = []
    for language in languages:
        if not selection.listed(language.documents):
            continue
        lines.append(_language_summary(language, colour))
        lines.append(f"  language: {_language_from(language)}")
        lines.append("  words%  " + "".join(f"{part:>18}" for part in _PARTS) + "  folder/document")
        lines.append("          " + "   strings   words" * len(_PARTS))
        for folder in language.folders:
            listed = selection.listed(folder.documents)
            if not listed:
                continue
            lines.append(
                _row(
                    folder,
                    colour,
                    f"{folder.folder}/  {_count(listed, folder.documents)}",
                )
            )
            if not folders_only:
                lines.extend(
                    _row(document, colour, f"  {document.document}") for document in listed
                )
        every = len(language.documents)
        lines.append(_row(language, colour, f"{language.language}: all {every:,} catalogs"))
        lines.append("")
    if not lines and languages:
        lines = [selection.nothing_listed(), ""]
    return "\n".join(lines)


_PARTS = ("translated", "fuzzy", "untranslated", "obsolete")

# How the table says where a language was read (the column of the figures says nothing of it).
_LANGUAGE_FROM = {
    FROM_FOLDER: "the <lang>/LC_MESSAGES/ folders",
    FROM_HEADER: "the catalogs' Language: header",
    FROM_NOWHERE: "nowhere",
}


def _language_summary(language: LanguageStatus, colour: bool) -> str:
    """The figure readers see, with the strings behind it."""
    publication = language.publication
    total = publication.total
    return (
        f"{language.language}: {_paint(language.completeness, colour)} of "
        f"{total.words:,} English words translated "
        f"({publication.translated.strings:,} of {total.strings:,} strings; "
        f"{publication.fuzzy.strings:,} fuzzy, {publication.obsolete.strings:,} obsolete)"
        + _theme_summary(language.theme)
        + _chrome_summary(language.chrome_untranslated)
    )


def _language_from(language: LanguageStatus) -> str:
    sources = language.language_from
    if sources == [FROM_NOWHERE]:
        return "unknown (no <lang>/LC_MESSAGES/ folder, no Language: header)"
    if sources == [FROM_HEADER]:
        return f"from {_LANGUAGE_FROM[FROM_HEADER]} (no <lang>/LC_MESSAGES/ folder)"
    if sources == [FROM_FOLDER]:
        return f"from {_LANGUAGE_FROM[FROM_FOLDER]}"
    return "from " + " and ".join(
        f"{_LANGUAGE_FROM[source]} "
        f"({_catalog_count(sum(1 for d in language.documents if d.language_from == source))})"
        for source in sources
    )


def _row(figures: CatalogStatus | _Sums, colour: bool, name: str) -> str:
    """Strings and words of each kind, after the share of the words translated.

    The share is of every catalog in the row (the theme's too), unlike a language's summary.
    """
    cells = "".join(
        f"{getattr(figures, part).strings:>10,}{getattr(figures, part).words:>8,}"
        for part in _PARTS
    )
    share = completeness(figures.translated.words, figures.total.words)
    return f"  {_paint(share, colour)}{cells}  {name}"


def _count(listed: list[CatalogStatus], documents: list[CatalogStatus]) -> str:
    if len(listed) == len(documents):
        return _catalog_count(len(documents))
    return f"{len(listed):,} of {len(documents):,} catalogs listed"


def _catalog_count(count: int) -> str:
    return "1 catalog" if count == 1 else f"{count:,} catalogs"


def _theme_summary(theme: CatalogStatus | None) -> str:
    if theme is None:
        return ""
    return f"; theme: {theme.translated.strings:,} of {theme.total.strings:,} strings"


def _chrome_summary(chrome: tuple[int, int, int] | None) -> str:
    if chrome is None:
        return ""
    theme, own, name = chrome
    named = ", the publication's name" if name else ""
    return (
        f"; chrome: {theme + own + name:,} words untranslated "
        f"({theme:,} theme, {own:,} Editions'{named})"
    )


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


@dataclass
class _Figures:
    """What one pass over a catalog counts."""

    language: str = ""
    translated: Tally = Tally()
    fuzzy: Tally = Tally()
    untranslated: Tally = Tally()
    obsolete: Tally = Tally()


def read_figures(path: Path, project_root: Path | None = None) -> _Figures:
    """Count one catalog's entries; raises EditionsError naming the line of a bad one."""
    return figures_of(read_po(path, project_root))


def figures_of(po: PoFile) -> _Figures:
    """One catalog's figures, from the one reader's entries (the header is not a message)."""
    # Plain counters, not Tally sums: this loop runs over every entry of every catalog.
    counts = {part: [0, 0] for part in ("translated", "fuzzy", "untranslated", "obsolete")}
    for entry in po.entries:
        if entry.msgid is None or (entry.msgctxt is None and not any(entry.msgid.parts)):
            continue  # the header: not a message
        if entry.obsolete:
            count = counts["obsolete"]
        elif not entry.translated:
            count = counts["untranslated"]
        elif entry.fuzzy:
            count = counts["fuzzy"]
        else:
            count = counts["translated"]
        count[0] += 1
        count[1] += count_words(entry.msgid.text)
    return _Figures(
        po.header_field("Language") or "", *(Tally(*count) for count in counts.values())
    )


def _figures_or_problem(path: Path, project_root: Path | None = None) -> _Figures | str:
    """For worker processes: the figures, or what is wrong (an exception may not pickle)."""
    try:
        return read_figures(path, project_root)
    except EditionsError as error:
        return str(error)


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


def _identity(path: Path, root: Path, header_language: str) -> tuple[str, str, str]:
    """(language, document, where the language was read): the folder beats the header."""
    layout = layout_of(path)
    if layout:
        return (*layout, FROM_FOLDER)
    document = domain_of(path, root)
    if header_language:
        return header_language.replace("-", "_"), document, FROM_HEADER
    return UNDETERMINED, document, FROM_NOWHERE


class _Cache:
    """Figures by absolute path, valid while the catalog's bytes and Editions' code are the same.

    Derived records (:mod:`editions.derived`): a catalog is read, as :func:`read_po` reads it,
    on every call; only its parsing and counting are saved.
    """

    def __init__(self, file: Path | None, project_root: Path | None = None) -> None:
        self.records = derived.Records(file) if file is not None else None
        self.project_root = project_root
        self._read: dict[Path, _Figures | str] = {}
        self._digests: dict[Path, str | None] = {}
        self._bytes: dict[Path, bytes] = {}  # read to be hashed, kept to be counted
        self._found: dict[Path, _Figures | None] = {}

    def read_ahead(self, paths: list[Path]) -> None:
        """Count the catalogs not in the cache on every core, when there are many."""
        missing = [path for path in paths if self._cached(path) is None]
        if len(missing) < PARALLEL_FROM:
            return
        for path in missing:
            self._bytes.pop(path.absolute(), None)  # the workers read them
        workers = min(os.cpu_count() or 1, 4)
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            for path, figures in zip(
                missing,
                pool.map(
                    partial(_figures_or_problem, project_root=self.project_root),
                    missing,
                    chunksize=24,
                ),
                strict=True,
            ):
                self._read[path] = figures

    def _inputs(self, path: Path) -> str | None:
        """The digest of the catalog's bytes and of the code; None if it cannot be read."""
        if self.records is None:
            return None
        if path not in self._digests:
            try:
                content = self.records.file_digest(path.absolute(), self._read_bytes)
                self._digests[path] = derived.combined({"": content}, derived.own_code_version())
            except (OSError, EditionsError):
                self._digests[path] = None  # counting it says what is wrong
        return self._digests[path]

    def _read_bytes(self, path: Path) -> bytes:
        data = self._bytes[path] = read_catalog_bytes(path, self.project_root)
        return data

    def _cached(self, path: Path) -> _Figures | None:
        """The recorded figures of ``path``, if recorded for its present bytes."""
        if path in self._found:
            return self._found[path]
        inputs = self._inputs(path)
        if self.records is None or inputs is None:
            return None
        found = self._found[path] = _figures_from_json(
            self.records.get(str(path.absolute()), inputs)
        )
        return found

    def status(self, path: Path, root: Path) -> CatalogStatus:
        read = self._read.pop(path, None)
        figures = self._cached(path) if read is None else None
        if figures is None:
            if read is None:
                data = self._bytes.pop(path.absolute(), None)
                if data is None:
                    data = read_catalog_bytes(path, self.project_root)
                read = figures_of(parse_po(data, path))
            if isinstance(read, str):
                raise EditionsError(read)
            figures = read
            inputs = self._inputs(path)
            if self.records is not None and inputs is not None:
                self.records.put(str(path.absolute()), inputs, _figures_json_record(figures))
        self._bytes.pop(path.absolute(), None)
        language, document, language_from = _identity(path, root, figures.language)
        return CatalogStatus(
            path,
            language,
            document,
            figures.translated,
            figures.fuzzy,
            figures.untranslated,
            figures.obsolete,
            language_from,
        )

    def save(self) -> None:
        if self.records is not None:
            self.records.save_if_possible()  # a cache that cannot be written only costs time


def _figures_json_record(figures: _Figures) -> list[object]:
    """The figures as recorded: the Language header, then each tally's strings and words."""
    tallies = (figures.translated, figures.fuzzy, figures.untranslated, figures.obsolete)
    return [figures.language, *([tally.strings, tally.words] for tally in tallies)]


def _figures_from_json(record: object) -> _Figures | None:
    """The figures of a record, None if it is not one (damaged: counted again)."""
    if not isinstance(record, list) or len(record) != 5 or not isinstance(record[0], str):
        return None
    tallies = record[1:]
    if not all(
        isinstance(tally, list) and len(tally) == 2 and all(type(n) is int for n in tally)
        for tally in tallies
    ):
        return None
    return _Figures(record[0], *(Tally(*tally) for tally in tallies))


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def _normal(code: str) -> str:
    return code.replace("-", "_").lower()


def _tally_json(tally: Tally) -> dict[str, int]:
    # Not dataclasses.asdict: its deep copy was half the time of `status --json` on 481 catalogs.
    return {"strings": tally.strings, "words": tally.words}


def _language_json(language: LanguageStatus, selection: Selection) -> dict[str, object]:
    return {
        "language": language.language,
        "language_from": language.language_from,
        **_figures_json(language),
        "completeness": language.completeness,  # of the publication: the theme apart
        "folders": [
            {"folder": folder.folder, **_figures_json(folder)}
            for folder in language.folders
            if selection.listed(folder.documents)
        ],
        **_chrome_json(language.chrome_untranslated),
        "documents": [
            {
                "document": document.document,
                "folder": document.folder,
                "path": str(document.path),
                "language_from": document.language_from,
                **_figures_json(document),
            }
            for document in selection.listed(language.documents)
        ],
    }


def _chrome_json(chrome: tuple[int, int, int] | None) -> dict[str, object]:
    if chrome is None:
        return {}
    theme, own, name = chrome
    counts = {"theme": theme, "editions": own, "name": name}
    return {"chrome": {"untranslated": theme + own + name, **counts}}


def _figures_json(figures: CatalogStatus | _Sums) -> dict[str, object]:
    """Shares and figures of a catalog or a group of them (a folder, a language)."""
    counts = {"catalogs": len(figures.documents)} if isinstance(figures, _Sums) else {}
    return {
        **counts,
        "words_percent": round(figures.words_percent, 2),
        "strings_percent": round(figures.strings_percent, 2),
        "completeness": completeness(figures.translated.words, figures.total.words),
        **{
            part: _tally_json(getattr(figures, part))
            for part in ("translated", "fuzzy", "untranslated", "obsolete", "total")
        },
    }
