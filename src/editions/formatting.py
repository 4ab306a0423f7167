"""The canonical form of a catalog: the bytes GNU ``msgcat`` would write.

Translators' editors (Poedit, Emacs po-mode), powrap and ``msgmerge`` all write
catalogs the way GNU gettext does; Babel's ``write_po`` wraps differently (it
breaks before spaces, not after; never after ``/`` or ``-``; measures the
width without the keyword) and differs on 480 of the 481 python-docs-fr
catalogs.  A pipeline and an editor that disagree on line breaks rewrite each
other's files forever, so this module writes what ``msgcat`` writes, without
needing GNU gettext installed.  No Python library does that wrapping: it is
GNU's ``wrap()`` (write-po.c) over libunistring's line breaking (UAX #14 pair
table, as libunistring 1.0 tailors it), transcribed here and checked
byte for byte against ``msgcat`` in the tests.

:func:`render_po` writes a catalog read by :mod:`editions.pofile`, in msgcat's
order: translator comments, extracted comments, locations (wrapped at the page
width, each once), the flags msgcat knows (fuzzy first and only on a
translation, then format flags in gettext's order, range, no-wrap), the
previous msgctxt/msgid/msgid_plural (``#|``), msgctxt, msgid, msgid_plural,
msgstr; obsolete entries last, as ``#~`` and ``#~|``, and only those with a
translation.  The header is an entry like the others: its fields keep their
order and spelling.  Checked on all 481 python-docs-fr catalogs, byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from editions.pofile import PoEntry, PoFile

WRAP_WIDTH = 79  # GNU msgcat's default page width; powrap and Poedit agree

# --- Line breaking (libunistring's u8_possible_linebreaks and u8_width_linebreaks) -------

_POSSIBLE, _PROHIBITED, _MANDATORY = 1, 2, 0

# The classes of UAX #14 that take part in libunistring's pair table, in its order.
_TABLE_CLASSES = (
    "WJ",
    "GL",
    "B2",
    "BA",
    "BB",
    "HY",
    "CL",
    "CP",
    "EX",
    "IN",
    "NS",
    "OP",
    "QU",
    "IS",
    "NU",
    "PO",
    "PR",
    "SY",
    "AL",
    "H2",
    "H3",
    "ID",
    "JL",
    "JV",
    "JT",
    "HL",
    "RI",
    "ZWJ",
    "EB",
    "EM",
)
# The pair table as libunistring 1.0 (Debian 12's, which msgcat links) applies it:
# rows are the class before, columns the class after; D: a break, I: a break only
# across spaces, P: no break.  Measured through that library, not copied from UAX #14:
# it departs from the standard (a letter then "+" or "%" does not break, for one).
_PAIR_TABLE = [
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDDDDDIDD",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDDDIDIDD",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPIPP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIIIIIIII",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDDDDDIDD",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDDDIDIDD",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIIIIDIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDDDIDIDD",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIIDDDIDD",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDD",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDD",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDD",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDDDDIIDD",  # RI
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII",  # ZWJ
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDI",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDD",  # EM
]
_CLASS = {name: index for index, name in enumerate(_TABLE_CLASSES)}
_BK, _SP, _ZW, _CM = 100, 101, 102, 103  # classes handled outside the table
_AL, _ID = _CLASS["AL"], _CLASS["ID"]

_ASCII_CLASSES = {
    " ": "SP", "!": "EX", '"': "QU", "$": "PR", "%": "PO", "'": "QU", "(": "OP", ")": "CP",
    "+": "PR", ",": "IS", "-": "HY", ".": "IS", "/": "SY", ":": "IS", ";": "IS", "?": "EX",
    "[": "OP", "\\": "PR", "]": "CP", "{": "OP", "|": "BA", "}": "CL", "\t": "BA",
}  # fmt: skip
# Non-ASCII characters whose class the Unicode category does not give.
_OTHER_CLASSES = {
    "\u00a0": "GL", "\u00ab": "QU", "\u00bb": "QU", "\u00b0": "PO", "\u00a2": "PO",
    "\u00a3": "PR", "\u00a5": "PR", "\u00b1": "PR", "\u20ac": "PR", "\u00b4": "BB",
    "\u00ad": "BA", "\u00a1": "OP", "\u00bf": "OP", "\u2010": "BA", "\u2011": "GL",
    "\u2012": "BA", "\u2013": "BA", "\u2014": "B2", "\u2018": "QU", "\u2019": "QU",
    "\u201a": "OP", "\u201b": "QU", "\u201c": "QU", "\u201d": "QU", "\u201e": "OP",
    "\u201f": "QU", "\u2024": "IN", "\u2025": "IN", "\u2026": "IN", "\u2030": "PO",
    "\u2031": "PO", "\u2032": "PO", "\u2033": "PO", "\u2034": "PO", "\u2039": "QU",
    "\u203a": "QU", "\u2044": "IS", "\u2060": "WJ", "\ufeff": "WJ", "\u200d": "ZWJ",
    "\u2007": "GL", "\u202f": "GL", "\u2116": "PR", "\u2122": "AL", "\u3001": "CL",
    "\u3002": "CL", "\uff0c": "CL", "\uff0e": "CL", "\uff1a": "NS", "\uff1b": "NS",
    "\uff01": "EX", "\uff1f": "EX", "\u30fc": "NS", "\u3005": "NS", "\u00b7": "AL",
}  # fmt: skip

# Code points whose class libunistring 1.0 gives differently from the rules below,
# measured over U+0020-U+30FF and U+FE30-U+FF6F (Thai, Khmer, Myanmar, Hangul jamo,
# emoji, ...): "class": "ranges".
_MEASURED_CLASSES = {
    "AL": (
        "05C0 05C3 05F3-05F4 0600-0605 06DD 070F 0890-0891 08E2 0E31 0E34-0E3A 0E47-0E4E 0EB1 "
        "0EB4-0EBC 0EC8-0ECD 102B-103E 1056-1059 105E-1060 1062-1064 1067-106D 1071-1074 "
        "1082-108D 108F 109A-109D 17B4-17D3 17DD 1A55-1A5E 1A60-1A7C 2015 2061-2064 23E9-23EC "
        "25FD-25FE 2648-2653 2693 26A1 26AA-26AB 26CE 2705 2728 274C 274E 2753-2755 2757 "
        "2795-2797 27B0 27BF 2B1B-2B1C 2B50 2B55 2E1A"
    ),
    "B2": "2E3A-2E3B",
    "BA": (
        "0964-0965 0E5A-0E5B 0F0B 0F34 0F7F 0F85 0FBE-0FBF 0FD2 104A-104B 1361 16EB-16ED "
        "1735-1736 17D4-17D5 17D8 17DA 1804-1805 1B5A-1B5B 1B5D-1B60 1B7D-1B7E 1C3B-1C3F "
        "1C7E-1C7F 2027 2056 2058-205B 205D-205E 2CFA-2CFC 2CFF 2D70 2E0E-2E15 2E19 2E2A-2E2D "
        "2E30-2E31 2E33-2E34 2E3C-2E3E 2E41 2E43-2E4A 2E4C 2E4E-2E4F"
    ),
    "BB": "02C8 02CC 02DF 0C77 0C84 0F01-0F04 0F06-0F07 0F09-0F0A 0FD0-0FD1 0FD3 1806 1FFD",
    "CL": "FE50 FE52 FF61 FF64",
    "EB": "261D 26F9 270A-270D",
    "EX": (
        "05C6 061B 061D-061F 06D4 07F9 0F0D-0F11 0F14 1802-1803 1808-1809 1944-1945 2762-2763 "
        "2CF9 2CFE 2E2E 2E53-2E54 FE56-FE57"
    ),
    "GL": "034F 035C-0362 0F08 0F0C 0F12 0FD9-0FDA 180E",
    "ID": (
        "23F1-23F2 2600-2603 2618 261A-261C 261E-261F 2639-263B 2668 26BF-26C3 26C6-26C8 26CD "
        "26CF-26D1 26D3 26D8-26D9 26DC 26DF-26E1 26F1 26F4 26F7-26F8 26FE-2704 2708-2709 2764 "
        "3030 303F FE31-FE32 FE58 FE63 FF0D FF10-FF19 FF66"
    ),
    "IN": "22EF",
    "IS": "037E 0589 060C-060D 07F8",
    "JL": "1100-115F",
    "JT": "11A8-11FF",
    "JV": "1160-11A7",
    "NS": (
        "17D6 203C-203D 2047-2049 301C 303B-303C 3041 3043 3045 3047 3049 3063 3083 3085 3087 "
        "308E 3095-3096 309B-309E 30A0-30A1 30A3 30A5 30A7 30A9 30C3 30E3 30E5 30E7 30EE "
        "30F5-30F6 30FB 30FD-30FE FE54-FE55 FF65 FF67-FF6F"
    ),
    "NU": "066B-066C",
    "OP": "2E18",
    "PO": (
        "0609-060B 066A 09F2-09F3 09F9 0D79 2035-2037 20A7 20B6 20BB 20BE 20C0 2103 2109 FE6A FF05"
    ),
    "PR": (
        "00A4 058F 07FE-07FF 09FB 0AF1 0BF9 0E3F 17DB 20A0-20A6 20A8-20AB 20AD-20B5 20B7-20BA "
        "20BC-20BD 20BF 2212-2213 FE69 FF04"
    ),
    "QU": "275B-2760 2E00-2E01 2E06-2E08 2E0B",
}
_EXCEPTIONS = {
    code: name
    for name, spans in _MEASURED_CLASSES.items()
    for span in spans.split()
    for code in range(int(span.split("-")[0], 16), int(span.split("-")[-1], 16) + 1)
}


@lru_cache(maxsize=4096)
def _line_break_class(char: str) -> int:
    """The UAX #14 class of ``char`` as libunistring resolves it for UTF-8 text.

    Python's ``unicodedata`` has no line-break property: ASCII and the
    punctuation of European and CJK text are listed, the rest follows from the
    general category (letters AL, ideographs ID, marks CM, ...).
    """
    name = _ASCII_CLASSES.get(char) or _OTHER_CLASSES.get(char) or _EXCEPTIONS.get(ord(char))
    if name:
        return _SP if name == "SP" else _CLASS[name]
    if char in "\x0b\x0c\r\n\x85\u2028\u2029":
        return _BK
    if char == "\u200b":
        return _ZW
    category = unicodedata.category(char)
    if category in ("Mn", "Mc", "Me", "Cc", "Cf"):
        return _CM
    if category == "Nd":
        return _CLASS["NU"]
    if category == "Zs":
        return _CLASS["BA"]
    if category == "Ps":
        return _CLASS["OP"]
    if category == "Pe":
        return _CLASS["CL"]
    if category in ("Pi", "Pf"):
        return _CLASS["QU"]
    if category == "Pd":
        return _CLASS["BA"]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return _ID
    if "HEBREW" in unicodedata.name(char, ""):
        return _CLASS["HL"]
    return _AL


def _char_width(char: str) -> int:
    """Columns of ``char`` as libunistring's uc_width counts them; -1 for controls."""
    if char < "\u0300":  # the common case: Latin text
        return -1 if char < " " or "\x7f" <= char < "\xa0" else 1
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or char == "\u200b":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _text_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(max(0, _char_width(char)) for char in text)


