/**
 * The page's only script: the chronology annex filter (free text and channel), and the opening for print of the
 * comparisons folded away on screen (`details.aside`: the stylesheet opens them in print where the browser
 * supports `::details-content`, Chromium; this does it in the others, and folds them again after). It is a fixed
 * string, allowed by its SHA-256 in the Content-Security-Policy, and it only reads the page and toggles the
 * `hidden` attribute of rows and the `open` attribute of those folds: it builds no markup (no innerHTML),
 * evaluates nothing and opens no connection. The controls are hidden until it runs, so a page opened with
 * scripts off shows every row and no dead controls.
 */
export const FILTER_SCRIPT = `(function () {
  'use strict';
  if (window.addEventListener && document.querySelectorAll) {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      var folds = document.querySelectorAll('details.aside:not([open])');
      for (var i = 0; i < folds.length; i++) { folds[i].open = true; opened.push(folds[i]); }
    });
    window.addEventListener('afterprint', function () {
      while (opened.length) opened.pop().open = false;
    });
  }
  var table = document.getElementById('annex-table');
  var box = document.getElementById('annex-filter');
  if (!table || !box) return;
  var query = document.getElementById('annex-q');
  var channel = document.getElementById('annex-ch');
  var status = document.getElementById('annex-count');
  var rows = table.tBodies[0].rows;
  var total = rows.length;
  var haystack = new Array(total);
  for (var i = 0; i < total; i++) haystack[i] = rows[i].textContent.toLowerCase();
  function grouped(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); }
  function incidents(n) { return grouped(n) + (n === 1 ? ' incident' : ' incidents'); }
  var pending = 0;
  function apply() {
    pending = 0;
    var q = query.value.trim().toLowerCase();
    var c = channel.value;
    var shown = 0;
    for (var i = 0; i < total; i++) {
      var row = rows[i];
      var match = (c === '' || row.getAttribute('data-ch') === c) && (q === '' || haystack[i].indexOf(q) !== -1);
      if (row.hidden === match) row.hidden = !match;
      if (match) shown++;
    }
    status.textContent = shown === total
      ? 'Showing all ' + incidents(total)
      : 'Showing ' + grouped(shown) + ' of ' + incidents(total) + ' (printing shows all)';
  }
  function schedule() { if (!pending) pending = window.requestAnimationFrame(apply); }
  query.addEventListener('input', schedule);
  channel.addEventListener('change', apply);
  box.hidden = false;
  apply();
})();`;
