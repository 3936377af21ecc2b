/**
 * Re-splitting a plan when its deadline moves: what was planned for days already past stays as it was
 * written (the forms hold those targets and the actuals typed against them), and what is left after the
 * actuals is split again over the days that remain, with the plan's own methods (planUnits; planStages for
 * a plan with workflow stages, each stage in its own window and never ahead of the one before it).
 */
import { splitEven } from './apportion';
import { WorkCalendar, makeCalendar, workingDayFlags } from './calendar';
import { DayNumber, formatVN } from './days';
import { Period, makePeriods } from './periods';
import { Plan, PlanRow, planUnits } from './plan';
import { Problem, problem } from './problems';
import { registerLabel } from './registers';
import { Method, PlanSettings, isWholeNumber, windowProblem } from './settings';
import { StageDemand, planStages } from './stage-plan';
import { Stage, finalStage, predecessorOf, stageLabel, stagesProblem } from './stages';
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
  /**
   * A staged plan's stages from now on: the plan's own stages (same keys, order and units) with new windows
   * or lags, none starting before the plan's start or ending after `end`; a stage given without a label
   * keeps the plan's. Absent: each stage keeps its window, except that every stage that ended after the new
   * end, on the old end, or by the as-of date ends on the new end (see `resplitStages`).
   */
  stages?: readonly Stage[];
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

/** A stage as messages name it: `«Quét sổ»`, `"Scan"`. */
export const quotedStage = (stage: Pick<Stage, 'key' | 'label'>, lang: 'vi' | 'en'): string =>
  lang === 'vi' ? `«${stageLabel(stage, 'vi')}»` : `"${stageLabel(stage, 'en')}"`;

/**
 * A plan row as messages name it: the unit and register (`Xã Nha Bích, Khai sinh`), then its stage in a
 * plan with stages (`Xã Nha Bích, Khai sinh, «Nhập liệu»`); a books stage's row has no register.
 */
export function rowLabel(plan: Plan, r: number, lang: 'vi' | 'en'): string {
  const row = plan.rows[r];
  const unit = unitLabel(plan.units[row.unitIndex], lang);
  const stage = row.stage === undefined ? undefined : plan.settings.stages?.[row.stage];
  if (!stage) return `${unit}, ${registerLabel(row.register, lang)}`;
  return stage.unit === 'books' ? `${unit}, ${quotedStage(stage, lang)}` : `${unit}, ${registerLabel(row.register, lang)}, ${quotedStage(stage, lang)}`;
}

/** What a plan row counts, as messages say it: records, or books for a books stage. */
export function rowNoun(plan: Plan, r: number, lang: 'vi' | 'en'): string {
  const stage = plan.rows[r].stage;
  const books = stage !== undefined && plan.settings.stages?.[stage]?.unit === 'books';
  return books ? (lang === 'vi' ? 'quyển sổ' : 'books') : lang === 'vi' ? 'trường hợp' : 'records';
}

