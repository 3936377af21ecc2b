/**
 * A FAKE: a recording fake of the Excel JavaScript API surface the adapter uses, not Excel.
 *
 * It is faithful where the adapter's correctness depends on it and nowhere else:
 * - Proxies. Property writes and method calls only queue; they reach the workbook at `context.sync()`, in
 *   order. Objects are found when Excel first meets them in a batch (`getItem('X')` then renaming X keeps
 *   pointing at that sheet), and a missing one fails the sync with `ItemNotFound`.
 * - Loading. A property can only be read after `load()` and a sync, else `PropertyNotLoaded` is thrown.
 *   `*OrNullObject` objects report `isNullObject` once loaded and synced.
 * - Requests. Each sync counts, and its payload is measured as the JSON size (UTF-8 bytes) of the queued
 *   operations (object paths, names, arguments). Over 5,000,000 bytes, like Excel on the web, it fails with
 *   `RequestPayloadSizeLimitExceeded` and nothing of it is applied. Responses are measured the same way.
 *   One-shot errors can be injected (`failSync`), and the limit lowered (`payloadLimit`).
 * - Cell-edit mode. While the user is typing in a cell (`editCell`, from now or from a given sync, until
 *   `leaveCell`), Excel refuses every request whole with `InvalidOperationInCellEditMode`; so does the fake.
 * - Cells. Strings are taken as if typed, as Office.js does: `=…` (and `+…`, `-…`) is a formula, a number
 *   or a date-like text becomes a number, `TRUE` a boolean, `#N/A` an error; a leading `'` keeps the rest as
 *   text. `null` in an array leaves the cell as it is. Arrays must match the range's size. A protected
 *   sheet refuses changes. The fake does not calculate: a formula cell reads back its formula, and an
 *   empty value, unless it holds a broken reference (below): then its value is the error `#REF!`.
 * - References to sheets. A formula, in a cell or a defined name, holds the sheets it names (`'Tổng hợp'!`,
 *   `Lịch!`, outside string literals) as Excel does: by the sheet, not by its name. Renaming a sheet rewrites
 *   the references to it in every formula; deleting one turns them into `#REF!` (`=#REF!D10`), in the
 *   formula and its value, for good: a sheet added later under the old name is not picked up. A formula
 *   naming a sheet the workbook does not have is `#REF!` too (Excel takes it for a link to another
 *   workbook), and stays so when such a sheet is added; the fake keeps its text as written. Names a test
 *   arranges by hand hold no sheets, and charts record their ranges as written.
 *
 * Formats are recorded per range as set (`formatAt` folds them for a cell, borders resolved to the cell's own
 * sides; a neighbour's side is not taken for this cell's). Tests read the workbook through `FakeWorkbook`.
 *
 * It runs in Node (the jest tests of the Excel host) and in a browser: test/e2e/fake-office.ts bundles it
 * as a fake office.js for the production pane in Chromium. So it uses no Node API.
 */

export const PAYLOAD_LIMIT = 5_000_000;
/** UTF-8 size of a text, as Excel measures a request: the same in Node and in a browser (the fake runs in both). */
const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type Scalar = number | string | boolean;
/** 0-based. */
interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const letters = (col0: number): string => {
  let s = '';
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const colIndex = (l: string): number => [...l.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** `C7`, `C7:H40`, `C:F`, `5:7`, with or without `$`. */
function parseA1(address: string): Box {
  const a = address.replace(/\$/g, '');
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a);
  if (m) {
    const c1 = colIndex(m[1]);
    const r1 = +m[2] - 1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    const r2 = m[4] ? +m[4] - 1 : r1;
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(a);
  if (m) return { row: 0, rows: MAX_ROWS, col: colIndex(m[1]), cols: colIndex(m[2]) - colIndex(m[1]) + 1 };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { row: +m[1] - 1, rows: +m[2] - +m[1] + 1, col: 0, cols: MAX_COLS };
  throw new FakeOfficeError('InvalidArgument', `Not an address: ${address}`);
}

function a1(box: Box): string {
  if (box.rows === MAX_ROWS) return `${letters(box.col)}:${letters(box.col + box.cols - 1)}`;
  const first = `${letters(box.col)}${box.row + 1}`;
  return box.rows === 1 && box.cols === 1 ? first : `${first}:${letters(box.col + box.cols - 1)}${box.row + box.rows}`;
}

/** As Excel writes a sheet in an address: quoted unless a plain word. */
const bad = (address: string): never => {
  throw new FakeOfficeError('InvalidArgument', `Not whole rows or columns: ${address}`);
};
const quoteName = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const fold = (s: string): string => s.toLowerCase();
const within = (b: Box, r: number, c: number): boolean => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;
const DATE_LIKE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/;
const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!']);

/** One row of a sheet: parallel sparse arrays. */
class Row {
  values: (Scalar | undefined)[] = [];
  formulas: (string | undefined)[] = [];
  errors: (true | undefined)[] = [];
  formats: (string | undefined)[] = [];
  /** Per formula, the sheet each of its references names, in order (null: none of that name when written). */
  links: (Links | undefined)[] = [];
}

/** The sheets a formula's references hold, in the order `sheetRefs` finds them. */
type Links = (FakeSheet | null)[];

/** A sheet reference in a formula: `'Tổng hợp'!` or `Lịch!`, from `start` to just after the `!`. */
interface SheetRef {
  start: number;
  end: number;
  name: string;
  quoted: boolean;
}

const ERROR_LITERAL = /#(?:REF!|NULL!|DIV\/0!|VALUE!|NAME\?|NUM!|N\/A)/iy;
const UNQUOTED_REF = /[\p{L}_][\p{L}\p{N}_.]*!/uy;
const WORD_CHAR = /[\p{L}\p{N}_.]/u;

/** The sheet references of a formula, outside its string literals and error values. */
function sheetRefs(formula: string): SheetRef[] {
  const refs: SheetRef[] = [];
  if (!formula.includes('!')) return refs;
  for (let i = 0; i < formula.length; ) {
    const ch = formula[i];
    if (ch === '"') {
      for (i++; i < formula.length; i++) {
        if (formula[i] !== '"') continue;
        if (formula[i + 1] !== '"') break;
        i++;
      }
      i++;
      continue;
    }
    if (ch === "'") {
      let name = '';
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== "'") name += formula[j];
        else if (formula[j + 1] === "'") name += formula[j++];
        else break;
      }
      if (formula[j + 1] === '!') refs.push({ start: i, end: j + 2, name, quoted: true });
      i = j + 2;
      continue;
    }
    if (ch === '#') {
      ERROR_LITERAL.lastIndex = i;
      i = ERROR_LITERAL.test(formula) ? ERROR_LITERAL.lastIndex : i + 1;
      continue;
    }
    UNQUOTED_REF.lastIndex = i;
    const m = i > 0 && WORD_CHAR.test(formula[i - 1]) ? null : UNQUOTED_REF.exec(formula);
    if (m) {
      refs.push({ start: i, end: i + m[0].length, name: m[0].slice(0, -1), quoted: false });
      i += m[0].length;
    } else i++;
  }
  return refs;
}

