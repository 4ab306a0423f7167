"""A mark on each paragraph shown in English, saying why and linking to the English.

Sphinx shows the English of a paragraph whose translation is missing, fuzzy (the
English changed since it was translated: fuzzy entries never reach the ``.mo``)
or withheld by the build as unsafe, and flags the node ``translated=False``
(``translation_progress_classes`` turns the flag into the class
``untranslated``).  Building on that flag:

* when the page is read, each such block gets the source language's ``lang``
  (screen readers switch voices), and those whose translation is fuzzy in the
  page's catalog the class ``editions-changed``;
* when the page is written, each gets a small mark at its start, in the
  edition's language ("Not translated", "Changed since translation"), a link to
  the same paragraph on the English page: its section's ``#id`` (the same in
  every edition, made from the English titles) and a text fragment
  (``:~:text=``), which browsers that know it scroll to and highlight.

The mark is added to the resolved page only, after Sphinx has taken the titles
for the tables of contents and the ``<title>``; it has no text of its own (its
words are attributes), so the titles, the search index and the page's
description read as before; it carries ``no-search`` for the search page's
quotes (see ``editions.js``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import NodeMatcher, extract_messages
from sphinx.writers.html5 import HTML5Translator

from editions.sphinxext.declaration import edition_of, project_of
from editions.sphinxext.notices import (
    NO_SEARCH,
    SHOWN_IN_SOURCE,
    page_catalog,
    page_figures,
    source_name,
    source_page,
)
from editions.words import gettext

CHANGED = "editions-changed"  # the class of a block whose translation is fuzzy
# A text fragment names the paragraph by its first and last words (when it is longer).
FRAGMENT_WORDS = 4


class source_mark(nodes.Inline, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """The mark at the start of a block shown in the source language; no text children."""


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _mark_untranslated)
    app.add_transform(MarkUntranslatedBlocks)
    app.add_css_file("editions-notices.css")  # the notice's too (static/, see switcher.py)
    app.add_node(source_mark, html=(visit_source_mark, None))
    app.connect("doctree-resolved", _add_marks)


def _mark_untranslated(app: Sphinx, config: Config) -> None:
    if not config.translation_progress_classes:
        # Only the untranslated ones: a stylesheet shows them, the rest is the norm.
        config.translation_progress_classes = "untranslated"


class MarkUntranslatedBlocks(SphinxTransform):
    """Give the blocks shown in English the source's ``lang`` and direction; the fuzzy ones a
    class too.

    docutils writes a ``language-xx`` class as ``lang="xx"``.
    """

    default_priority = 960  # after Sphinx's AddTranslationClasses (950)

    def apply(self, **kwargs: Any) -> None:
        project, edition = project_of(self.config), edition_of(self.config)
        if edition == project.source_language:
            return
        source = project.source_language
        # The direction too: an English paragraph on an Arabic page reads left to right.
        classes = [f"language-{source.bcp47}", f"editions-source-{source.direction}"]
        for node in NodeMatcher(nodes.Element, translated=False).findall(self.document):
            node.setdefault("classes", []).extend(classes)
        path = page_catalog(self.config, self.env.docname)
        changed = page_figures(path).changed if path else frozenset()
        if not changed:
            return
        # The msgids as Sphinx's gettext builder extracted them into the catalog.
        for node, message in extract_messages(self.document):
            if node.get("translated") is False and message in changed:
                node["classes"].append(CHANGED)


def marked_blocks(doctree: nodes.document) -> list[nodes.TextElement]:
    """The blocks shown in the source language a reader sees as such: paragraphs, titles,
    terms… (not a code block, whose text a mark would change, nor an invisible target)."""
    return [
        node
        for node in doctree.findall(NodeMatcher(nodes.TextElement, translated=False))
        if not isinstance(node, (nodes.Inline, nodes.Invisible, nodes.FixedTextElement))
    ]


def _add_marks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    project, edition = project_of(app), edition_of(app)
    if edition == project.source_language or app.builder.format != "html":
        return
    blocks = marked_blocks(doctree)
    if not blocks:
        return
    source, english = project.source_language, source_page(app, docname)
    locale = edition.locale
    title = gettext(locale, "Read in %(source)s", source=source_name(app))
    labels = {
        False: gettext(locale, "Not translated"),
        True: gettext(locale, "Changed since translation"),
    }
    for block in blocks:
        href = english.href
        if english.same_page:
            href += "#" + _fragment(block)
        changed = CHANGED in block["classes"]
        mark = source_mark(
            href=href,
            label=labels[changed],
            title=title,
            changed=changed,
            lang=edition.bcp47,
            dir=edition.direction,
            hreflang=source.bcp47,
        )
        mark["classes"].append(NO_SEARCH)
        block.insert(0, mark)
    doctree[SHOWN_IN_SOURCE] = len(blocks)


def _fragment(block: nodes.Element) -> str:
    """The block's place on the source page: its section's id, then, for a paragraph, a
    text fragment (a title is its section's start; its words may be in the sidebar too)."""
    section = block.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    section_id = section["ids"][0] if section is not None and section["ids"] else ""
    if isinstance(block, nodes.title) and block.parent is section:
        return section_id
    words = block.astext().split()
    if len(words) > 2 * FRAGMENT_WORDS:
        start, end = words[:FRAGMENT_WORDS], words[-FRAGMENT_WORDS:]
        text = f"{_fragment_text(start)},{_fragment_text(end)}"
    else:
        text = _fragment_text(words)
    return f"{section_id}:~:text={text}"


def _fragment_text(words: list[str]) -> str:
    # The text directive's own syntax uses "-", "," and "&": each is percent-encoded.
    return quote(" ".join(words), safe="").replace("-", "%2D")


def visit_source_mark(translator: HTML5Translator, node: source_mark) -> None:
    """``<span data-nosnippet><a lang dir href title>label</a></span>``.

    The link carries the edition's language and direction (the block around it is in
    English); the span, in the block's direction, spaces it from the block's text, and
    keeps it out of web search engines' quotes (``data-nosnippet`` counts on a span,
    not on a link).
    """
    kind = "editions-changed-mark" if node["changed"] else "editions-untranslated-mark"
    attribute = translator.attval
    translator.body.append(
        f'<span class="editions-mark {kind} {NO_SEARCH}" data-nosnippet>'
        f'<a href="{attribute(node["href"])}" hreflang="{attribute(node["hreflang"])}"'
        f' lang="{attribute(node["lang"])}" dir="{attribute(node["dir"])}"'
        f' title="{attribute(node["title"])}">{translator.encode(node["label"])}</a></span>'
    )
    raise nodes.SkipNode
