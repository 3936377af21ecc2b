import { createHash } from 'crypto';
import { closeSync, promises as fs, rmSync, rmdirSync } from 'fs';
import { hostname } from 'os';
import * as path from 'path';

/**
 * The files a run makes beside its outputs (temporary files, locks), named so that they are recognisably
 * quota-planner's and say which process on which computer made them; the ones this process has not yet
 * removed, so that a signal can remove them; and the sweep that removes what an earlier run, killed
 * outright, left behind.
 *
 *   .Tổng hợp.xlsx.quota-plan.3fa2c1.41234.1.tmp    a temporary file (computer, process, sequence)
 *   .Tổng hợp.xlsx.quota-plan.lock                   the lock on Tổng hợp.xlsx (see output-lock.ts)
 */

/** This computer, as six hex digits: a process id means nothing on another computer sharing the folder. */
export const HOST = createHash('sha1').update(hostname()).digest('hex').slice(0, 6);

const TEMP = /^\..+\.quota-plan\.([0-9a-f]{6})\.(\d+)\.\d+\.(tmp|stale)$/;
const LOCK = /^\..+\.quota-plan\.lock$/;

/** A file of another computer's run is taken for abandoned once untouched this long. */
export const FOREIGN_STALE_MS = 60 * 60 * 1000;

let sequence = 0;

/** A name beside `target` for a file this process writes, unique to it (`kind` is `tmp` or `stale`). */
export function sidePath(target: string, kind: 'tmp' | 'stale'): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.quota-plan.${HOST}.${process.pid}.${++sequence}.${kind}`);
}

export const lockPath = (target: string): string => path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.quota-plan.lock`);

/** Whether a process of this computer is still running (one of another user's counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------- pending

/** What this process has made and not yet removed or renamed into place, with an open descriptor if any. */
const pending = new Map<string, { fd?: number; dir?: boolean }>();

export const track = (file: string, fd?: number): void => void pending.set(file, { fd });
/** A folder this process created for its outputs: removed again if a signal stops it before anything is in it. */
export const trackDir = (dir: string): void => void pending.set(dir, { dir: true });
export const untrack = (file: string): boolean => pending.delete(file);
/** Notes (or clears) the descriptor a pending file is open on; a file not pending is left alone. */
export function openFd(file: string, fd: number | undefined): void {
  const entry = pending.get(file);
  if (entry) entry.fd = fd;
}

/**
 * Removes, synchronously, everything this process has pending: what a signal handler does before the
 * process ends. Descriptors are closed first (Windows cannot remove an open file); folders last, if empty.
 */
export function removePendingSync(): void {
  const entries = [...pending];
  pending.clear();
  for (const [file, { fd, dir }] of entries) {
    if (dir) continue;
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // already closed
    }
    try {
      rmSync(file, { force: true });
    } catch {
      // nothing more can be done on the way out
    }
  }
  for (const [dir, { dir: isDir }] of entries.reverse()) {
    try {
      if (isDir) rmdirSync(dir);
    } catch {
      // not empty: something was written into it
    }
  }
}

// ---------------------------------------------------------------------------------------------- sweep

/** Whether a temporary file's run is over: its process gone (this computer), or long untouched (another). */
async function abandoned(file: string, host: string, pid: number): Promise<boolean> {
  if (host === HOST) return pid !== process.pid && !isRunning(pid);
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs > FOREIGN_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes from `dir` the temporary files earlier runs left when they were killed outright (SIGKILL, power
 * cut): only quota-planner's, by their names, and only those whose process is gone. Returns their names.
 * Locks are judged, and removed when stale, by `removeStaleLock` (output-lock.ts).
 */
export async function sweep(dir: string, removeStaleLock: (lock: string) => Promise<boolean>): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const temp = TEMP.exec(name);
    if (temp && (await abandoned(file, temp[1], Number(temp[2])))) {
      await fs.rm(file, { force: true });
      removed.push(name);
    } else if (LOCK.test(name) && (await removeStaleLock(file))) removed.push(name);
  }
  return removed;
}
