import { MARKER_NAME } from '../../sheets/forms/marker';
import { DEFAULT_DATE_FORMAT, SheetModel, styleNames, resolveStyle } from '../../sheets/model';
import { packBatches, rowBatch } from './batching';
import { styleLayers } from './layers';
import { NAME, cellInput, chartOp, col, columnPoints, formatProps, hex, noDollar, pageOp, rect, stringConstant, validationOp } from './formats';
import { Batch, CellInput, FormatProps, Op, PAYLOAD_BUDGET, ROW_BATCH_BYTES, opBytes, sumBytes, utf8Length } from './operations';

/**
 * A sheet model → batches of Office.js operations, each with an estimate of the request it makes. Pure:
 * `write.ts` turns operations into calls and sends one batch per `context.sync()`. The semantics are the
 * file writer's (`src/xlsx/worksheet-xml.ts`): the same cells get the same values, styles and extras.
 *
 * Styles are applied in layers, as the model defines them: each column's style over the rows it reaches,
 * then row styles, then cell styles, each over the largest rectangles that share it, and each setting only
 * what its style sets, so a cell ends up with `resolveStyle` of its names. Number formats are resolved per
 * cell and written as one array per batch, like the values.
 */

/** One sheet model, planned: checked up front (before the workbook is touched), then rendered on demand. */
export class SheetRender {
  private readonly numFmtCache = new Map<string, string | null>();
  private readonly formatCache = new Map<string, FormatProps | null>();
  private readonly formatBytesCache = new Map<string, number>();
  private readonly runBytesCache = new Map<string, number>();
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
        yield rowBatch(this, first, r, withHead ? head : [], [], bytes);
        withHead = false;
        first = r;
        bytes = ROW_BATCH_BYTES + this.rowBytes(r, true);
      } else bytes += b;
    }
    const lastHead = withHead ? head : [];
    const tailBytes = sumBytes(tail);
    if (bytes + tailBytes <= budget) {
      if (n > first || lastHead.length || tail.length) yield rowBatch(this, first, n, lastHead, tail, bytes + tailBytes);
      return;
    }
    if (n > first || lastHead.length) yield rowBatch(this, first, n, lastHead, [], bytes);
    yield* packBatches(tail, budget);
  }

  /** Column widths and hidden columns, in runs of equal columns. */
  head(): Op[] {
    const ops: Op[] = [];
    const cols = this.sheet.columns;
    for (let c = 0; c < cols.length; ) {
      let c2 = c;
      while (c2 + 1 < cols.length && cols[c2 + 1].width === cols[c].width && !!cols[c2 + 1].hidden === !!cols[c].hidden) c2++;
      ops.push({ kind: 'columns', range: `${col(c)}:${col(c2)}`, points: columnPoints(cols[c].width), hidden: !!cols[c].hidden });
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
    for (const r of styleLayers(this, first, end)) {
      ops.push({ kind: 'format', range: rect(r.r1, r.c1, r.r2, r.c2), rows: r.r2 - r.r1 + 1, cols: r.c2 - r.c1 + 1, format: this.format(r.name)! });
    }
    for (let r = first; r < end; ) {
      const h = sheet.rows[r].height;
      let r2 = r;
      while (r2 + 1 < end && sheet.rows[r2 + 1].height === h) r2++;
      if (h !== undefined) ops.push({ kind: 'rowHeight', range: `${r + 1}:${r2 + 1}`, points: h });
      r = r2 + 1;
    }
    for (let r = first; r < end; r++) {
      if (!sheet.rows[r].hidden) continue;
      let r2 = r;
      while (r2 + 1 < end && sheet.rows[r2 + 1].hidden) r2++;
      ops.push({ kind: 'rowHidden', range: `${r + 1}:${r2 + 1}` });
      r = r2;
    }
    return ops;
  }

  /** Merges, panes, page, names, validations, conditional formats, charts; protection last. */
  tail(): Op[] {
    const { sheet } = this;
    const ops: Op[] = sheet.merges.map((m) => ({ kind: 'merge', range: noDollar(m) }));
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) ops.push({ kind: 'freeze', rows: sheet.freeze.rows, cols: sheet.freeze.cols });
    if (sheet.page) ops.push({ kind: 'page', page: pageOp(sheet.page) });
    if (sheet.marker !== undefined) ops.push({ kind: 'name', name: MARKER_NAME, formula: '=' + stringConstant(sheet.marker) });
    for (const n of sheet.names ?? []) ops.push({ kind: 'name', name: n.name, formula: n.ref.startsWith('=') ? n.ref : '=' + n.ref });
    // A validation over several areas (`E16:E40 G16:G40`) is one per area: a Range is one area.
    for (const v of sheet.validations ?? []) for (const area of v.range.split(/\s+/).filter(Boolean)) ops.push(validationOp({ ...v, range: area }));
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
    const above = rows[r - 1];
    const cs = row.cellStyles;
    // A run of a cell style that the row above has too, over the same columns, only lengthens that row's rectangle.
    const up = opensBatch ? undefined : above?.cellStyles;
    if (cs && cs !== up) {
      for (let c = 0; c < cs.length; c++) {
        const name = cs[c];
        if (!name || cs[c - 1] === name || !this.format(name)) continue;
        let c2 = c;
        while (cs[c2 + 1] === name) c2++;
        const continued = up !== undefined && up[c - 1] !== name && up[c2 + 1] !== name && cs.slice(c, c2 + 1).every((_, i) => up[c + i] === name);
        if (!continued) bytes += this.cellRunBytes(name, c, c2);
      }
    }
    // A row unlike the one above it (own style, or a different width) starts new runs of the font and column styles.
    if (opensBatch || !above || !!above.ownStyle !== !!row.ownStyle || this.rowWidth(r - 1) !== w) bytes += this.runBytes;
    if (row.height !== undefined && (opensBatch || above?.height !== row.height)) bytes += this.rowHeightBytes();
    if (row.hidden) bytes += this.rowHeightBytes();
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

  /** The style sets something `range.format` sets (a layer draws it). */
  formats(name: string): boolean {
    return this.format(name) !== null;
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
  /** The most a rectangle of this style over columns c…c2 weighs, whatever rows it spans. */
  private cellRunBytes(name: string, c: number, c2: number): number {
    const key = `${name}\u0001${c2 - c}\u0001${col(c2).length}`;
    let b = this.runBytesCache.get(key);
    if (b === undefined) {
      const format = this.format(name);
      b = format ? opBytes({ kind: 'format', range: `${col(c2)}1048576:${col(c2)}1048576`, rows: 1048576, cols: c2 - c + 1, format }) : 0;
      this.runBytesCache.set(key, b);
    }
    return b;
  }

  private formatBytes(name: string): number {
    let b = this.formatBytesCache.get(name);
    if (b === undefined) {
      const format = this.format(name);
      b = format ? opBytes({ kind: 'format', range: 'XFD1048576:XFD1048576', rows: 1048576, cols: 16384, format }) : 0;
      this.formatBytesCache.set(name, b);
    }
    return b;
  }

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
