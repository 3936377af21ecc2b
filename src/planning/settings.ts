import { CalendarSettings } from './calendar';
import { DayNumber } from './days';
import { Granularity } from './periods';

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
}

export const DEFAULT_RATE = 300;

/** A plan longer than this is a typing slip (a wrong year), not a campaign. */
export const MAX_WINDOW_DAYS = 3 * 366;

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
