import { parseWeekSpec } from '../planning/calendar';
import { DayNumber, formatVN } from '../planning/days';
import { GRANULARITIES, Granularity } from '../planning/periods';
import { matchRegister } from '../planning/registers';
import { METHODS, MAX_WINDOW_DAYS, Method, PlanSettings, defaultSettings, parseWholeNumber, windowProblem } from '../planning/settings';
import { Stage, parseStages, stageLabel, stagesWindow } from '../planning/stages';
import { parseTypedDate } from '../planning/typed-date';
import { DocumentSettings, recipientLines, titleLines } from '../sheets/document-settings';
import { UsageError } from './usage-error';

/** The document printed around the forms' tables (Decree 30/2020/NĐ-CP): for `plan`, and to change on `replan`. */
export const DOCUMENT_OPTIONS = ['issuer', 'issuer-parent', 'number', 'place', 'issued', 'signer-title', 'signer', 'preparer', 'recipients'] as const;

export const PLAN_OPTIONS = [
  'sheet', 'start', 'end', 'granularity', 'method', 'priority', 'workdays', 'holidays',
  'days-off', 'extra-workdays', 'rate', 'machines', 'out', 'json', 'lang', 'stages', ...DOCUMENT_OPTIONS,
] as const;

/** A name or a line of the document is a name, not a letter: longer than this is a slip (a file pasted in). */
const MAX_DOCUMENT_TEXT = 200;

/**
 * The document settings given on the command line (only those given: a re-split keeps the others). Text is
 * printed as typed, as text even when it looks like a formula; `--signer-title` takes its lines separated by
 * " / " ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), `--recipients` its recipients by ";". A date of issue that is not a
 * date, or a text far too long for a name, is a usage error naming the option.
 */
export function documentOptions(options: Map<string, string>): Partial<DocumentSettings> {
  const doc: Partial<DocumentSettings> = {};
  const text = (name: (typeof DOCUMENT_OPTIONS)[number]): string | undefined => {
    const v = options.get(name);
    if (v === undefined) return undefined;
    // Control characters (but tab, LF, CR) cannot be written into a cell's XML: dropped, not refused.
    // eslint-disable-next-line no-control-regex
    const trimmed = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim();
    if (trimmed.length > MAX_DOCUMENT_TEXT * (name === 'recipients' ? 10 : 1)) {
      throw new UsageError(`--${name} dài quá (${trimmed.length} ký tự): đây là một tên hoặc một dòng, không phải văn bản.`,
        `--${name} is too long (${trimmed.length} characters): it is a name or a line, not a document.`);
    }
    return trimmed;
  };
  const set = <K extends keyof DocumentSettings>(key: K, value: DocumentSettings[K] | undefined): void => {
    if (value !== undefined) doc[key] = value;
  };
  set('issuer', text('issuer'));
  set('issuerParent', text('issuer-parent'));
  set('number', text('number'));
  set('place', text('place'));
  set('signer', text('signer'));
  set('preparer', text('preparer'));
  const title = text('signer-title');
  set('signerTitle', title === undefined ? undefined : titleLines(title));
  const recipients = text('recipients');
  set('recipients', recipients === undefined ? undefined : recipientLines(recipients));
  const issued = text('issued');
  if (issued !== undefined) doc.issued = issued === '' ? null : date('issued', issued);
  return doc;
}

