import { PaneHost } from '../host';
import { guarded } from './errors';
import { existingSheets } from './existing';
import { goToCell, showSheet } from './navigate';
import { readPlanSheets } from './plan-sheets';
import { readSources } from './read';
import { DocumentSettings, loadSettings, saveSettings } from './settings';
import type { Run } from './run';
import type { WriteDeps } from './write';

export interface ExcelHostOptions {
  /** Default `Excel.run`. */
  run?: Run;
  /** Default `Office.context.document.settings`. */
  settings?: DocumentSettings;
  /** Default a timer; waits between attempts to put the workbook back after a failed write. */
  sleep?: (ms: number) => Promise<void>;
  /** Estimated bytes per request (default `PAYLOAD_BUDGET`). */
  budget?: number;
}

/**
 * The pane's host inside Excel, through Office.js. The `Excel` and `Office` globals are only touched when a
 * method runs, so this module loads without them (tests pass fakes).
 */
export function excelHost(options: ExcelHostOptions = {}): PaneHost {
  const run: Run = options.run ?? ((batch) => Excel.run(batch));
  const settings = (): DocumentSettings => options.settings ?? Office.context.document.settings;
  const deps: WriteDeps = {
    run,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    budget: options.budget,
  };
  return {
    kind: 'excel',
    readSources: () => guarded(() => readSources(run)),
    goToCell: (address) => guarded(() => goToCell(run, address)),
    loadSettings: () => guarded(async () => loadSettings(settings())),
    saveSettings: (value) => guarded(() => saveSettings(settings(), value)),
    existingSheets: () => guarded(() => existingSheets(run)),
    readPlanSheets: () => guarded(() => readPlanSheets(run)),
    // The writer (rendering, batching, the journal) loads with the first write: the pane opens without it.
    writeForms: (sheets, replaced, progress) => guarded(async () => (await import(/* webpackChunkName: "excel-write" */ './write')).writeForms(deps, sheets, replaced, progress)),
    showSheet: (name) => guarded(() => showSheet(run, name)),
    undoLastWrite: () => guarded(async () => (await import(/* webpackChunkName: "excel-write" */ './undo')).undoLastWrite(run)),
  };
}
