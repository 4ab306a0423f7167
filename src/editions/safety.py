"""The judge of a translation: it may contain only what its English allows, as docutils reads it.

A catalog comes from translators we do not control, and Sphinx parses each
msgstr as reStructuredText with the powers of the source (FACTS.md): a msgstr
can define a role that writes raw HTML, include a file of the build machine,
retarget a link or point it at ``javascript:``.  docutils' switches
(``raw_enabled``, ``file_insertion_enabled``) would close these for the whole
project, sources included, so instead each msgstr is read as the build reads it
(:mod:`editions.inert_rst`: the same parser, nothing run) and held to an
allowlist on that reading:

- its nodes are a paragraph of text with inline markup (``ALLOWED_KINDS``), and
  docutils reports nothing wrong in it that it does not report in the English;
- every directive, link target and footnote it uses, every URL and reference name it
  links to, every substitution it uses, and every role that is neither prose nor a
  cross-reference inside the publication (with its target), is in its English;
- every URL uses http, https or mailto, and is the English's, the English's page in the
  catalog's language (:func:`is_localised`), or in ``allowed-urls``;
- it is at most ``MAX_CHARACTERS`` long (docutils' inline parsing is quadratic).

HTML typed in a msgstr is not a construct: Sphinx escapes it.  This is the only
place that decides; the build (:mod:`editions.compile`) and ``editions check``
(:mod:`editions.checks.safety_rules`) both ask :func:`judge`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from docutils.nodes import fully_normalize_name

from editions.inert_rst import (
    MAX_CHARACTERS,
    UNREADABLE,
    Reading,
    is_plain,
    read,
    split_title,
    too_large,
)

UNSAFE_DIRECTIVE = "unsafe-directive"
UNSAFE_ROLE = "unsafe-role"
UNSAFE_SUBSTITUTION = "unsafe-substitution"
UNSAFE_URL_SCHEME = "unsafe-url-scheme"
RETARGETED_URL = "retargeted-url"
UNSAFE_MARKUP = "unsafe-markup"

# Every rule, for a registry of named checks: name -> what it guards against.
RULES = {
    UNSAFE_DIRECTIVE: "a translation adds a directive (include, raw, role, …) the English lacks",
    UNSAFE_ROLE: "a translation adds a role, or changes what a role points to or inserts",
    UNSAFE_SUBSTITUTION: "a translation uses a substitution the English does not",
    UNSAFE_URL_SCHEME: "a translation links to a scheme other than http, https or mailto",
    RETARGETED_URL: "a translation links somewhere the English does not",
    UNSAFE_MARKUP: "a translation docutils reads as more than a paragraph (a list, a table, "
    "a block quote…), as broken markup, or too large to read",
}

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Roles whose content is text for the reader, free to translate.  Every other
# role (links, downloads, math, a raw role defined in the source) must keep the
# English target or content exactly.
CONTENT_ROLES = frozenset(
    {
        "",  # the default role, as the source's writer set it
        "emphasis", "strong", "literal", "code", "sub", "subscript", "sup", "superscript",
        "abbr", "acronym", "title-reference", "title", "t", "kbd", "command", "dfn",
        "file", "samp", "program", "guilabel", "menuselection", "mimetype", "regexp",
    }
)  # fmt: skip
# A scheme written as text: docutils links some (javascript:, data:), a browser
# or a later tool may link others; any of these is refused in the words of the page.
_DANGEROUS_TEXT = re.compile(r"(?<![\w:.-])(javascript|vbscript|livescript|data):(?![\s`])", re.I)
# What a kind of node outside the allowlist is, for a message.
_BLOCK_DEFINITIONS = {
    "substitution_definition": (
        UNSAFE_DIRECTIVE,
        "defines a substitution; a translation may not define markup, remove it",
    ),
    "footnote": (UNSAFE_DIRECTIVE, "defines a footnote the English does not; remove it"),
    "citation": (UNSAFE_DIRECTIVE, "defines a citation the English does not; remove it"),
}


def judge(
    english: str | Sequence[str],
    msgstr: str,
    allowed_urls: frozenset[str] = frozenset(),
    english_readings: EnglishReadings | None = None,
    titles: Mapping[str, str] | None = None,
    language: str | None = None,
) -> list[tuple[str, str]]:
    """Why ``msgstr`` may not replace its English, as (check name, message) pairs; empty if safe.

    ``english`` is the msgid, or the msgid and msgid_plural of a plural message (a
    plural form may use what either uses).  ``allowed_urls`` are URLs (or prefixes
    ending in ``/``) a translation may link to although its English does not, from
    ``[tool.editions] allowed-urls``.  ``english_readings`` keeps the readings of the
    English texts (this process's own by default).  ``titles`` are the catalog's
    translated names (:func:`translated_names`); ``language`` is the catalog's, whose
    version of an English page a translation may link to (:func:`is_localised`).
    """
    texts = (english,) if isinstance(english, str) else tuple(english)
    if not msgstr or msgstr in texts:
        return []
    if too_large(msgstr):
        return [
            (
                UNSAFE_MARKUP,
                f"is {len(msgstr):,} characters long, more than the {MAX_CHARACTERS:,} a "
                "translation may be (a paragraph); it is not read: shorten it",
            )
        ]
    if is_plain(msgstr):
        return []  # one paragraph of words: nothing to compare
    translation = read(msgstr)
    readings = english_readings or _PROCESS_ENGLISH_READINGS
    source = _merged([readings.of(text) for text in texts])
    findings = [
        *_structure_findings(source, translation),
        *_directive_findings(source, translation),
        *_role_findings(source, translation),
        *_substitution_findings(source, translation),
        *_url_findings(source, translation, allowed_urls, language),
        *_reference_findings(source, translation, titles or {}),
    ]
    return list(dict.fromkeys(findings))


def translated_names(messages: Iterable[tuple[object, object]]) -> dict[str, str]:
    """Reference name of each English text of a catalog -> that of its translation.

    When Sphinx translates a section title it gives the section the translated name
    beside the English one (``update_title_mapping`` in sphinx/transforms/i18n.py), so
    `Exemples`_ in French reaches the section titled "Examples", translated "Exemples".
    """
    return {
        fully_normalize_name(msgid): fully_normalize_name(msgstr)
        for msgid, msgstr in messages
        if isinstance(msgid, str) and isinstance(msgstr, str) and msgstr and msgid != msgstr
    }


class EnglishReadings:
    """The Readings of English texts, each text parsed once for every language.

    Every language's catalogs hold the same msgids.  A build compiles each language in a
    process of its own, so the Readings are kept by a digest of their text, in a form that
    can be saved (lists, for JSON) and read by the next process: measured at 200 articles, a
    language's first compilation went from 3.7 s to 2.5 s once another's links were known.
    """

    def __init__(
        self, known: Mapping[str, list[list[Any]]] | None = None, saved: bool = True
    ) -> None:
        self.known: dict[str, list[list[Any]]] = dict(known or {})
        self.saved = saved  # kept for the next process (else read()'s own cache serves)
        self.grown = False  # whether a text was parsed here: then there is more to save

    def of(self, text: str) -> Reading:
        """The Reading of ``text``."""
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        saved = self.known.get(key)
        if saved is not None:
            try:
                return Reading.from_json(saved)
            except (ValueError, TypeError):
                pass  # saved by other code: read again
        reading = read(text)
        if self.saved and not is_plain(text):  # a plain text is read as fast as looked up
            self.known[key] = reading.to_json()
            self.grown = True
        return reading

    @staticmethod
    def valid(saved: object) -> bool:
        """Whether ``saved`` (one value of ``known``, read from JSON) is a saved Reading."""
        try:
            Reading.from_json(saved)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            return False
        return True


_PROCESS_ENGLISH_READINGS = EnglishReadings(saved=False)


def _merged(readings: list[Reading]) -> Reading:
    if len(readings) == 1:
        return readings[0]
    return Reading(
        *(tuple(item for reading in readings for item in getattr(reading, field.name))
          for field in fields(Reading))
    )  # fmt: skip


@lru_cache(maxsize=1)
def reference_roles() -> frozenset[str]:
    """Roles that can only point inside the publication (or to a fixed site, like :pep:).

    A translation may add or retarget them without putting anything foreign in
    the page; every other role (``raw``, ``download``, one a writer defined in
    ``rst_prolog``) can insert content or files, so the English must have it.
    """
    from sphinx.domains.c import CDomain
    from sphinx.domains.changeset import ChangeSetDomain
    from sphinx.domains.cpp import CPPDomain
    from sphinx.domains.javascript import JavaScriptDomain
    from sphinx.domains.math import MathDomain
    from sphinx.domains.python import PythonDomain
    from sphinx.domains.rst import ReSTDomain
    from sphinx.domains.std import StandardDomain
    from sphinx.roles import generic_docroles, specific_docroles

    names = set(generic_docroles) | set(specific_docroles) | {"pep", "rfc", "math", "eq"}
    for domain in (
        CDomain,
        ChangeSetDomain,
        CPPDomain,
        JavaScriptDomain,
        MathDomain,
        PythonDomain,
        ReSTDomain,
        StandardDomain,
    ):
        names.update(f"{domain.name}:{role}" for role in domain.roles)
    # The standard and Python domains' roles are also written without a prefix.
    names.update(StandardDomain.roles, PythonDomain.roles)
    return frozenset(names - {"download"})


def _role_target(content: str) -> str:
    """What a role points to: the part in ``<>`` after an explicit title, else all of it."""
    title, target = split_title(content)
    return " ".join((target if target is not None else title).split())


def _structure_findings(english: Reading, translation: Reading) -> Iterator[tuple[str, str]]:
    if UNREADABLE in translation.kinds:
        yield (
            UNSAFE_MARKUP,
            "docutils fails to read it (too deeply nested?); write one paragraph, as the English",
        )
        return
    blocks = [
        kind
        for kind in dict.fromkeys(translation.kinds)
        # The same structure as the English is no change; directives, targets and
        # docutils' problems are judged below.
        if kind not in english.kinds and kind not in ("used_directive", "target", "problematic")
    ]
    for kind in [kind for kind in blocks if kind in _BLOCK_DEFINITIONS]:
        yield _BLOCK_DEFINITIONS[kind]
    for kind in [kind for kind in blocks if kind not in _BLOCK_DEFINITIONS][:1]:  # the outermost
        yield (
            UNSAFE_MARKUP,
            f"docutils reads a {kind.replace('_', ' ')} in it, not one paragraph like the "
            "English (after any line break, U+2028 included, a line that starts with spaces, "
            "'* ', '1. ', '..' or a table border starts a block); Sphinx would drop it",
        )
    known = Counter(english.problems)
    for level, message in translation.problems:
        if known[(level, message)] > 0:
            known[(level, message)] -= 1  # the English has the same: not the translator's
            continue
        yield (
            UNSAFE_MARKUP,
            f"docutils reports {level.lower()} {' '.join(message.split())!r}; "
            "fix the markup as in the English",
        )


def _directive_findings(english: Reading, translation: Reading) -> Iterator[tuple[str, str]]:
    for name, block in dict.fromkeys(translation.directives):
        if (name, block) in english.directives:
            continue  # the very block of the English: the source's writer put it there
        if name.startswith("|"):
            yield _BLOCK_DEFINITIONS["substitution_definition"]
        else:
            yield (
                UNSAFE_DIRECTIVE,
                f"uses the directive '.. {name}::'; a translation may not use directives "
                "(they can run code or read files), translate only the text",
            )
    for name in dict.fromkeys(translation.targets):
        if name not in english.targets:
            yield RETARGETED_URL, "defines a link target the English does not; remove it"


def _role_findings(english: Reading, translation: Reading) -> Iterator[tuple[str, str]]:
    english_roles = {(name, _role_target(content)) for name, content in english.roles}
    english_names = {name for name, _ in english.roles}
    for name, content in dict.fromkeys(translation.roles):
        if name in CONTENT_ROLES or name in reference_roles():
            continue  # text, or a link inside the publication: `editions check` compares them
        target = _role_target(content)
        if (name, target) in english_roles:
            continue
        label = f":{name}:" if name else "the default role (`text`)"
        if name not in english_names:
            yield UNSAFE_ROLE, f"uses {label}, which the English does not; remove it"
        else:
            yield (
                UNSAFE_ROLE,
                f"changes what {label} points to or inserts ({_shorten(target)!r}); "
                "keep the English target",
            )


def _substitution_findings(english: Reading, translation: Reading) -> Iterator[tuple[str, str]]:
    for name in dict.fromkeys(translation.substitutions):
        if name not in english.substitutions:
            yield (
                UNSAFE_SUBSTITUTION,
                f"uses the substitution |{name}|, which the English does not",
            )


def _url_findings(
    english: Reading, translation: Reading, allowed_urls: frozenset[str], language: str | None
) -> Iterator[tuple[str, str]]:
    reported = set()
    for url in dict.fromkeys(translation.urls):
        scheme = _scheme(url)
        if scheme and scheme not in SAFE_SCHEMES:
            reported.add(scheme)
            yield (
                UNSAFE_URL_SCHEME,
                f"links to a '{scheme}:' URL; only http, https and mailto links are allowed",
            )
        elif (
            _comparable(url) not in {_comparable(each) for each in english.urls}
            and not url_allowed(url, allowed_urls)
            and not any(is_localised(url, each, language) for each in english.urls)
        ):
            yield (
                RETARGETED_URL,
                f"links to {_shorten(url)!r}, which the English does not; keep the English "
                "URL or add it to allowed-urls in [tool.editions]",
            )
    # Words that a browser or a later tool might still link (docutils links only some).
    english_text = {
        match.group(0).lower() for text in english.prose for match in _DANGEROUS_TEXT.finditer(text)
    }
    for text in translation.prose:
        for match in _DANGEROUS_TEXT.finditer(text):
            scheme = match.group(1).lower()
            if scheme not in reported and match.group(0).lower() not in english_text:
                reported.add(scheme)
                yield UNSAFE_URL_SCHEME, f"contains a '{scheme}:' URL; remove it"


def _reference_findings(
    english: Reading, translation: Reading, titles: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    for place, name in enumerate(dict.fromkeys(_retargeted_names(english, translation, titles))):
        yield (
            RETARGETED_URL,
            f"links to the target '{_shorten(name)}', which the English does not; keep the "
            f"English link and translate only its text: {_alias_form(english, translation, place)}",
        )
    for reference, count in Counter(translation.footnotes).items():
        if count > english.footnotes.count(reference):
            yield (
                RETARGETED_URL,
                f"refers to {reference} more often than the English; keep the English's "
                "footnotes and citations",
            )
    if len(translation.anonymous) > len(english.anonymous):
        yield (
            RETARGETED_URL,
            f"has {len(translation.anonymous)} anonymous link(s) (`text`__) where the English "
            f"has {len(english.anonymous)}; keep the English's",
        )


def _retargeted_names(
    english: Reading, translation: Reading, titles: Mapping[str, str]
) -> Iterator[str]:
    """The translation's `name`_ references that may not reach the English's targets.

    What Sphinx does (``update_refnamed_references`` in sphinx/transforms/i18n.py): a
    name the document has keeps its target; a name it lacks takes one of the msgid's
    names the translation lost, in the order of a set.  So one lost name is re-pointed
    exactly (`injections SQL`_ for `SQL injection attacks`_); with two or more a link may
    go astray.  The document's names as the catalog shows them: the English's, and the
    sections' translated titles (a section keeps its English name beside its new one).
    """
    renamed = {titles.get(name) for name in english.refnames}  # sections' translated names
    known = {*english.refnames, *titles.values(), *titles.keys()}
    orphans = set(english.refnames) - set(translation.refnames)
    for name in translation.refnames:
        if name in english.refnames or name in renamed:
            continue
        if name in known:
            # Another section or target of the document.  (A label's section linked by its
            # translated title may be the same: the catalog does not say which it labels.)
            yield name
        elif len(orphans) == 1:
            orphans.clear()  # given the one lost name: the English's target
        else:
            yield name


def _alias_form(english: Reading, translation: Reading, place: int = 0) -> str:
    """How to keep a named link's target while translating its text.

    The ``place``-th name the translation lost is taken as the ``place``-th retargeted one's,
    as a translator keeps the English's order: `Voir aussi`_, second, for `hashlib-seealso`_.
    """
    names = [
        target.removesuffix("_")
        for _, target in english.references
        if " ".join(target.removesuffix("_").lower().split()) not in translation.refnames
    ]
    name = names[min(place, len(names) - 1)] if names else "English title"
    return f"`Texto <{name}_>`_"


def _comparable(url: str) -> str:
    """A URL with its scheme and host in lower case: browsers read them so (RFC 3986)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def _scheme(url: str) -> str:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = "".join(char for char in url if char > " ")
    try:
        return urlsplit(compact).scheme.lower()
    except ValueError:
        return "invalid"


# A language tag as sites write it in a path: "fr", "en-us", "fr_FR" (a language and a
# territory; Babel decides whether they are real ones).
_URL_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z]{2})?")
_ENGLISH = "en"


