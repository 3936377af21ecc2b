import { splitEven } from '../apportion';
import { WorkCalendar } from '../calendar';
import { DayNumber } from '../days';
import { Period } from '../periods';
import { PlanRow } from '../plan';
import { formatCount } from '../text';
import { Frame } from './frame';
import { Held } from './held';
import { Left } from './left';
import { SubPlan } from './sub-plan';

/**
 * The new plan's targets and rows: the old targets of the periods already past, the sub-plan's added into
 * the new period holding each of its periods, what held periods displace spread over the row's other open
 * periods, the current period's actual kept in its target, and the held targets themselves.
 */
export function mergeTargets(f: Frame, { sub, subRowOf }: SubPlan, held: Held, { left, current }: Left): { targets: Int32Array; rows: PlanRow[] } {
  const { old, R, P, oldP, periods, firstOpen, midPeriod, stages, cal } = f;
  const S = sub.periods.length;
  // Each sub-plan period lies inside the new period holding its start: only the first may be partial.
  const into = new Int32Array(S);
  for (let i = 0, k = firstOpen; i < S; i++) {
    while (periods[k].end < sub.periods[i].start) k++;
    into[i] = k;
  }
  const windows = openWindows(f);
  const openDays = windows.map((w) => openWorkingDays(f, w));

  const targets = new Int32Array(R * P);
  const rows: PlanRow[] = [];
  const active = new Uint8Array(P);
  const spread = new Int32Array(P);
  for (let r = 0; r < R; r++) {
    const base = r * P;
    const i0 = subRowOf[r];
    const stage = old.rows[r].stage;
    const window = stages ? windows[stage!] : windows[0];
    targets.set(old.targets.subarray(r * oldP, r * oldP + Math.min(firstOpen, oldP)), base);
    for (let i = 0; i < S; i++) targets[base + into[i]] += sub.targets[i0 * S + i];
    let unscheduled = sub.rows[i0].unscheduled;
    let finish = sub.rows[i0].finish;
    const heldCount = held.periods[r].length;
    let activeCount = 0;
    if (heldCount > 0) {
      // What the sub-plan put in held periods moves evenly onto the row's other open working periods (of its stage).
      const days = stages ? openDays[stage!] : openDays[0];
      let moved = 0;
      for (let k = firstOpen; k < P; k++) {
        const isHeld = held.at.has(base + k);
        if (isHeld) moved += targets[base + k];
        if (isHeld) targets[base + k] = 0;
        active[k] = !isHeld && days[k] > 0 ? 1 : 0;
        activeCount += active[k];
      }
      if (activeCount > 0) {
        splitEven(moved, active.subarray(firstOpen), spread, firstOpen, activeCount);
        for (let k = firstOpen; k < P; k++) targets[base + k] += spread[k];
      } else {
        unscheduled += moved; // no open working period is free: what the sub-plan planned does not fit
      }
    }
    if (midPeriod) targets[base + firstOpen] += current[r];
    if (heldCount > 0) {
      for (let k = firstOpen; k < P; k++) {
        const h = held.at.get(base + k);
        if (h !== undefined) targets[base + k] = h;
      }
      // Held and moved targets change when the row's last records are planned (a projection past the end stays).
      if (unscheduled === 0) finish = lastTargetDay(targets, base, periods, firstOpen, cal, window);
    }
    // Every open period (of the row's stage) is held: nothing the held targets leave over has anywhere to go.
    const allHeld = stages ? heldCount > 0 && activeCount === 0 : heldCount > 0 && heldCount === P - firstOpen;
    if (allHeld && held.future[r] !== left[r]) {
      const a = held.about(r, held.periods[r]);
      held.report('warning', 'held-not-remaining', a,
        `${a.vi}: mọi kỳ còn lại đều giữ nguyên chỉ tiêu${a.at.vi}, tổng ${formatCount(held.future[r], 'vi')} (trừ số đã làm trong kỳ hiện tại) khác ${formatCount(left[r], 'vi')} ${a.noun.vi} còn lại.`,
        `${a.en}: every open period is held${a.at.en}, and the held targets (less what was done in the current period) come to ${formatCount(held.future[r], 'en')}, not the ${formatCount(left[r], 'en')} ${a.noun.en} left.`);
    }
    const row: PlanRow = { unitIndex: old.rows[r].unitIndex, register: old.rows[r].register, remaining: left[r], unscheduled, finish };
    rows.push(stage === undefined ? row : { ...row, stage });
  }
  return { targets, rows };
}

type Window = { start: DayNumber; end: DayNumber };

/** The open days' window: the plan's, or each stage's, from the first open day. */
const openWindows = ({ stages, start, end, openStart }: Frame): Window[] =>
  (stages ?? [{ start, end }]).map((w) => ({ start: Math.max(openStart, w.start), end: Math.min(end, w.end) }));

/**
 * Working days left in each open period (the current one counts only the days after asOf), inside a
 * window: the plan's, or a stage's, where that stage's held targets move what they displace.
 */
function openWorkingDays({ P, firstOpen, periods, cal }: Frame, w: Window): Int32Array {
  const days = new Int32Array(P);
  for (let k = firstOpen; k < P; k++) {
    for (let d = Math.max(periods[k].start, w.start); d <= Math.min(periods[k].end, w.end); d++) if (cal.isWorkingDay(d)) days[k]++;
  }
  return days;
}

/**
 * The last working day of the last open period with a target in a row, inside the row's window (its stage's)
 * when the period has a working day there (null when it has no target).
 */
function lastTargetDay(targets: Int32Array, base: number, periods: Period[], from: number, cal: WorkCalendar, w: Window): DayNumber | null {
  for (let k = periods.length - 1; k >= from; k--) {
    if (targets[base + k] === 0) continue;
    for (let d = Math.min(periods[k].end, w.end); d >= Math.max(periods[k].start, w.start); d--) if (cal.isWorkingDay(d)) return d;
    for (let d = periods[k].end; d >= periods[k].start; d--) if (cal.isWorkingDay(d)) return d;
  }
  return null;
}
