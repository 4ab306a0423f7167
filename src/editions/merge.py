"""The merge of a template into a translator's catalog, as GNU ``msgmerge --previous`` does it.

It runs on the project's catalog model (:mod:`editions.pofile`), so that ``editions update``
changes what ``msgmerge`` changes and nothing else: the entries in the template's order, each
with its translation carried over by (msgctxt, msgid); ``#.``, ``#:`` and the flags taken from
the template, translator comments (``#``) kept; a new English close to an old one gets the old
translation as fuzzy, with the English it translated as ``#| msgid``; the entries the template
no longer has become obsolete (``#~``) after the active ones; in the header, only
``POT-Creation-Date`` changes.

Written by hand because no library merges this way: Babel's ``Catalog.update`` (what
sphinx-intl runs) forgets ``#| msgid``, ``#| msgctxt`` and ``#~|``, rewrites the header's
fields in its own order, and duplicates an obsolete entry whose English comes back (FACTS.md);
polib has no merge; running ``msgmerge`` costs a process per catalog and GNU gettext on the
machine.  Each rule below is msgmerge.c's (gettext 0.21, ``message_merge`` and
``match_domain``) and is checked against the real ``msgmerge`` in tests/test_merge.py.

Where it knowingly differs from msgmerge:

- the header: msgmerge also takes ``Report-Msgid-Bugs-To`` from the template, writes the
  fields it knows in its own order (``X-Generator``, ``Plural-Forms`` and the other unknown
  fields after ``Content-Transfer-Encoding``) and adds a ``Language`` field guessed from
  ``Language-Team``; a translator's header is theirs, so here every other field, its
  spelling and its order, and the header's comments stay byte for byte;
- the similarity of two msgids is the exact longest common subsequence of their UTF-8
  bytes (``2 * LCS / (len1 + len2)``, the value of gnulib's ``fstrcmp``); ``fstrcmp``'s
  diff gives up on an optimal answer past about 4,000 differing bytes, so on two very
  long, very different paragraphs msgmerge may find them less alike than here;
- a translation that msgfmt's format check refuses for a msgid the template newly flags is
  made fuzzy for ``python-format`` only (the one format of a Sphinx project), with strict
  checking on plural forms as well (msgmerge relaxes it for forms that are not "often" used);
  other formats (``c-format``, ``python-brace-format``...) and a narrowed ``range:`` do not
  make it fuzzy here: Sphinx's templates carry neither, and the gate checks every
  translation's formats at build time.

As with msgmerge, a fuzzy entry is a candidate for the next merge's fuzzy matching: a new
msgid left untranslated may find, one update later, the translation a similar msgid was
given as fuzzy.  ``editions update`` merges a pair again only when its template or
catalog changed (``build/.state/merged.json``, :mod:`editions.derived`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from editions.pofile import Comment, PoEntry, PoFile, PoString, escape

FUZZY_THRESHOLD = 0.6  # msgmerge's: a similarity below it is no match (message.h)
# fuzzy_search_goal_function's small advantage for an entry of the same msgctxt, or none.
_CONTEXT_BONUS = 0.00001
# The n of msgmerge's n-gram index (msgl-fsearch.c): only an old msgid sharing a 4-gram of
# characters with the new one is a candidate; shorter msgids are compared by byte length.
_GRAM = 4
_SHORT_MSG_MAX = int((_GRAM - 1) * 4 * (2 / FUZZY_THRESHOLD - 1))  # 28 bytes
_LENGTH_RATIO = 2 / FUZZY_THRESHOLD - 1
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
# msgmerge keeps these fields' order in the header; POT-Creation-Date comes after the first two.
_BEFORE_CREATION_DATE = ("project-id-version:", "report-msgid-bugs-to:")


@dataclass(frozen=True)
class Merge:
    """A merged catalog, and what the merge did."""

    catalog: PoFile
    added: int  # entries whose (msgctxt, msgid) the catalog did not have among its active ones


def merge(template: PoFile, existing: PoFile) -> Merge:
    """``existing`` brought up to ``template``, as ``msgmerge --previous existing template``."""
    nplurals = plural_count(existing)
    known = {(entry.context, entry.id): entry for entry in existing.entries}
    active_keys = {key for key, entry in known.items() if not entry.obsolete}
    finder = SimilarFinder(existing.entries)
    used: set[int] = set()
    entries: list[PoEntry] = []
    added = 0
    header = existing.header
    if template.header is None and header is not None:
        # msgmerge gives a template without a header an empty one, matched by the catalog's.
        entries.append(header)
        used.add(id(header))
    for reference in template.entries:
        if reference.obsolete:
            continue  # a template has none (msgmerge would keep them obsolete)
        key = (reference.context, reference.id)
        found = known.get(key)
        if reference.id == "" and reference.context is None:
            if found is not None:
                entries.append(merged_header(found, reference))
                used.add(id(found))
            continue  # msgmerge writes no header when the catalog has none
        if key not in active_keys:
            added += 1
        if found is not None:
            entries.append(merged_entry(found, reference, nplurals, similar=False))
            used.add(id(found))
            continue
        similar = finder.most_similar(reference)
        if similar is not None:
            entries.append(merged_entry(similar, reference, nplurals, similar=True))
            used.add(id(similar))
        else:
            entries.append(untranslated_entry(reference, nplurals))
    obsolete = [
        obsoleted_entry(entry)
        for entry in existing.entries
        if id(entry) not in used and entry.msgstr and entry.msgstr[0].text
    ]
    return Merge(PoFile(existing.path, entries + obsolete, existing.charset), added)


def plural_count(po: PoFile) -> int:
    """The header's nplurals, or 2 as gettext assumes without one (plural-exp.c)."""
    rule = po.header_field("Plural-Forms") or ""
    found = _NPLURALS.search(rule)
    count = int(found.group(1)) if found else 0
    return count if 0 < count <= 100 else 2


