import { Bilingual, both } from '../../i18n/strings';
import { CalendarSettings } from '../../planning/calendar';
import { DayNumber, dayFromYMD, formatISO, formatVN, parseDate, ymdFromDay } from '../../planning/days';
import { GRANULARITIES, Granularity } from '../../planning/periods';
import { registerInfo } from '../../planning/registers';
import { DEFAULT_RATE, METHODS, Method, PlanSettings, WindowProblem, isWholeNumber, parseWholeNumber, windowProblem } from '../../planning/settings';
import { DEFAULT_STAGE_KEYS, STAGE_CATALOG, Stage, StageUnit, formatStages, parseStages, stageKey, stageLabel, stagesProblem } from '../../planning/stages';
import { DocumentSettings, recipientLines, titleLines } from '../../sheets/document-settings';

/** The working weeks the pane offers (the CLI also takes WORKDAY.INTL masks). */
export type WeekChoice = 'mon-fri' | 'mon-sat' | 'all';
export const WEEKS: readonly WeekChoice[] = ['mon-fri', 'mon-sat', 'all'];

/**
 * The document around the forms (Decree 30/2020/NĐ-CP), as the pane edits it: text as typed, a position's
 * lines and the recipients one a line. Only printed: changing it never makes a preview stale.
 */
export interface DocumentForm {
  /** The issuing body ("SỞ TƯ PHÁP"), and the body above it ("UBND TỈNH SƠN LA"). */
  issuer: string;
  issuerParent: string;
  /** The plan's number and symbol ("45/KH-STP"). */
  docNumber: string;
  place: string;
  issued: DayNumber | null;
  /** One line each: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signerTitle: string;
  signer: string;
  preparer: string;
  /** One recipient a line. */
  recipients: string;
}

export const DOCUMENT_FIELDS: readonly (keyof DocumentForm)[] = ['issuer', 'issuerParent', 'docNumber', 'place', 'issued', 'signerTitle', 'signer', 'preparer', 'recipients'];

export const EMPTY_DOCUMENT_FORM: DocumentForm = {
  issuer: '', issuerParent: '', docNumber: '', place: '', issued: null, signerTitle: '', signer: '', preparer: '', recipients: '',
};

/** The document settings a plan is written with, from the form (blank ones print dotted lines). */
export function documentOf(form: DocumentForm): Partial<DocumentSettings> {
  return {
    issuer: form.issuer.trim(),
    issuerParent: form.issuerParent.trim(),
    number: form.docNumber.trim(),
    place: form.place.trim(),
    issued: form.issued,
    signerTitle: titleLines(form.signerTitle),
    signer: form.signer.trim(),
    preparer: form.preparer.trim(),
    recipients: recipientLines(form.recipients),
  };
}

/** The settings as the pane edits them: numbers stay the text typed until they are validated. */
export interface SettingsForm extends DocumentForm {
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
  /** Plan by workflow stages (the switch); off, the list below is kept but not used (nor saved). */
  stagesOn: boolean;
  stages: StageForm[];
}

/** A workflow stage as the pane edits it (see `planning/stages`). */
export interface StageForm {
  /**
   * A catalog stage's key (`scan`…), or `custom-N` for a stage the user named: stable while it is renamed
   * (the list's identity), the stage's own key following from its name (`stageOf`).
   */
  key: string;
  /** The name typed; null: the catalog's name in the pane's language. */
  label: string | null;
  /** null: the plan's start (end), following it when that changes. */
  start: DayNumber | null;
  end: DayNumber | null;
  /** Working days after the previous stage, as typed. */
  lag: string;
  unit: StageUnit;
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
    ...EMPTY_DOCUMENT_FORM,
    stagesOn: false,
    stages: [],
  };
}

export type SettingsField = 'start' | 'end' | 'rate' | 'machines' | 'stages';
/** `stages`: what is wrong is `stagesFormProblem`'s message. */
export type SettingsError = 'start-missing' | 'end-missing' | WindowProblem | 'rate' | 'machines' | 'stages';

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
  const stages = form.stagesOn && start !== null && end !== null && !errors.end ? resolveStages(form.stages, start, end) : null;
  if (stages !== null && 'error' in stages) errors.stages = 'stages';
  if (start === null || end === null || rate === null || machines === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const calendar: CalendarSettings = {
    week: form.week,
    holidays: form.holidays ? 'vn' : 'none',
    daysOff: [...form.daysOff],
    extraWorkdays: [...form.extraWorkdays],
  };
  return {
    ok: true,
    settings: {
      start, end, granularity: form.granularity, method: form.method, priority: [...form.priority], calendar, rate, defaultMachines: machines,
      ...(stages !== null && 'stages' in stages ? { stages: stages.stages } : {}),
    },
  };
}

// ------------------------------------------------------------------------------------------- stages

const catalogKeys = new Set(STAGE_CATALOG.map((c) => c.key));
const isCatalog = (key: string): boolean => catalogKeys.has(key);

