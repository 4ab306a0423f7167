"""A catalog as the checks see it: the one reader's entries (:mod:`editions.pofile`).

The syntax and duplicate findings are the problems :mod:`editions.pofile` reports;
the message checks take its entries (:class:`~editions.pofile.PoEntry`) as read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from editions.babel_adapter import header_error
from editions.checks.settings import CheckSettings
from editions.errors import EditionsError
from editions.findings import Finding
from editions.layout import language_of
from editions.pofile import SYNTAX, PoEntry, PoFile, PoSyntaxError, parse_po, read_catalog_bytes


@dataclass
class CatalogFile:
    """One .po file: its path, language, the catalog read and the messages the checks judge."""

    path: Path
    settings: CheckSettings
    problems: list[Finding] = field(default_factory=list)  # the reader's: syntax, duplicates
    language: str | None = None  # a gettext locale name such as "fr" or "pt_BR"
    po: PoFile | None = None  # None when the file is not valid gettext
    # Why Babel cannot read the header (see headers.check_header); None if it can.
    unreadable_header: str | None = None
    messages: list[PoEntry] = field(default_factory=list)  # what the message checks judge
    # The bytes judged, read once: what a kept verdict or a compiled copy is made from.
    source: bytes | None = None

    @property
    def digest(self) -> str | None:
        """The digest of the bytes judged, as :mod:`editions.derived` digests a file."""
        return None if self.source is None else hashlib.sha256(self.source).hexdigest()

    @property
    def broken(self) -> bool:
        return any(finding.check == SYNTAX for finding in self.problems)

    def line_of(self, entry: PoEntry) -> int:
        """The line of an entry's msgstr, where a translator fixes it."""
        return entry.msgstr_line

    def finding(self, entry: PoEntry, check: str, text: str, severity: str) -> Finding:
        return Finding(self.path, self.line_of(entry), check, text, severity)


def load(path: Path, settings: CheckSettings) -> CatalogFile:
    """Read ``path``; problems that stop the reading become findings, never exceptions."""
    try:
        source = read_catalog_bytes(path, settings.root)
        po: PoFile | None = parse_po(source, path)
        problems: list[Finding] = []
    except PoSyntaxError as error:
        po = error.partial
        problems = [
            Finding(path, problem.line, problem.check, problem.message)
            for problem in error.problems
        ]
    except EditionsError as error:  # not a catalog that can be read: nothing judged is kept
        message = str(error).removeprefix(f"{path}: ")
        return CatalogFile(path, settings, [Finding(path, 1, SYNTAX, message)])
    header_language = po.header_field("Language") if po is not None else None
    catalog = CatalogFile(path, settings, problems, language_of(path, header_language))
    catalog.source = source
    if po is not None and not catalog.broken:
        catalog.po = po
        catalog.unreadable_header = header_error(po)
        if catalog.unreadable_header is None:
            catalog.messages = _messages(po)
    return catalog


def _messages(po: PoFile) -> list[PoEntry]:
    """The entries with a msgid, but the header and obsolete ones; of duplicates, the first.

    gettext keeps the first of two entries with the same msgctxt and msgid (the
    ``duplicate`` check reports the second): the second is never published.
    """
    seen: set[tuple[str | None, str]] = set()
    messages = []
    for entry in po.messages:
        key = (entry.context, entry.id)
        if entry.id and key not in seen:
            seen.add(key)
            messages.append(entry)
    return messages
