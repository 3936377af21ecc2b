import { excelSerialFromDay, formatISO } from '../../planning/days';
import { MARKER_NAME } from '../../sheets/forms/marker';
import { columnLetters } from '../../sheets/grid';
import { CellStyle, ChartModel, DEFAULT_DATE_FORMAT, ModelValue, SheetModel, Validation, argb, styleNames, resolveStyle } from '../../sheets/model';
import { splitAddress } from './address';

/**
 * A sheet model → batches of Office.js operations, each with an estimate of the request it makes. Pure:
 * `write.ts` turns operations into calls and sends one batch per `context.sync()`. The semantics are the
 * file writer's (`../xlsx/worksheet-xml.ts`): the same cells get the same values, styles and extras.
 *
 * Styles are applied in layers, as the model defines them: each column's style over the rows it reaches,
 * then row styles, then cell styles, each over the largest rectangles that share it, and each setting only
 * what its style sets, so a cell ends up with `resolveStyle` of its names. Number formats are resolved per
 * cell and written as one array per batch, like the values.
 */

/** Excel on the web refuses a request over 5 MB; batches are planned to stay well under 4 MB. */
export const PAYLOAD_BUDGET = 3_500_000;
/** What one call weighs in a request besides its arguments (object path, action and ids); an upper bound. */
const CALL_BYTES = 200;
/** Excel refuses a cell holding more text than this; a data validation's title and message are capped too. */
const MAX_CELL_TEXT = 32767;
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
/** Characters a workbook cannot hold (XML 1.0 forbids them); the file writer drops them too. */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/**
 * Latin letters, Vietnamese ones included (precomposed), spelled out: panes may run in EdgeHTML 18, which
 * cannot parse `\p{L}`.
 */
const LETTER = 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF';
/** Text Excel never reads as anything else (once composed): letters and spaces, not TRUE or FALSE. */
const PLAIN_TEXT = new RegExp(`^[${LETTER}][${LETTER} ]*$`);
/** A defined name Excel takes (Latin letters; the file writer allows any). */
const NAME = new RegExp(`^[${LETTER}_\\\\][${LETTER}0-9_.\\\\]*$`);
const BOOLEAN_TEXT = /^(true|false)$/i;
/** What a row batch weighs besides its rows: the calls of its values and number formats. */
const ROW_BATCH_BYTES = 2 * (CALL_BYTES * 4 + 200);

/** What a formula array holds per cell: a number, a formula (`=…`), text, or null for "leave blank". */
export type CellInput = string | number | null;

/** The part of a named style set through `range.format` (number formats go with the values). */
export interface FormatProps {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** `#RRGGBB` */
  color?: string;
  fill?: string;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  wrap?: boolean;
  /** Thin lines around and between the cells (each cell boxed, as the file writer's per-cell border). */
  border?: boolean;
  locked?: boolean;
}

/** A range on a named sheet, for chart series. */
export interface SheetRef {
  sheet: string;
  address: string;
}

/** One thing to do on the batch's sheet; addresses are A1 without `$`. */
export type Op =
  | { kind: 'columns'; range: string; points: number; hidden: boolean }
  | { kind: 'font'; range: string; name: string; size: number }
  | { kind: 'cells'; range: string; formulas: CellInput[][] }
  | { kind: 'numberFormat'; range: string; formats: (string | null)[][] }
  | { kind: 'format'; range: string; rows: number; cols: number; format: FormatProps }
  | { kind: 'rowHeight'; range: string; points: number }
  | { kind: 'merge'; range: string }
  | { kind: 'freeze'; rows: number; cols: number }
  | { kind: 'page'; landscape: boolean; fitToWidth: boolean; titleRows?: string; footer?: string }
  | { kind: 'name'; name: string; formula: string }
  | { kind: 'validation'; range: string; rule: Excel.DataValidationRule; prompt?: Excel.DataValidationPrompt; error: Excel.DataValidationErrorAlert }
  | { kind: 'conditional'; range: string; formula: string; format: FormatProps }
  | { kind: 'chart'; title: string; start: string; end: string; categories: SheetRef; series: { name: string; values: SheetRef; color: string }[] }
  | { kind: 'protect' };

export interface Batch {
  /** The operations, made when the batch is sent: a national sheet's batches are never all held at once. */
  ops(): Op[];
  /** An upper bound on the request's size (see `opBytes`). */
  bytes: number;
  /** Model rows it writes (for progress). */
  rows: number;
  /** The same work as two smaller batches, or null when it cannot be split further. */
  split(): [Batch, Batch] | null;
}

