import { WeightClasses, splitEven, splitWeighted, weightClasses } from './apportion';
import { WorkCalendar, makeCalendar, workingDayFlags } from './calendar';
import { DayNumber, formatVN } from './days';
import { Period, makePeriods } from './periods';
import { Problem, problem } from './problems';
import { priorityOrder } from './registers';
import { formatCount } from './text';
import { PlanSettings, dailyQuota } from './settings';
import { Unit, codeNote } from './units';

/** One unit × register of a plan. Its targets are `plan.targets[index·periods … (index+1)·periods)`. */
export interface PlanRow {
  unitIndex: number;
  register: string;
  /** Records to digitize at the start of the plan. */
  remaining: number;
  /** Records that do not fit before the end (capacity method only). */
  unscheduled: number;
  /** Day the row's last record is planned; past the end when unscheduled > 0; null when nothing is to do or it never finishes. */
  finish: DayNumber | null;
  /** Index into `settings.stages` (absent in a plan without stages). */
  stage?: number;
}

export interface Plan {
  settings: PlanSettings;
  units: readonly Unit[];
  periods: Period[];
  /** Register codes present, in the priority order used. */
  registers: string[];
  rows: PlanRow[];
  /** Row-major: rows.length × periods.length integers. */
  targets: Int32Array;
  problems: Problem[];
}

/** Working days counted from the plan's start, reaching past its end when a unit needs more. */
class WorkingDays {
  private readonly days: DayNumber[] = [];
  private next: DayNumber;
  constructor(private readonly cal: WorkCalendar, start: DayNumber, private readonly horizon: DayNumber) {
    this.next = start;
  }
  /** The n-th (1-based) working day from the start, or null when it lies beyond the horizon. */
  nth(n: number): DayNumber | null {
    while (this.days.length < n && this.next <= this.horizon) {
      if (this.cal.isWorkingDay(this.next)) this.days.push(this.next);
      this.next++;
    }
    return n <= this.days.length ? this.days[n - 1] : null;
  }
}

/** How far past the end a finish date is still worth projecting. */
const PROJECTION_DAYS = 10 * 366;

/**
 * Splits what each unit has left into integer targets per period and register. Pure and deterministic:
 * the same units and settings always give the same plan, and each row's targets plus its unscheduled
 * records sum exactly to its remaining records.
 */
export function planUnits(units: readonly Unit[], present: readonly string[], settings: PlanSettings): Plan {
  const cal = makeCalendar(settings.calendar);
  const flags = workingDayFlags(cal, settings.start, settings.end);
  const periods = makePeriods(settings.start, settings.end, settings.granularity, flags);
  const registers = priorityOrder(present, settings.priority);
  const P = periods.length;

  const rows: PlanRow[] = [];
  units.forEach((unit, unitIndex) => {
    for (const register of registers) {
      const remaining = unit.counts.get(register);
      if (remaining !== undefined) rows.push({ unitIndex, register, remaining, unscheduled: 0, finish: null });
    }
  });

  const targets = new Int32Array(rows.length * P);
  const ctx = new PlanContext(settings, periods, cal);
  const problems: Problem[] = [];
  if (ctx.totalWorkingDays === 0 && rows.some((r) => r.remaining > 0)) {
    problems.push(problem('error', 'no-working-day', null, null,
      `Không có ngày làm việc nào từ ${formatVN(settings.start)} đến ${formatVN(settings.end)} theo lịch đã chọn.`,
      `There is no working day from ${formatVN(settings.start)} to ${formatVN(settings.end)} on the chosen calendar.`));
  }

  // Rows of one unit are contiguous: plan unit by unit.
  for (let first = 0; first < rows.length; ) {
    let last = first;
    while (last + 1 < rows.length && rows[last + 1].unitIndex === rows[first].unitIndex) last++;
    const unit = units[rows[first].unitIndex];
    const unitRows = rows.slice(first, last + 1);
    if (settings.method === 'even' || settings.method === 'workdays') {
      unitRows.forEach((row, k) => ctx.splitRow(row.remaining, targets, (first + k) * P));
    } else {
      ctx.fillInPriority(unit, unitRows, targets, first * P);
    }
    if (settings.method === 'capacity') {
      const p = ctx.capacityProblem(unit, unitRows);
      if (p) problems.push(p);
    } else {
      unitRows.forEach((row, k) => (row.finish = ctx.lastTargetDay(targets, (first + k) * P)));
      const p = ctx.overCapacityProblem(unit, targets, first * P, unitRows.length);
      if (p) problems.push(p);
    }
    first = last + 1;
  }
  return { settings, units, periods, registers, rows, targets, problems };
}

