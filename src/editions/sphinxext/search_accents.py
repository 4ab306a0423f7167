"""Search that ignores accents ("Etat" finds "État", "Paris" finds "París") and finds a
newspaper's words that Snowball lists as stop words ("Estado").

Sphinx's index holds each word's stem as written, and its search page stems the
query the same way, so a reader must type every accent the translation has.
Readers of a newspaper do not (and phone keyboards make it slow).  Both sides
here fold each word (the marks that decomposition sets apart are dropped) before
the language's stemmer reads it: the index in Python, through the edition's own
search language (Sphinx's ``add_search_language``), the query in
``editions-search.js``.  Folding after stemming would not do: Spanish's stemmer
cuts "parís" to "par" but leaves "paris" whole.

Snowball's stop words, which Sphinx leaves out of the index and out of queries
(``language_data.js``), hold a newspaper's words among the function words:
Spanish "estado" (state), "estados".  Only the short ones (articles, prepositions,
pronouns) stay stop words.
"""

from __future__ import annotations

import unicodedata
from importlib import import_module

from sphinx.application import Sphinx
from sphinx.search import SearchEnglish, SearchLanguage, languages

STATIC_SCRIPT = "editions-search.js"
LONGEST_STOP_WORD = 4


def setup(app: Sphinx) -> None:
    app.add_js_file(STATIC_SCRIPT, loading_method="defer")
    app.connect("builder-inited", _register_the_editions_search_language)


def fold_accents(word: str) -> str:
    """``word`` without its combining marks: "état" → "etat", "ḥaraka" → "haraka"."""
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", kept)


def _register_the_editions_search_language(app: Sphinx) -> None:
    code = app.config.html_search_language or app.config.language
    stock = _stock_language(code)
    if getattr(stock, "folds_accents", False):  # registered by an earlier build here
        return

    class EditionsSearchLanguage(stock):  # type: ignore[valid-type,misc]
        lang = code
        folds_accents = True
        stopwords = frozenset(word for word in stock.stopwords if len(word) <= LONGEST_STOP_WORD)

        def stem(self, word: str) -> str:
            return str(super().stem(fold_accents(word)))

    app.add_search_language(EditionsSearchLanguage)


def _stock_language(code: str) -> type[SearchLanguage]:
    """The search language Sphinx would use for ``code`` (``IndexBuilder``'s lookup)."""
    found = languages.get(code)
    if found is None and "_" in code:
        found = languages.get(code.partition("_")[0])
    if found is None:
        return SearchEnglish
    if isinstance(found, str):
        module, name = found.rsplit(".", 1)
        language: type[SearchLanguage] = getattr(import_module(module), name)
        return language
    return found
