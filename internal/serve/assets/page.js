// The upload form: files chosen or dropped go into the form's file input,
// which the form posts as it is (the server answers with the result page).
// The checks here only spare a wasted upload; the server repeats them.
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    var form = document.getElementById('upload');
    var input = document.getElementById('files');
    var drop = document.getElementById('drop');
    var chosen = document.getElementById('chosen');
    var clientError = document.getElementById('client-error');
    var button = document.getElementById('check');
    var maxFile = Number(form.dataset.maxFile);
    var maxFiles = Number(form.dataset.maxFiles);
    var maxRequest = Number(form.dataset.maxRequest);
    var accepted = ['.docx', '.xlsx', '.csv', '.txt', '.doc', '.wps'];

    var size = function (n) {
      if (n >= 1048576) { return (n / 1048576).toFixed(1).replace(/\.0$/, '') + ' MB'; }
      if (n >= 1024) { return Math.round(n / 1024) + ' KB'; }
      return n + ' 字节';
    };
    var extOf = function (name) {
      var i = name.lastIndexOf('.');
      return i < 0 ? '' : name.slice(i).toLowerCase();
    };
    var problem = function (f) {
      var e = extOf(f.name);
      if (e === '.xls' || e === '.et') { return '旧版表格：请在 Excel/WPS 中“另存为”.xlsx'; }
      if (accepted.indexOf(e) < 0) { return '不支持的文件类型'; }
      if (f.size > maxFile) { return '文件过大（上限 ' + size(maxFile) + '）'; }
      return '';
    };
    var say = function (msg) {
      clientError.textContent = msg;
      clientError.hidden = msg === '';
    };
    var show = function () {
      chosen.textContent = '';
      var files = input.files;
      for (var i = 0; i < files.length; i++) {
        var li = document.createElement('li');
        var p = problem(files[i]);
        li.textContent = files[i].name + '（' + size(files[i].size) + '）' + (p ? '：' + p : '');
        if (p) { li.className = 'bad'; }
        chosen.appendChild(li);
      }
      say('');
    };

    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show();
      }
    });
    // A file dropped beside the zone would replace the page with the file.
    ['dragover', 'drop'].forEach(function (t) {
      window.addEventListener(t, function (e) { e.preventDefault(); });
    });

    form.addEventListener('submit', function (e) {
      var files = input.files;
      var total = 0;
      for (var i = 0; i < files.length; i++) { total += files[i].size; }
      var msg = '';
      if (files.length === 0) {
        msg = '请先选择要校验的文件。';
      } else if (files.length > maxFiles) {
        msg = '一次最多上传 ' + maxFiles + ' 个文件，请分批上传。';
      } else if (total > maxRequest) {
        msg = '上传的文件合计超过 ' + size(maxRequest) + '，请分批上传。';
      }
      if (msg) {
        e.preventDefault();
        say(msg);
        return;
      }
      button.disabled = true;
      button.textContent = '正在校验…';
    });
    // Back to a page kept in the browser's cache: the button works again.
    window.addEventListener('pageshow', function () {
      button.disabled = false;
      button.textContent = '校验';
    });

    var frame = document.getElementById('report');
    if (frame) {
      var mark = function () {
        var doc = frame.contentDocument;
        var shown = doc && doc.documentElement.getAttribute('data-shown');
        if (shown !== null && shown !== undefined) { root.setAttribute('data-report-shown', shown); }
      };
      frame.addEventListener('load', mark);
      if (frame.contentDocument && frame.contentDocument.readyState === 'complete') { mark(); }
    }
    root.setAttribute('data-ready', 'ok');
  } catch (err) {
    root.setAttribute('data-error', String(err));
  }
})();
