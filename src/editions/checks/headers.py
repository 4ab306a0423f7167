"""Checks of a catalog's header: the fields gettext needs, and Plural-Forms against the language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.catalog import TranslationError
from babel.messages.checkers import python_format

from editions import plurals
from editions.babel_adapter import message_of
from editions.catalogs import THEME_DOMAIN
from editions.checks.pofile import CatalogFile
from editions.checks.registry import catalog_check, message_check
from editions.findings import ERROR, WARNING, Finding
from editions.pofile import PoEntry

_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)


@catalog_check("header", "a header entry with a UTF-8 Content-Type")
def check_header(catalog: CatalogFile) -> Iterator[Finding]:
    if catalog.po is None:
        return  # not read: the syntax finding says why
    header = catalog.po.header
    if header is None:
        yield Finding(
            catalog.path,
            1,
            "header",
            'no header entry: the file must start with msgid "" and a msgstr of '
            'fields such as "Content-Type: text/plain; charset=UTF-8\\n"',
        )
        return
    line = header.line
    if catalog.unreadable_header is not None:
        # The build writes the compiled catalog with Babel, which reads the header's fields.
        yield Finding(
            catalog.path,
            line or 1,
            "header",
            f"the header cannot be read ({catalog.unreadable_header}); fix its Content-Type "
            "charset or Plural-Forms, or copy the header of another catalog",
        )
    fields = header_fields(_written(header))
    content_type = fields.get("content-type")
    if content_type is None:
        yield Finding(
            catalog.path,
            line,
            "header",
            'no Content-Type field: add "Content-Type: text/plain; charset=UTF-8\\n"',
            WARNING,
        )
        return
    charset = _CHARSET.search(content_type)
    if charset is None or charset.group(1).lower().replace("_", "-") not in {"utf-8", "utf8"}:
        found = charset.group(1) if charset else "none"
        yield Finding(
            catalog.path,
            line,
            "header",
            f"the charset is {found}: catalogs are read as UTF-8; "
            'write "Content-Type: text/plain; charset=UTF-8\\n" and save the file as UTF-8',
        )


@catalog_check("plural-forms", "a Plural-Forms header that matches the language (Babel, CLDR)")
def check_plural_forms(catalog: CatalogFile) -> Iterator[Finding]:
    if catalog.po is None or catalog.unreadable_header is not None:
        return  # the syntax or header finding says why
    header = catalog.po.header
    declared = header_fields(_written(header) if header else "").get("plural-forms")
    line = header.line if header else 1
    plural_entries = [entry for entry in catalog.messages if entry.msgid_plural is not None]
    if declared is None:
        if plural_entries:
            yield catalog.finding(
                plural_entries[0],
                "plural-forms",
                "a plural entry but no Plural-Forms header: add the one for the language, "
                'such as "Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                ERROR,
            )
        return
    rule = plurals.parse(declared)
    if rule is None:
        yield Finding(
            catalog.path,
            line,
            "plural-forms",
            f"invalid Plural-Forms {declared!r}: gettext ignores the whole catalog; "
            f"use {_rule_for(catalog.language) or 'nplurals=N; plural=EXPR;'}",
        )
        return
    yield from _compare_with_language(catalog, line, rule)
    for entry in plural_entries:
        forms = len(entry.msgstr)
        if forms != rule.count:
            yield catalog.finding(
                entry,
                "plural-forms",
                f"{forms} plural forms (msgstr[…]) where the header says nplurals={rule.count}",
                ERROR,
            )


@message_check("format", "the theme's placeholders (%s, %(name)s) kept, per Babel")
def check_format(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    # Only the theme's words are %-formatted (by Sphinx's templates).  Sphinx never formats
    # the text of a document, so a python-format flag there (a guess of xgettext's or
    # Babel's on a '%' in prose) is no reason to stop or warn about anything.
    if catalog.path.stem != THEME_DOMAIN or "python-format" not in entry.flags:
        return
    # Babel's checker compares the placeholders as Python's % reads them; it takes a Babel
    # message, made only for these few flagged entries of the theme's catalog.
    try:
        python_format(None, message_of(entry))
    except TranslationError as error:
        yield catalog.finding(entry, "format", f"{error}", ERROR)


def _written(header: PoEntry) -> str:
    """The header's msgstr as written, its escapes not resolved."""
    return "".join(header.msgstr[0].parts) if header.msgstr else ""


def header_fields(header: str) -> dict[str, str]:
    """The header's fields by lowercase name, from its still-escaped msgstr."""
    fields = {}
    for line in header.split("\\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    return fields


def _compare_with_language(
    catalog: CatalogFile, line: int, rule: plurals.PluralRule
) -> Iterator[Finding]:
    language = catalog.language
    if not language or plurals.fits(rule, language):
        return
    accepted = " or ".join(
        f'"Plural-Forms: {text}\\n"' for text in plurals.accepted_rules(language)
    )
    yield Finding(
        catalog.path,
        line,
        "plural-forms",
        f"this Plural-Forms does not fit {language}: use {accepted} "
        "(GNU gettext's rule, as msginit writes it, or CLDR's)",
    )


def _rule_for(language: str | None) -> str | None:
    return plurals.rule_for_new_catalog(language) if language else None
