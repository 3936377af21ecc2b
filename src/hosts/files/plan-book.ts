import type ExcelJS from 'exceljs';
import { Problem, problem } from '../../planning/problems';
import { FormKind } from '../../sheets/forms/marker';
import { findPlanForms } from '../../sheets/placement';
import { PlanWorkbookSheets } from '../../sheets/read-plan-workbook';
import { existingSheets } from './existing-sheets';
import { WorkbookFile } from './read-workbook-file';
import { gridOf } from '../../xlsx/read-grid';

export interface PlanBook {
  sheets: PlanWorkbookSheets;
  /** Sheets that are not forms of the plan (people's own): a workbook written anew does not carry them. */
  others: string[];
}

/**
 * The forms of a workbook `quota-plan plan` (or a re-split) wrote, found by their hidden markers, as grids
 * for `readPlanWorkbook`. A workbook without them, or with forms of two plans, is refused naming the file.
 * Which sheets are the forms is decided by `findPlanForms`, as in the pane's hosts.
 */
export async function readPlanBook(source: string | WorkbookFile, workbook: ExcelJS.Workbook): Promise<PlanBook | { sheets: null; problems: Problem[] }> {
  const file = typeof source === 'string' ? source : source.path;
  const found = findPlanForms(await existingSheets(source));
  if (found.names === null) {
    const { why } = found;
    return { sheets: null, problems: [problem('error', 'not-a-plan-book', file, null,
      `${file} không phải là sổ kế hoạch: ${why.vi}. Hãy dùng tệp mà «quota-plan plan --out» đã ghi.`,
      `${file} is not a plan workbook: ${why.en}. Use the file "quota-plan plan --out" wrote.`)] };
  }
  const { names } = found;
  const grid = (kind: FormKind) => {
    const ws = names[kind] ? workbook.getWorksheet(names[kind]) : undefined;
    return ws ? gridOf(ws) : undefined;
  };
  return {
    sheets: {
      calendar: grid('calendar')!, units: grid('units')!, progress: grid('progress')!, quota: grid('quota'), history: grid('history'),
      names, planId: found.planId,
    },
    others: found.others,
  };
}
