"""The adapter between the one catalog model (:mod:`editions.pofile`) and Babel's ``Catalog``.

Reading, checking (:mod:`editions.checks`), merging (:mod:`editions.merge`) and writing go
through :mod:`editions.pofile` and :func:`editions.formatting.render_po`.  Babel is kept
for what it writes and computes, not for reading: the build converts each catalog the gate
judged to write its ``.mo`` (``write_mo``) and the JavaScript catalog
(:mod:`editions.compile`), then writes the filtered catalog back as a .po;
:mod:`editions.words` counts words of a Babel catalog; and the ``format`` check runs
Babel's ``python_format`` checker on the few entries flagged python-format.  This module
converts both ways, and nothing else.

Going back, an entry left as it was is written from the entry that was read: Babel
forgets ``#| msgctxt``, ``#~|``, unknown flags and the order and spelling of header
fields.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from editions.pofile import Comment, PoEntry, PoFile, PoString, escape, parse_flags

# Babel adds these to any message whose msgid contains "%" or "{"; written only
# when the file itself had them (a guess would make msgfmt check prose as a format).
_GUESSED_FLAGS = frozenset(("python-format", "python-brace-format"))


_SOURCES: weakref.WeakKeyDictionary[Catalog, PoFile] = weakref.WeakKeyDictionary()


def to_babel(po: PoFile, locale: str | None = None) -> Catalog:
    """A Babel catalog of ``po``'s messages (raises ValueError/LookupError on a bad header)."""
    catalog = _with_header(po, locale)
    header = po.header
    for entry in po.entries:
        if entry is header or not (entry.id or entry.obsolete):
            # An empty msgid with a msgctxt is no message: Babel would read its msgstr as
            # the header's fields.
            continue
        message = message_of(entry)
        if entry.obsolete:
            catalog.obsolete[_key(message)] = message
        else:
            catalog[message.id] = message
    _SOURCES[catalog] = po
    return catalog


def header_error(po: PoFile) -> str | None:
    """Why Babel cannot read ``po``'s header (a Plural-Forms or date it cannot parse), or None.

    The build converts each catalog it compiles with :func:`to_babel`: the gate refuses a
    catalog whose header Babel would refuse then.
    """
    try:
        _with_header(po)
    except (LookupError, ValueError) as error:
        return str(error)
    return None


def _with_header(po: PoFile, locale: str | None = None) -> Catalog:
    """An empty Babel catalog with ``po``'s header (Babel reads its fields as it is set)."""
    catalog = Catalog(locale=locale, charset=po.charset, fuzzy=False)
    header = po.header
    if header is not None:
        catalog[""] = Message(
            "",
            header.strings[0] if header.msgstr else "",
            user_comments=header.comments_of("#"),
            flags=["fuzzy"] if header.fuzzy else [],
        )
    return catalog


def message_of(entry: PoEntry) -> Message:
    """The Babel message of one entry."""
    msgid: str | tuple[str, str] = entry.id
    strings: str | tuple[str, ...] = entry.strings[0] if entry.strings else ""
    if entry.msgid_plural is not None:
        msgid = (entry.id, entry.msgid_plural.text)
        strings = tuple(entry.strings)
    previous = [entry.previous_text(keyword) for keyword in ("msgid", "msgid_plural")]
    message = Message(
        msgid,  # type: ignore[arg-type]
        strings,  # type: ignore[arg-type]
        locations=[_location(reference) for reference in entry.references],  # type: ignore[misc]
        flags=entry.flags,
        auto_comments=entry.comments_of("#."),
        user_comments=entry.comments_of("#"),
        previous_id=[text for text in previous if text is not None],
        lineno=entry.msgid.line if entry.msgid else entry.line,
        context=entry.context,
    )
    message.flags -= _GUESSED_FLAGS - set(entry.flags)
    return message


def _key(message: Message) -> str | tuple[str, str]:
    english = message.id if isinstance(message.id, str) else message.id[0]
    return (english, message.context) if message.context else english  # as Babel keys


def _location(reference: str) -> tuple[str, int | None]:
    name, colon, line = reference.rpartition(":")
    if colon and line.isdigit():
        return name.strip("\u2068\u2069"), int(line)
    return reference.strip("\u2068\u2069"), None


