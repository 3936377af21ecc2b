import { Granularity, Period } from '../../planning/periods';
import { Plan } from '../../planning/plan';
import { PlanTotals, StageTotals, planTotals } from '../../planning/plan-totals';
import { Problem } from '../../planning/problems';

/** One workflow stage of a plan, all units together (planTotals' `byStage`), with what its periods add up to. */
export interface StagePreview extends StageTotals {
  /** Remaining less unscheduled. */
  total: number;
}

/** What the preview shows: all units' targets per period, who cannot finish, and the plan's other warnings. */
export interface PreviewModel {
  granularity: Granularity;
  /** Per period, the targets of all units; with stages, of the last stage (a record is done when it is). */
  periods: (Period & { target: number })[];
  workingDays: number;
  /** What the periods add up to: the records remaining less the unscheduled (with stages, the last stage's). */
  total: number;
  unscheduled: number;
  /** The plan's stages in order, with their figures; null for a plan without stages. */
  stages: StagePreview[] | null;
  /** The planner's `cannot-finish` warnings: the unit, its cell, the date it would finish and the machines it needs. */
  cannotFinish: Problem[];
  warnings: Problem[];
}

/** Each stage's figures; null for a plan without stages. */
export function stagePreviews(plan: Plan, totals: PlanTotals = planTotals(plan)): StagePreview[] | null {
  if (totals.byStage.length === 0) return null;
  return totals.byStage.map((s) => ({ ...s, total: s.remaining - s.unscheduled }));
}

export function previewModel(plan: Plan): PreviewModel {
  // With stages, the totals are the last stage's: a record is digitized when it is done.
  const totals = planTotals(plan);
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  return {
    granularity: plan.settings.granularity,
    periods: plan.periods.map((p, k) => ({ ...p, target: totals.perPeriod[k] })),
    workingDays: totals.workingDays,
    total: totals.remaining - totals.unscheduled,
    unscheduled: totals.unscheduled,
    stages: stagePreviews(plan, totals),
    cannotFinish: warnings.filter((p) => p.code === 'cannot-finish'),
    warnings: warnings.filter((p) => p.code !== 'cannot-finish'),
  };
}
