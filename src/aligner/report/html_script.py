"""The one inline script of the document page: filters, search, keyboard
navigation and chart clicks.

It is a constant of the package, never built from corpus data, and the page's
Content-Security-Policy allows exactly these bytes by their SHA-256 hash, so no
other script (an injected one included) can run. It reads only the page's own
markup: ``tbody.bead`` rows carry ``data-flags="severity:type ..."``, rows with
an unwaived flag have the class ``flagged``.
"""

from __future__ import annotations

SCRIPT = """
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody.bead'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-kind]'));
  var plain = document.getElementById('show-plain');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var chart = document.getElementById('chart');
  var texts = null;
  var current = -1;
  var timer = 0;

  function chosen(kind) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.dataset.kind === kind && box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function matches(row, severity, type) {
    var flags = row.dataset.flags ? row.dataset.flags.split(' ') : [];
    if (!flags.length) { return plain.checked; }
    return flags.some(function (flag) {
      var parts = flag.split(':');
      return severity[parts[0]] === true && type[parts[1]] === true;
    });
  }

  function apply() {
    var severity = chosen('severity');
    var type = chosen('type');
    var query = search.value.trim().toLowerCase();
    if (query && texts === null) {
      texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    }
    var count = 0;
    rows.forEach(function (row, i) {
      var show = matches(row, severity, type) && (!query || texts[i].indexOf(query) !== -1);
      row.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = count + ' of ' + rows.length + ' rows shown';
  }

  function select(i) {
    if (current >= 0) { rows[current].classList.remove('current'); }
    current = i;
    rows[i].classList.add('current');
    rows[i].tabIndex = -1;
    rows[i].focus({ preventScroll: true });
    rows[i].scrollIntoView({ block: 'center' });
  }

  function step(delta) {
    for (var i = current + delta; i >= 0 && i < rows.length; i += delta) {
      if (!rows[i].hidden && rows[i].classList.contains('flagged')) { select(i); return; }
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.target === search) {
      if (event.key === 'Escape') { search.blur(); }
      return;
    }
    if (event.key === 'j' || event.key === 'n') { step(1); }
    else if (event.key === 'k' || event.key === 'p') { step(-1); }
    else if (event.key === '/') { search.focus(); }
    else { return; }
    event.preventDefault();
  });
  boxes.concat([plain]).forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  if (chart) {
    chart.addEventListener('click', function (event) {
      var box = chart.getBoundingClientRect();
      var i = Math.floor((event.clientX - box.left) / box.width * rows.length);
      if (i >= 0 && i < rows.length && !rows[i].hidden) { select(i); }
    });
  }
  // a reload may restore unticked boxes or a query: show what they select
  if (search.value || !plain.checked || boxes.some(function (box) { return !box.checked; })) {
    apply();
  }
}());
"""