def is_localised(url: str, english_url: str, language: str | None) -> bool:
    """Whether ``url`` is ``english_url`` in the catalog's language: the same page, localised.

    docs.microsoft.com/en-us/… for /fr-fr/…, docs.djangoproject.com/en/… for /fr/…,
    first.en.html for first.fr.html: the same scheme, host (in any case), query and
    fragment, and the same path but for one segment (or one dotted part of one) where the
    English has an English tag and the translation a spelling of the catalog's language
    (fr, fr-fr, fr_FR for fr; not fr-ca).  The host must stay the English's: telling
    en.wikipedia.org (a subdomain) from en.github.io (another owner) needs the public
    suffix list, which no library we use carries.
    """
    wanted = _catalog_language(language)
    if wanted is None:
        return False
    try:
        new, old = urlsplit(url), urlsplit(english_url)
    except ValueError:
        return False
    same_place = (new.scheme.lower(), new.netloc.lower(), new.query, new.fragment) == (
        old.scheme.lower(),
        old.netloc.lower(),
        old.query,
        old.fragment,
    )
    return same_place and _one_tag_swapped(new.path.split("/"), old.path.split("/"), wanted)


def _one_tag_swapped(
    new: list[str], old: list[str], wanted: tuple[str, str | None], within: bool = True
) -> bool:
    """Whether the parts differ in one place only: an English tag there, ``wanted``'s instead."""
    changed = [(part, before) for part, before in zip(new, old, strict=False) if part != before]
    if len(new) != len(old) or len(changed) != 1:
        return False
    [(part, before)] = changed
    english = _url_language(before)
    if english is not None and english[0] == _ENGLISH:
        return _url_language(part) == wanted
    # "first.en.html": the tag is a dotted part of the segment.
    return within and _one_tag_swapped(part.split("."), before.split("."), wanted, within=False)


def _url_language(tag: str) -> tuple[str, str | None] | None:
    if not _URL_LANGUAGE_TAG.fullmatch(tag):
        return None
    return _catalog_language(tag)


@lru_cache(maxsize=256)
def _catalog_language(tag: str | None) -> tuple[str, str | None] | None:
    """A tag's language and territory (the likely one if it names none), as Babel reads it."""
    if not tag:
        return None
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    territory = locale.territory
    if territory is None:
        likely = get_global("likely_subtags").get(locale.language)
        territory = Locale.parse(likely).territory if likely else None
    return locale.language, territory


def url_allowed(url: str, allowed_urls: Iterable[str]) -> bool:
    """``allowed-urls`` holds exact URLs, or prefixes when they end with ``/``."""
    return any(
        url == allowed or (allowed.endswith("/") and url.startswith(allowed))
        for allowed in allowed_urls
    )


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
