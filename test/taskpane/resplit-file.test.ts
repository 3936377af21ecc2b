import { readFileSync } from 'fs';
import { downloadName, openWorkbookFile } from '../../src/hosts/browser/file-host';
import { sheetMarkers } from '../../src/hosts/browser/workbook-markers';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { parseDate } from '../../src/planning/days';
import { FormMarker } from '../../src/sheets/forms/marker';
import { defaultFormNames } from '../../src/sheets/forms/options';
import { ExistingSheet, placeForms } from '../../src/sheets/placement';
import { createController } from '../../src/taskpane/controller';
import { defaultForm } from '../../src/taskpane/plan/pane-settings';
import { initialState } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { writeTwoDistricts } from '../helpers/xlsx-sample';
import { bookOf, catchDownloads, fileOf, planBook, tmp } from './file-pane';

/**
 * The re-split in standalone mode: a plan workbook the CLI wrote, actuals typed into it as Excel saves
 * them, opened with the browser's file host (ExcelJS, and the markers read from the file's XML), re-split,
 * and downloaded. Node has the browser's DecompressionStream and Blob; the download link is faked.
 */

const d = (text: string): number => parseDate(text)!;
const today = d('2024-06-13');

describe('the pane re-splits a plan workbook file (standalone)', () => {
  it('reads the markers from the file, re-splits, and downloads a workbook that keeps every actual', async () => {
    const { path, typed } = await planBook();
    const downloads = catchDownloads();
    try {
      const store = createStore(initialState('file', 'vi', defaultForm(today)));
      const actions = createController({ store, today, host: null, openFile: openWorkbookFile, nextPaint: () => Promise.resolve(), log: (e) => { throw e; } });
      await actions.setView('resplit');
      expect(store.get().book.status).toBe('none');
      await actions.chooseFile(fileOf(path, 'plan.xlsx'));
      const { book } = store.get();
      expect(book.status === 'read' && book.summary).toMatchObject({ revision: 1, units: 3, actuals: typed.size });

      actions.updateResplit({ asOf: d('2024-06-12'), end: d('2024-07-12'), note: 'QĐ 45/QĐ-UBND lùi hạn' });
      await actions.writeResplit();
      const { write, preview } = store.get().resplit;
      expect(write).toEqual({ status: 'done', outcome: expect.objectContaining({ download: 'plan - ke-hoach.xlsx' }), undo: null });
      // Written without a preview: the revision written is shown.
      expect(preview.status === 'ready' && preview.value.model.revision).toBe(2);

      expect(downloads.files.map((f) => f.name)).toEqual(['plan - ke-hoach.xlsx']);
      const bytes = new Uint8Array(await downloads.files[0].blob.arrayBuffer());
      const out = await openWorkbookFile({ name: 'plan - ke-hoach.xlsx', arrayBuffer: async () => bytes.buffer } as unknown as File);
      const back = await bookOf(out);
      expect(back.revision).toBe(2);
      expect(back.history.map((e) => [e.revision, e.note])).toEqual([[1, ''], [2, 'QĐ 45/QĐ-UBND lùi hạn']]);
      expect(back.actuals.filter((a) => a !== null)).toHaveLength(typed.size);
      const found = await out.readPlanSheets();
      const progress = found.sheets!.progress;
      for (const [cell, value] of typed) {
        const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
        const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
        expect([cell, progress.rows[+m[2] - 1][col - 1]]).toEqual([cell, value]);
      }
    } finally {
      downloads.restore();
    }
  });

  it('reads the markers of every sheet from the XML as the command does, and none in a workbook people made', async () => {
    const { path } = await planBook();
    const markers = await sheetMarkers(new Uint8Array(readFileSync(path)));
    expect(markers).toEqual((await existingSheets(path)).map((s) => ({ name: s.name, marker: s.marker, kept: s.kept })));
    expect(markers.map((s) => s.marker?.kind)).toEqual(['quota', 'progress', 'report', 'rollup', 'calendar', 'units', 'history']);
    const units = tmp.file('units-only-markers.xlsx');
    await writeTwoDistricts(units);
    expect(await sheetMarkers(new Uint8Array(readFileSync(units)))).toEqual([{ name: 'Số liệu', marker: null, kept: false }]);
  });

  it('says a units table is not a plan workbook', async () => {
    const input = tmp.file('units-only.xlsx');
    await writeTwoDistricts(input);
    const host = await openWorkbookFile(fileOf(input, 'Số liệu.xlsx'));
    const found = await host.readPlanSheets();
    expect(found.sheets === null && found.problems.map((p) => [p.code, p.vi])).toEqual([
      ['not-a-plan-book', expect.stringMatching(/^Tệp Số liệu\.xlsx không phải là sổ kế hoạch: không có các trang Lịch/)],
    ]);
  });
});

describe('placing a re-split’s forms', () => {
  const mine = (kind: FormMarker['kind'], name: string, typedActual: string | null = null): ExistingSheet => ({ name, marker: { kind, planId: '0123abcd' }, typedActual, kept: false });
  const defaults = defaultFormNames('vi');

  it('replaces the progress report holding the actuals the forms carry, and still refuses a copy holding some', () => {
    const report = mine('progress', 'Phụ lục 02 - Báo cáo tiến độ', 'Phụ lục 02 - Báo cáo tiến độ!E11');
    expect(placeForms([report], defaults).problems.map((p) => p.code)).toEqual(['actuals-typed']);
    const carried = placeForms([report], defaults, { actualsCarried: true });
    expect([carried.problems, carried.replaced]).toEqual([[], ['Phụ lục 02 - Báo cáo tiến độ']]);

    const copy = mine('progress', 'Phụ lục 02 (2)', 'Phụ lục 02 (2)!E11');
    const withCopy = placeForms([report, copy], defaults, { actualsCarried: true });
    expect(withCopy.problems.map((p) => [p.code, p.cell])).toEqual([['actuals-typed', 'Phụ lục 02 (2)!E11']]);
    expect(withCopy.replaced).toEqual(['Phụ lục 02 - Báo cáo tiến độ']);
  });
});

describe('the standalone pane’s download names', () => {
  it('name a plan’s forms “- ke-hoach” and a remapped units table “- don-vi-moi”, never suffix upon suffix', () => {
    expect(downloadName('Số liệu.xlsx')).toBe('Số liệu - ke-hoach.xlsx');
    expect(downloadName('Số liệu.xlsx', 'units')).toBe('Số liệu - don-vi-moi.xlsx');
    expect(downloadName('Số liệu - ke-hoach.xlsx')).toBe('Số liệu - ke-hoach.xlsx');
    expect(downloadName('Số liệu - don-vi-moi.xlsx')).toBe('Số liệu - ke-hoach.xlsx');
    expect(downloadName('a/b:c.xlsx', 'units')).toBe('a_b_c - don-vi-moi.xlsx');
  });
});
