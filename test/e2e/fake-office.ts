import { FakeSettings, FakeWorkbook } from '../hosts/office/fake-excel';
import { CellValue, columnLetters } from '../../src/sheets/grid';

/**
 * A FAKE of office.js for the task pane in a real browser: not Office, not Excel. Bundled on its own
 * (`buildFakeOffice()` in test/helpers/browser.ts) and served where the pane asks for office.js
 * (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), so the production pane comes up in Excel
 * mode and talks to the recording fake of the Excel API (test/hosts/office/fake-excel.ts, the one the jest
 * tests of the Excel host use) through the same globals it uses in Excel:
 *
 * - `Office.onReady()` resolves `{ host: Office.HostType.Excel, platform }`;
 *   `Office.context.displayLanguage`; `Office.context.requirements.isSetSupported()` is always true.
 * - `Office.context.document.settings`: the fake's FakeSettings; what `saveAsync` saves is also kept in
 *   this tab's sessionStorage, so a reload (the pane opened again on the same document) reads it back.
 * - `Excel.run(batch)` over a FakeWorkbook built from `window.__fakeOfficeConfig`. The adapter uses no
 *   Excel enum (it passes their string values), so none is defined: a use of one fails loudly.
 *
 * The test sets `window.__fakeOfficeConfig` (FakeOfficeConfig) before the page's scripts run, and reads the
 * workbook back through `window.__fakeOffice` (FakeOfficeHandle).
 */

export interface FakeOfficeConfig {
  /** `Office.context.displayLanguage`, e.g. `vi-VN` or `en-US`. */
  displayLanguage: string;
  /** `Office.PlatformType`'s value onReady reports (default `OfficeOnline`). */
  platform?: string;
  /**
   * The workbook's sheets in order, each as a grid of values (what `gridOf` reads from a file: formula
   * cells give their saved result; dates are day numbers). The first sheet is active, with A1 selected.
   */
  sheets: { name: string; rows: CellValue[][] }[];
}

/** A sheet of the fake workbook, as plain data for a test to compare. */
export interface FakeSheetReport {
  name: string;
  /** The generated-sheet marker's text (`quota-planner/quota/3f9a12c0`), or null. */
  marker: string | null;
  /** Every cell with content or a look, as the fake prints it (`FakeSheet.grid()`). */
  cells: string[];
}

export interface FakeOfficeHandle {
  readonly workbook: FakeWorkbook;
  readonly settings: FakeSettings;
  /** The sheets in order, the active one, the selection (`Sheet!C7`), calculation mode, and what was saved. */
  report(): {
    sheets: FakeSheetReport[];
    active: string;
    selection: string;
    calculationMode: string;
    /** Every calculation mode the workbook has had, from the start. */
    calculationModes: string[];
    syncs: number;
    savedSettings: Record<string, unknown>;
  };
  /** A cell as stored: value, formula, error, number format. */
  cell(sheet: string, address: string): ReturnType<ReturnType<FakeWorkbook['sheet']>['cell']>;
  /** What a sheet's cells hold from A1 to its last used cell: a formula's text, else the value (null: empty). */
  contents(sheet: string): (string | number | boolean | null)[][];
}

declare global {
  interface Window {
    __fakeOfficeConfig?: FakeOfficeConfig;
    __fakeOffice?: FakeOfficeHandle;
  }
}

/** Where the document's saved settings outlive a reload of the pane (this tab only). */
const SETTINGS_STORE = 'fake-office/document-settings';
const MARKER_NAME = 'QuotaPlanner.Form';

/** A value of a grid → how it is put in the fake (text kept as text, whatever it looks like). */
function input(v: CellValue): { value: number | string | boolean | null | { error: string }; format: string | null } {
  if (v === null) return { value: null, format: null };
  if (typeof v === 'string') return { value: v === '' ? null : `'${v}`, format: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, format: null };
  if ('error' in v) return { value: { error: v.error }, format: null };
  return { value: v.date + 25569, format: 'dd/mm/yyyy' }; // a day number → Excel's serial, shown as a date
}