def _possible_breaks(text: str) -> list[int]:
    """Where a line may break (before each character), by libunistring's pair-table algorithm."""
    breaks = [_PROHIBITED] * len(text)
    last = _BK
    seen_space: int | None = None
    seen_space2: int | None = None
    for index, char in enumerate(text):
        kind = _line_break_class(char)
        if kind == _BK:
            breaks[index] = _MANDATORY
            last, seen_space, seen_space2 = _BK, None, None
            continue
        target = index
        if kind == _SP:
            seen_space2, seen_space = seen_space, index
            continue
        if kind == _ZW:
            last, seen_space, seen_space2 = _ZW, None, None
            continue
        if kind == _CM:
            if last == _ZW:
                breaks[index] = _POSSIBLE
                last = _ID
                continue
            if seen_space is None:
                continue
            # A combining mark after a space makes the space an ideograph.
            target, seen_space, kind = seen_space, seen_space2, _ID
        if last == _BK:
            breaks[target] = _PROHIBITED
        elif last == _ZW:
            breaks[target] = _POSSIBLE
        else:
            rule = _PAIR_TABLE[last][kind]
            if rule == "D" or (rule == "I" and seen_space is not None):
                breaks[target] = _POSSIBLE
        last, seen_space, seen_space2 = kind, None, None
    return breaks


