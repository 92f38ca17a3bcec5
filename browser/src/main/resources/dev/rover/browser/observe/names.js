(maxText) => {
  // Rover accessible names: aria-labelledby, aria-label, label[for] and wrapping labels, placeholder,
  // title, alt. Returns accessibleName(el, tag); called by observer.js within the same evaluation.
  const fold = (s) => s.replace(/\s+/g, ' ').trim();
  const cut = (s, n) => s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
  const textOf = (node) => node ? fold(node.textContent || '') : '';
  const MAX_TEXT = maxText;

  function accessibleName(el, tag) {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const root = el.getRootNode();
      const parts = labelledBy.split(/\s+/).map(id => textOf(root.getElementById ? root.getElementById(id) : document.getElementById(id))).filter(Boolean);
      if (parts.length) return cut(parts.join(' '), MAX_TEXT);
    }
    const aria = el.getAttribute('aria-label');
    if (aria && aria.trim()) return cut(fold(aria), MAX_TEXT);
    const labels = labelsOf(el);
    if (labels.length) {
      const joined = fold(labels.map(l => labelText(l, el)).join(' '));
      if (joined) return cut(joined, MAX_TEXT);
    }
    for (const a of ['placeholder', 'title', 'alt']) {
      const v = el.getAttribute(a);
      if (v && v.trim()) return cut(fold(v), MAX_TEXT);
    }
    if (tag === 'a' || tag === 'button') {
      const img = el.querySelector('img[alt]');
      if (img) return cut(fold(img.getAttribute('alt')), MAX_TEXT);
    }
    return '';
  }
  // label[for] lookups per document or shadow root, built once: HTMLElement.labels scans the whole tree per call.
  const labelMaps = new Map();
  function labelsOf(el) {
    const out = [];
    const wrapping = el.closest('label');
    if (wrapping && !(wrapping.htmlFor && wrapping.htmlFor !== el.id)) out.push(wrapping);
    if (el.id) {
      const root = el.getRootNode();
      let map = labelMaps.get(root);
      if (!map) {
        map = new Map();
        for (const l of root.querySelectorAll('label[for]')) {
          const list = map.get(l.htmlFor);
          if (list) list.push(l); else map.set(l.htmlFor, [l]);
        }
        labelMaps.set(root, map);
      }
      for (const l of map.get(el.id) || []) if (l !== wrapping) out.push(l);
    }
    return out;
  }
  function labelText(label, control) {
    // The label's text without the text of the control it wraps (a select's options, a textarea's content).
    let t = '';
    const walk = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) t += c.data + ' ';
        else if (c.nodeType === 1 && c !== control && c.tagName !== 'SELECT' && c.tagName !== 'TEXTAREA') walk(c);
      }
    };
    walk(label);
    return t;
  }


  return accessibleName;
}
