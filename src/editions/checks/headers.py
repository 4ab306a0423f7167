"""Checks of a catalog's header: the fields gettext needs, and Plural-Forms against the language."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Message, TranslationError
from babel.messages.checkers import python_format
from babel.messages.plurals import get_plural

from editions.checks.pofile import CatalogFile
from editions.checks.registry import catalog_check, message_check
from editions.findings import ERROR, WARNING, Finding

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
# Plural expressions are compared by what they do over this range of counts:
# every rule in CLDR and GNU gettext repeats within 0..200.
_COUNTS = range(201)


@catalog_check("header", "a header entry with a UTF-8 Content-Type")
def check_header(catalog: CatalogFile) -> Iterator[Finding]:
    if catalog.scan.header is None:
        yield Finding(
            catalog.path,
            1,
            "header",
            'no header entry: the file must start with msgid "" and a msgstr of '
            'fields such as "Content-Type: text/plain; charset=UTF-8\\n"',
        )
        return
    fields = header_fields(catalog.scan.header)
    content_type = fields.get("content-type")
    line = catalog.scan.header_line
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
    if catalog.catalog is None:
        return
    fields = header_fields(catalog.scan.header or "")
    declared = fields.get("plural-forms")
    line = catalog.scan.header_line or 1
    plurals = [m for m in catalog.catalog if m.id and m.pluralizable]
    if declared is None:
        if plurals:
            yield catalog.finding(
                plurals[0],
                "plural-forms",
                "a plural entry but no Plural-Forms header: add the one for the language, "
                'such as "Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                ERROR,
            )
        return
    parsed = parse_plural_forms(declared)
    if parsed is None:
        yield Finding(
            catalog.path,
            line,
            "plural-forms",
            f"invalid Plural-Forms {declared!r}: gettext ignores the whole catalog; "
            f"use {expected_plural_forms(catalog.language) or 'nplurals=N; plural=EXPR;'}",
        )
        return
    count, rule = parsed
    yield from _compare_with_language(catalog, line, count, rule)
    for message in plurals:
        forms = catalog.scan.plural_counts.get(message.lineno or 0, count)
        if forms != count:
            yield catalog.finding(
                message,
                "plural-forms",
                f"{forms} plural forms (msgstr[…]) where the header says nplurals={count}",
                ERROR,
            )


@message_check("format", "the same format placeholders (%s, %(name)s) as the msgid, per Babel")
def check_format(catalog: CatalogFile, message: Message) -> Iterator[Finding]:
    if message.lineno not in catalog.scan.python_format:
        return
    try:
        python_format(catalog.catalog, message)
    except TranslationError as error:
        yield catalog.finding(message, "format", f"{error}", ERROR)


def header_fields(header: str) -> dict[str, str]:
    """The header's fields by lowercase name, from its still-escaped msgstr."""
    fields = {}
    for line in header.split("\\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    return fields


def parse_plural_forms(value: str) -> tuple[int, Callable[[int], int]] | None:
    """``(nplurals, rule)`` from a Plural-Forms value, or None if gettext would reject it."""
    match = _PLURAL_FORMS.match(value)
    if match is None:
        return None
    try:
        # The standard library compiles GNU's C expression safely (no eval of names).
        rule = gettext.c2py(match.group(2))
    except (ValueError, SyntaxError, RecursionError):
        return None
    return int(match.group(1)), rule


def expected_plural_forms(language: str | None) -> str | None:
    locale = _locale(language)
    return get_plural(locale).plural_forms if locale else None


def _compare_with_language(
    catalog: CatalogFile, line: int, count: int, rule: Callable[[int], int]
) -> Iterator[Finding]:
    locale = _locale(catalog.language)
    if locale is None:
        return
    expected = get_plural(locale)
    reference = gettext.c2py(expected.plural_expr)
    if count == expected.num_plurals and _same_partition(rule, reference, count):
        return
    yield Finding(
        catalog.path,
        line,
        "plural-forms",
        f"this Plural-Forms does not fit {catalog.language}: "
        f'use "Plural-Forms: {expected.plural_forms}\\n" (from Babel\'s CLDR data)',
    )


def _same_partition(
    rule: Callable[[int], int], reference: Callable[[int], int], count: int
) -> bool:
    """Whether two rules sort counts into the same groups, whatever each group's index.

    GNU gettext and Babel (CLDR) number Arabic's forms 4 and 5 the other way
    round; both group the counts alike, and both are right for their tools.
    """
    forms: dict[int, int] = {}
    for n in _COUNTS:
        ours, theirs = rule(n), reference(n)
        if not 0 <= ours < count or forms.setdefault(theirs, ours) != ours:
            return False
    return len(set(forms.values())) == len(forms)


def _locale(language: str | None) -> Locale | None:
    if not language:
        return None
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
