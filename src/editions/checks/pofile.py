"""A catalog as the checks see it: the one reader's entries, and Babel messages for the checkers.

The syntax and duplicate findings are the problems :mod:`editions.pofile`
reports; the message checks still take Babel ``Message`` objects (Babel's
checkers do), made by :mod:`editions.babel_adapter` from the entries read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from editions.babel_adapter import to_babel
from editions.checks.settings import CheckSettings
from editions.errors import EditionsError
from editions.findings import Finding
from editions.layout import language_of
from editions.pofile import SYNTAX, Comment, PoFile, PoSyntaxError, read_po


@dataclass
class Scan:
    """What reading the file learnt: problems, and where each entry's fields are."""

    findings: list[Finding] = field(default_factory=list)
    # Line of an entry's msgid (Babel's Message.lineno) -> line of its msgstr.
    msgstr_lines: dict[int, int] = field(default_factory=dict)
    header: str | None = None  # the header entry's msgstr, still escaped
    header_line: int = 0
    # Entries whose file flags them python-format (Babel adds the flag itself
    # to any msgid that looks like one; msgfmt checks only declared ones).
    python_format: set[int] = field(default_factory=set)
    # Line of a plural entry's msgid -> its number of msgstr[N] (Babel pads them).
    plural_counts: dict[int, int] = field(default_factory=dict)
    # Line of an entry's msgid -> its ``#,`` lines that gettext ignores (all but the last).
    ignored_flag_lines: dict[int, list[Comment]] = field(default_factory=dict)

    @property
    def broken(self) -> bool:
        return any(finding.check == SYNTAX for finding in self.findings)


@dataclass
class CatalogFile:
    """One .po file: its path, language, entries as Babel messages and where each msgstr is."""

    path: Path
    settings: CheckSettings
    scan: Scan
    language: str | None = None  # a gettext locale name such as "fr" or "pt_BR"
    catalog: Catalog | None = None  # None when the file is not valid gettext

    def line_of(self, message: Message) -> int:
        """The line of a message's msgstr, where a translator fixes it."""
        msgid_line = message.lineno or 1
        return self.scan.msgstr_lines.get(msgid_line, msgid_line)

    def finding(self, message: Message, check: str, text: str, severity: str) -> Finding:
        return Finding(self.path, self.line_of(message), check, text, severity)


def load(path: Path, settings: CheckSettings) -> CatalogFile:
    """Read ``path``; problems that stop the reading become findings, never exceptions."""
    try:
        po: PoFile | None = read_po(path, settings.root)
        findings: list[Finding] = []
    except PoSyntaxError as error:
        po = error.partial
        findings = [
            Finding(path, problem.line, problem.check, problem.message)
            for problem in error.problems
        ]
    except EditionsError as error:
        message = str(error).removeprefix(f"{path}: ")
        return CatalogFile(path, settings, Scan([Finding(path, 1, SYNTAX, message)]))
    scan = _scan(po, findings)
    header_language = po.header_field("Language") if po is not None else None
    catalog_file = CatalogFile(path, settings, scan, language_of(path, header_language))
    if po is not None and not scan.broken:
        catalog_file.catalog = _babel_catalog(catalog_file, po)
    return catalog_file


def _scan(po: PoFile | None, findings: list[Finding]) -> Scan:
    scan = Scan(findings)
    if po is None:
        return scan
    header = po.header
    if header is not None and header.msgstr:
        scan.header, scan.header_line = "".join(header.msgstr[0].parts), header.line
    for entry in po.entries:
        if entry.obsolete or entry.msgid is None:
            continue
        line = entry.msgid.line
        scan.msgstr_lines[line] = entry.msgstr_line
        if "python-format" in entry.flags:
            scan.python_format.add(line)
        if entry.msgid_plural is not None:
            scan.plural_counts[line] = len(entry.msgstr)
        if len(flag_lines := entry.flag_lines) > 1:
            scan.ignored_flag_lines[line] = flag_lines[:-1]
    return scan


def _babel_catalog(catalog_file: CatalogFile, po: PoFile) -> Catalog | None:
    try:
        return to_babel(po)
    except (LookupError, ValueError) as error:
        catalog_file.scan.findings.append(
            Finding(
                catalog_file.path,
                catalog_file.scan.header_line or 1,
                SYNTAX,
                f"the header cannot be read ({error}); fix its Content-Type charset or "
                "Plural-Forms, or copy the header of another catalog",
            )
        )
    return None
