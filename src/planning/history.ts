import { DayNumber } from './days';
import { Plan } from './plan';
import { planTotals } from './plan-totals';
import { Method } from './settings';

/** One line of Lịch sử kế hoạch: a plan as first made, or a re-split of it. */
export interface RevisionEntry {
  revision: number;
  /** The day it was made (null when not known). */
  made: DayNumber | null;
  /** Actuals counted up to this day (null for the first plan). */
  asOf: DayNumber | null;
  /** The end before this revision (null for the first plan). */
  oldEnd: DayNumber | null;
  end: DayNumber;
  method: Method;
  /**
   * Records to digitize, done by `asOf`, left after them, and not fitted before the end. `done` counts each
   * row's actuals only up to that row's records to digitize (a unit that did more than it had is not
   * counted beyond it), so `need − done = left` holds on every line.
   */
  need: number;
  done: number;
  left: number;
  unscheduled: number;
  /** Why: the decision that moved the deadline, typed by the planner. */
  note: string;
}

/** The first revision's line, for a plan just made: with stages, a record is digitized when its final stage is done. */
export function firstRevision(plan: Plan, made: DayNumber | null): RevisionEntry {
  const { remaining: need, unscheduled } = planTotals(plan);
  const s = plan.settings;
  return { revision: 1, made, asOf: null, oldEnd: null, end: s.end, method: s.method, need, done: 0, left: need, unscheduled, note: '' };
}
