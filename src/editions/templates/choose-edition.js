// The reader's edition: the one they chose before (remembered by the switcher and the
// landing page's links), else the best match for the browser's languages, else null.
var EDITIONS_KEY = "editions.choice";

function rememberEdition(tag) {
  try { localStorage.setItem(EDITIONS_KEY, tag); } catch (error) { /* storage disabled */ }
}

function chosenEdition(tags) {
  var choice = null;
  try { choice = localStorage.getItem(EDITIONS_KEY); } catch (error) { /* storage disabled */ }
  if (tags.indexOf(choice) >= 0) return choice;
  // The exact tag first (es-mx), then the same primary language (es-MX -> es, pt-PT -> pt-br).
  var preferences = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < preferences.length; i++) {
    var wanted = String(preferences[i]).toLowerCase();
    if (tags.indexOf(wanted) >= 0) return wanted;
    var primary = wanted.split("-")[0];
    for (var j = 0; j < tags.length; j++) {
      if (tags[j].split("-")[0] === primary) return tags[j];
    }
  }
  return null;
}
