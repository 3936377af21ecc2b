import * as path from 'path';
import { createProgress } from '../../src/cli/progress';
import { PROGRESS_LINE, besidesProgress, run } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-progress-');
afterAll(() => tmp.cleanup());

describe('progress on stderr', () => {
  it('stays quiet for a run under a second, then names each phase with the time so far', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createProgress((l) => lines.push(l), () => now);
    progress.step('Đang đọc', 'Reading');
    now = 400;
    progress.step('Đang lập kế hoạch', 'Planning');
    expect(lines).toEqual([]);
    now = 1500;
    progress.step('Đang ghi', 'Writing');
    progress.done();
    expect(lines).toEqual(['[1.5 s] Đang ghi / Writing']);
  });

  it('prints lines the tests set aside, the heartbeat of a phase that drags on too, and nothing else', () => {
    jest.useFakeTimers();
    let now = 0;
    const lines: string[] = [];
    const progress = createProgress((l) => lines.push(l), () => now);
    now = 12_345;
    progress.step('Đang ghi', 'Writing');
    jest.advanceTimersByTime(1000); // the heartbeat's interval
    progress.done();
    jest.useRealTimers();
    expect(lines[0]).toBe('[12.3 s] Đang ghi / Writing');
    expect(lines[1]).toBe('[12.3 s] Đang ghi / Writing …');
    expect(besidesProgress(lines.join('\n'))).toEqual([]);
    expect(besidesProgress(['[1.5 s] Đang ghi / Writing', 'LỖI/ERROR Số liệu!C7: …', 'CẢNH BÁO/WARNING …'].join('\n'))).toEqual(['LỖI/ERROR Số liệu!C7: …', 'CẢNH BÁO/WARNING …']);
  });

  it('a slow run prints its phases on stderr, and only them', async () => {
    // Every reading of the clock is 0.7 s later than the last: the run takes seconds, whatever the machine.
    let clock = Date.now();
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => (clock += 700));
    try {
      const input = path.join(__dirname, '..', '..', 'examples', 'dai-lanh-2024.xlsx');
      const r = await run('plan', input, '--start', '2024-06-01', '--end', '2024-09-30', '--out', tmp.file('slow.xlsx'));
      expect(r.code).toBe(0);
      expect(r.err.split('\n').filter((line) => PROGRESS_LINE.test(line)).length).toBeGreaterThan(1);
      expect(besidesProgress(r.err)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
