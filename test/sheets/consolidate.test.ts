import { documentSettings } from '../../src/sheets/document-settings';
import fc from 'fast-check';
import { dayFromYMD } from '../../src/planning/days';
import { Plan, planUnits } from '../../src/planning/plan';
import { Method, PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Unit } from '../../src/planning/units';
import { revisionForms, sameRevisionForms } from '../../src/sheets/book-forms';
import { ReturnedBook, consolidate } from '../../src/sheets/consolidate';
import { groupByParent, unitLabels } from '../../src/sheets/forms/groups';
import { planId } from '../../src/sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../../src/sheets/forms/options';
import { progressCells } from '../../src/sheets/forms/progress-layout';
import { quotaLayout } from '../../src/sheets/forms/quota-assignment';
import { cell } from '../../src/sheets/forms/refs';
import { PlanForms, planForms } from '../../src/sheets/forms/workbook';
import { CellValue } from '../../src/sheets/grid';
import { PlanWorkbook, PlanWorkbookSheets } from '../../src/sheets/read-plan-workbook';
import { Revision, revise } from '../../src/sheets/revise';
import { SplitBy, SplitPart, splitBook } from '../../src/sheets/split';
import { put, readSheets, sheetsOf } from '../helpers/grids';
import { seeded } from '../helpers/property';
import { unit } from '../helpers/units';

const REG = ['KS', 'KH', 'KT'];
const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';

const read = readSheets;

