// Editions: the language switcher's place-keeping and one-line layout, the reader's choice
// of edition (for the landing page), the search page's quotes without the notices and marks.
// The switcher's links work without this script; it only improves on them.
"use strict";

// Remember the edition a reader picks in the switcher: the landing page reads it.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-edition]");
  if (!link) return;
  try {
    localStorage.setItem("editions.choice", link.dataset.edition);
  } catch (error) {
    // Storage may be disabled (private mode, file://): the link still works.
  }
});

// Keep the reader's place: the same query (a search) and the same #section, whose ids
// are the same in every edition (they come from the English titles).
function keepPlace() {
  document.querySelectorAll(".editions-switcher a[data-same-page]").forEach((link) => {
    if (!link.dataset.page) link.dataset.page = link.getAttribute("href");
    link.setAttribute("href", link.dataset.page + location.search + location.hash);
  });
}

// One line: the editions side by side while they fit, else the "N languages" disclosure.
function fitSwitcher(nav) {
  const menu = nav.querySelector("details");
  const list = nav.querySelector("ul");
  if (!menu || !list || nav.dataset.alwaysCompact) return;
  const wasOpen = nav.classList.contains("editions-compact") && menu.open;
  nav.classList.replace("editions-compact", "editions-inline");
  menu.open = true;
  if (list.scrollWidth > list.clientWidth) {
    nav.classList.replace("editions-inline", "editions-compact");
    menu.open = wasOpen;
  }
}

function setUpSwitcher(nav) {
  const menu = nav.querySelector("details");
  if (!menu) return;
  // Rendered compact (many editions): it stays so, whatever the width.
  if (nav.classList.contains("editions-compact")) nav.dataset.alwaysCompact = "yes";
  fitSwitcher(nav);
  new ResizeObserver(() => fitSwitcher(nav)).observe(nav);
  // A drop-down closes with Escape (focus back on its summary) and on a click elsewhere.
  nav.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !nav.classList.contains("editions-compact") || !menu.open) {
      return;
    }
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  document.addEventListener("click", (event) => {
    if (nav.classList.contains("editions-compact") && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
  // ...and when the keyboard's focus leaves it, so it never covers what Tab reached.
  menu.addEventListener("focusout", (event) => {
    if (nav.classList.contains("editions-compact") && !menu.contains(event.relatedTarget)) {
      menu.open = false;
    }
  });
}

// The translation notice ("Translated 58 % · …") and the marks on the paragraphs shown in
// English are about the page, not in it: they carry Sphinx's class `no-search`, which its
// index skips, but its search page quotes a result from the page's HTML, these included.
// Sphinx offers no setting for what it leaves out of that quote, so its reader of a page
// is wrapped.
function leaveNoticesOutOfSearchQuotes() {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(".no-search").forEach((element) => element.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };
}

// Right to left, the next page is on the left: the arrow keys (Sphinx's
// navigation_with_keys) follow the reading direction. Listened to before Sphinx's own
// listener, which reads them left to right, and instead of it.
function arrowsFollowTheReadingDirection() {
  if (document.documentElement.dir !== "rtl") return;
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const options = typeof DOCUMENTATION_OPTIONS === "undefined" ? {} : DOCUMENTATION_OPTIONS;
      if (!options.NAVIGATION_WITH_KEYS) return;
      if (["TEXTAREA", "INPUT", "SELECT", "BUTTON"].includes(document.activeElement.tagName)) {
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.stopImmediatePropagation();
      const rel = event.key === "ArrowLeft" ? "next" : "prev";
      const link = document.querySelector(`link[rel="${rel}"]`);
      if (link && link.href) {
        event.preventDefault();
        window.location.href = link.href;
      }
    },
    true,
  );
}

// furo's drawer buttons (the menu and the contents, on a narrow screen) are labels of
// hidden checkboxes: a mouse opens them, the keyboard cannot reach them. Here they are
// buttons a Tab reaches, Enter or Space presses, Escape closes; a closed drawer is out of
// the Tab order (editions.css), and following a link of the contents closes it.
function drawersWorkWithTheKeyboard() {
  document.querySelectorAll("input.sidebar-toggle").forEach((toggle) => {
    const buttons = document.querySelectorAll(`label[for="${toggle.id}"]:not(.overlay)`);
    const show = () => buttons.forEach((b) => b.setAttribute("aria-expanded", toggle.checked));
    buttons.forEach((button) => {
      button.setAttribute("role", "button");
      button.setAttribute("tabindex", "0");
      // The hidden checkbox carries the name (translated, see furo_words.py).
      button.setAttribute("aria-label", toggle.getAttribute("aria-label") || "");
      button.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        button.click();
      });
    });
    toggle.addEventListener("change", show);
    show();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    document.querySelectorAll("input.sidebar-toggle:checked").forEach((toggle) => {
      toggle.click();
      const button = document.querySelector(`label[for="${toggle.id}"]:not(.overlay)`);
      if (button && button.offsetParent !== null) button.focus();
    });
  });
  const contents = document.getElementById("__toc");
  document.querySelectorAll(".toc-drawer a").forEach((link) => {
    link.addEventListener("click", () => {
      if (contents && contents.checked) contents.click();
    });
  });
}

arrowsFollowTheReadingDirection();

document.addEventListener("DOMContentLoaded", () => {
  keepPlace();
  window.addEventListener("hashchange", keepPlace);
  document.querySelectorAll(".editions-switcher").forEach(setUpSwitcher);
  leaveNoticesOutOfSearchQuotes();
  drawersWorkWithTheKeyboard();
});
