import { ACTUALS_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { cellAddress } from '../../sheets/grid';
import { ExistingSheet } from '../../sheets/placement';
import { boxAddress, parseBox, splitAddress } from './address';
import type { Run } from './write';

/** A name's text constant (`="quota-planner/…"`) without the `=` and the quotes; null for anything else. */
export function nameConstant(formula: string | null | undefined): string | null {
  const m = /^=?"([\s\S]*)"$/.exec(formula ?? '');
  return m ? m[1].replace(/""/g, '"') : null;
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
    const worksheets = ctx.workbook.worksheets;
    worksheets.load('items/name');
    await ctx.sync();
    const sheets = worksheets.items;
    const names = sheets.map((ws) => ws.names.load('items/name,items/formula'));
    await ctx.sync();

    const found = sheets.map((ws, i) => {
      const formulas = new Map(names[i].items.map((n) => [n.name.toLowerCase(), n.formula]));
      const marker = parseMarker(nameConstant(formulas.get(MARKER_NAME.toLowerCase())));
      const ref = marker ? formulas.get(ACTUALS_NAME.toLowerCase()) : undefined;
      const local = ref ? splitAddress(ref.replace(/^=/, ''))?.local : undefined;
      return { name: ws.name, marker, actuals: local ? parseBox(local) : null };
    });

    const used = found.map((s, i) => (s.actuals ? sheets[i].getRange(boxAddress(s.actuals)).getUsedRangeOrNullObject(true).load('address') : null));
    if (used.some((u) => u)) await ctx.sync();
    const firstRows = used.map((u, i) => {
      const box = u && !u.isNullObject ? parseBox(splitAddress(u.address)?.local ?? u.address) : null;
      return box ? { box, row: sheets[i].getRange(boxAddress({ ...box, rows: 1 })).load('formulas') } : null;
    });
    if (firstRows.some((f) => f)) await ctx.sync();

    return found.map((s, i): ExistingSheet => {
      const first = firstRows[i];
      const c = first ? first.row.formulas[0].findIndex((v) => v !== '' && v !== null) : -1;
      return { name: s.name, marker: s.marker, typedActual: first && c >= 0 ? cellAddress(s.name, first.box.row, first.box.col + c) : null };
    });
  });
}
