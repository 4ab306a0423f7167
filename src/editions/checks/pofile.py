"""A catalog as the checks see it: Babel's reading of it, plus the lines of its entries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po

from editions.checks.settings import CheckSettings
from editions.checks.syntax import SYNTAX, Scan, scan
from editions.findings import Finding

_LANGUAGE_HEADER = re.compile(r'^"Language:[ \t]*([^\\"]*)', re.MULTILINE)


@dataclass
class CatalogFile:
    """One .po file: its path, language, Babel catalog and where each msgstr is."""

    path: Path
    text: str
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
        data = path.read_bytes()
    except OSError as error:
        unreadable = Finding(path, 1, SYNTAX, f"cannot read the file: {error.strerror}")
        return CatalogFile(path, "", settings, Scan(findings=[unreadable]))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = Finding(path, line, SYNTAX, "not valid UTF-8: save the file as UTF-8 in your editor")
        return CatalogFile(path, "", settings, Scan(findings=[bad]))
    result = scan(path, text)
    catalog_file = CatalogFile(path, text, settings, result, _language(path, text))
    if not result.broken:
        catalog_file.catalog = _read_with_babel(catalog_file)
    return catalog_file


def _read_with_babel(catalog_file: CatalogFile) -> Catalog | None:
    # Lines are passed decoded, so that a wrong charset in the header (checked
    # by the header check) cannot make Babel fail to decode them.
    lines = catalog_file.text.splitlines(keepends=True)
    try:
        return read_po(lines, locale=None, abort_invalid=True)  # type: ignore[arg-type]
    except PoFileError as error:
        line = (getattr(error, "lineno", 0) or 0) + 1  # counted from 0 here
        # Babel ends its message with " on <line counted from 0>": the finding gives the line.
        text = str(error).rsplit(" on ", 1)[0]
        catalog_file.scan.findings.append(
            Finding(catalog_file.path, line, SYNTAX, f"not valid gettext: {text}")
        )
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


def _language(path: Path, text: str) -> str | None:
    """The catalog's language: its folder (``fr/LC_MESSAGES/``) or its Language header."""
    parts = path.parts
    if "LC_MESSAGES" in parts:
        index = parts.index("LC_MESSAGES")
        if index > 0:
            return parts[index - 1]
    header = _LANGUAGE_HEADER.search(text[:4000])
    return header.group(1).strip() or None if header else None
