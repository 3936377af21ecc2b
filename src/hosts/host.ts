import { Problem, problem } from '../planning/problems';
import type { Grid } from '../sheets/grid';
import type { SheetModel } from '../sheets/model';
import type { ExistingSheet } from '../sheets/placement';
import type { PlanWorkbookSheets } from '../sheets/read-plan-workbook';
import type { ReadPurpose } from '../xlsx/package-check';

/** What a chosen file is read for, which sets how large it may be: a units table, or a plan workbook. */
export type FilePurpose = ReadPurpose;

/**
 * The one interface the pane talks to. Two hosts implement it: Excel through Office.js
 * (`src/hosts/office/`) and a workbook file chosen in a plain browser (`src/hosts/browser/`). The pane
 * decides nothing a host knows and a host decides no number: it reads grids and renders sheet models.
 */

/**
 * Where every host keeps the pane's stored settings: Excel in the document's settings, a plain browser in
 * its local storage.
 */
export const SETTINGS_KEY = 'QuotaPlanner.PaneSettings';

/** What a host reads for the pane to find the units table in. */
export interface SourceGrid {
  grid: Grid;
  /** `selection`: the cells the user selected; `sheet`: the whole used range of a sheet. */
  scope: 'selection' | 'sheet';
  /** Where it came from, for people: `Số liệu`, `Số liệu!A3:H40`, or `data.xlsx › Số liệu`. */
  label: string;
}

/** A failure to show as is: both languages, never a stack trace. */
export class HostError extends Error {
  constructor(readonly vi: string, readonly en: string, readonly code: string = 'host') {
    super(`${vi} / ${en}`);
  }
}

/** What a write holds, for a file host's download name: a plan's forms, or a units table (a remap's). */
export type Written = 'plan' | 'units';

export interface WriteOutcome {
  /** The sheets written, in order, under the names they have now. */
  sheets: string[];
  /** Standalone only: the name of the file handed to the browser to download. */
  download?: string;
}

/** The forms of the plan a workbook holds, as grids for `readPlanWorkbook`; or why it holds none. */
export type PlanSheetsRead =
  | {
      sheets: PlanWorkbookSheets;
      /** Sheets that are not forms of the plan: a download written anew does not carry them. */
      others: string[];
    }
  | { sheets: null; problems: Problem[] };

/** The refusal of a workbook without the forms of one plan (`why` from `findPlanForms`). */
export function notAPlanBook(what: { vi: string; en: string }, why: { vi: string; en: string }): Problem {
  return problem('error', 'not-a-plan-book', null, null,
    `${what.vi} không phải là sổ kế hoạch: ${why.vi}. Hãy dùng sổ tính mà Quota Planner đã ghi biểu mẫu vào.`,
    `${what.en} is not a plan workbook: ${why.en}. Use a workbook Quota Planner wrote the forms into.`);
}

export interface PaneHost {
  readonly kind: 'excel' | 'file';
  /**
   * Excel: the selection when it covers more than one cell, else the active sheet's used range.
   * File: every visible sheet of the chosen workbook, in order (the pane picks the one with a table).
   */
  readSources(): Promise<SourceGrid[]>;
  /** Selects a cell given as `Sheet!C7` (activating its sheet). False where the host cannot (a file). */
  goToCell(address: string): Promise<boolean>;
  /** The pane's saved settings (any JSON), or null: Excel keeps them in the document, a file host nowhere. */
  loadSettings(): Promise<unknown>;
  saveSettings(value: unknown): Promise<void>;
  /** The sheets already there, with their markers and typed actuals, for `placeForms` to decide names. */
  existingSheets(): Promise<ExistingSheet[]>;
  /**
   * The forms of the plan in the workbook (Excel: the open one; file: the one chosen), found by their
   * markers, each read as a grid from A1 to its last used cell, for a re-split (or a consolidation).
   */
  readPlanSheets(): Promise<PlanSheetsRead>;
  /**
   * Writes the forms, replacing the generated sheets named in `replaced` (and no other sheet). All or
   * nothing: a failure leaves the workbook as it was and throws a HostError. `progress` gets 0..1.
   */
  writeForms(sheets: readonly SheetModel[], replaced: readonly string[], progress: (fraction: number) => void, what?: Written): Promise<WriteOutcome>;
  /** Activates a written sheet (the links in the result message). False where the host cannot. */
  showSheet(name: string): Promise<boolean>;
  /**
   * Excel only: puts the workbook back as it was before the last write (its forms, sheet names, order and
   * active sheet); the sheets restored. Throws a HostError saying why when it cannot (an actual typed into
   * the new forms since, what the write kept gone). A file host writes a new file: nothing to undo.
   */
  undoLastWrite?(): Promise<WriteOutcome>;
}