/** A first revision's workbook, with `typed` (row-major) typed into its Phụ lục 02, read back. */
function masterOf(units: Unit[], settings: PlanSettings, typed?: (number | null)[]): { book: PlanWorkbook; sheets: PlanWorkbookSheets; forms: PlanForms } {
  const plan = planUnits(units, REG, settings);
  const options: FormOptions = { lang: 'vi', document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi'), made: settings.start };
  const forms = planForms(plan, { units, registers: REG }, options);
  const sheets = sheetsOf(forms, options);
  const P = plan.periods.length;
  typed?.forEach((v, i) => {
    const at = progressCells(forms.progress, Math.floor(i / P)).actualCells[i % P];
    if (at !== null) put(sheets.progress, at, v); // no box where the row has no working day
  });
  return { book: read(sheets), sheets, forms };
}

/** A part as it comes back: its grids, with `values` (part row i, period k → value) typed in, box by box. */
function returnedPart(book: PlanWorkbook, part: SplitPart, file: string, values: (i: number, k: number) => CellValue | undefined = () => undefined): ReturnedBook {
  const sheets = sheetsOf(part.forms, { names: book.names, planId: book.planId });
  const P = book.plan.periods.length;
  part.rows.forEach((_, i) => {
    const cells = progressCells(part.forms.progress, i).actualCells;
    for (let k = 0; k < P; k++) {
      if (cells[k] === null) continue;
      const v = values(i, k);
      if (v !== undefined) put(sheets.progress, cells[k], v);
    }
  });
  return { file, sheets };
}

const weekly = (): PlanSettings => ({ ...defaultSettings(dayFromYMD(2024, 6, 3), dayFromYMD(2024, 6, 28)), granularity: 'week' });
const rowIndex = (plan: Plan, name: string, register: string, code?: string): number =>
  plan.rows.findIndex((r) => plan.units[r.unitIndex].name === name && r.register === register && (code === undefined || plan.units[r.unitIndex].code === code));

/** Two districts, four communes: Huyện X and Huyện Y both have a Xã Tân Lập. */
const FOUR = [
  unit('Xã A', { KS: 1000, KH: 400 }, { parent: 'Huyện X', row: 2 }),
  unit('Xã Tân Lập', { KS: 600 }, { parent: 'Huyện Y', row: 3 }),
  unit('Xã C', { KS: 800 }, { parent: 'Huyện X', row: 4 }),
  unit('Xã Tân Lập', { KS: 500, KT: 90 }, { parent: 'Huyện X', row: 5 }),
];

describe('splitBook', () => {
  it('cuts the plan into one part per district, each with only its rows, the master’s targets and actuals, and its id', () => {
    const P = 4;
    const typed: (number | null)[] = new Array(6 * P).fill(null);
    const { book } = masterOf(FOUR, weekly(), typed.map((_, i) => (i === 0 ? 250 : null)));
    const parts = splitBook(book, 'parent');
    expect(parts.map((p) => p.name)).toEqual(['Huyện X', 'Huyện Y']);
    // Master rows: Xã A (births, marriages), Huyện Y's Tân Lập, Xã C, Huyện X's Tân Lập (births, deaths).
    expect(parts.map((p) => p.rows)).toEqual([[0, 1, 3, 4, 5], [2]]);
    const [x] = parts;
    const progress = x.forms.sheets.find((s) => s.name === book.names.progress)!;
    expect(progress.marker).toBe(`quota-planner/progress/${book.planId}`);
    // Its rows show the master's labels, targets and the actual already typed.
    const back = sheetsOf(x.forms, { names: book.names, planId: book.planId }).progress;
    const lines = Array.from(x.forms.progress.lineRow, (row) => back.rows[row - 1]);
    const labels = lines.map((r) => [r[1], r[2]]);
    expect(labels).toEqual([['Xã A', 'Khai sinh'], ['Xã A', 'Kết hôn'], ['Xã C', 'Khai sinh'], ['Xã Tân Lập', 'Khai sinh'], ['Xã Tân Lập', 'Khai tử']]);
    const c = x.forms.progress.stages[0];
    expect(lines[0][c.actual[0]]).toBe(250);
    x.rows.forEach((r, i) => {
      expect(Array.from(c.target, (col) => lines[i][col])).toEqual(Array.from(book.plan.targets.subarray(r * P, (r + 1) * P)));
      expect(lines[i][c.need]).toBe(book.plan.rows[r].remaining);
    });
  });

  it('by unit: one part per unit, a shared name told apart by its parent, a code shown as the master shows it', () => {
    const dongKhe = [
      unit('Xã Đông Khê', { KS: 20 }, { parent: 'Thành phố Thanh Hóa', row: 2, code: '16387' }),
      unit('Xã Đông Khê', { KS: 30 }, { parent: 'Thành phố Thanh Hóa', row: 3, code: '16408' }),
      unit('Phường Ba Đình', { KS: 40 }, { parent: 'Thành phố Thanh Hóa', row: 4, code: '16390' }),
    ];
    const { book } = masterOf(dongKhe, weekly());
    const parts = splitBook(book, 'unit');
    expect(parts.map((p) => p.name)).toEqual(['Xã Đông Khê (mã 16387)', 'Xã Đông Khê (mã 16408)', 'Phường Ba Đình']);
    const shown = parts.map((p) => sheetsOf(p.forms, { names: book.names, planId: book.planId }).progress.rows[p.forms.progress.lineRow[0] - 1][1]);
    expect(shown).toEqual(['Xã Đông Khê (mã 16387)', 'Xã Đông Khê (mã 16408)', 'Phường Ba Đình']);
    // Đơn vị đã đọc still lists the unit as read, with its code in its own column.
    const units = sheetsOf(parts[0].forms, { names: book.names, planId: book.planId }).units;
    expect(units.rows[1].slice(1, 3)).toEqual(['Xã Đông Khê', '16387']);

    const tanLap = splitBook(masterOf(FOUR, weekly()).book, 'unit').map((p) => p.name);
    expect(tanLap).toEqual(['Xã A', 'Xã C', 'Xã Tân Lập - Huyện X', 'Xã Tân Lập - Huyện Y']); // the forms' order: by district
  });

  it('gives units without a parent a part each, skips units with nothing to report, and makes names safe file names', () => {
    const loose = [
      unit('Xã A/B: "mới"', { KS: 10 }, { row: 2 }),
      unit('Xã A:B| "mới"', { KS: 10 }, { row: 3 }),
      unit('CON', { KS: 5 }, { row: 4 }),
      unit('Xã Trống', {}, { row: 5 }),
      unit('Thị trấn Vạn Giã.', { KH: 3 }, { row: 6 }),
    ];
    const { book } = masterOf(loose, weekly());
    expect(splitBook(book, 'parent').map((p) => p.name)).toEqual(['Xã A_B_ _mới_', 'Xã A_B_ _mới_ (2)', 'CON_', 'Thị trấn Vạn Giã']);
    expect(splitBook(book, 'unit').map((p) => p.name)).toEqual(splitBook(book, 'parent').map((p) => p.name));
  });
});

describe('consolidate', () => {
  it('copies what each district typed into the master, leaving blanks alone, and counts the cells changed', () => {
    const P = 4;
    const deaths = 5; // Huyện X's Xã Tân Lập, the only unit with deaths
    const tanLapY = 2;
    const typed: (number | null)[] = new Array(6 * P).fill(null);
    typed[tanLapY * P] = 77; // already in the master
    const { book } = masterOf(FOUR, weekly(), typed);
    expect([rowIndex(book.plan, 'Xã Tân Lập', 'KT'), book.plan.units[book.plan.rows[tanLapY].unitIndex].parent]).toEqual([deaths, 'Huyện Y']);
    const [x, y] = splitBook(book, 'parent');
    const fromX = returnedPart(book, x, 'huyen-x.xlsx', (i, k) => (i === 0 && k < 2 ? 300 + k : x.rows[i] === deaths && k === 0 ? 12 : undefined));
    const fromY = returnedPart(book, y, 'huyen-y.xlsx', (_, k) => (k === 0 ? 77 : k === 1 ? 50 : undefined));
    const result = consolidate(book, [fromX, fromY]);
    expect(result.problems).toEqual([]);
    const expected = typed.slice();
    expected[0] = 300;
    expected[1] = 301;
    expected[deaths * P] = 12;
    expected[tanLapY * P + 1] = 50;
    expect(result.actuals).toEqual(expected);
    expect(result.copied).toBe(4); // 77 came back as it was
  });

  it('counts a file given twice, or consolidated again, once', () => {
    const { book } = masterOf(FOUR, weekly());
    const [x] = splitBook(book, 'parent');
    const fromX = returnedPart(book, x, 'x.xlsx', (i, k) => i + k * 10);
    const once = consolidate(book, [fromX]);
    const twice = consolidate(book, [fromX, returnedPart(book, x, 'x (copy).xlsx', (i, k) => i + k * 10)]);
    expect(twice).toEqual({ ...once, problems: [] });
    const again = consolidate({ ...book, actuals: once.actuals }, [fromX]);
    expect(again).toEqual({ actuals: once.actuals, copied: 0, problems: [] });
  });

  it('replaces a figure the master had with a warning naming the cell and both values; a blank never erases', () => {
    const P = 4;
    const typed: (number | null)[] = new Array(5 * P).fill(null);
    typed[0] = 100;
    typed[1] = 90;
    const { book } = masterOf(FOUR, weekly(), typed);
    const [x] = splitBook(book, 'parent');
    const result = consolidate(book, [returnedPart(book, x, 'x.xlsx', (i, k) => (i === 0 && k === 0 ? 120 : i === 0 && k === 1 ? null : undefined))]);
    expect(result.actuals[0]).toBe(120);
    expect(result.actuals[1]).toBe(90);
    expect(result.copied).toBe(1);
    // Xã A's births sit on the same row, under Huyện X's heading, in the master and in Huyện X's part.
    const at = cell(x.forms.progress.stages[0].actual[0], x.forms.progress.lineRow[0]);
    expect(book.actualCell(0, 0)).toBe(`${PROGRESS}!${at}`);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'actual-replaced', cell: `${PROGRESS}!${at}`, unit: 'Xã A' })]);
    expect(result.problems[0].vi).toContain(`ô [x.xlsx]${PROGRESS}!${at} ghi 120`);
    expect(result.problems[0].en).toContain('held the actual 100');
  });

  it('tells apart two districts’ units of one name, and two units of one name by the code they show', () => {
    const P = 4;
    const { book } = masterOf(FOUR, weekly());
    const parts = splitBook(book, 'unit');
    const back = parts.map((p, n) => returnedPart(book, p, `${p.name}.xlsx`, (i, k) => (k === 0 ? 1000 * (n + 1) + i : undefined)));
    const result = consolidate(book, back);
    expect(result.problems).toEqual([]);
    parts.forEach((p, n) => p.rows.forEach((r, i) => expect(result.actuals[r * P]).toBe(1000 * (n + 1) + i)));

    const dongKhe = [
      unit('Xã Đông Khê', { KS: 20 }, { parent: 'Thành phố Thanh Hóa', row: 2, code: '16387' }),
      unit('Xã Đông Khê', { KS: 30 }, { parent: 'Thành phố Thanh Hóa', row: 3, code: '16408' }),
    ];
    const dk = masterOf(dongKhe, weekly()).book;
    const [first, second] = splitBook(dk, 'unit');
    const r = consolidate(dk, [returnedPart(dk, second, 'b.xlsx', (_, k) => (k === 0 ? 8 : undefined)), returnedPart(dk, first, 'a.xlsx', (_, k) => (k === 0 ? 5 : undefined))]);
    expect(r.actuals[rowIndex(dk.plan, 'Xã Đông Khê', 'KS', '16387') * P]).toBe(5);
    expect(r.actuals[rowIndex(dk.plan, 'Xã Đông Khê', 'KS', '16408') * P]).toBe(8);
  });

  it('takes a whole copy of the master back too, in English or Vietnamese alike', () => {
    const { book, sheets, forms } = masterOf(FOUR, weekly());
    const copy: PlanWorkbookSheets = { ...sheets, progress: { ...sheets.progress, rows: sheets.progress.rows.map((r) => r.slice()) } };
    put(copy.progress, progressCells(forms.progress, 2).actualCells[3], 64);
    const result = consolidate(book, [{ file: 'copy.xlsx', sheets: copy }]);
    expect(result.problems).toEqual([]);
    expect(result.actuals[2 * 4 + 3]).toBe(64);
    expect(result.copied).toBe(1);

    // The same plan written in English has the same id: its labels are recognised.
    const plan = planUnits(FOUR, REG, weekly());
    const names = defaultFormNames('en');
    const en = planForms(plan, { units: FOUR, registers: REG }, { lang: 'en', document: documentSettings(), planId: planId(plan), revision: 1, names });
    const enSheets = sheetsOf(en, { names, planId: planId(plan) });
    put(enSheets.progress, progressCells(en.progress, 1).actualCells[0], 7);
    expect(consolidate(book, [{ file: 'en.xlsx', sheets: enSheets }]).actuals[4]).toBe(7);
  });

  describe('refuses, naming the file and the cell', () => {
    const setup = () => {
      const { book } = masterOf(FOUR, weekly());
      const [x, y] = splitBook(book, 'parent');
      return { book, x, y };
    };

    it('a file of another revision (or plan)', () => {
      const { book: first, x } = setup();
      const rev = revise({ book: first, asOf: dayFromYMD(2024, 6, 7), changes: { end: dayFromYMD(2024, 7, 5) }, note: '', made: 0 }) as Revision;
      const second = read(sheetsOf(revisionForms(first, rev), { names: first.names, planId: rev.planId }));
      const old = returnedPart(first, x, 'huyen-x.xlsx', () => 5);
      const result = consolidate(second, [old]);
      expect(result.copied).toBe(0);
      expect(result.actuals).toEqual(second.actuals);
      expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'other-plan', cell: 'huyen-x.xlsx' })]);
      expect(result.problems[0].vi).toContain('lần lập 1');
      expect(result.problems[0].en).toContain(`not to plan ${second.planId} (revision 2)`);
    });

    it('a row for a unit or register the master does not have', () => {
      const { book, x } = setup();
      const back = returnedPart(book, x, 'x.xlsx', () => 1);
      const lines = x.forms.progress.lineRow;
      put(back.sheets.progress, `B${lines[1]}`, 'Xã Z');
      put(back.sheets.progress, `C${lines[2]}`, 'Khai tử');
      const result = consolidate(book, [back]);
      expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
        ['foreign-row', `[x.xlsx]${PROGRESS}!B${lines[1]}`],
        ['foreign-row', `[x.xlsx]${PROGRESS}!C${lines[2]}`],
      ]);
      expect(result.problems[0].en).toContain('"Xã Z – Kết hôn (Huyện X)"');
      expect(result.actuals.every((v) => v === null)).toBe(true);
    });

    it('an edited target, on Phụ lục 02 or Phụ lục 01, and an edited figure to digitize', () => {
      const { book, x } = setup();
      const back = returnedPart(book, x, 'x.xlsx');
      const c = x.forms.progress.stages[0];
      const [r0, r1] = x.forms.progress.lineRow;
      put(back.sheets.progress, cell(c.target[1], r0), 999);
      put(back.sheets.progress, cell(c.need, r1), 1);
      const quota = back.sheets.quota!;
      // Phụ lục 01 of Huyện X's part: its heading, then Xã A's births; the target columns are the master's.
      const births = quota.rows.findIndex((r) => r[1] === 'Xã A' && r[2] === 'Khai sinh') + 1;
      const first = cell(quotaLayout(book.plan, groupByParent(book.plan)).target[0], births);
      put(quota, first, 260);
      const result = consolidate(book, [back]);
      expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
        ['edited-target', `[x.xlsx]${PROGRESS}!${cell(c.target[1], r0)}`],
        ['edited-target', `[x.xlsx]${PROGRESS}!${cell(c.need, r1)}`],
        ['edited-target', `[x.xlsx]Phụ lục 01 - Giao chỉ tiêu!${first}`],
      ]);
      expect(result.problems[2].vi).toContain('chỉ tiêu «260», nhưng sổ kế hoạch giao 250');
      expect(result.problems[1].en).toContain('records to digitize "1"');
    });

    it('an actual that is not a whole number from 0 to 10,000,000', () => {
      const { book, y } = setup();
      const bad: CellValue[] = [-5, 2.5, 'một trăm', 10_000_001];
      const result = consolidate(book, [returnedPart(book, y, 'y.xlsx', (_, k) => bad[k])]);
      expect(result.problems.map((p) => [p.code, p.cell, p.unit])).toEqual(
        progressCells(y.forms.progress, 0).actualCells.map((at) => ['bad-actual', `[y.xlsx]${at!.replace(/^'(.*)'!/, '$1!')}`, 'Xã Tân Lập']),
      );
      expect(result.problems[2].vi).toContain('«một trăm»');
    });

    it('two files giving different actuals for one cell, naming both', () => {
      const { book, sheets, forms } = masterOf(FOUR, weekly());
      const [x] = splitBook(book, 'parent');
      const copy: PlanWorkbookSheets = { ...sheets, progress: { ...sheets.progress, rows: sheets.progress.rows.map((r) => r.slice()) } };
      put(copy.progress, progressCells(forms.progress, 0).actualCells[0], 300);
      const part = returnedPart(book, x, 'huyen-x.xlsx', (i, k) => (i === 0 && k === 0 ? 310 : undefined));
      const result = consolidate(book, [{ file: 'copy.xlsx', sheets: copy }, part]);
      expect(result.copied).toBe(0);
      // Xã A's births are the same row of the master and of Huyện X's part alike.
      const at = cell(x.forms.progress.stages[0].actual[0], x.forms.progress.lineRow[0]);
      expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'actual-conflict', cell: `[huyen-x.xlsx]${PROGRESS}!${at}` })]);
      expect(result.problems[0].vi).toContain(`ô [copy.xlsx]${PROGRESS}!${at} ghi 300, ô [huyen-x.xlsx]${PROGRESS}!${at} ghi 310`);
      expect(result.problems[0].en).toContain('Nothing is guessed');
    });

    it('no conflict when one file corrects a figure and another only carries the master’s', () => {
      const { sheets, forms } = masterOf(FOUR, weekly());
      put(sheets.progress, progressCells(forms.progress, 0).actualCells[0], 300);
      const book = read(sheets);
      const copy = (value: number): ReturnedBook => {
        const progress = { ...sheets.progress, rows: sheets.progress.rows.map((r) => r.slice()) };
        put(progress, progressCells(forms.progress, 0).actualCells[0], value);
        return { file: `copy-${value}.xlsx`, sheets: { ...sheets, progress } };
      };
      for (const order of [[copy(310), copy(300)], [copy(300), copy(310)]]) {
        const result = consolidate(book, order);
        expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'actual-replaced' })]);
        expect(result.actuals[0]).toBe(310);
        expect(result.copied).toBe(1);
      }
    });

    it('a figure typed on a row that names no unit', () => {
      const { book, y } = setup();
      const back = returnedPart(book, y, 'y.xlsx');
      const { totalRow, stages } = y.forms.progress;
      back.sheets.progress.rows.splice(totalRow - 1, 0, []); // a row inserted above the total
      const at = cell(stages[0].actual[1], totalRow);
      put(back.sheets.progress, at, 40);
      expect(consolidate(book, [back]).problems.map((p) => [p.code, p.cell])).toEqual([['returned-extra-row', `[y.xlsx]${PROGRESS}!${at}`]]);
    });
  });

  it('accepts a whole copy carrying the targets typed over on the master’s Phụ lục 01, and writes them there again', () => {
    const { book: plain, sheets } = masterOf(FOUR, weekly());
    const q = quotaLayout(plain.plan, groupByParent(plain.plan));
    const at = cell(q.target[2], q.rowOf[0]);
    put(sheets.quota!, at, 7);
    const book = read(sheets);
    expect([...book.edits]).toEqual([[2, 7]]);
    expect(consolidate(book, [{ file: 'copy.xlsx', sheets }]).problems).toEqual([]);
    // The consolidated workbook keeps the 7 where it was typed, so the next re-split still holds it.
    const again = sameRevisionForms(book, book.actuals);
    const quota = again.sheets.find((s) => s.name === book.names.quota)!;
    expect(quota.rows[q.rowOf[0] - 1].values[q.target[2]]).toBe(7);
  });
});

