import { registerLabel } from '../planning/registers';
import { Unit } from '../planning/units';
import { CurrentUnit, FormerUnit } from '../places/reform';
import { FORM_FONT, FORM_STYLES } from './forms/styles';
import { columnLetters } from './grid';
import { ModelRow, ModelValue, SheetModel } from './model';
import { freeName } from './placement';

/** A commune since 1/7/2025 and the former communes whose figures it adds up. */
export interface RemappedRow {
  unit: CurrentUnit;
  /** In the input's order: each former commune as the sheet gave it, and as the 2025-03 list has it. */
  from: { unit: Unit; former: FormerUnit }[];
  counts: Map<string, number>;
  books: number | null;
  machines: number | null;
}

const TEXT = {
  vi: {
    sheet: 'Đơn vị từ 1-7-2025',
    title: 'DANH SÁCH XÃ, PHƯỜNG, ĐẶC KHU TỪ 01/7/2025 VÀ SỐ LIỆU CẦN SỐ HÓA',
    from: (source: string) => `Cộng từ số liệu các xã trước 01/7/2025 (${source}) theo Nghị quyết 202/2025/QH15`,
    stt: 'STT', province: 'Tỉnh, thành phố', code: 'Mã xã', unit: 'Xã, phường, đặc khu', all: 'Số dữ liệu cần số hóa',
    machines: 'Số máy', books: 'Số quyển', former: 'Gồm các xã trước 01/7/2025 (mã, ô)', total: 'Tổng cộng', footer: 'Trang &P/&N',
  },
  en: {
    sheet: 'Units since 1-7-2025',
    title: 'COMMUNES, WARDS AND SPECIAL ZONES SINCE 1 JULY 2025, AND RECORDS TO DIGITIZE',
    from: (source: string) => `Added up from the communes before 1 July 2025 (${source}), by Resolution 202/2025/QH15`,
    stt: 'No.', province: 'Province', code: 'Commune code', unit: 'Commune', all: 'Records to digitize',
    machines: 'Machines', books: 'Books', former: 'Former communes (code, cell)', total: 'Total', footer: 'Page &P/&N',
  },
};

/** The former communes' column: its width, the characters a line of it holds at 12 pt, a line's height in points. */
const FROM_WIDTH = 48;
const FROM_CHARS = 56;
const LINE_PT = 16;

/**
 * The units since 1/7/2025 as a units sheet `plan` reads: title rows, a header (province, code, commune,
 * registers, machines and books when given, the former communes), a row per commune, a total row. Names
 * and cells from the input are written as text.
 */
export function remappedUnitsSheet(rows: readonly RemappedRow[], registers: readonly string[], options: { lang: 'vi' | 'en'; source: string; taken?: readonly string[] }): SheetModel {
  const t = TEXT[options.lang];
  const machines = rows.some((r) => r.machines !== null);
  const books = rows.some((r) => r.books !== null);
  const optional = (on: boolean, v: ModelValue): ModelValue[] => (on ? [v] : []);
  const header: ModelValue[] = [
    t.stt, t.province, t.code, t.unit,
    ...registers.map((r) => (r === 'ALL' ? t.all : registerLabel(r, options.lang))),
    ...optional(machines, t.machines), ...optional(books, t.books), t.former,
  ];
  const width = header.length;
  const sum = (f: (r: RemappedRow) => number | null): number | null =>
    rows.some((r) => f(r) !== null) ? rows.reduce((a, r) => a + (f(r) ?? 0), 0) : null;
  const body: ModelRow[] = rows.map((r, i) => {
    const from = r.from.map((x) => `${x.unit.name} (${x.former.code}, ${x.unit.cell})`).join('; ');
    return {
      values: [
        i + 1, r.unit.province.name, r.unit.code, r.unit.name,
        ...registers.map((code) => r.counts.get(code) ?? 0),
        ...optional(machines, r.machines), ...optional(books, r.books), from,
      ],
      // Hosts do not grow a row to its wrapped text on opening a file: its lines are counted here.
      height: Math.ceil(from.length / FROM_CHARS) * LINE_PT,
      style: 'top',
    };
  });
  const total: ModelRow = {
    values: [
      null, t.total, null, null, ...registers.map((code) => rows.reduce((a, r) => a + (r.counts.get(code) ?? 0), 0)),
      ...optional(machines, sum((r) => r.machines)), ...optional(books, sum((r) => r.books)), null,
    ],
    style: 'total',
  };
  const countCols = registers.length + (machines ? 1 : 0) + (books ? 1 : 0);
  return {
    name: freeName(t.sheet, new Set((options.taken ?? []).map((n) => n.toLowerCase()))),
    font: FORM_FONT,
    columns: [
      { width: 5, style: 'center' },
      { width: 20, style: 'text' },
      { width: 8, style: 'text' },
      { width: 24, style: 'text' },
      ...Array.from({ length: countCols }, () => ({ width: 11, style: 'count' })),
      { width: FROM_WIDTH, style: 'list' },
    ],
    rows: [
      { values: [t.title], style: 'title', ownStyle: true },
      { values: [t.from(options.source)], style: 'subtitle', ownStyle: true },
      { values: [], ownStyle: true },
      { values: header, style: 'header' },
      ...body,
      total,
    ],
    // The former communes of a new one wrap within their cell, so the page stays one A4 wide at a legible size.
    styles: { ...FORM_STYLES, list: { border: true, wrap: true }, top: { valign: 'top' } },
    merges: [`A1:${columnLetters(width)}1`, `A2:${columnLetters(width)}2`],
    freeze: { rows: 4, cols: 4 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [4, 4], footer: t.footer },
  };
}
