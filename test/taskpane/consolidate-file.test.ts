import { openWorkbookFile } from '../../src/hosts/browser/file-host';
import { xlsxBytes } from '../../src/hosts/files/write-xlsx';
import { parseDate } from '../../src/planning/days';
import { splitBook } from '../../src/sheets/split';
import { createController } from '../../src/taskpane/controller';
import { defaultForm } from '../../src/taskpane/plan/pane-settings';
import { initialState } from '../../src/taskpane/state';
import { createStore } from '../../src/taskpane/store';
import { bookOf, bytesFile, catchDownloads, fileOf, planBook } from './file-pane';

/**
 * The consolidation in standalone mode: the plan workbook the CLI wrote (actuals typed as Excel saves them)
 * and a part cut from it for one district, sent back with two more actuals, both read in the browser by the
 * file host; the consolidated plan workbook downloaded.
 */

const today = parseDate('2024-06-20')!;

describe('the pane consolidates returned files (standalone)', () => {
  it('reads the plan workbook and a returned part in the browser, and downloads the plan with every actual', async () => {
    const { path, typed } = await planBook();
    const master = await bookOf(await openWorkbookFile(fileOf(path, 'plan.xlsx')));
    const P = master.plan.periods.length;
    const [cut] = splitBook(master, 'parent');
    const added: [number, number, number][] = [[cut.rows[0], 2, 55], [cut.rows[cut.rows.length - 1], 3, 7]];
    const actuals = master.actuals.slice();
    for (const [r, k, v] of added) {
      expect(actuals[r * P + k]).toBeNull();
      actuals[r * P + k] = v;
    }
    const part = splitBook({ ...master, actuals }, 'parent')[0];
    const returned = bytesFile(await xlsxBytes(part.forms.sheets), `${part.name}.xlsx`);

    const downloads = catchDownloads();
    try {
      const store = createStore(initialState('file', 'en', defaultForm(today)));
      const actions = createController({ store, today, host: null, openFile: openWorkbookFile, nextPaint: () => Promise.resolve(), log: (e) => { throw e; } });
      await actions.setView('consolidate');
      // The returned files may be chosen first: they wait for the plan workbook, then what they bring is shown.
      await actions.chooseReturned([returned]);
      expect(store.get().consolidation.preview.status).toBe('none');
      expect(store.get().status?.en).toBe('Read 1 returned file.');
      await actions.chooseFile(fileOf(path, 'Kế hoạch.xlsx'));
      const { book } = store.get();
      expect(book.status === 'read' && book.summary.actuals).toBe(typed.size);
      const { preview } = store.get().consolidation;
      expect(preview.status === 'ready' && preview.value.model).toEqual({ revision: 1, copied: 2, files: [{ name: returned.name, copied: 2 }], warnings: [] });

      await actions.writeConsolidation();
      expect(store.get().consolidation.write).toEqual({ status: 'done', outcome: expect.objectContaining({ download: 'Kế hoạch - ke-hoach.xlsx' }), undo: null });
      expect(downloads.files.map((f) => f.name)).toEqual(['Kế hoạch - ke-hoach.xlsx']);
      const bytes = new Uint8Array(await downloads.files[0].blob.arrayBuffer());
      const back = await bookOf(await openWorkbookFile(bytesFile(bytes, 'Kế hoạch - ke-hoach.xlsx')));
      expect([back.revision, back.planId]).toEqual([1, master.planId]);
      expect(back.actuals.filter((a) => a !== null)).toHaveLength(typed.size + 2);
      for (const [r, k, v] of added) expect(back.actuals[r * P + k]).toBe(v);
      master.actuals.forEach((a, i) => a !== null && expect(back.actuals[i]).toBe(a));
    } finally {
      downloads.restore();
    }
  });
});