# --- One entry --------------------------------------------------------------------------


def merged_entry(old: PoEntry, reference: PoEntry, nplurals: int, similar: bool) -> PoEntry:
    """The template's entry with ``old``'s translation (msgmerge.c's ``message_merge``).

    The template gives what the source says (msgctxt, msgid, msgid_plural, ``#.``, ``#:``,
    the flags but fuzzy); the catalog what the translator wrote (msgstr, ``#`` comments,
    fuzzy).  A similar msgid, or a change to or from plural forms, makes it fuzzy.
    """
    plural_changed = (reference.msgid_plural is None) != (old.msgid_plural is None) or (
        reference.msgid_plural is not None
        and old.msgid_plural is not None
        and reference.msgid_plural.text != old.msgid_plural.text
    )
    fuzzy = old.fuzzy or similar or plural_changed
    if not fuzzy and _newly_python_format(old, reference):
        fuzzy = not all(python_format_agrees(reference, string_.text) for string_ in old.msgstr)
    msgstr = old.msgstr
    if reference.msgid_plural is not None and old.msgid_plural is None:
        # msgmerge copies the one translation into every form, for the translator to adapt.
        msgstr = [PoString(f"msgstr[{index}]", 0, old.msgstr[0].parts) for index in range(nplurals)]
    elif reference.msgid_plural is None and old.msgid_plural is not None:
        msgstr = [PoString("msgstr", 0, old.msgstr[0].parts)]
    previous: list[PoString] = []
    if fuzzy and msgstr[0].text:
        # The English the translation was made for: the old "#|" if it was fuzzy already.
        previous = old.previous if old.fuzzy else _previous_of(old)
    comments = [comment for comment in old.comments if comment.kind == "#"]
    comments += [comment for comment in reference.comments if comment.kind in ("#.", "#:")]
    flags = ["fuzzy"] if fuzzy else []
    flags += [flag for flag in reference.flags if flag != "fuzzy"]
    if flags:
        comments.append(Comment("#,", 0, " " + ", ".join(flags)))
    return PoEntry(
        old.line,
        comments=comments,
        previous=previous,
        msgctxt=reference.msgctxt,
        msgid=reference.msgid,
        msgid_plural=reference.msgid_plural,
        msgstr=msgstr,
    )


def _newly_python_format(old: PoEntry, reference: PoEntry) -> bool:
    formats = ("python-format", "possible-python-format")
    return any(flag in formats for flag in reference.flags) and not any(
        flag in formats for flag in old.flags
    )


# A directive of Python's %-formatting, as gettext's format-python.c reads it.
_PYTHON_DIRECTIVE = re.compile(
    r"%(?:\(([^()]*(?:\([^()]*\)[^()]*)*)\))?[-+ #0]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.?)",
    re.DOTALL,
)
_PYTHON_TYPES = {
    "c": "character",
    **dict.fromkeys("iduoxX", "integer"),
    **dict.fromkeys("eEfFgG", "float"),
}


