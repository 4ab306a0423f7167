// Editions: the search page ignores accents (sphinxext/search_accents.py folds the
// index's words; here the query's, the same way: its combining marks dropped, then
// stemmed). Sphinx's language_data.js defines window.Stemmer before this runs.
"use strict";

(() => {
  if (typeof window.Stemmer !== "function") return;
  const LanguageStemmer = window.Stemmer;
  const foldAccents = (word) => word.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
  window.Stemmer = function FoldingStemmer() {
    const stemmer = new LanguageStemmer();
    const stemWord = stemmer.stemWord.bind(stemmer);
    stemmer.stemWord = (word) => stemWord(foldAccents(word));
    return stemmer;
  };
})();
