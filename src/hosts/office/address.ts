import { columnLetters, columnNumber } from '../../sheets/grid';

/**
 * A1 addresses as Office.js gives and takes them: `Số liệu!C7`, `'Tổng hợp'!$C$7:$H$40`. Excel quotes a
 * sheet name with spaces or other characters (a `'` doubled); people and our own messages may not.
 */

/** A rectangle of cells, 1-based. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The sheet and the local part of `Sheet!C7` / `'Tổng hợp'!C7:H40`; null without a `!`. */
export function splitAddress(address: string): { sheet: string; local: string } | null {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(address);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = address.lastIndexOf('!');
  if (bang <= 0 || bang === address.length - 1) return null;
  return { sheet: address.slice(0, bang), local: address.slice(bang + 1) };
}

/** `C7` or `$C$7:$H$40` → its box; null for anything else (whole rows or columns, names). */
export function parseBox(local: string): Box | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local);
  if (!m) return null;
  const [c1, r1] = [columnNumber(m[1]), +m[2]];
  const [c2, r2] = m[3] ? [columnNumber(m[3]), +m[4]] : [c1, r1];
  if (r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** `C7:H40` (or `C7` for one cell). */
export function boxAddress(box: Box): string {
  const first = `${columnLetters(box.col)}${box.row}`;
  if (box.rows === 1 && box.cols === 1) return first;
  return `${first}:${columnLetters(box.col + box.cols - 1)}${box.row + box.rows - 1}`;
}