def _chosen_breaks(
    text: str, possible: list[int], overrides: list[int | None], width: int, start_column: int
) -> list[int]:
    """The indexes before which a line is broken: greedy, as u8_width_linebreaks chooses."""
    chosen: list[int] = []
    last_break: int | None = None
    column, piece = start_column, 0
    for index, char in enumerate(text):
        kind = overrides[index] if overrides[index] is not None else possible[index]
        if kind in (_POSSIBLE, _MANDATORY) and last_break is not None and column + piece > width:
            chosen.append(last_break)
            column = 0
        if kind == _MANDATORY:
            last_break, column, piece = None, 0, 0
            continue
        if kind == _POSSIBLE:
            last_break, column, piece = index, column + piece, 0
        char_width = _char_width(char)
        if char_width > 0:
            piece += char_width
    if last_break is not None and column + piece > width:
        chosen.append(last_break)
    return chosen


# --- The same greedy choice, looking only near each line's end ------------------------------
#
# Most text is "simple": every character one column wide and of a class of the pair table
# (or a space), as Latin, Greek and Cyrillic text is.  There, whether a line may break
# before a character depends only on it, the last non-space character before it and whether
# spaces lie between, and each line ends at the last possible break that fits (the first
# one, if none fits).  Looking backwards from the column where the page ends finds it in a
# few characters, where the general algorithm above classes every character of the string
# (nine tenths of the time `editions format` took).  The tests compare both on every
# string of a real corpus and on random ones.