/** The estimated size of an operation in a request: its data as JSON, and what each of its calls weighs. */
export function opBytes(op: Op): number {
  return utf8Length(JSON.stringify(op)) + CALL_BYTES * calls(op);
}

/** How many Office.js calls (property sets, method calls, object paths) `apply.ts` makes for an operation. */
function calls(op: Op): number {
  switch (op.kind) {
    case 'format': {
      const f = op.format;
      let n = 2; // the range and its format
      for (const k of ['bold', 'italic', 'size', 'color'] as const) if (f[k] !== undefined) n += 2;
      if (f.fill !== undefined) n += 2;
      if (f.horizontal) n++;
      if (f.vertical) n++;
      if (f.wrap !== undefined) n++;
      if (f.border !== undefined) n += 1 + 2 * (4 + (op.rows > 1 ? 1 : 0) + (op.cols > 1 ? 1 : 0));
      if (f.locked !== undefined) n += 2;
      return n;
    }
    case 'conditional':
      return 12;
    case 'validation':
      return 6;
    case 'page':
      return 10;
    case 'chart':
      return 16 + 12 * op.series.length;
    default:
      return 4;
  }
}

/** Text as Excel must keep it: Office.js parses a string as if typed, so text that could read as a number,
 * date, boolean or formula gets Excel's text prefix `'` (which the cell does not show). */
export function textInput(s: string): string | null {
  let t = s.replace(ILLEGAL, '');
  if (t.length > MAX_CELL_TEXT) t = t.slice(0, MAX_CELL_TEXT);
  if (t.length === 0) return null;
  return PLAIN_TEXT.test(t.normalize('NFC')) && !BOOLEAN_TEXT.test(t) ? t : "'" + t;
}

/** A model value as written through `range.formulas`. */
export function cellInput(v: ModelValue | undefined): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string') return textInput(v);
  if ('date' in v) return excelSerialFromDay(v.date);
  return '=' + (v.formula.startsWith('=') ? v.formula.slice(1) : v.formula);
}

const hex = (color: string): string => '#' + argb(color).slice(2);
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** What `range.format` sets for a style (everything but its number format); null when nothing. */
function formatProps(style: CellStyle): FormatProps | null {
  const f: FormatProps = {};
  if (style.bold !== undefined) f.bold = style.bold;
  if (style.italic !== undefined) f.italic = style.italic;
  if (style.size !== undefined) f.size = style.size;
  if (style.color) f.color = hex(style.color);
  if (style.fill) f.fill = hex(style.fill);
  if (style.align) f.horizontal = HORIZONTAL[style.align];
  if (style.valign) f.vertical = VERTICAL[style.valign];
  if (style.wrap !== undefined) f.wrap = style.wrap;
  if (style.border !== undefined) f.border = style.border;
  if (style.unlocked !== undefined) f.locked = !style.unlocked;
  return Object.keys(f).length ? f : null;
}

/**
 * Excel measures a column in digits of the Normal font, padding included, and Office.js sets it in points.
 * The file writer's widths are in digits of the sheet's font (its Normal font there); a digit is about half
 * an em (Times New Roman 12 pt: 8 px; Calibri 11 and Arial 10: 7 px), and a pixel is ¾ of a point.
 */
export function columnPoints(width: number, font: SheetModel['font']): number {
  const digitPx = Math.round((font.size * 96) / 72 / 2);
  return Math.round(width * digitPx * 0.75 * 100) / 100;
}

const col = (index: number): string => columnLetters(index + 1);
/** A1 range of 0-based rows [r1, r2] and columns [c1, c2]. */
const rect = (r1: number, c1: number, r2: number, c2: number): string => `${col(c1)}${r1 + 1}:${col(c2)}${r2 + 1}`;
const noDollar = (range: string): string => range.replace(/\$/g, '');
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);
/** A formula's string constant: `"…"` with `"` doubled. */
const stringConstant = (s: string): string => `"${s.replace(/"/g, '""')}"`;

interface Rect {
  name: string;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** One sheet model, planned: checked up front (before the workbook is touched), then rendered on demand. */
export class SheetRender {
  private readonly numFmtCache = new Map<string, string | null>();
  private readonly formatCache = new Map<string, FormatProps | null>();
  private readonly formatBytesCache = new Map<string, number>();
  private readonly jsonBytesCache = new Map<string, number>();
  /** The widest row's values, and the widest row's styled width (see `rowWidth`). */
  private readonly valueWidth: number;
  private readonly width: number;
  /** What a new run of rows weighs at most: the sheet font's rectangle and one per styled column. */
  private readonly runBytes: number;

