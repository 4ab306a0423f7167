"""A msgstr read the way Sphinx reads it, with nothing able to run: what docutils makes of it.

Sphinx parses each msgstr as its own small reStructuredText document
(``sphinx/transforms/i18n.py``, ``_publish_msgstr``): docutils' state machine,
lines split by ``str.splitlines()`` (so ``\\r``, U+000B, U+000C, U+001C-U+001E,
U+0085, U+2028 and U+2029 all end a line), docutils' Inliner.  The same
machinery reads the text here, with two changes, because two things run code
while docutils parses (FACTS.md): a *directive* runs when it is read
(``include`` reads its file, ``role`` changes the role registry) and an
*interpreted text role* calls its role function (``:download:`` copies a file).
Here a directive becomes a :class:`used_directive` node that names it, its
block never read, and a role a :class:`used_role` node that records its name and
text, its function never called.  Nothing is looked up in docutils' registries,
so nothing of this process changes (Sphinx's build may run in it next).

What the tree holds is summed up as a :class:`Reading`: the judge
(:mod:`editions.safety`) and the checks (:mod:`editions.checks.rst`) compare
the Reading of a msgstr with that of its msgid.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser, states
from docutils.statemachine import string2lines

# A msgstr is one paragraph of a page, and docutils' inline parsing of a paragraph grows
# with the square of its length when start-strings find no end: measured here, "*a " repeated
# takes 1.8 s at 10,000 characters, 37 s at 50,000, 92 s at 100,000, 368 s at 200,000 (a
# 1 MB msgstr of inline markup took 30 s to build, 10 MB over 10 minutes).  A text above
# this size is refused unread.  The longest text of python-docs-fr (56,069 entries, 82,325
# distinct texts) has 7,452 characters.
MAX_CHARACTERS = 10_000
# docutils refuses a line above its line_length_limit (10,000 by default) before parsing;
# gettext's paragraphs are one line, so the same bound holds for the English, parsed too.
LINE_LENGTH_LIMIT = MAX_CHARACTERS
# Sphinx appends this to a msgstr that ends with "::" before parsing it (i18n.py), so
# that docutils finds the literal block the "::" announces.
_DUMMY_LITERAL = "\n\n   dummy literal"
# Node kinds a translation may hold: a paragraph of text with inline markup.  Links,
# roles and references are allowed as kinds, then compared with the English's.
ALLOWED_KINDS = frozenset(
    {
        "document",
        "paragraph",
        "Text",
        "emphasis",
        "strong",
        "literal",
        "reference",
        "target",  # inline only: `text <uri>`_ makes one; a block-level one is refused
        "footnote_reference",
        "citation_reference",
        "substitution_reference",
        "used_role",
    }
)
# The kind of a text docutils fails on: refused whatever the English is.
UNREADABLE = "unreadable"
# docutils' levels: INFO (1) is an observation, WARNING (2) and up a text it misread.
WARNING_LEVEL = 2


class used_directive(nodes.Inline, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """A directive the text uses, left unrun: ``directive`` is its name.

    Inline, so that docutils keeps it in a substitution definition (`.. |x| raw::`).
    """


class used_role(nodes.Inline, nodes.TextElement):  # noqa: N801
    """Interpreted text, its role function not called: ``role`` (lower case) and ``content``."""


@dataclass(frozen=True)
class Reading:
    """What docutils makes of one text, as far as judging and comparing translations goes.

    Every field is a tuple of strings or of string pairs, in the order of the text,
    so that a Reading can be kept as JSON.
    """

    kinds: tuple[str, ...]  # node kinds outside ALLOWED_KINDS (block-level target: "target")
    directives: tuple[tuple[str, str], ...]  # (name, its whole block)
    roles: tuple[tuple[str, str], ...]  # (role name, content as typed, unescaped)
    urls: tuple[str, ...]  # every refuri: embedded, standalone, e-mail, target
    refnames: tuple[str, ...]  # names of named references `x`_ and x_
    references: tuple[tuple[str, str], ...]  # ("phrase" | "alias" | "name", name or target)
    anonymous: tuple[str, ...]  # anonymous references `x`__, by title
    footnotes: tuple[str, ...]  # footnote and citation references as typed: "[1]_"
    substitutions: tuple[str, ...]  # substitution references by name
    targets: tuple[str, ...]  # link targets defined: inline _`x`, .. _x:, __ url
    literals: tuple[str, ...]  # ``literal`` contents, spacing normalised
    problems: tuple[tuple[str, str], ...]  # (level name, message) of WARNING and above
    prose: tuple[str, ...]  # the words a reader sees, markup and code left out

    def to_json(self) -> list[list[Any]]:
        return [[list(item) if isinstance(item, tuple) else item for item in value]
                for value in (getattr(self, field.name) for field in fields(self))]  # fmt: skip

    @classmethod
    def from_json(cls, data: list[list[Any]]) -> Reading:
        """The Reading :meth:`to_json` wrote; ValueError (or TypeError) if it is not one."""
        if len(data) != len(fields(cls)):
            raise ValueError("not a Reading")
        values = [
            tuple(tuple(item) if isinstance(item, list) else str(item) for item in value)
            for value in data
        ]
        return cls(*values)  # type: ignore[arg-type]


def too_large(text: str) -> bool:
    """Whether ``text`` is refused unread (see MAX_CHARACTERS)."""
    return len(text) > MAX_CHARACTERS


@lru_cache(maxsize=65536)
def read(text: str) -> Reading:
    """What docutils makes of ``text`` as Sphinx parses a msgstr, nothing run.

    A text :func:`is_plain` is read without the parser: the answer is the same
    (``tests/test_judge.py`` compares both on every text of a real corpus).
    """
    if is_plain(text):
        return _plain_reading(text)
    try:
        return _reading_of(parse(text))
    except Exception:  # docutils fails on some input (RecursionError at 200 nested lists)
        return _UNREADABLE_READING


def parse(text: str) -> nodes.document:
    """The document docutils makes of ``text``, with directives and roles inert."""
    if text.strip().endswith("::"):
        text += _DUMMY_LITERAL
    document = utils.new_document("<translation>", _settings())
    _parser().parse(text, document)
    return document


# Characters that start or end no docutils construct inside a line: letters, digits,
# spaces and the punctuation below.  Left out: ` * _ | [ ] < > @ \ (inline markup,
# references, embedded URIs, e-mail addresses, escapes), and : unless a space follows
# it (roles, field lists, standalone URIs, "::").  A line break ends the "plain" too:
# two lines can make a title, a definition list or a block quote.
_PLAIN = re.compile(r"(?:[^\W_]|[ ,;.!?'\"()/%&+=~^$#{}-]|:(?= )|:\Z)*")
# A plain text must also not begin a block: an enumerator ("1.", "a)", "iv.", "(b)"),
# a bullet, an option ("-v", "/V"), a line block ("| ") or a transition are all
# ruled out by starting with a letter or digit whose first word holds no "." or ")".
_FIRST_WORD = re.compile(r"[^\W_][^ ]*")


def is_plain(text: str) -> bool:
    """Whether docutils can make nothing of ``text`` but one paragraph of that very text."""
    if not text or len(text) > LINE_LENGTH_LIMIT or not text[0].isalnum() or text != text.strip():
        return False
    first = _FIRST_WORD.match(text)
    if first is None or "." in first.group(0) or ")" in first.group(0):
        return False
    return _PLAIN.fullmatch(text) is not None and text.isprintable() and "  " not in text


def _plain_reading(text: str) -> Reading:
    return Reading((), (), (), (), (), (), (), (), (), (), (), (), (text,))


_UNREADABLE_READING = Reading((UNREADABLE,), (), (), (), (), (), (), (), (), (), (), (), ())


_READING_FIELDS = tuple(field.name for field in fields(Reading))
# Kinds of node _collect finds nothing in (allowed, no name, no target), unless one links.
_NOTHING_TO_COLLECT = frozenset({nodes.document, nodes.paragraph, nodes.emphasis, nodes.strong})


# The walks below are a loop and plain recursion, not nested generators: reading the
# 64,557 texts of python-docs-fr that are not plain walks 1.5 million nodes.
def _reading_of(document: nodes.document) -> Reading:
    collected: dict[str, list[Any]] = {name: [] for name in _READING_FIELDS}
    waiting: list[nodes.Node] = [document]  # every node of the tree, in order
    while waiting:
        node = waiting.pop()
        if isinstance(node, nodes.Text):  # most nodes: allowed, and words only
            continue
        if type(node) not in _NOTHING_TO_COLLECT or node.get("refuri"):
            _collect(node, collected)
        if not isinstance(node, nodes.system_message):  # not what a message quotes
            waiting.extend(reversed(node.children))
    _prose(document, collected["prose"])
    return Reading(*(tuple(values) for values in collected.values()))


def _collect(node: nodes.Node, into: dict[str, list[Any]]) -> None:
    kind = type(node).__name__
    if isinstance(node, nodes.system_message):
        if node["level"] >= WARNING_LEVEL:
            into["problems"].append((node["type"], node.children[0].astext()))
        return
    if isinstance(node, nodes.literal_block) and node.astext() == "dummy literal":
        return  # Sphinx's own, after a "::"
    if kind not in ALLOWED_KINDS or (
        isinstance(node, nodes.target) and not isinstance(node.parent, nodes.TextElement)
    ):
        into["kinds"].append(kind)
    if not isinstance(node, nodes.Element):
        return
    if isinstance(node, used_directive):
        into["directives"].append((node["directive"], node.rawsource))
    elif isinstance(node, used_role):
        into["roles"].append((node["role"], node["content"]))
    elif isinstance(node, nodes.literal):
        into["literals"].append(" ".join(node.astext().split()))
    elif isinstance(node, (nodes.footnote_reference, nodes.citation_reference)):
        into["footnotes"].append(node.rawsource)
    elif isinstance(node, nodes.substitution_reference):
        into["substitutions"].append(node.astext())
    elif isinstance(node, nodes.reference):
        _collect_reference(node, into)
    if isinstance(node, nodes.target):
        inline = isinstance(node.parent, nodes.TextElement)
        # `text <uri>`_ and `text <name_>`_ name their own link inline: not a new target.
        if not inline or not (node.get("refuri") or node.get("refname")):
            into["targets"].extend(node["names"] or ["__"])  # an inline _`x` or a block one
    uri = node.get("refuri")
    if isinstance(uri, str) and uri and not isinstance(node, nodes.reference):
        into["urls"].append(uri)


_EMBEDDED_ALIAS = re.compile(r"<([^<>]+_)>`__?\Z", re.DOTALL)


def _collect_reference(node: nodes.reference, into: dict[str, list[Any]]) -> None:
    if "refuri" in node:
        into["urls"].append(node["refuri"])
    elif node.get("anonymous"):
        into["anonymous"].append(" ".join(node.astext().split()))
    elif "refname" in node:
        into["refnames"].append(node["refname"])
        alias = _EMBEDDED_ALIAS.search(node.rawsource)
        if alias:
            into["references"].append(("alias", " ".join(alias.group(1).split())))
        elif node.rawsource.startswith("`"):
            into["references"].append(("phrase", " ".join(node.astext().split())))
        else:
            into["references"].append(("name", node.rawsource))


# Roles whose content a reader sees as prose (its words are spelled, its text translated).
PROSE_ROLES = frozenset(
    {"", "abbr", "dfn", "emphasis", "strong", "sub", "sup", "subscript", "superscript",
     "title-reference", "title", "t", "guilabel", "menuselection", "kbd"}
)  # fmt: skip


_NO_PROSE = (
    nodes.literal, nodes.system_message, nodes.footnote_reference, nodes.citation_reference,
    nodes.substitution_reference, used_directive, nodes.comment, nodes.literal_block,
)  # fmt: skip


def _prose(node: nodes.Node, into: list[str]) -> None:
    """The words a reader sees: text, titles of links and prose roles; no code, no URL."""
    if isinstance(node, nodes.Text):
        into.append(node.astext())
        return
    if isinstance(node, _NO_PROSE):
        return
    if isinstance(node, nodes.reference) and node.astext() == node.get("refuri", "").removeprefix(
        "mailto:"
    ):
        return  # a standalone URL or address: not words
    if isinstance(node, used_role):
        if node["role"] in PROSE_ROLES:
            into.append(split_title(node["content"])[0])
        return
    for child in node.children:
        _prose(child, into)


_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*(?<!\x00)<(.*?)>$", re.DOTALL)


def split_title(content: str) -> tuple[str, str | None]:
    """``title <target>`` -> (title, target); a content without one -> (content, None)."""
    match = _EXPLICIT_TITLE.match(content)
    return (match.group(1), match.group(2)) if match else (content, None)


# --- the parser: docutils' own states, with directives and roles inert ---------------------


def _directive_used(
    self: states.Body, match: re.Match[str], **option_presets: Any
) -> tuple[list[nodes.Node], bool]:
    """docutils' ``Body.directive`` without the lookup and the run: the block is only kept."""
    machine = self.state_machine
    first = machine.line_offset
    _, _, _, blank_finish = machine.get_first_known_indented(match.end(), strip_top=0)
    block = "\n".join(machine.input_lines[first : machine.line_offset + 1])
    name = match.group(1).lower()
    if "alt" in option_presets:  # the directive of a substitution definition, `.. |x| name::`
        name = f"|{option_presets['alt']}| {name}"
    node = used_directive(block, directive=name)
    return [node], blank_finish or machine.is_next_line_blank()