/** The list the switch starts with: the default stages, each over the plan's whole window. */
export function defaultStageForms(): StageForm[] {
  return DEFAULT_STAGE_KEYS.map((key) => ({ key, label: null, start: null, end: null, lag: '0', unit: 'records' as const }));
}

/** The stage a form's row stands for, its blank dates the plan's; a lag that is not a whole number is -1 (refused). */
export function stageOf(s: StageForm, start: DayNumber, end: DayNumber): Stage {
  const lag = parseWholeNumber(s.lag.trim(), 0);
  const key = isCatalog(s.key) ? s.key : stageKey(s.label ?? '');
  return { key, label: s.label === null ? null : s.label.trim(), start: s.start ?? start, end: s.end ?? end, lag: lag ?? -1, unit: s.unit };
}

/** A stage's name as the editor and messages show it. */
export const stageFormLabel = (s: StageForm, lang: 'vi' | 'en'): string => (isCatalog(s.key) ? stageLabel(s, lang) : (s.label ?? ''));

/**
 * The stages of the form inside the plan's window, or what is wrong with them (`stagesProblem`'s rules,
 * then each stage inside the plan's start..end).
 */
function resolveStages(forms: readonly StageForm[], start: DayNumber, end: DayNumber): { stages: Stage[] } | { error: Bilingual } {
  // The first stage waits for none: its lag, shown nowhere (a stage moved up keeps what was typed), is 0.
  const stages = forms.map((s, i) => (i === 0 ? { ...stageOf(s, start, end), lag: 0 } : stageOf(s, start, end)));
  const problem = stagesProblem(stages);
  if (problem) return { error: problem };
  const outside = stages.find((s) => s.start < start || s.end > end);
  if (outside) {
    const [a, b, c, d] = [outside.start, outside.end, start, end].map(formatVN);
    return { error: both((t, lang) => t.stageOutside(stageLabel(outside, lang), a, b, c, d)) };
  }
  return { stages };
}

/** What is wrong with the form's stages, in both languages; null when they are off, fine, or the plan's window is not (its fields say so). */
export function stagesFormProblem(form: SettingsForm): Bilingual | null {
  if (!form.stagesOn || form.start === null || form.end === null || windowProblem(form.start, form.end) !== null) return null;
  const resolved = resolveStages(form.stages, form.start, form.end);
  return 'error' in resolved ? resolved.error : null;
}

/** Only the first stage may count books: one moved down counts records. */
const booksFirst = (stages: StageForm[]): StageForm[] => stages.map((s, i) => (i > 0 && s.unit === 'books' ? { ...s, unit: 'records' } : s));

/** The form after the switch: on, an empty list starts with the default stages. */
export function switchStages(form: SettingsForm, on: boolean): Partial<SettingsForm> {
  return on && form.stages.length === 0 ? { stagesOn: true, stages: defaultStageForms() } : { stagesOn: on };
}

/** The list with stage `index` changed; a date equal to the plan's follows the plan's. */
export function changeStage(form: SettingsForm, index: number, patch: Partial<Pick<StageForm, 'start' | 'end' | 'lag' | 'unit'>>): StageForm[] {
  const next = { ...form.stages[index], ...patch };
  if (next.start !== null && next.start === form.start) next.start = null;
  if (next.end !== null && next.end === form.end) next.end = null;
  if (index > 0 && next.unit === 'books') next.unit = 'records';
  return form.stages.map((s, i) => (i === index ? next : s));
}

/**
 * The list with stage `index` renamed to what was typed. A catalog stage typed with its own name (in the
 * pane's language) is not renamed: it keeps showing the catalog's name in either language.
 */
export function renameStage(stages: readonly StageForm[], index: number, text: string, lang: 'vi' | 'en'): StageForm[] {
  const s = stages[index];
  const label = isCatalog(s.key) && text.trim() === stageLabel({ key: s.key, label: null }, lang) ? null : text;
  return stages.map((x, i) => (i === index ? { ...x, label } : x));
}

/** The list with stage `index` moved by `delta` places (unchanged at either end). */
export function moveStage(stages: readonly StageForm[], index: number, delta: -1 | 1): StageForm[] {
  const to = index + delta;
  if (index < 0 || index >= stages.length || to < 0 || to >= stages.length) return [...stages];
  const next = [...stages];
  [next[index], next[to]] = [next[to], next[index]];
  return booksFirst(next);
}

export function removeStage(stages: readonly StageForm[], index: number): StageForm[] {
  return booksFirst(stages.filter((_, i) => i !== index));
}

/** The catalog stages not in the list, in the catalog's order: what "Add a stage" offers. */
export const stagesToAdd = (stages: readonly StageForm[]): string[] => STAGE_CATALOG.map((c) => c.key).filter((key) => !stages.some((s) => s.key === key));

/**
 * The list with a catalog stage added where the catalog's order puts it (collecting books before
 * scanning…), over the plan's window; the list as it was when the stage is in it already.
 */
