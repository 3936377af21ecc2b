import type ExcelJS from 'exceljs';
import { Problem, problem } from '../../planning/problems';
import { FORM_KINDS, FormKind } from '../../sheets/forms/marker';
import { PlanWorkbookSheets } from '../../sheets/read-plan-workbook';
import { existingSheets } from './existing-sheets';
import { gridOf } from './read-grid';

export interface PlanBook {
  sheets: PlanWorkbookSheets;
  /** Sheets that are not forms of the plan (people's own): a workbook written anew does not carry them. */
  others: string[];
}

/**
 * The forms of a workbook `quota-plan plan` (or a re-split) wrote, found by their hidden markers, as grids
 * for `readPlanWorkbook`. A workbook without them, or with forms of two plans, is refused naming the file.
 */
export async function readPlanBook(file: string, workbook: ExcelJS.Workbook): Promise<PlanBook | { sheets: null; problems: Problem[] }> {
  const found = await existingSheets(file);
  const names = {} as Record<FormKind, string>;
  const ids = new Set<string>();
  const others: string[] = [];
  for (const s of found) {
    // A copy of a form carries its marker too: the first one is the form, the copy is someone's sheet.
    if (!s.marker || names[s.marker.kind] !== undefined) {
      others.push(s.name);
      continue;
    }
    names[s.marker.kind] = s.name;
    ids.add(s.marker.planId);
  }
  const missing = (['calendar', 'units', 'progress'] as const).filter((k) => names[k] === undefined);
  if (missing.length > 0 || ids.size !== 1) {
    const why = ids.size > 1
      ? { vi: `có biểu mẫu của ${ids.size} kế hoạch khác nhau (${[...ids].join(', ')})`, en: `it holds forms of ${ids.size} different plans (${[...ids].join(', ')})` }
      : { vi: 'không có các trang Lịch, Đơn vị đã đọc và Phụ lục 02 do quota-plan lập', en: 'it lacks the Calendar, Units read and Annex 02 sheets quota-plan writes' };
    return { sheets: null, problems: [problem('error', 'not-a-plan-book', file, null,
      `${file} không phải là sổ kế hoạch: ${why.vi}. Hãy dùng tệp mà «quota-plan plan --out» đã ghi.`,
      `${file} is not a plan workbook: ${why.en}. Use the file "quota-plan plan --out" wrote.`)] };
  }
  for (const kind of FORM_KINDS) names[kind] ??= '';
  const grid = (kind: FormKind) => {
    const ws = names[kind] ? workbook.getWorksheet(names[kind]) : undefined;
    return ws ? gridOf(ws) : undefined;
  };
  return {
    sheets: {
      calendar: grid('calendar')!, units: grid('units')!, progress: grid('progress')!, quota: grid('quota'), history: grid('history'),
      names, planId: [...ids][0],
    },
    others,
  };
}
