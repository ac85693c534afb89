// The quarterly review webview: the quarter picker, click-to-reveal, and
// in-place updates from the extension. Loaded with the page's CSP nonce; no
// inline handlers, no eval. Content arriving from the extension is already
// escaped HTML rendered by src/review/html.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('review-root');

  function selectedQuarter() {
    const picker = document.getElementById('quarter-picker');
    return picker ? picker.value : undefined;
  }

  function showQuarter(quarter) {
    for (const section of document.querySelectorAll('section.quarter')) {
      section.hidden = section.getAttribute('data-quarter') !== quarter;
    }
    for (const point of document.querySelectorAll('.chart-point')) {
      point.classList.toggle('selected', point.getAttribute('data-quarter') === quarter);
    }
    const state = vscode.getState() || {};
    vscode.setState(Object.assign({}, state, { quarter: quarter }));
    vscode.postMessage({ type: 'quarter', quarter: quarter });
  }

  function revealTarget(element) {
    const target = element.closest('[data-file]');
    if (!target || !root.contains(target)) return false;
    let path;
    try {
      path = JSON.parse(target.getAttribute('data-path') || '[]');
    } catch {
      path = [];
    }
    vscode.postMessage({ type: 'reveal', file: target.getAttribute('data-file'), path: path });
    return true;
  }

  root.addEventListener('click', function (event) {
    revealTarget(event.target);
  });
  root.addEventListener('keydown', function (event) {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.classList && event.target.classList.contains('reveal')) {
      event.preventDefault();
      revealTarget(event.target);
    }
  });
  root.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'quarter-picker') showQuarter(event.target.value);
    // The extension recomputes the figures with or without drafts and sends the new body.
    if (event.target && event.target.id === 'include-drafts') vscode.postMessage({ type: 'includeDrafts', value: event.target.checked === true });
  });
  // A chart point selects its quarter.
  root.addEventListener('click', function (event) {
    const point = event.target.closest && event.target.closest('.chart-point');
    if (!point) return;
    const quarter = point.getAttribute('data-quarter');
    const picker = document.getElementById('quarter-picker');
    if (picker && quarter) {
      picker.value = quarter;
      showQuarter(quarter);
    }
  });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const keep = selectedQuarter();
    const scroll = window.scrollY;
    root.innerHTML = message.html;
    const picker = document.getElementById('quarter-picker');
    if (picker && keep && Array.prototype.some.call(picker.options, function (o) { return o.value === keep; })) {
      picker.value = keep;
      for (const section of document.querySelectorAll('section.quarter')) {
        section.hidden = section.getAttribute('data-quarter') !== keep;
      }
      for (const point of document.querySelectorAll('.chart-point')) {
        point.classList.toggle('selected', point.getAttribute('data-quarter') === keep);
      }
    }
    window.scrollTo(0, scroll);
    document.body.setAttribute('data-updates', String(Number(document.body.getAttribute('data-updates') || '0') + 1));
  });

  const saved = (vscode.getState() || {}).quarter;
  const picker = document.getElementById('quarter-picker');
  if (saved && picker && saved !== picker.value && Array.prototype.some.call(picker.options, function (o) { return o.value === saved; })) {
    picker.value = saved;
    showQuarter(saved);
  }
  vscode.postMessage({ type: 'ready' });
})();