/**
 * Re-splits what each row has left after its actuals over asOf+1 … changes.end. Pure and deterministic.
 * For every row r of the result, with `cur` the actual typed in the firstOpen period when that period began
 * on or before asOf (0 otherwise):
 *   Σ targets[r, firstOpen …] − cur + rows[r].unscheduled = rows[r].remaining = max(0, old remaining − done[r]),
 * and the targets of periods before firstOpen are the old plan's, unchanged.
 *
 * A plan with stages is re-split row by row (unit, register, stage) the same way, each stage over what is
 * left of its window (`resplitStages`): what its predecessor has already done beyond it is free to do from
 * the first open day, the rest waits for the predecessor's new targets (and lag), so without held targets no
 * stage plans more done, actuals included, than the one before it by any day, unless its actuals already
 * were. A stage given a window that ended by asOf plans nothing: what it has left is unscheduled, with a warning.
 * Held targets are the planner's: they are kept even where they run ahead of the previous stage.
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
  const staging = resplitStages(old, changes.stages, end, asOf);
  problems.push(...staging.problems);
  const stages = staging.stages;
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
    const said = () => [rowLabel(old, r, 'vi'), rowLabel(old, r, 'en'), rowNoun(old, r, 'vi'), rowNoun(old, r, 'en')];
    if (midPeriod && firstOpen < oldP) current[r] = actuals[r * oldP + firstOpen] ?? 0;
    if (late[r] > 0) {
      const [vi, en, nounVi, nounEn] = said();
      problems.push(problem('warning', 'actual-after-as-of', u.cell, u.name,
        `${vi}: ${formatCount(late[r], 'vi')} ${nounVi} nhập ở các kỳ sau ${formatVN(asOf)} không được tính vào số đã làm.`,
        `${en}: ${formatCount(late[r], 'en')} ${nounEn} typed in periods after ${formatVN(asOf)} are not counted as done.`));
    }
    left[r] = row.remaining - done[r];
    if (left[r] < 0) {
      const [vi, en, nounVi, nounEn] = said();
      problems.push(problem('warning', 'done-exceeds-remaining', u.cell, u.name,
        `${vi}: đã làm ${formatCount(done[r], 'vi')}, nhiều hơn ${formatCount(row.remaining, 'vi')} ${nounVi} cần ${row.stage === undefined ? 'số hóa' : 'làm'}; còn lại tính là 0.`,
        `${en}: ${formatCount(done[r], 'en')} done is more than the ${formatCount(row.remaining, 'en')} ${nounEn} to ${row.stage === undefined ? 'digitize' : 'do'}; nothing is left.`));
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
    const sources = input.heldSource ? ks.map((k) => input.heldSource!(r, k)) : [];
    const cells = sources.map((s) => s.cell);
    const fixes = (lang: 'vi' | 'en'): string => [...new Set(sources.map((s) => s.fix[lang]))].map((f) => ` ${f}`).join('');
    return {
      u,
      cell: cells[0] ?? u.cell,
      vi: rowLabel(old, r, 'vi'),
      en: rowLabel(old, r, 'en'),
      noun: { vi: rowNoun(old, r, 'vi'), en: rowNoun(old, r, 'en') },
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
        `${a.vi}: chỉ tiêu giữ nguyên ${formatCount(value, 'vi')} của kỳ hiện tại ${span(k)}${a.at.vi} thấp hơn ${formatCount(current[r], 'vi')} ${a.noun.vi} đã làm trong kỳ; ` +
          `chỉ tiêu giữ nguyên là cả chỉ tiêu của kỳ nên phải ít nhất ${formatCount(current[r], 'vi')}.`,
        `${a.en}: the held target ${formatCount(value, 'en')} of the current period ${span(k)}${a.at.en} is below the ${formatCount(current[r], 'en')} ${a.noun.en} already done in it; ` +
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
      `${a.vi}: chỉ tiêu giữ nguyên${a.at.vi} (trừ số đã làm trong kỳ hiện tại) là ${formatCount(heldFuture[r], 'vi')}, nhiều hơn ${formatCount(left[r], 'vi')} ${a.noun.vi} còn lại.`,
      `${a.en}: the held targets${a.at.en} (less what was done in the current period) come to ${formatCount(heldFuture[r], 'en')}, more than the ${formatCount(left[r], 'en')} ${a.noun.en} left.`);
  });
  if (problems.some((p) => p.severity === 'error')) return refuse();

  // ---- the re-split itself: planUnits (planStages) over the open days, with what is left less the held amounts ----
  const units: Unit[] = old.units.map((u, ui) => ({ ...u, machines: machines.get(ui) ?? u.machines, counts: new Map<string, number>() }));
  const settings: PlanSettings = { ...old.settings, end, method: changes.method ?? old.settings.method, rate, ...(stages ? { stages } : {}) };
  // Old rows by stage, unit and register (numbers, not strings: a national plan has hundreds of thousands).
  const registerIndex = new Map<string, number>();
  for (const row of old.rows) if (!registerIndex.has(row.register)) registerIndex.set(row.register, registerIndex.size);
  const [G, U] = [registerIndex.size, old.units.length];
  const rowAt = new Int32Array(Math.max(1, stages?.length ?? 1) * U * G).fill(-1);
  const slot = (stage: number, unitIndex: number, register: string): number => {
    const g = registerIndex.get(register);
    return g === undefined || unitIndex < 0 || unitIndex >= U ? -1 : (stage * U + unitIndex) * G + g;
  };
  const at = (stage: number, unitIndex: number, register: string): number | undefined => {
    const i = slot(stage, unitIndex, register);
    return i < 0 || rowAt[i] < 0 ? undefined : rowAt[i];
  };
  old.rows.forEach((row, r) => (rowAt[slot(row.stage ?? 0, row.unitIndex, row.register)] = r));
  let sub: Plan;
  if (stages) {
    const demand: StageDemand = {
      count: (stage, unitIndex, register) => {
        const r = at(stage, unitIndex, register);
        return r === undefined ? undefined : left[r] - heldFuture[r];
      },
      // What the previous stage has done beyond this one is there to work on from the first open day.
      head: (stage, unitIndex, register) => {
        const r = at(stage, unitIndex, register);
        const p = predecessorOf(stages, stage);
        const pr = p < 0 ? undefined : at(p, unitIndex, register);
        return r === undefined || pr === undefined ? 0 : Math.max(0, done[pr] - done[r]);
      },
    };
    sub = planStages(units, old.registers, { ...settings, start: openStart }, demand);
  } else {
    old.rows.forEach((row, r) => units[row.unitIndex].counts.set(row.register, left[r] - heldFuture[r]));
    sub = planUnits(units, old.registers, { ...settings, start: openStart });
  }
  if (sub.problems.some((p) => p.severity === 'error')) { // no working day is left to plan on (in a stage's window)
    problems.push(...sub.problems);
    return refuse();
  }
  const S = sub.periods.length;
  // The sub-plan's row of each old row: the same unit, register and stage.
  const subRowOf = new Int32Array(R).fill(-1);
  sub.rows.forEach((row, i) => {
    const r = at(row.stage ?? 0, row.unitIndex, row.register);
    if (r !== undefined) subRowOf[r] = i;
  });
  if (sub.rows.length !== R || subRowOf.some((i) => i < 0)) throw new Error('replan: sub-plan rows are not the plan\'s');
  // Each sub-plan period lies inside the new period holding its start: only the first may be partial.
  const into = new Int32Array(S);
  for (let i = 0, k = firstOpen; i < S; i++) {
    while (periods[k].end < sub.periods[i].start) k++;
    into[i] = k;
  }

  // Working days left in each open period (the current one counts only the days after asOf), inside a
  // window: the plan's, or a stage's, where that stage's held targets move what they displace.
  const windows = (stages ?? [{ start, end }]).map((w) => ({ start: Math.max(openStart, w.start), end: Math.min(end, w.end) }));
  const openDays = windows.map((w) => {
    const days = new Int32Array(P);
    for (let k = firstOpen; k < P; k++) {
      for (let d = Math.max(periods[k].start, w.start); d <= Math.min(periods[k].end, w.end); d++) if (cal.isWorkingDay(d)) days[k]++;
    }
    return days;
  });

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
    const heldCount = heldPeriods[r].length;
    let activeCount = 0;
    if (heldCount > 0) {
      // What the sub-plan put in held periods moves evenly onto the row's other open working periods (of its stage).
      const days = stages ? openDays[stage!] : openDays[0];
      let moved = 0;
      for (let k = firstOpen; k < P; k++) {
        const held = heldAt.has(base + k);
        if (held) moved += targets[base + k];
        if (held) targets[base + k] = 0;
        active[k] = !held && days[k] > 0 ? 1 : 0;
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
      if (unscheduled === 0) finish = lastTargetDay(targets, base, periods, firstOpen, cal, window);
    }
    // Every open period (of the row's stage) is held: nothing the held targets leave over has anywhere to go.
    const allHeld = stages ? heldCount > 0 && activeCount === 0 : heldCount > 0 && heldCount === P - firstOpen;
    if (allHeld && heldFuture[r] !== left[r]) {
      const a = about(r, heldPeriods[r]);
      heldProblem('warning', 'held-not-remaining', a,
        `${a.vi}: mọi kỳ còn lại đều giữ nguyên chỉ tiêu${a.at.vi}, tổng ${formatCount(heldFuture[r], 'vi')} (trừ số đã làm trong kỳ hiện tại) khác ${formatCount(left[r], 'vi')} ${a.noun.vi} còn lại.`,
        `${a.en}: every open period is held${a.at.en}, and the held targets (less what was done in the current period) come to ${formatCount(heldFuture[r], 'en')}, not the ${formatCount(left[r], 'en')} ${a.noun.en} left.`);
    }
    const row: PlanRow = { unitIndex: old.rows[r].unitIndex, register: old.rows[r].register, remaining: left[r], unscheduled, finish };
    rows.push(stage === undefined ? row : { ...row, stage });
  }

  // The new plan's units say what is left now, so its totals agree with its rows: with stages, what the last
  // stage has left (a record is digitized when its last stage is done), and the books stage's books.
  const last = finalStage(stages);
  old.rows.forEach((row, r) => {
    if (!stages || row.stage === last) units[row.unitIndex].counts.set(row.register, left[r]);
    else if (stages[row.stage!].unit === 'books') units[row.unitIndex].books = left[r];
  });
  problems.push(...sub.problems);
  const plan: Plan = { settings, units, periods, registers: old.registers, rows, targets, problems };
  return { plan, done, firstOpen, problems };
}

/**
 * The stages of a re-split plan (undefined for a plan without stages).
 *
 * Given (`ReplanChanges.stages`): they must be the plan's own stages (same keys, in the same order, each
 * counting what it counted), with their new windows and lags, none starting before the plan's start or
 * ending after the new end; a stage given without a label keeps the plan's label.
 *
 * Not given: every stage keeps its window, except that a stage that ended after the new end, on the old
 * plan end (it ran to the deadline), or by the as-of date (its deadline has passed: what it has left, and every
 * stage after it, would otherwise stay unscheduled) now ends on the new end. So a later deadline extends the
 * stages that ran to the old one or fell behind and leaves the other stage deadlines as they were; an earlier
 * one cuts every stage down to it. A stage that would then start after the new end is refused: it needs a
 * window given.
 */