/** A sheet as a formula names it, quoted as it was or where the name needs it. */
function refText(name: string, quoted: boolean): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Z]{1,3}\d+$/i.test(name) && !/^R\d*C\d*$/i.test(name);
  return `${quoted || !plain ? `'${name.replace(/'/g, "''")}'` : name}!`;
}

/**
 * A formula after `sheet` was renamed (`gone` false: its references name the sheet's new name) or deleted
 * (`gone`: they become `#REF!` and hold nothing); null when it does not name the sheet.
 */
function retarget(formula: string, links: Links, sheet: FakeSheet, gone: boolean): { formula: string; links: Links } | null {
  if (!links.includes(sheet)) return null;
  const refs = sheetRefs(formula);
  if (refs.length !== links.length) throw new Error(`FAKE: ${formula} has ${refs.length} sheet references, ${links.length} held`);
  let out = '';
  let at = 0;
  const kept: Links = [];
  refs.forEach((r, i) => {
    const mine = links[i] === sheet;
    out += formula.slice(at, r.start) + (!mine ? formula.slice(r.start, r.end) : gone ? '#REF!' : refText(sheet.name, r.quoted));
    if (!(mine && gone)) kept.push(links[i]);
    at = r.end;
  });
  return { formula: out + formula.slice(at), links: kept };
}

/** Whether a formula shows `#REF!`: it names a sheet it holds none of, or holds `#REF!` itself. */
function broken(formula: string, links: Links): boolean {
  if (links.includes(null)) return true;
  if (!formula.includes('#')) return false;
  const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return /#REF!/i.test(outsideStrings);
}

export interface FakeCell {
  value: Scalar | null;
  formula: string | null;
  error: boolean;
  numberFormat: string;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  series: { name?: string; values: string; xValues?: string; props: Record<string, unknown> }[];
  position?: [string, string | undefined];
}

