// Editions: remember the edition a reader picks in the switcher, for the landing page.
// The switcher's links work without this script; the landing page reads the choice.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-edition]");
  if (!link) return;
  try {
    localStorage.setItem("editions.choice", link.dataset.edition);
  } catch (error) {
    // Storage may be disabled (private mode, file://): the link still works.
  }
});

// The translation notices ("This page is 58% translated…") are about the page, not in
// it: Sphinx's index never sees them (they are added after the page is read), but its
// search page quotes a result from the page's HTML, notices included. Sphinx offers no
// setting for what it leaves out of that quote, so its reader of a page is wrapped.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(".editions-notice").forEach((notice) => notice.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };
});
