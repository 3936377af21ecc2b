import { Plan } from './plan';
import { Stage, finalStage } from './stages';

/** One stage's figures: records (books for a books stage) of every unit and register together. */
export interface StageTotals {
  stage: Stage;
  remaining: number;
  unscheduled: number;
  perPeriod: number[];
}

/** What a plan adds up to: the figures the CLI summary and the pane's preview both show. */
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

export function planTotals(plan: Plan): PlanTotals {
  const P = plan.periods.length;
  const stages = plan.settings.stages ?? [];
  const { targets } = plan;
  const byStage: StageTotals[] = stages.map((stage) => ({ stage, remaining: 0, unscheduled: 0, perPeriod: new Array<number>(P).fill(0) }));
  const all: Omit<StageTotals, 'stage'> = { remaining: 0, unscheduled: 0, perPeriod: new Array<number>(P).fill(0) };
  plan.rows.forEach((row, i) => {
    const into = stages.length > 0 ? byStage[row.stage ?? 0] : all;
    into.remaining += row.remaining;
    into.unscheduled += row.unscheduled;
    for (let k = 0; k < P; k++) into.perPeriod[k] += targets[i * P + k];
  });
  const finished = stages.length > 0 ? byStage[finalStage(stages)] : all;
  return {
    perPeriod: [...finished.perPeriod],
    workingDays: plan.periods.reduce((s, p) => s + p.workingDays, 0),
    remaining: finished.remaining,
    unscheduled: finished.unscheduled,
    byStage,
  };
}