/** A date option, typed as people type dates (planning/typed-date.ts: dd/mm/yyyy, d-m-yy, d.m.yyyy, YYYY-MM-DD…). */
export function date(name: string, text: string): DayNumber {
  const day = parseTypedDate(text);
  if (day === null) {
    throw new UsageError(
      `--${name}: «${text}» không phải là ngày (viết dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy hoặc YYYY-MM-DD).`,
      `--${name}: "${text}" is not a date (write dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or YYYY-MM-DD).`,
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

/**
 * `--stages SPEC` (see parseStages): the stages, or a UsageError prefixed with `--stages: `. A stage
 * without a start starts on `defaultStart` (the plan's `--start`), or else on the first stage's start.
 */
export function stagesOption(text: string, defaultStart?: DayNumber): Stage[] {
  const parsed = parseStages(text, defaultStart, parseTypedDate);
  if ('error' in parsed) throw new UsageError(`--stages: ${parsed.error.vi}`, `--stages: ${parsed.error.en}`);
  return parsed.stages;
}

/** `--start` as a day, or undefined when it is not given (the default start of stages that give none). */
export function startOption(options: Map<string, string>): DayNumber | undefined {
  const text = options.get('start');
  return text ? date('start', text) : undefined;
}

/**
 * The plan settings a command line asks for, or a UsageError naming the option that is wrong. With
 * stages (`--stages`, or else `sheetStages` read from the input's stage sheet) `--start` and `--end` are
 * optional: the window is the stages' unless they say otherwise, and every stage must lie inside it.
 */
export function planSettingsFrom(options: Map<string, string>, sheetStages?: readonly Stage[]): PlanSettings {
  const startText = options.get('start');
  const endText = options.get('end');
  const stagesText = options.get('stages');
  const staged = stagesText !== undefined || (sheetStages !== undefined && sheetStages.length > 0);
  if (!staged && (!startText || !endText)) {
    throw new UsageError(
      'Cần --start và --end (ngày bắt đầu và ngày kết thúc), hoặc --stages.',
      'Both --start and --end are required (or --stages).',
    );
  }
  const startDay = startText ? date('start', startText) : undefined;
  const endDay = endText ? date('end', endText) : undefined;
  let stages: Stage[] | undefined;
  if (stagesText !== undefined) stages = stagesOption(stagesText, startDay);
  else if (staged) stages = [...sheetStages!];
  const window = stages ? stagesWindow(stages) : null;
  const settings = defaultSettings(startDay ?? window!.start, endDay ?? window!.end);
  if (stages) {
    for (const s of stages) {
      if (s.start >= settings.start && s.end <= settings.end) continue;
      const [vi, en] = [stageLabel(s, 'vi'), stageLabel(s, 'en')];
      const [from, to] = [formatVN(settings.start), formatVN(settings.end)];
      throw new UsageError(
        `Giai đoạn «${vi}» (${formatVN(s.start)}–${formatVN(s.end)}) nằm ngoài kế hoạch ${from}–${to}: hãy sửa ngày của giai đoạn, --start hoặc --end.`,
        `The stage "${en}" (${formatVN(s.start)}–${formatVN(s.end)}) lies outside the plan's ${from}–${to}: fix the stage's dates, --start or --end.`,
      );
    }
    settings.stages = stages;
  }
  const problem = windowProblem(settings.start, settings.end);
  if (problem === 'end-before-start') {
    throw new UsageError('--end không được trước --start.', '--end must not be before --start.');
  }
  if (problem === 'window-too-long') {
    throw new UsageError(
      `Khoảng thời gian dài hơn ${MAX_WINDOW_DAYS} ngày: hãy kiểm tra năm của --start và --end${stages ? ' và của các giai đoạn' : ''}.`,
      `The window is longer than ${MAX_WINDOW_DAYS} days: check the years of --start and --end${stages ? ' and of the stages' : ''}.`,
    );
  }
  applyOptions(settings, options);
  return settings;
}

/**
 * Checks every option but the window (`--start`, `--end`, `--stages` aside from their dates), so a wrong
 * option is reported before the input is read, when the window comes from the input's stage sheet.
 */
export function checkPlanOptions(options: Map<string, string>): void {
  startOption(options);
  if (options.get('end')) date('end', options.get('end')!);
  applyOptions(defaultSettings(0, 0), options);
}

function applyOptions(settings: PlanSettings, options: Map<string, string>): void {
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
