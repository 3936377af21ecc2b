import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { copyFileSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { dayFromYMD, excelSerialFromDay } from '../../src/planning/days';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { cellValueOf } from '../../src/xlsx/read-grid';
import { workbookIndex } from '../../src/xlsx/workbook-index';
import { unzip } from '../../src/hosts/files/zip';
import { CellValue, NO_RESULT, columnLetters, columnNumber } from '../../src/sheets/grid';
import { PlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { besidesProgress, readBook, run } from '../helpers/cli';
import { convert, pdfPages } from '../helpers/libreoffice';
import { tempDir } from '../helpers/tmp';
import { overwriteCell, typeCell } from '../helpers/type-cell';

/**
 * A staged plan (scan, entry, approve two working days after entry) in a real spreadsheet engine: scan and
 * entry actuals typed into the cells the JSON names, one entry actual ahead of its scan, the report date
 * typed; LibreOffice recalculates Phụ lục 02 and the roll-up, and the workbook it saves is read back.
 */
jest.setTimeout(180_000);
const tmp = tempDir('quota-stages-lo-');
afterAll(() => (process.env.KEEP_LO ? undefined : tmp.cleanup()));

const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';
const ROLLUP = 'Tổng hợp';
const STAGES = 'scan:2025-03-03..2025-03-14,entry:..2025-03-21,approve:..2025-03-28+2';
/** The ahead style's fill (progress-report.ts `ahead`), as LibreOffice paints it. */
const AHEAD_FILL: [number, number, number] = [0xff, 0xeb, 0x9c];

/**
 * What the communes type, per week (four weeks of March 2025), by the report date Friday 14/03 (two weeks gone):
 * Xã A has scanned everything and is entering (its KT entry runs ahead of its scan in week 1: 200 entered,
 * 150 scanned); Xã B has scanned and entered everything and waits for approval; Xã C has typed nothing.
 */
const TYPED: [unit: string, register: string, stage: string, weeks: number[]][] = [
  ['Xã A', 'KS', 'scan', [500, 500]],
  ['Xã A', 'KS', 'entry', [300, 200]],
  ['Xã A', 'KT', 'scan', [150, 250]],
  ['Xã A', 'KT', 'entry', [200, 100]],
  ['Xã B', 'KS', 'scan', [300, 300]],
  ['Xã B', 'KS', 'entry', [200, 400]],
  ['Xã B', 'KT', 'scan', [100, 100]],
  ['Xã B', 'KT', 'entry', [100, 100]],
];

/** Two districts, three communes, births (KS) and deaths (KT). */
async function writeUnits(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['STT', 'Huyện', 'Xã', 'Khai sinh', 'Khai tử']);
  ws.addRow([1, 'Huyện X', 'Xã A', 1000, 400]);
  ws.addRow([2, 'Huyện Y', 'Xã B', 600, 200]);
  ws.addRow([3, 'Huyện X', 'Xã C', 800, 300]);
  await wb.xlsx.writeFile(file);
}

const bare = (ref: string | null): string => {
  if (ref === null) throw new Error('No box for that period');
  return ref.replace(/^.*!\$?([A-Z]+)\$?(\d+)$/, '$1$2');
};
const rowNumber = (ref: string): number => Number(/(\d+)$/.exec(ref)![1]);
const colLetters = (ref: string): string => /([A-Z]+)\d+$/.exec(bare(ref))![1];
const xmlOf = (file: string, part: string): string => new TextDecoder().decode(unzip(readFileSync(file)).get(part)!);

/** The worksheet part (`xl/worksheets/sheet2.xml`) of a sheet, by name. */
function partOf(file: string, sheet: string): string {
  const { sheets, parts } = workbookIndex(unzip(readFileSync(file)));
  return parts[sheets.indexOf(sheet)];
}

/** The conditional-format rules of a sheet's XML: range and formula (entities decoded). */
function conditionalRules(xml: string): { sqref: string; formula: string; dxfId: number }[] {
  const out: { sqref: string; formula: string; dxfId: number }[] = [];
  for (const m of xml.matchAll(/<conditionalFormatting[^>]*sqref="([^"]+)"[^>]*>(.*?)<\/conditionalFormatting>/gs)) {
    for (const r of m[2].matchAll(/<cfRule[^>]*?dxfId="(\d+)"[^>]*>.*?<formula>(.*?)<\/formula>/gs)) {
      out.push({ sqref: m[1], dxfId: Number(r[1]), formula: r[2].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') });
    }
  }
  return out;
}

/**
 * The pixels of a colour on the PDF page showing `title`, rendered by poppler at 150 dpi: how many, and the box
 * they lie in (PPM: `P6 <width> <height> 255`, then RGB bytes).
 */
function paintedIn(pdf: string, title: string, rgb: [number, number, number], outDir: string): { count: number; width: number; height: number } {
  const page = pdfPages(pdf).findIndex((p) => p.text.includes(title)) + 1;
  expect(page).toBeGreaterThan(0);
  const prefix = path.join(outDir, `page-${path.basename(pdf, '.pdf')}`);
  execFileSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), pdf, prefix]);
  const file = readdirSync(outDir).map((f) => path.join(outDir, f)).find((f) => f.startsWith(prefix) && f.endsWith('.ppm'))!;
  const bytes = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  const w = Number(header[1]);
  const box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
  let count = 0;
  for (let i = header[0].length, p = 0; i + 2 < bytes.length; i += 3, p++) {
    if (bytes[i] !== rgb[0] || bytes[i + 1] !== rgb[1] || bytes[i + 2] !== rgb[2]) continue;
    count++;
    const [x, y] = [p % w, Math.floor(p / w)];
    [box.x0, box.y0, box.x1, box.y1] = [Math.min(box.x0, x), Math.min(box.y0, y), Math.max(box.x1, x), Math.max(box.y1, y)];
  }
  return { count, width: box.x1 - box.x0 + 1, height: box.y1 - box.y0 + 1 };
}

