/**
 * Reading a table's column: the extraction writes a table row as its cells
 * joined by " | " (a Markdown table in a text file reads the same way), one
 * row per line. A header row names the columns; the rows under it with as
 * many cells give each column's value.
 */
import type { Span } from './text';

export interface ColumnCell {
  /** The row's line in the text. */
  row: Span;
  /** The line of the header row the cell stands under. */
  header: Span;
  /** The cell in that line. */
  cell: Span;
  /** The cell's text, as written. */
  value: string;
}

const SEPARATOR_ROW = /^[\s|:\-–—]+$/;

/** The cells of a line, with their offsets; undefined when the line is no table row. */
function cellsOf(text: string, start: number, end: number): Span[] | undefined {
  const cells: Span[] = [];
  let a = start;
  // A Markdown row opens and closes with a pipe.
  while (a < end && /\s/.test(text[a]!)) a++;
  if (text[a] === '|') a++;
  let b = end;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a && text[b - 1] === '|') b--;
  let from = a;
  for (let i = a; i <= b; i++) {
    if (i < b && text[i] !== '|') continue;
    let s = from;
    let e = i;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    cells.push({ start: s, end: e });
    from = i + 1;
  }
  return cells.length >= 2 ? cells : undefined;
}

/**
 * Every cell under a header cell that `isHeader` accepts, for the rows that
 * follow that header with the same number of cells, up to the first line that
 * is no table row. `isHeader` reads the header cell's text.
 */
export function columnCells(text: string, isHeader: (cell: string) => boolean): ColumnCell[] {
  const out: ColumnCell[] = [];
  let header: { column: number; width: number; row: Span } | undefined;
  // The next pipe, found once for all the lines before it: a line without one is no row.
  let pipe = text.indexOf('|');
  for (let start = 0; pipe >= 0 && start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (pipe < start) pipe = text.indexOf('|', start);
    const cells = pipe >= start && pipe < end ? cellsOf(text, start, end) : undefined;
    if (!cells) header = undefined;
    else if (!SEPARATOR_ROW.test(text.slice(start, end))) {
      const column = cells.findIndex((c) => isHeader(text.slice(c.start, c.end)));
      if (column >= 0) header = { column, width: cells.length, row: { start, end } };
      else if (header && cells.length === header.width) {
        const cell = cells[header.column]!;
        out.push({
          row: { start, end },
          header: header.row,
          cell,
          value: text.slice(cell.start, cell.end),
        });
      }
    }
    start = end + 1;
  }
  return out;
}