@lru_cache(maxsize=4096)
def _simple_char(char: str) -> bool:
    return _char_width(char) == 1 and _line_break_class(char) not in (_BK, _ZW, _CM)


def _is_simple(text: str) -> bool:
    """Whether every character is one column wide and of the pair table's classes."""
    if text.isascii():
        return text.isprintable()
    return all(map(_simple_char, set(text)))


def _may_break_before(text: str, index: int, prohibited: set[int]) -> bool:
    """Whether a simple text may break before ``text[index]`` (as _possible_breaks says)."""
    char = text[index]
    if char == " " or index in prohibited:
        return False
    if (
        index
        and char.isascii()
        and char.isalnum()
        and text[index - 1].isascii()
        and text[index - 1].isalnum()
    ):
        return False  # letters and digits (AL, NU) next to each other: never a break
    kind = _line_break_class(char)
    before = index - 1
    while before >= 0 and text[before] == " ":  # the only character of class SP
        before -= 1
    if before < 0:
        return False  # the start of the text: never a break
    rule = _PAIR_TABLE[_line_break_class(text[before])][kind]
    return rule == "D" or (rule == "I" and before < index - 1)


def _simple_breaks(text: str, prohibited: set[int], width: int, start_column: int) -> list[int]:
    """_chosen_breaks(text, _possible_breaks(text), ...) of a simple text."""
    chosen: list[int] = []
    line, column = 0, start_column
    size = len(text)
    while True:
        last_fitting = line + width - column  # the last index a break may be before
        if size <= last_fitting:
            return chosen
        cut = next(
            (
                index
                for index in range(min(last_fitting, size - 1), line, -1)
                if _may_break_before(text, index, prohibited)
            ),
            None,
        )
        if cut is None:  # nothing fits: the first possible break, past the page's end
            cut = next(
                (
                    index
                    for index in range(max(last_fitting + 1, line + 1), size)
                    if _may_break_before(text, index, prohibited)
                ),
                None,
            )
            if cut is None:
                return chosen
        chosen.append(cut)
        line, column = cut, 0