export function resplitStages(old: Plan, given: readonly Stage[] | undefined, end: DayNumber, asOf: DayNumber): { stages: Stage[] | undefined; problems: Problem[] } {
  const before = old.settings.stages ?? [];
  const problems: Problem[] = [];
  const refuse = (code: string, vi: string, en: string): { stages: undefined; problems: Problem[] } => {
    problems.push(problem('error', code, null, null, vi, en));
    return { stages: undefined, problems };
  };
  if (before.length === 0) {
    if (given === undefined) return { stages: undefined, problems };
    return refuse('stages-not-in-plan',
      'Kế hoạch này không chia theo giai đoạn nên không có thời gian giai đoạn nào để đặt lại.',
      'This plan has no workflow stages, so there are no stage windows to change.');
  }
  const q = quotedStage;
  if (given === undefined) {
    const stages = before.map((s) => (s.end > end || s.end === old.settings.end || s.end <= asOf ? { ...s, end } : { ...s }));
    for (const s of stages) {
      if (s.start <= s.end) continue;
      problems.push(problem('error', 'stage-starts-after-end', null, null,
        `Giai đoạn ${q(s, 'vi')} bắt đầu ${formatVN(s.start)}, sau hạn mới ${formatVN(end)}: hãy cho các giai đoạn thời gian mới.`,
        `The stage ${q(s, 'en')} starts on ${formatVN(s.start)}, after the new end ${formatVN(end)}: give the stages new windows.`));
    }
    return problems.length > 0 ? { stages: undefined, problems } : { stages, problems };
  }

  const list = (lang: 'vi' | 'en'): string => before.map((s) => stageLabel(s, lang)).join(', ');
  const keep = { vi: `khi chia lại, các giai đoạn vẫn là của kế hoạch (${list('vi')}), theo thứ tự đó; chỉ thời gian và độ trễ của chúng đổi được.`, en: `a re-split keeps the plan's stages (${list('en')}) in that order; only their windows and lags change.` };
  const unitName = (s: Stage, lang: 'vi' | 'en'): string => (s.unit === 'books' ? (lang === 'vi' ? 'quyển sổ' : 'books') : lang === 'vi' ? 'trường hợp' : 'records');
  for (let i = 0; i < Math.max(before.length, given.length); i++) {
    const o = before[i];
    const n = given[i];
    if (!n) {
      return refuse('stage-mismatch', `Thiếu giai đoạn ${q(o, 'vi')} (thứ ${i + 1}): ${keep.vi}`, `The stage ${q(o, 'en')} (stage ${i + 1}) is missing: ${keep.en}`);
    }
    if (!o) {
      return refuse('stage-mismatch', `Giai đoạn ${q(n, 'vi')} không có trong kế hoạch: ${keep.vi}`, `The stage ${q(n, 'en')} is not one of the plan's: ${keep.en}`);
    }
    if (n.key !== o.key) {
      return refuse('stage-mismatch',
        `Giai đoạn thứ ${i + 1} là ${q(n, 'vi')}, nhưng của kế hoạch là ${q(o, 'vi')}: ${keep.vi}`,
        `Stage ${i + 1} is ${q(n, 'en')}, but the plan's is ${q(o, 'en')}: ${keep.en}`);
    }
    if (n.unit !== o.unit) {
      return refuse('stage-mismatch',
        `Giai đoạn ${q(o, 'vi')} của kế hoạch tính theo ${unitName(o, 'vi')}; khi chia lại không đổi thành tính theo ${unitName(n, 'vi')} được.`,
        `The stage ${q(o, 'en')} counts ${unitName(o, 'en')} in the plan; a re-split cannot make it count ${unitName(n, 'en')}.`);
    }
  }
  const stages = given.map((n, i) => ({ ...n, label: n.label ?? before[i].label }));
  const wrong = stagesProblem(stages);
  if (wrong) return refuse('bad-stages', wrong.vi, wrong.en);
  for (const s of stages) {
    if (s.start < old.settings.start) {
      problems.push(problem('error', 'stage-before-start', null, null,
        `Giai đoạn ${q(s, 'vi')} bắt đầu ${formatVN(s.start)}, trước ngày bắt đầu ${formatVN(old.settings.start)} của kế hoạch.`,
        `The stage ${q(s, 'en')} starts on ${formatVN(s.start)}, before the plan's start on ${formatVN(old.settings.start)}.`));
    }
    if (s.end > end) {
      problems.push(problem('error', 'stage-after-end', null, null,
        `Giai đoạn ${q(s, 'vi')} kết thúc ${formatVN(s.end)}, sau hạn mới ${formatVN(end)} của kế hoạch.`,
        `The stage ${q(s, 'en')} ends on ${formatVN(s.end)}, after the plan's new end ${formatVN(end)}.`));
    }
  }
  return problems.length > 0 ? { stages: undefined, problems } : { stages, problems };
}

/**
 * The last working day of the last open period with a target in a row, inside the row's window (its stage's)
 * when the period has a working day there (null when it has no target).
 */
function lastTargetDay(targets: Int32Array, base: number, periods: Period[], from: number, cal: WorkCalendar, w: { start: DayNumber; end: DayNumber }): DayNumber | null {
  for (let k = periods.length - 1; k >= from; k--) {
    if (targets[base + k] === 0) continue;
    for (let d = Math.min(periods[k].end, w.end); d >= Math.max(periods[k].start, w.start); d--) if (cal.isWorkingDay(d)) return d;
    for (let d = periods[k].end; d >= periods[k].start; d--) if (cal.isWorkingDay(d)) return d;
  }
  return null;
}
