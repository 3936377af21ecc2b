import { parseWeekSpec } from '../planning/calendar';
import { DayNumber, parseDate } from '../planning/days';
import { GRANULARITIES, Granularity } from '../planning/periods';
import { matchRegister } from '../planning/registers';
import { METHODS, MAX_WINDOW_DAYS, Method, PlanSettings, defaultSettings, parseWholeNumber, windowProblem } from '../planning/settings';
import { UsageError } from './usage-error';

export const PLAN_OPTIONS = [
  'sheet', 'start', 'end', 'granularity', 'method', 'priority', 'workdays', 'holidays',
  'days-off', 'extra-workdays', 'rate', 'machines', 'out', 'json', 'lang', 'issuer',
] as const;

function date(name: string, text: string): DayNumber {
  const day = parseDate(text);
  if (day === null) {
    throw new UsageError(
      `--${name}: «${text}» không phải là ngày (viết YYYY-MM-DD hoặc dd/mm/yyyy).`,
      `--${name}: "${text}" is not a date (write YYYY-MM-DD or dd/mm/yyyy).`,
    );
  }
  return day;
}

/** `2024-06-03,2024-06-10..2024-06-12` → every day listed, ranges included. */
function dates(name: string, text: string): DayNumber[] {
  const out: DayNumber[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [from, to] = part.split('..');
    const a = date(name, from);
    const b = to === undefined ? a : date(name, to);
    if (b < a) throw new UsageError(`--${name}: khoảng «${part}» kết thúc trước khi bắt đầu.`, `--${name}: the range "${part}" ends before it starts.`);
    for (let d = a; d <= b; d++) out.push(d);
  }
  return out;
}

export function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} phải là một trong: ${allowed.join(', ')}.`, `--${name} must be one of: ${allowed.join(', ')}.`);
}

function wholeNumber(name: string, text: string, min: number): number {
  const n = parseWholeNumber(text, min);
  if (n === null) {
    throw new UsageError(`--${name} phải là số nguyên ≥ ${min}, không phải «${text}».`, `--${name} must be a whole number ≥ ${min}, not "${text}".`);
  }
  return n;
}

/** The plan settings a command line asks for, or a UsageError naming the option that is wrong. */
export function planSettingsFrom(options: Map<string, string>): PlanSettings {
  const startText = options.get('start');
  const endText = options.get('end');
  if (!startText || !endText) {
    throw new UsageError('Cần --start và --end (ngày bắt đầu và ngày kết thúc).', 'Both --start and --end are required.');
  }
  const settings = defaultSettings(date('start', startText), date('end', endText));
  const problem = windowProblem(settings.start, settings.end);
  if (problem === 'end-before-start') {
    throw new UsageError('--end phải không sớm hơn --start.', '--end must not be before --start.');
  }
  if (problem === 'window-too-long') {
    throw new UsageError(
      `Khoảng thời gian dài hơn ${MAX_WINDOW_DAYS} ngày: hãy kiểm tra năm của --start và --end.`,
      `The window is longer than ${MAX_WINDOW_DAYS} days: check the years of --start and --end.`,
    );
  }
  const get = (name: string): string | undefined => options.get(name);
  if (options.has('granularity')) settings.granularity = oneOf<Granularity>('granularity', get('granularity')!, GRANULARITIES);
  if (options.has('method')) settings.method = oneOf<Method>('method', get('method')!, METHODS);
  if (options.has('priority')) settings.priority = priorityCodes(get('priority')!);
  if (options.has('workdays')) {
    const week = get('workdays')!;
    if (!parseWeekSpec(week)) {
      throw new UsageError(
        `--workdays «${week}» không hợp lệ: dùng all, mon-fri, mon-sat hoặc 7 chữ số 0/1 từ thứ Hai (1 = nghỉ), ví dụ 0000011.`,
        `--workdays "${week}" is not valid: use all, mon-fri, mon-sat or 7 digits 0/1 from Monday (1 = day off), e.g. 0000011.`,
      );
    }
    settings.calendar.week = week;
  }
  if (options.has('holidays')) settings.calendar.holidays = oneOf('holidays', get('holidays')!, ['vn', 'none'] as const);
  if (options.has('days-off')) settings.calendar.daysOff = dates('days-off', get('days-off')!);
  if (options.has('extra-workdays')) settings.calendar.extraWorkdays = dates('extra-workdays', get('extra-workdays')!);
  if (options.has('rate')) settings.rate = wholeNumber('rate', get('rate')!, 1);
  if (options.has('machines')) settings.defaultMachines = wholeNumber('machines', get('machines')!, 0);
  return settings;
}

function priorityCodes(text: string): string[] {
  const codes: string[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const code = matchRegister(part);
    if (!code || code === 'ALL') {
      throw new UsageError(`--priority: không biết loại sổ «${part}».`, `--priority: unknown register "${part}".`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
