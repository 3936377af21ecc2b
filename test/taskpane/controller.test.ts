import { gridOf } from '../../src/xlsx/read-grid';
import { chonThanhWorkbook, daiLanhWorkbook } from '../../src/examples/workbooks';
import { parseDate } from '../../src/planning/days';
import { FormMarker } from '../../src/sheets/forms/marker';
import { SheetModel } from '../../src/sheets/model';
import { ExistingSheet } from '../../src/sheets/placement';
import { PaneActions, createController } from '../../src/taskpane/controller';
import { HostError, PaneHost, PlanSheetsRead, SourceGrid, WriteOutcome } from '../../src/hosts/host';
import { SETTINGS_VERSION, defaultForm } from '../../src/taskpane/plan/pane-settings';
import { Action, PaneState, initialState, isBusy } from '../../src/taskpane/state';
import { Store, createStore } from '../../src/taskpane/store';
import type ExcelJS from 'exceljs';

const d = (text: string): number => parseDate(text)!;
const today = d('2023-05-15');

const sourcesOf = (wb: ExcelJS.Workbook): SourceGrid[] => wb.worksheets.map((ws) => ({ grid: gridOf(ws), scope: 'sheet', label: ws.name }));

/** Chơn Thành's saved settings: capacity by week, every day a working day. */
const CHON_THANH_SETTINGS = {
  version: SETTINGS_VERSION, start: '2023-05-22', end: '2023-07-14', granularity: 'week', method: 'capacity', priority: [],
  week: 'all', holidays: 'vn', daysOff: [], extraWorkdays: [], rate: 300, defaultMachines: 1, issuer: 'UBND THỊ XÃ CHƠN THÀNH',
};

/** An in-memory PaneHost: what Excel or a file would hold, and a record of what the pane asked. */
class FakeHost implements PaneHost {
  saved: unknown = null;
  existing: ExistingSheet[] = [];
  written: { sheets: readonly SheetModel[]; replaced: readonly string[] } | null = null;
  selected: string[] = [];
  shown: string[] = [];
  progressCalls = 1000;
  failWrite: Error | null = null;
  failRead: Error | null = null;
  canSelect = true;
  constructor(public sources: SourceGrid[], readonly kind: 'excel' | 'file' = 'excel') {}
  async readSources(): Promise<SourceGrid[]> {
    if (this.failRead) throw this.failRead;
    return this.sources;
  }
  async goToCell(address: string): Promise<boolean> {
    this.selected.push(address);
    return this.canSelect;
  }
  async loadSettings(): Promise<unknown> {
    return this.saved;
  }
  async saveSettings(value: unknown): Promise<void> {
    this.saved = JSON.parse(JSON.stringify(value));
  }
  async existingSheets(): Promise<ExistingSheet[]> {
    return this.existing;
  }
  async readPlanSheets(): Promise<PlanSheetsRead> {
    return { sheets: null, problems: [] };
  }
  async writeForms(sheets: readonly SheetModel[], replaced: readonly string[], progress: (fraction: number) => void): Promise<WriteOutcome> {
    if (this.failWrite) throw this.failWrite;
    for (let i = 1; i <= this.progressCalls; i++) progress(i / this.progressCalls);
    this.written = { sheets, replaced };
    return { sheets: sheets.map((s) => s.name), ...(this.kind === 'file' ? { download: 'Số liệu - ke-hoach.xlsx' } : {}) };
  }
  async showSheet(name: string): Promise<boolean> {
    this.shown.push(name);
    return true;
  }
}

interface Harness {
  store: Store;
  actions: PaneActions;
  log: jest.Mock;
  dispatched: Action[];
  state: () => PaneState;
}

function harness(
  host: PaneHost | null,
  openFile: (file: File) => Promise<PaneHost> = () => Promise.reject(new Error('no file host')),
  nextPaint: () => Promise<void> = () => Promise.resolve(),
): Harness {
  const store = createStore(initialState(host ? 'excel' : 'file', 'vi', defaultForm(today)));
  const dispatched: Action[] = [];
  const dispatch = store.dispatch;
  store.dispatch = (action) => {
    dispatched.push(action);
    dispatch(action);
  };
  const log = jest.fn();
  const actions = createController({ store, today, host, openFile, nextPaint, log });
  return { store, actions, log, dispatched, state: store.get };
}

