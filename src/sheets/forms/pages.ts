import { DECREE_30_MARGINS, Margins, PageSetup, SheetModel } from '../model';

/**
 * Where a form's printed pages break, decided from the sheet itself: at its own size (never scaled down, so
 * no text prints under its font size), on A4 with Decree 30's margins, the title rows and columns repeated
 * on every page. Pure: the same sheet always breaks the same way, in Excel and in LibreOffice, because the
 * breaks are written as manual breaks rather than left to each host's guess.
 */

const MM = 72 / 25.4;
/** A4 in points. */
const A4 = { short: 210 * MM, long: 297 * MM };
/**
 * What a page is estimated to hold, of what it really holds: hosts measure a row or a column a little
 * differently (Excel pads columns by a few pixels), and a page that overflows gets an automatic break of its own.
 */
const SAFETY = 0.96;

/** Points across and down the printable part of an A4 page. */
export function printable(landscape: boolean, margins: Margins = DECREE_30_MARGINS): { width: number; height: number } {
  const [w, h] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
  return { width: w - (margins.left + margins.right) * MM, height: h - (margins.top + margins.bottom) * MM };
}

/**
 * A column's printed width in points: widths count digits of the workbook's Normal font (the forms': 12 pt Times
 * New Roman, whatever a sheet's own size), and a digit is half an em.
 */
export const columnPoints = (width: number, fontSize: number): number => (width * fontSize) / 2;

/** Whether columns of these widths print on one page across, at the sheet's font size. */
export function fitsAcross(widths: readonly number[], fontSize: number, landscape: boolean): boolean {
  let points = 0;
  for (const w of widths) points += columnPoints(w ?? 0, fontSize);
  return points <= printable(landscape).width * SAFETY;
}

/** The height a row prints at: its own, or the default of the sheet's font (as the writers set it). */
export const defaultRowHeight = (fontSize: number): number => Math.round(fontSize * 1.3 * 4) / 4;

/** How a sheet's rows and columns may break. */
export interface BreakRules {
  /** Runs of rows (1-based, inclusive) kept on one page when a page can hold them: a unit's rows, a signature block. */
  keepRows?: readonly [number, number][];
  /** Runs of columns (0-based, inclusive) kept on one page: a period's target and its box. */
  keepCols?: readonly [number, number][];
  /** Rows and columns that always start a page (a stage's block). */
  rowStarts?: readonly number[];
  colStarts?: readonly number[];
}

const spanSize = (span: readonly [number, number] | undefined, size: (i: number) => number): number => {
  let s = 0;
  if (span) for (let i = span[0]; i <= span[1]; i++) s += size(i);
  return s;
};

/** Where the columns break under `page` (its orientation and repeated columns): each new page's first column, 0-based. */
export function columnBreaks(columns: SheetModel['columns'], fontSize: number, page: PageSetup, rules: BreakRules = {}): number[] {
  const { width } = printable(page.landscape, page.margins);
  const size = (c: number): number => (!columns[c] || columns[c].hidden ? 0 : columnPoints(columns[c].width, fontSize));
  const titles = page.printTitleCols;
  return breaks(0, columns.length - 1, size, width * SAFETY, titles ? titles[1] + 1 : 0, spanSize(titles, size), rules.keepCols, rules.colStarts);
}

/** Where the rows break under `page` (its orientation and repeated rows): each new page's first row, 1-based. */
export function rowBreaks(rows: SheetModel['rows'], fontSize: number, page: PageSetup, rules: BreakRules = {}): number[] {
  const { height } = printable(page.landscape, page.margins);
  const size = (r: number): number => (rows[r - 1]?.hidden ? 0 : rows[r - 1]?.height ?? defaultRowHeight(fontSize));
  const titles = page.printTitleRows;
  return breaks(1, rows.length, size, height * SAFETY, titles ? titles[1] + 1 : 1, spanSize(titles, size), rules.keepRows, rules.rowStarts);
}

/** The columns of each printed page across (0-based, inclusive), from the breaks. */
export function columnPages(breaksAt: readonly number[], last: number): [number, number][] {
  const starts = [0, ...breaksAt];
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] - 1 : last]);
}

/**
 * Greedy breaks along one direction, from `first` to `last`: each page takes what it can; a page after the
 * first also prints the repeated titles (`titleSize`) and never breaks before `bodyStart` (the titles and what
 * is above them print on the first page). A run to keep together moves whole to the next page when it does not
 * fit, unless it starts the page or the page holds nothing of the body yet (then it breaks where it must).
 */
