// A meta refresh drops the #fragment; this carries it over so a wiki link to a section of a
// renamed entry still lands on that section. Runs before the refresh, which waits for load.
const target = document.documentElement.dataset.redirect;
if (target) location.replace(target + location.hash);