def _breaker(text: str, prohibited: set[int], simple: bool) -> Callable[[int, int], list[int]]:
    """A function of (width, start column) giving where ``text`` breaks."""
    if simple:
        return lambda width, start: _simple_breaks(text, prohibited, width, start)
    possible = _possible_breaks(text)  # the costly part: once per portion
    overrides: list[int | None] = [
        _PROHIBITED if index in prohibited else None for index in range(len(text))
    ]
    return lambda width, start: _chosen_breaks(text, possible, overrides, width, start)


# --- GNU's wrap(): one keyword and its string ---------------------------------------------

_C_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}


def _portions(value: str) -> Iterator[str]:
    """The string cut after each newline, as msgcat puts each line on a line of its own."""
    start = 0
    while True:
        end = value.find("\n", start)
        if end < 0 or end == len(value) - 1:
            yield value[start:]
            return
        yield value[start : end + 1]
        start = end + 1


_ESCAPE_PAIR = re.compile(r"\\.", re.DOTALL)


def _escaped(portion: str) -> tuple[str, set[int]]:
    """The portion as written between quotes, and where it must not break (inside escapes)."""
    text = portion.replace("\\", "\\\\").replace('"', '\\"')
    if not text.isprintable():  # (str.replace: C's speed, where str.translate is not)
        for char, letter in _C_ESCAPES.items():
            text = text.replace(char, f"\\{letter}")
    # Every backslash of the text begins an escape (a backslash is written as two).
    prohibited = {pair.start() + 1 for pair in _ESCAPE_PAIR.finditer(text)}
    if portion.endswith("\n"):
        prohibited.add(len(text) - 2)  # don't break just before the final "\n"
    return text, prohibited


# Kept: every language's catalogs hold the same msgids, so `editions update` wraps each
# once, not once per language.  Tuples: a caller cannot change them.
@lru_cache(maxsize=1 << 16)
def wrap_string(
    keyword: str, value: str, prefix: str = "", width: int = WRAP_WIDTH
) -> tuple[str, ...]:
    """The lines msgcat writes for ``keyword "value"``, each starting with ``prefix``."""
    lines: list[str] = []
    first_line = True
    # Each line holds `prefix"...“` within the page width.
    room = width - 2 - len(prefix)
    portions = list(_portions(value))
    for number, portion in enumerate(portions):
        escaped, prohibited = _escaped(portion)
        more = number < len(portions) - 1
        start = len(keyword) + 1 if first_line else 0
        breaks: list[int] = []
        simple = _is_simple(escaped)
        if start + (len(escaped) if simple else _text_width(escaped)) > room or (
            first_line and more
        ):
            breaks_from = _breaker(escaped, prohibited, simple)
            breaks = breaks_from(room, start)
            if first_line and escaped and (more or start > room or breaks):
                lines.append(f'{prefix}{keyword} ""')
                first_line = False
                breaks = breaks_from(room, 0)
        head = f"{prefix}{keyword} " if first_line else prefix
        first_line = False
        cuts = [0, *breaks, len(escaped)]
        for begin, end in zip(cuts, cuts[1:], strict=False):
            lines.append(f'{head}"{escaped[begin:end]}"')
            head = prefix
    return tuple(lines)


# --- A whole catalog -------------------------------------------------------------------------

# GNU gettext 0.21's format languages, in the order msgcat writes their flags (message.c).
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip
_NO_WRAP = 1 << 30  # a "no-wrap" entry is broken only after its newlines


