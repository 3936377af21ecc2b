import { FormKind } from '../../sheets/forms/marker';
import { Grid } from '../../sheets/grid';
import { findPlanForms } from '../../sheets/placement';
import { PlanSheetsRead, notAPlanBook } from '../host';
import { parseBox, splitAddress } from './address';
import { markedSheets } from './existing';
import { readCells } from './read';
import type { Run } from './run';

/** The forms `readPlanWorkbook` reads, in the order they are read. */
const READ: readonly FormKind[] = ['calendar', 'units', 'progress', 'quota', 'history'];

/**
 * The forms of the plan in the open workbook, found by their markers (as `existingSheets` finds them), each
 * read from A1 to its last cell with a value, as the units table is read: the readers find titles,
 * settings and rows by their place on the sheet. Three syncs, then one per 50,000 cells read.
 */
export async function readPlanSheets(run: Run): Promise<PlanSheetsRead> {
  return run(async (ctx) => {
    const marked = await markedSheets(ctx);
    const found = findPlanForms(marked);
    if (found.names === null) {
      return { sheets: null, problems: [notAPlanBook({ vi: 'Sổ tính đang mở', en: 'The open workbook' }, found.why)] };
    }
    const { names } = found;
    const kinds = READ.filter((kind) => names[kind] !== '');
    const sheets = kinds.map((kind) => marked.find((m) => m.name === names[kind])!.sheet);
    const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
    await ctx.sync();
    const grids: Partial<Record<FormKind, Grid>> = {};
    for (let i = 0; i < kinds.length; i++) {
      const u = used[i];
      const box = u.isNullObject ? null : parseBox(splitAddress(u.address)?.local ?? u.address);
      const rows = box ? await readCells(ctx, sheets[i], { row: 1, col: 1, rows: box.row + box.rows - 1, cols: box.col + box.cols - 1 }) : [];
      grids[kinds[i]] = { sheet: names[kinds[i]], rows };
    }
    return {
      sheets: {
        calendar: grids.calendar!, units: grids.units!, progress: grids.progress!, quota: grids.quota, history: grids.history,
        names, planId: found.planId,
      },
      others: found.others,
    };
  });
}