def python_format_agrees(reference: PoEntry, translation: str) -> bool:
    """Whether ``msgfmt --check`` accepts ``translation`` as the python-format of the msgid.

    format-python.c: the same named arguments with the same types, or as many unnamed ones
    of the same types; a msgid that is no valid format is not checked.
    """
    source = reference.msgid_plural.text if reference.msgid_plural else reference.id
    expected = _python_arguments(source)
    return expected is None or _python_arguments(translation) == expected


def _python_arguments(text: str) -> tuple[tuple[str, str], ...] | None:
    """The (name, type) of each argument, sorted when named; None if not a valid format."""
    named: dict[str, str] = {}
    unnamed: list[tuple[str, str]] = []
    position = 0
    while (start := text.find("%", position)) >= 0:
        found = _PYTHON_DIRECTIVE.match(text, start)
        if found is None:
            return None
        name, width, precision, conversion = found.groups()
        stars = [("", "integer")] * ((width == "*") + (precision == "*"))
        if conversion == "%":
            kind = "none"
        elif conversion in ("s", "r", "a"):
            kind = "any" if precision and not precision.strip("0") else "string"
        else:
            kind = _PYTHON_TYPES.get(conversion, "")
        if not kind:
            return None  # an unknown conversion, or the string ends inside the directive
        if name is not None:
            if unnamed or stars or named.get(name, kind) != kind:
                return None
            named[name] = kind
        else:
            if named and (stars or conversion != "%"):
                return None
            unnamed += stars if conversion == "%" else [*stars, ("", kind)]
        position = found.end()
    return tuple(sorted(named.items())) if named else tuple(unnamed)


def _previous_of(entry: PoEntry) -> list[PoString]:
    strings = (entry.msgctxt, entry.msgid, entry.msgid_plural)
    return [PoString(string_.keyword, 0, string_.parts) for string_ in strings if string_]


def untranslated_entry(reference: PoEntry, nplurals: int) -> PoEntry:
    """A template's entry no translation matches: as it is, with the catalog's plural forms."""
    msgstr = reference.msgstr
    if reference.msgid_plural is not None and not any(string_.text for string_ in msgstr):
        msgstr = [PoString(f"msgstr[{index}]", 0, []) for index in range(nplurals)]
    return PoEntry(
        reference.line,
        comments=list(reference.comments),
        msgctxt=reference.msgctxt,
        msgid=reference.msgid,
        msgid_plural=reference.msgid_plural,
        msgstr=msgstr,
    )


def obsoleted_entry(entry: PoEntry) -> PoEntry:
    """An entry the template no longer has, kept as ``#~`` without its ``#.`` and ``#:``."""
    return PoEntry(
        entry.line,
        obsolete=True,
        comments=[comment for comment in entry.comments if comment.kind not in ("#.", "#:")],
        previous=entry.previous,
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural,
        msgstr=entry.msgstr,
    )


def merged_header(header: PoEntry, reference: PoEntry) -> PoEntry:
    """The catalog's header with the template's POT-Creation-Date, all else byte for byte."""
    date = _creation_date(reference.strings[0] if reference.msgstr else "")
    if date is None or not header.msgstr:
        return header
    text = header.strings[0]
    lines = text.split("\n")
    names = [line.lower() for line in lines]
    spelled = len("POT-Creation-Date:")
    for index, name in enumerate(names):
        if name.startswith("pot-creation-date:"):
            lines[index] = lines[index][:spelled] + date
            break
    else:
        after = [i + 1 for i, name in enumerate(names) if name.startswith(_BEFORE_CREATION_DATE)]
        lines.insert(max(after, default=0), "POT-Creation-Date:" + date)
    changed = "\n".join(lines)
    if changed == text:
        return header
    return PoEntry(
        header.line,
        comments=header.comments,
        msgid=header.msgid,
        msgstr=[PoString("msgstr", 0, [escape(changed)])],
    )


def _creation_date(template_header: str) -> str | None:
    """What follows ``POT-Creation-Date:`` in the template's header, as msgmerge finds it."""
    start = template_header.find("POT-Creation-Date:")
    if start < 0:
        return None
    start += len("POT-Creation-Date:")
    end = template_header.find("\n", start)
    return template_header[start:] if end < 0 else template_header[start:end]


