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
