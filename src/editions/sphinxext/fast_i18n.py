"""Cheaper translation of documents, with the very HTML stock Sphinx writes.

Sphinx's ``Locale`` transform parses every msgstr as a small reStructuredText document, most of
them twice (a first pass keeps only titles, a second parses again), and builds a new docutils
state machine for each parse: 15 states compiling their transitions, more than half of the cost.
``FastLocale`` is the stock transform with three changes in how a msgstr is parsed, none in what
the parse produces:

* a parse whose result the first pass did not use is handed to the second pass instead of parsing
  the same text again (unless the parse had side effects a second parse would repeat);
* the state machine is built once per document and reused, as docutils itself reuses the state
  machines of nested parses (``RSTState.nested_sm_cache``); so is the inliner, whose patterns
  docutils compiles again for every parse although the settings are the document's for all;
* a msgstr of one line of plain words (about half of them in a newspaper) is made into the
  paragraph docutils would make, without running the parser at all.

and two in how a translation is put in place, none in what it changes:

* the five updates of references (footnotes, named references, citations, cross-references)
  each walk the original node and its translation looking for their kind of node; they are
  skipped when one walk finds no node of that kind in either (then each would find nothing,
  warn of nothing and change nothing);
* a translated section title renames the targets that referred to it by its old name, looking
  for them through the whole document, once per title: they are looked for among the document's
  targets only, listed once per document (and listed again when a translation brings targets
  in or takes them out).

Besides, the cyclic garbage collector is held back while a document translates (see
``_no_cyclic_collection``): the many small documents of the msgstrs made it run twice as often.

``editions_fast_i18n = False`` restores the stock transform; tests/test_fast_i18n.py builds a
markup-rich publication both ways and compares every page byte for byte.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import docutils.utils
import sphinx
from docutils import nodes
from docutils.parsers.rst import states
from docutils.statemachine import StringList, string2lines
from sphinx import addnodes
from sphinx.parsers import RSTParser
from sphinx.transforms import i18n
from sphinx.util import get_filetype, logging
from sphinx.util.docutils import LoggingReporter

if TYPE_CHECKING:
    from docutils.frontend import Values
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.registry import SphinxComponentRegistry

_Key = tuple[str, str, int | None]
logger = logging.getLogger(__name__)


def setup(app: Sphinx) -> None:
    app.add_config_value("editions_fast_i18n", True, "env", bool)
    app.connect("config-inited", _choose_locale_transform)


def _choose_locale_transform(app: Sphinx, config: Config) -> None:
    """Put ``FastLocale`` in the stock transform's place, unless switched off or unsure."""
    if not config.editions_fast_i18n:
        return
    missing = _missing_stock_parts()
    if missing:
        logger.warning(
            "editions_fast_i18n: this Sphinx (%s) lacks %s; the stock (slower) translation "
            "is used. Update Editions, or set editions_fast_i18n = False to silence this.",
            sphinx.__version__,
            ", ".join(missing),
            type="editions",
            subtype="fast_i18n",
        )
        return
    transforms = app.registry.transforms
    transforms[:] = [FastLocale if t is i18n.Locale else t for t in transforms]


def _missing_stock_parts() -> list[str]:
    """What ``FastLocale`` replaces or overrides in ``sphinx.transforms.i18n`` and is not there.

    ``FastLocale`` swaps two of the module's private names (it offers no hook); a Sphinx that
    renamed them would silently run the stock code half-patched.
    """
    missing = [name for name in ("_publish_msgstr", "_NodeUpdater") if not hasattr(i18n, name)]
    updater = getattr(i18n, "_NodeUpdater", None)
    if updater is not None:
        missing += [
            f"_NodeUpdater.{name}"
            for name in vars(_FastNodeUpdater)
            if name.startswith("update_") and not hasattr(updater, name)
        ]
    return missing


class FastLocale(i18n.Locale):
    """Sphinx's ``Locale`` transform, parsing each msgstr once with a reused state machine."""

    def apply(self, **kwargs: Any) -> None:
        # Locale.apply calls the module's _publish_msgstr directly and offers no hook: swap it
        # in for the time of this document only.
        # The same for the _NodeUpdater class it instantiates for each translated node.
        stock, stock_updater = i18n._publish_msgstr, i18n._NodeUpdater
        i18n._publish_msgstr = _MsgstrPublisher(self.env)  # type: ignore[assignment]
        i18n._NodeUpdater = _updater_class(self.document)  # type: ignore[misc]
        try:
            with _no_cyclic_collection():
                super().apply(**kwargs)
        finally:
            i18n._publish_msgstr, i18n._NodeUpdater = stock, stock_updater  # type: ignore[misc]


@contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """Hold the cyclic garbage collector back while one document translates.

    Each msgstr is parsed into a document of its own, a web of parent and child references that
    only the cyclic collector frees; about as many container objects are made as by the parse of
    the page itself, and those kept for the second pass live long enough to be promoted, so the
    collector runs twice as often during the read and makes full collections that walk the whole
    environment (measured: a third of the translated build's extra time at N = 50). What a
    document's translation leaves behind is collected by the collector's next run, once it is
    enabled again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _MsgstrPublisher:
    """Stands in for ``sphinx.transforms.i18n._publish_msgstr`` while one document translates."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self.unused: dict[_Key, nodes.Element] = {}
        self.machine: states.RSTStateMachine | None = None
        self.inliner: states.Inliner | None = None

    def __call__(
        self,
        source: str,
        source_path: str,
        source_line: int,
        *,
        config: Config,
        env: BuildEnvironment,
        registry: SphinxComponentRegistry,
        settings: Values,
    ) -> nodes.Element:
        key = (source, source_path, source_line)
        kept = self.unused.pop(key, None)
        if kept is not None and _untouched(kept):
            return kept
        serials = dict(self.env.current_document._serial_numbers)
        patch = self._parse(source, source_path, source_line, config, registry, settings)
        # A parse that drew serial numbers (an :index: role...) must run again, as in stock
        # Sphinx, so that the ids of what follows stay the same; so must one with directives.
        if serials == self.env.current_document._serial_numbers and not _has_directive(source):
            self.unused[key] = patch
        return patch

    def _parse(
        self,
        source: str,
        source_path: str,
        source_line: int,
        config: Config,
        registry: SphinxComponentRegistry,
        settings: Values,
    ) -> nodes.Element:
        """The body of Sphinx's ``_publish_msgstr``, with the reused state machine."""
        filetype = get_filetype(config.source_suffix, source_path)
        document = docutils.utils.new_document(
            f"{source_path}:{source_line}:<translated>", settings
        )
        document.reporter = LoggingReporter.from_reporter(document.reporter)
        rst_prolog = config.rst_prolog
        config.rst_prolog = None  # type: ignore[attr-defined]
        try:
            parser = registry.create_source_parser(filetype, config=config, env=self.env)
            if type(parser) is RSTParser and _is_plain(source, config, settings):
                document += _plain_paragraph(source, document)
            elif type(parser) is RSTParser:
                self._parse_rst(parser, source, document)
            else:
                parser.parse(source, document)
            document.current_source = document.current_line = None
        finally:
            config.rst_prolog = rst_prolog  # type: ignore[attr-defined]
        try:
            return document[0]  # type: ignore[return-value]
        except IndexError:
            return document

    def _parse_rst(self, parser: RSTParser, text: str, document: nodes.document) -> None:
        """``RSTParser.parse``, except that the state machine is built once, not per msgstr."""
        parser.setup_parse(text, document)  # type: ignore[arg-type]
        if self.machine is None:
            self.machine = states.RSTStateMachine(
                state_classes=parser.state_classes,
                initial_state=parser.initial_state,
                debug=document.reporter.debug_flag,
            )
        lines = string2lines(text, tab_width=document.settings.tab_width, convert_whitespace=True)
        content = StringList(lines, document.current_source)
        parser.decorate(content)
        try:
            self.machine.run(content, document, inliner=parser.inliner or self._inliner(document))
        except BaseException:
            self.machine = None  # left mid-run: never reuse it
            raise
        parser.finish_parse()

    def _inliner(self, document: nodes.document) -> states.Inliner:
        if self.inliner is None:
            self.inliner = _customized_inliner(document.settings)
        return self.inliner


def _customized_inliner(settings: Values) -> states.Inliner:
    """An ``Inliner`` with its patterns compiled for ``settings``, once and for all.

    ``RSTStateMachine.run`` customizes its inliner on every run (a new ``Inliner`` each time when
    the parser has none, as Sphinx's has not); every msgstr of a document is parsed with the
    document's settings, so the patterns compiled for the first msgstr are those of all. (Not a
    subclass: ``init_customizations`` reads the patterns' parts from the class's own ``vars``.)
    """
    inliner = states.Inliner()
    inliner.init_customizations(settings)
    inliner.init_customizations = _already_customized  # type: ignore[method-assign]
    return inliner


def _already_customized(settings: Values) -> None:
    return None


def _is_plain(text: str, config: Config, settings: Values) -> bool:
    """Whether docutils would parse ``text`` into one paragraph holding ``text`` as it is.

    True only for one line of letters, digits, spaces and punctuation that is never markup (no
    ``*`_|[]\\:@<>``, so no inline markup, role, reference, URI or e-mail address), beginning
    with a letter, a digit or an opening mark (``¿ « "``) and not with an enumerator (``1.``,
    ``a)``, ``IV.``), so no list, block quote, comment or directive; while the project's
    ``rst_epilog``, parsed after each msgstr, holds only substitution definitions, whose parse
    changes nothing outside its own document.
    """
    return (
        0 < len(text) == len(text.strip())
        and (text[0].isalnum() or text[0] in _OPENING_PUNCTUATION)
        and _NOT_PLAIN.search(text) is None
        and _ENUMERATOR.match(text) is None
        and not getattr(settings, "pep_references", None)
        and not getattr(settings, "rfc_references", None)
        and _inert_epilog(config.rst_epilog)
    )