export class FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' = 'Visible';
  readonly rows = new Map<number, Row>();
  /** Every format property set, per range, in order. */
  readonly formats: { box: Box; key: string; value: unknown }[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Rows hidden (0-based), by hand or by the autofilter: Excel keeps one flag for both. */
  readonly hiddenRows = new Set<number>();
  /** The autofilter's range (its header row first), and whether a criterion is applied (Excel's isDataFiltered). */
  autoFilter: { box: Box; filtered: boolean } | null = null;
  readonly rowHeights = new Map<number, number>();
  /** Manual page breaks, each the first cell of a new page (`A20`: above row 20; `F1`: left of column F), in order. */
  readonly pageBreaks: { horizontal: string[]; vertical: string[] } = { horizontal: [], vertical: [] };
  readonly merges: string[] = [];
  frozen: { rows: number; cols: number } | null = null;
  selected: Box = { row: 0, col: 0, rows: 1, cols: 1 };
  readonly names: FakeName[] = [];
  protection: { protected: boolean; options?: unknown } = { protected: false };
  readonly validations: { range: string; props: Record<string, unknown> }[] = [];
  /** In priority order, first highest. */
  readonly conditionalFormats: { range: string; type: string; props: Record<string, unknown> }[] = [];
  readonly charts: FakeChart[] = [];
  readonly page: Record<string, unknown> = {};

  constructor(readonly id: string, name: string, private readonly book: FakeWorkbook) {
    this.name = name;
  }

  private row(r: number): Row {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Row()));
    return row;
  }

  /** A cell as stored. */
  cell(address: string): FakeCell {
    const { row: r, col: c } = parseA1(address);
    const row = this.rows.get(r);
    const v = row?.values[c];
    return { value: v ?? null, formula: row?.formulas[c] ?? null, error: !!row?.errors[c], numberFormat: row?.formats[c] ?? 'General' };
  }

  /**
   * The first box of a progress report, as a clerk finds it: under the first column of its hidden key row
   * (the first row of QuotaPlanner.Inputs) that holds a period, on the first line of a unit (a register in C).
   */
  firstBox(): string {
    const ref = this.names.find((n) => n.name === 'QuotaPlanner.Inputs')!.formula;
    const m = /!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
    const [c1, r1, c2, r2] = [parseA1(`${m[1]}1`).col, +m[2], parseA1(`${m[3]}1`).col, +m[4]];
    let col = -1;
    for (let c = c1; c <= c2 && col < 0; c++) if (this.rows.get(r1 - 1)?.values[c] != null) col = c;
    for (let r = r1; r < r2; r++) {
      if (this.rows.get(r)?.values[2] != null) return a1({ row: r, col, rows: 1, cols: 1 });
    }
    throw new Error('FAKE: no box');
  }

  /** The format properties set on ranges covering a cell, the last one winning. */
  /**
   * The formats a cell ends up with, the last set winning. Borders are resolved to the cell's own four sides, as
   * Excel keeps them: a range's edge is the side of its cells on that edge, an inside line the sides within it;
   * so writing a rectangle in one range or in two gives the same cell.
   */
  formatAt(address: string): Record<string, unknown> {
    const { row: r, col: c } = parseA1(address);
    const out: Record<string, unknown> = {};
    for (const f of this.formats) {
      if (!within(f.box, r, c)) continue;
      const border = /^borders\.(\w+)\.(\w+)$/.exec(f.key);
      if (!border) {
        out[f.key] = f.value;
        continue;
      }
      const { box } = f;
      const [top, bottom, left, right] = [r === box.row, r === box.row + box.rows - 1, c === box.col, c === box.col + box.cols - 1];
      const sides: Record<string, string[]> = {
        EdgeTop: top ? ['EdgeTop'] : [], EdgeBottom: bottom ? ['EdgeBottom'] : [], EdgeLeft: left ? ['EdgeLeft'] : [], EdgeRight: right ? ['EdgeRight'] : [],
        InsideHorizontal: [...(top ? [] : ['EdgeTop']), ...(bottom ? [] : ['EdgeBottom'])],
        InsideVertical: [...(left ? [] : ['EdgeLeft']), ...(right ? [] : ['EdgeRight'])],
      };
      for (const side of sides[border[1]] ?? []) out[`borders.${side}.${border[2]}`] = f.value;
    }
    return out;
  }

  /** Arranges cells directly (not through the API): scalars as typed, `{ error }` for error values. */
  setCells(topLeft: string, values: (Scalar | null | { error: string })[][], numberFormats?: (string | null)[][]): void {
    const { row: r0, col: c0 } = parseA1(topLeft);
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const row = this.row(r0 + i);
        if (typeof v === 'object') {
          row.values[c0 + j] = v.error;
          row.errors[c0 + j] = true;
        } else this.input(row, c0 + j, v);
      }),
    );
    numberFormats?.forEach((line, i) => line.forEach((f, j) => f !== null && (this.row(r0 + i).formats[c0 + j] = f)));
  }

  /** Every cell up to the last one with content or a format (of a bounded range): content, number format and look. */
  grid(): string[] {
    let rows = 0;
    let cols = 0;
    for (const [r, row] of this.rows) {
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, row.values.length, row.formulas.length, row.formats.length);
    }
    for (const f of this.formats) {
      if (f.box.rows < MAX_ROWS) rows = Math.max(rows, f.box.row + f.box.rows);
      if (f.box.cols < MAX_COLS) cols = Math.max(cols, f.box.col + f.box.cols);
    }
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const a = `${letters(c)}${r + 1}`;
        const cell = this.cell(a);
        const look = this.formatAt(a);
        if (cell.value === null && cell.formula === null && cell.numberFormat === 'General' && !Object.keys(look).length) continue;
        out.push(`${a} ${JSON.stringify(cell)} ${JSON.stringify(Object.entries(look).sort())}`);
      }
    }
    return out;
  }

  /** The bounding box of cells with a value or formula within `box`, or null. */
  used(box: Box): Box | null {
    let r1 = Infinity, r2 = -1, c1 = Infinity, c2 = -1;
    for (const [r, row] of this.rows) {
      if (r < box.row || r >= box.row + box.rows) continue;
      const n = Math.min(Math.max(row.values.length, row.formulas.length), box.col + box.cols);
      for (let c = box.col; c < n; c++) {
        if (row.values[c] === undefined && row.formulas[c] === undefined) continue;
        r1 = Math.min(r1, r); r2 = Math.max(r2, r); c1 = Math.min(c1, c); c2 = Math.max(c2, c);
      }
    }
    return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }

  /** A string as Excel takes typed input. */
  input(row: Row, c: number, v: unknown): void {
    row.formulas[c] = undefined;
    row.errors[c] = undefined;
    row.values[c] = undefined;
    row.links[c] = undefined;
    if (typeof v === 'number' || typeof v === 'boolean') {
      row.values[c] = v;
      return;
    }
    if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', `Not a cell value: ${JSON.stringify(v)}`);
    if (v === '') return;
    if (v.startsWith("'")) row.values[c] = v.slice(1);
    else if (NUMBER.test(v)) row.values[c] = v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v);
    else if (/^[=+-]/.test(v) && v.length > 1) this.formula(row, c, v.startsWith('=') ? v : '=' + v, this.book.resolve(v));
    else if (DATE_LIKE.test(v)) {
      const [, d, m, y] = DATE_LIKE.exec(v)!;
      row.values[c] = Date.UTC(y ? +y : 2024, +m - 1, +d) / 86400000 + 25569;
      row.formats[c] ??= 'd/m/yyyy';
    } else if (/^(true|false)$/i.test(v)) row.values[c] = fold(v) === 'true';
    else if (ERRORS.has(v.toUpperCase())) {
      row.values[c] = v.toUpperCase();
      row.errors[c] = true;
    } else row.values[c] = v;
  }

  /** Stores a formula and the sheets its references hold; a broken reference shows `#REF!`. */
  formula(row: Row, c: number, formula: string, links: Links): void {
    row.formulas[c] = formula;
    row.links[c] = links.length ? links : undefined;
    row.values[c] = broken(formula, links) ? '#REF!' : undefined;
    row.errors[c] = row.values[c] === undefined ? undefined : true;
  }

  /** Rewrites this sheet's formulas, in cells and names, after `sheet` was renamed or deleted (`gone`). */
  retarget(sheet: FakeSheet, gone: boolean): void {
    for (const row of this.rows.values()) {
      row.links.forEach((links, c) => {
        const moved = links && retarget(row.formulas[c]!, links, sheet, gone);
        if (moved) this.formula(row, c, moved.formula, moved.links);
      });
    }
    for (const name of this.names) {
      const links = this.book.nameLinks.get(name);
      const moved = links && retarget(name.formula, links, sheet, gone);
      if (!moved) continue;
      name.formula = moved.formula;
      this.book.nameLinks.set(name, moved.links);
    }
  }

  write(box: Box, key: 'values' | 'formulas' | 'numberFormat', data: unknown): void {
    if (this.protection.protected) throw new FakeOfficeError('AccessDenied', 'The cell you are trying to change is on a protected sheet.');
    if (!Array.isArray(data) || data.length !== box.rows || data.some((line) => !Array.isArray(line) || line.length !== box.cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${a1(box)}).`);
    }
    (data as unknown[][]).forEach((line, i) => {
      let row: Row | undefined;
      line.forEach((v, j) => {
        if (v === null) return;
        row ??= this.row(box.row + i);
        if (key === 'numberFormat') row.formats[box.col + j] = v === '' ? undefined : String(v);
        else this.input(row, box.col + j, v);
      });
    });
  }

  read(box: Box, key: string): unknown[][] {
    const out: unknown[][] = [];
    for (let i = 0; i < box.rows; i++) {
      const row = this.rows.get(box.row + i);
      const line: unknown[] = [];
      for (let j = 0; j < box.cols; j++) {
        const c = box.col + j;
        const v = row?.values[c];
        const f = row?.formulas[c];
        if (key === 'values') line.push(v ?? '');
        else if (key === 'formulas') line.push(f ?? v ?? '');
        else if (key === 'numberFormat') line.push(row?.formats[c] ?? 'General');
        else line.push(row?.errors[c] ? 'Error' : v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
      }
      out.push(line);
    }
    return out;
  }

  format(box: Box, key: string, value: unknown): void {
    if (this.protection.protected) throw new FakeOfficeError('AccessDenied', 'The cell you are trying to change is on a protected sheet.');
    if (key === 'columnWidth') for (let c = box.col; c < box.col + box.cols; c++) this.columnWidths.set(c, value as number);
    else if (key === 'rowHeight') for (let r = box.row; r < box.row + box.rows; r++) this.rowHeights.set(r, value as number);
    else this.formats.push({ box, key, value });
  }
}

interface SyncInfo {
  /** 1-based count of syncs on the workbook. */
  index: number;
  bytes: number;
  names: string[];
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeId = '';
  /** The selection: always on the active sheet, where each sheet remembers its own. */
  get selection(): { sheetId: string; box: Box } | null {
    return this.activeId ? { sheetId: this.activeId, box: this.active.selected } : null;
  }
  calculationMode = 'Automatic';
  /** Syncs, each accepted request's size, and the requests refused as too large. */
  syncs = 0;
  readonly payloads: number[] = [];
  refused = 0;
  maxResponse = 0;
  payloadLimit = PAYLOAD_LIMIT;
  screenUpdatingSuspensions = 0;
  private nextId = 1;
  private editing = false;
  private editFrom: ((s: SyncInfo) => boolean) | null = null;
  private readonly failures: { code: string; when: (s: SyncInfo) => boolean }[] = [];
  private readonly actionFailures: { code: string; when: (a: ActionInfo) => boolean }[] = [];

  get maxPayload(): number {
    return this.payloads.reduce((a, b) => Math.max(a, b), 0);
  }

  /** What people would see, as plain data, to compare two workbooks: every cell's content, number format and look. */
  snapshot(): unknown {
    return {
      active: this.activeId,
      calculationMode: this.calculationMode,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        cells: s.grid(),
        columnWidths: [...s.columnWidths],
        hiddenColumns: [...s.hiddenColumns],
        rowHeights: [...s.rowHeights],
        merges: s.merges,
        frozen: s.frozen,
        names: s.names,
        protection: s.protection,
        validations: s.validations,
        conditionalFormats: s.conditionalFormats,
        charts: s.charts,
        page: s.page,
      })),
    };
  }

  /** Adds a sheet directly (arranging a workbook), at the end. */
  addSheet(name: string): FakeSheet {
    if (this.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Bad sheet name ${name}`);
    const sheet = new FakeSheet(`{${String(this.nextId++).padStart(8, '0')}}`, name, this);
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id; // Excel always has an active sheet
    return sheet;
  }

  /** The sheets a formula's references name, as it is written now (null: no sheet of that name). */
  resolve(formula: string): Links {
    return sheetRefs(formula).map((r) => this.find(r.name) ?? null);
  }

  /** @internal What each defined name's formula holds, beside it (tests compare names as plain data). */
  readonly nameLinks = new WeakMap<FakeName, Links>();

  /** @internal After a sheet got a new name: every formula naming it says so. */
  renamed(sheet: FakeSheet): void {
    for (const s of this.sheets) s.retarget(sheet, false);
  }

  /** Deletes a sheet directly (someone deleting it by hand): what pointed at it becomes #REF!. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    if (this.activeId === sheet.id) this.activeId = this.sheets[Math.min(i, this.sheets.length - 1)]?.id ?? '';
    for (const s of this.sheets) s.retarget(sheet, true);
  }

  /**
   * The user starts typing in a cell, now or at the first sync `when` accepts (a sync number, counted like
   * `syncs`): from then every sync fails with InvalidOperationInCellEditMode, changing nothing, as Excel
   * refuses every request while a cell is being edited, until `leaveCell()`.
   */
  editCell(when?: number | ((s: SyncInfo) => boolean)): void {
    if (when === undefined) this.editing = true;
    else this.editFrom = typeof when === 'number' ? (s) => s.index === when : when;
  }

  /** The user leaves the cell (Enter, Esc or a click elsewhere): requests go through again. */
  leaveCell(): void {
    this.editing = false;
    this.editFrom = null;
  }

  get inCellEdit(): boolean {
    return this.editing;
  }

  find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || fold(s.name) === fold(key));
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  get active(): FakeSheet {
    return this.sheet(this.activeId);
  }

  /** Makes `sheet` active with `address` selected. */
  select(sheet: string, address: string): void {
    this.activeId = this.sheet(sheet).id;
    this.active.selected = parseA1(address);
  }

  /** One-shot: the first sync from now that `when` accepts (a sync number, counted like `syncs`) fails with `code`, changing nothing. */
  failSync(code: string, when: number | ((s: SyncInfo) => boolean)): void {
    this.failures.push({ code, when: typeof when === 'number' ? (s) => s.index === when : when });
  }

  /** One-shot: the first operation `when` accepts fails as Excel applies it; the ones before it in its sync stay done. */
  failAction(code: string, when: (a: ActionInfo) => boolean): void {
    this.actionFailures.push({ code, when });
  }

  /** `Excel.run` against this workbook. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pendingCount) throw new Error(`FAKE: ${ctx.pendingCount} operations were queued and never synced`);
    return result;
  };

  /** @internal */
  checkFailure(info: SyncInfo): void {
    if (this.editFrom?.(info)) {
      this.editing = true;
      this.editFrom = null;
    }
    if (this.editing) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'This operation is not allowed while Excel is in cell-edit mode. Exit the cell (Enter or Esc) and try again.');
    }
    const i = this.failures.findIndex((f) => f.when(info));
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new FakeOfficeError(f.code, `Injected ${f.code}`);
    }
  }

  /** @internal */
  checkActionFailure(info: ActionInfo): void {
    const i = this.actionFailures.findIndex((f) => f.when(info));
    if (i >= 0) {
      const [f] = this.actionFailures.splice(i, 1);
      throw new FakeOfficeError(f.code, `Injected ${f.code}`);
    }
  }
}

