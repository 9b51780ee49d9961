"""The one inline script of the document page: filters, search, keyboard
navigation, links to rows and chart clicks.

It is a constant of the package, never built from corpus data, and the page's
Content-Security-Policy allows exactly these bytes by their SHA-256 hash, so no
other script (an injected one included) can run. It reads only the page's own
markup: ``tbody.bead`` rows (ids ``r1``, ``r2`` ... in order) carry
``data-flags="severity:type ..."``, rows with an unwaived flag have the class
``flagged``, and a sentence is a ``.sent`` element whose first child is its
``file:line`` reference.

- Search matches the sentence text of either language (case and Unicode
  composition ignored), not references, similarities or flag messages.
- ``j``/``n`` and ``k``/``p`` go to the next and previous flagged row from
  where the editor is: the current row while it is on screen, else the row at
  the top of the viewport. The search box and the filters sit above the table,
  so using them takes the editor to the top of the page: until they scroll back
  into the rows, the keys go on from where they were before (the current row,
  or the row at the top of the viewport when ``/`` was pressed). Keys are read
  by their letter, or, when the layout gives no Latin letter (a Korean layout
  gives ``ㅓ`` on the J key), by the physical key, so CapsLock and a Korean
  input mode work too.
- Following a link to a row (``#r18``) makes it the current row; if the
  filters hide it, they are cleared first and the row count says so.
"""

from __future__ import annotations

