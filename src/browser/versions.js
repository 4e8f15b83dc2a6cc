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
  // The other link to an entry: pinned to a release, or today's. Copy controls need script.
  var announce = document.getElementById('kb-announce');
  for (const button of document.querySelectorAll('button[data-copy-version]')) {
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.dataset.copyVersion).then(
        function () { if (announce) announce.textContent = 'Link copied'; button.setAttribute('data-copied', 'ok'); },
        function () { if (announce) announce.textContent = 'Could not copy: your browser refused access to the clipboard'; button.setAttribute('data-copied', 'error'); },
      );
      setTimeout(function () { button.removeAttribute('data-copied'); }, 2000);
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