# Body tries its explicit constructs (footnote, citation, target, substitution, directive)
# through this table of plain functions, so overriding the method is not enough.
_EXPLICIT = copy.copy(states.Body.explicit)
_EXPLICIT.constructs = [
    (_directive_used if method is states.Body.directive else method, pattern)
    for method, pattern in states.Body.explicit.constructs
]


class _Inert:
    """Mixed into each of docutils' states: directives inert, nested parses inert too."""

    # docutils keeps finished nested state machines for reuse in one list shared by every
    # state class; ours must never serve, or be served by, a real parse.
    nested_sm_cache: list[Any] = []
    explicit = _EXPLICIT
    directive = _directive_used

    def __init__(self, state_machine: Any, debug: bool = False) -> None:
        super().__init__(state_machine, debug)  # type: ignore[call-arg]
        self.nested_sm_kwargs = {"state_classes": INERT_STATE_CLASSES, "initial_state": "Body"}


INERT_STATE_CLASSES: tuple[type, ...] = tuple(
    type(state.__name__, (_Inert, state), {}) for state in states.state_classes
)


def _role_used(
    rawsource: str, text: str, role: str, lineno: int
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """docutils' ``Inliner.interpreted`` without the lookup and the call: a :class:`used_role`."""
    content = utils.unescape(text)
    return [used_role(rawsource, content, role=role.lower(), content=content)], []


class _InertParser:
    """One state machine for every text: docutils builds a new one (every state) per document,
    most of the cost of parsing a short text; the build's ``sphinxext/fast_i18n.py`` reuses
    one the same way.  A run that fails leaves the machine mid-way, so it is dropped.
    """

    def __init__(self) -> None:
        # (An Inliner subclass cannot be made: docutils reads its patterns' parts from
        # ``vars(self.__class__)``.  The instance's methods are replaced instead.)
        self.inliner = states.Inliner()
        self.inliner.interpreted = _role_used  # type: ignore[method-assign]
        self.inliner.init_customizations(_settings())
        # Its patterns depend only on the settings, always _settings(): built once.
        self.inliner.init_customizations = lambda settings: None  # type: ignore[method-assign]
        self.machine: states.RSTStateMachine | None = None

    def parse(self, text: str, document: nodes.document) -> None:
        lines = string2lines(text, tab_width=8, convert_whitespace=True)
        for number, line in enumerate(lines, 1):
            if len(line) > LINE_LENGTH_LIMIT:
                document += document.reporter.error(
                    f"Line {number} exceeds the line-length-limit ({LINE_LENGTH_LIMIT})."
                )
                return
        if self.machine is None:
            self.machine = states.RSTStateMachine(
                state_classes=INERT_STATE_CLASSES, initial_state="Body"
            )
        try:
            self.machine.run(lines, document, inliner=self.inliner)
        except BaseException:
            self.machine = None
            raise


@lru_cache(maxsize=1)
def _parser() -> _InertParser:
    return _InertParser()


@lru_cache(maxsize=1)
def _settings() -> Any:
    settings = get_default_settings(Parser)
    settings.report_level = 5  # the messages are read from the tree, never printed
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.line_length_limit = LINE_LENGTH_LIMIT
    # Never used (no directive runs): closed all the same, should one ever run.
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    return settings