def from_babel(catalog: Catalog) -> PoFile:
    """The model of a Babel catalog, reusing each entry read that is unchanged."""
    source = _SOURCES.get(catalog)
    originals: dict[tuple[str | None, str], PoEntry] = {}
    if source is not None:
        originals = {(entry.context, entry.id): entry for entry in source.entries if entry.msgid}
    entries = [_header(catalog, source)]
    for message in catalog:
        if message.id:
            entries.append(_entry(message, catalog, originals, obsolete=False))
    for message in catalog.obsolete.values():
        entries.append(_entry(message, catalog, originals, obsolete=True))
    charset = source.charset if source is not None else "utf-8"
    return PoFile(source.path if source else Path("new.po"), entries, charset)


def _header(catalog: Catalog, source: PoFile | None) -> PoEntry:
    header = source.header if source is not None else None
    if header is not None:
        return header  # nothing changes a header on its way through Babel
    first = next(iter(catalog))  # Babel's header message, from its fields
    comments = [
        Comment("#", 0, line[1:] if line.startswith("#") else f" {line}")
        for line in (catalog.header_comment or "").splitlines()
    ]
    if catalog.fuzzy:
        comments.append(Comment("#,", 0, " fuzzy"))
    return PoEntry(
        0,
        comments=comments,
        msgid=PoString("msgid", 0, [""]),
        msgstr=[PoString("msgstr", 0, [escape(str(first.string))])],
    )


def _entry(
    message: Message,
    catalog: Catalog,
    originals: dict[tuple[str | None, str], PoEntry],
    obsolete: bool,
) -> PoEntry:
    english = message.id if isinstance(message.id, str) else message.id[0]
    original = originals.get((message.context, english))
    flags = sorted(message.flags - _GUESSED_FLAGS)
    if original is not None:
        flags += [flag for flag in original.flags if flag in _GUESSED_FLAGS]
    entry = PoEntry(0, obsolete=obsolete)
    entry.comments = [Comment("#", 0, f" {text}" if text else "") for text in message.user_comments]
    entry.comments += [Comment("#.", 0, f" {text}") for text in message.auto_comments]
    references = [
        f"{name}:{line}" if line is not None else name for name, line in message.locations
    ]
    if references:
        entry.comments.append(Comment("#:", 0, " " + " ".join(_isolated(r) for r in references)))
    if flags:
        entry.comments.append(Comment("#,", 0, " " + ", ".join(flags)))
    previous = list(message.previous_id or ())
    for keyword, text in zip(("msgid", "msgid_plural"), previous, strict=False):
        entry.previous.append(PoString(keyword, 0, [escape(text)]))
    if original is not None and _previous_texts(original) == previous:
        entry.previous = original.previous  # with its "#| msgctxt", which Babel forgets
    if message.context:
        entry.msgctxt = PoString("msgctxt", 0, [escape(message.context)])
    entry.msgid = PoString("msgid", 0, [escape(english)])
    if isinstance(message.id, (list, tuple)):
        entry.msgid_plural = PoString("msgid_plural", 0, [escape(message.id[1])])
        strings = message.string if isinstance(message.string, (list, tuple)) else ()
        entry.msgstr = [
            PoString(
                f"msgstr[{index}]", 0, [escape(strings[index] if index < len(strings) else "")]
            )
            for index in range(max(catalog.num_plurals, len(strings)))
        ]
    else:
        entry.msgstr = [PoString("msgstr", 0, [escape(str(message.string or ""))])]
    if original is not None and _essence(original) == _essence(entry):
        return original
    return entry


def _previous_texts(entry: PoEntry) -> list[str]:
    texts = [entry.previous_text(keyword) for keyword in ("msgid", "msgid_plural")]
    return [text for text in texts if text is not None]


def _isolated(reference: str) -> str:
    name, colon, line = reference.rpartition(":")
    if not colon:
        name, line = reference, ""
    if " " in name or "\t" in name:
        name = f"\u2068{name}\u2069"
    return f"{name}:{line}" if line else name


def _essence(entry: PoEntry) -> tuple[object, ...]:
    """What of an entry msgcat writes, to tell whether the merge changed it."""
    flags = parse_flags(comment.text for comment in entry.comments if comment.kind == "#,")
    return (
        entry.obsolete,
        entry.context,
        entry.id,
        entry.msgid_plural.text if entry.msgid_plural else None,
        entry.strings,
        "fuzzy" in flags,
        sorted(set(flags)),
        entry.references,
        entry.comments_of("#"),
        entry.comments_of("#."),
        [(string_.keyword, string_.text) for string_ in entry.previous],
    )