/** What every row of a plan shares: period weights, cumulative working days, scratch space. */
class PlanContext {
  readonly totalWorkingDays: number;
  private readonly active: Uint8Array;
  private readonly activeCount: number;
  private readonly classes: WeightClasses;
  /** Working days from the start through the end of each period. */
  private readonly cumulativeDays: Float64Array;
  private readonly lastWorkingDay: Int32Array;
  private readonly budget: Int32Array;
  private readonly workingDays: WorkingDays;

  constructor(private readonly settings: PlanSettings, private readonly periods: Period[], cal: WorkCalendar) {
    const P = periods.length;
    this.active = new Uint8Array(P);
    const weights = new Int32Array(P);
    this.budget = new Int32Array(P);
    this.cumulativeDays = new Float64Array(P);
    this.lastWorkingDay = new Int32Array(P);
    let total = 0;
    let activeCount = 0;
    periods.forEach((p, i) => {
      weights[i] = p.workingDays;
      this.active[i] = p.workingDays > 0 ? 1 : 0;
      activeCount += this.active[i];
      total += p.workingDays;
      this.cumulativeDays[i] = total;
    });
    this.totalWorkingDays = total;
    this.classes = weightClasses(weights);
    this.activeCount = activeCount;
    this.workingDays = new WorkingDays(cal, settings.start, settings.end + PROJECTION_DAYS);
    periods.forEach((p, i) => {
      let d = p.end;
      while (d >= p.start && p.workingDays > 0 && !cal.isWorkingDay(d)) d--;
      this.lastWorkingDay[i] = p.workingDays > 0 ? d : -1;
    });
  }

  /** even: equal shares over periods with a working day; workdays: shares in proportion to working days. */
  splitRow(total: number, out: Int32Array, offset: number): void {
    if (this.settings.method === 'workdays') {
      splitWeighted(total, this.classes, out, offset);
    } else {
      splitEven(total, this.active, out, offset, this.activeCount);
    }
  }

  /**
   * priority and capacity: the unit gets a cumulative budget per period, and its registers fill it in
   * priority order, so a register starts only once the ones before it are done.
   */
  fillInPriority(unit: Unit, rows: PlanRow[], out: Int32Array, offset: number): void {
    const P = this.periods.length;
    const total = rows.reduce((s, r) => s + r.remaining, 0);
    const budget = this.budget;
    if (this.settings.method === 'capacity') {
      const perDay = dailyQuota(unit, this.settings);
      for (let k = 0; k < P; k++) budget[k] = Math.min(total, perDay * this.cumulativeDays[k]);
    } else {
      splitEven(total, this.active, budget, 0, this.activeCount);
      for (let k = 1; k < P; k++) budget[k] += budget[k - 1];
    }
    let before = 0;
    rows.forEach((row, r) => {
      const base = offset + r * P;
      let done = 0;
      for (let k = 0; k < P; k++) {
        const cumulative = Math.max(0, Math.min(row.remaining, budget[k] - before));
        out[base + k] = cumulative - done;
        done = cumulative;
      }
      row.unscheduled = row.remaining - done;
      if (this.settings.method === 'capacity') row.finish = this.capacityFinish(unit, before + row.remaining, row.remaining);
      before += row.remaining;
    });
  }

  /** The working day on which a unit at full capacity has done `through` records. */
  private capacityFinish(unit: Unit, through: number, amount: number): DayNumber | null {
    const perDay = dailyQuota(unit, this.settings);
    if (amount === 0 || perDay === 0) return null;
    return this.workingDays.nth(Math.ceil(through / perDay));
  }