  constructor(readonly sheet: SheetModel) {
    checkSheet(sheet);
    let valueWidth = 0;
    let width = sheet.columns.length;
    for (let r = 0; r < sheet.rows.length; r++) {
      valueWidth = Math.max(valueWidth, sheet.rows[r].values.length);
      width = Math.max(width, this.rowWidth(r));
    }
    this.valueWidth = valueWidth;
    this.width = width;
    let runBytes = opBytes({ kind: 'font', range: 'XFD1048576:XFD1048576', name: sheet.font.name, size: sheet.font.size });
    for (const c of sheet.columns) if (c.style) runBytes += this.formatBytes(c.style);
    this.runBytes = runBytes;
  }

  /** Columns a row styles, as the file writer writes them: its values, its cell styles, and the table's width when it has a row style. */
  rowWidth(r: number): number {
    const row = this.sheet.rows[r];
    return Math.max(row.values.length, row.cellStyles?.length ?? 0, row.style ? this.sheet.columns.length : 0);
  }

  /**
   * The sheet's batches: its columns and rows in chunks of at most `budget` estimated bytes, the rest
   * (merges, names, protection…) with the last rows when it fits, else after them.
   */
  *batches(budget: number = PAYLOAD_BUDGET): Generator<Batch> {
    const head = this.head();
    const tail = this.tail();
    let first = 0;
    let bytes = sumBytes(head) + ROW_BATCH_BYTES;
    let withHead = true;
    const n = this.sheet.rows.length;
    for (let r = 0; r < n; r++) {
      const b = this.rowBytes(r, r === first);
      if (r > first && bytes + b > budget) {
        yield this.rowBatch(first, r, withHead ? head : [], [], bytes);
        withHead = false;
        first = r;
        bytes = ROW_BATCH_BYTES + this.rowBytes(r, true);
      } else bytes += b;
    }
    const lastHead = withHead ? head : [];
    const tailBytes = sumBytes(tail);
    if (bytes + tailBytes <= budget) {
      if (n > first || lastHead.length || tail.length) yield this.rowBatch(first, n, lastHead, tail, bytes + tailBytes);
      return;
    }
    if (n > first || lastHead.length) yield this.rowBatch(first, n, lastHead, [], bytes);
    yield* packBatches(tail, budget);
  }

  /** Column widths and hidden columns, in runs of equal columns. */
  head(): Op[] {
    const ops: Op[] = [];
    const cols = this.sheet.columns;
    for (let c = 0; c < cols.length; ) {
      let c2 = c;
      while (c2 + 1 < cols.length && cols[c2 + 1].width === cols[c].width && !!cols[c2 + 1].hidden === !!cols[c].hidden) c2++;
      ops.push({ kind: 'columns', range: `${col(c)}:${col(c2)}`, points: columnPoints(cols[c].width, this.sheet.font), hidden: !!cols[c].hidden });
      c = c2 + 1;
    }
    return ops;
  }

