"""Cheaper translation of documents, with the very HTML stock Sphinx writes.

Sphinx's ``Locale`` transform parses every msgstr as a small reStructuredText document, most of
them twice (a first pass keeps only titles, a second parses again), and builds a new docutils
state machine for each parse: 15 states compiling their transitions, more than half of the cost.
``FastLocale`` is the stock transform with three changes in how a msgstr is parsed, none in what
the parse produces:

* a parse whose result the first pass did not use is handed to the second pass instead of parsing
  the same text again (unless the parse had side effects a second parse would repeat);
* the state machine is built once per document and reused, as docutils itself reuses the state
  machines of nested parses (``RSTState.nested_sm_cache``);
* a msgstr of one line of plain words (about half of them in a newspaper) is made into the
  paragraph docutils would make, without running the parser at all.

``editions_fast_i18n = False`` restores the stock transform; tests/test_fast_i18n.py builds a
markup-rich publication both ways and compares every page byte for byte.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import docutils.utils
from docutils import nodes
from docutils.parsers.rst import states
from docutils.statemachine import StringList, string2lines
from sphinx.parsers import RSTParser
from sphinx.transforms import i18n
from sphinx.util import get_filetype
from sphinx.util.docutils import LoggingReporter

if TYPE_CHECKING:
    from docutils.frontend import Values
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.registry import SphinxComponentRegistry

_Key = tuple[str, str, int | None]


def setup(app: Sphinx) -> None:
    app.add_config_value("editions_fast_i18n", True, "env", bool)
    app.connect("config-inited", _choose_locale_transform)


def _choose_locale_transform(app: Sphinx, config: Config) -> None:
    """Put ``FastLocale`` in the stock transform's place, unless switched off."""
    if not config.editions_fast_i18n:
        return
    transforms = app.registry.transforms
    transforms[:] = [FastLocale if t is i18n.Locale else t for t in transforms]


class FastLocale(i18n.Locale):
    """Sphinx's ``Locale`` transform, parsing each msgstr once with a reused state machine."""

    def apply(self, **kwargs: Any) -> None:
        # Locale.apply calls the module's _publish_msgstr directly and offers no hook: swap it
        # in for the time of this document only.
        stock = i18n._publish_msgstr
        i18n._publish_msgstr = _MsgstrPublisher(self.env)  # type: ignore[assignment]
        try:
            super().apply(**kwargs)
        finally:
            i18n._publish_msgstr = stock


class _MsgstrPublisher:
    """Stands in for ``sphinx.transforms.i18n._publish_msgstr`` while one document translates."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self.unused: dict[_Key, nodes.Element] = {}
        self.machine: states.RSTStateMachine | None = None

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
            self.machine.run(content, document, inliner=parser.inliner)
        except BaseException:
            self.machine = None  # left mid-run: never reuse it
            raise
        parser.finish_parse()


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
        and all(char.isalnum() or char in _PLAIN_PUNCTUATION for char in text)
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
_ENUMERATOR = re.compile(r"(\d+|[A-Za-z]|[IVXLCDMivxlcdm]+)[.)](\s|$)")


def _untouched(patch: nodes.Element) -> bool:
    """Whether a parse result is still as parsed: the first pass moves a title's children out."""
    return all(child.parent is patch for child in patch.children)


def _has_directive(source: str) -> bool:
    """Directives in a msgstr may change the reader's state: such a msgstr is parsed each time."""
    return _EXPLICIT_MARKUP.search(source) is not None


_EXPLICIT_MARKUP = re.compile(r"^\s*\.\.(\s|$)", re.MULTILINE)
