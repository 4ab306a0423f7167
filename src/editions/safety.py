"""The rules a translation must obey: it may contain only what its English allows.

A catalog comes from translators we do not control, and Sphinx parses each
msgstr as reStructuredText with the powers of the source (FACTS.md): a msgstr
can define a role that writes raw HTML, include a file of the build machine,
retarget a link or point it at ``javascript:``.  docutils' switches
(``raw_enabled``, ``file_insertion_enabled``) would close these for the whole
project, sources included, so instead each msgstr is compared with its msgid:
every construct the msgstr uses (directive, role that can insert content,
substitution, link target, URL) must already be in the msgid, and no URL may use
a scheme other than http, https or mailto.  HTML typed in a msgstr is not a
construct: Sphinx escapes it.

Constructs are found with docutils' own parser where it decides (links: what
it would turn into a URL), and with small patterns where the parser cannot be
run safely or cheaply (explicit markup, which the parser would execute).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urlsplit

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser, directives, roles, states
from docutils.statemachine import string2lines
from docutils.utils import new_document

UNSAFE_DIRECTIVE = "unsafe-directive"
UNSAFE_ROLE = "unsafe-role"
UNSAFE_SUBSTITUTION = "unsafe-substitution"
UNSAFE_URL_SCHEME = "unsafe-url-scheme"
RETARGETED_URL = "retargeted-url"

# Every rule, for a registry of named checks: name -> what it guards against.
RULES = {
    UNSAFE_DIRECTIVE: "a translation adds a directive (include, raw, role, …) the English lacks",
    UNSAFE_ROLE: "a translation adds a role, or changes what a role points to or inserts",
    UNSAFE_SUBSTITUTION: "a translation uses a substitution the English does not",
    UNSAFE_URL_SCHEME: "a translation links to a scheme other than http, https or mailto",
    RETARGETED_URL: "a translation links somewhere the English does not",
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
# Cheap test for "might contain a link": only then is docutils' parser run.  Every
# reference ends in "_" or "__" before a non-word character (`name`_, name_, [1]_, |s|_,
# embedded <uri> included); a standalone URI or a role has a ":" before a non-space; an
# e-mail address has "@".  A text with none of these gives docutils nothing to link.
_MAY_LINK = re.compile(r"_(?!\w)|:(?=\S)|@")
_EXPLICIT_START = re.compile(r"^([ \t]*)\.\.", re.MULTILINE)
_EXPLICIT_MARKUP = re.compile(r"^[ \t]*\.\.(?:[ \t]+(.*))?$", re.MULTILINE)
_DIRECTIVE = re.compile(r"(?:\|[^|]+\|[ \t]+)?([\w.+:-]+?)[ \t]*::")
_ANONYMOUS_TARGET = re.compile(r"^[ \t]*__[ \t]+\S", re.MULTILINE)
_INLINE_LITERAL = re.compile(r"``.+?``", re.DOTALL)
_ROLE_NAME = r"[A-Za-z0-9]+(?:[-_+:.][A-Za-z0-9]+)*"
_INTERPRETED = re.compile(
    rf"(?::(?P<before>{_ROLE_NAME}):)?`(?P<content>[^`]+)`(?!`)(?P<after>:{_ROLE_NAME}:|__?)?"
)
_EXPLICIT_TITLE = re.compile(r"^(.*?)\s*<([^<>]*)>$", re.DOTALL)
_SUBSTITUTION = re.compile(r"(?<![\w|])\|(?![\s|])([^|]*?)(?<!\s)\|(?:__?)?(?![\w|])")
# A scheme written as text: docutils links some (javascript:, data:), a browser
# or a later tool may link others; any of these is refused where it appears.
_DANGEROUS_TEXT = re.compile(r"(?<![\w:.-])(javascript|vbscript|livescript|data):(?![\s`])", re.I)


@dataclass(frozen=True)
class Constructs:
    """What a piece of reStructuredText uses, as far as safety is concerned."""

    directives: frozenset[str]
    roles: frozenset[tuple[str, str]]  # (role, target or content that must not change)
    role_names: frozenset[str]
    substitutions: frozenset[str]
    urls: frozenset[str]
    refnames: frozenset[str]


def unsafe_findings(
    msgid: str,
    msgstr: str,
    allowed_urls: frozenset[str] = frozenset(),
    english_links: EnglishLinks | None = None,
) -> list[tuple[str, str]]:
    """Why ``msgstr`` may not replace ``msgid``, as (check name, message) pairs; empty if safe.

    ``allowed_urls`` are URLs (or prefixes ending in ``/``) a translation may
    link to although its English does not, from ``[tool.editions] allowed-urls``.
    ``english_links`` keeps the links of the msgids (this process's own by default).
    """
    if not msgstr or msgstr == msgid:
        return []
    translation = constructs(msgstr)
    english = english_constructs(msgid)
    # The English's links matter only against the translation's: looked up only then.
    if translation.urls or translation.refnames:
        urls, refnames = (english_links or _PROCESS_ENGLISH_LINKS).of(msgid)
        english = replace(english, urls=urls, refnames=refnames)
    return [
        *_directive_findings(english, translation),
        *_role_findings(english, translation),
        *_substitution_findings(english, translation),
        *_url_findings(msgid, msgstr, english, translation, allowed_urls),
    ]


@lru_cache(maxsize=65536)
def english_constructs(msgid: str) -> Constructs:
    """The constructs of a msgid but its links, kept: every language has the same msgids."""
    return constructs(msgid, with_links=False)


class EnglishLinks:
    """The links docutils finds in English texts, each text parsed once for every language.

    Every language's catalogs hold the same msgids.  A build compiles each language in a
    process of its own, so the links are kept by a digest of their text, in a form that can
    be saved (lists, for JSON) and read by the next process: measured at 200 articles, a
    language's first compilation went from 3.7 s to 2.5 s once another's links were known.
    """

    def __init__(self, known: Mapping[str, list[list[str]]] | None = None) -> None:
        self.known: dict[str, list[list[str]]] = dict(known or {})
        self.grown = False  # whether a text was parsed here: then there is more to save

    def of(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The URLs and reference names of ``text``."""
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        links = self.known.get(key)
        if links is None:
            urls, refnames = _links_if_any(text)
            links = self.known[key] = [sorted(urls), sorted(refnames)]
            self.grown = True
        return frozenset(links[0]), frozenset(links[1])


_PROCESS_ENGLISH_LINKS = EnglishLinks()


def constructs(text: str, with_links: bool = True) -> Constructs:
    """The constructs of ``text``, as far as safety is concerned.

    Without ``with_links``, its URLs and reference names are left out (not parsed).
    """
    prose = _INLINE_LITERAL.sub(" ", text)
    roles = set(_roles(prose))
    urls, refnames = _links_if_any(text) if with_links else (set(), set())
    return Constructs(
        directives=frozenset(_explicit_markup(text)),
        roles=frozenset(roles),
        role_names=frozenset(name for name, _ in roles),
        substitutions=frozenset(_SUBSTITUTION.findall(prose)),
        urls=frozenset(urls),
        refnames=frozenset(refnames),
    )


def _explicit_markup(text: str) -> Iterator[str]:
    """Names of the explicit markup blocks (``.. name::``, ``.. _target:``, ``__ url``)."""
    for match in _EXPLICIT_MARKUP.finditer(text):
        rest = (match.group(1) or "").strip()
        directive = _DIRECTIVE.match(rest)
        if directive:
            substitution = rest.startswith("|")
            yield f"|substitution| {directive.group(1)}" if substitution else directive.group(1)
        elif rest.startswith("_"):
            yield "_target"
        elif rest.startswith("["):
            yield "[footnote]"
        # anything else is a comment: it never reaches the page
    if _ANONYMOUS_TARGET.search(text):
        yield "_target"


def _roles(prose: str) -> Iterator[tuple[str, str]]:
    for match in _INTERPRETED.finditer(prose):
        after = match.group("after") or ""
        if after.startswith("_"):
            continue  # a hyperlink reference: its target is checked with the URLs
        name = match.group("before") or after.strip(":")
        name = name.lower()
        yield name, "" if name in CONTENT_ROLES else _role_target(match.group("content"))


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
    explicit = _EXPLICIT_TITLE.match(content)
    target = explicit.group(2) if explicit else content
    return " ".join(target.split())


def _links_if_any(text: str) -> tuple[set[str], set[str]]:
    """:func:`_links`, without running the parser on a text that cannot hold one."""
    return _links(text) if _MAY_LINK.search(text) else (set(), set())


def _links(text: str) -> tuple[set[str], set[str]]:
    """URLs and reference names docutils finds in ``text``, parsed without running directives.

    Parsed without transforms: nothing is resolved, included or executed, and
    every reference keeps the name or URL the writer typed.
    """
    document = new_document("<translation>", _safe_settings())
    # Explicit markup is escaped into text, so that no directive runs here: a
    # `.. role::` would otherwise register itself in docutils' global tables,
    # and the Sphinx build that follows in this process would inherit it.
    inert = _EXPLICIT_START.sub(r"\1\\..", text)
    saved = dict(directives._directives), dict(roles._roles)
    try:
        _parser().parse(inert, document)
    except Exception:  # docutils fails on some odd input: treat the text as an unknown link
        return {"<unparsable>"}, set()
    finally:
        directives._directives.clear()
        directives._directives.update(saved[0])
        roles._roles.clear()
        roles._roles.update(saved[1])
    urls, refnames = set(), set()
    for node in document.findall(nodes.Element):
        for attribute in ("refuri", "uri"):
            value = node.get(attribute)
            if isinstance(value, str) and value:
                urls.add(value)
        refname = node.get("refname")
        if isinstance(node, nodes.substitution_reference):
            continue  # checked as a substitution
        if isinstance(refname, str) and refname:
            refnames.add(refname)
    return urls, refnames


class _ReusedParser:
    """docutils' ``Parser.parse``, with one parser and one state machine for every text.

    docutils builds a new state machine (every state and its transitions) for each
    document, which is most of the cost of parsing a short msgstr; the build's
    ``sphinxext/fast_i18n.py`` reuses one the same way.  A run that fails leaves
    the machine mid-way, so it is dropped.
    """

    def __init__(self) -> None:
        self.parser = Parser(inliner=_prepared_inliner())
        self.machine: states.RSTStateMachine | None = None

    def parse(self, text: str, document: nodes.document) -> None:
        self.parser.setup_parse(text, document)
        settings = document.settings
        lines = string2lines(text, tab_width=settings.tab_width, convert_whitespace=True)
        if any(len(line) > settings.line_length_limit for line in lines):
            return  # docutils reports the line and parses nothing
        if self.machine is None:
            self.machine = states.RSTStateMachine(
                state_classes=self.parser.state_classes,
                initial_state=self.parser.initial_state,
                debug=document.reporter.debug_flag,
            )
        try:
            self.machine.run(lines, document, inliner=self.parser.inliner)
        except BaseException:
            self.machine = None
            raise
        finally:
            self.parser.finish_parse()


def _prepared_inliner() -> states.Inliner:
    """An inliner whose patterns are built once, not for every text as docutils does.

    They depend only on the settings, here always :func:`_safe_settings`.  (A
    subclass cannot override ``init_customizations``: it reads the patterns'
    parts from ``vars(self.__class__)``.)
    """
    inliner = states.Inliner()
    inliner.init_customizations(_safe_settings())
    inliner.init_customizations = lambda settings: None  # type: ignore[method-assign]
    return inliner


@lru_cache(maxsize=1)
def _parser() -> _ReusedParser:
    return _ReusedParser()


@lru_cache(maxsize=1)
def _safe_settings() -> object:
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.character_level_inline_markup = False
    return settings


def _directive_findings(english: Constructs, translation: Constructs) -> Iterator[tuple[str, str]]:
    for name in sorted(translation.directives - english.directives):
        if name == "_target":
            yield RETARGETED_URL, "defines a link target the English does not; remove it"
        elif name.startswith("|substitution|"):
            yield (
                UNSAFE_DIRECTIVE,
                "defines a substitution; a translation may not define markup, remove it",
            )
        elif name == "[footnote]":
            yield UNSAFE_DIRECTIVE, "defines a footnote the English does not; remove it"
        else:
            yield (
                UNSAFE_DIRECTIVE,
                f"uses the directive '.. {name}::'; a translation may not use directives "
                "(they can run code or read files), translate only the text",
            )


def _role_findings(english: Constructs, translation: Constructs) -> Iterator[tuple[str, str]]:
    for name, target in sorted(translation.roles - english.roles):
        if name in CONTENT_ROLES or name in reference_roles():
            continue  # text, or a link inside the publication: `editions check` compares them
        label = f":{name}:" if name else "the default role (`text`)"
        if name not in english.role_names:
            yield UNSAFE_ROLE, f"uses {label}, which the English does not; remove it"
        else:
            yield (
                UNSAFE_ROLE,
                f"changes what {label} points to or inserts ({_shorten(target)!r}); "
                "keep the English target",
            )


def _substitution_findings(
    english: Constructs, translation: Constructs
) -> Iterator[tuple[str, str]]:
    for name in sorted(translation.substitutions - english.substitutions):
        yield UNSAFE_SUBSTITUTION, f"uses the substitution |{name}|, which the English does not"


def _url_findings(
    msgid: str,
    msgstr: str,
    english: Constructs,
    translation: Constructs,
    allowed_urls: frozenset[str],
) -> Iterator[tuple[str, str]]:
    reported = set()
    for url in sorted(translation.urls):
        scheme = _scheme(url)
        if scheme and scheme not in SAFE_SCHEMES:
            reported.add(scheme)
            yield (
                UNSAFE_URL_SCHEME,
                f"links to a '{scheme}:' URL; only http, https and mailto links are allowed",
            )
        elif url not in english.urls and not url_allowed(url, allowed_urls):
            yield (
                RETARGETED_URL,
                f"links to {_shorten(url)!r}, which the English does not; keep the English "
                "URL or add it to allowed-urls in [tool.editions]",
            )
    english_text = {match.group(0).lower() for match in _DANGEROUS_TEXT.finditer(msgid)}
    for match in _DANGEROUS_TEXT.finditer(msgstr):
        scheme = match.group(1).lower()
        if scheme not in reported and match.group(0).lower() not in english_text:
            reported.add(scheme)
            yield UNSAFE_URL_SCHEME, f"contains a '{scheme}:' URL; remove it"
    for name in sorted(translation.refnames - english.refnames):
        yield (
            RETARGETED_URL,
            f"links to the target '{_shorten(name)}', which the English does not; "
            "keep the English link",
        )


def _scheme(url: str) -> str:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = "".join(char for char in url if char > " ")
    try:
        return urlsplit(compact).scheme.lower()
    except ValueError:
        return "invalid"


def url_allowed(url: str, allowed_urls: Iterable[str]) -> bool:
    """``allowed-urls`` holds exact URLs, or prefixes when they end with ``/``."""
    return any(
        url == allowed or (allowed.endswith("/") and url.startswith(allowed))
        for allowed in allowed_urls
    )


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