  /** Rows [first, end): values and formulas, then number formats, the font, styles and heights. */
  rowOps(first: number, end: number): Op[] {
    const { sheet } = this;
    const ops: Op[] = [];
    let valueWidth = 0;
    for (let r = first; r < end; r++) valueWidth = Math.max(valueWidth, sheet.rows[r].values.length);
    if (valueWidth > 0) {
      const formulas: CellInput[][] = [];
      for (let r = first; r < end; r++) {
        const line: CellInput[] = new Array(valueWidth).fill(null);
        const values = sheet.rows[r].values;
        for (let c = 0; c < values.length; c++) line[c] = cellInput(values[c]);
        formulas.push(line);
      }
      ops.push({ kind: 'cells', range: rect(first, 0, end - 1, valueWidth - 1), formulas });
    }
    const lines: (string | null)[][] = [];
    let formatWidth = 0;
    for (let r = first; r < end; r++) {
      const line: (string | null)[] = [];
      const w = this.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const f = this.numFmt(r, c);
        line.push(f);
        if (f !== null && c + 1 > formatWidth) formatWidth = c + 1;
      }
      lines.push(line);
    }
    if (formatWidth > 0) {
      const formats = lines.map((line) => {
        const out = line.slice(0, formatWidth);
        while (out.length < formatWidth) out.push(null);
        return out;
      });
      ops.push({ kind: 'numberFormat', range: rect(first, 0, end - 1, formatWidth - 1), formats });
    }
    // Formats after the values, so that nothing Excel infers from a value typed in overrides them. First the
    // sheet's font on the cells the file writer writes, in runs of rows of the same width; then the styles.
    for (let r = first; r < end; ) {
      const w = this.rowWidth(r);
      let r2 = r;
      while (r2 + 1 < end && this.rowWidth(r2 + 1) === w) r2++;
      if (w > 0) ops.push({ kind: 'font', range: rect(r, 0, r2, w - 1), name: sheet.font.name, size: sheet.font.size });
      r = r2 + 1;
    }
    for (const r of [...this.columnLayer(first, end), ...this.rowLayer(first, end), ...this.cellLayer(first, end)]) {
      ops.push({ kind: 'format', range: rect(r.r1, r.c1, r.r2, r.c2), rows: r.r2 - r.r1 + 1, cols: r.c2 - r.c1 + 1, format: this.format(r.name)! });
    }
    for (let r = first; r < end; ) {
      const h = sheet.rows[r].height;
      let r2 = r;
      while (r2 + 1 < end && sheet.rows[r2 + 1].height === h) r2++;
      if (h !== undefined) ops.push({ kind: 'rowHeight', range: `${r + 1}:${r2 + 1}`, points: h });
      r = r2 + 1;
    }
    return ops;
  }

