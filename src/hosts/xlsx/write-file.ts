import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { SheetModel } from '../../sheets/model';
import { renderSheet } from './render';

/**
 * Writes a new workbook atomically: to a temporary file beside the target, then renamed over it, so a
 * crash or a full disk never leaves a half-written workbook under the user's file name.
 */
export async function writeWorkbookFile(target: string, sheets: readonly SheetModel[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'quota-planner';
  for (const sheet of sheets) renderSheet(workbook, sheet);
  await writeAtomically(target, (tmp) => workbook.xlsx.writeFile(tmp));
}

export async function writeAtomically(target: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