interface ActionInfo {
  path: string;
  name: string;
}

interface Action {
  record: { path: string; name: string; args?: unknown[] };
  apply: () => void;
}

class FakeContext {
  readonly workbook: WorkbookProxy;
  private pending: Action[] = [];
  private response = 0;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  queue(path: string, name: string, args: unknown[] | undefined, apply: () => void): void {
    const plain = args?.map((a) => (a instanceof ClientObject ? { path: a.path } : a));
    this.pending.push({ record: { path, name, args: plain }, apply });
  }

  responded(data: unknown): void {
    this.response += utf8Bytes(JSON.stringify(data ?? null));
  }

  async sync(): Promise<void> {
    const wb = this.wb;
    wb.syncs++;
    const actions = this.pending;
    this.pending = [];
    const bytes = utf8Bytes(JSON.stringify(actions.map((a) => a.record)));
    wb.checkFailure({ index: wb.syncs, bytes, names: actions.map((a) => a.record.name) });
    if (bytes > wb.payloadLimit) {
      wb.refused++;
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    wb.payloads.push(bytes);
    this.response = 0;
    // Like Excel, the operations before a failing one stay done.
    for (const a of actions) {
      wb.checkActionFailure(a.record);
      a.apply();
    }
    wb.maxResponse = Math.max(wb.maxResponse, this.response);
    if (this.response > PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

/** A proxy: found at its first use in a sync, read after load and sync. */
abstract class ClientObject<T> {
  private found = false;
  private resolved: T | null = null;
  protected readonly loaded = new Map<string, unknown>();

  constructor(readonly ctx: FakeContext, readonly path: string, private readonly resolver: () => T | null, private readonly nullable = false) {}

  resolve(): T | null {
    if (!this.found) {
      this.resolved = this.resolver();
      this.found = true;
    }
    if (this.resolved === null && !this.nullable) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.path}).`);
    return this.resolved;
  }

  protected the(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('InvalidOperation', `${this.path} is a null object`);
    return t;
  }

  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }

  load(props?: string | string[]): this {
    const list = (typeof props === 'string' ? props.split(',') : props ?? []).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue(this.path, 'load', [list.join(',')], () => {
      const t = this.resolve();
      this.loaded.set('isNullObject', t === null);
      if (t === null) return;
      this.loaded.delete('items'); // a collection's items are read afresh
      for (const p of list) {
        const v = this.read(t, p);
        this.loaded.set(p, v);
        this.ctx.responded(v);
      }
    });
    return this;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as V;
  }

  protected set(name: string, value: unknown, apply: (t: T) => void): void {
    this.ctx.queue(this.path, name, [value], () => apply(this.the()));
  }

  protected call(name: string, args: unknown[], apply: (t: T) => void): void {
    this.ctx.queue(this.path, name, args, () => apply(this.the()));
  }

  protected abstract read(t: T, prop: string): unknown;
}

/**
 * Nested objects that only take property writes (`format.font.bold = true`, `chart.title.text = …`):
 * each write is queued and recorded under its dotted key.
 */
function bag(ctx: FakeContext, path: string, record: (key: string, value: unknown) => void, prefix = ''): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_, key) => (typeof key === 'string' ? bag(ctx, `${path}.${key}`, record, `${prefix}${key}.`) : undefined),
    set: (_, key, value) => {
      ctx.queue(path, String(key), [value], () => record(`${prefix}${String(key)}`, value));
      return true;
    },
  });
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly application: ApplicationProxy;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.application = new ApplicationProxy(ctx, 'application', () => ctx.wb);
  }

  getSelectedRange(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, 'workbook.getSelectedRange()', () => {
      return { sheet: wb.active, box: wb.active.selected };
    });
  }
}

class ApplicationProxy extends ClientObject<FakeWorkbook> {
  get calculationMode(): string {
    return this.prop('calculationMode');
  }
  set calculationMode(mode: string) {
    if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(mode)) throw new FakeOfficeError('InvalidArgument', mode);
    this.set('calculationMode', mode, (wb) => (wb.calculationMode = mode));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], (wb) => wb.screenUpdatingSuspensions++);
  }
  protected read(wb: FakeWorkbook, prop: string): unknown {
    if (prop === 'calculationMode') return wb.calculationMode;
    throw new Error(`FAKE: application.${prop} is not modelled`);
  }
}

class WorksheetsProxy extends ClientObject<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets', () => ctx.wb);
  }

  get items(): WorksheetProxy[] {
    return this.prop('items');
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `worksheets.getItem(${JSON.stringify(key)})`, () => this.ctx.wb.find(key) ?? null);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => this.ctx.wb.find(key) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, 'worksheets.getActiveWorksheet()', () => this.ctx.wb.active);
  }

  add(name: string): WorksheetProxy {
    let added: FakeSheet | null = null;
    this.call('add', [name], (wb) => (added = wb.addSheet(name)));
    return new WorksheetProxy(this.ctx, `worksheets.add(${JSON.stringify(name)})`, () => added);
  }

  protected read(wb: FakeWorkbook, prop: string): unknown {
    const m = /^items\/(\w+)$/.exec(prop);
    if (!m) throw new Error(`FAKE: worksheets load of ${prop} is not modelled`);
    const items = this.loaded.get('items') as WorksheetProxy[] | undefined;
    const list = items ?? wb.sheets.map((s) => new WorksheetProxy(this.ctx, `worksheets.getItem(${JSON.stringify(s.id)})`, () => s));
    list.forEach((p) => p.take(m[1]));
    this.loaded.set('items', list);
    return list.map((p) => p.peek(m[1]));
  }
}

/** A range's visible view: its `cellAddresses`, one line per visible row. */
class RangeViewProxy extends ClientObject<{ sheet: FakeSheet; rows: number[]; box: Box }> {
  get cellAddresses(): string[][] {
    return this.prop('cellAddresses');
  }
  protected read(t: { sheet: FakeSheet; rows: number[]; box: Box }, prop: string): unknown {
    if (prop !== 'cellAddresses') throw new Error(`FAKE: rangeView.${prop} is not modelled`);
    return t.rows.map((r) => Array.from({ length: t.box.cols }, (_, c) => `${quoteName(t.sheet.name)}!${a1({ row: r, col: t.box.col + c, rows: 1, cols: 1 })}`));
  }
}

/** A sheet's autofilter (ExcelApi 1.9): whether it filters, and its range (a null object without one). */
class AutoFilterProxy extends ClientObject<FakeSheet> {
  get isDataFiltered(): boolean {
    return this.prop('isDataFiltered');
  }
  get enabled(): boolean {
    return this.prop('enabled');
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRangeOrNullObject()`, () => {
      const s = this.the();
      return s.autoFilter ? { sheet: s, box: s.autoFilter.box } : null;
    }, true);
  }
  protected read(s: FakeSheet, prop: string): unknown {
    if (prop === 'isDataFiltered') return s.autoFilter?.filtered ?? false;
    if (prop === 'enabled') return s.autoFilter !== null;
    throw new Error(`FAKE: autoFilter.${prop} is not modelled`);
  }
}

class WorksheetProxy extends ClientObject<FakeSheet> {
  get name(): string {
    return this.prop('name');
  }
  set name(name: string) {
    this.set('name', name, (s) => {
      const other = this.ctx.wb.find(name);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists`);
      if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError('InvalidArgument', `Bad sheet name ${name}`);
      s.name = name;
      this.ctx.wb.renamed(s);
    });
  }
  get id(): string {
    return this.prop('id');
  }
  get position(): number {
    return this.prop('position');
  }
  set position(at: number) {
    this.set('position', at, (s) => {
      const list = this.ctx.wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(at, list.length), 0, s);
    });
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  /** As Excel: the last visible sheet cannot be hidden; hiding the active sheet activates the next visible one. */
  set visibility(to: string) {
    this.set('visibility', to, (s) => {
      const wb = this.ctx.wb;
      if (to !== 'Visible') {
        const others = wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s);
        if (others.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook needs a visible sheet');
        if (wb.activeId === s.id) wb.activeId = (others.find((x) => wb.sheets.indexOf(x) > wb.sheets.indexOf(s)) ?? others[others.length - 1]).id;
      }
      s.visibility = to as FakeSheet['visibility'];
    });
  }

  /** Loads a property from a collection's load (`items/name`). */
  take(prop: string): void {
    this.loaded.set(prop, this.read(this.the(), prop));
  }
  peek(prop: string): unknown {
    return this.loaded.get(prop);
  }

  activate(): void {
    this.call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated');
      this.ctx.wb.activeId = s.id;
    });
  }

  delete(): void {
    this.call('delete', [], (s) => {
      const wb = this.ctx.wb;
      if (wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook needs a visible sheet');
      wb.deleteSheet(s.id);
    });
  }

  getRange(address?: string): RangeProxy {
    const box = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseA1(address);
    return new RangeProxy(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, () => ({ sheet: this.the(), box }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }

  get names(): NamesProxy {
    return new NamesProxy(this.ctx, `${this.path}.names`, () => this.the());
  }

  get autoFilter(): AutoFilterProxy {
    return new AutoFilterProxy(this.ctx, `${this.path}.autoFilter`, () => this.the());
  }

  get protection(): { protect(options?: unknown, password?: string): void } {
    return {
      protect: (options?: unknown, password?: string) => {
        if (password !== undefined) throw new Error('FAKE: the adapter protects without a password');
        this.ctx.queue(`${this.path}.protection`, 'protect', [options], () => {
          const s = this.the();
          if (s.protection.protected) throw new FakeOfficeError('InvalidOperation', 'The sheet is protected already');
          s.protection = { protected: true, options };
        });
      },
    };
  }

  get freezePanes(): { freezeAt(range: string | RangeProxy): void; freezeRows(n: number): void; freezeColumns(n: number): void } {
    const path = `${this.path}.freezePanes`;
    const freeze = (name: string, arg: unknown, f: (s: FakeSheet) => void): void => this.ctx.queue(path, name, [arg], () => f(this.the()));
    return {
      freezeAt: (range) =>
        freeze('freezeAt', range, (s) => {
          const box = typeof range === 'string' ? parseA1(range) : range.box();
          s.frozen = { rows: box.row + box.rows, cols: box.col + box.cols };
        }),
      freezeRows: (n) => freeze('freezeRows', n, (s) => (s.frozen = { rows: n, cols: 0 })),
      freezeColumns: (n) => freeze('freezeColumns', n, (s) => (s.frozen = { rows: 0, cols: n })),
    };
  }

  get pageLayout(): Record<string, unknown> {
    const path = `${this.path}.pageLayout`;
    const record = (key: string, value: unknown): void => {
      this.the().page[key] = value;
    };
    const props = bag(this.ctx, path, record);
    return new Proxy(props, {
      get: (target, key) =>
        key === 'setPrintTitleRows'
          ? (rows: string) => this.ctx.queue(path, 'setPrintTitleRows', [rows], () => record('printTitleRows', parseA1(rows).cols === MAX_COLS ? rows : bad(rows)))
          : key === 'setPrintArea'
            ? (area: string) => this.ctx.queue(path, 'setPrintArea', [area], () => record('printArea', a1(parseA1(area))))
          : key === 'setPrintTitleColumns'
            ? (cols: string) => this.ctx.queue(path, 'setPrintTitleColumns', [cols], () => record('printTitleColumns', parseA1(cols).rows === MAX_ROWS ? cols : bad(cols)))
            : target[key as string],
    });
  }

  /** Manual page breaks (ExcelApi 1.9): `add` puts one before the range's first cell. */
  get horizontalPageBreaks(): { add(range: string | RangeProxy): void } {
    return this.pageBreaks('horizontal');
  }
  get verticalPageBreaks(): { add(range: string | RangeProxy): void } {
    return this.pageBreaks('vertical');
  }
  private pageBreaks(which: 'horizontal' | 'vertical'): { add(range: string | RangeProxy): void } {
    return {
      add: (range) => this.ctx.queue(`${this.path}.${which}PageBreaks`, 'add', [range], () => {
        const box = typeof range === 'string' ? parseA1(range) : range.box();
        this.the().pageBreaks[which].push(`${letters(box.col)}${box.row + 1}`);
      }),
    };
  }

  get charts(): { add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy } {
    return {
      add: (type, source, seriesBy = 'Auto') => {
        let chart: FakeChart | null = null;
        this.ctx.queue(`${this.path}.charts`, 'add', [type, source, seriesBy], () => {
          const s = this.the();
          const from = source.target();
          chart = { type, source: `${quoteName(from.sheet.name)}!${a1(from.box)}`, seriesBy, props: {}, series: [{ values: `${quoteName(from.sheet.name)}!${a1(from.box)}`, props: {} }] };
          s.charts.push(chart);
        });
        return new ChartProxy(this.ctx, `${this.path}.charts.add()`, () => chart);
      },
    };
  }

  protected read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this.ctx.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        throw new Error(`FAKE: worksheet.${prop} is not modelled`);
    }
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

class RangeProxy extends ClientObject<RangeTarget> {
  target(): RangeTarget {
    return this.the();
  }
  box(): Box {
    return this.the().box;
  }

  get address(): string {
    return this.prop('address');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get rowHidden(): boolean | null {
    return this.prop('rowHidden');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.set('values', v, (t) => t.sheet.write(t.box, 'values', v));
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.set('formulas', v, (t) => t.sheet.write(t.box, 'formulas', v));
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.set('numberFormat', v, (t) => t.sheet.write(t.box, 'numberFormat', v));
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  set rowHidden(hidden: boolean) {
    this.set('rowHidden', hidden, (t) => {
      for (let r = t.box.row; r < t.box.row + t.box.rows; r++) {
        if (hidden) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }
  set columnHidden(hidden: boolean) {
    this.set('columnHidden', hidden, (t) => {
      for (let c = t.box.col; c < t.box.col + t.box.cols; c++) {
        if (hidden) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  get format(): Record<string, unknown> {
    const path = `${this.path}.format`;
    const record = (key: string, value: unknown): void => {
      const t = this.the();
      t.sheet.format(t.box, key, value);
    };
    const props = bag(this.ctx, path, record);
    return new Proxy(props, {
      get: (target, key) =>
        key === 'borders'
          ? { getItem: (side: string) => bag(this.ctx, `${path}.borders.getItem(${side})`, record, `borders.${side}.`) }
          : target[key as string],
    });
  }

  get dataValidation(): Record<string, unknown> {
    return bag(this.ctx, `${this.path}.dataValidation`, (key, value) => {
      const t = this.the();
      if (t.sheet.protection.protected) throw new FakeOfficeError('AccessDenied', 'protected');
      const range = a1(t.box);
      let v = t.sheet.validations.find((x) => x.range === range);
      if (!v) t.sheet.validations.push((v = { range, props: {} }));
      v.props[key] = value;
    });
  }

  get conditionalFormats(): { add(type: string): Record<string, unknown> } {
    return {
      add: (type: string) => {
        let cf: { range: string; type: string; props: Record<string, unknown> } | null = null;
        this.ctx.queue(`${this.path}.conditionalFormats`, 'add', [type], () => {
          const t = this.the();
          cf = { range: a1(t.box), type, props: {} };
          t.sheet.conditionalFormats.unshift(cf); // added at the top priority
        });
        return bag(this.ctx, `${this.path}.conditionalFormats.add()`, (key, value) => (cf!.props[key] = value));
      },
    };
  }

  merge(across = false): void {
    this.call('merge', [across], (t) => {
      if (across) throw new Error('FAKE: merging across is not modelled');
      t.sheet.merges.push(a1(t.box));
    });
  }

  select(): void {
    this.call('select', [], (t) => {
      const wb = this.ctx.wb;
      if (wb.activeId !== t.sheet.id) throw new FakeOfficeError('InvalidSelection', 'The range is not on the active sheet');
      t.sheet.selected = t.box;
    });
  }

  /** The visible rows of the range (ExcelApi 1.3): rows hidden by hand or by a filter are left out. */
  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(this.ctx, `${this.path}.getVisibleView()`, () => {
      const t = this.the();
      const rows = Array.from({ length: t.box.rows }, (_, i) => t.box.row + i).filter((r) => !t.sheet.hiddenRows.has(r));
      if (rows.length === 0) throw new FakeOfficeError('ItemNotFound', 'The range has no visible cells');
      return { sheet: t.sheet, rows, box: t.box };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error('FAKE: only the used range of values is modelled');
    return new RangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject(true)`, () => {
      const t = this.the();
      const box = t.sheet.used(t.box);
      return box ? { sheet: t.sheet, box } : null;
    }, true);
  }

  protected read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'address':
        return `${quoteName(t.sheet.name)}!${a1(t.box)}`;
      case 'cellCount':
        return t.box.rows * t.box.cols;
      case 'rowHidden': {
        // Excel: true when every row is hidden, false when none is, null when some are.
        let hidden = 0;
        for (let r = t.box.row; r < t.box.row + t.box.rows; r++) if (t.sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === t.box.rows ? true : null;
      }
      case 'values':
      case 'formulas':
      case 'numberFormat':
      case 'valueTypes':
        return t.sheet.read(t.box, prop);
      default:
        throw new Error(`FAKE: range.${prop} is not modelled`);
    }
  }
}

class NamesProxy extends ClientObject<FakeSheet> {
  get items(): NameProxy[] {
    return this.prop('items');
  }

