import { ACTUALS_NAME, FormMarker, KEPT_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { cellAddress } from '../../sheets/grid';
import { ExistingSheet } from '../../sheets/placement';
import { Box, boxAddress, parseBox, splitAddress } from './address';
import type { Run } from './run';

/** A name's text constant (`="quota-planner/…"`) without the `=` and the quotes; null for anything else. */
export function nameConstant(formula: string | null | undefined): string | null {
  const m = /^=?"([\s\S]*)"$/.exec(formula ?? '');
  return m ? m[1].replace(/""/g, '"') : null;
}

/** A sheet of the open workbook with its generated-sheet marker, and (of a form) the range its actuals name refers to. */
export interface MarkedWorksheet {
  sheet: Excel.Worksheet;
  name: string;
  marker: FormMarker | null;
  /** A form's `QuotaPlanner.Actuals` range on its own sheet, or null. */
  actuals: Box | null;
}

/**
 * Every sheet of the open workbook, in order, with its marker (but the old forms kept for an undo), read through each sheet's own names: two
 * syncs, whatever the number of sheets (the sheets, then their names).
 */
export async function markedSheets(ctx: Excel.RequestContext): Promise<MarkedWorksheet[]> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  await ctx.sync();
  const sheets = worksheets.items;
  const names = sheets.map((ws) => ws.names.load('items/name,items/formula'));
  await ctx.sync();
  return sheets.flatMap((ws, i) => {
    const formulas = new Map(names[i].items.map((n) => [n.name.toLowerCase(), n.formula]));
    // The forms a write replaced, kept hidden for an undo: no longer the workbook's forms.
    if (formulas.has(KEPT_NAME.toLowerCase())) return [];
    const marker = parseMarker(nameConstant(formulas.get(MARKER_NAME.toLowerCase())));
    const ref = marker ? formulas.get(ACTUALS_NAME.toLowerCase()) : undefined;
    const local = ref ? splitAddress(ref.replace(/^=/, ''))?.local : undefined;
    return [{ sheet: ws, name: ws.name, marker, actuals: local ? parseBox(local) : null }];
  });
}

/**
 * The sheets of the open workbook with their generated-sheet markers and, for progress reports, the first
 * typed actual: what the file host reads from a file's XML, read through each sheet's own names. At most
 * four syncs, whatever the number of sheets: the sheets, their names, then the used part of each actuals
 * range (values and formulas, not the input cells' shading) and that part's first row, which holds the
 * first typed cell in reading order.
 */
export async function existingSheets(run: Run): Promise<ExistingSheet[]> {
  return run(async (ctx) => {
    const found = await markedSheets(ctx);
    const used = found.map((s) => (s.actuals ? s.sheet.getRange(boxAddress(s.actuals)).getUsedRangeOrNullObject(true).load('address') : null));
    if (used.some((u) => u)) await ctx.sync();
    const firstRows = used.map((u, i) => {
      const box = u && !u.isNullObject ? parseBox(splitAddress(u.address)?.local ?? u.address) : null;
      return box ? { box, row: found[i].sheet.getRange(boxAddress({ ...box, rows: 1 })).load('formulas') } : null;
    });
    if (firstRows.some((f) => f)) await ctx.sync();

    return found.map((s, i): ExistingSheet => {
      const first = firstRows[i];
      const c = first ? first.row.formulas[0].findIndex((v) => v !== '' && v !== null) : -1;
      return { name: s.name, marker: s.marker, typedActual: first && c >= 0 ? cellAddress(s.name, first.box.row, first.box.col + c) : null };
    });
  });
}
