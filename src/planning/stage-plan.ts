/**
 * Plans with workflow stages. Each stage is planned in its own window by the plan's method (planUnits),
 * then held back so that it never plans more records done than its predecessor has planned by then, lag
 * included: you cannot attach a scan you have not made. What is held back is done as soon as the
 * predecessor allows (priority and capacity hand the unit's budget to the registers that can use it).
 */
import { makeCalendar, WorkCalendar, workingDayFlags } from './calendar';
import { DayNumber, formatVN } from './days';
import { makePeriods, Period } from './periods';
import { Plan, PlanRow, planUnits } from './plan';
import { Problem, problem } from './problems';
import { ALL_REGISTER, priorityOrder } from './registers';
import { PlanSettings, dailyQuota } from './settings';
import { Stage, predecessorOf, stageLabel } from './stages';
import { formatCount } from './text';
import { Unit, codeNote } from './units';

/** What each stage has to do, when it is not what the units say (a re-split: what is left per stage). */
export interface StageDemand {
  /** Records (books for a books stage) of a unit and register for a stage; undefined: the stage has no row. */
  count(stage: number, unitIndex: number, register: string): number | undefined;
  /** Records the predecessor has already done beyond the stage's own (a re-split's actuals): free to do from the start. */
  head(stage: number, unitIndex: number, register: string): number;
}

/** The register of a books stage's row: books are counted per unit, not per register. */
export const BOOKS_REGISTER = ALL_REGISTER.code;

/** What the units sheet says each stage has to do: records per register, or the unit's books. */
export function unitDemand(units: readonly Unit[], stages: readonly Stage[]): StageDemand {
  return {
    count: (s, u, register) => {
      if (stages[s].unit === 'records') return units[u].counts.get(register);
      return register === BOOKS_REGISTER ? (units[u].books ?? undefined) : undefined;
    },
    head: () => 0,
  };
}

