import { SheetModel } from '../../sheets/model';

/**
 * A sheet's styles as rectangles, in the layers the model defines: each column's style over the rows it
 * reaches, then row styles, then cell styles, each over the largest rectangles that share it.
 */

/** A style over rows [r1, r2] and columns [c1, c2], 0-based. */
export interface Rect {
  name: string;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** What the layers need to know of the sheet besides its model: which styles set a format, how wide a row is styled. */
export interface StyledSheet {
  sheet: SheetModel;
  /** The style sets something `range.format` sets (else it is not drawn). */
  formats(name: string): boolean;
  /** Columns the row styles (see `SheetRender.rowWidth`). */
  rowWidth(r: number): number;
}

/** The style rectangles of rows [first, end), column layer first, then rows, then cells (the last wins). */
export const styleLayers = (s: StyledSheet, first: number, end: number): Rect[] => [...columnLayer(s, first, end), ...rowLayer(s, first, end), ...cellLayer(s, first, end)];

/** A column's style reaches the cell: the row has no style of its own and is that wide. */
const reaches = (s: StyledSheet, r: number, c: number): boolean => !s.sheet.rows[r].ownStyle && c < s.rowWidth(r);

/** Each column's style over its runs of rows, runs of neighbouring columns with the same style joined. */
function columnLayer(s: StyledSheet, first: number, end: number): Rect[] {
  const out: Rect[] = [];
  const open = new Map<string, Rect>();
  const columns = s.sheet.columns;
  for (let c = 0; c < columns.length; c++) {
    const name = columns[c].style;
    if (!name || !s.formats(name)) continue;
    for (let r = first; r < end; ) {
      if (!reaches(s, r, c)) {
        r++;
        continue;
      }
      let r2 = r;
      while (r2 + 1 < end && reaches(s, r2 + 1, c)) r2++;
      const key = `${name}\u0001${r}\u0001${r2}`;
      const left = open.get(key);
      if (left && left.c2 === c - 1) left.c2 = c;
      else {
        const next = { name, r1: r, r2, c1: c, c2: c };
        out.push(next);
        open.set(key, next);
      }
      r = r2 + 1;
    }
  }
  return out;
}


/** Row styles across their rows' widths, consecutive rows alike joined. */
function rowLayer(s: StyledSheet, first: number, end: number): Rect[] {
  const out: Rect[] = [];
  let last: Rect | null = null;
  for (let r = first; r < end; r++) {
    const name = s.sheet.rows[r].style;
    const w = s.rowWidth(r);
    if (!name || !s.formats(name) || w === 0) {
      last = null;
      continue;
    }
    if (last && last.name === name && last.c2 === w - 1 && last.r2 === r - 1) last.r2 = r;
    else out.push((last = { name, r1: r, r2: r, c1: 0, c2: w - 1 }));
  }
  return out;
}


/** Cell styles in runs along a row, the same run in consecutive rows joined. */
function cellLayer(s: StyledSheet, first: number, end: number): Rect[] {
  const out: Rect[] = [];
  const open = new Map<string, Rect>();
  for (let r = first; r < end; r++) {
    const cs = s.sheet.rows[r].cellStyles;
    if (!cs) continue;
    for (let c = 0; c < cs.length; ) {
      const name = cs[c];
      if (!name || !s.formats(name)) {
        c++;
        continue;
      }
      let c2 = c;
      while (c2 + 1 < cs.length && cs[c2 + 1] === name) c2++;
      const key = `${name}\u0001${c}\u0001${c2}`;
      const above = open.get(key);
      if (above && above.r2 === r - 1) above.r2 = r;
      else {
        const next = { name, r1: r, r2: r, c1: c, c2 };
        out.push(next);
        open.set(key, next);
      }
      c = c2 + 1;
    }
  }
  return out;
}