export function addCatalogStage(stages: readonly StageForm[], key: string): StageForm[] {
  const rank = (k: string): number => STAGE_CATALOG.findIndex((c) => c.key === k);
  const c = STAGE_CATALOG[rank(key)];
  if (!c || stages.some((s) => s.key === key)) return [...stages];
  let at = stages.findIndex((s) => isCatalog(s.key) && rank(s.key) > rank(key));
  if (at < 0) at = stages.length;
  const added: StageForm = { key, label: null, start: null, end: null, lag: '0', unit: at === 0 ? c.unit : 'records' };
  // A books stage added first takes the place of one that counted books.
  const rest = at === 0 && c.unit === 'books' ? stages.map((s) => (s.unit === 'books' ? { ...s, unit: 'records' as const } : s)) : stages;
  return [...rest.slice(0, at), added, ...rest.slice(at)];
}

/** A stage the user names, added last over the plan's window, and its key in the list. */
export function addNamedStage(stages: readonly StageForm[], name: string): { stages: StageForm[]; key: string } {
  let n = 1;
  while (stages.some((s) => s.key === `custom-${n}`)) n++;
  const key = `custom-${n}`;
  return { stages: [...stages, { key, label: name, start: null, end: null, lag: '0', unit: 'records' }], key };
}

/** The rows of stages read back from their stored spelling; dates equal to the plan's follow it again. */
function stageForms(stages: readonly Stage[], start: DayNumber, end: DayNumber): StageForm[] {
  let custom = 0;
  return stages.map((s) => ({
    key: isCatalog(s.key) ? s.key : `custom-${++custom}`,
    label: s.label,
    start: s.start === start ? null : s.start,
    end: s.end === end ? null : s.end,
    lag: String(s.lag),
    unit: s.unit,
  }));
}

/** Bumped when the stored shape changes; a version the pane does not know is ignored (defaults). */
export const SETTINGS_VERSION = 1;

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
  /** The rest of the document, each only when set (as typed; the date of issue as ISO). */
  issuerParent?: string;
  number?: string;
  place?: string;
  issued?: string;
  signerTitle?: string;
  signer?: string;
  preparer?: string;
  recipients?: string;
  /** Only when planning by stages: the stages as `formatStages` spells them. */
  stages?: string;
}

export function storedSettings(settings: PlanSettings, form: Pick<SettingsForm, 'week'> & DocumentForm): StoredSettings {
  const text = (key: 'issuerParent' | 'number' | 'place' | 'signerTitle' | 'signer' | 'preparer' | 'recipients', value: string): Partial<StoredSettings> =>
    value.trim() ? { [key]: value.trim() } : {};
  const c = settings.calendar;
  return {
    version: SETTINGS_VERSION,
    start: formatISO(settings.start),
    end: formatISO(settings.end),
    granularity: settings.granularity,
    method: settings.method,
    priority: [...settings.priority],
    week: form.week,
    holidays: c.holidays,
    daysOff: c.daysOff.map(formatISO),
    extraWorkdays: c.extraWorkdays.map(formatISO),
    rate: settings.rate,
    defaultMachines: settings.defaultMachines,
    issuer: form.issuer.trim(),
    ...text('issuerParent', form.issuerParent),
    ...text('number', form.docNumber),
    ...text('place', form.place),
    ...(form.issued !== null ? { issued: formatISO(form.issued) } : {}),
    ...text('signerTitle', form.signerTitle),
    ...text('signer', form.signer),
    ...text('preparer', form.preparer),
    ...text('recipients', form.recipients),
    ...(settings.stages && settings.stages.length > 0 ? { stages: formatStages(settings.stages) } : {}),
  };
}

/** Longest name or line of the document kept (a name, not a document), and longest list of recipients. */
const MAX_DOCUMENT_TEXT = 200;
const MAX_RECIPIENTS = 2000;

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
  const windowBack = start !== null && end !== null && windowProblem(start, end) === null;
  if (windowBack) {
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
  const text = (value: unknown, max = MAX_DOCUMENT_TEXT): string | null => (typeof value === 'string' ? value.slice(0, max) : null);
  form.issuer = text(v.issuer) ?? form.issuer;
  form.issuerParent = text(v.issuerParent) ?? form.issuerParent;
  form.docNumber = text(v.number) ?? form.docNumber;
  form.place = text(v.place) ?? form.place;
  form.issued = typeof v.issued === 'string' ? parseDate(v.issued) : null;
  form.signerTitle = text(v.signerTitle, MAX_RECIPIENTS) ?? form.signerTitle;
  form.signer = text(v.signer) ?? form.signer;
  form.preparer = text(v.preparer) ?? form.preparer;
  form.recipients = text(v.recipients, MAX_RECIPIENTS) ?? form.recipients;
  // Stages that do not read back, or not inside the window (or without the window they were saved with), leave the switch off.
  if (typeof v.stages === 'string' && windowBack && form.start !== null && form.end !== null) {
    const parsed = parseStages(v.stages, form.start);
    if ('stages' in parsed) {
      const rows = stageForms(parsed.stages, form.start, form.end);
      if (!('error' in resolveStages(rows, form.start, form.end))) {
        form.stagesOn = true;
        form.stages = rows;
      }
    }
  }
  return form;
}
