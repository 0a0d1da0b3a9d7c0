// The workspace's own script: draws every [data-chart] element with ECharts (its option is JSON written by the
// server), again after each htmx swap, and uploads a drop with a progress bar.
(function () {
  function draw(root) {
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = '1';
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      // No animation: a page looks the same at every look (screenshots compare), and a phone spends nothing on it.
      chart.setOption(Object.assign({ animation: false }, JSON.parse(el.dataset.chart)));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });

  // Compare: two to four ticked tenants open side by side.
  document.addEventListener('change', function (e) {
    if (!e.target.matches('input[data-compare]')) return;
    var ticked = Array.from(document.querySelectorAll('input[data-compare]:checked')).map(function (c) { return c.value; });
    var link = document.getElementById('compare-link');
    if (!link) return;
    link.hidden = ticked.length < 2 || ticked.length > 4;
    link.href = link.dataset.base + '&ids=' + encodeURIComponent(ticked.join(','));
  });

  // Drop upload: XMLHttpRequest reports upload progress (fetch does not), then the status panel polls via htmx.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.matches('form[data-upload]')) return;
    e.preventDefault();
    var bar = document.getElementById('upload-progress');
    var out = document.getElementById('upload-result');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) { bar.value = p.loaded / p.total * 100; } };
    xhr.onload = function () {
      bar.value = 100;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
      if (xhr.status === 202 && body.dropId) {
        out.setAttribute('hx-get', form.dataset.status + body.dropId);
        out.setAttribute('hx-trigger', 'load, every 1s');
        htmx.process(out);
      } else {
        out.textContent = body.detail || body.title || ('HTTP ' + xhr.status);
      }
    };
    xhr.send(new FormData(form));
  });
})();
