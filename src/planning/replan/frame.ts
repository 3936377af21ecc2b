import { WorkCalendar, makeCalendar, workingDayFlags } from '../calendar';
import { DayNumber } from '../days';
import { Period, makePeriods } from '../periods';
import { Plan } from '../plan';
import { Problem, problem } from '../problems';
import { Stage } from '../stages';
import { Unit } from '../units';

/** What every phase of a re-split reads: the old plan, the new periods, where the open ones start. */
export interface Frame {
  old: Plan;
  actuals: ReadonlyArray<number | null>;
  asOf: DayNumber;
  start: DayNumber;
  end: DayNumber;
  /** Rows, and the old plan's periods. */
  R: number;
  oldP: number;
  machines: ReadonlyMap<number, number>;
  rate: number;
  /** The stages from now on (undefined for a plan without stages). */
  stages: Stage[] | undefined;
  cal: WorkCalendar;
  /** From the plan's start to the new end. */
  periods: Period[];
  P: number;
  /** The first period re-planned: the one holding asOf + 1. */
  firstOpen: number;
  /** The current period began on or before asOf: its actual so far stays part of its target. */
  midPeriod: boolean;
  /** The first day planned anew. */
  openStart: DayNumber;
  /** Everything found so far, in order. */
  problems: Problem[];
}

/** The new periods and the first open one. */
export function openPeriods(old: Plan, end: DayNumber, asOf: DayNumber): Pick<Frame, 'cal' | 'periods' | 'P' | 'firstOpen' | 'midPeriod' | 'openStart'> {
  const start = old.settings.start;
  const cal = makeCalendar(old.settings.calendar);
  const periods = makePeriods(start, end, old.settings.granularity, workingDayFlags(cal, start, end));
  const P = periods.length;
  let firstOpen = 0;
  while (firstOpen < P && periods[firstOpen].end <= asOf) firstOpen++;
  return { cal, periods, P, firstOpen, midPeriod: firstOpen < P && periods[firstOpen].start <= asOf, openStart: Math.max(start, asOf + 1) };
}

/** Adds an error about the input (or a unit of it) to `problems`. */
export function inputError(problems: Problem[], code: string, unit: Unit | null, vi: string, en: string): void {
  problems.push(problem('error', code, unit?.cell ?? null, unit?.name ?? null, vi, en));
}
