import { formatVN } from '../days';
import { problem } from '../problems';
import { rowLabel, rowNoun } from '../row-labels';
import { formatCount } from '../text';
import { Frame } from './frame';

/** Per row: what is left after what was done (never below 0), and the actual of the current period when mid-period. */
export interface Left {
  left: Int32Array;
  current: Int32Array;
}

/** What each row has left; actuals after the as-of date and more done than there was are warned about. */
export function leftPerRow(f: Frame, done: Int32Array, late: Int32Array): Left {
  const { old, actuals, asOf, oldP, firstOpen, midPeriod } = f;
  const current = new Int32Array(f.R);
  const left = new Int32Array(f.R);
  old.rows.forEach((row, r) => {
    const u = old.units[row.unitIndex];
    const said = () => [rowLabel(old, r, 'vi'), rowLabel(old, r, 'en'), rowNoun(old, r, 'vi'), rowNoun(old, r, 'en')];
    if (midPeriod && firstOpen < oldP) current[r] = actuals[r * oldP + firstOpen] ?? 0;
    if (late[r] > 0) {
      const [vi, en, nounVi, nounEn] = said();
      f.problems.push(problem('warning', 'actual-after-as-of', u.cell, u.name,
        `${vi}: ${formatCount(late[r], 'vi')} ${nounVi} nhập ở các kỳ sau ${formatVN(asOf)} không được tính vào số đã làm.`,
        `${en}: ${formatCount(late[r], 'en')} ${nounEn} typed in periods after ${formatVN(asOf)} are not counted as done.`));
    }
    left[r] = row.remaining - done[r];
    if (left[r] < 0) {
      const [vi, en, nounVi, nounEn] = said();
      f.problems.push(problem('warning', 'done-exceeds-remaining', u.cell, u.name,
        `${vi}: đã làm ${formatCount(done[r], 'vi')}, nhiều hơn ${formatCount(row.remaining, 'vi')} ${nounVi} cần ${row.stage === undefined ? 'số hóa' : 'làm'}; còn lại tính là 0.`,
        `${en}: ${formatCount(done[r], 'en')} done is more than the ${formatCount(row.remaining, 'en')} ${nounEn} to ${row.stage === undefined ? 'digitize' : 'do'}; nothing is left.`));
      left[r] = 0;
    }
  });
  return { left, current };
}
