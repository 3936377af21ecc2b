import { CalendarSettings } from '../planning/calendar';
import { DayNumber, dayFromYMD, formatISO, parseDate, ymdFromDay } from '../planning/days';
import { GRANULARITIES, Granularity } from '../planning/periods';
import { registerInfo } from '../planning/registers';
import { DEFAULT_RATE, METHODS, Method, PlanSettings, WindowProblem, isWholeNumber, parseWholeNumber, windowProblem } from '../planning/settings';

/** The working weeks the pane offers (the CLI also takes WORKDAY.INTL masks). */
export type WeekChoice = 'mon-fri' | 'mon-sat' | 'all';
export const WEEKS: readonly WeekChoice[] = ['mon-fri', 'mon-sat', 'all'];

/** The settings as the pane edits them: numbers stay the text typed until they are validated. */
export interface SettingsForm {
  start: DayNumber | null;
  end: DayNumber | null;
  granularity: Granularity;
  method: Method;
  /** Register codes in the order chosen; registers not listed follow in the default order. */
  priority: string[];
  week: WeekChoice;
  holidays: boolean;
  /** Sorted, without repeats. */
  daysOff: DayNumber[];
  extraWorkdays: DayNumber[];
  rate: string;
  machines: string;
  issuer: string;
}

/** The window offered first: from today to the end of the quarter, or of the next one when that is under two weeks away. */
export function defaultWindow(today: DayNumber): { start: DayNumber; end: DayNumber } {
  const { year, month } = ymdFromDay(today);
  // The day before quarter q + 1 starts; q = 5 is the next year's first quarter.
  const quarterEnd = (q: number): DayNumber => dayFromYMD(year + Math.floor(q / 4), (q % 4) * 3 + 1, 1) - 1;
  const q = Math.ceil(month / 3);
  let end = quarterEnd(q);
  if (end - today < 14) end = quarterEnd(q + 1);
  return { start: today, end };
}

export function defaultForm(today: DayNumber): SettingsForm {
  return {
    ...defaultWindow(today),
    granularity: 'month',
    method: 'even',
    priority: [],
    week: 'mon-fri',
    holidays: true,
    daysOff: [],
    extraWorkdays: [],
    rate: String(DEFAULT_RATE),
    machines: '1',
    issuer: '',
  };
}

export type SettingsField = 'start' | 'end' | 'rate' | 'machines';
export type SettingsError = 'start-missing' | 'end-missing' | WindowProblem | 'rate' | 'machines';

export type Validated = { ok: true; settings: PlanSettings } | { ok: false; errors: Partial<Record<SettingsField, SettingsError>> };

/** The plan settings the form asks for, or what is wrong with each field (the CLI's rules, from `planning/settings`). */
export function validateForm(form: SettingsForm): Validated {
  const errors: Partial<Record<SettingsField, SettingsError>> = {};
  const { start, end } = form;
  if (start === null) errors.start = 'start-missing';
  if (end === null) errors.end = 'end-missing';
  else if (start !== null) {
    const problem = windowProblem(start, end);
    if (problem !== null) errors.end = problem;
  }
  // Spaces around a number typed in a field are not a slip worth an error (the CLI's shell drops them).
  const rate = parseWholeNumber(form.rate.trim(), 1);
  if (rate === null) errors.rate = 'rate';
  const machines = parseWholeNumber(form.machines.trim(), 0);
  if (machines === null) errors.machines = 'machines';
  if (start === null || end === null || rate === null || machines === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const calendar: CalendarSettings = {
    week: form.week,
    holidays: form.holidays ? 'vn' : 'none',
    daysOff: [...form.daysOff],
    extraWorkdays: [...form.extraWorkdays],
  };
  return {
    ok: true,
    settings: { start, end, granularity: form.granularity, method: form.method, priority: [...form.priority], calendar, rate, defaultMachines: machines },
  };
}

/** Bumped when the stored shape changes; a version the pane does not know is ignored (defaults). */
export const SETTINGS_VERSION = 1;

/**
 * Where every host keeps the stored settings: Excel in the document's settings, a plain browser in its
 * local storage. (This module stays free of React and Office: the hosts import it.)
 */
export const SETTINGS_KEY = 'QuotaPlanner.PaneSettings';

/** What the pane stores in the document: dates as ISO text, so no time zone can shift them. */
export interface StoredSettings {
  version: typeof SETTINGS_VERSION;
  start: string;
  end: string;
  granularity: Granularity;
  method: Method;
  priority: string[];
  week: WeekChoice;
  holidays: 'vn' | 'none';
  daysOff: string[];
  extraWorkdays: string[];
  rate: number;
  defaultMachines: number;
  issuer: string;
}

export function storedSettings(settings: PlanSettings, week: WeekChoice, issuer: string): StoredSettings {
  const c = settings.calendar;
  return {
    version: SETTINGS_VERSION,
    start: formatISO(settings.start),
    end: formatISO(settings.end),
    granularity: settings.granularity,
    method: settings.method,
    priority: [...settings.priority],
    week,
    holidays: c.holidays,
    daysOff: c.daysOff.map(formatISO),
    extraWorkdays: c.extraWorkdays.map(formatISO),
    rate: settings.rate,
    defaultMachines: settings.defaultMachines,
    issuer,
  };
}

/** Longest issuer kept: a name, not a document. */
const MAX_ISSUER = 200;

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** Dates given as ISO text, sorted and without repeats; anything else in the list is dropped. */
function dayList(value: unknown): DayNumber[] {
  if (!Array.isArray(value)) return [];
  const days = value.map((v) => (typeof v === 'string' ? parseDate(v) : null)).filter((d): d is DayNumber => d !== null);
  return sortedDays(days);
}

export const sortedDays = (days: readonly DayNumber[]): DayNumber[] => [...new Set(days)].sort((a, b) => a - b);

/**
 * The form for settings read back from a document. The value may be anything (another version, a hand
 * edit): each field that is not valid falls back to its default, and a window that is not falls back whole.
 */
export function formFromStored(value: unknown, today: DayNumber): SettingsForm {
  const form = defaultForm(today);
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== SETTINGS_VERSION) return form;
  const v = value as Record<string, unknown>;
  const start = typeof v.start === 'string' ? parseDate(v.start) : null;
  const end = typeof v.end === 'string' ? parseDate(v.end) : null;
  if (start !== null && end !== null && windowProblem(start, end) === null) {
    form.start = start;
    form.end = end;
  }
  form.granularity = oneOf(v.granularity, GRANULARITIES, form.granularity);
  form.method = oneOf(v.method, METHODS, form.method);
  if (Array.isArray(v.priority)) {
    const codes = v.priority.filter((c): c is string => typeof c === 'string' && c !== 'ALL' && registerInfo(c)?.code === c);
    form.priority = [...new Set(codes)];
  }
  form.week = oneOf(v.week, WEEKS, form.week);
  form.holidays = v.holidays !== 'none';
  form.daysOff = dayList(v.daysOff);
  form.extraWorkdays = dayList(v.extraWorkdays);
  if (isWholeNumber(v.rate, 1)) form.rate = String(v.rate);
  if (isWholeNumber(v.defaultMachines, 0)) form.machines = String(v.defaultMachines);
  if (typeof v.issuer === 'string') form.issuer = v.issuer.slice(0, MAX_ISSUER);
  return form;
}
