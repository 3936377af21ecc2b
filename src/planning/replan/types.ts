import { DayNumber } from '../days';
import { Plan } from '../plan';
import { Problem } from '../problems';
import { Method } from '../settings';
import { Stage } from '../stages';

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