  add(name: string, formula: string): NameProxy {
    let added: FakeName | null = null;
    this.call('add', [name, formula], (s) => {
      if (s.names.some((n) => fold(n.name) === fold(name))) throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} exists`);
      if (!formula.startsWith('=')) throw new FakeOfficeError('InvalidArgument', `A name refers to a formula: ${formula}`);
      s.names.push((added = { name, formula, visible: true }));
      this.ctx.wb.nameLinks.set(added, this.ctx.wb.resolve(formula));
    });
    return new NameProxy(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () => added);
  }

  getItemOrNullObject(name: string): NameProxy {
    return new NameProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this.the().names.find((n) => fold(n.name) === fold(name)) ?? null, true);
  }

  getItem(name: string): NameProxy {
    return new NameProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => this.the().names.find((n) => fold(n.name) === fold(name)) ?? null);
  }

  protected read(s: FakeSheet, prop: string): unknown {
    const m = /^items\/(\w+)$/.exec(prop);
    if (!m) throw new Error(`FAKE: names load of ${prop} is not modelled`);
    const items = (this.loaded.get('items') as NameProxy[] | undefined) ?? s.names.map((n) => new NameProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(n.name)})`, () => n));
    items.forEach((p) => p.take(m[1]));
    this.loaded.set('items', items);
    return items.map((p) => p.peek(m[1]));
  }
}