  /** Merges, panes, page, names, validations, conditional formats, charts; protection last. */
  tail(): Op[] {
    const { sheet } = this;
    const ops: Op[] = sheet.merges.map((m) => ({ kind: 'merge', range: noDollar(m) }));
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) ops.push({ kind: 'freeze', rows: sheet.freeze.rows, cols: sheet.freeze.cols });
    if (sheet.page) {
      const { landscape, fitToWidth, printTitleRows, footer } = sheet.page;
      ops.push({ kind: 'page', landscape, fitToWidth, titleRows: printTitleRows && `$${printTitleRows[0]}:$${printTitleRows[1]}`, footer });
    }
    if (sheet.marker !== undefined) ops.push({ kind: 'name', name: MARKER_NAME, formula: '=' + stringConstant(sheet.marker) });
    for (const n of sheet.names ?? []) ops.push({ kind: 'name', name: n.name, formula: n.ref.startsWith('=') ? n.ref : '=' + n.ref });
    for (const v of sheet.validations ?? []) ops.push(validationOp(v));
    // Office.js adds a conditional format at the top priority: the model's first must be added last.
    for (const cf of [...(sheet.conditional ?? [])].reverse()) {
      const f = sheet.styles[cf.style];
      const format: FormatProps = {};
      if (f.bold !== undefined) format.bold = f.bold;
      if (f.color) format.color = hex(f.color);
      if (f.fill) format.fill = hex(f.fill);
      ops.push({ kind: 'conditional', range: noDollar(cf.range), formula: '=' + (cf.formula.startsWith('=') ? cf.formula.slice(1) : cf.formula), format });
    }
    for (const chart of sheet.charts ?? []) if (chart.series.length) ops.push(chartOp(chart));
    if (sheet.protect) ops.push({ kind: 'protect' });
    return ops;
  }

  /** An upper bound on what row `r` adds to a batch; `opensBatch` when it is the batch's first row. */
  rowBytes(r: number, opensBatch = false): number {
    const rows = this.sheet.rows;
    const row = rows[r];
    let bytes = 1 + utf8Length(JSON.stringify(row.values.map(cellInput))) + 5 * (this.valueWidth - row.values.length);
    const w = this.rowWidth(r);
    bytes += 3 + 5 * (this.width - w);
    for (let c = 0; c < w; c++) {
      const f = this.numFmt(r, c);
      bytes += f === null ? 5 : this.jsonBytes(f) + 1;
    }
    if (row.style && this.format(row.style)) bytes += this.formatBytes(row.style);
    const cs = row.cellStyles;
    if (cs) {
      for (let c = 0; c < cs.length; c++) {
        const name = cs[c];
        if (name && cs[c - 1] !== name && this.format(name)) bytes += this.formatBytes(name);
      }
    }
    // A row unlike the one above it (own style, or a different width) starts new runs of the font and column styles.
    const above = rows[r - 1];
    if (opensBatch || !above || !!above.ownStyle !== !!row.ownStyle || this.rowWidth(r - 1) !== w) bytes += this.runBytes;
    if (row.height !== undefined && (opensBatch || above?.height !== row.height)) bytes += this.rowHeightBytes();
    return bytes;
  }

  private jsonBytes(s: string): number {
    let n = this.jsonBytesCache.get(s);
    if (n === undefined) this.jsonBytesCache.set(s, (n = utf8Length(JSON.stringify(s))));
    return n;
  }

  private rowHeightBytes(): number {
    return opBytes({ kind: 'rowHeight', range: '1048576:1048576', points: 409.5 });
  }

  /** The cell's number format: its styles', or a date format for a date in a cell that has none. */
  private numFmt(r: number, c: number): string | null {
    const names = styleNames(this.sheet, r, c);
    const key = `${names[0] ?? ''}\u0001${names[1] ?? ''}\u0001${names[2] ?? ''}`;
    let f = this.numFmtCache.get(key);
    if (f === undefined) {
      f = resolveStyle(this.sheet, names).numFmt ?? null;
      this.numFmtCache.set(key, f);
    }
    if (f !== null) return f;
    const v = this.sheet.rows[r].values[c];
    return v !== null && typeof v === 'object' && 'date' in v ? DEFAULT_DATE_FORMAT : null;
  }

  private format(name: string): FormatProps | null {
    let f = this.formatCache.get(name);
    if (f === undefined) {
      f = formatProps(this.sheet.styles[name]);
      this.formatCache.set(name, f);
    }
    return f;
  }

  /** The most a rectangle of this style weighs, whatever its size. */
  private formatBytes(name: string): number {
    let b = this.formatBytesCache.get(name);
    if (b === undefined) {
      const format = this.format(name);
      b = format ? opBytes({ kind: 'format', range: 'XFD1048576:XFD1048576', rows: 1048576, cols: 16384, format }) : 0;
      this.formatBytesCache.set(name, b);
    }
    return b;
  }

  private reaches(r: number, c: number): boolean {
    return !this.sheet.rows[r].ownStyle && c < this.rowWidth(r);
  }

  /** Each column's style over its runs of rows, runs of neighbouring columns with the same style joined. */
  private columnLayer(first: number, end: number): Rect[] {
    const out: Rect[] = [];
    const open = new Map<string, Rect>();
    const columns = this.sheet.columns;
    for (let c = 0; c < columns.length; c++) {
      const name = columns[c].style;
      if (!name || !this.format(name)) continue;
      for (let r = first; r < end; ) {
        if (!this.reaches(r, c)) {
          r++;
          continue;
        }
        let r2 = r;
        while (r2 + 1 < end && this.reaches(r2 + 1, c)) r2++;
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
  private rowLayer(first: number, end: number): Rect[] {
    const out: Rect[] = [];
    let last: Rect | null = null;
    for (let r = first; r < end; r++) {
      const name = this.sheet.rows[r].style;
      const w = this.rowWidth(r);
      if (!name || !this.format(name) || w === 0) {
        last = null;
        continue;
      }
      if (last && last.name === name && last.c2 === w - 1 && last.r2 === r - 1) last.r2 = r;
      else out.push((last = { name, r1: r, r2: r, c1: 0, c2: w - 1 }));
    }
    return out;
  }

  /** Cell styles in runs along a row, the same run in consecutive rows joined. */
  private cellLayer(first: number, end: number): Rect[] {
    const out: Rect[] = [];
    const open = new Map<string, Rect>();
    for (let r = first; r < end; r++) {
      const cs = this.sheet.rows[r].cellStyles;
      if (!cs) continue;
      for (let c = 0; c < cs.length; ) {
        const name = cs[c];
        if (!name || !this.format(name)) {
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

  /** Rows [first, end), after `head` (column sizes) and before `tail` (the sheet's last operations). */
  private rowBatch(first: number, end: number, head: Op[], tail: Op[], bytes: number): Batch {
    const size = (a: number, b: number, h: Op[], t: Op[]): number => {
      let n = ROW_BATCH_BYTES + sumBytes(h) + sumBytes(t);
      for (let r = a; r < b; r++) n += this.rowBytes(r, r === a);
      return n;
    };
    return {
      bytes,
      rows: end - first,
      ops: () => [...head, ...this.rowOps(first, end), ...tail],
      split: () => {
        if (end - first >= 2) {
          const mid = first + Math.floor((end - first) / 2);
          return [this.rowBatch(first, mid, head, [], size(first, mid, head, [])), this.rowBatch(mid, end, [], tail, size(mid, end, [], tail))];
        }
        return tail.length ? [this.rowBatch(first, end, head, [], size(first, end, head, [])), listBatch(tail)] : null;
      },
    };
  }
}

const sumBytes = (ops: readonly Op[]): number => ops.reduce((n, op) => n + opBytes(op), 0);

/** A string's size in UTF-8, as it travels in a request (Vietnamese letters take two or three bytes). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Two bytes below U+0800, four per surrogate pair (two units), three otherwise.
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return n;
}

function validationOp(v: Validation): Op {
  const operator = v.max === undefined ? 'GreaterThanOrEqualTo' : 'Between';
  // Whole numbers as they are; dates (day numbers) as ISO dates, which Office.js reads without a locale.
  const rule: Excel.DataValidationRule =
    v.type === 'whole'
      ? { wholeNumber: { formula1: v.min, ...(v.max !== undefined ? { formula2: v.max } : {}), operator } }
      : { date: { formula1: formatISO(v.min), ...(v.max !== undefined ? { formula2: formatISO(v.max) } : {}), operator } };
  return {
    kind: 'validation',
    range: noDollar(v.range),
    rule,
    prompt: v.prompt && { showPrompt: true, title: clip(v.prompt.title, MAX_TITLE), message: clip(v.prompt.text, MAX_MESSAGE) },
    error: { showAlert: true, style: 'Stop', title: clip(v.error?.title ?? '', MAX_TITLE), message: clip(v.error?.text ?? '', MAX_MESSAGE) },
  };
}

function sheetRef(ref: string): SheetRef {
  const parts = splitAddress(ref);
  if (!parts) throw new Error(`A chart range needs its sheet: ${ref}`);
  return { sheet: parts.sheet, address: noDollar(parts.local) };
}

/** A line chart with markers framed like the file's two-cell anchor: from the `from` cell's corner to the `to` cell's. */
function chartOp(chart: ChartModel): Op {
  const { from, to } = chart;
  // setPosition's end cell is covered entirely: the one before `to` in both directions ends where the file's frame does.
  const endCol = Math.max(to.col - 1, from.col);
  const endRow = Math.max(to.row - 1, from.row);
  return {
    kind: 'chart',
    title: chart.title,
    start: `${col(from.col)}${from.row + 1}`,
    end: `${col(endCol)}${endRow + 1}`,
    categories: sheetRef(chart.categories),
    series: chart.series.map((s) => ({ name: s.name, values: sheetRef(s.values), color: hex(s.color) })),
  };
}

/** Operations packed in order into batches of at most `budget` estimated bytes. */
function packBatches(ops: readonly Op[], budget: number): Batch[] {
  const out: Batch[] = [];
  let current: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    const b = opBytes(op);
    if (current.length && bytes + b > budget) {
      out.push(listBatch(current));
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += b;
  }
  if (current.length) out.push(listBatch(current));
  return out;
}

function listBatch(ops: Op[]): Batch {
  return {
    bytes: sumBytes(ops),
    rows: 0,
    ops: () => ops,
    split: () => (ops.length < 2 ? null : [listBatch(ops.slice(0, ops.length >> 1)), listBatch(ops.slice(ops.length >> 1))]),
  };
}

/** What the file writer refuses, refused here too, before anything is written. */
function checkSheet(sheet: SheetModel): void {
  const known = (name: string | undefined): void => {
    if (name !== undefined && !Object.prototype.hasOwnProperty.call(sheet.styles, name)) {
      throw new Error(`Sheet "${sheet.name}" uses style "${name}", which it does not define`);
    }
  };
  for (const c of sheet.columns) known(c.style);
  for (const row of sheet.rows) {
    known(row.style);
    if (row.cellStyles) for (const name of row.cellStyles) known(name ?? undefined);
  }
  for (const cf of sheet.conditional ?? []) known(cf.style);
  if (sheet.marker !== undefined && sheet.marker.length > 255) throw new Error(`Sheet "${sheet.name}": a marker is at most 255 characters`);
  const seen = new Set(sheet.marker !== undefined ? [MARKER_NAME.toUpperCase()] : []);
  for (const n of sheet.names ?? []) {
    if (!NAME.test(n.name)) throw new Error(`Sheet "${sheet.name}": "${n.name}" is not a valid name`);
    if (seen.has(n.name.toUpperCase())) throw new Error(`Sheet "${sheet.name}" has two names "${n.name}"`);
    seen.add(n.name.toUpperCase());
  }
}
