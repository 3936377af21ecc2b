import { documentSettings } from '../sheets/document-settings';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { excelSerialFromDay } from '../planning/days';
import { Plan } from '../planning/plan';
import { Unit } from '../planning/units';
import { planId } from '../sheets/forms/marker';
import { defaultFormNames } from '../sheets/forms/options';
import { planForms } from '../sheets/forms/workbook';
import { ModelValue, SheetModel } from '../sheets/model';
import { writeXlsx } from '../hosts/files/write-xlsx';

export interface FormsBench {
  sheets: number;
  cells: number;
  formsS: number;
  plainS: number;
}

/** The value a plain writer gets for a model value: numbers and text, no formula, no style. */
function plain(v: ModelValue): ExcelJS.CellValue {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if ('date' in v) return excelSerialFromDay(v.date);
  return v.result ?? 0;
}

async function timed(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (global as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * Our forms (sheet models built from the plan, then written as .xlsx) against ExcelJS's streaming writer
 * writing the same cells plainly, with no style and no formula: the cheapest .xlsx write ExcelJS offers.
 */
export async function benchForms(plan: Plan, units: readonly Unit[], registers: readonly string[], runs: number): Promise<FormsBench> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'quota-bench-'));
  try {
    const options = { lang: 'vi' as const, document: documentSettings(), planId: planId(plan), revision: 1, names: defaultFormNames('vi') };
    let sheets: SheetModel[] = [];
    const formsS = await timed(runs, async () => {
      sheets = planForms(plan, { units, registers }, options).sheets;
      await writeXlsx(sheets, path.join(dir, 'forms.xlsx'));
    });
    let cells = 0;
    const plainSheets = sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) => r.values.map((v) => {
        if (v !== null) cells++;
        return plain(v);
      })),
    }));
    sheets = [];
    const plainS = await timed(runs, async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'plain.xlsx'), useStyles: false, useSharedStrings: false });
      for (const s of plainSheets) {
        const ws = wb.addWorksheet(s.name);
        for (const values of s.rows) ws.addRow(values).commit();
        ws.commit();
      }
      await wb.commit();
    });
    return { sheets: plainSheets.length, cells, formsS, plainS };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
