/** Tables built in the browser: the class report, the inbox's import rows, a task's materials, a rubric. */
import { el } from './dom.ts';

export interface TableOptions {
  /** Names the table for screen readers (visually hidden: a heading or figure caption shows it). */
  caption?: string;
  className?: string;
  /** Each row's first cell is the header of its row. */
  rowHeaders?: boolean;
}

/** A table with a header row of `headers` and a body row per entry of `rows` (text or nodes per cell). */
export function table(headers: readonly string[], rows: readonly (readonly (string | Node)[])[], options: TableOptions = {}): HTMLTableElement {
  const t = el('table', options.className);
  if (options.caption) t.append(el('caption', 'visually-hidden', options.caption));
  const head = el('tr');
  for (const name of headers) {
    const th = el('th', undefined, name);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const cells of rows) {
    const tr = el('tr');
    cells.forEach((cell, i) => {
      const rowHeader = options.rowHeaders === true && i === 0;
      const td = el(rowHeader ? 'th' : 'td');
      if (rowHeader) (td as HTMLTableCellElement).scope = 'row';
      td.append(cell);
      tr.append(td);
    });
    body.append(tr);
  }
  t.append(thead, body);
  return t;
}
