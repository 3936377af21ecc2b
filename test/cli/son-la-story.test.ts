import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { SON_LA_DISTRICTS } from '../../src/examples/son-la';
import { PlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { besidesProgress, readBook, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { typeCell } from '../helpers/type-cell';

/**
 * Sơn La's peak month (March 2025) end to end through the command line, in its workflow stages: the
 * province plans daily from the example workbook's `Giai đoạn` sheet, sends one file to each of its 12
 * districts; Mộc Châu and Sốp Cộp report births scanned, cross-checked and entered for 3–7/3 (Sốp Cộp
 * enters more than it has cross-checked on 4/3); the province consolidates them; then the deadlines move
 * (scan and cross-check to 18/3, entry to 24/3, attach to 28/3) and the plan is re-split as of 7/3.
 * Every figure is derived here, none snapshotted. The steps share one story: each `it` goes on from the last.
 */
jest.setTimeout(120_000);
const tmp = tempDir('quota-son-la-');
afterAll(() => tmp.cleanup());

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'son-la-2025.xlsx');
const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';
const STAGE_KEYS = ['collect', 'scan', 'cross-check', 'entry', 'attach'];
const RECORDS = 285_559;
const BOOKS = 2_895;
const NEW_STAGES = 'collect:2025-03-01..2025-03-07,scan:..2025-03-18,cross-check:..2025-03-18,entry:..2025-03-24,attach:..2025-03-28';

type Row = PlanJson['rows'][number];
const json = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));
const sum = (xs: readonly number[]): number => xs.reduce((s, n) => s + n, 0);
const running = (xs: readonly number[]): number[] => xs.map((_, i) => sum(xs.slice(0, i + 1)));
const rowOf = (plan: PlanJson, unit: string, stage: string, register = 'KS'): Row =>
  plan.rows.find((r) => r.unit === unit && r.stage === stage && r.register === (stage === 'collect' ? 'ALL' : register))!;
const key = (r: Row): string => `${r.unit}|${r.register}|${r.stage}`;
/** Issues name a cell as messages do, the sheet unquoted; `actualCells` quote it as a formula would. */
const unquoted = (cell: string): string => cell.replace(/^'(.*)'!/, '$1!');
const progressNumber = async (file: string): Promise<number> => (await existingSheets(file)).findIndex((s) => s.marker?.kind === 'progress') + 1;

/** 3–7/3/2025 (Monday to Friday) are periods 2–6 of the daily plan: 1/3 is a Saturday. */
const FIRST_DAY = 2;
const DAYS = 5;
/** Periods 0–6 (1–7/3) have ended by the as-of date 7/3; 8/3 is period 7. */
const OPEN = 7;
const MOC_CHAU = 'Huyện Mộc Châu';
const SOP_COP = 'Huyện Sốp Cộp';
const TYPED_STAGES = ['scan', 'cross-check', 'entry'];
/**
 * Births reported per stage for 3–7/3. Cross-check runs alongside the scan (the plan: "đối chiếu xong đến
 * đâu thực hiện scan trang sổ đến đó"), and it is the stage listed before entry, so it is typed too.
 */
const TYPED: Record<string, Record<string, number[]>> = {
  [MOC_CHAU]: { scan: [1500, 1650, 1600, 1700, 1720], 'cross-check': [1500, 1650, 1600, 1700, 1720], entry: [1200, 1400, 1500, 1600, 1700] },
  // Entry runs ahead on 4/3 only: 120 + 220 = 340 entered against 150 + 160 = 310 scanned and cross-checked.
  [SOP_COP]: { scan: [150, 160, 170, 160, 150], 'cross-check': [150, 160, 170, 160, 150], entry: [120, 220, 120, 140, 150] },
};
const typedOf = (row: Row): number[] | null => (row.register === 'KS' ? TYPED[row.unit]?.[row.stage!] ?? null : null);
const doneOf = (stage: string): number => sum(Object.values(TYPED).map((t) => (t[stage] ? sum(t[stage]) : 0)));

/** Types a district's births of one stage for 3–7/3 into a workbook: its row found by name (as chon-thanh-story does), the column the JSON gives. */
async function typeBirths(file: string, plan: PlanJson, unit: string, stage: string, values: number[]): Promise<void> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const r = found.sheets.progress.rows.findIndex((row) => row[1] === unit && row[2] === 'Khai sinh') + 1;
  expect(r).toBeGreaterThan(0);
  const sheet = await progressNumber(file);
  for (const [i, v] of values.entries()) {
    const column = /!\$?([A-Z]+)\$?\d+$/.exec(rowOf(plan, unit, stage).actualCells![FIRST_DAY + i]!)![1];
    await typeCell(file, sheet, `${column}${r}`, `<v>${v}</v>`);
  }
}

