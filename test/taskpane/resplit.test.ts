import { excelHost } from '../../src/hosts/office/excel-host';
import { createController } from '../../src/taskpane/controller';
import { defaultForm } from '../../src/taskpane/plan/pane-settings';
import { initialState, isBusy } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { FakeSettings } from '../hosts/office/fake-excel';
import { FORMS, PROGRESS, Pane, bookIn, d, local, planned, setting, today, type, workbook } from './excel-pane';

/**
 * The pane's re-split ("Chia lại") in Excel mode, end to end over the recording fake of the Excel API: the
 * plan written by the pane, actuals typed into Phụ lục 02 as people type them, the plan read back, re-split
 * and written over its own forms.
 */

/** Actuals for the first three weeks of every row (some rows blank, one a 0), by plan row and period. */
async function typeActuals(pane: Pane): Promise<Map<string, number>> {
  const book = await bookIn(pane.host);
  const sheet = pane.wb.sheet(PROGRESS);
  const typed = new Map<string, number>();
  const P = book.plan.periods.length;
  book.plan.rows.forEach((_, r) => {
    if (r % 4 === 3) return; // a row nobody reported for
    for (let k = 0; k < 3; k++) {
      const value = r === 0 && k === 2 ? 0 : Math.min(book.plan.targets[r * P + k], 40 + 7 * r + k);
      type(sheet, book.actualCell(r, k), value);
      typed.set(book.actualCell(r, k), value);
    }
  });
  return typed;
}

