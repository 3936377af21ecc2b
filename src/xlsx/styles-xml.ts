import { CellStyle, DEFAULT_DATE_FORMAT, SheetModel, argb } from '../sheets/model';
import { XML_HEAD, escapeAttr } from './xml';

/**
 * xl/styles.xml: the workbook's fonts, fills, borders, number formats and cell formats (`cellXfs`), built
 * as the sheets ask for them. Each distinct combination is registered once and named by index; every
 * cell format names its font, so each sheet's own typeface applies.
 */

/** Built-in number formats that are exactly the same everywhere (not locale-dependent). */
const BUILTIN_NUMFMTS = new Map<string, number>([
  ['General', 0], ['0', 1], ['0.00', 2], ['#,##0', 3], ['#,##0.00', 4], ['0%', 9], ['0.00%', 10], ['@', 49],
]);

const FILL_NONE = '<fill><patternFill patternType="none"/></fill>';
const FILL_GRAY = '<fill><patternFill patternType="gray125"/></fill>';
const BORDER_NONE = '<border><left/><right/><top/><bottom/><diagonal/></border>';
const LINE = (style: string) => (side: string): string => `<${side} style="${style}"><color indexed="64"/></${side}>`;
const box = (style: string): string => `<border>${['left', 'right', 'top', 'bottom'].map(LINE(style)).join('')}<diagonal/></border>`;
/** Border ids: none, thin, medium (the boxes people fill). */
const BORDERS = [BORDER_NONE, box('thin'), box('medium')];

type Font = SheetModel['font'];

const VERTICAL: Record<NonNullable<CellStyle['valign']>, string> = { top: 'top', middle: 'center', bottom: 'bottom' };

export class StyleRegistry {
  private readonly fontIds = new Map<string, number>();
  private readonly fonts: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly fills: string[] = [FILL_NONE, FILL_GRAY];
  private readonly numFmtIds = new Map<string, number>();
  private readonly numFmts: string[] = [];
  private readonly xfIds = new Map<string, number>();
  private readonly xfs: string[] = [];
  /** Per cell format: what it was made from (for its date variant) and whether it has a number format. */
  private readonly xfSource: { style: CellStyle; font: Font }[] = [];
  private readonly dateXfs = new Map<number, number>();
  /** Indexed by cell format: true when it sets a number format (so a date shows as a date). */
  readonly hasNumFmt: boolean[] = [];
  private readonly dxfIds = new Map<string, number>();
  private readonly dxfs: string[] = [];

  /** `defaultFont` is the workbook's Normal style (cell format 0); the first sheet's font. */
  constructor(defaultFont: Font) {
    this.xf({}, defaultFont);
  }

  /** The cellXfs index of a style in a sheet's font. */
  xf(style: CellStyle, font: Font): number {
    const fontId = this.font(style, font);
    const numFmtId = style.numFmt ? this.numFmt(style.numFmt) : 0;
    const fillId = style.fill ? this.fill(style.fill) : 0;
    const borderId = style.border === 'medium' ? 2 : style.border ? 1 : 0;
    const horizontal = style.align ?? '';
    const vertical = style.valign ? VERTICAL[style.valign] : '';
    const wrap = style.wrap ? 1 : 0;
    const unlocked = style.unlocked ? 1 : 0;
    const key = `${numFmtId}|${fontId}|${fillId}|${borderId}|${horizontal}|${vertical}|${wrap}|${unlocked}`;
    let id = this.xfIds.get(key);
    if (id !== undefined) return id;
    id = this.xfs.length;
    const aligned = horizontal || vertical || wrap;
    let xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xml += ' applyNumberFormat="1"';
    if (fontId) xml += ' applyFont="1"';
    if (fillId) xml += ' applyFill="1"';
    if (borderId) xml += ' applyBorder="1"';
    if (aligned) xml += ' applyAlignment="1"';
    if (unlocked) xml += ' applyProtection="1"';
    if (aligned || unlocked) {
      xml += '>';
      if (aligned) {
        xml += '<alignment';
        if (horizontal) xml += ` horizontal="${horizontal}"`;
        if (vertical) xml += ` vertical="${vertical}"`;
        if (wrap) xml += ' wrapText="1"';
        xml += '/>';
      }
      if (unlocked) xml += '<protection locked="0"/>';
      xml += '</xf>';
    } else xml += '/>';
    this.xfIds.set(key, id);
    this.xfs.push(xml);
    this.xfSource.push({ style, font });
    this.hasNumFmt.push(numFmtId !== 0);
    return id;
  }

  /** The format a date value takes in a cell of format `xf` that has no number format. */
  dateXf(xf: number): number {
    let id = this.dateXfs.get(xf);
    if (id === undefined) {
      const { style, font } = this.xfSource[xf];
      id = this.xf({ ...style, numFmt: DEFAULT_DATE_FORMAT }, font);
      this.dateXfs.set(xf, id);
    }
    return id;
  }

  /** The dxfs index of a conditional format's look: its font colour, bold and fill. */
  dxf(style: CellStyle): number {
    let xml = '<dxf>';
    if (style.bold !== undefined || style.color) {
      xml += '<font>';
      if (style.bold !== undefined) xml += style.bold ? '<b/>' : '<b val="0"/>';
      if (style.color) xml += `<color rgb="${argb(style.color)}"/>`;
      xml += '</font>';
    }
    // In a dxf the solid fill's colour is the background colour (as Excel writes it).
    if (style.fill) xml += `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`;
    xml += '</dxf>';
    let id = this.dxfIds.get(xml);
    if (id === undefined) {
      id = this.dxfs.length;
      this.dxfIds.set(xml, id);
      this.dxfs.push(xml);
    }
    return id;
  }

  xml(): string {
    const parts = [XML_HEAD];
    parts.push('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
    if (this.numFmts.length) parts.push(`<numFmts count="${this.numFmts.length}">`, ...this.numFmts, '</numFmts>');
    parts.push(`<fonts count="${this.fonts.length}">`, ...this.fonts, '</fonts>');
    parts.push(`<fills count="${this.fills.length}">`, ...this.fills, '</fills>');
    parts.push(`<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>`);
    parts.push('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
    parts.push(`<cellXfs count="${this.xfs.length}">`, ...this.xfs, '</cellXfs>');
    parts.push('<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>');
    parts.push(`<dxfs count="${this.dxfs.length}">`, ...this.dxfs, '</dxfs>');
    parts.push('<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>');
    parts.push('</styleSheet>');
    return parts.join('');
  }

  private font(style: CellStyle, font: Font): number {
    const size = style.size ?? font.size;
    const color = style.color ? argb(style.color) : '';
    const key = `${font.name}|${size}|${style.bold ? 1 : 0}|${style.italic ? 1 : 0}|${style.underline ? 1 : 0}|${color}`;
    let id = this.fontIds.get(key);
    if (id === undefined) {
      id = this.fonts.length;
      let xml = '<font>';
      if (style.bold) xml += '<b/>';
      if (style.italic) xml += '<i/>';
      if (style.underline) xml += '<u/>';
      xml += `<sz val="${size}"/>`;
      if (color) xml += `<color rgb="${color}"/>`;
      xml += `<name val="${escapeAttr(font.name)}"/></font>`;
      this.fontIds.set(key, id);
      this.fonts.push(xml);
    }
    return id;
  }

  private fill(color: string): number {
    const rgb = argb(color);
    let id = this.fillIds.get(rgb);
    if (id === undefined) {
      id = this.fills.length;
      this.fillIds.set(rgb, id);
      this.fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return id;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_NUMFMTS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.length;
      this.numFmtIds.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }
}
