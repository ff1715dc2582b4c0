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
      document.querySelectorAll('.finding').forEach(function (f) {
        f.hidden = !(on.severity[f.getAttribute('data-severity')] && on.rule[f.getAttribute('data-rule')]);
      });
      document.querySelectorAll('.entry').forEach(function (e) {
        e.hidden = !e.querySelector('.finding:not([hidden])') || e.hasAttribute('data-unfocused');
      });
      var shown = document.querySelectorAll('.file:not([hidden]) .entry:not([hidden]) .finding:not([hidden])').length;
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
    // report.html?focus=ID shows only the entry holding element ID (a
    // finding or its diff), at the top of the page: a link to one finding
    // that reads the same in every browser and in a screenshot.
    var focus = params.get('focus');
    var target = null;
    if (focus) {
      target = document.getElementById(focus);
      if (target) {
        var entry = target.closest('.entry');
        var file = target.closest('.file');
        document.querySelectorAll('.file').forEach(function (f) { if (f !== file) { f.hidden = true; } });
        document.querySelectorAll('.entry').forEach(function (e) {
          if (e !== entry) { e.hidden = true; e.setAttribute('data-unfocused', ''); }
        });
        document.getElementById('summary').hidden = true;
        root.setAttribute('data-focus', focus);
        apply();
      }
    } else if (window.location.hash.length > 1) {
      target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) { target.scrollIntoView({ block: 'start' }); }
    }
    if (target) {
      var r = target.getBoundingClientRect();
      root.setAttribute('data-target', target.id);
      root.setAttribute('data-target-visible', r.bottom > 0 && r.top < window.innerHeight ? 'yes' : 'no');
    }
    root.setAttribute('data-ready', 'ok');
  } catch (err) {
    root.setAttribute('data-error', String(err));
    throw err;
  }
})();
