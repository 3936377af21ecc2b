import { CalendarSettings } from './calendar';
import { DayNumber } from './days';
import { Granularity } from './periods';
import { Stage } from './stages';
import { Unit } from './units';

export type Method = 'even' | 'workdays' | 'priority' | 'capacity';
export const METHODS: readonly Method[] = ['even', 'workdays', 'priority', 'capacity'];

/** Everything that decides a plan besides the units themselves. */
export interface PlanSettings {
  start: DayNumber;
  end: DayNumber;
  granularity: Granularity;
  method: Method;
  /** Register codes in the order the user wants them done; the rest follow in the default order. */
  priority: string[];
  calendar: CalendarSettings;
  /** Records one machine does in one working day (Chơn Thành: 300). */
  rate: number;
  /** Machines of a unit whose sheet gives none. */
  defaultMachines: number;
  /** Workflow stages, each in its own window inside start…end; absent or empty: one flow of records. */
  stages?: Stage[];
}

export const DEFAULT_RATE = 300;

/** Records a unit does in one working day at full capacity: its machines (the default when its sheet gives none) × the rate. */
export function dailyQuota(unit: Pick<Unit, 'machines'>, settings: Pick<PlanSettings, 'defaultMachines' | 'rate'>): number {
  return (unit.machines ?? settings.defaultMachines) * settings.rate;
}

/** A plan longer than this is a typing slip (a wrong year), not a campaign. */
export const MAX_WINDOW_DAYS = 3 * 366;

/*
 * The rules settings must follow, whoever reads them (the CLI's options, the pane's form, settings saved in
 * a document): each caller words its own message.
 */

export type WindowProblem = 'end-before-start' | 'window-too-long';

/** What is wrong with a plan from `start` to `end` (both included), or null when nothing is. */
export function windowProblem(start: DayNumber, end: DayNumber): WindowProblem | null {
  if (end < start) return 'end-before-start';
  if (end - start + 1 > MAX_WINDOW_DAYS) return 'window-too-long';
  return null;
}

/** A whole number ≥ min that is exact in a double (a rate, a number of machines). */
export const isWholeNumber = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/**
 * A whole number ≥ min written with digits only (no sign, point, exponent, `0x` or spaces), else null.
 * `1e3`, `2.5` and `-1` are slips in a count of records or machines, not numbers to round.
 */
export function parseWholeNumber(text: string, min: number): number | null {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return isWholeNumber(n, min) ? n : null;
}

export function defaultSettings(start: DayNumber, end: DayNumber): PlanSettings {
  return {
    start,
    end,
    granularity: 'month',
    method: 'even',
    priority: [],
    calendar: { week: 'mon-fri', holidays: 'vn', daysOff: [], extraWorkdays: [] },
    rate: DEFAULT_RATE,
    defaultMachines: 1,
  };
}
