import { createProgress } from '../../src/cli/progress';

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
});
