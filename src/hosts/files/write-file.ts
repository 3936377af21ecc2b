import { promises as fs } from 'fs';
import * as path from 'path';
import { SheetModel } from '../../sheets/model';
import { writeXlsx } from './write-xlsx';

export interface PendingFile {
  target: string;
  write: (tmpPath: string) => Promise<void>;
}

/** A workbook of sheet models, as a file to write. */
export function workbookFile(target: string, sheets: readonly SheetModel[]): PendingFile {
  return {
    target,
    write: (tmp) => writeXlsx(sheets, tmp),
  };
}

/**
 * Writes every file to a temporary file beside its target and renames them into place only once all are
 * written: a crash or a full disk never leaves a half-written file under a user's name. The renames run
 * one after another, so a rename refused midway (a file open in Excel) can still leave the outputs mixed.
 */
export async function writeAtomically(files: readonly PendingFile[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { target, write } of files) {
      const dir = path.dirname(path.resolve(target));
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
      temps.push(tmp);
      await write(tmp);
    }
  } catch (err) {
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })));
    throw err;
  }
  for (let i = 0; i < files.length; i++) {
    try {
      await fs.rename(temps[i], files[i].target);
    } catch (err) {
      await Promise.all(temps.slice(i).map((t) => fs.rm(t, { force: true })));
      throw err;
    }
  }
}
