// Editions: the search page ignores accents (sphinxext/search_accents.py folds the
// index's words; here the query's, the same way: its combining marks dropped, then
// stemmed). Sphinx's language_data.js defines window.Stemmer before this runs.
"use strict";

// search_accents.fold_accents, for the query.
const foldAccents = (word) => word.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");

(() => {
  if (typeof window.Stemmer !== "function") return;
  const LanguageStemmer = window.Stemmer;
  window.Stemmer = function FoldingStemmer() {
    const stemmer = new LanguageStemmer();
    const stemWord = stemmer.stemWord.bind(stemmer);
    stemmer.stemWord = (word) => stemWord(foldAccents(word));
    return stemmer;
  };
})();

// The quote under each result: Sphinx looks for the query's stems in the page's text as
// written, so "etat" (or the stem of "révolution") found no place in "État" and the quote
// fell back to the page's start. The stems are given, to Sphinx, in the page's spelling.
(() => {
  if (typeof Search === "undefined" || typeof Search.makeSearchSummary !== "function") return;
  const makeSearchSummary = Search.makeSearchSummary;
  // Each character folded to as many code units as it has ("É" to "e"), so that a place
  // in the folded text is the same place in the text.
  const foldChar = (char) => {
    const folded = foldAccents(char).toLowerCase();
    if (folded.length === char.length) return folded;
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  };
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    const folded = Array.from(text, foldChar).join("");
    const inPage = [...keywords].map((keyword) => {
      const at = folded.indexOf(keyword);
      return at < 0 ? keyword : text.substr(at, keyword.length);
    });
    return makeSearchSummary(htmlText, new Set(inPage), anchor);
  };
})();
