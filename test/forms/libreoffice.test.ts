import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { PlanJson } from '../../src/planning/plan-json';
import { CellValue, NO_RESULT, columnLetters, columnNumber } from '../../src/sheets/grid';
import { unzip } from '../../src/hosts/files/zip';
import { MARKER_NAME, parseMarker } from '../../src/sheets/forms/marker';
import { cellValueOf } from '../../src/xlsx/read-grid';
import { workbookIndex } from '../../src/xlsx/workbook-index';
import { convert, pdfPages, pdfToPng } from '../helpers/libreoffice';
import { tempDir } from '../helpers/tmp';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

/**
 * The generated workbook opened in a real spreadsheet engine: LibreOffice recalculates every formula after
 * actuals are typed into the cells the JSON names, and prints each form to PDF.
 */
jest.setTimeout(180_000);
const tmp = tempDir('quota-plan-lo-');
afterAll(() => (process.env.KEEP_LO ? undefined : tmp.cleanup()));

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';
let json: PlanJson;
let forms: string;

async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, () => undefined, (s) => err.push(s));
  return { code, err: err.join('\n') };
}

/** Two districts, three communes; June 2024 by week, Monday–Friday: four weeks of five working days. */
beforeAll(async () => {
  const input = tmp.file('input.xlsx');
  await writeTwoDistricts(input);
  forms = tmp.file('forms.xlsx');
  const r = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', forms, '--json', tmp.file('plan.json'));
  expect(r.err).not.toContain('LỖI');
  expect(r.code).toBe(0);
  json = JSON.parse(readFileSync(tmp.file('plan.json'), 'utf8'));
});

const address = (ref: string): { sheet: string; cell: string } => {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(ref)!;
  return { sheet: m[1].replace(/''/g, "'"), cell: m[2] };
};

/** A cell's saved text result, read from the sheet's XML (ExcelJS loses text results in date-formatted cells). */
function savedText(file: string, sheetNumber: number, cell: string): string | null {
  const xml = new TextDecoder().decode(unzip(readFileSync(file)).get(`xl/worksheets/sheet${sheetNumber}.xml`)!);
  return new RegExp(`<c r="${cell}"[^>]*t="str"[^>]*>.*?<v>([^<]*)</v>`).exec(xml)?.[1] ?? null;
}

