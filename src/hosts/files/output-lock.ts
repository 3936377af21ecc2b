import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import { hostname } from 'os';
import { HOST, isRunning, lockPath, sidePath, track, untrack } from './leftovers';

/**
 * A lock beside an output file (`.NAME.quota-plan.lock`), created exclusively, so that two runs writing one
 * file never overlap: the second is refused at once, before it reads or computes anything. A run that is
 * killed cannot leave it stuck: a lock whose process is gone (this computer), or that has not been touched
 * for LOCK_STALE_MS (another computer sharing the folder: the holder touches it every HEARTBEAT_MS), is
 * taken over.
 */

export interface LockInfo {
  pid: number;
  /** This computer's tag (leftovers.ts HOST) and its name, for the message. */
  host: string;
  computer: string;
  command: string;
  /** ISO time the run took the lock. */
  started: string;
  token: string;
}

export const LOCK_STALE_MS = 5 * 60 * 1000;
const HEARTBEAT_MS = 30 * 1000;
/** A lock with no readable content (its run died between creating and writing it) is stale after this. */
const UNWRITTEN_STALE_MS = 10 * 1000;

export interface OutputLock {
  target: string;
  release(): Promise<void>;
}

async function readLock(lock: string): Promise<{ info: LockInfo | null; mtimeMs: number } | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    let info: LockInfo | null = null;
    try {
      const parsed = JSON.parse(text) as LockInfo;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') info = parsed;
    } catch {
      // half-written
    }
    return { info, mtimeMs: stat.mtimeMs };
  } catch {
    return null; // gone
  }
}

function isStale({ info, mtimeMs }: { info: LockInfo | null; mtimeMs: number }): boolean {
  const age = Date.now() - mtimeMs;
  if (info === null) return age > UNWRITTEN_STALE_MS;
  if (info.host === HOST) return info.pid !== process.pid && !isRunning(info.pid);
  return age > LOCK_STALE_MS;
}

/**
 * Removes `lock` if it is stale; true when it did. Two runs may judge one stale lock at once: each moves it
 * aside to a name of its own first, and only the one that moved the stale lock (same token) removes it; a
 * run that moved a fresh lock instead (taken over meanwhile) puts it back.
 */
export async function removeStaleLock(lock: string): Promise<boolean> {
  const seen = await readLock(lock);
  if (seen === null || !isStale(seen)) return false;
  const aside = sidePath(lock, 'stale');
  try {
    await fs.rename(lock, aside);
  } catch {
    return false; // someone else moved it first
  }
  track(aside);
  try {
    const moved = await readLock(aside);
    if (moved !== null && moved.info?.token !== seen.info?.token) {
      await fs.link(aside, lock).catch(() => undefined); // a fresh lock: back where it was
      return false;
    }
    return true;
  } finally {
    await fs.rm(aside, { force: true });
    untrack(aside);
  }
}

/** Takes the lock on `target` for `command`; or says who holds it (null when that cannot be read). */
export async function lockOutput(target: string, command: string): Promise<OutputLock | { busy: LockInfo | null }> {
  const lock = lockPath(target);
  const info: LockInfo = { pid: process.pid, host: HOST, computer: hostname(), command, started: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(lock, 'wx');
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      if (await removeStaleLock(lock)) continue;
      return { busy: (await readLock(lock))?.info ?? null };
    }
    track(lock, handle.fd);
    try {
      await handle.writeFile(JSON.stringify(info));
    } catch (e) {
      await handle.close().catch(() => undefined);
      await fs.rm(lock, { force: true });
      untrack(lock);
      throw e; // a full disk: the run cannot write anything there anyway
    }
    await handle.close();
    track(lock);
    const heartbeat = setInterval(() => {
      const now = new Date();
      fs.utimes(lock, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    return {
      target,
      async release() {
        clearInterval(heartbeat);
        // Only our own lock: one taken over (judged stale while this run was stopped in a debugger, say) stays.
        const now = await readLock(lock);
        if (now?.info?.token === info.token) await fs.rm(lock, { force: true });
        untrack(lock);
      },
    };
  }
  return { busy: (await readLock(lock))?.info ?? null };
}
