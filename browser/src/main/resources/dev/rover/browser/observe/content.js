(headingBefore, mask) => {
  // Rover page content: data tables (header + rows) and label/value pairs from two-cell th/td rows and
  // definition lists, read from the frame's document. Called by observer.js within the same evaluation.
  // headingBefore: Map of table -> nearest preceding heading text, filled by the observer's walk;
  // mask: what secret values read as.
  const fold = (s) => s.replace(/\s+/g, ' ').trim();
  const cut = (s, n) => s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
  // A secret-marked node, or one holding such a node, reads as the mask.
  const SECRET = '[data-rover-secret]';
  const textOf = (node) => !node ? ''
    : (node.closest(SECRET) || node.querySelector(SECRET)) ? mask : fold(node.textContent || '');
  // A cell holding a form control reads as the control's current value, not as all its options.
  const cellText = (cell) => {
    const control = cell.querySelector('select,input,textarea');
    if (!control) return cut(textOf(cell), 200);
    if (control.closest(SECRET) || control.type === 'password') return mask;
    if (control.localName === 'select') return control.selectedOptions[0] ? fold(control.selectedOptions[0].label) : '';
    return cut(control.type === 'checkbox' || control.type === 'radio' ? String(control.checked) : control.value, 200);
  };
  const tables = [];
  const pairs = [];
  for (const table of document.querySelectorAll('table')) {
    if (tables.length >= 20) break;
    const role = table.getAttribute('role');
    if (role === 'presentation' || role === 'none') continue;
    if (!table.getClientRects().length) continue;
    const first = table.rows[0];
    const head = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0]
      : (first && first.cells.length > 1 && Array.from(first.cells).every(c => c.tagName === 'TH') ? first : null);
    const rows = [];
    for (const row of table.rows) {
      if (row === head) continue;
      const cells = row.cells;
      if (cells.length === 2 && cells[0].tagName === 'TH' && cells[1].tagName === 'TD') {
        pairs.push([cut(textOf(cells[0]), 100), cut(textOf(cells[1]), 300)]);
      }
      if (head && rows.length < 200) rows.push(Array.from(cells, cellText));
    }
    if (head) {
      const caption = table.caption ? textOf(table.caption) : (headingBefore.get(table) || '');
      tables.push({c: caption, h: Array.from(head.cells, c => textOf(c)), r: rows});
    }
  }
  for (const dl of document.querySelectorAll('dl')) {
    if (pairs.length >= 500) break;
    let label = null;
    for (const c of dl.children) {
      if (c.tagName === 'DT') label = textOf(c);
      else if (c.tagName === 'DD' && label !== null) pairs.push([cut(label, 100), cut(textOf(c), 300)]);
    }
  }
  return {tables, pairs};
}