describe('the forms in LibreOffice', () => {
  let book: ExcelJS.Workbook;
  let recalculated: string;
  const value = (sheet: string, cell: string): CellValue => cellValueOf(book.getWorksheet(sheet)!.getCell(cell));
  const row = (unit: string, register: string) => json.rows.find((r) => r.unit === unit && r.register === register)!;

  beforeAll(async () => {
    // A commune office types its actuals for the first two weeks and the report date, Friday 14/06/2024.
    const typed = new ExcelJS.Workbook();
    await typed.xlsx.readFile(forms);
    const actuals: [string, string, number[]][] = [
      ['Xã A', 'KS', [300, 300]], // 600 against 500 expected: ahead
      ['Xã A', 'KH', [100, 50]], // 150 against 200: behind
      ['Xã C', 'KS', [200, 200]], // 400 against 400: on track
      ['Xã B', 'KS', [600, 0]], // all 600: finished
    ];
    for (const [unit, register, values] of actuals) {
      values.forEach((v, k) => {
        const { sheet, cell } = address(row(unit, register).actualCells![k]!);
        typed.getWorksheet(sheet)!.getCell(cell).value = v;
      });
    }
    typed.getWorksheet(PROGRESS)!.getCell(address(json.reportDateCell!).cell).value = new Date(Date.UTC(2024, 5, 14));
    await typed.xlsx.writeFile(tmp.file('typed.xlsx'));
    book = new ExcelJS.Workbook();
    recalculated = convert(tmp.file('typed.xlsx'), 'xlsx', tmp.file('recalculated'));
    await book.xlsx.readFile(recalculated);
  });

  it('shows what remains, % done and the status of every row against the report date', () => {
    expect(value(PROGRESS, 'C8')).toBe(10); // working days gone by 14/06, under the report date
    // The tracking columns: records, expected by now, done, left, % done, status.
    const shown = (unit: string, register: string) => {
      const left = address(row(unit, register).remainingCell!);
      const [, letters, r] = /^([A-Z]+)(\d+)$/.exec(left.cell)!;
      const at = (offset: number): string => `${columnLetters(columnNumber(letters) + offset)}${r}`;
      return [value(PROGRESS, left.cell), value(PROGRESS, at(1)), value(PROGRESS, at(-2)), value(PROGRESS, at(2))];
    };
    expect(shown('Xã A', 'KS')).toEqual([400, 0.6, 500, 'Vượt tiến độ']);
    expect(shown('Xã A', 'KH')).toEqual([250, 0.375, 200, 'Chậm tiến độ']);
    expect(shown('Xã C', 'KS')).toEqual([400, 0.5, 400, 'Đúng tiến độ']);
    expect(shown('Xã B', 'KS')).toEqual([0, 1, 300, 'Hoàn thành']);
  });

  it('rolls up per district and per commune, ranks by % done and projects the finish at the current pace', () => {
    const ws = book.getWorksheet('Tổng hợp')!;
    const line = (name: string): CellValue[] => {
      let found: CellValue[] = [];
      ws.eachRow((r) => {
        if (r.getCell(2).value === name) found = [3, 4, 5, 6, 7, 8, 9, 10].map((c) => cellValueOf(r.getCell(c)));
      });
      return found;
    };
    expect(line('Tổng cộng').slice(0, 4)).toEqual([2800, 1400, 1750, 1050]);
    expect(line('Huyện Y')).toEqual([600, 300, 600, 0, 1, 'Hoàn thành', { error: NO_RESULT }, 1]);
    let huyenY = 0;
    ws.eachRow((r, n) => (r.getCell(2).value === 'Huyện Y' ? (huyenY = n) : undefined));
    expect(savedText(recalculated, 4, `I${huyenY}`)).toBe('—'); // the text ExcelJS cannot read in a date column
    const x = line('Huyện X');
    expect(x.slice(0, 4)).toEqual([2200, 1100, 1150, 1050]);
    expect(x[4]).toBeCloseTo(1150 / 2200, 6);
    // 1,050 left at 115 a working day: 10 more working days after the 10th, the 20th: Friday 28/06/2024.
    expect(x[6]).toEqual({ date: Date.UTC(2024, 5, 28) / 86400000 });
    expect(x[7]).toBe(2);
    // Communes: B 100 %, A 750/1,400, C 50 %. A: 650 left at 75 a day, 9 more days: the 19th, 27/06/2024.
    expect(['Xã B', 'Xã A', 'Xã C'].map((u) => line(u)[7])).toEqual([1, 2, 3]);
    expect(line('Xã A')[6]).toEqual({ date: Date.UTC(2024, 5, 27) / 86400000 });
    // Planned against actual, cumulative: weeks not yet started by the report date print blank (the chart's gaps,
    // #N/A, are in a hidden column).
    const periods: CellValue[][] = [];
    ws.eachRow((r) => {
      if (/^\d\d\/\d\d–/.test(String(r.getCell(3).value))) periods.push([r.getCell(4), r.getCell(5)].map(cellValueOf));
    });
    // (An empty text: ExcelJS reads it as no result.)
    expect(periods).toEqual([[700, 1200], [1400, 1750], [2100, { error: NO_RESULT }], [2800, { error: NO_RESULT }]]);
  });
});

describe('the forms printed', () => {
  it('prints every form on A4 landscape, its title and table header on its first page (Tổng hợp: the next), its last column on a page after', () => {
    const pdf = convert(forms, 'pdf', tmp.file('pdf'));
    const pages = pdfPages(pdf);
    pdfToPng(pdf, tmp.file('pdf/page'));
    for (const p of pages) expect([Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))]).toEqual([595, 842]);
    const form = (title: string, first: string, last: string, headerPage = 0) => {
      const start = pages.findIndex((p) => p.text.includes(title));
      expect(start).toBeGreaterThanOrEqual(0);
      const page = pages[start];
      expect(page.width).toBeGreaterThan(page.height); // landscape
      expect(pages[start + headerPage].text).toContain(first);
      expect(pages.slice(start).some((p) => p.text.includes(last))).toBe(true);
    };
    form('PHỤ LỤC 01', 'STT', 'Ghi chú');
    form('PHỤ LỤC 02', 'STT', 'Tình trạng');
    // Tổng hợp's first page: the document block, the cumulative table and the chart; the ranking from the next.
    form('TỔNG HỢP KẾT QUẢ', 'STT', 'Xếp hạng', 1);
    form('LỊCH SỬ CÁC LẦN LẬP', 'Lần', 'Ghi chú / căn cứ');
  });

  it('keeps the generated-sheet markers through a save in LibreOffice', () => {
    const saved = convert(forms, 'xlsx', tmp.file('resaved'));
    const { sheets, names } = workbookIndex(unzip(readFileSync(saved)));
    const kinds = sheets.map((_, i) => parseMarker(names[i].get(MARKER_NAME)?.replace(/^"|"$/g, ''))?.kind);
    expect(kinds).toEqual(['quota', 'progress', 'report', 'rollup', 'calendar', 'units', 'history']);
  });
});
