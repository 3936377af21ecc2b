import { excelSerialFromDay } from '../planning/days';
import { CellStyle, DECREE_30_MARGINS, ModelRow, SheetModel, resolveStyle } from '../sheets/model';
import { StyleRegistry } from './styles-xml';
import { NS_MAIN, NS_R, XML_HEAD, colLetters, escapeAttr, escapeText, needsPreserve } from './xml';

/**
 * xl/worksheets/sheetN.xml, streamed: the sheet's XML comes out in chunks of about CHUNK characters, so a
 * national plan (millions of cells) never becomes one string. Cell formats are resolved once per distinct
 * combination of style names and shared by index.
 */

const CHUNK = 1 << 17;
/** Excel refuses a cell holding more text than this. */
const MAX_CELL_TEXT = 32767;
/** Excel's limits on a data validation's texts. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

/** Cell formats of one sheet, keyed on the style names that make them up. */
class SheetFormats {
  private readonly byNames = new Map<string, number>();
  private readonly byRowKind = new Map<string, Int32Array>();

  constructor(private readonly sheet: SheetModel, private readonly registry: StyleRegistry, private readonly width: number) {}

  /** The format of the names (column's, row's, cell's), as `styleNames` gives them. */
  xf(col: string | undefined, row: string | undefined, cell: string | undefined): number {
    const key = (col ?? '') + '\u0001' + (row ?? '') + '\u0001' + (cell ?? '');
    let xf = this.byNames.get(key);
    if (xf === undefined) {
      for (const n of [col, row, cell]) {
        if (n !== undefined && !Object.prototype.hasOwnProperty.call(this.sheet.styles, n)) {
          throw new Error(`Sheet "${this.sheet.name}" uses style "${n}", which it does not define`);
        }
      }
      xf = this.registry.xf(resolveStyle(this.sheet, [col, row, cell]), this.sheet.font);
      this.byNames.set(key, xf);
    }
    return xf;
  }

  /** The format of every column in rows like this one, before cell styles. */
  rowFormats(row: ModelRow): Int32Array {
    const key = (row.ownStyle ? '1' : '0') + '\u0001' + (row.style ?? '');
    let xfs = this.byRowKind.get(key);
    if (xfs === undefined) {
      xfs = new Int32Array(this.width);
      for (let c = 0; c < this.width; c++) xfs[c] = this.xf(row.ownStyle ? undefined : this.sheet.columns[c]?.style, row.style, undefined);
      this.byRowKind.set(key, xfs);
    }
    return xfs;
  }

  /** The format of cells that no style names reach. */
  get plain(): number {
    return this.xf(undefined, undefined, undefined);
  }
}

/** How many columns a row writes: its values, its cell styles, and the table's width when it has a row style. */
function rowWidth(sheet: SheetModel, row: ModelRow): number {
  return Math.max(row.values.length, row.cellStyles?.length ?? 0, row.style ? sheet.columns.length : 0);
}

/** The widest row (or the column count), so every row's formats can be looked up by column. */
export function sheetWidth(sheet: SheetModel): number {
  let w = sheet.columns.length;
  for (const row of sheet.rows) {
    const rw = rowWidth(sheet, row);
    if (rw > w) w = rw;
  }
  return w;
}

export interface WorksheetOptions {
  /** Whether this is the workbook's first sheet (selected when opened). */
  first: boolean;
  /** The drawing's relationship id when the sheet has charts. */
  drawingRelId?: string;
}

/** Number formatting for XML: finite numbers as JavaScript prints them (a valid xsd:double). */
const num = (n: number): string => String(n);