/** A promise released by hand: what the pane waits on stays pending until the test says so. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}

/** A nextPaint that holds the pane while `held` is set (e.g. between a preview's spinner and its planning). */
function heldPaint(): { nextPaint: () => Promise<void>; hold: () => () => void } {
  let held: Promise<void> | null = null;
  return {
    nextPaint: () => held ?? Promise.resolve(),
    hold() {
      const g = gate();
      held = g.wait;
      return () => {
        held = null;
        g.release();
      };
    },
  };
}

const marker = (kind: FormMarker['kind']): FormMarker => ({ kind, planId: '0123abcd' });

describe('the pane controller, in Excel', () => {
  it('restores the saved settings and reads the sheet that holds the units table', async () => {
    const wb = chonThanhWorkbook();
    wb.addWorksheet('Ghi chú', {}).getCell('A1').value = 'Ghi chú';
    const host = new FakeHost([{ grid: { sheet: 'Bìa', rows: [] }, scope: 'sheet', label: 'Bìa' }, ...sourcesOf(wb)]);
    host.saved = CHON_THANH_SETTINGS;
    const h = harness(host);
    await h.actions.start();
    const s = h.state();
    expect([s.plan.form.start, s.plan.form.end, s.plan.form.method, s.plan.form.week, s.plan.form.issuer]).toEqual([d('2023-05-22'), d('2023-07-14'), 'capacity', 'all', 'UBND THỊ XÃ CHƠN THÀNH']);
    expect(s.plan.source.status).toBe('read');
    if (s.plan.source.status !== 'read') return;
    expect(s.plan.source.label).toBe('Phụ lục 01');
    expect(s.plan.source.summary.units).toBe(9);
    expect(s.plan.source.summary.registers.map((r) => r.code)).toEqual(['KS', 'KH', 'KT']);
    expect(s.plan.source.summary.errors).toEqual([]);
    expect(s.status).toEqual({ vi: 'Đã đọc 9 đơn vị.', en: 'Read 9 units.' });
  });

  it('previews who cannot finish, saves the settings, then writes the seven forms with progress', async () => {
    const host = new FakeHost(sourcesOf(chonThanhWorkbook()));
    host.saved = CHON_THANH_SETTINGS;
    const h = harness(host);
    await h.actions.start();
    await h.actions.preview();
    const { preview } = h.state().plan;
    expect(preview.status).toBe('ready');
    if (preview.status !== 'ready') return;
    expect(preview.value.model.periods).toHaveLength(8);
    expect(preview.value.model.cannotFinish.map((p) => [p.unit, p.cell])).toEqual([['Phường Minh Hưng', 'Phụ lục 01!B11'], ['Xã Minh Thắng', 'Phụ lục 01!B15']]);
    expect(preview.value.model.cannotFinish[1].en).toContain('needs 2 machines');
    expect(host.saved).toEqual(CHON_THANH_SETTINGS);

    await h.actions.write();
    const { write } = h.state().plan;
    expect(write).toEqual({ status: 'done', outcome: { sheets: ['Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch'] }, undo: null });
    expect(host.written!.replaced).toEqual([]);
    // The issuer is printed above Phụ lục 01.
    expect(JSON.stringify(host.written!.sheets[0].rows.slice(0, 3))).toContain('UBND THỊ XÃ CHƠN THÀNH');
    // The history's one line: the first revision, made today.
    expect(host.written!.sheets[6].rows[4].values.slice(0, 2)).toEqual([1, { date: today }]);
    // A thousand progress calls reach the state at most once per percent.
    const progress = h.dispatched.filter((a) => a.type === 'write' && a.event === 'progress');
    expect(progress.length).toBeLessThanOrEqual(100);
    expect(progress[progress.length - 1]).toEqual({ type: 'write', flow: 'plan', event: 'progress', fraction: 1 });
    expect(h.state().status).toEqual({ vi: 'Đã ghi 7 trang tính.', en: 'Wrote 7 sheets.' });

    await h.actions.showSheet('Tổng hợp');
    expect(host.shown).toEqual(['Tổng hợp']);
  });

  it('plans before writing when there is no preview, and labels the forms in the pane language', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    h.actions.updateForm({ start: d('2024-06-01'), end: d('2024-09-30') });
    h.actions.setLang('en');
    await h.actions.write();
    expect(h.state().plan.preview.status).toBe('ready');
    expect(h.state().plan.write.status).toBe('done');
    expect(host.written!.sheets.map((s) => s.name)).toEqual(['Annex 01 - Quotas', 'Annex 02 - Progress report', 'Periodic report', 'Roll-up', 'Calendar', 'Units read', 'Plan history']);
  });

  it('replaces the forms it made before, and gives a sheet people made its own name', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    host.existing = [
      { name: 'Tổng hợp cũ', marker: marker('rollup'), typedActual: null, kept: false },
      { name: 'Lịch', marker: null, typedActual: null, kept: false },
    ];
    const h = harness(host);
    await h.actions.start();
    await h.actions.write();
    expect(host.written!.replaced).toEqual(['Tổng hợp cũ']);
    expect(host.written!.sheets.map((s) => s.name)).toEqual(['Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp cũ', 'Lịch (2)', 'Đơn vị đã đọc', 'Lịch sử kế hoạch']);
  });

  it('writes nothing over typed actuals, and lists the cell', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    host.existing = [{ name: 'Phụ lục 02 - Báo cáo tiến độ', marker: marker('progress'), typedActual: "'Phụ lục 02 - Báo cáo tiến độ'!D10", kept: false }];
    const h = harness(host);
    await h.actions.start();
    await h.actions.write();
    const { write } = h.state().plan;
    expect(write.status === 'refused' && write.problems.map((p) => [p.code, p.cell])).toEqual([['actuals-typed', "'Phụ lục 02 - Báo cáo tiến độ'!D10"]]);
    expect(host.written).toBeNull();
  });

  it("shows a host's own message when writing fails, and a generic one (logged) for anything else", async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    host.failWrite = new HostError('Sổ tính đang được sửa.', 'The workbook is being edited.');
    await h.actions.write();
    expect(h.state().plan.write).toEqual({ status: 'failed', error: { vi: 'Sổ tính đang được sửa.', en: 'The workbook is being edited.' } });
    expect(h.log).not.toHaveBeenCalled();

    host.failRead = new TypeError('x is undefined');
    await h.actions.readSource();
    const { source } = h.state().plan;
    expect(source.status === 'failed' && source.error.en).toMatch(/^Something unexpected went wrong/);
    expect(h.log).toHaveBeenCalledWith(host.failRead);
  });

  it('does not plan a table with errors, nor settings that are not valid, and says why', async () => {
    const wb = chonThanhWorkbook();
    wb.getWorksheet('Phụ lục 01')!.getCell('D8').value = 'khoảng 200';
    const host = new FakeHost(sourcesOf(wb));
    const h = harness(host);
    await h.actions.start();
    const { source } = h.state().plan;
    expect(source.status === 'read' && source.summary.errors.map((p) => p.cell)).toEqual(['Phụ lục 01!D8']);
    await h.actions.preview();
    expect(h.state().plan.preview.status).toBe('none');
    expect(h.state().status?.en).toBe('First read a units table without errors.');

    host.sources = sourcesOf(chonThanhWorkbook());
    await h.actions.readSource();
    h.actions.updateForm({ rate: '0' });
    await h.actions.preview();
    expect(h.state().plan.preview.status).toBe('none');
    expect(h.state().status?.en).toBe('Fix the settings marked above.');
  });

  it("refuses a window without a working day with the planner's message, for the preview and the write", async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    // 1–2/6/2024 is a weekend.
    h.actions.updateForm({ start: d('2024-06-01'), end: d('2024-06-02') });
    await h.actions.write();
    const { preview, write } = h.state().plan;
    expect(preview.status === 'refused' && preview.problems.map((p) => p.code)).toEqual(['no-working-day']);
    expect(write.status === 'refused' && write.problems.map((p) => p.code)).toEqual(['no-working-day']);
    expect(host.written).toBeNull();
  });

  it('drops a preview when a setting that changes the plan changes, not when the document’s settings do; writes and saves them', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    await h.actions.preview();
    h.actions.updateForm({ issuer: 'UBND XÃ ĐẠI LÃNH' });
    h.actions.updateForm({ issuerParent: 'UBND HUYỆN VẠN NINH', docNumber: '12/KH-UBND', issued: d('2024-05-20'), signerTitle: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', signer: 'Trần Văn Bình' });
    expect(h.state().plan.preview.status).toBe('ready');
    await h.actions.write();
    const quota = JSON.stringify(host.written!.sheets[0].rows);
    for (const text of ['UBND HUYỆN VẠN NINH', 'UBND XÃ ĐẠI LÃNH', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn Bình', 'Kế hoạch số 12/KH-UBND ngày 20/05/2024']) expect(quota).toContain(text);
    expect(host.saved).toMatchObject({ issuer: 'UBND XÃ ĐẠI LÃNH', number: '12/KH-UBND', issued: '2024-05-20', signer: 'Trần Văn Bình' });
    h.actions.updateForm({ granularity: 'week' });
    expect(h.state().plan.preview.status).toBe('none');
  });

  it('selects the cell of a problem, and says so when it cannot', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    await h.actions.goToCell('Xã Đại Lãnh!C5');
    expect(host.selected).toEqual(['Xã Đại Lãnh!C5']);
    expect(h.state().status?.en).toBe('Read 1 unit.');
    host.canSelect = false;
    await h.actions.goToCell('Xã Đại Lãnh!C6');
    expect(h.state().status?.vi).toBe('Không chọn được ô Xã Đại Lãnh!C6.');
  });

  it('ignores a second request while it waits on the host', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = host.readSources.bind(host);
    host.readSources = async () => {
      await gate;
      return read();
    };
    const h = harness(host);
    const started = h.actions.start();
    await Promise.resolve();
    await h.actions.preview();
    await h.actions.write();
    expect(h.dispatched.some((a) => (a.type === 'preview' && a.event === 'pending') || (a.type === 'write' && a.event === 'phase'))).toBe(false);
    release();
    await started;
    expect(h.state().plan.source.status).toBe('read');
  });
  it('writes once when Write is pressed twice after a preview, and is busy from the first press', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const writes = jest.spyOn(host, 'writeForms');
    const h = harness(host);
    await h.actions.start();
    await h.actions.preview();
    expect(h.state().plan.preview.status).toBe('ready');
    const first = h.actions.write();
    // Busy before the first await (saving the settings): the Write button is already disabled.
    const busyAtOnce = isBusy(h.state());
    const second = h.actions.write();
    await Promise.all([first, second]);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(busyAtOnce).toBe(true);
    expect(h.state().plan.write.status).toBe('done');
  });

  it('does not read the sheet again while a write waits for the settings to be saved', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const h = harness(host);
    await h.actions.start();
    await h.actions.preview();
    const saving = gate();
    const save = host.saveSettings.bind(host);
    host.saveSettings = async (value) => {
      await saving.wait;
      return save(value);
    };
    const reads = jest.spyOn(host, 'readSources');
    const written = h.actions.write();
    await h.actions.readSource();
    expect(reads).not.toHaveBeenCalled();
    saving.release();
    await written;
    expect(h.state().plan.write.status).toBe('done');
    expect(h.state().plan.source.status).toBe('read');
  });

  it('drops a preview planned from settings changed while it waited, and writes from the current settings', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const paint = heldPaint();
    const h = harness(host, undefined, paint.nextPaint);
    await h.actions.start();
    h.actions.updateForm({ start: d('2024-06-01'), end: d('2024-09-30') });
    const release = paint.hold();
    const previewed = h.actions.preview();
    expect(h.state().plan.preview.status).toBe('pending');
    // The spinner is showing; the planner has not run yet. A setting changes meanwhile.
    h.actions.updateForm({ granularity: 'week' });
    release();
    await previewed;
    expect(h.state().plan.preview.status).toBe('none');
    // Nothing planned from the old settings was saved either.
    expect(host.saved).toBeNull();

    await h.actions.write();
    const { preview } = h.state().plan;
    expect(preview.status === 'ready' && preview.value.model.granularity).toBe('week');
    expect((host.saved as { granularity: string }).granularity).toBe('week');
    const annex = host.written!.sheets[0];
    expect(JSON.stringify(annex.rows.slice(0, 10))).toContain('Tuần');
  });

  it('is free again when a write fails while it plans', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    let fail = false;
    const h = harness(host, undefined, () => (fail ? Promise.reject(new TypeError('paint')) : Promise.resolve()));
    await h.actions.start();
    fail = true;
    await h.actions.write();
    expect(h.state().plan.write.status).toBe('failed');
    expect(h.state().plan.preview.status).toBe('none');
    expect(isBusy(h.state())).toBe(false);
    fail = false;
    await h.actions.write();
    expect(h.state().plan.write.status).toBe('done');
  });

  it('keeps only the plan made from the current settings when a second preview starts before the first is planned', async () => {
    const host = new FakeHost(sourcesOf(daiLanhWorkbook()));
    const paint = heldPaint();
    const h = harness(host, undefined, paint.nextPaint);
    await h.actions.start();
    const saved: string[] = [];
    const save = host.saveSettings.bind(host);
    host.saveSettings = async (value) => {
      saved.push((value as { granularity: string }).granularity);
      return save(value);
    };
    const shown: string[] = [];
    let last = h.state().plan.preview;
    h.store.subscribe(() => {
      const { preview } = h.state().plan;
      if (preview !== last && preview.status === 'ready') shown.push(preview.value.model.granularity);
      last = preview;
    });
    const release = paint.hold();
    const monthly = h.actions.preview();
    h.actions.updateForm({ granularity: 'week' });
    const weekly = h.actions.preview();
    release();
    await Promise.all([monthly, weekly]);
    expect(shown).toEqual(['week']);
    expect(saved).toEqual(['week']);
  });

});

