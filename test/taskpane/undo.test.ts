import { switchStages } from '../../src/taskpane/plan/pane-settings';
import { FORMS, d, planned } from './excel-pane';

/** The pane's "Undo the last write" in Excel, over the recording fake of the Excel API. */
describe('the pane undoes its last write in Excel', () => {
  it('puts the workbook back as it was before the write, and says so', async () => {
    const { wb, actions, state } = await planned();
    const before = wb.snapshot();
    actions.updateForm({ end: d('2023-07-28') });
    await actions.write();
    expect(state().plan.write).toMatchObject({ status: 'done', undo: null });
    expect(wb.snapshot()).not.toEqual(before);

    await actions.undoWrite('plan');
    expect(state().plan.write).toEqual({ status: 'undone', restored: FORMS });
    expect(state().status).toEqual({ vi: 'Đã hoàn tác lần ghi vừa rồi.', en: 'The last write was undone.' });
    expect(wb.snapshot()).toEqual(before);
  });

  it('undoes a write in stages too, whose Phụ lục 02 holds formulas between the boxes (each stage’s tracking columns)', async () => {
    const { wb, actions, state } = await planned();
    const before = wb.snapshot();
    actions.updateForm(switchStages(state().plan.form, true));
    await actions.write();
    expect(state().plan.write).toMatchObject({ status: 'done', undo: null });
    await actions.undoWrite('plan');
    expect(state().plan.write).toEqual({ status: 'undone', restored: FORMS });
    expect(wb.snapshot()).toEqual(before);
  });

  it('refuses, saying why, when an actual was typed into the new forms since, and keeps the write', async () => {
    const { wb, actions, state } = await planned();
    actions.updateForm({ end: d('2023-07-28') });
    await actions.write();
    const progress = wb.sheet(FORMS[1]);
    progress.setCells(progress.firstBox(), [[40]]);
    const typed = wb.snapshot();
    await actions.undoWrite('plan');
    const write = state().plan.write;
    expect(write.status).toBe('done');
    if (write.status !== 'done') return;
    expect(write.undo).toEqual({ error: expect.objectContaining({ vi: expect.stringContaining(`đã có số thực hiện được nhập hoặc sửa ở trang «${FORMS[1]}»`) }) });
    expect(wb.snapshot()).toEqual(typed);
  });
});