# --- Fuzzy matching -----------------------------------------------------------------------


class SimilarFinder:
    """The old translated entry most like a new msgid, as msgmerge's fuzzy index finds it.

    Candidates are the translated entries (active, fuzzy or obsolete) sharing a 4-gram of
    characters with the new msgid, tried by decreasing number of shared 4-grams, then in
    file order; the first of the highest similarity above :data:`FUZZY_THRESHOLD` wins.
    A msgid of fewer than 4 characters is compared with every translated msgid of a byte
    length that could reach the threshold.  Built on the first msgid that needs it.
    """

    def __init__(self, entries: list[PoEntry]) -> None:
        self.entries = [entry for entry in entries if entry.msgstr and entry.msgstr[0].text]
        self._grams: dict[str, list[int]] | None = None
        self._short: dict[int, list[int]] = {}
        self._encoded: list[bytes] = []
        self._sizes: list[int] = []
        self._counts: dict[int, Counter[int]] = {}

    def _index(self) -> dict[str, list[int]]:
        grams: dict[str, list[int]] = {}
        self._encoded = [entry.id.encode("utf-8") for entry in self.entries]
        self._sizes = [len(encoded) for encoded in self._encoded]
        for index, entry in enumerate(self.entries):
            text = entry.id
            for start in range(len(text) - _GRAM + 1):
                listed = grams.setdefault(text[start : start + _GRAM], [])
                if not listed or listed[-1] != index:
                    listed.append(index)
            size = len(self._encoded[index])
            if size <= _SHORT_MSG_MAX:
                self._short.setdefault(size, []).append(index)
        self._grams = grams
        return grams

    def most_similar(self, reference: PoEntry) -> PoEntry | None:
        if not self.entries:
            return None
        grams = self._grams if self._grams is not None else self._index()
        text = reference.id
        wanted = text.encode("utf-8")
        if len(text) >= _GRAM:
            shared: Counter[int] = Counter()
            for start in range(len(text) - _GRAM + 1):
                shared.update(grams.get(text[start : start + _GRAM], ()))
            order = sorted(shared, key=lambda index: (-shared[index], index))
        else:
            lowest = math.ceil(len(wanted) / _LENGTH_RATIO)
            highest = int(len(wanted) * _LENGTH_RATIO)
            order = [i for size in range(lowest, highest + 1) for i in self._short.get(size, ())]
        best, best_weight = None, FUZZY_THRESHOLD
        size, sizes = len(wanted), self._sizes
        counts: Counter[int] | None = None
        for index in order:
            entry = self.entries[index]
            same_context = entry.context is None or entry.context == reference.context
            bonus = _CONTEXT_BONUS if same_context else 0.0
            lower_bound = best_weight - bonus
            # fstrcmp's bounds first, cheapest first: each edit changes the length by one,
            # and one byte's count by one.
            total = size + sizes[index]
            if 2 * min(size, sizes[index]) < lower_bound * total or not total:
                continue
            if counts is None:
                counts = Counter(wanted)
            differ = counts.copy()
            differ.subtract(self._counts_of(index))
            if total - sum(map(abs, differ.values())) < lower_bound * total:
                continue
            weight = 2 * common_subsequence(self._encoded[index], wanted) / total + bonus
            if weight > best_weight:
                best, best_weight = entry, weight
        return best

    def _counts_of(self, index: int) -> Counter[int]:
        counts = self._counts.get(index)
        if counts is None:
            counts = self._counts[index] = Counter(self._encoded[index])
        return counts


def common_subsequence(first: bytes, second: bytes) -> int:
    """The length of the longest common subsequence of two byte strings.

    Bit-parallel (Allison and Dix, 1986; Hyyrö, 2004): one row of the dynamic programme
    is an integer's bits, so a row costs a few operations on Python's big integers
    instead of a loop over ``first``.
    """
    masks: dict[int, int] = {}
    for position, byte in enumerate(first):
        masks[byte] = masks.get(byte, 0) | (1 << position)
    full = (1 << len(first)) - 1
    row = full
    for byte in second:
        matches = row & masks.get(byte, 0)
        row = ((row + matches) | (row - matches)) & full
    return len(first) - row.bit_count()