function breaks(first: number, last: number, size: (i: number) => number, room: number, bodyStart: number, titleSize: number,
  keep: readonly [number, number][] = [], starts: readonly number[] = []): number[] {
  const keepEnd = new Map<number, number>();
  for (const [a, b] of keep) keepEnd.set(a, Math.max(b, keepEnd.get(a) ?? a));
  const forced = new Set(starts.filter((s) => s > first && s <= last));
  const out: number[] = [];
  let pageStart = first;
  let used = 0;
  // Whether the page holds some of the body yet: a page of titles alone is never left (a run too long for
  // what the document block leaves of the first page breaks inside rather than leave it empty).
  let body = false;
  const breakAt = (i: number): void => {
    out.push(i);
    pageStart = i;
    body = false;
    // A page that starts at or above the repeated titles prints them in their place, not again.
    used = i < bodyStart ? 0 : titleSize;
  };
  for (let i = first; i <= last; ) {
    if (forced.has(i) && i > pageStart) breakAt(i);
    const end = i >= bodyStart ? keepEnd.get(i) ?? i : i;
    let run = 0;
    for (let j = i; j <= end; j++) run += size(j);
    if (used + run <= room || i < bodyStart) {
      used += run;
      body ||= i >= bodyStart && run > 0;
      i = end + 1;
      continue;
    }
    if (i > pageStart && body && titleSize + run <= room) {
      breakAt(i);
      continue;
    }
    // A run larger than a page (or one that starts it): break inside it, item by item. What it leaves on the
    // last of its pages is body, so the next run that does not fit moves to a page of its own.
    for (let j = i; j <= end; j++) {
      if (used + size(j) > room && j > pageStart) breakAt(j);
      used += size(j);
    }
    body = true;
    i = end + 1;
  }
  return out;
}

/**
 * About how wide a text prints, in digits of the font (the unit of column widths): Times New Roman's capitals
 * and wide letters take more than a digit, its lower case and spaces a little less. An estimate for sizing
 * columns, on the generous side; `bold` adds a tenth.
 */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) {
    let c = CHAR_WIDTHS.get(ch);
    if (c === undefined) CHAR_WIDTHS.set(ch, (c = charWidth(ch)));
    w += c;
  }
  return bold ? w * 1.1 : w;
}

/** Each character's width, worked out once (ten thousand unit names go through `textWidth` a few times). */
const CHAR_WIDTHS = new Map<string, number>();
function charWidth(ch: string): number {
  if (/[MWmw]/.test(ch)) return 1.6;
  if (/[A-ZĐ]/.test(ch.normalize('NFD')[0])) return 1.35;
  if (/[0-9]/.test(ch)) return 1;
  if (/[ .,:;'!|()\-–/ijlftrI]/.test(ch)) return 0.65;
  return 0.95;
}

/** A column width that shows the widest of `texts` on one line, within [min, max]. */
export function fitWidth(texts: Iterable<string>, min: number, max: number, bold = false): number {
  let w = min;
  for (const t of texts) w = Math.max(w, Math.ceil(textWidth(t, bold)) + 2);
  return Math.min(max, w);
}

/**
 * The page setup a form prints with: its breaks across and down; the repeated columns only when the form runs
 * over several pages across (on one page they would repeat nothing).
 */
export function printPage(page: PageSetup, colBreaks: number[], rows: SheetModel['rows'], keepRows: readonly [number, number][], fontSize = 12, rowStarts: number[] = []): PageSetup {
  const { printTitleCols, ...rest } = page;
  const across: PageSetup = colBreaks.length > 0 ? { ...rest, ...(printTitleCols ? { printTitleCols } : {}), colBreaks } : rest;
  return { ...across, rowBreaks: rowBreaks(rows, fontSize, across, { keepRows, rowStarts }) };
}

/**
 * The width of a column of the plan's counts: the largest row's digits with room for the thousands separators,
 * at least `min`. A loop, not `Math.max(...rows)`: a plan's rows can pass the engines' limit on arguments.
 */
export function countWidth(rows: readonly { remaining: number }[], min: number): number {
  let largest = 0;
  for (const r of rows) if (r.remaining > largest) largest = r.remaining;
  return Math.max(min, String(largest).length + 3);
}

/**
 * Where a run starting at `row` (a total and the signatures under it) should start to stay with what is above it:
 * the start of the run to keep that ends just above (the last unit's rows), else the row just above.
 */
export function withRunAbove(keepRows: readonly [number, number][], row: number): number {
  const above = keepRows.filter(([a, b]) => a <= row - 1 && b >= row - 1).map(([a]) => a);
  return above.length ? Math.min(...above) : row - 1;
}
