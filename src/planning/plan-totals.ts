import { Plan } from './plan';

/** What a plan adds up to: the figures the CLI summary and the pane's preview both show. */
export interface PlanTotals {
  /** Targets of every row together, one per period. */
  perPeriod: number[];
  workingDays: number;
  /** Records to digitize at the start. */
  remaining: number;
  /** Records that do not fit before the end (capacity method only). */
  unscheduled: number;
}

export function planTotals(plan: Plan): PlanTotals {
  const P = plan.periods.length;
  const perPeriod = new Array<number>(P).fill(0);
  const { targets } = plan;
  for (let base = 0; base < targets.length; base += P) {
    for (let k = 0; k < P; k++) perPeriod[k] += targets[base + k];
  }
  return {
    perPeriod,
    workingDays: plan.periods.reduce((s, p) => s + p.workingDays, 0),
    remaining: plan.rows.reduce((s, r) => s + r.remaining, 0),
    unscheduled: plan.rows.reduce((s, r) => s + r.unscheduled, 0),
  };
}