SCRIPT = """
(function () {
  'use strict';
  var table = document.querySelector('table.align');
  var head = table.tHead;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody.bead'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-kind]'));
  var plain = document.getElementById('show-plain');
  var controls = document.getElementById('controls');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var chart = document.getElementById('chart');
  var BY_KEY = { j: 1, n: 1, k: -1, p: -1, '/': 0 };
  var BY_CODE = { KeyJ: 1, KeyN: 1, KeyK: -1, KeyP: -1, Slash: 0 };
  var texts = null;
  var current = -1;
  var resume = null;  // [row, exact]: where the keys go on from after the controls
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

  function fold(text) { return text.normalize('NFC').toLowerCase(); }

  // the sentences of a row, without their file:line references
  function sentences(row) {
    var cells = row.querySelectorAll('.sent');
    var parts = [];
    for (var k = 0; k < cells.length; k++) {
      var ref = cells[k].firstElementChild;
      parts.push(fold(cells[k].textContent.slice(ref ? ref.textContent.length : 0)));
    }
    return parts;
  }

  function found(i, query) {
    return texts[i].some(function (text) { return text.indexOf(query) !== -1; });
  }

  function apply() {
    var severity = chosen('severity');
    var type = chosen('type');
    var query = fold(search.value.trim());
    if (query && texts === null) { texts = rows.map(sentences); }
    var count = 0;
    rows.forEach(function (row, i) {
      var show = matches(row, severity, type) && (!query || found(i, query));
      row.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = count + ' of ' + rows.length + ' rows shown';
  }

  function select(i, scroll) {
    if (current >= 0) { rows[current].classList.remove('current'); }
    current = i;
    resume = null;
    rows[i].classList.add('current');
    rows[i].tabIndex = -1;
    rows[i].focus({ preventScroll: true });
    if (scroll) { rows[i].scrollIntoView({ block: scroll }); }
  }

  // Where the editor is: [row, exact]. Up at the controls after using them,
  // where they were before; the current row while it is on screen (or hidden
  // by a filter); else the first row below the sticky header, not exact (0
  // above the table, rows.length below it).
  function position() {
    if (resume !== null && table.getBoundingClientRect().top > 0) { return resume; }
    var top = Math.max(head.getBoundingClientRect().bottom, 0) + 1;
    if (current >= 0) {
      var box = rows[current].getBoundingClientRect();
      if (rows[current].hidden || (box.bottom > top && box.top < window.innerHeight)) {
        return [current, true];
      }
    }
    var whole = table.getBoundingClientRect();
    if (top >= window.innerHeight || whole.top >= top) { return [0, false]; }
    if (whole.bottom <= top) { return [rows.length, false]; }
    var hit = document.elementFromPoint(whole.left + 1, top);
    var row = hit && hit.closest ? hit.closest('tbody.bead') : null;
    return row ? [Number(row.id.slice(1)) - 1, false] : [Math.max(current, 0), current >= 0];
  }

  function step(delta) {
    var at = position();
    var start = at[1] || delta < 0 ? at[0] + delta : at[0];
    for (var i = start; i >= 0 && i < rows.length; i += delta) {
      if (!rows[i].hidden && rows[i].classList.contains('flagged')) { select(i, 'center'); return; }
    }
  }

  // The command of a key: its letter, or its physical key when the layout
  // gives no Latin letter or sign (a Korean layout, an IME).
  function command(event) {
    var key = event.key || '';
    if (key.length === 1 && key.charCodeAt(0) < 128) { return BY_KEY[key.toLowerCase()]; }
    return BY_CODE[event.code];
  }

  function rowOf(hash) {
    if (!/^#r[0-9]+$/.test(hash)) { return -1; }
    var i = Number(hash.slice(2)) - 1;
    return i < rows.length ? i : -1;
  }

  // A link to a row the filters hide clears the filters, and says so.
  function reveal(i) {
    if (!rows[i].hidden) { return false; }
    boxes.concat([plain]).forEach(function (box) { box.checked = true; });
    search.value = '';
    apply();
    shown.textContent = 'Filters cleared to show row ' + (i + 1) + ': ' + shown.textContent;
    return true;
  }

  function follow(hash, scroll) {
    var i = rowOf(hash);
    if (i >= 0) { select(i, reveal(i) ? 'start' : scroll); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (event.target === search) {
      // Chrome's own Esc would empty the box without an 'input' event
      if (event.key === 'Escape') { event.preventDefault(); search.blur(); }
      return;
    }
    var delta = command(event);
    if (delta === undefined) { return; }
    if (delta === 0) {
      if (resume === null) { resume = position(); }  // before the box scrolls into view
      search.focus();
    } else {
      step(delta);
    }
    event.preventDefault();
  });
  // before the browser follows a link to a row: show the row, make it current
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#r"]') : null;
    if (link) { follow(link.getAttribute('href'), null); }
  });
  window.addEventListener('hashchange', function () { follow(location.hash, null); });
  // the mouse on a filter or the search box: the editor scrolled up from the current row
  function leaving() {
    if (resume === null && current >= 0) { resume = [current, true]; }
  }
  controls.addEventListener('focusin', leaving);
  controls.addEventListener('change', leaving);  // Safari does not focus a clicked checkbox
  // back in the rows, the keys go on from the rows on screen again
  window.addEventListener('scroll', function () {
    if (resume !== null && table.getBoundingClientRect().top <= 0) { resume = null; }
  }, { passive: true });
  boxes.concat([plain]).forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  search.addEventListener('search', apply);  // the box's own clear button
  if (chart) {
    chart.addEventListener('click', function (event) {
      var box = chart.getBoundingClientRect();
      var at = (event.clientX - box.left) / box.width * rows.length;
      // a pixel covers several rows of a long document and a mark is drawn wider
      // than its row: take the nearest shown row, a flagged one within a mark's width
      var reach = Math.max(0.5, rows.length / 400), best = -1, bestCost = Infinity;
      var last = Math.min(rows.length, at + reach + 1);
      for (var i = Math.max(0, Math.floor(at - reach - 1)); i < last; i++) {
        if (rows[i].hidden) { continue; }
        var cost = Math.abs(i + 0.5 - at) - (rows[i].dataset.flags ? reach : 0);
        if (cost < bestCost) { best = i; bestCost = cost; }
      }
      if (best >= 0) { select(best, 'center'); }
    });
  }
  table.classList.add('live');
  // a reload may restore unticked boxes or a query: show what they select
  if (search.value || !plain.checked || boxes.some(function (box) { return !box.checked; })) {
    apply();
  }
  follow(location.hash, null);
}());
"""
