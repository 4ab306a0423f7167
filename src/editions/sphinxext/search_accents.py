"""Search that ignores accents: "Etat" finds "État", "Paris" finds "París".

Sphinx's index holds each word's stem as written, and its search page stems the
query the same way, so a reader must type every accent the translation has.
Readers of a newspaper do not (and phone keyboards make it slow).  Both sides
here fold each word (the marks that decomposition sets apart are dropped) before
the language's stemmer reads it: the index in Python, the query in
``editions-search.js``.  Folding after stemming would not do: Spanish's stemmer
cuts "parís" to "par" but leaves "paris" whole.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx

STATIC_SCRIPT = "editions-search.js"


def setup(app: Sphinx) -> None:
    app.add_js_file(STATIC_SCRIPT, loading_method="defer")
    # Before fast_search's handler (priority 500), which keeps the folded stems.
    app.connect("doctree-resolved", _fold_the_index, priority=400)


def fold_accents(word: str) -> str:
    """``word`` without its combining marks: "état" → "etat", "ḥaraka" → "haraka"."""
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", kept)


def folded(stem: Callable[[str], str]) -> Callable[[str], str]:
    def folded_stem(word: str) -> str:
        return stem(fold_accents(word))

    folded_stem.folds_accents = True  # type: ignore[attr-defined]
    return folded_stem


def _fold_the_index(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    # The indexer is made when writing starts, before the first page is resolved.
    language = getattr(getattr(app.builder, "indexer", None), "lang", None)
    if language is None or getattr(language.stem, "folds_accents", False):
        return
    language.stem = folded(language.stem)
