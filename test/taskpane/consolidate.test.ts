import { chonThanhWorkbook } from '../../src/examples/workbooks';
import { openWorkbookFile } from '../../src/hosts/browser/file-host';
import { xlsxBytes } from '../../src/hosts/files/write-xlsx';
import { PlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { SplitPart, splitBook } from '../../src/sheets/split';
import { mergeReturned } from '../../src/taskpane/consolidate/model';
import { inThisWorkbook } from '../../src/taskpane/shared/cells';
import { isBusy } from '../../src/taskpane/state';
import { FORMS, PROGRESS, bookIn, d, local, planned, setting, type } from './excel-pane';

/**
 * The pane's consolidation ("Tổng hợp số liệu") in Excel mode, over the recording fake of the Excel API:
 * the plan written by the pane, an actual typed into its Phụ lục 02, a part cut for one district and sent
 * back with more actuals typed (an .xlsx file read by the browser's file host, as in the pane), and the
 * actuals copied into the open workbook's forms, the revision unchanged.
 */

/** A chosen file, as the browser hands it over. */
const fileOf = (name: string, bytes: Uint8Array): File =>
  ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }) as unknown as File;

/**
 * The first part of the plan cut by district (or unit), as it comes back: with what the master held when it
 * was cut, and `typed` (master row, period, value) typed in by the district. Its bytes are our writer's, as
 * `quota-plan split` writes them.
 */
async function returnedPart(book: PlanWorkbook, typed: (part: SplitPart) => [number, number, number][]): Promise<{ file: File; part: SplitPart }> {
  const P = book.plan.periods.length;
  const [first] = splitBook(book, 'parent');
  const actuals = book.actuals.slice();
  for (const [r, k, value] of typed(first)) actuals[r * P + k] = value;
  const part = splitBook({ ...book, actuals }, 'parent')[0];
  expect(part.rows).toEqual(first.rows);
  return { file: fileOf(`${part.name}.xlsx`, await xlsxBytes(part.forms.sheets)), part };
}