// ---------- properties ----------
const arbCase = fc.record({
  units: fc.array(
    fc.record({
      name: fc.constantFrom('Xã An Bình', 'Xã Tân Lập', 'Phường 1', 'Xã Đông Khê'),
      counts: fc.subarray(REG, { minLength: 1 }).chain((regs) => fc.tuple(...regs.map((r) => fc.tuple(fc.constant(r), fc.integer({ min: 0, max: 3_000 }))))),
      parent: fc.constantFrom('Huyện X', 'Thị xã Y', undefined),
      machines: fc.option(fc.integer({ min: 1, max: 3 })),
    }),
    { minLength: 1, maxLength: 7 },
  ),
  start: fc.integer({ min: dayFromYMD(2024, 1, 1), max: dayFromYMD(2026, 6, 30) }),
  length: fc.integer({ min: 7, max: 80 }),
  granularity: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  method: fc.constantFrom<Method>('even', 'workdays', 'priority', 'capacity'),
  revised: fc.boolean(),
  by: fc.constantFrom<SplitBy>('parent', 'unit'),
  before: fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { freq: 3 }), { minLength: 1, maxLength: 30 }),
  typed: fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { freq: 2 }), { minLength: 1, maxLength: 40 }),
});

describe('consolidate properties', () => {
  it('reproduces exactly the actuals typed into the split parts, once however often it runs, and the forms read them back', () => {
    const seen = { revised: 0, replaced: 0, coded: 0 };
    fc.assert(
      fc.property(arbCase, (c) => {
        // Names repeat: under one parent they need codes (as a sheet with a code column gives), across parents not.
        const units = c.units.map((u, i) => unit(u.name, Object.fromEntries(u.counts), { parent: u.parent, machines: u.machines ?? undefined, row: i + 2 }));
        if (units.some((u) => u.parent === null)) units.forEach((u) => (u.parent = null));
        const keys = units.map((u) => `${u.parent}|${u.name}`);
        if (new Set(keys).size < keys.length) {
          units.forEach((u, i) => (u.code = String(16_000 + i)));
          seen.coded++;
        }
        const settings: PlanSettings = { ...defaultSettings(c.start, c.start + c.length - 1), granularity: c.granularity, method: c.method };
        const plan = planUnits(units, REG, settings);
        const P = plan.periods.length;
        const before = Array.from({ length: plan.rows.length * P }, (_, i) => c.before[i % c.before.length]);
        let { book } = masterOf(units, settings, before);
        if (c.revised) {
          const rev = revise({ book, asOf: settings.start + Math.floor(c.length / 2), changes: { end: settings.end + 14 }, note: '', made: 0 });
          if (rev.plan === null) return;
          book = read(sheetsOf(revisionForms(book, rev as Revision), { names: book.names, planId: (rev as Revision).planId }));
          seen.revised++;
        }
        const P2 = book.plan.periods.length;

        const parts = splitBook(book, c.by);
        // Every master row is in exactly one part, shown with the master's label.
        expect(parts.flatMap((p) => p.rows).sort((a, b) => a - b)).toEqual(book.plan.rows.map((_, r) => r));
        const labels = unitLabels(book.plan, 'vi');
        for (const p of parts) {
          const grid = sheetsOf(p.forms, { names: book.names, planId: book.planId }).progress;
          p.rows.forEach((r, i) => expect(grid.rows[p.forms.progress.rowOf[i] - 1][1]).toBe(labels[book.plan.rows[r].unitIndex]));
        }

        const expected = book.actuals.slice();
        let n = 0;
        let replaced = 0;
        const returned = parts.map((p) => returnedPart(book, p, `${p.name}.xlsx`, (i, k) => {
          const v = c.typed[n++ % c.typed.length];
          const at = p.rows[i] * P2 + k;
          if (v !== null) {
            if (expected[at] !== null && expected[at] !== v) replaced++;
            expected[at] = v;
          }
          return v;
        }));
        const changed = expected.filter((v, i) => v !== book.actuals[i]).length;
        const once = consolidate(book, returned);
        expect(once.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(once.actuals).toEqual(expected);
        expect(once.copied).toBe(changed);
        expect(once.problems.map((p) => p.code)).toEqual(new Array(replaced).fill('actual-replaced'));
        if (replaced > 0) seen.replaced++;

        // Idempotent: the same files again, or against the result, change nothing more.
        expect(consolidate(book, [...returned, ...returned]).actuals).toEqual(expected);
        expect(consolidate({ ...book, actuals: once.actuals }, returned)).toEqual({ actuals: expected, copied: 0, problems: [] });

        // The consolidated workbook reads back as the same revision with exactly these actuals.
        const out = read(sheetsOf(sameRevisionForms(book, once.actuals), { names: book.names, planId: book.planId }));
        expect(out.actuals).toEqual(expected);
        expect(out.revision).toBe(book.revision);
      }),
      seeded(80, 20250312),
    );
    // The cases the rules are about came up.
    expect(seen.revised).toBeGreaterThan(5);
    expect(seen.replaced).toBeGreaterThan(5);
    expect(seen.coded).toBeGreaterThan(5);
  });
});