class NameProxy extends ClientObject<FakeName> {
  get name(): string {
    return this.prop('name');
  }
  get formula(): string {
    return this.prop('formula');
  }
  get value(): string {
    return this.prop('value');
  }
  set visible(visible: boolean) {
    this.set('visible', visible, (n) => (n.visible = visible));
  }
  /** Removes the name from the sheet it is scoped to. */
  delete(): void {
    this.call('delete', [], (n) => {
      const owner = this.ctx.wb.sheets.find((s) => s.names.includes(n));
      if (!owner) throw new FakeOfficeError('ItemNotFound', `The name ${n.name} is gone`);
      owner.names.splice(owner.names.indexOf(n), 1);
      this.ctx.wb.nameLinks.delete(n);
    });
  }
  take(prop: string): void {
    this.loaded.set(prop, this.read(this.the(), prop));
  }
  peek(prop: string): unknown {
    return this.loaded.get(prop);
  }
  protected read(n: FakeName, prop: string): unknown {
    switch (prop) {
      case 'name':
        return n.name;
      case 'formula':
        return n.formula;
      case 'visible':
        return n.visible;
      case 'value': {
        const constant = /^="(.*)"$/s.exec(n.formula);
        return constant ? constant[1].replace(/""/g, '"') : n.formula.slice(1);
      }
      default:
        throw new Error(`FAKE: name.${prop} is not modelled`);
    }
  }
}

