(args, readContent, names) => {
  // Rover page observer: one call per frame. Walks the DOM (open shadow roots included), keeps
  // visible interactable elements, tags them with a stable data-rover-id and returns JSON text.
  // readContent is content.js (tables and label/value pairs) and names is names.js (accessible names),
  // both joined in by ObserverScript so that one evaluation per frame does everything.
  const ID_ATTR = 'data-rover-id';
  const FRAME_ATTR = 'data-rover-frame';
  const SECRET_ATTR = 'data-rover-secret';
  const MASK = args.mask;
  const MAX_TEXT = args.maxText;
  const MAX_HREF = args.maxHref;
  const TEXT_BUDGET = args.textBudget;
  // Prompt text lines beyond this are never going to fit the prompt; stop collecting them early.
  const LINE_BUDGET = args.lineBudget;
  let lineChars = 0;
  const W = window;

  // Frame letter: keep the one this window already has unless another frame of this observation took it.
  const taken = new Set(args.taken);
  // args.letter is free in this observation (the caller makes sure).
  let letter = W.__roverLetter;
  if (!letter || taken.has(letter)) {
    letter = args.letter;
    W.__roverLetter = letter;
    W.__roverNext = 0;
  }
  if (typeof W.__roverNext !== 'number') W.__roverNext = 0;
  const usedIds = new Set();
  const pendingIds = [];
  const idPattern = new RegExp('^' + letter + '[0-9]+$');
  function assignId(el, attr) {
    let id = el.getAttribute(attr);
    if (!id || !idPattern.test(id) || usedIds.has(id)) {
      do { id = letter + (W.__roverNext++); } while (usedIds.has(id));
      // Written after the walk: an attribute change mid-walk invalidates style and makes every later
      // getComputedStyle / getBoundingClientRect recompute it.
      pendingIds.push(el, attr, id);
    }
    usedIds.add(id);
    return id;
  }

  const vw = W.innerWidth, vh = W.innerHeight;
  const sx = W.scrollX, sy = W.scrollY;
  const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'option', 'combobox', 'listbox', 'switch', 'textbox', 'searchbox', 'slider', 'spinbutton',
    'treeitem', 'gridcell', 'scrollbar']);
  const ATTRS = new Set(['type', 'name', 'placeholder', 'href', 'alt', 'checked', 'disabled', 'for', 'required',
    'selected', 'title', 'value', 'role', 'min', 'max', 'pattern', 'accept', 'multiple', 'autocomplete']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'svg', 'SVG']);
  const INLINE = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents']);
  const TEXT_INPUTS = new Set(['', 'text', 'email', 'password', 'search', 'tel', 'url', 'number', 'date', 'time',
    'datetime-local', 'month', 'week']);
  const INPUT_ROLES = {checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox',
    submit: 'button', reset: 'button', button: 'button', image: 'button', file: 'button', color: 'button'};

  const elements = [];
  const keptNodes = [];      // the DOM element of each kept record, same index
  const overlays = [];       // fixed, sticky or stacked elements that may cover others
  const items = [];          // prompt stream: {i: element index} | {x: text, h: heading level} | {f: frame key}
  const headings = [];
  const tableHeadings = new Map();
  let lastHeading = '';
  let line = '';
  let visible = [];
  let visibleLen = 0;

  function fold(s) { return s.replace(/\s+/g, ' ').trim(); }
  function cut(s, n) { return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; }
  function flush() {
    const t = fold(line);
    line = '';
    if (t) {
      if (lineChars < LINE_BUDGET) { items.push({x: t}); lineChars += t.length; }
      addVisible(t);
    }
  }
  function addVisible(t) {
    if (visibleLen >= TEXT_BUDGET) return;
    visible.push(t);
    visibleLen += t.length + 1;
  }

  function impliedRole(el, tag, type) {
    switch (tag) {
      case 'a': return el.hasAttribute('href') ? 'link' : '';
      case 'button': return 'button';
      case 'select': return (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
      case 'textarea': return 'textbox';
      case 'summary': return 'button';
      case 'option': return 'option';
      case 'input': return INPUT_ROLES[type] || 'textbox';
      default: return el.isContentEditable ? 'textbox' : '';
    }
  }

  function textOf(node) { return node ? fold(node.textContent || '') : ''; }

  const accessibleName = names(MAX_TEXT);
  let focusedElement = document.activeElement;
  while (focusedElement && focusedElement.shadowRoot && focusedElement.shadowRoot.activeElement) {
    focusedElement = focusedElement.shadowRoot.activeElement;
  }

  const headerCache = new Map();
  function columnHeader(el) {
    const cell = el.closest('td,th');
    if (!cell) return '';
    const table = cell.closest('table');
    if (!table) return '';
    let headers = headerCache.get(table);
    if (!headers) {
      const row = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0] : (table.rows[0] && table.rows[0].querySelector('th') ? table.rows[0] : null);
      headers = row ? Array.from(row.cells, c => textOf(c)) : [];
      headerCache.set(table, headers);
    }
    if (cell.parentElement && cell.parentElement.parentElement === table.tHead) return '';
    return headers[cell.cellIndex] || '';
  }

  // What tells repeated controls apart: the other cells of a table row ("Order #10001 | Customer 1 Ltd")
  // beside its "Approve" button, or a card's heading beside its "Read more" link. Cells and headings
  // are read once per row or card.
  const rowCache = new Map();
  function rowContext(el, own) {
    const row = el.closest('tr,[role=row]');
    if (row) {
      let cells = rowCache.get(row);
      if (!cells) {
        cells = Array.from(row.querySelectorAll(':scope > td, :scope > th, [role=cell], [role=gridcell], [role=rowheader]'),
          c => [c, cut(textOf(c), 40)]).filter(p => p[1]);
        rowCache.set(row, cells);
      }
      const parts = [];
      let len = 0;
      for (const [c, t] of cells) {
        if (c.contains(el) || t === own) continue;
        parts.push(t);
        len += t.length;
        if (parts.length >= 3 || len >= 60) break;
      }
      return parts.join(' | ');
    }
    const card = el.closest('li,article,[role=listitem],[role=article]');
    if (!card) return '';
    let heading = rowCache.get(card);
    if (heading === undefined) {
      const h = card.querySelector('h1,h2,h3,h4,h5,h6,[role=heading]');
      heading = h ? cut(textOf(h), 60) : '';
      rowCache.set(card, heading);
    }
    return heading && heading !== own ? heading : '';
  }

  function collectOptions(el, tag) {
    const out = [];
    if (tag === 'select') {
      const opts = el.options;
      for (let i = 0; i < opts.length && i < 500; i++) {
        const o = opts[i];
        out.push(option(cut(fold(o.label || o.textContent || ''), MAX_TEXT), o.value, o.selected));
      }
    } else {
      const opts = el.querySelectorAll('[role=option]');
      for (let i = 0; i < opts.length && i < 500; i++) {
        const o = opts[i];
        const label = cut(textOf(o), MAX_TEXT);
        out.push(option(label, o.getAttribute('data-value') || o.getAttribute('value') || label,
          o.getAttribute('aria-selected') === 'true'));
      }
    }
    return out;
  }

  // Compact option: the value only when it differs from the label, the flag only when selected.
  function option(l, v, selected) {
    const o = {l};
    if (v !== l) o.v = v;
    if (selected) o.s = true;
    return o;
  }

  function coveredAt(el, r) {
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    if (cx < 0 || cy < 0 || cx >= vw || cy >= vh) return false;
    const root = el.getRootNode();
    const hit = (root.elementFromPoint ? root : document).elementFromPoint(cx, cy);
    if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return false;
    if (hit.tagName === 'LABEL' && hit.control === el) return false;
    // A hit inside a shadow tree hosted by el counts as el.
    let h = hit.getRootNode();
    while (h && h.host) { if (h.host === el || el.contains(h.host)) return false; h = h.host.getRootNode(); }
    return true;
  }

  function keep(el, tag, style, r, ctx) {
    const type = tag === 'input' ? (el.getAttribute('type') || '').toLowerCase() : '';
    const role = el.getAttribute('role') || impliedRole(el, tag, type);
    const attrs = {};
    for (const a of el.attributes) {
      const n = a.name;
      if (ATTRS.has(n) || n.startsWith('aria-')) {
        let v = a.value;
        if (n === 'href') v = cut(v, MAX_HREF);
        else v = cut(v, 200);
        attrs[n] = v;
      }
    }
    // Where focus is and which dialog holds the element: an engine reads both back after acting.
    if (el === focusedElement) attrs.focused = 'true';
    const dialog = el.closest('dialog,[role=dialog],[role=alertdialog]');
    if (dialog) attrs.dialog = cut(fold(dialog.getAttribute('aria-label') || (dialog.querySelector('h1,h2,h3,h4') || {}).textContent || 'dialog'), 80);
    const secret = ctx.secret || type === 'password';
    let value = '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select') value = el.value == null ? '' : String(el.value);
    else if (el.hasAttribute('aria-valuenow')) value = el.getAttribute('aria-valuenow');
    if (type === 'file' && el.files) value = Array.from(el.files, f => f.name).join(', ');
    if (secret) {
      if (value) value = MASK;
      if (attrs.value) attrs.value = MASK;
    } else {
      value = cut(value, 500);
    }
    const editable = el.isContentEditable || tag === 'textarea' || (tag === 'input' && TEXT_INPUTS.has(type));
    const contextParts = [];
    if (ctx.legend) contextParts.push(ctx.legend);
    const col = ctx.inCell ? columnHeader(el) : '';
    if (col) contextParts.push(col);
    if (lastHeading && lastHeading !== ctx.legend) contextParts.push(lastHeading);
    // State bits: 1 checked, 2 selected, 4 disabled, 8 readonly, 16 required, 32 expanded, 64 editable.
    const st = (el.checked || el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true' ? 1 : 0)
      | (el.selected || el.getAttribute('aria-selected') === 'true' ? 2 : 0)
      | (el.disabled || el.getAttribute('aria-disabled') === 'true' || el.matches(':disabled') ? 4 : 0)
      | (el.readOnly || el.getAttribute('aria-readonly') === 'true' ? 8 : 0)
      | (el.required || el.getAttribute('aria-required') === 'true' ? 16 : 0)
      | (el.getAttribute('aria-expanded') === 'true' || (tag === 'summary' && el.parentElement && el.parentElement.open) ? 32 : 0)
      | (editable && !el.disabled && !el.readOnly ? 64 : 0);
    const name = accessibleName(el, tag);
    const row = secret ? '' : rowContext(el, name);
    if (row) {
      attrs.row = row;
      contextParts.unshift(row);
    }
    const e = {id: assignId(el, ID_ATTR), tag, role, name, text: '', attrs, value, st,
      box: [r.left, r.top, r.width, r.height], ctx: contextParts.join(' / ')};
    if (tag === 'select' || role === 'listbox') e.opts = collectOptions(el, tag);
    if (tag === 'input' && (type === 'submit' || type === 'button' || type === 'reset')) e.text = cut(fold(el.value || ''), MAX_TEXT);
    elements.push(e);
    keptNodes.push(el);
    items.push({i: elements.length - 1});
    return e;
  }

  function isCandidate(el, tag, style, insideKept, parentPointer) {
    switch (tag) {
      case 'a': if (el.hasAttribute('href')) return true; break;
      case 'button': case 'select': case 'textarea': case 'summary': return true;
      case 'input': return (el.getAttribute('type') || '').toLowerCase() !== 'hidden';
    }
    const role = el.getAttribute('role');
    if (role && WIDGET_ROLES.has(role)) return true;
    if (el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable)) return true;
    if (el.hasAttribute('onclick') || typeof el.onclick === 'function') return true;
    return !insideKept && !parentPointer && style.cursor === 'pointer';
  }

  // ctx: {kept: enclosing kept element or null, secret, transparent (opacity 0 above), aria (aria-hidden, inert or
  //       hidden above), legend, inCell, ptr (parent has cursor:pointer)}
  function visit(el, ctx) {
    const tag = el.localName;
    if (SKIP_TAGS.has(el.tagName)) return;
    const style = getComputedStyle(el);
    const display = style.display;
    if (display === 'none') return;
    const block = !INLINE.has(display);
    if (block && !ctx.kept) flush();

    let sub = ctx;
    const secret = ctx.secret || el.hasAttribute(SECRET_ATTR);
    const transparent = ctx.transparent || style.opacity === '0';
    const aria = ctx.aria || el.getAttribute('aria-hidden') === 'true' || el.inert || el.hasAttribute('hidden');
    let legend = ctx.legend;
    if (tag === 'fieldset') {
      const lg = el.querySelector(':scope > legend');
      if (lg) legend = textOf(lg);
    }
    const inCell = ctx.inCell || tag === 'td' || tag === 'th';
    if (tag === 'table' && lastHeading) tableHeadings.set(el, lastHeading);
    const ptr = style.cursor === 'pointer';
    if (secret !== ctx.secret || transparent !== ctx.transparent || aria !== ctx.aria || legend !== ctx.legend
        || inCell !== ctx.inCell || ptr !== ctx.ptr) {
      sub = {kept: ctx.kept, secret, transparent, aria, legend, inCell, ptr};
    }

    if (tag === 'iframe' || tag === 'frame') {
      if (style.visibility !== 'hidden' && !transparent && !aria) {
        const r = el.getBoundingClientRect();
        // checkVisibility catches what the walk cannot see: content-visibility:hidden (closed <details>).
        if (r.width > 0 && r.height > 0 && r.right + sx >= 0 && r.bottom + sy >= 0
            && (!el.checkVisibility || el.checkVisibility())) {
          flush();
          const key = assignId(el, FRAME_ATTR);
          items.push({f: key, o: [r.left + el.clientLeft, r.top + el.clientTop]});
          // the caller observes same-origin frames in this same evaluation, reaching them through their iframe
          if (args.frameElements) args.frameElements.push([key, el]);
        }
      }
      return;
    }

    const pos = style.position;
    if (pos !== 'static' && pos !== 'relative' && !aria && !transparent
        && (pos === 'fixed' || pos === 'sticky' || style.zIndex !== 'auto')) overlays.push(el);

    let level = 0;
    if (/^h[1-6]$/.test(tag)) level = +tag.charAt(1);
    else if (el.getAttribute('role') === 'heading') level = +(el.getAttribute('aria-level') || 2);

    let kept = null;
    if (!aria && !transparent && level === 0 && isCandidate(el, tag, style, !!ctx.kept, ctx.ptr)) {
      if (style.visibility !== 'hidden' && style.visibility !== 'collapse') {
        const r = el.getBoundingClientRect();
        // checkVisibility catches what the walk cannot see: content-visibility:hidden (closed <details>).
        if (r.width > 0 && r.height > 0 && r.right + sx >= 0 && r.bottom + sy >= 0
            && (!el.checkVisibility || el.checkVisibility())) {
          flush();
          kept = keep(el, tag, style, r, sub);
          sub = {kept, secret, transparent, aria, legend, inCell, ptr};
        }
      }
    }

    if (tag === 'select' || tag === 'textarea' || tag === 'option') return;

    if (level) {
      const t = secret ? MASK : cut(textOf(el), 200);
      if (t && style.visibility !== 'hidden' && !transparent) {
        flush();
        headings.push({l: level, t});
        lastHeading = t;
        items.push({x: t, h: level});
        addVisible(t);
      }
      // Interactive children of a heading (anchor links) are still kept.
      if (!el.querySelector('a[href],button,input,[role=button],[role=link]')) return;
    }

    const visibleText = style.visibility !== 'hidden' && !transparent;
    const children = el.shadowRoot ? el.shadowRoot.childNodes : null;
    if (children) for (const c of children) visitNode(c, sub, visibleText, level);
    // A closed <details> shows only its summary.
    const closed = tag === 'details' && !el.open;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (!closed || c.localName === 'summary') visitNode(c, sub, visibleText && !children, level);
    }

    if (kept) {
      kept.text = cut(fold(kept.text), MAX_TEXT);
      if (secret && kept.text) kept.text = MASK;
      if (kept.text) addVisible(kept.text);
    } else if (block && !ctx.kept) flush();
  }

  function visitNode(c, ctx, visibleText, inHeading) {
    if (c.nodeType === 1) visit(c, ctx);
    else if (c.nodeType === 3 && visibleText && !inHeading) {
      const d = c.data;
      if (ctx.kept) { if (ctx.kept.text.length < MAX_TEXT * 2) ctx.kept.text += d; }
      else if (ctx.secret) { if (d.trim()) line += ' ' + MASK + ' '; }
      else line += d;
    }
  }

  const body = document.body || document.documentElement;
  visit(body, {kept: null, secret: false, transparent: false, aria: false, legend: '', inCell: false, ptr: false});
  flush();
  dropCovered();
  for (let i = 0; i < pendingIds.length; i += 3) pendingIds[i].setAttribute(pendingIds[i + 1], pendingIds[i + 2]);

  // Elements inside the viewport whose centre another element (a modal, a sticky bar) covers are not
  // actionable. Hit testing is costly on big pages, so only elements under a possible overlay are tested.
  function dropCovered() {
    if (!overlays.length) return;
    const boxes = [];
    for (const o of overlays) {
      const r = o.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh) boxes.push([o, r]);
    }
    if (!boxes.length) return;
    const remap = new Array(elements.length);
    const keptElements = [];
    for (let i = 0; i < elements.length; i++) {
      const el = keptNodes[i];
      const b = elements[i].box;
      const cx = b[0] + b[2] / 2, cy = b[1] + b[3] / 2;
      let suspect = false;
      for (const [o, r] of boxes) {
        if (cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom && !o.contains(el) && !el.contains(o)) {
          suspect = true;
          break;
        }
      }
      if (suspect && coveredAt(el, {left: b[0], top: b[1], width: b[2], height: b[3]})) continue;
      remap[i] = keptElements.length;
      keptElements.push(elements[i]);
    }
    if (keptElements.length === elements.length) return;
    const keptItems = [];
    for (const it of items) {
      if (it.i === undefined) keptItems.push(it);
      else if (remap[it.i] !== undefined) keptItems.push({i: remap[it.i]});
    }
    elements.length = 0;
    elements.push(...keptElements);
    items.length = 0;
    items.push(...keptItems);
  }

  // Compact the records: rounded boxes, no empty fields.
  for (const e of elements) {
    e.box = e.box.map(v => Math.round(v * 10) / 10);
    if (!e.name) delete e.name;
    if (!e.text) delete e.text;
    if (!e.value) delete e.value;
    if (!e.ctx) delete e.ctx;
    if (!e.st) delete e.st;
  }

  if (args.detailBudget > 0) indexBeyondPrompt(args.detailBudget, args.lineRules);

  // Controls the prompt cannot show are only indexed: what finds them (id) and what they are (tag, role, name,
  // state, box), without their text, attributes, value, options or context. The prompt (PromptRenderer) keeps the
  // controls in the viewport and, of those off screen, the first ones in page order until its budget is spent;
  // no control's line is shorter than shortestLine() counts, so a control past the point where even those counts
  // spend the budget can never reach the prompt. Every bound errs towards reading more, never less: only controls
  // certainly in view are counted first, and a control at the viewport's edge is never only indexed.
  function indexBeyondPrompt(budget, rules) {
    const certainlyIn = b => b[0] < vw - 1 && b[0] + b[2] > 1 && b[1] < vh - 1 && b[1] + b[3] > 1;
    const maybeIn = b => b[0] < vw + 1 && b[0] + b[2] > -1 && b[1] < vh + 1 && b[1] + b[3] > -1;
    const fromState = new Set(rules.fromState), voidTags = new Set(rules.voidTags);
    let used = 0;
    for (const e of elements) if (certainlyIn(e.box)) used += shortestLine(e, rules, fromState, voidTags);
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i];
      if (certainlyIn(e.box)) continue;
      if (used <= budget + 1) {
        used += shortestLine(e, rules, fromState, voidTags);
        if (used <= budget + 1) continue;
      }
      if (maybeIn(e.box)) continue;
      const entry = {id: e.id, tag: e.tag, role: e.role, box: e.box, ix: true};
      if (e.name) entry.name = e.name;
      if (e.st) entry.st = e.st;
      elements[i] = entry;
    }
  }

  // The length of the element's prompt line at its shortest (ElementMarkup, shortened), newline included: the
  // parts every form of the line has, each counted no longer than the shortened line writes it.
  function shortestLine(e, rules, fromState, voidTags) {
    const a = e.attrs || {}, text = e.text || '', name = e.name || '';
    const attr = (key, v) => v ? key.length + 4 + v.length : 0;
    let n = e.tag.length + e.id.length + 9;
    n += attr('role', a.role) + attr('name', a.name) + attr('placeholder', a.placeholder);
    if (e.tag === 'input') n += attr('type', a.type);
    if (a.href) n += attr('href', a.href.slice(0, rules.shortHref));
    for (const k in a) if (!fromState.has(k)) n += attr(k, a[k].slice(0, rules.shortText));
    const nameSource = rules.nameSources.some(k => a[k] === name);
    if (name && name !== text && !nameSource) n += attr('label', name.slice(0, rules.shortText));
    if (!voidTags.has(e.tag)) {
      n += e.tag.length + 3;
      if (e.tag !== 'select') n += Math.min(text.length, rules.shortText);
    }
    return n;
  }

  const {tables, pairs} = readContent(tableHeadings, MASK);

  // A same-origin frame can name its own iframe, sparing the caller a lookup; cross-origin ones read null.
  let owner = null;
  try { owner = W.frameElement ? W.frameElement.getAttribute(FRAME_ATTR) : null; } catch (e) { owner = null; }

  return JSON.stringify({
    letter, owner, url: location.href, title: document.title, vw, vh, sx, sy,
    elements, items, headings, tables, pairs, text: visible.join('\n').slice(0, TEXT_BUDGET)
  });
}
