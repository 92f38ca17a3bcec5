(accessibleName) => {
  // Rover element identities for cached replay: how to find an element again (locator) and what it is
  // (fingerprint). identify(el) is read when an action acts on an element; locate(locator) finds it on a replay
  // and gives it a data-rover-id so the action that follows can use it. Both compute names the same way.
  const fold = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const cut = (s, n) => s.length > n ? s.slice(0, n) : s;
  const INPUT_ROLES = { button: 'button', submit: 'button', reset: 'button', image: 'button', checkbox: 'checkbox',
    radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox', email: 'textbox', tel: 'textbox',
    text: 'textbox', url: 'textbox', password: 'textbox', '': 'textbox' };
  function role(el) {
    const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    if (explicit) return explicit.toLowerCase();
    const tag = el.tagName.toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : '';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'option') return 'option';
    if (tag === 'input') {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (el.hasAttribute('list') && ['', 'text', 'search', 'email', 'tel', 'url'].includes(type)) return 'combobox';
      return INPUT_ROLES[type] || '';
    }
    if (tag === 'summary') return 'button';
    return '';
  }
  function name(el) {
    const tag = el.tagName.toLowerCase();
    const given = accessibleName(el, tag);
    if (given) return given;
    if (tag === 'input' && ['button', 'submit', 'reset'].includes((el.getAttribute('type') || '').toLowerCase())) {
      return fold(el.value);
    }
    if (tag === 'input' || tag === 'select' || tag === 'textarea') return '';
    return cut(fold(el.innerText || el.textContent), 80);
  }
  // a label's own text, without the text of the control it wraps (a select's options, a textarea's content)
  function labelText(l, control) {
    let t = '';
    const walk = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) t += c.data + ' ';
        else if (c.nodeType === 1 && c !== control && c.tagName !== 'SELECT' && c.tagName !== 'TEXTAREA') walk(c);
      }
    };
    walk(l);
    return t;
  }
  function label(el) {
    const labels = el.labels ? Array.from(el.labels) : [];
    const wrapping = el.closest('label');
    if (wrapping && !labels.includes(wrapping)) labels.push(wrapping);
    return cut(fold(labels.map(l => labelText(l, el)).join(' ')), 80);
  }
  // The text that tells repeated controls apart: the row, list item, fieldset, card or section around the
  // element (the smallest one with text of its own), else the nearest heading before it.
  function nearby(el) {
    const holder = el.parentElement && el.parentElement.closest(
      'tr, [role=row], li, fieldset, article, [class*=card], [class*=item], section');
    if (holder) {
      // the holder's text without the element's own, which every repeated control shares
      const own = fold(el.innerText || el.textContent);
      let t = fold(holder.innerText || holder.textContent);
      if (own) t = fold(t.replace(own, ' '));
      t = cut(t, 160);
      if (t) return t;
    }
    const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, legend'));
    let last = '';
    for (const h of headings) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) last = fold(h.textContent);
    }
    return cut(last, 160);
  }
  const generatedId = (id) => /\d{4,}|^:|^[0-9a-f]{8}-|^(ember|react|radix|mui)[-_]/i.test(id);
  function cssPath(el) {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node !== el && node.id && !generatedId(node.id)) {
        parts.unshift('#' + CSS.escape(node.id));
        return parts.join(' > ');
      }
      const tag = node.tagName.toLowerCase();
      const same = node.parentElement ? Array.from(node.parentElement.children).filter(c => c.tagName === node.tagName) : [node];
      parts.unshift(same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(node) + 1) + ')' : tag);
      node = node.parentElement;
    }
    return parts.join(' > ');
  }
  function xpath(el) {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const same = node.parentElement ? Array.from(node.parentElement.children).filter(c => c.tagName === node.tagName) : [node];
      parts.unshift(node.tagName.toLowerCase() + '[' + (same.indexOf(node) + 1) + ']');
    }
    return '/' + parts.join('/');
  }
  const unique = (root, selector) => {
    try { const all = root.querySelectorAll(selector); return all.length === 1 ? all[0] : null; } catch (e) { return null; }
  };
  const attrSelector = (attr, value) => '[' + attr + '="' + CSS.escape(value) + '"]';
  // the test id and the attribute it came from
  function testIdOf(el) {
    for (const a of ['data-testid', 'data-test', 'data-qa']) if (el.getAttribute(a)) return [a, el.getAttribute(a)];
    return ['', ''];
  }
  function fingerprint(el) {
    const r = el.getBoundingClientRect();
    const w = Math.max(document.documentElement.scrollWidth, 1), h = Math.max(document.documentElement.scrollHeight, 1);
    return { tag: el.tagName.toLowerCase(), role: role(el), name: name(el), label: label(el), nearby: nearby(el),
      x: (r.left + window.scrollX + r.width / 2) / w, y: (r.top + window.scrollY + r.height / 2) / h };
  }
  function identify(el) {
    const id = el.id && !generatedId(el.id) && unique(document, '#' + CSS.escape(el.id)) === el ? el.id : '';
    const [testAttr, testId] = testIdOf(el);
    const nameAttr = el.getAttribute('name') || '';
    const placeholder = el.getAttribute('placeholder') || '';
    const print = fingerprint(el);
    return { locator: { id, testId: testId && unique(document, attrSelector(testAttr, testId)) === el ? testId : '',
        name: nameAttr && unique(document, attrSelector('name', nameAttr)) === el ? nameAttr : '',
        role: print.role, accessibleName: print.name, label: print.label, placeholder, css: cssPath(el), xpath: xpath(el) },
      fingerprint: print, origin: location.origin };
  }
  function byRoleAndName(value) {
    const bar = value.indexOf('|');
    const wantedRole = value.slice(0, bar), wantedName = value.slice(bar + 1).toLowerCase();
    return Array.from(document.querySelectorAll('*')).filter(e => role(e) === wantedRole && name(e).toLowerCase() === wantedName);
  }
  function candidates(kind, value) {
    switch (kind) {
      case 'id': return Array.from(document.querySelectorAll('#' + CSS.escape(value)));
      case 'test_id': return Array.from(document.querySelectorAll(['data-testid', 'data-test', 'data-qa'].map(a => attrSelector(a, value)).join(',')));
      case 'name': return Array.from(document.querySelectorAll(attrSelector('name', value)));
      case 'css': try { return Array.from(document.querySelectorAll(value)); } catch (e) { return []; }
      case 'role': return byRoleAndName(value);
      case 'label': return Array.from(document.querySelectorAll('input, select, textarea, [role]')).filter(e => label(e).toLowerCase() === value.toLowerCase());
      case 'placeholder': return Array.from(document.querySelectorAll(attrSelector('placeholder', value)));
      case 'xpath': {
        const found = [];
        try {
          const it = document.evaluate(value, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
          for (let i = 0; i < it.snapshotLength; i++) found.push(it.snapshotItem(i));
        } catch (e) { }
        return found;
      }
      default: return [];
    }
  }
  // strategies: [[kind, value], ...] most specific first; the first that finds exactly one element wins
  function locate(strategies, token) {
    for (const [kind, value] of strategies) {
      const found = candidates(kind, value);
      if (found.length === 1) {
        found[0].setAttribute('data-rover-id', token);
        return { strategy: kind, fingerprint: fingerprint(found[0]), origin: location.origin };
      }
    }
    return null;
  }
  return { identify, locate };
}
