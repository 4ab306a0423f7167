"""The one reader of .po files: strict like ``msgfmt``, keeping everything it read.

Written by hand because no library reads a catalog both strictly and whole:
Babel repairs what it cannot read (an unterminated string loses a character, an
unquoted msgstr is read without a word) and forgets ``#| msgctxt``, ``#~|`` and
the spelling of the header; polib accepts some syntax errors and reports others
without a line; both keep the first of two duplicate entries silently
(FACTS.md).  Running ``msgfmt`` itself costs a process per file.

Every entry keeps each field with its line (comments of each kind, ``#|``
previous strings, msgctxt, msgid, msgid_plural, each msgstr) and each string as
written between its quotes, so :func:`editions.formatting.render_po` can write
the catalog back as ``msgcat`` would.  A file with a syntax problem is never
returned: :class:`PoSyntaxError` lists every problem with its line, so a caller
that writes cannot write a repaired guess.

Speed: ``editions status`` reads every catalog of a project through this
module; one pass over the lines, dispatching on their first characters, with
regular expressions (not Python loops) over the characters.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
import stat
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from editions.errors import EditionsError

# A catalog larger than this is refused unread: the largest of python-docs-fr's
# 481 is 0.6 MB, and a catalog holds text a translator edits by hand.
MAX_CATALOG_BYTES = 32 * 1024 * 1024

SYNTAX, DUPLICATE = "syntax", "duplicate"

# The escapes GNU gettext's lexer accepts (po-lex.c, control_sequence); it rejects
# the others (\' \? \% ...) as "invalid control sequence".
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_SIMPLE_ESCAPES |= {"\\": "\\", '"': '"'}
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_VALID_ESCAPES = re.compile(r'(?:[^\\]+|\\[ntbrfva\\"0-7]|\\x[0-9A-Fa-f])*')
# A whole string: quotes around characters, a backslash escaping the next one.
_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z', re.DOTALL)
_OPENED = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*\\?\Z', re.DOTALL)
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=[\s\"]|\Z)\s*")
# The first two characters of the usual comments -> their kind and where their text starts.
_ENTRY_COMMENTS = {"#:": ("#:", 2), "#.": ("#.", 2), "#,": ("#,", 2), "# ": ("#", 1)}
_PLAIN_KEYWORDS = frozenset(("msgctxt", "msgid", "msgid_plural", "msgstr"))
# A string of the usual form: on its lines, with the escapes gettext accepts.
_USUAL_STRING = r'"[^"\\\n]*(?:\\(?:[ntbrfva\\"0-7]|x[0-9A-Fa-f])[^"\\\n]*)*"'
_USUAL_STRINGS = rf"{_USUAL_STRING}(?:\n{_USUAL_STRING})*"
_USUAL_ENTRY = re.compile(
    rf"((?:#[ .:,][^\n]*\n)*)(?:msgctxt ({_USUAL_STRINGS})\n)?"
    rf"msgid ({_USUAL_STRINGS})\nmsgstr ({_USUAL_STRINGS})\n?"
)
_CHARSET = re.compile(
    rb'^(?:msgstr[ \t]+)?"Content-Type:[^"\n]*?charset=([^\s"\\;]+)', re.MULTILINE
)
_PRINTABLE = string.printable


@dataclass(slots=True)
class PoString:
    """One keyword and its string, as written: ``msgid "a" "b"`` over one or more lines."""

    keyword: str  # "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[2]"
    line: int
    parts: list[str]  # each quoted piece, escapes still written as in the file

    @property
    def text(self) -> str:
        """The string itself, escapes resolved."""
        return unescape("".join(self.parts))


@dataclass(slots=True)
class Comment:
    """One comment line: ``kind`` is "#", "#.", "#:" or "#,"; ``text`` what follows it."""

    kind: str
    line: int
    text: str


@dataclass(slots=True)
class PoEntry:
    """One message of a catalog, with the line of each of its fields."""

    line: int  # its first line
    obsolete: bool = False
    comments: list[Comment] = field(default_factory=list)
    previous: list[PoString] = field(default_factory=list)  # "#|" msgctxt, msgid, msgid_plural
    msgctxt: PoString | None = None
    msgid: PoString | None = None  # None only while it is read
    msgid_plural: PoString | None = None
    msgstr: list[PoString] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.msgid.text if self.msgid else ""

    @property
    def context(self) -> str | None:
        return self.msgctxt.text if self.msgctxt else None

    def comments_of(self, kind: str) -> list[str]:
        """The comments of one kind, without their marker and its space."""
        texts = [comment.text for comment in self.comments if comment.kind == kind]
        return [text[1:] if text.startswith(" ") else text for text in texts]

    @property
    def flag_lines(self) -> list[Comment]:
        return [comment for comment in self.comments if comment.kind == "#,"]

    @property
    def flags(self) -> list[str]:
        """The words of the ``#,`` line, in order ("fuzzy", "python-format", "range: 1..3").

        Of the last such line only, as GNU gettext reads them: its parser starts each
        ``#,`` line afresh (``po_parse_comment_special``), so ``#, fuzzy`` followed by
        ``#, python-format`` is not fuzzy for msgfmt, and msgcat drops the first line.
        ``check`` reports such an entry (``flag-lines``).
        """
        lines = self.flag_lines
        return parse_flags([lines[-1].text]) if lines else []

    @property
    def fuzzy(self) -> bool:
        mentioned = any(c.kind == "#," and "fuzzy" in c.text for c in self.comments)
        return mentioned and "fuzzy" in self.flags  # the cheap test first: status asks each entry

    @property
    def references(self) -> list[str]:
        """The ``#:`` locations, as written ("intro.rst:12")."""
        return [
            reference
            for comment in self.comments
            if comment.kind == "#:"
            for reference in _REFERENCE.findall(comment.text)
        ]

    @property
    def strings(self) -> list[str]:
        """The translations: one, or one per plural form."""
        return [msgstr.text for msgstr in self.msgstr]

    @property
    def english(self) -> tuple[str, ...]:
        """The msgid, and the msgid_plural of a plural entry."""
        if self.msgid_plural is None:
            return (self.id,)
        return (self.id, self.msgid_plural.text)

    @property
    def translated(self) -> bool:
        """Every form has a translation (msgfmt's rule; fuzzy is a separate question)."""
        if len(self.msgstr) == 1:
            return any(self.msgstr[0].parts)
        return all(any(msgstr.parts) for msgstr in self.msgstr)

    def previous_text(self, keyword: str) -> str | None:
        for string_ in self.previous:
            if string_.keyword == keyword:
                return string_.text
        return None

    @property
    def msgstr_line(self) -> int:
        return self.msgstr[0].line if self.msgstr else self.line


