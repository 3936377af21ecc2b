import { makeCalendar } from '../../src/planning/calendar';
import { DayNumber, formatVN } from '../../src/planning/days';
import { Plan } from '../../src/planning/plan';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Stage, parseStages, predecessorOf, stagesWindow } from '../../src/planning/stages';

/** Stages as `--stages` spells them; throws on a spelling the test did not mean to refuse. */
export function stagesOf(text: string, start?: DayNumber): Stage[] {
  const parsed = parseStages(text, start);
  if ('error' in parsed) throw new Error(parsed.error.en);
  return parsed.stages;
}

/** Daily settings over the stages' window (unless `extra` says otherwise), with the stages. */
export function stagedSettings(stages: Stage[], extra: Partial<PlanSettings> = {}): PlanSettings {
  const { start, end } = stagesWindow(stages);
  return { ...defaultSettings(start, end), granularity: 'day', ...extra, stages };
}

/** What a brute-force check counts of a plan: by default its targets from the first period and day. */
export interface RunAheadView {
  /** The first day checked. */
  from?: DayNumber;
  /** The first period whose targets count. */
  firstPeriod?: number;
  /** Records a row has done before those periods (a re-split's actuals). */
  base?: (row: number) => number;
  /** The target of row r in period k. */
  target?: (row: number, period: number) => number;
}

/**
 * Every stage row checked against its predecessor on every day: what a row has due by a day (its base plus
 * the targets of the periods whose last working day inside its stage window is on or before it, the
 * predecessor's `lag` working days later) never passes its predecessor's. The first day one runs ahead, or null.
 */
export function firstRunAhead(plan: Plan, view: RunAheadView = {}): string | null {
  const stages = plan.settings.stages!;
  const cal = makeCalendar(plan.settings.calendar);
  const P = plan.periods.length;
  const { from = plan.settings.start, firstPeriod = 0, base = () => 0, target = (r, k) => plan.targets[r * P + k] } = view;
  const dueBy = (r: number, day: DayNumber, lag: number): number => {
    const stage = stages[plan.rows[r].stage!];
    let sum = base(r);
    for (let k = firstPeriod; k < P; k++) {
      const t = target(r, k);
      if (t === 0) continue;
      let last = Math.min(plan.periods[k].end, stage.end);
      while (!cal.isWorkingDay(last)) last--;
      for (let n = 0; n < lag; ) if (cal.isWorkingDay(++last)) n++;
      if (last <= day) sum += t;
    }
    return sum;
  };
  const byKey = new Map(plan.rows.map((r, i) => [`${r.stage}/${r.unitIndex}/${r.register}`, i]));
  for (const [i, row] of plan.rows.entries()) {
    const p = predecessorOf(stages, row.stage!);
    if (p < 0) continue;
    const pred = byKey.get(`${p}/${row.unitIndex}/${row.register}`)!;
    for (let day = from; day <= plan.settings.end; day++) {
      const mine = dueBy(i, day, 0);
      const allowed = dueBy(pred, day, stages[row.stage!].lag);
      if (mine > allowed) return `row ${i} (${stages[row.stage!].key}) on ${formatVN(day)}: ${mine} > ${allowed}`;
    }
  }
  return null;
}
