import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { chonThanhWorkbook } from '../../src/examples/workbooks';
import { PlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { besidesProgress, readBook, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { typeCell } from '../helpers/type-cell';

/**
 * The story issue 5 tells, end to end through the command line: Chơn Thành plans daily from 22/05/2023 to
 * 14/07/2023 by machine capacity; three wards report ten days; the deadline moves two weeks and Xã Minh
 * Thắng gets a second machine; the plan is re-split, split per ward, two wards send their files back with
 * three more days, and the province consolidates them. Every figure is checked.
 */
jest.setTimeout(120_000);
const tmp = tempDir('quota-story-');
afterAll(() => tmp.cleanup());

const json = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));
const rowOf = (plan: PlanJson, unit: string, register = 'KS') => plan.rows.find((r) => r.unit === unit && r.register === register)!;
const progressNumber = async (file: string): Promise<number> => (await existingSheets(file)).findIndex((s) => s.marker?.kind === 'progress') + 1;
const sum = (xs: readonly number[]): number => xs.reduce((s, n) => s + n, 0);
/** Standard error without the progress lines a run longer than a second prints (`[1.0 s] Đang ghi …`): only problems. */

/** Types a ward's births for periods `from…` into a workbook: its own row (found by name), the JSON's column. */
async function typeBirths(file: string, plan: PlanJson, unit: string, from: number, values: number[]): Promise<void> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const r = found.sheets.progress.rows.findIndex((row) => row[1] === unit && row[2] === 'Khai sinh') + 1;
  const sheet = await progressNumber(file);
  for (const [i, v] of values.entries()) {
    const column = /!([A-Z]+)\d+$/.exec(rowOf(plan, unit).actualCells![from + i]!)![1];
    await typeCell(file, sheet, `${column}${r}`, `<v>${v}</v>`);
  }
}

/** The typed births of a ward, period by period, in a workbook read back. */
function births(book: PlanWorkbook, unit: string): (number | null)[] {
  const P = book.plan.periods.length;
  const r = book.plan.rows.findIndex((x) => book.plan.units[x.unitIndex].name === unit && x.register === 'KS');
  return book.actuals.slice(r * P, (r + 1) * P);
}

const HUNG_LONG = [310, 290, 305, 300, 280, 295, 300, 310, 300, 290];
const MINH_HUNG = [600, 580, 610, 590, 600, 600, 570, 620, 600, 600];
const MINH_THANG = [300, 300, 280, 290, 300, 310, 300, 300, 295, 300];

