import { ACTUALS_NAME, FormMarker, INPUTS_NAME, KEPT_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
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
  /** A form's range of boxes on its own sheet, or null. */
  actuals: Box | null;
  /**
   * The range is `QuotaPlanner.Inputs`: its first row is the hidden row over the boxes (a value over each column of
   * boxes) and the boxes are under it. Otherwise (`QuotaPlanner.Actuals`, older workbooks) every cell is a box.
   */
  keyed: boolean;
  /** A form the last write replaced and keeps, hidden, for an undo (`KEPT_NAME`): no form any more. */
  kept: boolean;
}

/**
 * Every sheet of the open workbook, in order, with its marker, read through each sheet's own names: two
 * syncs, whatever the number of sheets (the sheets, then their names).
 */
export async function markedSheets(ctx: Excel.RequestContext): Promise<MarkedWorksheet[]> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  await ctx.sync();
  const sheets = worksheets.items;
  const names = sheets.map((ws) => ws.names.load('items/name,items/formula'));
  await ctx.sync();
  return sheets.map((ws, i) => {
    const formulas = new Map(names[i].items.map((n) => [n.name.toLowerCase(), n.formula]));
    const kept = formulas.has(KEPT_NAME.toLowerCase());
    const marker = parseMarker(nameConstant(formulas.get(MARKER_NAME.toLowerCase())));
    // A kept form's boxes are not read: its actuals are no one's any more.
    const form = marker !== null && !kept;
    const inputs = form ? formulas.get(INPUTS_NAME.toLowerCase()) : undefined;
    const ref = inputs ?? (form ? formulas.get(ACTUALS_NAME.toLowerCase()) : undefined);
    const local = ref ? splitAddress(ref.replace(/^=/, ''))?.local : undefined;
    return { sheet: ws, name: ws.name, marker, actuals: local ? parseBox(local) : null, keyed: inputs !== undefined, kept };
  });
}

/**
 * The sheets of the open workbook with their generated-sheet markers and, for progress reports, the first
 * typed actual: what the file host reads from a file's XML, read through each sheet's own names. At most
 * four syncs, whatever the number of sheets: the sheets, their names, then the used part of each range of boxes
 * (values and formulas, not the boxes' shading) or the hidden row over them, and last that part's first row or
 * the used part of each column of boxes, which holds the first typed cell in reading order.
 */
export async function existingSheets(run: Run): Promise<ExistingSheet[]> {
  return run(async (ctx) => {
    const found = await markedSheets(ctx);
    const inBox = (s: MarkedWorksheet): Box | null => (s.actuals && s.keyed ? { ...s.actuals, row: s.actuals.row + 1, rows: s.actuals.rows - 1 } : s.actuals);
    const used = found.map((s) => (s.actuals && !s.keyed ? s.sheet.getRange(boxAddress(s.actuals)).getUsedRangeOrNullObject(true).load('address') : null));
    const keys = found.map((s) => (s.actuals && s.keyed ? s.sheet.getRange(boxAddress({ ...s.actuals, rows: 1 })).load('values') : null));
    if (used.some((u) => u) || keys.some((k) => k)) await ctx.sync();
    const firstRows = used.map((u, i) => {
      const box = u && !u.isNullObject ? parseBox(splitAddress(u.address)?.local ?? u.address) : null;
      return box ? { box, row: found[i].sheet.getRange(boxAddress({ ...box, rows: 1 })).load('formulas') } : null;
    });
    // A keyed range: each column of boxes (a value in the row over it), its used part.
    const columns = keys.map((k, i) => {
      const box = inBox(found[i]);
      if (!k || !box || box.rows < 1) return [];
      return (k.values[0] ?? []).flatMap((v, c) => (v === '' || v === null ? [] : [{
        col: box.col + c,
        used: found[i].sheet.getRange(boxAddress({ ...box, col: box.col + c, cols: 1 })).getUsedRangeOrNullObject(true).load('address'),
      }]));
    });
    if (firstRows.some((f) => f) || columns.some((c) => c.length)) await ctx.sync();

    return found.map((s, i): ExistingSheet => {
      const first = firstRows[i];
      if (first) {
        const c = first.row.formulas[0].findIndex((v) => v !== '' && v !== null);
        return { name: s.name, marker: s.marker, typedActual: c >= 0 ? cellAddress(s.name, first.box.row, first.box.col + c) : null, kept: s.kept };
      }
      let best: { row: number; col: number } | null = null;
      for (const { col, used: u } of columns[i]) {
        const box = u.isNullObject ? null : parseBox(splitAddress(u.address)?.local ?? u.address);
        if (box && (!best || box.row < best.row || (box.row === best.row && col < best.col))) best = { row: box.row, col };
      }
      return { name: s.name, marker: s.marker, typedActual: best ? cellAddress(s.name, best.row, best.col) : null, kept: s.kept };
    });
  });
}