  /** Machines that would finish `total` records in the plan's working days. */
  private machinesNeeded(total: number, workingDays: number): number {
    return Math.ceil(total / (this.settings.rate * workingDays));
  }

  capacityProblem(unit: Unit, rows: PlanRow[]): Problem | null {
    const unscheduled = rows.reduce((s, r) => s + r.unscheduled, 0);
    if (unscheduled === 0) return null;
    const total = rows.reduce((s, r) => s + r.remaining, 0);
    const machines = unit.machines ?? this.settings.defaultMachines;
    const finish = this.capacityFinish(unit, total, total);
    const end = formatVN(this.settings.end);
    const need = this.totalWorkingDays > 0 ? this.machinesNeeded(total, this.totalWorkingDays) : null;
    const wouldVi = finish === null ? 'không có ngày hoàn thành dự kiến' : `dự kiến xong ngày ${formatVN(finish)}`;
    const wouldEn = finish === null ? 'it has no foreseeable finish date' : `it would finish on ${formatVN(finish)}`;
    const needVi = need === null ? '' : `; cần ${need} máy để kịp hạn`;
    const needEn = need === null ? '' : `; it needs ${need} machine${need === 1 ? '' : 's'} to finish on time`;
    return problem('warning', 'cannot-finish', unit.cell, unit.name,
      `${unit.name}${codeNote(unit.code, 'vi')} không thể hoàn thành trước ${end}: với ${machines} máy, ${wouldVi}; còn ${formatCount(unscheduled, 'vi')} trường hợp chưa xếp lịch${needVi}.`,
      `${unit.name}${codeNote(unit.code, 'en')} cannot finish by ${end}: with ${machines} machine${machines === 1 ? '' : 's'} ${wouldEn}; ${formatCount(unscheduled, 'en')} records are left unscheduled${needEn}.`);
  }

  /**
   * For even, workdays and priority plans: a unit whose machines cannot do a period's targets is warned about,
   * its machines being those of its row or, when the sheet gives none, the default (said so in the warning).
   */
  overCapacityProblem(unit: Unit, out: Int32Array, offset: number, rowCount: number): Problem | null {
    const P = this.periods.length;
    let worst = -1;
    let worstLoad = 0;
    let need = 0;
    for (let k = 0; k < P; k++) {
      const wd = this.periods[k].workingDays;
      if (wd === 0) continue;
      let load = 0;
      for (let r = 0; r < rowCount; r++) load += out[offset + r * P + k];
      const machines = this.machinesNeeded(load, wd);
      if (machines > need) {
        need = machines;
        worst = k;
        worstLoad = load;
      }
    }
    const machines = unit.machines ?? this.settings.defaultMachines;
    if (worst < 0 || need <= machines) return null;
    const p = this.periods[worst];
    const span = `${formatVN(p.start)}–${formatVN(p.end)}`;
    const byDefault = unit.machines === null ? { vi: ' (số máy mặc định)', en: ' (the default)' } : { vi: '', en: '' };
    return problem('warning', 'over-capacity', unit.cell, unit.name,
      `${unit.name}${codeNote(unit.code, 'vi')}: chỉ tiêu ${span} là ${formatCount(worstLoad, 'vi')} trường hợp trong ${p.workingDays} ngày làm việc, vượt năng lực của ${machines} máy${byDefault.vi} × ${this.settings.rate} trường hợp/ngày; cần ${need} máy.`,
      `${unit.name}${codeNote(unit.code, 'en')}: the ${span} target of ${formatCount(worstLoad, 'en')} records in ${p.workingDays} working days exceeds what ${machines} machine${machines === 1 ? '' : 's'}${byDefault.en} × ${this.settings.rate} records/day can do; it needs ${need} machine${need === 1 ? '' : 's'}.`);
  }

  /** The last working day of the last period that has a target in a row. */
  lastTargetDay(out: Int32Array, offset: number): DayNumber | null {
    for (let k = this.periods.length - 1; k >= 0; k--) {
      if (out[offset + k] > 0) return this.lastWorkingDay[k];
    }
    return null;
  }
}
