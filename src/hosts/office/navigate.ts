import { boxAddress, parseBox, splitAddress } from './address';
import type { Run } from './run';

/** Activates a sheet and selects a cell of it: `Số liệu!C7`, `'Tổng hợp'!C7`. False when there is no such sheet or cell. */
export async function goToCell(run: Run, address: string): Promise<boolean> {
  const parts = splitAddress(address.trim());
  const box = parts ? parseBox(parts.local) : null;
  if (!parts || !box) return false;
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(parts.sheet).load('name');
    await ctx.sync();
    if (ws.isNullObject) return false;
    ws.activate();
    ws.getRange(boxAddress(box)).select();
    await ctx.sync();
    return true;
  });
}

/** Activates a sheet; false when there is none of that name. */
export async function showSheet(run: Run, name: string): Promise<boolean> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(name).load('name');
    await ctx.sync();
    if (ws.isNullObject) return false;
    ws.activate();
    await ctx.sync();
    return true;
  });
}
