import { readFileSync } from 'fs';
import { PlanJson } from '../../src/planning/plan-json';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { groupByParent } from '../../src/sheets/forms/groups';
import { quotaLayout } from '../../src/sheets/forms/quota-assignment';
import { cell } from '../../src/sheets/forms/refs';
import ExcelJS from 'exceljs';
import { besidesProgress, readBook, run } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/tmp';
import { overwriteCell, typeCell } from '../helpers/type-cell';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

const tmp = tempDir('quota-replan-');
afterAll(() => tmp.cleanup());

/** The 1-based sheet number of a form, for typing into the file. */
async function sheetNumber(file: string, kind: string): Promise<number> {
  return (await existingSheets(file)).findIndex((s) => s.marker?.kind === kind) + 1;
}

const json = (file: string): PlanJson => JSON.parse(readFileSync(file, 'utf8'));
const row = (plan: PlanJson, unit: string, register: string) => plan.rows.find((r) => r.unit === unit && r.register === register)!;
/** A box's address without its sheet; a period without a box (null) is a test's mistake. */
const bare = (ref: string | null): string => {
  if (ref === null) throw new Error('No box for that period');
  return ref.replace(/^.*!/, '');
};

/** Two districts, three communes, weekly in June 2024 (4 weeks of 5 working days), actuals typed for two weeks. */
async function plannedWithActuals(): Promise<{ book: string; plan: PlanJson }> {
  const input = tmp.file(`units-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeTwoDistricts(input);
  const book = input.replace('units-', 'plan-');
  const first = await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week',
    '--out', book, '--json', book.replace('.xlsx', '.json'));
  expect(first.code).toBe(0);
  const plan = json(book.replace('.xlsx', '.json'));
  const progress = await sheetNumber(book, 'progress');
  await typeCell(book, progress, bare(row(plan, 'Xã A', 'KS').actualCells![0]), '<v>300</v>');
  await typeCell(book, progress, bare(row(plan, 'Xã A', 'KS').actualCells![1]), '<v>120</v>');
  await typeCell(book, progress, bare(row(plan, 'Xã B', 'KS').actualCells![0]), '<v>100</v>');
  await typeCell(book, progress, bare(row(plan, 'Xã A', 'KH').actualCells![0]), '<v>0</v>');
  return { book, plan };
}

describe('quota-plan replan', () => {
  it('keeps every actual and past target, re-splits what is left to the new end, and records the revision', async () => {
    const { book, plan } = await plannedWithActuals();
    const before = sha256(book);
    const out = tmp.file('r2.xlsx');
    const r = await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--note', 'QĐ 45/QĐ-UBND lùi hạn', '--out', out, '--json', tmp.file('r2.json'));
    expect(r.err).not.toContain('LỖI');
    expect(r.code).toBe(0);
    expect(sha256(book)).toBe(before); // the input is never written
    expect(r.out).toContain('lần lập 2');

    const r2 = json(tmp.file('r2.json'));
    // Periods run from the first week to the new end: six weeks, the last one 8–12 July.
    expect(r2.periods.map((p) => p.start)).toEqual(['2024-06-03', '2024-06-10', '2024-06-17', '2024-06-24', '2024-07-01', '2024-07-08']);
    const a = row(r2, 'Xã A', 'KS');
    // Week 2 began by the as-of date: its 120 counts as done, and stays part of its target.
    expect(a.done).toBe(420);
    expect(a.remaining).toBe(1000 - 420);
    expect(a.targets[0]).toBe(row(plan, 'Xã A', 'KS').targets[0]); // past week kept
    expect(a.targets.slice(1).reduce((s, n) => s + n, 0) - 120 + a.unscheduled).toBe(a.remaining);
    expect(row(r2, 'Xã B', 'KS')).toMatchObject({ done: 100, remaining: 500 });
    // Rows in the plan's order, those with nothing to do included (0 done, 0 left, no target).
    expect(r2.rows.map((x) => [x.unit, x.register, x.remaining])).toEqual([
      ['Xã A', 'KS', 580], ['Xã A', 'KH', 400], ['Xã B', 'KS', 500], ['Xã B', 'KH', 0], ['Xã C', 'KS', 800], ['Xã C', 'KH', 0],
    ]);
    expect(row(r2, 'Xã B', 'KH').targets.every((n) => n === 0)).toBe(true);

    // Read back: revision 2, every actual where it was typed, two lines of history with the note.
    const back = await readBook(out);
    expect(back.revision).toBe(2);
    const P = back.plan.periods.length;
    const at = (unit: string, reg: string, k: number): number | null =>
      back.actuals[back.plan.rows.findIndex((x) => back.plan.units[x.unitIndex].name === unit && x.register === reg) * P + k];
    expect([at('Xã A', 'KS', 0), at('Xã A', 'KS', 1), at('Xã B', 'KS', 0), at('Xã A', 'KH', 0)]).toEqual([300, 120, 100, 0]);
    expect(back.actuals.filter((v) => v !== null)).toHaveLength(4);
    expect(a.actualCells![0]).toBe(row(plan, 'Xã A', 'KS').actualCells![0]); // the same cells
    expect(back.history.map((h) => [h.revision, h.end, h.note])).toEqual([
      [1, 19902, ''],
      [2, 19916, 'QĐ 45/QĐ-UBND lùi hạn'],
    ]);
    expect(back.history[1]).toMatchObject({ asOf: 19886, oldEnd: 19902, need: 2800, done: 520, left: 2280 });
    // Units still name the cell of the planner's sheet they came from, for every message after a re-split.
    expect(back.plan.units.map((u) => u.cell)).toEqual(['Số liệu!C2', 'Số liệu!C3', 'Số liệu!C4']);
    // The forms show what each row had to do from the start.
    expect(back.plan.rows.map((x) => x.remaining)).toEqual([1000, 400, 600, 0, 800, 0]);
  });

  it('holds a target typed over on Phụ lục 01, spreads the rest around it, and keeps it held next time', async () => {
    const { book } = await plannedWithActuals();
    const r2 = tmp.file('held-r2.xlsx');
    expect((await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', r2)).code).toBe(0);
    const b2 = await readBook(r2);
    const rowA = b2.plan.rows.findIndex((x) => b2.plan.units[x.unitIndex].name === 'Xã A' && x.register === 'KS');
    const q = quotaLayout(b2.plan, groupByParent(b2.plan));
    await overwriteCell(r2, await sheetNumber(r2, 'quota'), cell(q.target[3], q.rowOf[rowA]), '<v>7</v>');

    const r3 = tmp.file('held-r3.xlsx');
    const third = await run('replan', r2, '--as-of', '2024-06-14', '--end', '2024-07-12', '--out', r3, '--json', tmp.file('held-r3.json'));
    expect(besidesProgress(third.err)).toEqual([]);
    expect(third.code).toBe(0);
    const j3 = json(tmp.file('held-r3.json'));
    const a3 = row(j3, 'Xã A', 'KS');
    expect(a3.targets[3]).toBe(7);
    expect(a3.targets.slice(2).reduce((s, n) => s + n, 0) + a3.unscheduled).toBe(a3.remaining); // nothing typed after week 2
    const b3 = await readBook(r3);
    expect(b3.revision).toBe(3);
    expect(b3.held).toEqual([rowA * b3.plan.periods.length + 3]);
    expect(b3.history).toHaveLength(3);

    // The next re-split keeps it held without it being typed again; --release-held lets it go.
    const r4 = tmp.file('held-r4.json');
    expect((await run('replan', r3, '--as-of', '2024-06-14', '--end', '2024-07-19', '--json', r4)).code).toBe(0);
    expect(row(json(r4), 'Xã A', 'KS').targets[3]).toBe(7);
    const r5 = tmp.file('held-r5.json');
    expect((await run('replan', r3, '--as-of', '2024-06-14', '--end', '2024-07-19', '--json', r5, '--release-held', 'yes')).code).toBe(0);
    expect(row(json(r5), 'Xã A', 'KS').targets[3]).not.toBe(7);
  });

  it('a target typed over below what was done in the current period: refused at its Phụ lục 01 cell, saying how to fix it', async () => {
    const { book } = await plannedWithActuals();
    const b = await readBook(book);
    const rowA = b.plan.rows.findIndex((x) => b.plan.units[x.unitIndex].name === 'Xã A' && x.register === 'KS');
    const q = quotaLayout(b.plan, groupByParent(b.plan));
    // Week 2 (10–14 June) already has 120 done for Xã A's births; 100 is typed over its target.
    const at = cell(q.target[1], q.rowOf[rowA]);
    await overwriteCell(book, await sheetNumber(book, 'quota'), at, '<v>100</v>');
    const r = await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--out', tmp.file('below.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`LỖI/ERROR Phụ lục 01 - Giao chỉ tiêu!${at}: Xã A, Khai sinh: chỉ tiêu giữ nguyên 100 của kỳ hiện tại 10/06/2024–16/06/2024`);
    expect(r.err).toContain(`Type another figure over cell Phụ lục 01 - Giao chỉ tiêu!${at}, or the planned number (${b.plan.targets[rowA * b.plan.periods.length + 1]}) back to stop holding it.`);
    expect(r.err).not.toContain('Số liệu!');
  });

  it('warns, naming its cell, that a target typed over after a new, earlier end is dropped', async () => {
    const { book } = await plannedWithActuals();
    const b = await readBook(book);
    const rowC = b.plan.rows.findIndex((x) => b.plan.units[x.unitIndex].name === 'Xã C' && x.register === 'KS');
    const q = quotaLayout(b.plan, groupByParent(b.plan));
    const at = cell(q.target[3], q.rowOf[rowC]);
    await overwriteCell(book, await sheetNumber(book, 'quota'), at, '<v>55</v>');
    const r = await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-06-21', '--json', tmp.file('dropped.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Xã C, Births: the target 55 of 24/06/2024–28/06/2024 was typed over at cell Phụ lục 01 - Giao chỉ tiêu!${at}, ` +
      'but that period starts after the new end 21/06/2024');
  });

  it('refuses to lose an actual typed after a new, earlier end, naming its cell; nothing is written', async () => {
    const { book, plan } = await plannedWithActuals();
    const late = row(plan, 'Xã C', 'KS').actualCells![3];
    await typeCell(book, await sheetNumber(book, 'progress'), bare(late), '<v>40</v>');
    const out = tmp.file('never.xlsx');
    const r = await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-06-21', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không chia lại');
    expect(r.err).toContain(`LỖI/ERROR ${late!.replace(/'/g, '')}`);
    expect(r.err).toContain('would lose it');
    expect(() => readFileSync(out)).toThrow();
  });

  it('gives a unit a second machine by name, and refuses a name the plan does not have', async () => {
    const { book } = await plannedWithActuals();
    const ok = await run('replan', book, '--as-of', '2024-06-12', '--end', '2024-07-12', '--method', 'capacity', '--rate', '20',
      '--machines', 'Xã A=2', '--json', tmp.file('m.json'));
    expect(ok.code).toBe(0);
    const m = json(tmp.file('m.json'));
    expect(row(m, 'Xã A', 'KS').machines).toBe(2);
    expect(row(m, 'Xã C', 'KS').machines).toBeNull();
    const bad = await run('replan', book, '--end', '2024-07-12', '--machines', 'Xã Z=2');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('the plan has no unit "Xã Z"');
  });

  it('re-splits a three-level plan whose district names repeat across provinces, each district its own group', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Tỉnh', 'Huyện', 'Xã', 'Khai sinh']);
    ws.addRow(['Tỉnh An Giang', 'Huyện Châu Thành', 'Xã An Hòa', 500]);
    ws.addRow(['Tỉnh An Giang', 'Huyện Chợ Mới', 'Xã Kiến An', 400]);
    ws.addRow(['Tỉnh Tiền Giang', 'Huyện Châu Thành', 'Xã Tân Hương', 300]);
    const input = tmp.file('three-levels.xlsx');
    await wb.xlsx.writeFile(input);
    const book = tmp.file('three-levels-plan.xlsx');
    expect((await run('plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', book, '--json', tmp.file('3l.json'))).code).toBe(0);
    const p1 = json(tmp.file('3l.json'));
    await typeCell(book, await sheetNumber(book, 'progress'), bare(row(p1, 'Xã Tân Hương', 'KS').actualCells![0]), '<v>75</v>');
    const r = await run('replan', book, '--as-of', '2024-06-07', '--end', '2024-07-12', '--out', tmp.file('three-levels-r2.xlsx'), '--json', tmp.file('3l-r2.json'));
    expect(besidesProgress(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    expect(row(json(tmp.file('3l-r2.json')), 'Xã Tân Hương', 'KS')).toMatchObject({ done: 75, remaining: 225 });
    const back = await readBook(tmp.file('three-levels-r2.xlsx'));
    expect(new Set(back.plan.units.map((u) => u.parentKey)).size).toBe(3);
    expect(back.actuals.filter((v) => v !== null)).toEqual([75]);
  });
});