/** Every row's typed actuals, period by period, as a workbook read back holds them: exactly what was typed, blank elsewhere. */
function expectTyped(book: PlanWorkbook, plan: PlanJson): void {
  const P = plan.periods.length;
  expect(book.plan.rows).toHaveLength(plan.rows.length);
  plan.rows.forEach((row, r) => {
    const typed = typedOf(row);
    const expected = Array.from({ length: P }, (_, k) => (typed && k >= FIRST_DAY && k < FIRST_DAY + DAYS ? typed[k - FIRST_DAY] : null));
    expect([key(row), book.actuals.slice(r * P, (r + 1) * P)]).toEqual([key(row), expected]);
  });
}

/** Periods in which a row has a target outside its stage's window (from period `from` on). */
function outsideWindow(plan: PlanJson, row: Row, from = 0): string[] {
  const w = plan.stages!.find((s) => s.key === row.stage)!;
  return row.targets.flatMap((t, k) => (k >= from && t > 0 && (plan.periods[k].start < w.start || plan.periods[k].end > w.end) ? [plan.periods[k].start] : []));
}

describe('Sơn La, March 2025: five stages planned daily, sent to 12 districts, two report back, the deadlines move', () => {
  const master = tmp.file('ke-hoach-son-la.xlsx');
  const parts = tmp.file('gui-huyen');
  const mocChau = path.join(parts, `${MOC_CHAU}.xlsx`);
  const sopCop = path.join(parts, `${SOP_COP}.xlsx`);
  const merged = tmp.file('ke-hoach-tong-hop.xlsx');
  const book2 = tmp.file('ke-hoach-lan-2.xlsx');
  let r1: PlanJson;
  let r2: PlanJson;
  let resplitOut = '';
  let aheadCell = '';

  it('plans the stages of the Giai đoạn sheet: 285,559 records (2,895 books) in each, all inside its window, no warning', async () => {
    // The sheet gives no machines: 13 a district (the most a day's scanning needs, at Thuận Châu) is said once for all.
    const planned = await run('plan', EXAMPLE, '--granularity', 'day', '--machines', '13', '--out', master, '--json', tmp.file('r1.json'));
    expect(besidesProgress(planned.err)).toEqual([]);
    expect(planned.code).toBe(0);
    expect(planned.out).toContain('Các giai đoạn lấy từ trang «Giai đoạn»');
    r1 = json(tmp.file('r1.json'));
    expect(r1.periods).toHaveLength(25);
    expect([r1.periods[0].start, r1.periods[24].end]).toEqual(['2025-03-01', '2025-03-25']);
    expect(r1.stages!.map((s) => [s.key, s.start, s.end, s.unit])).toEqual([
      ['collect', '2025-03-01', '2025-03-07', 'books'],
      ['scan', '2025-03-01', '2025-03-15', 'records'],
      ['cross-check', '2025-03-01', '2025-03-15', 'records'],
      ['entry', '2025-03-01', '2025-03-20', 'records'],
      ['attach', '2025-03-01', '2025-03-25', 'records'],
    ]);
    expect(r1.issues).toEqual([]);
    expect(r1.rows).toHaveLength(12 * (1 + 3 * 4)); // per district: its books, then 3 registers × 4 records stages
    for (const stage of STAGE_KEYS) {
      const rows = r1.rows.filter((r) => r.stage === stage);
      const total = stage === 'collect' ? BOOKS : RECORDS;
      expect([stage, rows.length, sum(rows.map((r) => r.remaining)), sum(rows.map((r) => sum(r.targets))), sum(rows.map((r) => r.unscheduled))])
        .toEqual([stage, stage === 'collect' ? 12 : 36, total, total, 0]);
    }
    for (const row of r1.rows) expect([key(row), outsideWindow(r1, row)]).toEqual([key(row), []]);
  });

  it('splits one file per district; Mộc Châu and Sốp Cộp type 3–7/3; consolidation copies 30 cells and warns once, at Sốp Cộp’s entry of 4/3', async () => {
    const split = await run('split', master, '--by', 'unit', '--out-dir', parts);
    expect(besidesProgress(split.err)).toEqual([]);
    expect(split.code).toBe(0);
    expect(readdirSync(parts).sort()).toEqual(SON_LA_DISTRICTS.map(([name]) => `${name}.xlsx`).sort());
    for (const [file, unit] of [[mocChau, MOC_CHAU], [sopCop, SOP_COP]] as const) {
      for (const stage of TYPED_STAGES) await typeBirths(file, r1, unit, stage, TYPED[unit][stage]);
    }

    const consolidated = await run('consolidate', master, mocChau, sopCop, '--out', merged, '--json', tmp.file('c.json'));
    expect(besidesProgress(consolidated.err)).toEqual([]);
    expect(consolidated.code).toBe(0);
    expect(consolidated.out).toContain('đã chép 30 ô số thực hiện từ 2 tệp gửi về'); // 2 districts × 3 stages × 5 days
    expect(consolidated.out).toContain('(Revision 1; 30 actual cells copied from 2 returned files.)');
    expectTyped(await readBook(merged), r1);

    // One warning: Sốp Cộp's births entered by 4/3 (340) pass those cross-checked (310), at its entry cell of 4/3.
    aheadCell = unquoted(rowOf(r1, SOP_COP, 'entry').actualCells![FIRST_DAY + 1]!);
    expect(aheadCell).toMatch(new RegExp(`^${PROGRESS}![A-Z]+\\d+$`)); // a box of entry's block, 4/3's
    const c = json(tmp.file('c.json'));
    expect(c.issues).toEqual([{ severity: 'warning', code: 'ahead-of-previous-stage', unit: SOP_COP, cell: aheadCell, message: expect.any(String) }]);
    expect(c.issues[0].message).toContain(`${SOP_COP}, Khai sinh, «Nhập liệu»: đến hết kỳ 04/03/2025–04/03/2025, số đã làm cộng dồn là 340 trường hợp, ` +
      'nhiều hơn 310 trường hợp của giai đoạn trước «Đối chiếu».');
    expect(c.issues[0].message).toContain(`${SOP_COP}, Births, "Data entry": by the end of 04/03/2025–04/03/2025, 340 records are done in all, ` +
      'more than the 310 of the stage before, "Cross-check".');
    expect(consolidated.out).toContain('Cảnh báo / Warnings (1):');
    expect(consolidated.out).toContain(aheadCell);

    // The same files again: nothing new to copy.
    const again = await run('consolidate', merged, mocChau, sopCop, '--out', tmp.file('lan-nua.xlsx'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('đã chép 0 ô');
  });

  it('re-splits as of 7/3 with the deadlines moved: 1–7/3 kept, done as typed, what is left planned or unscheduled, entry never ahead of scan, attach done by 28/3', async () => {
    const resplit = await run('replan', merged, '--as-of', '2025-03-07', '--end', '2025-03-28', '--stages', NEW_STAGES,
      '--note', 'Lùi hạn các giai đoạn', '--out', book2, '--json', tmp.file('r2.json'));
    expect(besidesProgress(resplit.err)).toEqual([]);
    expect(resplit.code).toBe(0);
    resplitOut = resplit.out;
    r2 = json(tmp.file('r2.json'));
    expect(r2.periods).toHaveLength(28);
    expect(r2.periods[27].end).toBe('2025-03-28');
    expect(r2.stages!.map((s) => [s.key, s.start, s.end])).toEqual([
      ['collect', '2025-03-01', '2025-03-07'],
      ['scan', '2025-03-01', '2025-03-18'],
      ['cross-check', '2025-03-01', '2025-03-18'],
      ['entry', '2025-03-01', '2025-03-24'],
      ['attach', '2025-03-01', '2025-03-28'],
    ]);
    expect(r2.rows.map(key)).toEqual(r1.rows.map(key));
    r2.rows.forEach((after, r) => {
      const before = r1.rows[r];
      const done = sum(typedOf(after) ?? []);
      expect([key(after), after.done, after.remaining]).toEqual([key(after), done, before.remaining - done]);
      expect([key(after), after.targets.slice(0, OPEN)]).toEqual([key(after), before.targets.slice(0, OPEN)]);
      expect([key(after), sum(after.targets.slice(OPEN)) + after.unscheduled]).toEqual([key(after), after.remaining]);
      expect([key(after), outsideWindow(r2, after, OPEN)]).toEqual([key(after), []]);
    });

    // Per stage, planned from 8/3 on plus unscheduled is exactly what is left: scan 285,559 − 8,960 = 276,599 …
    expect([doneOf('scan'), doneOf('cross-check'), doneOf('entry'), doneOf('attach')]).toEqual([8960, 8960, 8150, 0]);
    for (const stage of STAGE_KEYS) {
      const rows = r2.rows.filter((r) => r.stage === stage);
      const left = (stage === 'collect' ? BOOKS : RECORDS) - doneOf(stage);
      expect([stage, sum(rows.map((r) => sum(r.targets.slice(OPEN)) + r.unscheduled))]).toEqual([stage, left]);
      if (stage !== 'collect') expect([stage, sum(rows.map((r) => r.unscheduled))]).toEqual([stage, 0]);
    }
    expect(resplitOut).toContain('- Quét sổ / Scan 01/03/2025–18/03/2025: còn lại / left 276.599 trường hợp / records.');
    expect(resplitOut).toContain('- Nhập liệu / Data entry 01/03/2025–24/03/2025: còn lại / left 277.409 trường hợp / records.');
    // Nobody typed collected books and their window closed on 7/3: all 2,895 are unscheduled, one warning per district.
    expect(sum(r2.rows.filter((r) => r.stage === 'collect').map((r) => r.unscheduled))).toBe(BOOKS);
    expect(r2.issues.filter((i) => i.code === 'stage-behind').map((i) => i.unit)).toEqual(SON_LA_DISTRICTS.map(([name]) => name));
    expect(resplitOut).toContain('«Thu thập, phân loại sổ» của Huyện Sốp Cộp: còn 100 quyển sổ chưa xếp lịch được vì hạn của giai đoạn (07/03/2025) đã qua.');

    // Entry's plan, done included, never passes scan's (nor cross-check's) on any day from 7/3 on, for any row.
    for (const row of r2.rows.filter((x) => x.stage === 'entry')) {
      const planned = (stage: string): number[] => {
        const x = rowOf(r2, row.unit, stage, row.register);
        return running([x.done!, ...x.targets.slice(OPEN)]);
      };
      const [scan, check, entry] = [planned('scan'), planned('cross-check'), planned('entry')];
      const passes = entry.flatMap((e, i) => (e > scan[i] || e > check[i] ? [r2.periods[OPEN - 1 + i].start] : []));
      expect([key(row), passes]).toEqual([key(row), []]);
    }
    // Attach (the final stage) is done by 28/3 everywhere.
    for (const row of r2.rows.filter((x) => x.stage === 'attach')) expect([key(row), row.finish! <= '2025-03-28']).toEqual([key(row), true]);

    // The re-split still sees Sốp Cộp's entry ahead on 4/3, and says so on the terminal.
    expect(resplitOut).toContain(`- ${aheadCell}: ${SOP_COP}, Khai sinh, «Nhập liệu»: đến hết kỳ 04/03/2025–04/03/2025, số đã làm cộng dồn là 340 trường hợp`);

    // The new revision holds every typed figure, on the row and period it was typed for.
    const second = await readBook(book2);
    expect(second.revision).toBe(2);
    expect(second.history.map((h) => [h.revision, h.note])).toEqual([[1, ''], [2, 'Lùi hạn các giai đoạn']]);
    expectTyped(second, r2);
  });

  it('the re-split keeps the first stages\' cells; a later stage\'s block moves right by the boxes added before it, its figures with it (README)', () => {
    // Each stage's boxes are one block of the days it works, so the days added to a stage's window widen its block
    // and move every block after it: the revision's JSON gives the new cells, and every figure is in the cell it
    // names (expectTyped above). Collecting kept its window, and scanning's block follows it: both stay.
    r2.rows.forEach((after, r) => {
      const before = r1.rows[r].actualCells!.slice(0, OPEN);
      const now = after.actualCells!.slice(0, OPEN);
      const boxes = now.flatMap((c, k) => (c === null ? [] : [[c, before[k]]]));
      expect(boxes.length).toBeGreaterThan(0);
      if (after.stage === 'collect' || after.stage === 'scan') expect([key(after), now]).toEqual([key(after), before]);
      else expect([key(after), boxes.every(([c, b]) => c !== b)]).toEqual([key(after), true]);
    });
  });

  it('the re-split names the cell of the ahead-of-previous-stage warning, on the terminal and in its JSON (as consolidate does)', () => {
    // README: "the CLI's re-split and consolidation warn about it, naming the cell".
    expect(resplitOut).toContain(`${SOP_COP}, Khai sinh, «Nhập liệu»: đến hết kỳ 04/03/2025–04/03/2025`);
    expect(resplitOut).toContain(aheadCell);
    expect(r2.issues.filter((i) => i.code === 'ahead-of-previous-stage').map((i) => [i.unit, i.cell])).toEqual([[SOP_COP, aheadCell]]);
  });
});
