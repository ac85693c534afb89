// @ts-check
/*
 * The live preview's script. The extension sends the report body on every
 * lint ({type:'update', html}); this script patches the existing DOM in place
 * (no reload, no flicker, scroll position untouched). Clicks on report parts
 * ask the extension to reveal their source; {type:'highlight', path} marks the
 * part under the editor's cursor. Loaded under a nonce CSP: no inline handlers.
 * Outside a webview (the bench, the HTML tests) it only exposes `window.pmPreview`.
 */
(function () {
  'use strict';

  /** @param {Node} a @param {Node} b */
  function sameKind(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    if (a.nodeType !== Node.ELEMENT_NODE) return true;
    // Rows that map to different source items are different things, not edits of one another.
    return /** @type {Element} */ (a).getAttribute('data-path') === /** @type {Element} */ (b).getAttribute('data-path');
  }

  /** @param {Element} target @param {Element} source */
  function syncAttributes(target, source) {
    for (const attribute of Array.from(target.attributes)) {
      if (!source.hasAttribute(attribute.name)) target.removeAttribute(attribute.name);
    }
    for (const attribute of Array.from(source.attributes)) {
      if (target.getAttribute(attribute.name) !== attribute.value) target.setAttribute(attribute.name, attribute.value);
    }
  }

  /** @param {Node} target @param {Node} source */
  function morphNode(target, source) {
    if (target.nodeType === Node.TEXT_NODE || target.nodeType === Node.COMMENT_NODE) {
      if (target.nodeValue !== source.nodeValue) target.nodeValue = source.nodeValue;
      return;
    }
    // A native deep comparison is far cheaper than walking an unchanged subtree in script.
    if (target.isEqualNode(source)) return;
    syncAttributes(/** @type {Element} */ (target), /** @type {Element} */ (source));
    morphChildren(target, source);
  }

  /** @param {Node} target @param {Node} source */
  function morphChildren(target, source) {
    const targetChildren = Array.from(target.childNodes);
    const sourceChildren = Array.from(source.childNodes);
    for (let i = 0; i < sourceChildren.length; i++) {
      const next = sourceChildren[i];
      const current = targetChildren[i];
      if (!current) target.appendChild(next);
      else if (sameKind(current, next)) morphNode(current, next);
      else target.replaceChild(next, current);
    }
    for (let i = sourceChildren.length; i < targetChildren.length; i++) target.removeChild(targetChildren[i]);
  }

  /**
   * Replace the contents of `root` with `html`, touching only what changed.
   * @param {Element} root @param {string} html
   */
  function patch(root, html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    morphChildren(root, template.content);
  }

  /** The element for a source path, or its nearest ancestor that the report shows. @param {string} path */
  function elementForPath(path) {
    const segments = path.split('.').filter(Boolean);
    for (let n = segments.length; n > 0; n--) {
      const found = document.querySelector('[data-path="' + CSS.escape(segments.slice(0, n).join('.')) + '"]');
      if (found) return found;
    }
    return null;
  }

  let highlightedPath = '';

  /** @param {string} path @param {boolean} scroll */
  function highlight(path, scroll) {
    highlightedPath = path;
    for (const old of Array.from(document.querySelectorAll('.pm-highlight'))) old.classList.remove('pm-highlight');
    if (!path) return null;
    const element = elementForPath(path);
    if (!element) return null;
    element.classList.add('pm-highlight');
    if (scroll) {
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) element.scrollIntoView({ block: 'nearest' });
    }
    return element;
  }

  /** @type {any} */ (window).pmPreview = { patch, highlight, elementForPath };

  if (typeof acquireVsCodeApi !== 'function') return;
  const vscode = acquireVsCodeApi();
  const report = document.getElementById('report');
  const state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  // What the extension's serializer needs to restore this preview after a window reload.
  vscode.setState({ ...state, uri: document.body.getAttribute('data-uri') || state.uri, locked: document.body.getAttribute('data-locked') === 'true' });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && report && typeof message.html === 'string') {
      patch(report, message.html);
      // The patch replaced class lists: put the cursor's highlight back.
      if (highlightedPath) highlight(highlightedPath, false);
      if (typeof message.title === 'string') document.title = message.title;
      vscode.setState({ ...(vscode.getState() || {}), uri: message.uri || document.body.getAttribute('data-uri'), scrollY: window.scrollY });
      // The extension and the UI tests learn that the DOM now shows this version.
      document.body.setAttribute('data-version', String(message.version ?? ''));
    } else if (message.type === 'highlight' && typeof message.path === 'string') {
      highlight(message.path, true);
    }
  });

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (!target || target.closest('a')) return; // links open; they do not jump to the source
    const diagnostic = target.closest('[data-range]');
    if (diagnostic) {
      const range = (diagnostic.getAttribute('data-range') || '').split(':').map(Number);
      if (range.length === 4 && range.every(Number.isFinite)) vscode.postMessage({ type: 'revealRange', range });
      return;
    }
    const part = target.closest('[data-path]');
    if (part) vscode.postMessage({ type: 'reveal', path: part.getAttribute('data-path') || '' });
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target instanceof Element ? event.target.closest('[data-range]') : null;
    if (!target) return;
    event.preventDefault();
    /** @type {HTMLElement} */ (target).click();
  });

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(() => vscode.setState({ ...(vscode.getState() || {}), scrollY: window.scrollY }), 100);
  });

  vscode.postMessage({ type: 'ready' });
})();
