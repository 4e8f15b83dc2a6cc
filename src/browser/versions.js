// Versioned sites only: VersionBar.astro links this file (a plain file, not bundled, so a site
// without versions ships exactly the scripts it had). Switching version keeps the section being
// read, through the heading renames between the two versions; a page reached because the one
// the reader came from is missing in this version says so.
(function () {
  for (const link of document.querySelectorAll('a[data-keep-anchor]')) {
    link.addEventListener('click', function () {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!id) return;
      var renames = link.dataset.anchors ? JSON.parse(link.dataset.anchors) : {};
      link.hash = '#' + encodeURIComponent(renames[id] || id);
    });
  }
  var note = document.querySelector('[data-version-note]');
  var query = new URLSearchParams(location.search);
  var missing = query.get('missing');
  var from = query.get('from');
  if (note && missing && from) {
    note.textContent = '“' + missing + '” is not in ' + note.dataset.version + ', so this is the nearest page (you came from ' + from + ').';
    note.hidden = false;
  }
})();
