import { createHash } from 'crypto';
import { createReadStream, promises as fs } from 'fs';
import * as path from 'path';
import { SheetModel } from '../../sheets/model';
import { sidePath, track, untrack } from './leftovers';
import { writeXlsx } from './write-xlsx';

export interface PendingFile {
  target: string;
  write: (tmpPath: string) => Promise<void>;
}

/** A workbook to write; once written, `sha256` is its hash (for the JSON that names it). */
export interface WorkbookOutput extends PendingFile {
  sha256?: string;
}

/** A workbook of sheet models, as a file to write. */
export function workbookFile(target: string, sheets: readonly SheetModel[]): WorkbookOutput {
  const out: WorkbookOutput = {
    target,
    write: async (tmp) => {
      out.sha256 = await writeXlsx(sheets, tmp);
    },
  };
  return out;
}

/** What a file was when a run looked at it: which file (device, inode), its size, time and contents; null: absent. */
export interface Identity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function identityOf(file: string): Promise<Identity | null> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, sha256: hash.digest('hex') };
}

const same = (a: Identity | null, b: Identity | null): boolean =>
  a === b || (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256);

/** An output that changed between the start of the run and the moment it would have been replaced. */
export class ChangedMeanwhile extends Error {
  constructor(readonly target: string) {
    super(`${target} changed meanwhile`);
  }
}

/**
 * Writes every file to a temporary file beside its target and renames them into place only once all are
 * written: a crash or a full disk never leaves a half-written file under a user's name, and a signal
 * removes the temporary files (leftovers.ts). Just before the renames, each target given in `expected` must
 * still be what the run saw when it started (absent, or the same file with the same contents), else
 * nothing is renamed (`ChangedMeanwhile`). The renames run one after another, in the order given: a run
 * killed between two leaves the first new and the rest old (the JSON names its workbook by hash for that).
 */
export async function writeAtomically(files: readonly PendingFile[], expected?: ReadonlyMap<string, Identity | null>): Promise<void> {
  const temps: string[] = [];
  const discard = async (from = 0): Promise<void> => {
    await Promise.all(temps.slice(from).map((t) => fs.rm(t, { force: true })));
    temps.slice(from).forEach(untrack);
  };
  try {
    for (const { target, write } of files) {
      await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
      const tmp = sidePath(target, 'tmp');
      temps.push(tmp);
      track(tmp);
      await write(tmp);
    }
    for (const { target } of files) {
      if (expected?.has(target) && !same(expected.get(target)!, await identityOf(target))) throw new ChangedMeanwhile(target);
    }
  } catch (err) {
    await discard();
    throw err;
  }
  for (let i = 0; i < files.length; i++) {
    try {
      await fs.rename(temps[i], files[i].target);
      untrack(temps[i]);
    } catch (err) {
      await discard(i);
      throw err;
    }
  }
}