_REFERENCE = re.compile(r"\u2068[^\u2069]*\u2069(?::\d+)?|[^\s\u2068]+")


def parse_flags(lines: Iterator[str] | list[str]) -> list[str]:
    """The flags of ``#,`` lines: words between commas and spaces; "range:" takes its value."""
    words = [word for text in lines for word in re.findall(r"[^\s,]+", text)]
    flags: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "range:" and index + 1 < len(words):
            word = f"range: {words[index + 1]}"
            index += 1
        flags.append(word)
        index += 1
    return flags


@dataclass(slots=True)
class PoFile:
    """A whole catalog: its entries in file order, and the charset it was decoded with."""

    path: Path
    entries: list[PoEntry]
    charset: str  # Python's codec name for the header's charset, "utf-8" without one
    trailing_comments: list[Comment] = field(default_factory=list)  # after the last entry

    @property
    def header(self) -> PoEntry | None:
        for entry in self.entries:
            if not entry.obsolete and _is_header(entry):
                return entry
        return None

    def header_fields(self) -> list[tuple[str, str]]:
        """The header's ``Name: value`` lines, in their order and spelling."""
        header = self.header
        if header is None or not header.msgstr:
            return []
        fields = []
        for line in header.msgstr[0].text.split("\n"):
            name, colon, value = line.partition(":")
            if colon:
                fields.append((name.strip(), value.strip()))
        return fields

    def header_field(self, name: str) -> str | None:
        for key, value in self.header_fields():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def messages(self) -> list[PoEntry]:
        """The entries that are messages: not the header, not obsolete."""
        return [entry for entry in self.entries if not entry.obsolete and not _is_header(entry)]


def _is_header(entry: PoEntry) -> bool:
    return entry.msgctxt is None and entry.msgid is not None and not any(entry.msgid.parts)