/** planUnits when there are no stages; otherwise one row per unit, register and stage, planned stage by stage. */
export function planStages(units: readonly Unit[], present: readonly string[], settings: PlanSettings, demand?: StageDemand): Plan {
  const stages = settings.stages ?? [];
  if (stages.length === 0) return planUnits(units, present, settings);
  const need = demand ?? unitDemand(units, stages);
  const cal = makeCalendar(settings.calendar);
  const periods = makePeriods(settings.start, settings.end, settings.granularity, workingDayFlags(cal, settings.start, settings.end));
  const P = periods.length;
  const registers = priorityOrder(present, settings.priority);
  const hasBooks = stages.some((s) => s.unit === 'books');

  // Rows: unit, then register (books first, on their own register), then stage.
  const rows: PlanRow[] = [];
  const rowsOfStage: number[][] = stages.map(() => []);
  const regs = hasBooks && !registers.includes(BOOKS_REGISTER) ? [BOOKS_REGISTER, ...registers] : registers;
  const preds = stages.map((_, s) => predecessorOf(stages, s));
  /** The row of the same unit and register in the stage each row waits for (-1: none). */
  const predRows: number[] = [];
  const block = new Int32Array(stages.length); // this unit and register's row per stage
  for (let unitIndex = 0; unitIndex < units.length; unitIndex++) {
    for (const register of regs) {
      block.fill(-1);
      for (let stage = 0; stage < stages.length; stage++) {
        const remaining = need.count(stage, unitIndex, register);
        if (remaining === undefined) continue;
        block[stage] = rows.length;
        predRows.push(preds[stage] < 0 ? -1 : block[preds[stage]]);
        rowsOfStage[stage].push(rows.length);
        rows.push({ unitIndex, register, remaining, unscheduled: 0, finish: null, stage });
      }
    }
  }

  const targets = new Int32Array(rows.length * P);
  const problems: Problem[] = [];
  const books = stages.find((s) => s.unit === 'books');
  if (books && !demand && units.length > 0 && units.every((u) => u.books === null)) {
    const sheet = units[0].cell.replace(/!.*$/, ''); // the units' sheet, as their cells name it
    problems.push(problem('error', 'no-books', null, null,
      `Giai đoạn «${stageLabel(books, 'vi')}» tính theo quyển sổ nhưng bảng đơn vị ở trang «${sheet}» không có cột «Số quyển»: hãy thêm cột đó hoặc bỏ giai đoạn này.`,
      `The stage "${stageLabel(books, 'en')}" counts books but the units table on sheet "${sheet}" has no "Số quyển" (books) column: add one, or drop the stage.`));
  }
  const windows = stages.map((s) => ({ start: Math.max(s.start, settings.start), end: Math.min(s.end, settings.end) }));
  stages.forEach((stage, s) => {
    const mine = rowsOfStage[s];
    if (mine.length === 0) return;
    const w = windows[s];
    const stageUnits: Unit[] = units.map((u) => ({ ...u, counts: new Map<string, number>() }));
    for (const r of mine) stageUnits[rows[r].unitIndex].counts.set(rows[r].register, rows[r].remaining);
    const stagePresent = stage.unit === 'books' ? [BOOKS_REGISTER] : registers;
    if (w.end < w.start) {
      for (const r of mine) rows[r].unscheduled = rows[r].remaining;
      problems.push(...outsideProblems(stage, stageUnits, settings));
      return;
    }
    const sub = planUnits(stageUnits, stagePresent, { ...settings, start: w.start, end: w.end });
    if (sub.rows.length !== mine.length) throw new Error('planStages: stage rows out of order');
    let first = 0;
    while (periods[first].end < sub.periods[0].start) first++;
    const S = sub.periods.length;
    if (sub.problems.some((x) => x.code === 'no-working-day')) { // warned about per unit, like a window gone by
      for (const r of mine) rows[r].unscheduled = rows[r].remaining;
      problems.push(...outsideProblems(stage, stageUnits, settings));
      return;
    }
    problems.push(...sub.problems.map((p) => inStage(p, stage)));

    const p = predecessorOf(stages, s);
    if (p < 0) {
      mine.forEach((r, i) => {
        targets.set(sub.targets.subarray(i * S, (i + 1) * S), r * P + first);
        rows[r].unscheduled = sub.rows[i].unscheduled;
        rows[r].finish = sub.rows[i].finish;
      });
      return;
    }
    // How many of the predecessor's periods are done, lag included, by the end of each of this stage's periods.
    const ready = readyCounts(periods, windows[p], w, stage.lag, first, S, cal);
    const blocked = new Map<number, number>(); // unit → records held back by the predecessor
    const schedule = new Scheduler(settings, sub.periods, registers.length + 1);
    const caps = schedule.caps;
    for (let i = 0; i < mine.length; ) {
      let j = i;
      while (j + 1 < mine.length && rows[mine[j + 1]].unitIndex === rows[mine[i]].unitIndex) j++;
      for (let g = i; g <= j; g++) {
        // Cumulative records the predecessor allows by the end of each period: what it has done beyond this
        // stage already (a re-split), plus its targets of the periods ready by then.
        const r = mine[g];
        const pred = predRows[r];
        const base = (g - i) * S;
        let cum = pred < 0 ? Infinity : need.head(s, rows[r].unitIndex, rows[r].register);
        for (let k = 0, taken = 0; k < S; k++) {
          if (pred >= 0) while (taken < ready[k]) cum += targets[pred * P + taken++];
          caps[base + k] = cum;
        }
      }
      schedule.unit(stageUnits[rows[mine[i]].unitIndex], rows, mine, i, j, sub.targets, S);
      for (let g = i; g <= j; g++) {
        const r = mine[g];
        const row = rows[r];
        let done = 0;
        let changed = false;
        for (let k = 0; k < S; k++) {
          const t = schedule.out[(g - i) * S + k];
          targets[r * P + first + k] = t;
          done += t;
          if (t !== sub.targets[g * S + k]) changed = true;
        }
        row.unscheduled = row.remaining - done;
        const late = row.unscheduled - sub.rows[g].unscheduled;
        if (late > 0) blocked.set(row.unitIndex, (blocked.get(row.unitIndex) ?? 0) + late);
        row.finish = !changed ? sub.rows[g].finish : row.unscheduled > 0 ? sub.rows[g].finish : lastDay(targets, r * P, periods, w, cal);
      }
      i = j + 1;
    }
    for (const [u, late] of blocked) problems.push(blockedProblem(units[u], stage, stages[p], late, w.end));
  });
  return { settings, units, periods, registers: [...registers], rows, targets, problems };
}