def render_po(po: PoFile, width: int = WRAP_WIDTH) -> bytes:
    """The bytes ``msgcat -w 79`` writes for ``po``: active entries, then obsolete ones.

    msgcat drops an obsolete entry whose (first) translation is empty, and the
    comments after the last entry.
    """
    active = [entry for entry in po.entries if not entry.obsolete]
    obsolete = [
        entry
        for entry in po.entries
        if entry.obsolete and entry.msgstr and any(entry.msgstr[0].parts)
    ]
    blocks = [
        "".join(f"{line}\n" for line in _entry(entry, width, po.charset))
        for entry in active + obsolete
    ]
    return "\n".join(blocks).encode(po.charset)


def _entry(entry: PoEntry, width: int, charset: str = "utf-8") -> list[str]:
    lines = [f"# {text}" if text else "#" for text in entry.comments_of("#")]
    lines += [f"#. {text}" if text else "#." for text in entry.comments_of("#.")]
    lines += _locations(entry.references, width, charset)
    flags = _flags(entry)
    if flags:
        lines.append(f"#, {', '.join(flags)}")
    if "no-wrap" in flags:
        width = _NO_WRAP
    prefix = "#~ " if entry.obsolete else ""
    for previous in entry.previous:
        lines += wrap_string(
            previous.keyword, previous.text, "#~| " if entry.obsolete else "#| ", width
        )
    for string_ in (entry.msgctxt, entry.msgid, entry.msgid_plural, *entry.msgstr):
        if string_ is not None:
            lines += wrap_string(string_.keyword, string_.text, prefix, width)
    return lines


def _locations(references: list[str], width: int, charset: str = "utf-8") -> list[str]:
    """``#:`` lines: as many locations as fit in the page width, each once, as msgcat does.

    msgcat measures a location in bytes (strlen), not columns: a name with an accent
    or the isolates around a name with spaces is longer than its characters.
    """
    seen: list[str] = []
    for reference in references:
        location = _normal_location(reference)
        if location not in seen:
            seen.append(location)
    lines: list[str] = []
    current, column = "#:", 2
    for location in seen:
        size = len(location) if location.isascii() else len(location.encode(charset, "replace"))
        if column > 2 and column + size + 1 > width:
            lines.append(current)
            current, column = "#:", 2
        current += f" {location}"
        column += size + 1
    if seen:
        lines.append(current)
    return lines


def _normal_location(reference: str) -> str:
    """A location as msgcat writes it: a name with spaces between isolates, the line a number."""
    name, colon, line = reference.rpartition(":")
    if not (colon and line.isdigit()):
        name, line = reference, ""
    name = name.strip("\u2068\u2069")
    if " " in name or "\t" in name:
        name = f"\u2068{name}\u2069"
    return f"{name}:{int(line)}" if line else name


def _flags(entry: PoEntry) -> list[str]:
    """The ``#,`` words msgcat writes: fuzzy (on a translation), formats, range, no-wrap.

    msgcat drops the flags it does not know and writes the others in its own order.
    """
    formats: dict[str, str] = {}
    fuzzy = no_wrap = False
    flag_range = ""
    for flag in entry.flags:
        if flag == "fuzzy":
            fuzzy = True
        elif flag in ("wrap", "no-wrap"):
            no_wrap = flag == "no-wrap"
        elif flag.startswith("range: "):
            flag_range = flag if re.fullmatch(r"range: \d+\.\.\d+", flag) else ""
        elif flag.endswith("-format"):
            _format_flag(flag[: -len("-format")], formats)
    words = ["fuzzy"] if fuzzy and entry.msgstr and any(entry.msgstr[0].parts) else []
    words += [formats[language] for language in FORMAT_LANGUAGES if language in formats]
    words += [flag_range] if flag_range else []
    words += ["no-wrap"] if no_wrap else []
    return words


def _format_flag(spec: str, formats: dict[str, str]) -> None:
    for negation, written in (("no-", "no-{}-format"), ("possible-", "{}-format"),
                              ("impossible-", ""), ("", "{}-format")):  # fmt: skip
        if spec.startswith(negation) and spec[len(negation) :] in FORMAT_LANGUAGES:
            language = spec[len(negation) :]
            if written:
                formats[language] = written.format(language)
            else:
                formats.pop(language, None)
            return