function workbookOf(config: FakeOfficeConfig): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const { name, rows } of config.sheets) {
    const cells = rows.map((line) => line.map(input));
    wb.addSheet(name).setCells('A1', cells.map((line) => line.map((c) => c.value)), cells.map((line) => line.map((c) => c.format)));
  }
  return wb;
}

function settingsOf(): FakeSettings {
  const settings = new FakeSettings();
  const stored = JSON.parse(sessionStorage.getItem(SETTINGS_STORE) ?? '[]') as [string, unknown][];
  for (const [name, value] of stored) settings.set(name, value);
  settings.saved = new Map(stored);
  const save = settings.saveAsync.bind(settings);
  settings.saveAsync = (callback) =>
    save((result) => {
      if (!result.error) sessionStorage.setItem(SETTINGS_STORE, JSON.stringify([...settings.saved]));
      callback?.(result);
    });
  return settings;
}

function install(config: FakeOfficeConfig): void {
  const workbook = workbookOf(config);
  // The history of calculation modes, for a test to see a write switch calculation off and back.
  let calculationMode = workbook.calculationMode;
  const calculationModes = [calculationMode];
  Object.defineProperty(workbook, 'calculationMode', {
    get: () => calculationMode,
    set: (mode: string) => calculationModes.push((calculationMode = mode)),
  });
  const settings = settingsOf();
  const HostType = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' };
  const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' };
  const ready = { host: HostType.Excel, platform: config.platform ?? PlatformType.OfficeOnline };
  const office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    // Office.js answers once the host has answered: never within the call.
    onReady(callback?: (info: typeof ready) => void): Promise<typeof ready> {
      return Promise.resolve().then(() => {
        callback?.(ready);
        return ready;
      });
    },
    context: {
      displayLanguage: config.displayLanguage,
      contentLanguage: config.displayLanguage,
      document: { settings },
      requirements: { isSetSupported: (_name: string, _version?: string) => true },
    },
  };
  const excel = {
    run(...args: unknown[]): Promise<unknown> {
      const batch = args[0];
      if (args.length !== 1 || typeof batch !== 'function') return Promise.reject(new Error('FAKE: only Excel.run(batch) is modelled'));
      return workbook.run(batch as (ctx: Excel.RequestContext) => Promise<unknown>);
    },
  };
  const w = window as unknown as Record<string, unknown>;
  w.Office = office;
  w.Excel = excel;

  window.__fakeOffice = {
    workbook,
    settings,
    report() {
      const selection = workbook.selection;
      const box = selection?.box;
      const at = box ? `${columnLetters(box.col + 1)}${box.row + 1}` : '';
      const address = box && (box.rows > 1 || box.cols > 1) ? `${at}:${columnLetters(box.col + box.cols)}${box.row + box.rows}` : at;
      return {
        sheets: workbook.sheets.map((s) => {
          const marker = s.names.find((n) => n.name === MARKER_NAME);
          const text = marker ? /^="(.*)"$/.exec(marker.formula)?.[1] ?? marker.formula : null;
          return { name: s.name, marker: text, cells: s.grid() };
        }),
        active: workbook.active.name,
        selection: `${workbook.active.name}!${address}`,
        calculationMode: workbook.calculationMode,
        calculationModes: [...calculationModes],
        syncs: workbook.syncs,
        savedSettings: Object.fromEntries(settings.saved),
      };
    },
    cell: (sheet, address) => workbook.sheet(sheet).cell(address),
    contents(name) {
      const sheet = workbook.sheet(name);
      const used = sheet.used({ row: 0, col: 0, rows: 1_048_576, cols: 16_384 });
      if (!used) return [];
      return Array.from({ length: used.row + used.rows }, (_, r) =>
        Array.from({ length: used.col + used.cols }, (_, c) => {
          const cell = sheet.cell(`${columnLetters(c + 1)}${r + 1}`);
          return cell.formula ?? cell.value;
        }),
      );
    },
  };
}

const config = window.__fakeOfficeConfig;
if (!config) throw new Error('FAKE office.js: set window.__fakeOfficeConfig before the page loads');
install(config);