describe('the pane re-splits a plan in Excel (the fake)', () => {
  it('keeps every actual typed on Phụ lục 02, bumps the revision and adds a history line', async () => {
    const pane = await planned();
    const typed = await typeActuals(pane);
    expect(typed.size).toBeGreaterThan(40);

    await pane.actions.setView('resplit');
    const { book } = pane.state();
    expect(book.status).toBe('read');
    if (book.status !== 'read') return;
    expect(book.summary).toMatchObject({ revision: 1, units: 9, actuals: typed.size, method: 'even', start: d('2023-05-22'), end: d('2023-07-14') });
    // The as-of date starts as today, the new end as the plan's.
    expect(pane.state().resplit.form).toMatchObject({ asOf: today, end: d('2023-07-14'), method: null });

    pane.actions.updateResplit({ asOf: d('2023-06-11'), end: d('2023-07-28'), note: 'Quyết định số 45/QĐ-UBND' });
    await pane.actions.previewResplit();
    const { preview } = pane.state().resplit;
    expect(preview.status).toBe('ready');
    if (preview.status !== 'ready') return;
    const done = [...typed.values()].reduce((a, b) => a + b, 0);
    expect(preview.value.model).toMatchObject({ revision: 2, asOf: d('2023-06-11'), oldEnd: d('2023-07-14'), end: d('2023-07-28'), done, carried: typed.size });
    expect(preview.value.model.left).toBe(preview.value.model.need - done);
    // From the week after the as-of date to the new end: 12/06 … 24/07, seven weeks.
    expect(preview.value.model.periods.map((p) => p.start)).toEqual(['2023-06-12', '2023-06-19', '2023-06-26', '2023-07-03', '2023-07-10', '2023-07-17', '2023-07-24'].map(d));
    expect(preview.value.model.total + preview.value.model.unscheduled).toBe(preview.value.model.left);

    await pane.actions.writeResplit();
    const { write } = pane.state().resplit;
    expect(write).toEqual({ status: 'done', outcome: { sheets: FORMS }, undo: null });
    expect(isBusy(pane.state())).toBe(false);

    // The workbook: the units sheet and the six forms under their names, nothing left aside.
    // The old forms are kept hidden for an undo (hosts/office/undo.ts).
    expect(pane.wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['Số liệu', ...FORMS]);
    // Every typed actual is in its cell of the new Phụ lục 02, and nothing else was typed there.
    const sheet = pane.wb.sheet(PROGRESS);
    for (const [cell, value] of typed) expect([cell, sheet.cell(local(cell)).value]).toEqual([cell, value]);
    const after = await bookIn(pane.host);
    expect(after.actuals.filter((a) => a !== null)).toHaveLength(typed.size);
    expect(after.revision).toBe(2);
    expect(after.plan.periods).toHaveLength(10);
    // Lịch carries the revision; the history has the first plan's line and the re-split's.
    expect(setting(pane.wb, 'revision')).toBe(2);
    expect(setting(pane.wb, 'planId')).toBe(after.planId);
    const history = pane.wb.sheet('Lịch sử kế hoạch');
    expect([history.cell('A5').value, history.cell('A6').value, history.cell('A7').value]).toEqual([1, 2, null]);
    expect(history.cell('K6').value).toBe('Quyết định số 45/QĐ-UBND');
    expect(after.history.map((e) => [e.revision, e.done, e.note])).toEqual([[1, 0, ''], [2, done, 'Quyết định số 45/QĐ-UBND']]);
    // Each form is marked with the new revision's plan id.
    expect(pane.wb.sheets.slice(1, 8).map((s) => s.names.find((n) => n.name === 'QuotaPlanner.Form')?.formula)).toEqual(
      ['quota', 'progress', 'report', 'rollup', 'calendar', 'units', 'history'].map((kind) => `="quota-planner/${kind}/${after.planId}"`),
    );
    // The pane read the new revision back, ready for the next re-split.
    const reread = pane.state().book;
    expect(reread.status === 'read' && reread.summary.revision).toBe(2);
    expect(pane.state().resplit.write.status).toBe('done');
  });

  it('refuses a plan whose actuals are not numbers, naming each cell (a button that selects it), and writes nothing', async () => {
    const pane = await planned();
    const book = await bookIn(pane.host);
    const sheet = pane.wb.sheet(PROGRESS);
    type(sheet, book.actualCell(0, 0), 120);
    type(sheet, book.actualCell(1, 0), 'mười hai');
    type(sheet, book.actualCell(2, 1), -3);
    const before = pane.wb.snapshot();

    await pane.actions.setView('resplit');
    const state = pane.state();
    expect(state.book.status).toBe('refused');
    if (state.book.status !== 'refused') return;
    expect(state.book.problems.map((p) => [p.code, p.cell])).toEqual([
      ['bad-actual', book.actualCell(1, 0)],
      ['bad-actual', book.actualCell(2, 1)],
    ]);
    expect(state.book.problems[0].vi).toContain('«mười hai»');
    expect(pane.state().status?.en).toBe('The plan workbook could not be read:');

    await pane.actions.previewResplit();
    await pane.actions.writeResplit();
    expect(pane.state().resplit.preview.status).toBe('none');
    expect(pane.state().resplit.write.status).toBe('idle');
    expect(pane.state().status?.en).toBe('First read a plan workbook without errors.');
    expect(pane.wb.snapshot()).toEqual(before);

    // The problem's cell selects it in Excel.
    await pane.actions.goToCell(state.book.problems[0].cell!);
    expect(pane.wb.active.name).toBe(PROGRESS);
    expect(pane.wb.selection?.box).toEqual(expect.objectContaining({ rows: 1, cols: 1 }));
    expect(pane.wb.active.cell(local(book.actualCell(1, 0))).value).toBe('mười hai');
  });

  it('writes nothing when an actual was typed after the plan was read, reads it again, and then carries it too', async () => {
    const pane = await planned();
    const typed = await typeActuals(pane);
    await pane.actions.setView('resplit');
    pane.actions.updateResplit({ asOf: d('2023-06-11'), end: d('2023-07-28') });
    await pane.actions.previewResplit();
    expect(pane.state().resplit.preview.status).toBe('ready');

    // Someone types one more actual meanwhile.
    const book = await bookIn(pane.host);
    const late = book.actualCell(3, 0);
    type(pane.wb.sheet(PROGRESS), late, 55);
    const before = pane.wb.snapshot();
    await pane.actions.writeResplit();
    const { write } = pane.state().resplit;
    const reread = pane.state().book;
    expect(write.status === 'failed' && write.error.en).toMatch(/^The plan workbook changed since it was read/);
    expect(pane.wb.snapshot()).toEqual(before);
    expect(reread.status === 'read' && reread.summary.actuals).toBe(typed.size + 1);

    await pane.actions.previewResplit();
    await pane.actions.writeResplit();
    expect(pane.state().resplit.write.status).toBe('done');
    expect(pane.wb.sheet(PROGRESS).cell(local(late)).value).toBe(55);
    expect((await bookIn(pane.host)).actuals.filter((a) => a !== null)).toHaveLength(typed.size + 1);
  });

  it('says when the open workbook holds no plan', async () => {
    const wb = workbook();
    const host = excelHost({ run: wb.run, settings: new FakeSettings() });
    const store = createStore(initialState('excel', 'en', defaultForm(today)));
    const actions = createController({ store, today, host, openFile: () => Promise.reject(new Error('no file')), nextPaint: () => Promise.resolve(), log: (e) => { throw e; } });
    await actions.start();
    await actions.setView('resplit');
    const { book } = store.get();
    expect(book.status === 'refused' && book.problems.map((p) => [p.code, p.cell, p.en])).toEqual([
      ['not-a-plan-book', null, expect.stringMatching(/^The open workbook is not a plan workbook: it lacks the Calendar/)],
    ]);
  });
});
