import { Plan } from './plan';
import { Stage, finalStage, isFinalRow } from './stages';

/** What some rows add up to: records to digitize (books for a books stage), not fitted before the end, targets per period. */
export interface Totals {
  remaining: number;
  unscheduled: number;
  perPeriod: number[];
}

/** One stage's figures: records (books for a books stage) of every unit and register together. */
export interface StageTotals extends Totals {
  stage: Stage;
}

/** What a plan adds up to: the figures the CLI summary, the pane's preview and the forms all show. */
export interface PlanTotals {
  /** Targets of every row together, one per period (with stages: the final stage's, the records finished). */
  perPeriod: number[];
  workingDays: number;
  /** Records to digitize at the start (with stages: the final stage's). */
  remaining: number;
  /** Records that do not fit before the end (with stages: the final stage's). */
  unscheduled: number;
  /** Each stage's figures, in the stages' order; empty without stages. */
  byStage: StageTotals[];
}

const empty = (P: number): Totals => ({ remaining: 0, unscheduled: 0, perPeriod: new Array<number>(P).fill(0) });

function add(plan: Plan, into: Totals, r: number): void {
  const P = plan.periods.length;
  const row = plan.rows[r];
  into.remaining += row.remaining;
  into.unscheduled += row.unscheduled;
  for (let k = 0; k < P; k++) into.perPeriod[k] += plan.targets[r * P + k];
}

export function planTotals(plan: Plan): PlanTotals {
  const P = plan.periods.length;
  const stages = plan.settings.stages ?? [];
  const byStage: StageTotals[] = stages.map((stage) => ({ stage, ...empty(P) }));
  const all = empty(P);
  plan.rows.forEach((row, i) => add(plan, stages.length > 0 ? byStage[row.stage ?? 0] : all, i));
  const finished = stages.length > 0 ? byStage[finalStage(stages)] : all;
  return {
    perPeriod: [...finished.perPeriod],
    workingDays: plan.periods.reduce((s, p) => s + p.workingDays, 0),
    remaining: finished.remaining,
    unscheduled: finished.unscheduled,
    byStage,
  };
}

/**
 * What a group of rows (a district's, a unit's) adds up to, as the plan's totals count: with stages, the
 * final stage's rows only (a record counts once, when it is finished).
 */
export function groupTotals(plan: Plan, rows: Iterable<number>): Totals {
  const totals = empty(plan.periods.length);
  for (const r of rows) if (isFinalRow(plan, plan.rows[r])) add(plan, totals, r);
  return totals;
}