@dataclass(frozen=True)
class PoProblem:
    """One thing wrong in a catalog, at one line."""

    line: int
    message: str
    check: str = SYNTAX


class PoSyntaxError(EditionsError):
    """A catalog gettext would refuse; ``problems`` lists each with its line.

    ``partial`` is what could be read, for checks that report more than syntax;
    nothing may be written from it.
    """

    def __init__(self, path: Path, problems: list[PoProblem], partial: PoFile | None) -> None:
        self.path = path
        self.problems = sorted(problems, key=lambda problem: problem.line)
        self.partial = partial
        super().__init__(
            "\n".join(
                f"{path}:{problem.line}: [{problem.check}] {problem.message}"
                for problem in self.problems
            )
        )


def unescape(text: str) -> str:
    """A string between quotes as gettext reads it: C escapes resolved."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_resolve, text)


_ESCAPED = {value: f"\\{key}" for key, value in _SIMPLE_ESCAPES.items()}
_TO_ESCAPE = re.compile(r'[\n\t\b\r\f\v\a\\"]')


def escape(text: str) -> str:
    """A string as written between quotes: the inverse of :func:`unescape`."""
    return _TO_ESCAPE.sub(lambda match: _ESCAPED[match.group(0)], text)


def _resolve(match: re.Match[str]) -> str:
    octal, hexadecimal, other = match.groups()
    if octal:
        return chr(int(octal, 8))
    if hexadecimal:
        return chr(int(hexadecimal, 16))
    return _SIMPLE_ESCAPES.get(other, other)


# --- Reading the bytes ---------------------------------------------------------------------


def read_po(path: Path, root: Path | None = None) -> PoFile:
    """Read and parse the catalog at ``path``; raises :class:`PoSyntaxError` or EditionsError.

    Only a regular file is opened: a device, a FIFO, or a symbolic link that
    leads outside ``root`` (or any link when no root is given) is refused
    without being read, and nothing of its content appears in the message.
    """
    return parse_po(read_catalog_bytes(path, root), path)


def read_catalog_bytes(path: Path, root: Path | None = None) -> bytes:
    """The bytes of a regular file, read as :func:`read_po` reads them."""
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            target = path.resolve()
            os.stat(target)  # a dangling link: "No such file or directory"
            if root is None or not target.is_relative_to(root.resolve()):
                raise EditionsError(
                    f"{path}: a symbolic link to a file outside the project; "
                    "replace it with the catalog itself"
                )
            return read_catalog_bytes(target, root)
        if not stat.S_ISREG(status.st_mode):
            raise EditionsError(f"{path}: not a regular file; a catalog must be a plain file")
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise EditionsError(f"{path}: cannot read the catalog: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as file:
        opened = os.fstat(file.fileno())
        if not stat.S_ISREG(opened.st_mode):  # replaced between lstat and open
            raise EditionsError(f"{path}: not a regular file; a catalog must be a plain file")
        if opened.st_size > MAX_CATALOG_BYTES:
            raise EditionsError(
                f"{path}: {opened.st_size:,} bytes, more than a catalog may hold "
                f"({MAX_CATALOG_BYTES:,}); split the document"
            )
        return file.read(MAX_CATALOG_BYTES + 1)


def parse_po(data: bytes, path: Path) -> PoFile:
    """Parse a catalog's bytes, decoded with the charset its header declares."""
    charset = _charset(data, path)
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = PoProblem(
            line,
            f"not valid {charset.upper()}, the charset the header declares; save the file "
            "in that charset, or fix the header's Content-Type",
        )
        raise PoSyntaxError(path, [problem], None) from None
    if text.startswith("\ufeff"):  # gettext refuses it as a syntax error on line 1
        problem = PoProblem(1, "the file starts with a byte-order mark: save it without one")
        raise PoSyntaxError(path, [problem], None)
    # The reader makes some objects per line and no reference cycles: the cyclic
    # collector would only walk the growing catalog again and again (half the
    # time of reading python-docs-fr's 481 catalogs, measured).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Parser(path, charset).parse(text)
    finally:
        if collecting:
            gc.enable()


