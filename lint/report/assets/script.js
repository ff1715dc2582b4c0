(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) { root.setAttribute('data-error', String(e.message)); });
  try {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
    var shownEl = document.getElementById('shown');
    var apply = function () {
      var on = { severity: {}, rule: {} };
      boxes.forEach(function (b) { if (b.checked) { on[b.getAttribute('data-filter')][b.value] = true; } });
      var shown = 0;
      document.querySelectorAll('.finding').forEach(function (f) {
        var visible = !!(on.severity[f.getAttribute('data-severity')] && on.rule[f.getAttribute('data-rule')]);
        f.hidden = !visible;
        if (visible) { shown++; }
      });
      document.querySelectorAll('.entry').forEach(function (e) {
        e.hidden = !e.querySelector('.finding:not([hidden])');
      });
      shownEl.textContent = String(shown);
      root.setAttribute('data-shown', String(shown));
    };
    // Filters may be preset from the address: report.html?severity=error&rule=quote-mismatch
    var params = new URLSearchParams(window.location.search);
    ['severity', 'rule'].forEach(function (kind) {
      var v = params.get(kind);
      if (v === null) { return; }
      var want = {};
      v.split(',').forEach(function (x) { want[x] = true; });
      boxes.forEach(function (b) { if (b.getAttribute('data-filter') === kind) { b.checked = !!want[b.value]; } });
    });
    boxes.forEach(function (b) { b.addEventListener('change', apply); });
    var setRules = function (checked) {
      boxes.forEach(function (b) { if (b.getAttribute('data-filter') === 'rule') { b.checked = checked; } });
      apply();
    };
    document.getElementById('rules-all').addEventListener('click', function () { setRules(true); });
    document.getElementById('rules-none').addEventListener('click', function () { setRules(false); });
    apply();
    if (window.location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) {
        target.scrollIntoView({ block: 'start' });
        var r = target.getBoundingClientRect();
        root.setAttribute('data-target', target.id);
        root.setAttribute('data-target-visible', r.bottom > 0 && r.top < window.innerHeight ? 'yes' : 'no');
      }
    }
    root.setAttribute('data-ready', 'ok');
  } catch (err) {
    root.setAttribute('data-error', String(err));
    throw err;
  }
})();