/**
 * ready[k]: the number of the predecessor's periods (from the plan's first) whose records are done, lag
 * included, by the last day of this stage's k-th period. A predecessor's period counts as done on its last
 * working day inside the predecessor's window; a lag of n working days makes it usable n working days later.
 */
function readyCounts(periods: readonly Period[], pw: { start: DayNumber; end: DayNumber }, w: { start: DayNumber; end: DayNumber }, lag: number, first: number, S: number, cal: WorkCalendar): Int32Array {
  const usable: DayNumber[] = periods.map((period) => {
    const from = Math.max(period.start, pw.start);
    let d = Math.min(period.end, pw.end);
    while (d >= from && !cal.isWorkingDay(d)) d--;
    if (d < from) return -Infinity; // no working day of the predecessor here: nothing planned, nothing to wait for
    for (let n = 0; n < lag; ) if (cal.isWorkingDay(++d)) n++;
    return d;
  });
  const ready = new Int32Array(S);
  let j = 0;
  for (let k = 0; k < S; k++) {
    const due = Math.min(periods[first + k].end, w.end);
    while (j < periods.length && usable[j] <= due) j++;
    ready[k] = j;
  }
  return ready;
}

/** The last working day inside the stage's window of the last period where a row has a target. */
function lastDay(targets: Int32Array, base: number, periods: readonly Period[], w: { start: DayNumber; end: DayNumber }, cal: WorkCalendar): DayNumber | null {
  for (let k = periods.length - 1; k >= 0; k--) {
    if (targets[base + k] === 0) continue;
    const from = Math.max(periods[k].start, w.start);
    for (let d = Math.min(periods[k].end, w.end); d >= from; d--) if (cal.isWorkingDay(d)) return d;
  }
  return null;
}

/**
 * Re-times one unit's rows of a stage under their caps (cumulative records the predecessor allows by the
 * end of each of the stage's periods). even and workdays keep each row's own split and push what a cap
 * holds back to the first period it allows; priority and capacity fill the unit's budget per period in
 * priority order, so a register the predecessor has not reached leaves room for one it has.
 */
class Scheduler {
  out: Int32Array;
  /** The caps of the unit's rows, row by row (S each), filled by the caller. */
  readonly caps: Float64Array;
  private readonly budget: Float64Array;
  private readonly done: Float64Array;
  constructor(private readonly settings: PlanSettings, private readonly periods: readonly Period[], maxRows: number) {
    const S = periods.length;
    this.out = new Int32Array(maxRows * S);
    this.caps = new Float64Array(maxRows * S);
    this.budget = new Float64Array(S);
    this.done = new Float64Array(maxRows);
  }

  /** Fills `out` (row by row, S each) for one unit's rows `mine[i…j]` of the stage, in priority order. */
  unit(unit: Unit, rows: readonly PlanRow[], mine: readonly number[], i: number, j: number, subTargets: Int32Array, S: number): void {
    const { out, caps, budget, done } = this;
    const n = j - i + 1;
    if (this.settings.method === 'even' || this.settings.method === 'workdays') {
      for (let g = 0; g < n; g++) {
        let planned = 0;
        let before = 0;
        for (let k = 0; k < S; k++) {
          planned += subTargets[(i + g) * S + k];
          const cum = Math.min(planned, caps[g * S + k]);
          out[g * S + k] = cum - before;
          before = cum;
        }
      }
      return;
    }
    const carry = this.settings.method === 'priority';
    if (carry) {
      budget.fill(0, 0, S);
      for (let g = 0; g < n; g++) for (let k = 0; k < S; k++) budget[k] += subTargets[(i + g) * S + k];
    } else {
      const perDay = dailyQuota(unit, this.settings);
      for (let k = 0; k < S; k++) budget[k] = perDay * this.periods[k].workingDays;
    }
    done.fill(0, 0, n);
    let spare = 0;
    for (let k = 0; k < S; k++) {
      let room = budget[k] + (carry ? spare : 0);
      for (let g = 0; g < n; g++) {
        const take = Math.max(0, Math.min(room, caps[g * S + k] - done[g], rows[mine[i + g]].remaining - done[g]));
        out[g * S + k] = take;
        done[g] += take;
        room -= take;
      }
      spare = room;
    }
  }
}