describe('a staged plan recalculated by LibreOffice, with scan and entry actuals', () => {
  let json: PlanJson;
  let forms: string;
  let typed: string;
  let recalculated: string;
  let book: ExcelJS.Workbook;
  const value = (sheet: string, ref: string): CellValue => cellValueOf(book.getWorksheet(sheet)!.getCell(bare(ref)));
  const planRow = (unit: string, register: string, stage: string) =>
    json.rows.find((r) => r.unit === unit && r.register === register && r.stage === stage)!;

  beforeAll(async () => {
    const input = tmp.file('input.xlsx');
    await writeUnits(input);
    forms = tmp.file('forms.xlsx');
    const r = await run('plan', input, '--stages', STAGES, '--granularity', 'week', '--out', forms, '--json', tmp.file('plan.json'));
    expect(besidesProgress(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    json = JSON.parse(readFileSync(tmp.file('plan.json'), 'utf8'));

    typed = tmp.file('typed.xlsx');
    const sheets = await existingSheets(forms);
    const progress = sheets.findIndex((s) => s.marker?.kind === 'progress') + 1;
    copyFileSync(forms, typed);
    for (const [unit, register, stage, weeks] of TYPED) {
      const cells = planRow(unit, register, stage).actualCells!;
      for (const [k, v] of weeks.entries()) await typeCell(typed, progress, bare(cells[k]), `<v>${v}</v>`);
    }
    // The report date, Friday 14/03/2025, typed over TODAY(): two full weeks gone.
    await overwriteCell(typed, progress, bare(json.reportDateCell!), `<v>${excelSerialFromDay(dayFromYMD(2025, 3, 14))}</v>`);
    recalculated = convert(typed, 'xlsx', tmp.file('recalculated'));
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(recalculated);
  });

  it('plans three stages, each row of a unit and register with its own actual cells on one sheet row', () => {
    expect(json.stages!.map((s) => s.key)).toEqual(['scan', 'entry', 'approve']);
    expect(json.periods.map((p) => p.start)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']);
    const a = ['scan', 'entry', 'approve'].map((s) => planRow('Xã A', 'KS', s));
    expect(new Set(a.map((r) => rowNumber(r.actualCells![0]!))).size).toBe(1);
    expect(a.map((r) => r.targets)).toEqual([[500, 500, 0, 0], [334, 333, 333, 0], [0, 334, 333, 333]]);
  });

  it('shows on Phụ lục 02, per stage, what a row had to do, has done, has left, % and status', () => {
    const tracking = (unit: string, register: string, stage: string): CellValue[] => {
      const left = planRow(unit, register, stage).remainingCell!;
      const r = rowNumber(left);
      // The tracking columns sit need, expected, done, left, %, status; read as need, done, left, %, expected, status.
      const c = book.getWorksheet(PROGRESS)!.getCell(bare(left)).col;
      return [-3, -1, 0, 1, -2, 2].map((d) => cellValueOf(book.getWorksheet(PROGRESS)!.getCell(r, c + d)));
    };
    expect(value(PROGRESS, 'C8')).toBe(10); // working days gone by 14/03
    // Xã A, births: scanned all 1,000 (1,000 expected); entered 500 of the 667 expected; approved none of 334.
    expect(tracking('Xã A', 'KS', 'scan')).toEqual([1000, 1000, 0, 1, 1000, 'Hoàn thành']);
    expect(tracking('Xã A', 'KS', 'entry')).toEqual([1000, 500, 500, 0.5, 667, 'Chậm tiến độ']);
    expect(tracking('Xã A', 'KS', 'approve')).toEqual([1000, 0, 1000, 0, 334, 'Chậm tiến độ']);
    // Xã A, deaths: entry 300 of 400 against 267 expected: ahead.
    expect(tracking('Xã A', 'KT', 'entry')).toEqual([400, 300, 100, 0.75, 267, 'Vượt tiến độ']);
    // Xã C typed nothing.
    expect(tracking('Xã C', 'KS', 'scan')).toEqual([800, 0, 800, 0, 800, 'Chậm tiến độ']);
    // The typed actuals sit where they were typed; no formula errors anywhere on the sheet.
    expect(value(PROGRESS, planRow('Xã A', 'KT', 'entry').actualCells![0]!)).toBe(200);
    const errors: string[] = [];
    book.getWorksheet(PROGRESS)!.eachRow((row) => row.eachCell((c) => {
      const v = cellValueOf(c);
      if (v !== null && typeof v === 'object' && 'error' in v) errors.push(`${c.address}: ${JSON.stringify(v)} ${JSON.stringify(c.formula ?? '')}`);
    }));
    expect(errors).toEqual([]);
  });

  it('rolls up the final stage (approve: nothing done, 0 %), % per stage and the stage each unit is in', () => {
    const ws = book.getWorksheet(ROLLUP)!;
    let headerRow = 0;
    ws.eachRow((r, n) => (r.getCell(3).value === 'Số cần số hóa' ? (headerRow = n) : undefined));
    const header = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(10, 14)).toEqual(['% Quét sổ', '% Nhập liệu', '% Phê duyệt', 'Đang ở giai đoạn']);
    const line = (name: string): CellValue[] => {
      let found: CellValue[] = [];
      ws.eachRow((r, n) => {
        if (n > headerRow && r.getCell(2).value === name && found.length === 0) found = Array.from({ length: 12 }, (_, c) => cellValueOf(r.getCell(3 + c)));
      });
      return found;
    };
    // need, expected, done, left, %, status, projected, rank, % scan, % entry, % approve, stage now
    const total = line('Tổng cộng');
    expect(total.slice(0, 6)).toEqual([3300, 1102, 0, 3300, 0, 'Chậm tiến độ']);
    expect(total[8]).toBeCloseTo(2200 / 3300, 10);
    expect(total[9]).toBeCloseTo(1600 / 3300, 10);
    expect(total.slice(10)).toEqual([0, 'Đang quét']);
    const a = line('Xã A');
    expect(a.slice(0, 5)).toEqual([1400, 468, 0, 1400, 0]);
    expect(a[8]).toBe(1);
    expect(a[9]).toBeCloseTo(800 / 1400, 10);
    expect(a.slice(10)).toEqual([0, 'Đang nhập']);
    expect(line('Xã B').slice(8)).toEqual([1, 1, 0, 'Đã xong các bước trước, chờ phê duyệt']);
    expect(line('Xã C').slice(8)).toEqual([0, 0, 0, 'Chưa bắt đầu']);
    const x = line('Huyện X');
    expect(x[8]).toBeCloseTo(1400 / 2500, 10);
    expect(x[9]).toBeCloseTo(800 / 2500, 10);
    expect(x[11]).toBe('Đang quét');
    expect(line('Huyện Y').slice(8)).toEqual([1, 1, 0, 'Đã xong các bước trước, chờ phê duyệt']);
    // Planned against actual, cumulative, is the final stage's: nothing approved yet; weeks to come print blank.
    const periods: CellValue[][] = [];
    ws.eachRow((r) => r.eachCell((c) => {
      if (/^\d\d\/\d\d–\d\d\/\d\d$/.test(String(c.value))) periods.push([ws.getCell(c.row, c.col + 1), ws.getCell(c.row, c.col + 2)].map(cellValueOf));
    }));
    expect(periods).toEqual([[0, 0], [1102, 0], [2202, { error: NO_RESULT }], [3300, { error: NO_RESULT }]]);
  });

  it('shades entry typed ahead of scan: the rule on the entry block compares cumulative entry to cumulative scan, period by period', () => {
    // A block runs from the target left of its first box to its last box; its boxes are the stage's working weeks.
    const block = (stage: string): [string, string] => {
      const boxes = planRow('Xã A', 'KT', stage).actualCells!.filter((x): x is string => x !== null).map(colLetters);
      return [columnLetters(columnNumber(boxes[0]) - 1), boxes[boxes.length - 1]];
    };
    const [scan, entry, approve] = ['scan', 'entry', 'approve'].map(block);
    // Its rows: from Huyện X's heading, above Xã A's first line, to the last line before the total.
    const first = rowNumber(planRow('Xã A', 'KS', 'scan').actualCells![0]!) - 1;
    let last = 0;
    book.getWorksheet(PROGRESS)!.eachRow((r, n) => (r.getCell(2).value === 'Tổng cộng' ? (last = n - 1) : undefined));
    const key = 15; // the hidden row of each box's period
    const rule = ([f, l]: [string, string], [pf, pl]: [string, string]): string =>
      `AND(${f}$${key}<>"",${f}${first}<>"",SUMIF($${f}$${key}:$${l}$${key},"<="&${f}$${key},$${f}${first}:$${l}${first})>` +
      `SUMIF($${pf}$${key}:$${pl}$${key},"<="&${f}$${key},$${pf}${first}:$${pl}${first}))`;
    for (const file of [forms, recalculated]) {
      const rules = conditionalRules(xmlOf(file, partOf(file, PROGRESS)));
      const onEntry = rules.filter((r) => r.sqref === `${entry[0]}${first}:${entry[1]}${last}`);
      expect([file === forms ? 'written' : 'saved by LibreOffice', onEntry.map((r) => r.formula.replace(/\s/g, ''))])
        .toEqual([file === forms ? 'written' : 'saved by LibreOffice', [rule(entry, scan)]]);
      // Approve's block compares with entry's.
      const onApprove = rules.filter((r) => r.sqref === `${approve[0]}${first}:${approve[1]}${last}`);
      expect(onApprove.map((r) => r.formula.replace(/\s/g, ''))).toEqual([rule(approve, entry)]);
      // The rule's look is the ahead style's fill.
      const dxfs = [...xmlOf(file, 'xl/styles.xml').matchAll(/<dxf>(.*?)<\/dxf>/gs)].map((m) => m[1]);
      expect(dxfs[onEntry[0].dxfId]).toMatch(/rgb="FFFFEB9C"/i);
    }
  });

  it('paints the entry actual typed ahead of scan when LibreOffice prints Phụ lục 02, and nothing else', () => {
    const out = tmp.file('pdf');
    // Entry's block starts a page of its own (across from scan's): the page its band names.
    expect(paintedIn(convert(forms, 'pdf', out), 'Nhập liệu: Chỉ tiêu', AHEAD_FILL, out).count).toBe(0);
    // One cell painted (Xã A, deaths, entry, week 1): at its own size a box is ~60 pt (125 px) wide, a line 15.5 pt (32 px) high.
    const shaded = paintedIn(convert(typed, 'pdf', out), 'Nhập liệu: Chỉ tiêu', AHEAD_FILL, out);
    expect(shaded.count).toBeGreaterThan(500);
    expect(shaded.width).toBeLessThan(160);
    expect(shaded.height).toBeLessThan(40);
  });

  it('reads the workbook LibreOffice saved back: both stages’ actuals, cell for cell, in their rows; approve blank', async () => {
    const back: PlanWorkbook = await readBook(recalculated);
    const { plan, actuals } = back;
    const P = plan.periods.length;
    const keys = plan.settings.stages!.map((s) => s.key);
    expect(keys).toEqual(['scan', 'entry', 'approve']);
    const seen: string[] = [];
    plan.rows.forEach((row, r) => {
      const unit = plan.units[row.unitIndex].name;
      const stage = keys[row.stage!];
      const expected = TYPED.find(([u, reg, s]) => u === unit && reg === row.register && s === stage)?.[3] ?? [];
      const got = actuals.slice(r * P, (r + 1) * P);
      expect([unit, row.register, stage, got]).toEqual([unit, row.register, stage, [0, 1, 2, 3].map((k) => expected[k] ?? null)]);
      // Where the reader took them from is where the JSON told us to type them.
      const json = planRow(unit, row.register, stage);
      expect(back.actualCell(r, 0).replace(/^.*!/, '')).toBe(bare(json.actualCells![0]));
      if (expected.length > 0) seen.push(`${unit} ${row.register} ${stage}`);
      if (stage === 'approve') expect(got).toEqual([null, null, null, null]);
    });
    expect(seen).toHaveLength(TYPED.length);
  });
});
