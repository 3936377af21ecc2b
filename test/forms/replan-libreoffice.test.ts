import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { dayFromYMD, excelSerialFromDay } from '../../src/planning/days';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { cellValueOf } from '../../src/xlsx/read-grid';
import { CellValue } from '../../src/sheets/grid';
import { besidesProgress, run } from '../helpers/cli';
import { convert } from '../helpers/libreoffice';
import { tempDir } from '../helpers/tmp';
import { overwriteCell, typeCell } from '../helpers/type-cell';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

/**
 * A re-split workbook in a real spreadsheet engine: the actuals it carried over and the new targets must give
 * the right done, left, % and status on Phụ lục 02 and on the roll-up once LibreOffice recalculates.
 */
jest.setTimeout(180_000);
const tmp = tempDir('quota-replan-lo-');
afterAll(() => tmp.cleanup());

/** A box's address without its sheet; a period without a box (null) is a test's mistake. */
const bare = (ref: string | null): string => {
  if (ref === null) throw new Error('No box for that period');
  return ref.replace(/^.*!/, '');
};
const row = (plan: PlanJson, unit: string, register: string) => plan.rows.find((r) => r.unit === unit && r.register === register)!;

describe('a re-split recalculated by LibreOffice', () => {
  let book: ExcelJS.Workbook;
  let r2: PlanJson;
  const value = (sheet: string, ref: string): CellValue => cellValueOf(book.getWorksheet(sheet)!.getCell(ref));

  beforeAll(async () => {
    const input = tmp.file('input.xlsx');
    await writeTwoDistricts(input);
    const planned = tmp.file('planned.xlsx');
    expect((await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', planned, '--json', tmp.file('p.json'))).code).toBe(0);
    const p1: PlanJson = JSON.parse(readFileSync(tmp.file('p.json'), 'utf8'));
    const progressOf = async (file: string): Promise<number> => (await existingSheets(file)).findIndex((s) => s.marker?.kind === 'progress') + 1;
    // Two weeks of actuals from Xã A and one from Xã B, then the deadline moves two weeks on.
    const sheet = await progressOf(planned);
    await typeCell(planned, sheet, bare(row(p1, 'Xã A', 'KS').actualCells![0]), '<v>300</v>');
    await typeCell(planned, sheet, bare(row(p1, 'Xã A', 'KS').actualCells![1]), '<v>120</v>');
    await typeCell(planned, sheet, bare(row(p1, 'Xã B', 'KS').actualCells![0]), '<v>100</v>');
    const resplit = tmp.file('resplit.xlsx');
    const r = await run('replan', planned, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', resplit, '--json', tmp.file('r2.json'));
    expect(besidesProgress(r.err)).toEqual([]);
    r2 = JSON.parse(readFileSync(tmp.file('r2.json'), 'utf8'));
    // The report date, Friday 14/06/2024, typed over TODAY(): two full weeks gone.
    await overwriteCell(resplit, await progressOf(resplit), bare(r2.reportDateCell!), `<v>${excelSerialFromDay(dayFromYMD(2024, 6, 14))}</v>`);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(convert(resplit, 'xlsx', tmp.file('recalculated')));
  });

  it('shows on Phụ lục 02 what each row had to do, has done and has left, and whether it is behind', () => {
    const a = row(r2, 'Xã A', 'KS');
    const remaining = bare(a.remainingCell!);
    const sheet = 'Phụ lục 02 - Báo cáo tiến độ';
    const r = remaining.replace(/^[A-Z]+/, '');
    const colOf = (offset: number): string => String.fromCharCode(remaining.charCodeAt(0) + offset); // single-letter columns here
    // need, expected, done, left, %, status sit in a row: left is remainingCell.
    expect(value(sheet, `${colOf(-3)}${r}`)).toBe(1000);
    expect(value(sheet, `${colOf(-1)}${r}`)).toBe(420);
    expect(value(sheet, remaining)).toBe(580);
    expect(value(sheet, `${colOf(1)}${r}`)).toBeCloseTo(0.42, 10);
    // Expected by 14/06: the first week's kept target and the second week's (the 120 done in it included).
    expect(value(sheet, `${colOf(-2)}${r}`)).toBe(a.targets[0] + a.targets[1]);
    expect(value(sheet, `${colOf(2)}${r}`)).toBe('Chậm tiến độ');
    // The actuals are where they were typed.
    expect(value(sheet, bare(a.actualCells![0]))).toBe(300);
    expect(value(sheet, bare(a.actualCells![1]))).toBe(120);
  });

  it('rolls the carried actuals up: the total and each commune, with % done', () => {
    const sheet = 'Tổng hợp';
    const ws = book.getWorksheet(sheet)!;
    let t = -1;
    ws.eachRow((r, n) => (r.getCell(2).value === 'Tổng cộng' ? (t = n) : undefined));
    expect([value(sheet, `C${t}`), value(sheet, `E${t}`), value(sheet, `F${t}`)]).toEqual([2800, 520, 2280]);
    expect(value(sheet, `G${t}`)).toBeCloseTo(520 / 2800, 10);
    const unitRow = (name: string): number => {
      let found = -1;
      ws.eachRow((r, n) => { if (r.getCell(2).value === name && found < 0 && n > t) found = n; });
      return found;
    };
    // Xã A's line in the list of units: both of its registers.
    const a = unitRow('Xã A');
    expect([value(sheet, `C${a}`), value(sheet, `E${a}`), value(sheet, `F${a}`)]).toEqual([1400, 420, 980]);
    expect(value(sheet, `G${a}`)).toBeCloseTo(0.3, 10);
  });
});
