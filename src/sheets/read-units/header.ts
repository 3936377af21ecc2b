import { CellValue, Grid } from '../grid';
import { isBlank } from '../parse-count';
import { OTHER, Role, classifyHeader, resolveRoles } from './headings';

export interface HeaderColumn {
  role: Role;
  /** The header text the role was read from ('' when the column has none). */
  label: string;
  /** Grid row of the cell that gave the label (the band's lowest row when there is none): problems point at it. */
  row: number;
}

export interface Header {
  /** Grid rows of the header band: equal for a one-row header. */
  top: number;
  bottom: number;
  /** One per grid column. */
  columns: HeaderColumn[];
  /** First grid row of data: after the band, and after a row of column numbers ("(1) | (2) | (3)") if any. */
  dataStart: number;
}

/** Header rows are searched for near the top: titles take a few rows, and a 10,000-unit sheet stays fast. */
const SEARCH_ROWS = 100;

const labelOf = (v: CellValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The columns of a header band. A lower cell's text wins; where it is blank the upper cell's text is used
 * (a label merged down over both rows). A register merged across the lower row's "Số trường hợp" /
 * "Remaining" cells makes those cells that register's counts; its "Số quyển" cells stay books.
 */
function bandColumns(labels: (string | null)[][], roles: (Role | null)[][], top: number, bottom: number): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  let group: Role | null = null;
  for (let c = 0; c < labels[bottom].length; c++) {
    const upper = top < bottom ? roles[top][c] : null;
    const lower = roles[bottom][c];
    // Merged areas give their value in their left cell only, so a group runs right until the next upper label.
    if (upper) group = lower ? upper : null;
    if (lower) {
      const role = lower.kind === 'total' && group?.kind === 'register' ? group : lower;
      columns.push({ role, label: labels[bottom][c] ?? '', row: bottom });
    } else if (upper) {
      columns.push({ role: upper, label: labels[top][c] ?? '', row: top });
    } else {
      columns.push({ role: OTHER, label: '', row: bottom });
    }
  }
  const resolved = resolveRoles(columns.map((col) => col.role));
  return columns.map((col, c) => ({ ...col, role: resolved[c] }));
}

/**
 * How many columns a band recognises, and whether they make a table: units with register or total columns
 * (wide), or register names with a count column (long).
 */
function assess(columns: HeaderColumn[]): { score: number; table: boolean } {
  const has = new Set(columns.map((col) => col.role.kind));
  const score = columns.filter((col) => col.role.kind !== 'other').length;
  const wide = has.has('name') && (has.has('register') || has.has('total'));
  const long = has.has('registerName') && has.has('total') && !has.has('register');
  return { score, table: wide || long };
}

/** A row holding only column numbers, as official forms print under the header: "A | B | 1 | 2 | 3=1+2". */
const MARKER = /^\(?([A-Za-z]|\d{1,2})\)?(\s*=.*)?$/;

function isColumnNumberRow(row: readonly CellValue[] | undefined): boolean {
  let markers = 0;
  let last = 0;
  for (const v of row ?? []) {
    if (isBlank(v)) continue;
    const m = typeof v === 'number' ? /^(\d{1,2})$/.exec(String(v)) : typeof v === 'string' ? MARKER.exec(v.trim()) : null;
    if (!m) return false;
    if (/\d/.test(m[1])) {
      if (Number(m[1]) !== last + 1) return false; // numbered left to right from 1
      last++;
    }
    markers++;
  }
  return markers >= 2;
}

/** What a table still lacks: a unit column, count columns, or (a long sheet) the count beside its registers. */
export type MissingRole = 'unit' | 'counts' | 'unit-and-counts' | 'count';

/** The row that looked most like a header when none makes a table: what it has, and what it lacks. */
export interface Closest {
  /** Grid row. */
  row: number;
  /** Its labelled cells, each with the role read from it (`other` when none). */
  columns: { c: number; label: string; role: Role }[];
  missing: MissingRole;
}

export type HeaderSearch = { kind: 'found'; header: Header } | { kind: 'none'; closest: Closest | null };

function missingOf(columns: HeaderColumn[]): MissingRole {
  const has = new Set(columns.map((col) => col.role.kind));
  const counts = has.has('register') || has.has('total');
  if (has.has('registerName') && !counts) return 'count';
  if (has.has('name')) return 'counts';
  return counts ? 'unit' : 'unit-and-counts';
}

/**
 * Finds the header: the row, or pair of rows, near the top that recognises the most columns and makes a
 * table. A pair counts only when its lower row is all text and its upper row adds what the lower lacks, so
 * a title above the header never joins it. When no row makes a table, the row that recognised the most
 * columns is the closest, for the message (null when no row recognised any).
 */
export function findHeader(grid: Grid, width: number): HeaderSearch {
  const scanned = Math.min(grid.rows.length, SEARCH_ROWS);
  const labels: (string | null)[][] = [];
  const roles: (Role | null)[][] = [];
  for (let r = 0; r < scanned; r++) {
    labels.push(Array.from({ length: width }, (_, c) => labelOf(grid.rows[r]?.[c])));
    roles.push(labels[r].map((label) => (label === null ? null : classifyHeader(label))));
  }
  const textOnly = (r: number): boolean =>
    labels[r].some((label) => label !== null) && (grid.rows[r] ?? []).every((v) => v === null || typeof v === 'string');

  let best: { top: number; bottom: number; columns: HeaderColumn[]; score: number } | null = null;
  let near: { row: number; columns: HeaderColumn[]; score: number } | null = null;
  for (let r = 0; r < scanned; r++) {
    const single = bandColumns(labels, roles, r, r);
    const one = assess(single);
    if (one.table && (best === null || one.score > best.score)) best = { top: r, bottom: r, columns: single, score: one.score };
    if (!one.table && one.score > 0 && (near === null || one.score > near.score)) near = { row: r, columns: single, score: one.score };
    if (r + 1 >= scanned || !textOnly(r + 1)) continue;
    const pair = bandColumns(labels, roles, r, r + 1);
    const two = assess(pair);
    const addsToLower = two.score > assess(bandColumns(labels, roles, r + 1, r + 1)).score;
    const beats = best === null || two.score > best.score || (best.top === r && two.score === best.score);
    if (two.table && addsToLower && beats) best = { top: r, bottom: r + 1, columns: pair, score: two.score };
  }
  if (!best) {
    if (!near) return { kind: 'none', closest: null };
    const { row, columns } = near;
    const labelled = columns.flatMap((col, c) => (labels[row][c] === null ? [] : [{ c, label: labels[row][c] as string, role: col.role }]));
    return { kind: 'none', closest: { row, columns: labelled, missing: missingOf(columns) } };
  }
  const dataStart = best.bottom + 1 + (isColumnNumberRow(grid.rows[best.bottom + 1]) ? 1 : 0);
  return { kind: 'found', header: { top: best.top, bottom: best.bottom, columns: best.columns, dataStart } };
}
