/**
 * The page's only script: the chronology annex filter (free text, channel and lexicon category), and the opening
 * for print of the comparisons folded away on screen (`details.aside`: the stylesheet opens them in print where the
 * browser supports `::details-content`, Chromium; this does it in the others, and folds them again after). A
 * category is matched by its id in the row's `data-lex`, never by words of its label, and the count says how many
 * rows shown are inside the analysis window (`data-window`), the ones the report's figures count. It is a fixed
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
  var category = document.getElementById('annex-lex');
  var status = document.getElementById('annex-count');
  var rows = table.tBodies[0].rows;
  var total = rows.length;
  // The text a search looks in: the row's text without the names of the lexicon categories, which the category
  // list matches by id. Searched for "threats", a label such as "Intimidation and veiled threats" would otherwise
  // bring in another category's rows.
  function searchable(row, named) {
    var note = named ? row.querySelector('td.msg > .lexicon') : null;
    if (!note) return row.textContent.toLowerCase();
    var s = '';
    for (var j = 0; j < row.cells.length; j++) {
      var cell = row.cells[j];
      if (cell !== note.parentNode) { s += cell.textContent; continue; }
      for (var n = cell.firstChild; n; n = n.nextSibling) if (n !== note) s += n.textContent;
    }
    return s.toLowerCase();
  }
  var haystack = new Array(total);
  var lexicon = new Array(total);
  var outside = new Array(total);
  var allOutside = 0;
  for (var i = 0; i < total; i++) {
    var named = rows[i].getAttribute('data-lex');
    haystack[i] = searchable(rows[i], named);
    lexicon[i] = ' ' + (named || '') + ' ';
    outside[i] = rows[i].getAttribute('data-window') === 'outside';
    if (outside[i]) allOutside++;
  }
  function grouped(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); }
  function incidents(n) { return grouped(n) + (n === 1 ? ' incident' : ' incidents'); }
  // With incidents outside the analysis window, the count says how many shown are inside it: those are the ones
  // the report's figures count, so with only a category chosen the number is the one "Words in the messages" gives.
  function split(shown, shownOutside, onlyCategory) {
    if (allOutside === 0) return '';
    return ': ' + grouped(shown - shownOutside) + ' in the analysis window' +
      (onlyCategory ? ' (as counted in \\u201cWords in the messages\\u201d)' : '') +
      ' and ' + grouped(shownOutside) + ' outside it';
  }
  var pending = 0;
  function apply() {
    pending = 0;
    var q = query.value.trim().toLowerCase();
    var c = channel.value;
    var k = category ? category.value : '';
    var id = ' ' + k + ' ';
    var shown = 0;
    var shownOutside = 0;
    for (var i = 0; i < total; i++) {
      var row = rows[i];
      var match = (c === '' || row.getAttribute('data-ch') === c) &&
        (k === '' || lexicon[i].indexOf(id) !== -1) &&
        (q === '' || haystack[i].indexOf(q) !== -1);
      if (row.hidden === match) row.hidden = !match;
      if (match) {
        shown++;
        if (outside[i]) shownOutside++;
      }
    }
    var counts = split(shown, shownOutside, k !== '' && c === '' && q === '');
    status.textContent = shown === total
      ? 'Showing all ' + incidents(total) + counts
      : 'Showing ' + grouped(shown) + ' of ' + incidents(total) + counts + ' (printing shows all)';
  }
  function schedule() { if (!pending) pending = window.requestAnimationFrame(apply); }
  query.addEventListener('input', schedule);
  channel.addEventListener('change', apply);
  if (category) category.addEventListener('change', apply);
  box.hidden = false;
  apply();
})();`;
