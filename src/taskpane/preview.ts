import { Granularity, Period } from '../planning/periods';
import { Plan } from '../planning/plan';
import { planTotals } from '../planning/plan-totals';
import { Problem } from '../planning/problems';

/** What the preview shows: all units' targets per period, who cannot finish, and the plan's other warnings. */
export interface PreviewModel {
  granularity: Granularity;
  periods: (Period & { target: number })[];
  workingDays: number;
  /** What the periods add up to: the records remaining less the unscheduled. */
  total: number;
  unscheduled: number;
  /** The planner's `cannot-finish` warnings: the unit, its cell, the date it would finish and the machines it needs. */
  cannotFinish: Problem[];
  warnings: Problem[];
}

export function previewModel(plan: Plan): PreviewModel {
  const totals = planTotals(plan);
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  return {
    granularity: plan.settings.granularity,
    periods: plan.periods.map((p, k) => ({ ...p, target: totals.perPeriod[k] })),
    workingDays: totals.workingDays,
    total: totals.remaining - totals.unscheduled,
    unscheduled: totals.unscheduled,
    cannotFinish: warnings.filter((p) => p.code === 'cannot-finish'),
    warnings: warnings.filter((p) => p.code !== 'cannot-finish'),
  };
}
