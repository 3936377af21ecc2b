/**
 * Re-splitting a plan when its deadline moves: what was planned for days already past stays as it was
 * written (the forms hold those targets and the actuals typed against them), and what is left after the
 * actuals is split again over the days that remain, with the plan's own methods (planUnits).
 */
import { splitEven } from './apportion';
import { WorkCalendar, makeCalendar, workingDayFlags } from './calendar';
import { DayNumber, formatVN } from './days';
import { Period, makePeriods } from './periods';
import { Plan, PlanRow, planUnits } from './plan';
import { Problem, problem } from './problems';
import { registerLabel } from './registers';
import { Method, isWholeNumber, windowProblem } from './settings';
import { formatCount } from './text';
import { MAX_COUNT, Unit, codeNote } from './units';

export interface ReplanChanges {
  /** The new end date (included). */
  end: DayNumber;
  /** Default: the plan's. */
  method?: Method;
  /** Default: the plan's. */
  rate?: number;
  /** unitIndex → machines from now on (what the capacity method plans with; the others warn by it). */
  machines?: ReadonlyMap<number, number>;
}

export interface ReplanInput {
  /** The plan as it was written: its targets are what the forms hold. */
  plan: Plan;
  /** Row-major rows × plan.periods.length: what was typed (null = blank). */
  actuals: ReadonlyArray<number | null>;
  /** Actuals count up to this day; new targets start the day after. */
  asOf: DayNumber;
  changes: ReplanChanges;
  /** `${rowIndex}:${newPeriodIndex}` → a target the planner fixed by hand (the whole target of that period). */
  held?: ReadonlyMap<string, number>;
  /**
   * Where the planner sees the held target of a row and period, and how to change it: what the messages
   * about held targets name. Without it they name the unit's cell (`unit.cell`) and give no advice.
   */
  heldSource?: (row: number, period: number) => HeldSource;
}

/** A held target as the planner sees it (see ReplanInput.heldSource). */
export interface HeldSource {
  /** The cell showing it, as messages name cells (`Phụ lục 01 - Giao chỉ tiêu!H12`). */
  cell: string;
  /** How to change it or let it go, a sentence in each language. */
  fix: { vi: string; en: string };
}

export interface Replan {
  /** Periods from the old plan's start to the new end; rows in the old plan's order; remaining = what is left after the actuals. */
  plan: Plan;
  /** Per row: the actuals typed in periods that start on or before asOf (zeros when the actuals are refused). */
  done: Int32Array;
  /** Index of the first re-planned period (the one holding asOf+1); plan.periods.length when nothing was re-planned. */
  firstOpen: number;
  /**
   * Everything found, the new plan's own problems included. Any error means nothing was re-planned: `plan` is
   * the old plan with these problems added, and firstOpen is its number of periods.
   */
  problems: Problem[];
}

/** A unit as messages name it: its name, and its code when it has one (two "Xã Đông Khê" are told apart). */
export const unitLabel = (u: Unit, lang: 'vi' | 'en'): string => `${u.name}${codeNote(u.code, lang)}`;

/**
 * Re-splits what each row has left after its actuals over asOf+1 … changes.end. Pure and deterministic.
 * For every row r of the result, with `cur` the actual typed in the firstOpen period when that period began
 * on or before asOf (0 otherwise):
 *   Σ targets[r, firstOpen …] − cur + rows[r].unscheduled = rows[r].remaining = max(0, old remaining − done[r]),
 * and the targets of periods before firstOpen are the old plan's, unchanged.
 */
