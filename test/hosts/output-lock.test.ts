import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'fs';
import { HOST, lockPath, sweep } from '../../src/hosts/files/leftovers';
import { OutputLock, lockOutput, removeStaleLock } from '../../src/hosts/files/output-lock';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-lock-');
afterAll(() => tmp.cleanup());

/** The id of a process that has ended (a node that exits at once). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

const held = (r: OutputLock | { busy: unknown }): OutputLock => {
  if ('busy' in r) throw new Error(`busy: ${JSON.stringify(r.busy)}`);
  return r;
};

const lockOf = (pid: number, host = HOST) => JSON.stringify({ pid, host, computer: 'MAY-TINH-2', command: 'consolidate', started: '2025-03-01T03:04:05.000Z', token: `t${pid}` });

/** Ten minutes ago: older than a lock's heartbeat allows. */
const longAgo = (file: string): void => utimesSync(file, new Date(Date.now() - 10 * 60_000), new Date(Date.now() - 10 * 60_000));

describe('output locks', () => {
  it('lets one run hold a file at a time, says who holds it, and releases it', async () => {
    const target = tmp.file('Tổng hợp.xlsx');
    const first = held(await lockOutput(target, 'consolidate'));
    expect(existsSync(lockPath(target))).toBe(true);
    expect(await lockOutput(target, 'plan')).toEqual({ busy: expect.objectContaining({ pid: process.pid, command: 'consolidate', host: HOST }) });
    await first.release();
    expect(existsSync(lockPath(target))).toBe(false);
    await held(await lockOutput(target, 'plan')).release();
  });

  it('takes over a lock its run left when it was killed, on this computer or, once unrefreshed, on another', async () => {
    const cases: [string, string, ((file: string) => void) | null, boolean][] = [
      ['a process of this computer that has ended', lockOf(deadPid()), null, true],
      ['another computer’s run, refreshed just now', lockOf(1234, 'abcdef'), null, false],
      ['another computer’s run, silent for ten minutes', lockOf(1234, 'abcdef'), longAgo, true],
      ['a lock whose writing was cut short, just now', '', null, false],
      ['a lock whose writing was cut short, long ago', '{"pi', longAgo, true],
    ];
    for (const [i, [what, content, age, stale]] of cases.entries()) {
      const target = tmp.file(`out-${i}.xlsx`);
      writeFileSync(lockPath(target), content);
      age?.(lockPath(target));
      const got = await lockOutput(target, 'plan');
      expect([what, 'busy' in got]).toEqual([what, !stale]);
      if (!('busy' in got)) {
        expect(JSON.parse(readFileSync(lockPath(target), 'utf8')).pid).toBe(process.pid);
        await got.release();
      }
    }
  });

  it('leaves a lock alone that another run took over meanwhile', async () => {
    const target = tmp.file('taken.xlsx');
    const mine = held(await lockOutput(target, 'plan'));
    writeFileSync(lockPath(target), lockOf(process.pid + 1, 'abcdef'));
    await mine.release();
    expect(JSON.parse(readFileSync(lockPath(target), 'utf8')).host).toBe('abcdef');
    expect(await removeStaleLock(lockPath(target))).toBe(false);
  });
});

describe('the sweep after a kill', () => {
  it('removes only quota-planner’s temporary files and locks whose run is over', async () => {
    const dir = tmp.file('swept');
    mkdirSync(dir);
    const dead = deadPid();
    const files: [string, boolean][] = [
      [`.kế hoạch.xlsx.quota-plan.${HOST}.${dead}.1.tmp`, true], // this computer, its process gone
      [`.kế hoạch.json.quota-plan.${HOST}.${process.pid}.7.tmp`, false], // this process's own
      ['.kế hoạch.xlsx.quota-plan.abcdef.999.1.tmp', false], // another computer's, fresh
      ['.cũ.xlsx.quota-plan.abcdef.999.2.tmp', true], // another computer's, an hour old
      ['.kế hoạch.xlsx.quota-plan.lock', true], // a lock of a process gone
      ['.x.tmp', false], // not ours
      ['ghi chú.tmp', false],
      ['kế hoạch.xlsx', false],
    ];
    for (const [name] of files) writeFileSync(`${dir}/${name}`, name.endsWith('.lock') ? lockOf(dead) : 'x');
    utimesSync(`${dir}/.cũ.xlsx.quota-plan.abcdef.999.2.tmp`, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const removed = await sweep(dir, removeStaleLock);
    expect(removed.sort()).toEqual(files.filter(([, gone]) => gone).map(([n]) => n).sort());
    expect(readdirSync(dir).sort()).toEqual(files.filter(([, gone]) => !gone).map(([n]) => n).sort());
  });
});
