import { chonThanhWorkbook } from '../../src/examples/workbooks';
import { excelHost } from '../../src/hosts/office/excel-host';
import { gridOf } from '../../src/xlsx/read-grid';
import { parseDate } from '../../src/planning/days';
import { PlanWorkbook, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { ControllerDeps, PaneActions, createController } from '../../src/taskpane/controller';
import { PaneHost } from '../../src/hosts/host';
import { defaultForm } from '../../src/taskpane/plan/pane-settings';
import { PaneState, initialState } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { FakeSettings, FakeSheet, FakeWorkbook } from '../hosts/office/fake-excel';

/**
 * The pane in Excel mode over the recording fake of the Excel API, its plan written, as the re-split and
 * consolidation tests start from.
 */

export const d = (text: string): number => parseDate(text)!;
export const today = d('2023-06-12');
export const PROGRESS = 'Phụ lục 02 - Báo cáo tiến độ';
export const FORMS = ['Phụ lục 01 - Giao chỉ tiêu', PROGRESS, 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch'];

/** Chơn Thành's units table as people keep it, active, in a workbook the pane runs in. */
export function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const ws = chonThanhWorkbook().getWorksheet('Phụ lục 01')!;
  const rows = gridOf(ws).rows.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? null : v)));
  const width = Math.max(...rows.map((r) => r.length));
  wb.addSheet('Số liệu').setCells('A1', rows.map((r) => [...r, ...new Array(width - r.length).fill(null)]));
  wb.select('Số liệu', 'A1');
  return wb;
}

export interface Pane {
  wb: FakeWorkbook;
  host: PaneHost;
  actions: PaneActions;
  state: () => PaneState;
}

/**
 * The pane in Excel over `wb`, its plan written: Chơn Thành by week, 22/05–14/07/2023 (8 weeks).
 * `openFile`: how the pane reads a file chosen (the returned files of a consolidation).
 */
export async function planned(openFile: ControllerDeps['openFile'] = () => Promise.reject(new Error('no file'))): Promise<Pane> {
  const wb = workbook();
  const host = excelHost({ run: wb.run, settings: new FakeSettings(), sleep: async () => undefined });
  const store = createStore(initialState('excel', 'vi', defaultForm(today)));
  const actions = createController({ store, today, host, openFile, nextPaint: () => Promise.resolve(), log: (e) => { throw e; } });
  await actions.start();
  actions.updateForm({ start: d('2023-05-22'), end: d('2023-07-14'), granularity: 'week' });
  await actions.write();
  expect(store.get().plan.write.status).toBe('done');
  return { wb, host, actions, state: store.get };
}

/** The plan in the fake workbook, read back as the pane reads it. */
export async function bookIn(host: PaneHost): Promise<PlanWorkbook> {
  const found = await host.readPlanSheets();
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}

/** `Phụ lục 02 - Báo cáo tiến độ!E11` → `E11`. */
export const local = (cell: string): string => cell.slice(cell.lastIndexOf('!') + 1);

/** Types into a cell of the fake as people do (text as typed). */
export const type = (sheet: FakeSheet, cell: string, value: number | string): void => sheet.setCells(local(cell), [[value]]);

/** The value in column C of the Lịch row whose key (column A) is `key`. */
export function setting(wb: FakeWorkbook, key: string): unknown {
  const sheet = wb.sheet('Lịch');
  for (let r = 1; r <= 40; r++) if (sheet.cell(`A${r}`).value === key) return sheet.cell(`C${r}`).value;
  throw new Error(`no ${key} on Lịch`);
}