class ChartProxy extends ClientObject<FakeChart> {
  private props(prefix: string): Record<string, unknown> {
    return bag(this.ctx, `${this.path}.${prefix}`, (key, value) => (this.the().props[`${prefix}.${key}`] = value));
  }
  get format(): Record<string, unknown> {
    return this.props('format');
  }
  set plotVisibleOnly(v: boolean) {
    this.set('plotVisibleOnly', v, (chart) => (chart.props.plotVisibleOnly = v));
  }
  get title(): Record<string, unknown> {
    return this.props('title');
  }
  get legend(): Record<string, unknown> {
    return this.props('legend');
  }
  get axes(): Record<string, unknown> {
    return this.props('axes');
  }
  get series(): { getItemAt(i: number): SeriesProxy; add(name: string): SeriesProxy } {
    return {
      getItemAt: (i) => new SeriesProxy(this.ctx, `${this.path}.series.getItemAt(${i})`, () => this.the().series[i] ?? null),
      add: (name) => {
        let added: FakeChart['series'][number] | null = null;
        this.call('series.add', [name], (chart) => chart.series.push((added = { name, values: '', props: {} })));
        return new SeriesProxy(this.ctx, `${this.path}.series.add()`, () => added);
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.call('setPosition', [start, end], (chart) => (chart.position = [start, end]));
  }
  protected read(): unknown {
    throw new Error('FAKE: chart properties are not readable');
  }
}

class SeriesProxy extends ClientObject<FakeChart['series'][number]> {
  set name(name: string) {
    this.set('name', name, (s) => (s.name = name));
  }
  setValues(range: RangeProxy): void {
    this.call('setValues', [range], (s) => {
      const t = range.target();
      s.values = `${quoteName(t.sheet.name)}!${a1(t.box)}`;
    });
  }
  setXAxisValues(range: RangeProxy): void {
    this.call('setXAxisValues', [range], (s) => {
      const t = range.target();
      s.xValues = `${quoteName(t.sheet.name)}!${a1(t.box)}`;
    });
  }
  get format(): Record<string, unknown> {
    return bag(this.ctx, `${this.path}.format`, (key, value) => (this.the().props[`format.${key}`] = value));
  }
  set markerStyle(v: string) {
    this.set('markerStyle', v, (s) => (s.props.markerStyle = v));
  }
  set markerSize(v: number) {
    this.set('markerSize', v, (s) => (s.props.markerSize = v));
  }
  set markerBackgroundColor(v: string) {
    this.set('markerBackgroundColor', v, (s) => (s.props.markerBackgroundColor = v));
  }
  set markerForegroundColor(v: string) {
    this.set('markerForegroundColor', v, (s) => (s.props.markerForegroundColor = v));
  }
  protected read(): unknown {
    throw new Error('FAKE: series properties are not readable');
  }
}

/** `Office.context.document.settings`, in memory; `saved` is what the document would keep. */
export class FakeSettings {
  private readonly values = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  /** The next save fails with this message. */
  failNextSave: string | null = null;

  get(name: string): unknown {
    return this.values.has(name) ? this.values.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, JSON.parse(JSON.stringify(value)));
  }
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void {
    const message = this.failNextSave;
    this.failNextSave = null;
    if (!message) this.saved = new Map(this.values);
    const error = message ? { code: 5001, message, name: 'Internal Error' } : undefined;
    setTimeout(() => callback?.({ status: (message ? 'failed' : 'succeeded') as unknown as Office.AsyncResultStatus, error, value: undefined } as unknown as Office.AsyncResult<void>), 0);
  }
}