describe('Chơn Thành: ten days reported, the deadline moved, a machine added, the forms sent out and back', () => {
  it('re-splits, splits per ward and consolidates without losing a figure', async () => {
    // 1. The plan: daily, by machine capacity (300 records per machine per day), every day a working day.
    const units = tmp.file('chon-thanh.xlsx');
    await chonThanhWorkbook().xlsx.writeFile(units);
    const book1 = tmp.file('ke-hoach.xlsx');
    const planned = await run('plan', units, '--start', '2023-05-22', '--end', '2023-07-14', '--granularity', 'day', '--method', 'capacity',
      '--workdays', 'all', '--holidays', 'none', '--out', book1, '--json', tmp.file('r1.json'));
    expect(planned.code).toBe(0);
    const r1 = json(tmp.file('r1.json'));
    expect(r1.periods).toHaveLength(54);

    // 2. Ten days, 22–31/05, from three wards.
    await typeBirths(book1, r1, 'Phường Hưng Long', 0, HUNG_LONG);
    await typeBirths(book1, r1, 'Phường Minh Hưng', 0, MINH_HUNG);
    await typeBirths(book1, r1, 'Xã Minh Thắng', 0, MINH_THANG);

    // 3. The deadline moves two weeks, to 28/07; Xã Minh Thắng gets a second machine.
    const book2 = tmp.file('ke-hoach-lan-2.xlsx');
    const resplit = await run('replan', book1, '--as-of', '2023-05-31', '--end', '2023-07-28', '--machines', 'Xã Minh Thắng=2',
      '--note', 'Công văn lùi hạn 2 tuần', '--out', book2, '--json', tmp.file('r2.json'));
    expect(besidesProgress(resplit.err)).toEqual([]);
    expect(resplit.code).toBe(0);
    const r2 = json(tmp.file('r2.json'));
    expect(r2.periods).toHaveLength(68);
    for (const [unit, typed] of [['Phường Hưng Long', HUNG_LONG], ['Phường Minh Hưng', MINH_HUNG], ['Xã Minh Thắng', MINH_THANG]] as const) {
      const before = rowOf(r1, unit);
      const after = rowOf(r2, unit);
      expect(after.done).toBe(sum(typed));
      expect(after.remaining).toBe(before.remaining - sum(typed));
      expect(after.targets.slice(0, 10)).toEqual(before.targets.slice(0, 10)); // the ten days keep their targets
      expect(sum(after.targets.slice(10)) + after.unscheduled).toBe(after.remaining);
      expect(after.actualCells!.slice(0, 10)).toEqual(before.actualCells!.slice(0, 10)); // the same cells
    }
    // Minh Thắng plans with two machines from 01/06: 600 records a day across its registers, then less at the end.
    const thang = r2.rows.filter((r) => r.unit === 'Xã Minh Thắng');
    expect(thang.every((r) => r.machines === 2)).toBe(true);
    const day11 = sum(thang.map((r) => r.targets[10]));
    expect(day11).toBe(600);
    expect(rowOf(r2, 'Phường Hưng Long').machines).toBe(2); // unchanged
    // Nobody is left unscheduled on the new deadline, unlike before (Minh Thắng could not finish by 14/07).
    expect(r1.issues.some((i) => i.unit === 'Xã Minh Thắng' && i.code === 'cannot-finish')).toBe(true);
    expect(sum(thang.map((r) => r.unscheduled))).toBe(0);

    const second = await readBook(book2);
    expect(second.revision).toBe(2);
    expect(births(second, 'Phường Minh Hưng').slice(0, 10)).toEqual(MINH_HUNG);
    expect(second.history.map((h) => [h.revision, h.note])).toEqual([[1, ''], [2, 'Công văn lùi hạn 2 tuần']]);
    expect(second.history[1]).toMatchObject({ done: sum(HUNG_LONG) + sum(MINH_HUNG) + sum(MINH_THANG) });

    // 4. One workbook per ward, ready to email.
    const parts = tmp.file('gui-xa');
    const split = await run('split', book2, '--by', 'unit', '--out-dir', parts);
    expect(besidesProgress(split.err)).toEqual([]);
    expect(split.code).toBe(0);
    const minhHung = path.join(parts, 'Phường Minh Hưng.xlsx');
    const minhThang = path.join(parts, 'Xã Minh Thắng.xlsx');
    expect(existsSync(minhHung) && existsSync(minhThang) && existsSync(path.join(parts, 'Xã Nha Bích.xlsx'))).toBe(true);
    const part = await readPlanBook(minhHung, await loadWorkbook(minhHung));
    if (part.sheets === null) throw new Error('not a plan workbook');
    const partRows = part.sheets.progress.rows.filter((row) => row[1] === 'Phường Minh Hưng');
    // Only its own rows, its three registers, its ten days of births already there (each day's box, from E, right of its target).
    expect(partRows.map((row) => [row[1], row[2]])).toEqual([['Phường Minh Hưng', 'Khai sinh'], ['Phường Minh Hưng', 'Kết hôn'], ['Phường Minh Hưng', 'Khai tử']]);
    expect(partRows[0].slice(3, 23).filter((_, i) => i % 2 === 1)).toEqual(MINH_HUNG);

    // 5. Two wards send their files back with 01–03/06 filled in; the province consolidates them.
    await typeBirths(minhHung, r2, 'Phường Minh Hưng', 10, [620, 640, 600]);
    await typeBirths(minhThang, r2, 'Xã Minh Thắng', 10, [580, 600, 610]);
    const final = tmp.file('ke-hoach-tong-hop.xlsx');
    const merged = await run('consolidate', book2, minhHung, minhThang, minhHung, '--out', final);
    expect(besidesProgress(merged.err)).toEqual([]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('đã chép 6 ô');
    const third = await readBook(final);
    expect(third.revision).toBe(2);
    expect(births(third, 'Phường Minh Hưng').slice(0, 14)).toEqual([...MINH_HUNG, 620, 640, 600, null]);
    expect(births(third, 'Xã Minh Thắng').slice(0, 14)).toEqual([...MINH_THANG, 580, 600, 610, null]);
    expect(births(third, 'Phường Hưng Long').slice(0, 11)).toEqual([...HUNG_LONG, null]);
    expect(third.actuals.filter((v) => v !== null)).toHaveLength(36);
    expect(Array.from(third.plan.targets)).toEqual(Array.from(second.plan.targets));

    // Consolidating the same files again changes nothing.
    const again = await run('consolidate', final, minhHung, minhThang, '--out', tmp.file('lan-nua.xlsx'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('đã chép 0 ô');
  });
});
