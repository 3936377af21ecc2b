import { vanNinhWorkbook } from '../../src/examples/workbooks';
import { loadReform } from '../../src/hosts/files/places';
import { excelHost } from '../../src/hosts/office/excel-host';
import { gridOf } from '../../src/xlsx/read-grid';
import { readUnits } from '../../src/sheets/read-units';
import { createController } from '../../src/taskpane/controller';
import { defaultForm } from '../../src/taskpane/plan/pane-settings';
import { initialState } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { FakeSettings, FakeSheet, FakeWorkbook } from '../hosts/office/fake-excel';
import { d, today } from './excel-pane';

const reform = loadReform();

/** A sheet of the fake as cell values, rows 1..`rows`, columns A..`cols`. */
const valuesOf = (sheet: FakeSheet, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (sheet.cell(`${String.fromCharCode(65 + c)}${r + 1}`).value ?? null) as string | number | null));

/** Huyện Vạn Ninh's inventory by its former communes, open in Excel (the recording fake), read by the pane. */
async function paneOver(arrange: (wb: FakeWorkbook) => void = () => undefined) {
  const wb = new FakeWorkbook();
  const rows = gridOf(vanNinhWorkbook(reform.former).getWorksheet('Số liệu')!).rows;
  const width = Math.max(...rows.map((r) => r.length));
  wb.addSheet('Số liệu').setCells('A1', rows.map((r) => [...r, ...new Array(width - r.length).fill(null)] as (string | number | null)[]));
  arrange(wb);
  wb.select('Số liệu', 'A1');
  const host = excelHost({ run: wb.run, settings: new FakeSettings(), sleep: async () => undefined });
  const store = createStore(initialState('excel', 'vi', defaultForm(today)));
  let loads = 0;
  const actions = createController({
    store, today, host, openFile: () => Promise.reject(new Error('no file')), nextPaint: () => Promise.resolve(), log: (e) => { throw e; },
    loadReform: async () => (loads++, reform),
  });
  await actions.start();
  return { wb, store, actions, loads: () => loads };
}

describe('the pane offers the remap when the units read are former communes', () => {
  it('previews what merges into what, then writes the new units sheet beside the planner’s, over none', async () => {
    const { wb, store, actions, loads } = await paneOver((w) => w.addSheet('Đơn vị từ 1-7-2025').setCells('A1', [['the planner’s own notes']]));
    const before = JSON.stringify(wb.sheet('Số liệu').grid());
    expect(loads()).toBe(0); // nothing of the lists is loaded before the remap is asked for
    await actions.previewRemap();
    const preview = store.get().remap.preview;
    if (preview.status !== 'ready') throw new Error(JSON.stringify(preview));
    expect(loads()).toBe(1);
    expect(preview.value.former).toBe(13);
    expect(preview.value.rows.map((r) => r.unit)).toEqual(['Xã Vạn Ninh', 'Xã Đại Lãnh', 'Xã Tu Bông', 'Xã Vạn Thắng', 'Xã Vạn Hưng']);
    expect(preview.value.rows.find((r) => r.unit === 'Xã Đại Lãnh')!.from.map((f) => f.unit)).toEqual(['Xã Đại Lãnh', 'Xã Vạn Thọ', 'Xã Vạn Thạnh']);
    const read = store.get().plan.source;
    if (read.status !== 'read') throw new Error('not read');
    expect(preview.value.records).toBe(read.summary.records);
    // The name is taken by a sheet people made: the new one goes beside it.
    expect(preview.value.sheet.name).toBe('Đơn vị từ 1-7-2025 (2)');

    await actions.writeRemap();
    expect(store.get().remap.write).toMatchObject({ status: 'done', outcome: { sheets: ['Đơn vị từ 1-7-2025 (2)'] } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', 'Đơn vị từ 1-7-2025', 'Đơn vị từ 1-7-2025 (2)']);
    expect(wb.sheet('Đơn vị từ 1-7-2025').cell('A1').value).toBe('the planner’s own notes');
    expect(JSON.stringify(wb.sheet('Số liệu').grid())).toBe(before);
    // What was written reads back as the new units, as plan reads a sheet.
    const written = readUnits({ sheet: 'x', rows: valuesOf(wb.sheet('Đơn vị từ 1-7-2025 (2)'), 12, 12) });
    expect(written.problems).toEqual([]);
    expect(written.units.map((u) => [u.parent, u.code, u.name])).toEqual(preview.value.table.units.map((u) => [u.parent, u.code, u.name]));
  });

  it('plans from the new table: the forms are the communes since 1/7/2025', async () => {
    const { wb, store, actions } = await paneOver();
    await actions.previewRemap();
    await actions.planRemapped();
    const source = store.get().plan.source;
    if (source.status !== 'read') throw new Error('not read');
    expect(source.table.units.map((u) => u.name)).toEqual(['Xã Vạn Ninh', 'Xã Đại Lãnh', 'Xã Tu Bông', 'Xã Vạn Thắng', 'Xã Vạn Hưng']);
    expect(source.label).toBe('Đơn vị từ 1-7-2025 (chuyển từ Số liệu)');
    expect(store.get().remap.preview.status).toBe('none'); // another table: no remap offered on it
    actions.updateForm({ start: d('2026-01-05'), end: d('2026-03-31') });
    await actions.write();
    expect(store.get().plan.write.status).toBe('done');
    const unitsRead = valuesOf(wb.sheet('Đơn vị đã đọc'), 6, 2).slice(1).map((row) => row[1]);
    expect(unitsRead).toEqual(['Xã Vạn Ninh', 'Xã Đại Lãnh', 'Xã Tu Bông', 'Xã Vạn Thắng', 'Xã Vạn Hưng']);
  });

  it('lists a split former commune with its cell and writes nothing', async () => {
    const { wb, store, actions } = await paneOver((w) => {
      const s = w.addSheet('Cầu Giấy');
      s.setCells('A1', [['Quận, huyện', 'Phường, xã', 'Khai sinh'], ['Quận Cầu Giấy', 'Phường Dịch Vọng', 200]]);
      w.select('Cầu Giấy', 'A1');
    });
    wb.select('Cầu Giấy', 'A1');
    await actions.readSource();
    await actions.previewRemap();
    const preview = store.get().remap.preview;
    expect(preview).toMatchObject({ status: 'refused', problems: [{ code: 'former-split', cell: 'Cầu Giấy!B2' }] });
    await actions.writeRemap();
    expect(store.get().remap.write.status).toBe('idle');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', 'Cầu Giấy']);
  });
});
