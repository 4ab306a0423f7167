"""A line-by-line scan of a .po file for what ``msgfmt --check`` rejects and Babel lets through.

Written by hand because no library reports these with a line: Babel reads an
unterminated string, an unquoted msgstr or a bad escape without a word (and
keeps corrupted text), polib reports some with a line and accepts others, and
both keep the first of two duplicate entries silently (FACTS.md).  Running
``msgfmt`` itself costs a process per file and needs GNU gettext installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from editions.findings import Finding

SYNTAX, DUPLICATE = "syntax", "duplicate"

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?:[ \t]+|(?=\"))(.*)$")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t]*$')
_OPENED_STRING = re.compile(r'"((?:[^"\\]|\\.)*)')
_ESCAPE = re.compile(r"\\(.)")
# The escapes GNU gettext's lexer accepts (po-lex.c), besides octal and \x.
_VALID_ESCAPES = set("ntrbfva\\\"'?01234567x")


@dataclass
class Scan:
    """What the scan learnt: problems, and where each entry's msgstr is."""

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

    @property
    def broken(self) -> bool:
        return any(finding.check == SYNTAX for finding in self.findings)


@dataclass
class _Entry:
    start: int = 0
    msgid_line: int = 0
    msgstr_line: int = 0
    obsolete: bool = False
    parts: dict[str, list[str]] = field(default_factory=dict)
    last: str = ""  # the keyword a continuation string belongs to
    python_format: bool = False


def scan(path: Path, text: str) -> Scan:
    """Scan ``text`` (the decoded content of ``path``) for syntax errors and duplicates."""
    result = Scan()
    seen: dict[tuple[str, str], int] = {}
    entry = _Entry()

    def error(line: int, message: str, check: str = SYNTAX) -> None:
        result.findings.append(Finding(path, line, check, message))

    def flush() -> None:
        nonlocal entry
        if entry.parts and not entry.obsolete:
            _close_entry(entry, seen, result, error)
        entry = _Entry()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if line.startswith("|") or not line:
                continue
        elif not line:
            flush()
            continue
        elif line.startswith("#"):
            if entry.msgstr_line:
                flush()  # a comment after a msgstr starts the next entry
            if line.startswith("#,") and "python-format" in line:
                entry.python_format = True
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            name, rest = keyword.group(1), keyword.group(2)
            starts_entry = name == "msgctxt" or (name == "msgid" and "msgid" not in entry.parts)
            if (starts_entry and entry.parts) or (name in entry.parts and name != "msgctxt"):
                flush()
            if not entry.parts:
                entry.start, entry.obsolete = number, obsolete
            if name == "msgid":
                entry.msgid_line = number
            elif name.startswith("msgstr") and not entry.msgstr_line:
                entry.msgstr_line = number
            entry.parts[name] = []
            entry.last = name
            _check_string(rest, number, entry, error)
        elif line.startswith('"'):
            if not entry.last:
                error(number, "a string outside any entry: put msgid or msgstr before it")
                continue
            _check_string(line, number, entry, error)
        else:
            error(
                number,
                f"not gettext: {_shorten(line)!r}; a line is a msgid, msgstr, "
                'a "quoted string" or a # comment',
            )
    flush()
    return result


def _check_string(rest: str, number: int, entry: _Entry, error: _Reporter) -> None:
    string = _STRING.match(rest)
    if string is None:
        if not rest.startswith('"'):
            error(number, f'{entry.last} must be followed by a "quoted string"')
        elif _OPENED_STRING.fullmatch(rest.rstrip()):
            error(number, 'the string is not closed: end it with a " on the same line')
        else:
            error(number, 'text after the closing ": escape a quote inside a string as \\"')
        return
    content = string.group(1)
    for escape in _ESCAPE.finditer(content):
        if escape.group(1) not in _VALID_ESCAPES:
            error(
                number,
                f"invalid escape \\{escape.group(1)}: "
                "write \\\\ for a backslash, \\n for a new line",
            )
    entry.parts[entry.last].append(content)


def _close_entry(
    entry: _Entry, seen: dict[tuple[str, str], int], result: Scan, error: _Reporter
) -> None:
    if "msgid" not in entry.parts:
        error(entry.start, "an entry without msgid: start each entry with msgid")
        return
    if not entry.msgstr_line:
        error(entry.msgid_line, 'msgid without msgstr: add msgstr "" after it')
        return
    result.msgstr_lines[entry.msgid_line] = entry.msgstr_line
    if entry.python_format:
        result.python_format.add(entry.msgid_line)
    if "msgid_plural" in entry.parts:
        plural_forms = [name for name in entry.parts if name.startswith("msgstr[")]
        result.plural_counts[entry.msgid_line] = len(plural_forms)
    key = ("".join(entry.parts.get("msgctxt", [])), "".join(entry.parts["msgid"]))
    if key == ("", "") and not seen:
        result.header, result.header_line = "".join(entry.parts.get("msgstr", [])), entry.start
    first = seen.setdefault(key, entry.msgid_line)
    if first != entry.msgid_line:
        error(
            entry.msgid_line,
            f"duplicate of the entry at line {first}: gettext keeps only the first; "
            "merge them into one",
            DUPLICATE,
        )


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class _Reporter(Protocol):
    def __call__(self, line: int, message: str, check: str = SYNTAX) -> None: ...