def _charset(data: bytes, path: Path) -> str:
    """The codec of the header's charset; only those that write ASCII as ASCII are read."""
    found = _CHARSET.search(data[:65536])
    if found is None:
        return "utf-8"
    name = found.group(1).decode("ascii", "replace")
    if name.upper() == "CHARSET":  # a template's placeholder: gettext reads it as ASCII
        return "utf-8"
    line = data[: found.start()].count(b"\n") + 1
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = ""
    # The syntax (quotes, backslashes, keywords) is ASCII: a charset that spells ASCII
    # otherwise (UTF-7, UTF-16) would hide it from gettext's lexer, so it is refused.
    if not codec or _PRINTABLE.encode(codec, "replace") != _PRINTABLE.encode("ascii"):
        problem = PoProblem(
            line,
            f"charset {name!r} is not one gettext can read; convert the file to UTF-8 "
            "(iconv -t UTF-8) and write charset=UTF-8 in the header",
        )
        raise PoSyntaxError(path, [problem], None)
    return codec


# --- Parsing the text ----------------------------------------------------------------------


class _Parser:
    """One pass over the lines; an entry ends where the next one's comment or msgid starts."""

    def __init__(self, path: Path, charset: str) -> None:
        self.path = path
        self.charset = charset
        self.entries: list[PoEntry] = []
        self.problems: list[PoProblem] = []
        self.entry = PoEntry(0)
        self.current: PoString | None = None  # the string a continuation line adds to
        self.seen: dict[tuple[str | None, str], int] = {}

    def error(self, line: int, message: str) -> None:
        self.problems.append(PoProblem(line, message))

    def parse(self, text: str) -> PoFile:
        # Most entries are written as msgcat writes them, one block between blank lines:
        # one regular expression reads such a block whole, and the line-by-line reader
        # takes any other (it is most of `editions status`: twice as fast, measured).
        number = 1
        for block in text.split("\n\n"):
            entry = self.entry
            usual = _USUAL_ENTRY.fullmatch(block)
            if usual is not None and entry.msgstr:
                self._close()
                entry = self.entry
            if usual is not None and not (entry.comments or entry.previous or entry.msgid):
                self._usual_entry(usual, number)
            else:
                self._lines(block, number)
            number += block.count("\n") + 2
        self._close()
        result = PoFile(self.path, self.entries, self.charset, self.entry.comments)
        if self.problems:
            raise PoSyntaxError(self.path, self.problems, result)
        return result

    def _usual_entry(self, usual: re.Match[str], number: int) -> None:
        """An entry in the usual form: comments, msgctxt, msgid and msgstr, nothing else."""
        comments, msgctxt, msgid, msgstr = usual.groups()
        entry = self.entry
        entry.line = number
        if comments:
            for text in comments[:-1].split("\n"):
                if text[1] == " ":
                    entry.comments.append(Comment("#", number, text[1:]))
                else:
                    entry.comments.append(Comment(text[:2], number, text[2:]))
                number += 1
        if msgctxt is not None:
            parts = msgctxt[1:-1].split('"\n"')
            entry.msgctxt = PoString("msgctxt", number, parts)
            number += len(parts)
        parts = msgid[1:-1].split('"\n"')
        entry.msgid = PoString("msgid", number, parts)
        self.current = string_ = PoString("msgstr", number + len(parts), msgstr[1:-1].split('"\n"'))
        entry.msgstr.append(string_)

    def _lines(self, text: str, first_number: int) -> None:
        # The common lines (a plain string, a comment before an entry, msgid and msgstr
        # with a plain string) are handled inline.
        for number, raw in enumerate(text.split("\n"), first_number):
            line = raw.strip()
            if not line:
                continue
            first = line[0]
            if first == '"':
                current = self.current
                if (
                    current is not None
                    and line[-1] == '"'
                    and line.count('"') == 2
                    and "\\" not in line
                ):
                    current.parts.append(line[1:-1])
                else:
                    self._continuation(line, number, current, False)
            elif first == "#":
                entry = self.entry
                usual = _ENTRY_COMMENTS.get(line[:2])
                if usual is not None and entry.msgstr:
                    self._close()
                    entry = self.entry
                if usual is not None and entry.msgid is None and entry.msgctxt is None:
                    entry.comments.append(Comment(usual[0], number, line[usual[1] :]))
                else:
                    self._comment(line, number)
            elif first == "m":
                keyword, space, rest = line.partition(" ")
                if not (space and keyword in _PLAIN_KEYWORDS):
                    self._keyword(line, number, obsolete=False, previous=False)
                elif not (_plain(rest) and self._add_plain(keyword, rest, number)):
                    self._add_keyword(keyword, rest, number, False, False)
            else:
                self.error(
                    number,
                    f"not gettext: {_shorten(line)!r}; a line is a msgid, msgstr, "
                    'a "quoted string" or a # comment',
                )

    def _add_plain(self, keyword: str, rest: str, number: int) -> bool:
        """msgid or msgstr and a plain string in the usual place; False for anything else."""
        entry = self.entry
        if keyword == "msgid":
            if entry.msgstr:
                self._close()
                entry = self.entry
            elif entry.msgid is not None or entry.obsolete:
                return False
            if entry.msgctxt is None:
                entry.line = entry.comments[0].line if entry.comments else number
            entry.msgid = self.current = PoString(keyword, number, [rest[1:-1]])
            return True
        if keyword == "msgstr" and entry.msgid is not None and not entry.msgstr:
            if entry.obsolete:
                return False
            self.current = string_ = PoString(keyword, number, [rest[1:-1]])
            entry.msgstr.append(string_)
            return True
        return False

    def _comment(self, line: str, number: int) -> None:
        second = line[1:2]
        if second == "~":
            rest = line[2:].lstrip()
            previous = rest.startswith("|")
            if previous:
                rest = rest[1:].lstrip()
            if rest.startswith('"'):
                self._continuation(rest, number, self.current, True)
            elif rest.startswith("m"):
                self._keyword(rest, number, obsolete=True, previous=previous)
            elif rest:
                self.error(number, f"not gettext after #~: {_shorten(rest)!r}")
            return
        if second == "|":
            rest = line[2:].lstrip()
            if self.entry.msgstr:
                self._close()
            if rest.startswith('"'):
                self._continuation(rest, number, self.current, False)
            else:
                self._keyword(rest, number, obsolete=False, previous=True)
            return
        if self.entry.msgstr:
            self._close()
        elif self.entry.msgid is not None or self.entry.msgctxt is not None:
            self.error(number, "a comment inside an entry: move it above the entry's msgid")
            return
        kind = "#" + second if second in (".", ":", ",") else "#"
        self.entry.comments.append(Comment(kind, number, line[len(kind) :]))

    def _keyword(self, line: str, number: int, obsolete: bool, previous: bool) -> None:
        keyword, space, rest = line.partition(" ")
        if not (space and keyword in _PLAIN_KEYWORDS):
            keyword, rest = self._unusual_keyword(line, number)
            if not keyword:
                return
        self._add_keyword(keyword, rest, number, obsolete, previous)

    def _unusual_keyword(self, line: str, number: int) -> tuple[str, str]:
        """msgstr[N], or a keyword followed by a tab or nothing; ("", "") after an error."""
        match = _KEYWORD.match(line)
        if match is None:
            word = line.split(None, 1)[0] if line.split() else line
            self.error(
                number,
                f"unknown keyword {_shorten(word)!r}; a line is a msgid, msgstr, "
                'a "quoted string" or a # comment',
            )
            self.current = None
            return "", ""
        return match.group(1), line[match.end() :]

    def _add_keyword(
        self, keyword: str, rest: str, number: int, obsolete: bool, previous: bool
    ) -> None:
        entry = self.entry
        if previous:
            if entry.msgstr:
                self._close()
            string_ = PoString(keyword, number, [])
            self.entry.previous.append(string_)
            self._string(rest, number, string_, obsolete, keyword)
            return
        if keyword.startswith("msgstr"):
            if entry.msgid is None or (keyword == "msgstr" and entry.msgstr):
                self.error(number, "msgstr without msgid: start each entry with msgid")
                self.current = None
                return
            if entry.obsolete != obsolete:
                self.error(number, "half of an entry is obsolete (#~): mark both halves or none")
        else:
            if entry.msgstr or (keyword == "msgctxt" and entry.msgid is not None):
                self._close()
            elif entry.msgid is not None and keyword == "msgid":
                self._missing_msgstr()
            entry = self.entry
            if keyword == "msgid_plural" and entry.msgid is None:  # also after an entry's msgstr
                self.error(number, "msgid_plural without msgid: put msgid before it")
            if entry.msgctxt is None and entry.msgid is None:
                entry.line = entry.comments[0].line if entry.comments else number
                entry.obsolete = obsolete
        string_ = PoString(keyword, number, [])
        if keyword == "msgctxt":
            entry.msgctxt = string_
        elif keyword == "msgid":
            entry.msgid = string_
        elif keyword == "msgid_plural":
            entry.msgid_plural = string_
        else:
            entry.msgstr.append(string_)
        self._string(rest, number, string_, obsolete, keyword)

    def _string(
        self, rest: str, number: int, target: PoString, obsolete: bool, keyword: str
    ) -> None:
        rest = rest.lstrip()
        if rest.count('"') == 2 and rest[0] == rest[-1] == '"' and "\\" not in rest:
            self.current = target
            target.parts.append(rest[1:-1])
        else:
            self._continuation(rest, number, target, obsolete, keyword)

    def _continuation(
        self,
        line: str,
        number: int,
        target: PoString | None,
        obsolete: bool,
        keyword: str = "",
    ) -> None:
        """Add the quoted string ``line`` to ``target``, or say what is wrong with it."""
        self.current = target
        found = _STRING.match(line)
        if found is None:
            if keyword and not line.startswith('"'):
                self.error(number, f'{keyword} must be followed by a "quoted string"')
            elif _OPENED.match(line.rstrip()):
                self.error(number, 'the string is not closed: end it with a " on the same line')
            else:
                self.error(
                    number, 'text after the closing quote: write a quote inside a string as \\"'
                )
            return
        if target is None:
            self.error(number, "a string outside any entry: put msgid or msgstr before it")
            return
        content = found.group(1)
        if "\\" in content:
            valid = _VALID_ESCAPES.match(content)
            if valid and valid.end() < len(content):
                escape = content[valid.end() : valid.end() + 2]
                self.error(
                    number,
                    f"invalid escape {escape}: write \\\\ for a backslash, \\n for a new line",
                )
        target.parts.append(content)

    def _missing_msgstr(self) -> None:
        entry = self.entry
        line = entry.msgid.line if entry.msgid else entry.line
        self.error(line, 'msgid without msgstr: add msgstr "" after it')
        self.entry = PoEntry(0)

    def _close(self) -> None:
        entry = self.entry
        self.current = None
        if entry.msgid is None and entry.msgctxt is None and not entry.msgstr:
            if entry.previous:
                self.error(entry.previous[0].line, "#| lines without an entry after them")
                entry.previous = []
            return  # only comments so far: they belong to the next entry
        self.entry = PoEntry(0)
        if entry.msgid is None:
            self.error(entry.line, "an entry without msgid: start each entry with msgid")
            return
        if not entry.msgstr:
            self.entry = entry
            self._missing_msgstr()
            return
        self._check_forms(entry)
        self.entries.append(entry)
        context = unescape("".join(entry.msgctxt.parts)) if entry.msgctxt else None
        key = (context, unescape("".join(entry.msgid.parts)))
        first = self.seen.setdefault(key, entry.msgid.line)
        if first != entry.msgid.line:
            self.problems.append(
                PoProblem(
                    entry.msgid.line,
                    f"duplicate of the entry at line {first}: gettext keeps only the first; "
                    "merge them into one",
                    DUPLICATE,
                )
            )

    def _check_forms(self, entry: PoEntry) -> None:
        if (
            entry.msgid_plural is None
            and len(entry.msgstr) == 1
            and entry.msgstr[0].keyword == "msgstr"
        ):
            return  # the common case
        plural = entry.msgid_plural is not None
        for index, msgstr in enumerate(entry.msgstr):
            indexed = msgstr.keyword != "msgstr"
            if plural and not indexed:
                self.error(msgstr.line, "a plural entry needs msgstr[0], msgstr[1]...")
            elif not plural and indexed:
                self.error(msgstr.line, f"{msgstr.keyword} without msgid_plural: add one")
            elif plural and msgstr.keyword != f"msgstr[{index}]":
                self.error(msgstr.line, f"{msgstr.keyword} out of order: expected [{index}]")
            elif not plural and index > 0:
                self.error(msgstr.line, "a second msgstr: an entry has one")


def _plain(line: str) -> bool:
    """A string between quotes with no other quote and no backslash: nothing to check."""
    return line[-1] == '"' and line[0] == '"' and line.count('"') == 2 and "\\" not in line


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