describe('the pane controller, standalone', () => {
  const file = { name: 'Số liệu.xlsx' } as File;

  it('opens the chosen file, restores settings once, and reads it', async () => {
    const host = new FakeHost(sourcesOf(chonThanhWorkbook()), 'file');
    host.saved = CHON_THANH_SETTINGS;
    const load = jest.spyOn(host, 'loadSettings');
    const opened: File[] = [];
    const h = harness(null, async (f) => {
      opened.push(f);
      return host;
    });
    expect(h.state().plan.source.status).toBe('none');
    await h.actions.start();
    expect(opened).toEqual([]);

    await h.actions.chooseFile(file);
    expect(opened).toEqual([file]);
    expect(h.state().fileName).toBe('Số liệu.xlsx');
    expect(h.state().plan.source.status).toBe('read');
    expect(h.state().plan.form.method).toBe('capacity');

    h.actions.updateForm({ method: 'even' });
    await h.actions.chooseFile(file);
    expect(load).toHaveBeenCalledTimes(1);
    expect(h.state().plan.form.method).toBe('even');

    await h.actions.write();
    expect(h.state().plan.write).toEqual({ status: 'done', outcome: expect.objectContaining({ download: 'Số liệu - ke-hoach.xlsx' }), undo: null });
    // Nothing was written into a workbook: the status line says a file was made to download.
    expect(h.state().status).toEqual({ vi: 'Đã tạo tệp «Số liệu - ke-hoach.xlsx» để tải xuống.', en: 'Created "Số liệu - ke-hoach.xlsx" to download.' });
  });

  it("shows why a file could not be opened", async () => {
    const h = harness(null, () => Promise.reject(new HostError('Tệp không phải là sổ tính .xlsx.', 'The file is not an .xlsx workbook.')));
    await h.actions.chooseFile(file);
    expect(h.state().plan.source).toEqual({ status: 'failed', error: { vi: 'Tệp không phải là sổ tính .xlsx.', en: 'The file is not an .xlsx workbook.' } });
    await h.actions.preview();
    expect(h.state().plan.preview.status).toBe('none');
  });

  it('refuses another file while a write waits for the settings to be saved, and writes to the first file', async () => {
    const first = new FakeHost(sourcesOf(daiLanhWorkbook()), 'file');
    const other = new FakeHost(sourcesOf(chonThanhWorkbook()), 'file');
    const hosts = [first, other];
    const opened: File[] = [];
    const h = harness(null, async (f) => {
      opened.push(f);
      return hosts[opened.length - 1];
    });
    await h.actions.chooseFile(file);
    await h.actions.preview();
    const saving = gate();
    const save = first.saveSettings.bind(first);
    first.saveSettings = async (value) => {
      await saving.wait;
      return save(value);
    };
    const written = h.actions.write();
    await h.actions.chooseFile({ name: 'Khác.xlsx' } as File);
    expect(opened).toEqual([file]);
    expect(h.state().fileName).toBe('Số liệu.xlsx');
    saving.release();
    await written;
    expect(h.state().plan.write.status).toBe('done');
    expect(first.written).not.toBeNull();
    expect(other.written).toBeNull();
    // The first file's seven forms, planned from its own units (Đại Lãnh's commune, none of Chơn Thành's wards).
    expect(first.written!.sheets.map((s) => s.name)).toEqual(['Phụ lục 01 - Giao chỉ tiêu', 'Phụ lục 02 - Báo cáo tiến độ', 'Báo cáo định kỳ', 'Tổng hợp', 'Lịch', 'Đơn vị đã đọc', 'Lịch sử kế hoạch']);
    const quotas = JSON.stringify(first.written!.sheets[0].rows);
    expect(quotas).toContain('Xã Đại Lãnh');
    expect(quotas).not.toContain('Minh Hưng');
  });
});