describe('the pane consolidates returned files in Excel (the fake)', () => {
  it('copies the actuals typed in a returned part into Phụ lục 02, keeping the one typed before and the revision', async () => {
    const pane = await planned(openWorkbookFile);
    const sheet = pane.wb.sheet(PROGRESS);
    const cut = await bookIn(pane.host);
    const planIdBefore = cut.planId;

    // The planner typed one actual before cutting the parts: the part carries it unchanged.
    const [r0] = splitBook(cut, 'parent')[0].rows;
    type(sheet, cut.actualCell(r0, 0), 120);
    const master = await bookIn(pane.host);
    const { file, part } = await returnedPart(master, (p) => [[p.rows[0], 1, 95], [p.rows[p.rows.length - 1], 2, 30]]);
    const rLast = part.rows[part.rows.length - 1];
    const expected = new Map([[master.actualCell(r0, 0), 120], [master.actualCell(r0, 1), 95], [master.actualCell(rLast, 2), 30]]);

    await pane.actions.setView('consolidate');
    const { book } = pane.state();
    expect(book.status === 'read' && book.summary).toMatchObject({ revision: 1, actuals: 1 });

    // Chosen: read in the browser, and (the plan read) what it brings shown at once.
    await pane.actions.chooseReturned([file]);
    const { files, preview } = pane.state().consolidation;
    expect(files.map((f) => [f.name, f.status])).toEqual([[file.name, 'read']]);
    expect(preview.status === 'ready' && preview.value.model).toEqual({ revision: 1, copied: 2, files: [{ name: file.name, copied: 2 }], warnings: [] });
    expect(pane.state().status?.en).toBe('Consolidated: 2 actual cells to copy.');

    await pane.actions.writeConsolidation();
    expect(pane.state().consolidation.write).toEqual({ status: 'done', outcome: { sheets: FORMS }, undo: null });
    expect(isBusy(pane.state())).toBe(false);

    // The same six forms, the three actuals in their cells, the revision and the plan id as they were.
    // The old forms are kept hidden for an undo (hosts/office/undo.ts).
    expect(pane.wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['Số liệu', ...FORMS]);
    const written = pane.wb.sheet(PROGRESS); // a new sheet, in the old one's place
    for (const [cell, value] of expected) expect([cell, written.cell(local(cell)).value]).toEqual([cell, value]);
    const after = await bookIn(pane.host);
    expect(after.actuals.filter((a) => a !== null)).toHaveLength(3);
    expect([after.revision, after.planId, after.history.length]).toEqual([1, planIdBefore, 1]);
    expect(setting(pane.wb, 'revision')).toBe(1);
    // The pane read the workbook back: the next re-split or consolidation starts from the three actuals.
    const reread = pane.state().book;
    expect(reread.status === 'read' && reread.summary.actuals).toBe(3);

    // The same file again brings nothing new: nothing is written.
    const before = pane.wb.snapshot();
    await pane.actions.writeConsolidation();
    const again = pane.state().consolidation;
    expect(again.preview.status === 'ready' && again.preview.value.model.copied).toBe(0);
    expect(again.write.status === 'failed' && again.write.error.en).toBe('The returned files hold no new actual, so nothing was written.');
    expect(pane.wb.snapshot()).toEqual(before);
  });

  it('refuses a part of another revision and files that are no plan workbooks, naming each file, and writes nothing', async () => {
    const pane = await planned(openWorkbookFile);
    const cut = await bookIn(pane.host);
    // A part cut from revision 1, sent back after the plan was re-split (revision 2).
    const { file: stale } = await returnedPart(cut, (p) => [[p.rows[0], 0, 40]]);
    await pane.actions.setView('resplit');
    pane.actions.updateResplit({ asOf: d('2023-06-11'), end: d('2023-07-28') });
    await pane.actions.writeResplit();
    expect(pane.state().resplit.write.status).toBe('done');
    const revision2 = await bookIn(pane.host);
    expect(revision2.revision).toBe(2);

    const units = fileOf('Số liệu.xlsx', new Uint8Array(await chonThanhWorkbook().xlsx.writeBuffer()));
    const garbage = fileOf('ghi chú.xlsx', new TextEncoder().encode('not a workbook'));
    await pane.actions.setView('consolidate');
    const before = pane.wb.snapshot();
    await pane.actions.chooseReturned([stale, units, garbage]);
    const { files, preview } = pane.state().consolidation;
    expect(files.map((f) => [f.name, f.status])).toEqual([[stale.name, 'read'], ['Số liệu.xlsx', 'refused'], ['ghi chú.xlsx', 'refused']]);
    expect(preview.status).toBe('refused');
    if (preview.status !== 'refused') return;
    expect(preview.problems.map((p) => [p.code, p.cell])).toEqual([
      ['not-a-plan-book', null],
      ['returned-unreadable', null],
      ['other-plan', stale.name],
    ]);
    // Each names its file, in both languages.
    const named = [units.name, garbage.name, stale.name];
    preview.problems.forEach((p, i) => expect([p.vi.includes(named[i]), p.en.includes(named[i])]).toEqual([true, true]));
    expect(preview.problems[2].en).toContain(`not to plan ${revision2.planId} (revision 2)`);
    expect(pane.state().status?.en).toBe('Cannot consolidate:');

    await pane.actions.writeConsolidation();
    const { write } = pane.state().consolidation;
    expect(write.status === 'refused' && write.problems.map((p) => p.code)).toEqual(['not-a-plan-book', 'returned-unreadable', 'other-plan']);
    expect(pane.wb.snapshot()).toEqual(before);

    // Without the two that are no plan workbooks, the stale part alone still refuses.
    pane.actions.removeReturned(units.name);
    pane.actions.removeReturned(garbage.name);
    expect(pane.state().consolidation.files.map((f) => f.name)).toEqual([stale.name]);
    await pane.actions.writeConsolidation();
    const alone = pane.state().consolidation;
    expect(alone.write.status === 'refused' && alone.write.problems.map((p) => [p.code, p.cell])).toEqual([['other-plan', stale.name]]);
    expect(pane.wb.snapshot()).toEqual(before);
  });

  it('writes nothing when an actual was typed in the open workbook after it was read, and reads it again', async () => {
    const pane = await planned(openWorkbookFile);
    const master = await bookIn(pane.host);
    const { file } = await returnedPart(master, (p) => [[p.rows[0], 0, 77]]);
    await pane.actions.setView('consolidate');
    await pane.actions.chooseReturned([file]);
    expect(pane.state().consolidation.preview.status).toBe('ready');

    const late = master.actualCell(master.plan.rows.length - 1, 0);
    type(pane.wb.sheet(PROGRESS), late, 12);
    const before = pane.wb.snapshot();
    await pane.actions.writeConsolidation();
    const { write } = pane.state().consolidation;
    expect(write.status === 'failed' && write.error.en).toMatch(/^The plan workbook changed since it was read/);
    expect(pane.wb.snapshot()).toEqual(before);
    const { book } = pane.state();
    expect(book.status === 'read' && book.summary.actuals).toBe(1);

    // Read again, the files still chosen: written, the late actual kept.
    await pane.actions.writeConsolidation();
    expect(pane.state().consolidation.write.status).toBe('done');
    const after = await bookIn(pane.host);
    expect(after.actuals.filter((a) => a !== null)).toHaveLength(2);
    expect(pane.wb.sheet(PROGRESS).cell(local(late)).value).toBe(12);
  });

  it('asks for the plan workbook and the returned files before it consolidates', async () => {
    const pane = await planned(openWorkbookFile);
    await pane.actions.setView('consolidate');
    await pane.actions.previewConsolidation();
    expect(pane.state().status?.en).toBe('Choose at least one returned file.');
    await pane.actions.writeConsolidation();
    expect(pane.state().consolidation.write.status).toBe('idle');
  });
});

describe('the consolidation’s pieces', () => {
  it('links only cells of the open workbook, not those of a returned file', () => {
    expect(inThisWorkbook('Phụ lục 02 - Báo cáo tiến độ!D10')).toBe(true);
    expect(inThisWorkbook("'Phụ lục 02'!D10")).toBe(true);
    expect(inThisWorkbook('[Huyện X.xlsx]Phụ lục 02 - Báo cáo tiến độ!D10')).toBe(false);
    expect(inThisWorkbook("'[Huyện X.xlsx]Phụ lục 02'!D10")).toBe(false);
    expect(inThisWorkbook('Huyện X.xlsx')).toBe(false);
  });

  it('keeps the files chosen in order, a file chosen again replacing the one of its name', () => {
    const f = (name: string, problems: string[] = []) => ({ name, status: 'refused' as const, problems: problems.map((code) => ({ code }) as never) });
    const merged = mergeReturned([f('a.xlsx'), f('b.xlsx')], [f('c.xlsx'), f('a.xlsx', ['x']), f('c.xlsx', ['y'])]);
    expect(merged.map((m) => [m.name, m.status === 'refused' ? m.problems.length : -1])).toEqual([['a.xlsx', 1], ['b.xlsx', 0], ['c.xlsx', 1]]);
  });
});