function paneXml(freeze: NonNullable<SheetModel['freeze']>): string {
  const { rows, cols } = freeze;
  if (rows <= 0 && cols <= 0) return '';
  const topLeft = colLetters(cols + 1) + (rows + 1);
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  let xml = '<pane';
  if (cols > 0) xml += ` xSplit="${cols}"`;
  if (rows > 0) xml += ` ySplit="${rows}"`;
  xml += ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  return xml + `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

const sqref = (range: string): string => escapeAttr(range.replace(/\$/g, ''));

/** A validation bound as its formula: whole numbers as they are, dates (day numbers, as `{ date }` values are) as serials. */
function validationFormula(type: 'whole' | 'date', n: number): string {
  return num(type === 'date' ? excelSerialFromDay(n) : n);
}

/** The worksheet part, in chunks. Registers the formats it uses with `registry`. */
export function* worksheetXml(sheet: SheetModel, registry: StyleRegistry, options: WorksheetOptions): Generator<string> {
  const width = sheetWidth(sheet);
  const formats = new SheetFormats(sheet, registry, width);
  const plain = formats.plain;
  const page = sheet.page;

  // ---- head: sheetPr, dimension, sheetViews, sheetFormatPr, cols
  let out = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
  if (page?.fitToWidth) out += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  const lastRow = sheet.rows.length;
  out += `<dimension ref="${lastRow > 0 && width > 0 ? `A1:${colLetters(width)}${lastRow}` : 'A1'}"/>`;
  out += `<sheetViews><sheetView${options.first ? ' tabSelected="1"' : ''} workbookViewId="0">`;
  out += sheet.freeze ? paneXml(sheet.freeze) : '';
  out += '</sheetView></sheetViews>';
  out += `<sheetFormatPr defaultRowHeight="${Math.round(sheet.font.size * 1.3 * 4) / 4}"/>`;
  if (sheet.columns.length) {
    out += '<cols>';
    sheet.columns.forEach((col, i) => {
      out += `<col min="${i + 1}" max="${i + 1}" width="${num(col.width)}" customWidth="1"${col.hidden ? ' hidden="1"' : ''}/>`;
    });
    out += '</cols>';
  }
  out += '<sheetData>';

  // ---- rows: the hot loop
  const open: string[] = [];
  for (let c = 0; c < width; c++) open.push('<c r="' + colLetters(c + 1));
  const sAttr: string[] = [];
  const styleAttr = (xf: number): string => {
    let s = sAttr[xf];
    if (s === undefined) s = sAttr[xf] = xf === 0 ? '"' : '" s="' + xf + '"';
    return s;
  };
  const hasNumFmt = registry.hasNumFmt;
  const rows = sheet.rows;
  const columns = sheet.columns;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const values = row.values;
    const nValues = values.length;
    const cellStyles = row.cellStyles;
    const base = formats.rowFormats(row);
    const rn = String(r + 1);
    const w = rowWidth(sheet, row);
    let cells = '';
    for (let c = 0; c < w; c++) {
      let xf = base[c];
      if (cellStyles !== undefined) {
        const name = cellStyles[c];
        if (name !== undefined) xf = formats.xf(row.ownStyle ? undefined : columns[c]?.style, row.style, name);
      }
      const v = c < nValues ? values[c] : null;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) cells += open[c] + rn + styleAttr(xf) + '><v>' + v + '</v></c>';
        else cells += open[c] + rn + styleAttr(xf) + ' t="e"><v>#NUM!</v></c>';
      } else if (typeof v === 'string') {
        const text = v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
        cells += open[c] + rn + styleAttr(xf) + (needsPreserve(text) ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>') + escapeText(text) + '</t></is></c>';
      } else if (v === null || v === undefined) {
        if (xf !== plain) cells += open[c] + rn + styleAttr(xf) + '/>';
      } else if ('date' in v) {
        if (!hasNumFmt[xf]) xf = registry.dateXf(xf);
        cells += open[c] + rn + styleAttr(xf) + '><v>' + excelSerialFromDay(v.date) + '</v></c>';
      } else {
        const f = v.formula.charCodeAt(0) === 61 /* = */ ? v.formula.slice(1) : v.formula;
        const result = v.result;
        let cell = open[c] + rn + styleAttr(xf);
        if (typeof result === 'string') cell += ' t="str"><f>' + escapeText(f) + '</f><v>' + escapeText(result) + '</v></c>';
        else if (typeof result === 'number' && Number.isFinite(result)) cell += '><f>' + escapeText(f) + '</f><v>' + result + '</v></c>';
        else cell += '><f>' + escapeText(f) + '</f></c>';
        cells += cell;
      }
    }
    const height = row.height;
    if (cells.length === 0 && height === undefined && !row.hidden) continue;
    out += '<row r="' + rn + '"';
    if (height !== undefined) out += ' ht="' + height + '" customHeight="1"';
    if (row.hidden) out += ' hidden="1"';
    out += '>' + cells + '</row>';
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  out += '</sheetData>';

  // ---- tail, in the schema's order
  if (sheet.protect) {
    // In sheetProtection an attribute set to 1 forbids the action; 0 allows it.
    out += '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0"/>';
  }
  if (sheet.merges.length) {
    out += `<mergeCells count="${sheet.merges.length}">`;
    for (const m of sheet.merges) out += `<mergeCell ref="${sqref(m)}"/>`;
    out += '</mergeCells>';
  }
  if (sheet.conditional?.length) {
    let priority = 1;
    for (const cf of sheet.conditional) {
      const style: CellStyle | undefined = Object.prototype.hasOwnProperty.call(sheet.styles, cf.style) ? sheet.styles[cf.style] : undefined;
      if (!style) throw new Error(`Sheet "${sheet.name}": conditional format uses style "${cf.style}", which it does not define`);
      const f = cf.formula.startsWith('=') ? cf.formula.slice(1) : cf.formula;
      out += `<conditionalFormatting sqref="${sqref(cf.range)}"><cfRule type="expression" dxfId="${registry.dxf(style)}" priority="${priority++}">`;
      out += `<formula>${escapeText(f)}</formula></cfRule></conditionalFormatting>`;
    }
  }
  if (sheet.validations?.length) {
    out += `<dataValidations count="${sheet.validations.length}">`;
    for (const v of sheet.validations) {
      out += `<dataValidation type="${v.type}" operator="${v.max === undefined ? 'greaterThanOrEqual' : 'between'}" allowBlank="1"`;
      out += ` showInputMessage="1" showErrorMessage="1"`;
      if (v.prompt) out += ` promptTitle="${escapeAttr(clip(v.prompt.title, MAX_TITLE))}" prompt="${escapeAttr(clip(v.prompt.text, MAX_MESSAGE))}"`;
      if (v.error) out += ` errorTitle="${escapeAttr(clip(v.error.title, MAX_TITLE))}" error="${escapeAttr(clip(v.error.text, MAX_MESSAGE))}"`;
      out += ` sqref="${sqref(v.range)}"><formula1>${validationFormula(v.type, v.min)}</formula1>`;
      if (v.max !== undefined) out += `<formula2>${validationFormula(v.type, v.max)}</formula2>`;
      out += '</dataValidation>';
    }
    out += '</dataValidations>';
  }
  if (page) out += pageXml(page);
  else out += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (options.drawingRelId) out += `<drawing r:id="${options.drawingRelId}"/>`;
  out += '</worksheet>';
  yield out;
}

const inches = (mm: number): string => num(Math.round((mm / 25.4) * 10000) / 10000);

/** Margins, A4 page setup, header and footer, and the page breaks placed by hand, in the schema's order. */
function pageXml(page: NonNullable<SheetModel['page']>): string {
  const m = page.margins ?? DECREE_30_MARGINS;
  let out = `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`;
  // Each form is a document of its own: its pages are numbered from 1 (printed with the others or alone).
  out += `<pageSetup paperSize="9"${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}${page.overThenDown ? ' pageOrder="overThenDown"' : ''} orientation="${page.landscape ? 'landscape' : 'portrait'}" firstPageNumber="1" useFirstPageNumber="1"/>`;
  if (page.header || page.footer) {
    out += '<headerFooter>';
    if (page.header) out += `<oddHeader>${escapeText(page.header)}</oddHeader>`;
    if (page.footer) out += `<oddFooter>${escapeText(page.footer)}</oddFooter>`;
    out += '</headerFooter>';
  }
  // A break's id is the first row (column) of the new page, counted from 0: the last one of the page before, from 1.
  const breaks = (tag: string, at: readonly number[] | undefined, id: (n: number) => number, max: number): string => {
    if (!at?.length) return '';
    return `<${tag} count="${at.length}" manualBreakCount="${at.length}">${at.map((n) => `<brk id="${id(n)}" max="${max}" man="1"/>`).join('')}</${tag}>`;
  };
  out += breaks('rowBreaks', page.rowBreaks, (row) => row - 1, 16383);
  out += breaks('colBreaks', page.colBreaks, (c) => c, 1048575);
  return out;
}