export function replan(input: ReplanInput): Replan {
  const { plan: old, actuals, asOf, changes } = input;
  const oldP = old.periods.length;
  const R = old.rows.length;
  const start = old.settings.start;
  const end = changes.end;
  const done = new Int32Array(R);
  const problems: Problem[] = [];
  const refuse = (): Replan => ({ plan: { ...old, problems: [...old.problems, ...problems] }, done, firstOpen: oldP, problems });
  const error = (code: string, unit: Unit | null, vi: string, en: string): void => {
    problems.push(problem('error', code, unit?.cell ?? null, unit?.name ?? null, vi, en));
  };

  // ---- what the caller gave must make sense before anything is counted ----
  if (actuals.length !== R * oldP) {
    error('actuals-shape', null,
      `Số liệu thực hiện có ${actuals.length} ô, kế hoạch cần ${R} dòng × ${oldP} kỳ = ${R * oldP}.`,
      `The actuals have ${actuals.length} cells; the plan needs ${R} rows × ${oldP} periods = ${R * oldP}.`);
    return refuse();
  }
  // Capped like a typed cell, so a row's sum stays far inside the Int32 `done`.
  const badActual = actuals.findIndex((a) => a !== null && !(isWholeNumber(a, 0) && a <= MAX_COUNT));
  if (badActual >= 0) {
    const u = old.units[old.rows[Math.floor(badActual / oldP)].unitIndex];
    error('bad-actual', u,
      `${unitLabel(u, 'vi')}: số thực hiện "${actuals[badActual]}" không phải số nguyên từ 0 đến ${formatCount(MAX_COUNT, 'vi')}.`,
      `${unitLabel(u, 'en')}: the actual "${actuals[badActual]}" is not a whole number from 0 to ${formatCount(MAX_COUNT, 'en')}.`);
    return refuse();
  }
  // Done counts every period that began by asOf, the current one included; later actuals are left where they are.
  const late = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < oldP; k++) {
      const a = actuals[r * oldP + k] ?? 0;
      if (old.periods[k].start <= asOf) done[r] += a;
      else late[r] += a;
    }
  }
  const window = windowProblem(start, end);
  if (window) {
    error(window, null,
      `Hạn mới ${formatVN(end)} không hợp lệ cho kế hoạch bắt đầu ${formatVN(start)}.`,
      `The new end ${formatVN(end)} is not valid for a plan that starts on ${formatVN(start)}.`);
    return refuse();
  }
  if (asOf >= end) {
    error('as-of-after-end', null,
      `Số liệu tính đến ${formatVN(asOf)}, không còn ngày nào trước hạn mới ${formatVN(end)} để chia lại.`,
      `Actuals run to ${formatVN(asOf)}: no day is left before the new end ${formatVN(end)} to re-split over.`);
    return refuse();
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
  if (problems.length > 0) return refuse();

  const cal = makeCalendar(old.settings.calendar);
  const periods = makePeriods(start, end, old.settings.granularity, workingDayFlags(cal, start, end));
  const P = periods.length;
  let firstOpen = 0;
  while (firstOpen < P && periods[firstOpen].end <= asOf) firstOpen++;
  // The current period began on or before asOf: its actual so far stays part of its target.
  const midPeriod = firstOpen < P && periods[firstOpen].start <= asOf;
  const openStart = Math.max(start, asOf + 1);

  // ---- what is left per row ----
  const current = new Int32Array(R); // the actual typed in the current period, when mid-period
  const left = new Int32Array(R);
  old.rows.forEach((row, r) => {
    const u = old.units[row.unitIndex];
    if (midPeriod && firstOpen < oldP) current[r] = actuals[r * oldP + firstOpen] ?? 0;
    if (late[r] > 0) {
      problems.push(problem('warning', 'actual-after-as-of', u.cell, u.name,
        `${unitLabel(u, 'vi')}, ${registerLabel(row.register, 'vi')}: ${formatCount(late[r], 'vi')} trường hợp nhập ở các kỳ sau ${formatVN(asOf)} không được tính vào số đã làm.`,
        `${unitLabel(u, 'en')}, ${registerLabel(row.register, 'en')}: ${formatCount(late[r], 'en')} records typed in periods after ${formatVN(asOf)} are not counted as done.`));
    }
    left[r] = row.remaining - done[r];
    if (left[r] < 0) {
      problems.push(problem('warning', 'done-exceeds-remaining', u.cell, u.name,
        `${unitLabel(u, 'vi')}, ${registerLabel(row.register, 'vi')}: đã làm ${formatCount(done[r], 'vi')}, nhiều hơn ${formatCount(row.remaining, 'vi')} trường hợp cần số hóa; còn lại tính là 0.`,
        `${unitLabel(u, 'en')}, ${registerLabel(row.register, 'en')}: ${formatCount(done[r], 'en')} done is more than the ${formatCount(row.remaining, 'en')} records to digitize; nothing is left.`));
      left[r] = 0;
    }
  });

  // ---- held cells: what each row's held periods take out of what is left ----
  const heldAt = new Map<number, number>(); // r·P + k → held target
  const heldFuture = new Float64Array(R); // held targets less the current period's actual, per row
  const heldPeriods: number[][] = old.rows.map(() => []);
  const span = (k: number): string => `${formatVN(periods[k].start)}–${formatVN(periods[k].end)}`;
  /** The row's unit and register, and where its held cells are with what to do about them, as messages say them. */
  const about = (r: number, ks: readonly number[]) => {
    const u = old.units[old.rows[r].unitIndex];
    const reg = old.rows[r].register;
    const sources = input.heldSource ? ks.map((k) => input.heldSource!(r, k)) : [];
    const cells = sources.map((s) => s.cell);
    const fixes = (lang: 'vi' | 'en'): string => [...new Set(sources.map((s) => s.fix[lang]))].map((f) => ` ${f}`).join('');
    return {
      u,
      cell: cells[0] ?? u.cell,
      vi: `${unitLabel(u, 'vi')}, ${registerLabel(reg, 'vi')}`,
      en: `${unitLabel(u, 'en')}, ${registerLabel(reg, 'en')}`,
      at: cells.length === 0 ? { vi: '', en: '' } : { vi: ` (ô ${cells.join(', ')})`, en: ` (cell${cells.length === 1 ? '' : 's'} ${cells.join(', ')})` },
      fix: { vi: fixes('vi'), en: fixes('en') },
    };
  };
  const heldProblem = (severity: 'error' | 'warning', code: string, a: ReturnType<typeof about>, vi: string, en: string): void => {
    problems.push(problem(severity, code, a.cell, a.u.name, vi + a.fix.vi, en + a.fix.en));
  };
  for (const [key, value] of input.held ?? []) {
    const m = /^(0|[1-9]\d*):(0|[1-9]\d*)$/.exec(key); // one spelling per cell, so none is counted twice
    const r = m ? Number(m[1]) : -1;
    const k = m ? Number(m[2]) : -1;
    if (r < 0 || r >= R) {
      error('bad-held', null, `Chỉ tiêu giữ nguyên "${key}" = ${value} không hợp lệ.`, `The held target "${key}" = ${value} is not valid.`);
    } else if (k >= P || !isWholeNumber(value, 0)) {
      const a = about(r, k >= 0 && k < P ? [k] : []);
      heldProblem('error', 'bad-held', a,
        `${a.vi}: chỉ tiêu giữ nguyên "${key}" = ${value}${a.at.vi} không hợp lệ.`,
        `${a.en}: the held target "${key}" = ${value}${a.at.en} is not valid.`);
    } else if (k < firstOpen) {
      const a = about(r, [k]);
      heldProblem('error', 'held-in-past', a,
        `${a.vi}: kỳ ${span(k)}${a.at.vi} đã qua, chỉ tiêu của nó không đổi nên không giữ được.`,
        `${a.en}: the period ${span(k)}${a.at.en} is past; its target does not change and cannot be held.`);
    } else if (k === firstOpen && value < current[r]) {
      // A held target is the period's whole target, and what was already done in it cannot be undone.
      const a = about(r, [k]);
      heldProblem('error', 'held-below-actual', a,
        `${a.vi}: chỉ tiêu giữ nguyên ${formatCount(value, 'vi')} của kỳ hiện tại ${span(k)}${a.at.vi} thấp hơn ${formatCount(current[r], 'vi')} trường hợp đã làm trong kỳ; ` +
          `chỉ tiêu giữ nguyên là cả chỉ tiêu của kỳ nên phải ít nhất ${formatCount(current[r], 'vi')}.`,
        `${a.en}: the held target ${formatCount(value, 'en')} of the current period ${span(k)}${a.at.en} is below the ${formatCount(current[r], 'en')} records already done in it; ` +
          `a held target is the whole period's, so it must be at least ${formatCount(current[r], 'en')}.`);
    } else {
      heldAt.set(r * P + k, value);
      heldPeriods[r].push(k);
      heldFuture[r] += value - (k === firstOpen ? current[r] : 0);
    }
  }
  heldPeriods.forEach((ks) => ks.sort((a, b) => a - b));
  old.rows.forEach((_, r) => {
    if (heldFuture[r] <= left[r]) return;
    const a = about(r, heldPeriods[r]);
    heldProblem('error', 'held-exceeds-remaining', a,
      `${a.vi}: chỉ tiêu giữ nguyên${a.at.vi} (trừ số đã làm trong kỳ hiện tại) là ${formatCount(heldFuture[r], 'vi')}, nhiều hơn ${formatCount(left[r], 'vi')} trường hợp còn lại.`,
      `${a.en}: the held targets${a.at.en} (less what was done in the current period) come to ${formatCount(heldFuture[r], 'en')}, more than the ${formatCount(left[r], 'en')} records left.`);
  });
  if (problems.some((p) => p.severity === 'error')) return refuse();

  // ---- the re-split itself: planUnits over the open days, with what is left less the held amounts ----
  const units: Unit[] = old.units.map((u, ui) => ({ ...u, machines: machines.get(ui) ?? u.machines, counts: new Map<string, number>() }));
  old.rows.forEach((row, r) => units[row.unitIndex].counts.set(row.register, left[r] - heldFuture[r]));
  const settings = { ...old.settings, end, method: changes.method ?? old.settings.method, rate };
  const sub = planUnits(units, old.registers, { ...settings, start: openStart });
  if (sub.problems.some((p) => p.severity === 'error')) { // no working day is left to plan on
    problems.push(...sub.problems);
    return refuse();
  }
  const S = sub.periods.length;
  sub.rows.forEach((row, r) => {
    if (row.unitIndex !== old.rows[r].unitIndex || row.register !== old.rows[r].register) throw new Error('replan: sub-plan rows out of order');
  });
  // Each sub-plan period lies inside the new period holding its start: only the first may be partial.
  const into = new Int32Array(S);
  for (let i = 0, k = firstOpen; i < S; i++) {
    while (periods[k].end < sub.periods[i].start) k++;
    into[i] = k;
  }

  // Working days left in each open period: the current one counts only the days after asOf.
  const openDays = new Int32Array(P);
  for (let i = 0; i < S; i++) openDays[into[i]] += sub.periods[i].workingDays;

  const targets = new Int32Array(R * P);
  const rows: PlanRow[] = [];
  const active = new Uint8Array(P);
  const spread = new Int32Array(P);
  for (let r = 0; r < R; r++) {
    const base = r * P;
    targets.set(old.targets.subarray(r * oldP, r * oldP + Math.min(firstOpen, oldP)), base);
    for (let i = 0; i < S; i++) targets[base + into[i]] += sub.targets[r * S + i];
    let unscheduled = sub.rows[r].unscheduled;
    let finish = sub.rows[r].finish;
    const heldCount = heldPeriods[r].length;
    if (heldCount > 0) {
      // What the sub-plan put in held periods moves evenly onto the row's other open working periods.
      let moved = 0;
      let activeCount = 0;
      for (let k = firstOpen; k < P; k++) {
        const held = heldAt.has(base + k);
        if (held) moved += targets[base + k];
        if (held) targets[base + k] = 0;
        active[k] = !held && openDays[k] > 0 ? 1 : 0;
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
        const h = heldAt.get(base + k);
        if (h !== undefined) targets[base + k] = h;
      }
      // Held and moved targets change when the row's last records are planned (a projection past the end stays).
      if (unscheduled === 0) finish = lastTargetDay(targets, base, periods, firstOpen, cal);
    }
    if (heldCount > 0 && heldCount === P - firstOpen && heldFuture[r] !== left[r]) {
      const a = about(r, heldPeriods[r]);
      heldProblem('warning', 'held-not-remaining', a,
        `${a.vi}: mọi kỳ còn lại đều giữ nguyên chỉ tiêu${a.at.vi}, tổng ${formatCount(heldFuture[r], 'vi')} (trừ số đã làm trong kỳ hiện tại) khác ${formatCount(left[r], 'vi')} trường hợp còn lại.`,
        `${a.en}: every open period is held${a.at.en}, and the held targets (less what was done in the current period) come to ${formatCount(heldFuture[r], 'en')}, not the ${formatCount(left[r], 'en')} records left.`);
    }
    rows.push({ unitIndex: old.rows[r].unitIndex, register: old.rows[r].register, remaining: left[r], unscheduled, finish });
  }

  // The new plan's units say what is left now, so its totals agree with its rows.
  old.rows.forEach((row, r) => units[row.unitIndex].counts.set(row.register, left[r]));
  problems.push(...sub.problems);
  const plan: Plan = { settings, units, periods, registers: old.registers, rows, targets, problems };
  return { plan, done, firstOpen, problems };
}

/** The last working day of the last open period with a target in a row (null when it has none). */
function lastTargetDay(targets: Int32Array, base: number, periods: Period[], from: number, cal: WorkCalendar): DayNumber | null {
  for (let k = periods.length - 1; k >= from; k--) {
    if (targets[base + k] === 0) continue;
    for (let d = periods[k].end; d >= periods[k].start; d--) if (cal.isWorkingDay(d)) return d;
  }
  return null;
}