def _inert_epilog(epilog: str | None) -> bool:
    if not epilog:
        return True
    lines = [line for line in epilog.splitlines() if line.strip()]
    return "`" not in epilog and all(line.startswith((".. |", " ")) for line in lines)


def _plain_paragraph(text: str, document: nodes.document) -> nodes.paragraph:
    """The paragraph docutils makes of a plain line (``Body.paragraph``), without the parser."""
    paragraph = nodes.paragraph(text, "", nodes.Text(text))
    paragraph.source, paragraph.line = document.current_source, 1
    return paragraph


# None of these begins a list, a block quote, a table or explicit markup.
_OPENING_PUNCTUATION = frozenset("¿¡«“„‘\"'")
_PLAIN_PUNCTUATION = frozenset(" ,.;!?'\"()-–—«»“”‘’„¿¡%€$£&/+=")
# Any character but a letter or digit (``str.isalnum``: ``\w`` but ``_``) and the punctuation above.
_NOT_PLAIN = re.compile(f"[^\\w{re.escape(''.join(sorted(_PLAIN_PUNCTUATION)))}]|_")
_ENUMERATOR = re.compile(r"(\d+|[A-Za-z]|[IVXLCDMivxlcdm]+)[.)](\s|$)")


def _untouched(patch: nodes.Element) -> bool:
    """Whether a parse result is still as parsed: the first pass moves a title's children out."""
    return all(child.parent is patch for child in patch.children)


def _has_directive(source: str) -> bool:
    """Directives in a msgstr may change the reader's state: such a msgstr is parsed each time."""
    return _EXPLICIT_MARKUP.search(source) is not None


_EXPLICIT_MARKUP = re.compile(r"^\s*\.\.(\s|$)", re.MULTILINE)


def _updater_class(document: nodes.document) -> type[i18n._NodeUpdater]:
    """A ``_NodeUpdater`` for the nodes of ``document``, sharing one list of its targets."""
    targets = _Targets(document)

    class Updater(_FastNodeUpdater):
        document_targets = targets

    return Updater


class _FastNodeUpdater(i18n._NodeUpdater):
    """Sphinx's ``_NodeUpdater``, skipping the searches that cannot find anything."""

    document_targets: _Targets
    classes: set[type[nodes.Node]] | None = None

    def update_title_mapping(self) -> bool:
        document = self.document
        self.document = self.document_targets.stand_in()  # type: ignore[assignment]
        try:
            return super().update_title_mapping()
        finally:
            self.document = document

    def update_autofootnote_references(self) -> None:
        if self._holds(nodes.footnote_reference):
            super().update_autofootnote_references()

    def update_refnamed_references(self) -> None:
        if self._holds(nodes.reference):
            super().update_refnamed_references()

    def update_refnamed_footnote_references(self) -> None:
        if self._holds(nodes.footnote_reference):
            super().update_refnamed_footnote_references()

    def update_citation_references(self) -> None:
        if self._holds(nodes.citation_reference):
            super().update_citation_references()

    def update_pending_xrefs(self) -> None:
        if self._holds(addnodes.pending_xref):
            super().update_pending_xrefs()

    def update_leaves(self) -> None:
        if self._holds(nodes.target):
            self.document_targets.forget()
        super().update_leaves()

    def _holds(self, kind: type[nodes.Node]) -> bool:
        """Whether the original node or its translation holds a node of this kind (or did)."""
        if self.classes is None:
            # The updates only ever remove nodes or change attributes: the classes found before
            # any of them ran are a superset of those any later search finds.
            self.classes = _classes_within(self.node, self.patch)
        return any(issubclass(found, kind) for found in self.classes)


def _classes_within(*roots: nodes.Node) -> set[type[nodes.Node]]:
    """The classes of the nodes under ``roots`` (included); faster than ``Node.findall``."""
    found: set[type[nodes.Node]] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        found.add(type(node))
        stack.extend(node.children)
    return found


class _Targets:
    """The target nodes of one document, listed on first need and again after a change."""

    def __init__(self, document: nodes.document) -> None:
        self.document = document
        self.listed: list[nodes.target] | None = None

    def forget(self) -> None:
        self.listed = None

    def stand_in(self) -> _DocumentWithListedTargets:
        if self.listed is None:
            self.listed = list(self.document.findall(nodes.target))
        return _DocumentWithListedTargets(self.document, self.listed)


class _DocumentWithListedTargets:
    """The document as ``update_title_mapping`` uses it, but searching only its targets.

    The stock method looks for ``NodeMatcher(nodes.target, refname=...)`` through the whole
    document; every other attribute (``nameids``, ``ids``, ``note_implicit_target``...) is the
    document's own.
    """

    def __init__(self, document: nodes.document, targets: list[nodes.target]) -> None:
        self._document = document
        self._targets = targets

    def findall(self, condition: Callable[[nodes.Node], bool]) -> Iterator[nodes.Node]:
        return (target for target in self._targets if condition(target))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)