/** A stage's own problem (a unit that cannot finish, a period over capacity), with the stage named first. */
function inStage(p: Problem, stage: Stage): Problem {
  return { ...p, vi: `«${stageLabel(stage, 'vi')}»: ${p.vi}`, en: `"${stageLabel(stage, 'en')}": ${p.en}` };
}

function blockedProblem(unit: Unit, stage: Stage, pred: Stage, late: number, end: DayNumber): Problem {
  const [sv, se, pv, pe] = [stageLabel(stage, 'vi'), stageLabel(stage, 'en'), stageLabel(pred, 'vi'), stageLabel(pred, 'en')];
  const lagVi = stage.lag > 0 ? ` cộng ${stage.lag} ngày làm việc` : '';
  const lagEn = stage.lag > 0 ? ` plus ${stage.lag} working day${stage.lag === 1 ? '' : 's'}` : '';
  return problem('warning', 'stage-behind', unit.cell, unit.name,
    `«${sv}» của ${unit.name}${codeNote(unit.code, 'vi')}: ${formatCount(late, 'vi')} trường hợp không kịp trước ${formatVN(end)} vì phải chờ «${pv}»${lagVi}. Hãy lùi hạn «${sv}» hoặc đẩy nhanh «${pv}».`,
    `"${se}" of ${unit.name}${codeNote(unit.code, 'en')}: ${formatCount(late, 'en')} records cannot be done by ${formatVN(end)}, as they wait for "${pe}"${lagEn}. Move the deadline of "${se}" or speed up "${pe}".`);
}

/**
 * A stage with nothing it can be planned on: its window lies outside the plan's (a re-split after its
 * deadline) or holds no working day. What it has left is unscheduled, and each unit is told so.
 */
function outsideProblems(stage: Stage, units: readonly Unit[], settings: PlanSettings): Problem[] {
  const [sv, se] = [stageLabel(stage, 'vi'), stageLabel(stage, 'en')];
  const noun = stage.unit === 'books' ? { vi: 'quyển sổ', en: 'books' } : { vi: 'trường hợp', en: 'records' };
  const why = stage.end < settings.start
    ? { vi: `hạn của giai đoạn (${formatVN(stage.end)}) đã qua`, en: `the stage's deadline (${formatVN(stage.end)}) has passed` }
    : stage.start > settings.end
      ? { vi: `giai đoạn bắt đầu ${formatVN(stage.start)}, sau hạn của kế hoạch ${formatVN(settings.end)}`, en: `the stage starts on ${formatVN(stage.start)}, after the plan's end ${formatVN(settings.end)}` }
      : { vi: `từ ${formatVN(Math.max(stage.start, settings.start))} đến ${formatVN(Math.min(stage.end, settings.end))} không có ngày làm việc nào`, en: `there is no working day from ${formatVN(Math.max(stage.start, settings.start))} to ${formatVN(Math.min(stage.end, settings.end))}` };
  return units.flatMap((u) => {
    let left = 0;
    for (const n of u.counts.values()) left += n;
    if (left === 0) return [];
    return [problem('warning', 'stage-behind', u.cell, u.name,
      `«${sv}» của ${u.name}${codeNote(u.code, 'vi')}: còn ${formatCount(left, 'vi')} ${noun.vi} chưa xếp lịch được vì ${why.vi}. Hãy lùi hạn «${sv}».`,
      `"${se}" of ${u.name}${codeNote(u.code, 'en')}: ${formatCount(left, 'en')} ${noun.en} are left unscheduled, as ${why.en}. Move the deadline of "${se}".`)];
  });
}
