import { DayNumber, formatVN } from '../days';
import { Plan } from '../plan';
import { Problem } from '../problems';
import { unitLabel } from '../row-labels';
import { isWholeNumber, windowProblem } from '../settings';
import { Stage } from '../stages';
import { formatCount } from '../text';
import { MAX_COUNT } from '../units';
import { inputError } from './frame';
import { resplitStages } from './stages';
import { ReplanInput } from './types';

/** What the caller gave, checked before anything is planned, and what was done by the as-of date. */
export interface Checked {
  /** Per row: the actuals of periods that began by asOf (the current one included). */
  done: Int32Array;
  /** Per row: actuals typed in later periods (not counted, warned about). */
  late: Int32Array;
  machines: ReadonlyMap<number, number>;
  rate: number;
  stages: Stage[] | undefined;
}

/**
 * The input checked; `checked` null when it is refused (the errors are in `problems`). `done` is there either
 * way: zeros when the actuals themselves are refused.
 */
export function checkInput(input: ReplanInput, problems: Problem[]): { checked: Checked | null; done: Int32Array } {
  const { plan: old, actuals, asOf, changes } = input;
  const oldP = old.periods.length;
  const R = old.rows.length;
  const start = old.settings.start;
  const end = changes.end;
  const error = (code: string, unit: Plan['units'][number] | null, vi: string, en: string): void => inputError(problems, code, unit, vi, en);
  if (actuals.length !== R * oldP) {
    error('actuals-shape', null,
      `Số liệu thực hiện có ${actuals.length} ô, kế hoạch cần ${R} dòng × ${oldP} kỳ = ${R * oldP}.`,
      `The actuals have ${actuals.length} cells; the plan needs ${R} rows × ${oldP} periods = ${R * oldP}.`);
    return { checked: null, done: new Int32Array(R) };
  }
  // Capped like a typed cell, so a row's sum stays far inside the Int32 `done`.
  const badActual = actuals.findIndex((a) => a !== null && !(isWholeNumber(a, 0) && a <= MAX_COUNT));
  if (badActual >= 0) {
    const u = old.units[old.rows[Math.floor(badActual / oldP)].unitIndex];
    error('bad-actual', u,
      `${unitLabel(u, 'vi')}: số thực hiện "${actuals[badActual]}" không phải số nguyên từ 0 đến ${formatCount(MAX_COUNT, 'vi')}.`,
      `${unitLabel(u, 'en')}: the actual "${actuals[badActual]}" is not a whole number from 0 to ${formatCount(MAX_COUNT, 'en')}.`);
    return { checked: null, done: new Int32Array(R) };
  }
  const { done, late } = doneByAsOf(old, actuals, asOf);
  const window = windowProblem(start, end);
  if (window) {
    error(window, null,
      `Hạn mới ${formatVN(end)} không hợp lệ cho kế hoạch bắt đầu ${formatVN(start)}.`,
      `The new end ${formatVN(end)} is not valid for a plan that starts on ${formatVN(start)}.`);
    return { checked: null, done };
  }
  if (asOf >= end) {
    error('as-of-after-end', null,
      `Số liệu tính đến ${formatVN(asOf)}, không còn ngày nào trước hạn mới ${formatVN(end)} để chia lại.`,
      `Actuals run to ${formatVN(asOf)}: no day is left before the new end ${formatVN(end)} to re-split over.`);
    return { checked: null, done };
  }
  // After the old end (an office that fell behind re-splits late), every actual counts as done and the periods
  // between the old end and asOf are past with nothing planned in them. Up to the old end, a period ending by
  // asOf is a whole calendar period in both plans, hence identical in both.
  const machines = changes.machines ?? new Map<number, number>();
  for (const [ui, m] of machines) {
    if (!Number.isInteger(ui) || ui < 0 || ui >= old.units.length || !isWholeNumber(m, 0)) {
      error('bad-machines', null, `Số máy ${m} cho đơn vị số ${ui} không hợp lệ.`, `Machines ${m} for unit #${ui} are not valid.`);
    }
  }
  const rate = changes.rate ?? old.settings.rate;
  if (!isWholeNumber(rate, 1)) error('bad-rate', null, `Định mức ${rate} không hợp lệ.`, `The rate ${rate} is not valid.`);
  const staging = resplitStages(old, changes.stages, end, asOf);
  problems.push(...staging.problems);
  return { checked: problems.length > 0 ? null : { done, late, machines, rate, stages: staging.stages }, done };
}

/** Done counts every period that began by asOf, the current one included; later actuals are left where they are. */
function doneByAsOf(old: Plan, actuals: ReadonlyArray<number | null>, asOf: DayNumber): { done: Int32Array; late: Int32Array } {
  const oldP = old.periods.length;
  const R = old.rows.length;
  const done = new Int32Array(R);
  const late = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < oldP; k++) {
      const a = actuals[r * oldP + k] ?? 0;
      if (old.periods[k].start <= asOf) done[r] += a;
      else late[r] += a;
    }
  }
  return { done, late };
}
