/**
 * The Office.js operations a sheet model is rendered into, and what each weighs in a request: Excel on the
 * web refuses requests over 5 MB, so every batch is planned against an estimate that is an upper bound.
 */

/** Excel on the web refuses a request over 5 MB; batches are planned to stay well under 4 MB. */
export const PAYLOAD_BUDGET = 3_500_000;
/** What one call weighs in a request besides its arguments (object path, action and ids); an upper bound. */
const CALL_BYTES = 200;
/** What a row batch weighs besides its rows: the calls of its values and number formats. */
export const ROW_BATCH_BYTES = 2 * (CALL_BYTES * 4 + 200);

/** What a formula array holds per cell: a number, a formula (`=…`), text, or null for "leave blank". */
export type CellInput = string | number | null;

/** The part of a named style set through `range.format` (number formats go with the values). */
export interface FormatProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** `#RRGGBB` */
  color?: string;
  fill?: string;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  wrap?: boolean;
  /** Lines around and between the cells (each cell boxed, as the file writer's per-cell border): thin, or medium. */
  border?: boolean | 'medium';
  locked?: boolean;
}

/** A sheet's print setup as Office.js takes it: margins in points, titles and breaks as A1 addresses. */
export interface PageOp {
  landscape: boolean;
  fitToWidth: boolean;
  overThenDown: boolean;
  /** Top, bottom, left, right, header, footer. */
  margins: [number, number, number, number, number, number];
  titleRows?: string;
  titleColumns?: string;
  /** `A1:X40`: what prints. */
  printArea?: string;
  header?: string;
  footer?: string;
  /** The first cell of each new page: `A20` (a break above row 20), `F1` (a break left of column F). */
  rowBreaks: string[];
  colBreaks: string[];
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
  | { kind: 'rowHidden'; range: string }
  | { kind: 'merge'; range: string }
  | { kind: 'freeze'; rows: number; cols: number }
  | { kind: 'page'; page: PageOp }
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
      for (const k of ['bold', 'italic', 'underline', 'size', 'color'] as const) if (f[k] !== undefined) n += 2;
      if (f.fill !== undefined) n += 2;
      if (f.horizontal) n++;
      if (f.vertical) n++;
      if (f.wrap !== undefined) n++;
      if (f.border !== undefined) n += 1 + 3 * (4 + (op.rows > 1 ? 1 : 0) + (op.cols > 1 ? 1 : 0));
      if (f.locked !== undefined) n += 2;
      return n;
    }
    case 'conditional':
      return 12;
    case 'validation':
      return 6;
    case 'page':
      return 24 + 3 * (op.page.rowBreaks.length + op.page.colBreaks.length);
    case 'chart':
      return 22 + 12 * op.series.length;
    default:
      return 4;
  }
}

export const sumBytes = (ops: readonly Op[]): number => ops.reduce((n, op) => n + opBytes(op), 0);


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
