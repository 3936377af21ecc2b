import { makeCalendar, workingDayFlags } from '../../planning/calendar';
import { DayNumber, formatISO, formatVN, weekdayOf } from '../../planning/days';
import { formatStages, stageLabel } from '../../planning/stages';
import { Plan } from '../../planning/plan';
import { PlanSettings } from '../../planning/settings';
import { ModelRow, SheetModel } from '../model';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { FORM_FONT, FORM_STYLES } from './styles';
import { FORM_TEXT } from './text';

/** Days listed past the end, so a projected finish at the current pace can be looked up in the sheet. */
export const LISTED_PAST_END = 366;

/**
 * The settings as stored on the Lịch sheet: one row each, the key in the hidden column A and the value in
 * column C, so that the pane and the CLI can re-open and re-split a plan from the workbook alone.
 */
export const SETTING_KEYS = [
  'planId', 'revision', 'start', 'end', 'granularity', 'method', 'priority', 'week', 'holidays', 'daysOff', 'extraWorkdays', 'rate',
  'defaultMachines',
] as const;
/** Written only when set, so the Lịch sheets of plans without stages stay as they were. */
export const OPTIONAL_SETTING_KEYS = ['stages'] as const;
/**
 * The document's settings (issuing body, number, date, signer…), in a section of their own after the plan's:
 * not part of what decides the plan (its id), but kept by a re-split, a split part and a consolidation.
 */
export const DOCUMENT_KEYS = ['issuer', 'issuerParent', 'number', 'place', 'issued', 'signerTitle', 'signer', 'preparer', 'recipients'] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];
export type SettingKey = (typeof SETTING_KEYS)[number] | (typeof OPTIONAL_SETTING_KEYS)[number] | DocumentKey;

const SETTINGS_FIRST_ROW = 4; // 1-based; row 3 is the settings' heading

/** The settings a plan's Lịch sheet lists, in order. */
const settingKeys = (s: PlanSettings): SettingKey[] => [...SETTING_KEYS, ...(s.stages?.length ? (['stages'] as const) : [])];
/** The document's section: a heading row after a blank one, then a row per key. */
const daysHeaderRow = (s: PlanSettings): number => SETTINGS_FIRST_ROW + settingKeys(s).length + 2 + DOCUMENT_KEYS.length + 1;

/** Where the day list sits, for the formulas of the other forms (1-based rows, 0-based columns). */
export interface CalendarLayout {
  sheet: string;
  firstRow: number;
  lastRow: number;
  lastDay: DayNumber;
  dateCol: number;
  ordinalCol: number;
}

export function calendarLayout(plan: Plan, options: FormOptions): CalendarLayout {
  const days = plan.settings.end + LISTED_PAST_END - plan.settings.start + 1;
  return {
    sheet: options.names.calendar,
    firstRow: daysHeaderRow(plan.settings) + 1,
    lastRow: daysHeaderRow(plan.settings) + days,
    lastDay: plan.settings.end + LISTED_PAST_END,
    dateCol: 1,
    ordinalCol: 4,
  };
}

function settingValues(s: PlanSettings, options: FormOptions): Record<SettingKey, string | number | { date: DayNumber } | null> {
  const doc = options.document;
  const isoList = (days: readonly DayNumber[]): string => days.map(formatISO).join(', ');
  return {
    planId: options.planId,
    revision: options.revision,
    start: { date: s.start },
    end: { date: s.end },
    granularity: s.granularity,
    method: s.method,
    priority: s.priority.join(','),
    week: s.calendar.week,
    holidays: s.calendar.holidays,
    daysOff: isoList(s.calendar.daysOff),
    extraWorkdays: isoList(s.calendar.extraWorkdays),
    rate: s.rate,
    defaultMachines: s.defaultMachines,
    stages: s.stages?.length ? formatStages(s.stages) : '',
    issuer: doc.issuer || null,
    issuerParent: doc.issuerParent || null,
    number: doc.number || null,
    place: doc.place || null,
    issued: doc.issued === null ? null : { date: doc.issued },
    signerTitle: doc.signerTitle.join('\n') || null,
    signer: doc.signer || null,
    preparer: doc.preparer || null,
    recipients: doc.recipients.join('\n') || null,
  };
}

/** Lịch: the settings the plan was made with, then every day from the start with its working-day number. */
export function calendarSheet(plan: Plan, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const s = plan.settings;
  const layout = calendarLayout(plan, options);
  const values = settingValues(s, options);
  const describe: Partial<Record<SettingKey, string>> = {
    granularity: t.granularities[s.granularity],
    method: t.methods[s.method],
    stages: s.stages?.map((st) => `${stageLabel(st, options.lang)}: ${formatVN(st.start)}–${formatVN(st.end)}${st.lag > 0 ? ` (+${st.lag})` : ''}`).join('; '),
  };
  const rows: ModelRow[] = [
    { values: [null, t.calendarTitle], style: 'title', ownStyle: true },
    { values: [] },
    { values: [null, t.settings], style: 'label', ownStyle: true },
  ];
  const keyRow = (key: SettingKey, label: string): void => {
    const value = values[key];
    const lines = typeof value === 'string' ? value.split('\n').length : 1;
    rows.push({
      values: [key, label, value, describe[key] ?? null],
      cellStyles: [undefined, 'label', value !== null && typeof value === 'object' ? 'dateLeft' : lines > 1 ? 'lines' : 'left'],
      ownStyle: true,
      ...(lines > 1 ? { height: 15.5 * lines } : {}),
    });
  };
  for (const key of settingKeys(s)) keyRow(key, t.settingLabels[key as keyof typeof t.settingLabels]);
  rows.push({ values: [] });
  rows.push({ values: [null, t.documentTitle], style: 'label', ownStyle: true });
  for (const key of DOCUMENT_KEYS) keyRow(key, t.documentLabels[key]);
  rows.push({ values: [] });
  rows.push({ values: [null, t.day, t.weekday, t.working, t.workdayNo, t.note], style: 'header', ownStyle: true });

  const cal = makeCalendar(s.calendar);
  const flags = workingDayFlags(cal, s.start, layout.lastDay);
  const notes = new Map<DayNumber, string>();
  for (const sd of cal.specialDays(s.start, layout.lastDay)) notes.set(sd.day, sd[options.lang]);
  let ordinal = 0;
  for (let d = s.start; d <= layout.lastDay; d++) {
    const working = flags[d - s.start];
    ordinal += working;
    const note = [notes.get(d), d === s.end + 1 ? t.afterEnd : undefined].filter(Boolean).join('; ');
    rows.push({
      values: [null, { date: d }, t.weekdays[weekdayOf(d)], working, ordinal, note || null],
      style: working ? undefined : 'off',
    });
  }

  return {
    name: layout.sheet,
    font: FORM_FONT,
    columns: [
      { width: 14, hidden: true },
      { width: 22, style: 'date' },
      { width: 12, style: 'text' },
      { width: 10, style: 'center' },
      { width: 12, style: 'center' },
      { width: 40, style: 'text' },
    ],
    rows,
    styles: {
      ...FORM_STYLES,
      left: { align: 'left' },
      lines: { align: 'left', wrap: true, valign: 'top' },
      dateLeft: { numFmt: 'dd/mm/yyyy', align: 'left' },
      off: { fill: 'FFEDEDED', color: 'FF7F7F7F' },
    },
    merges: ['B1:F1'],
    // The days after the end are listed for the roll-up's projections, not to print.
    page: { landscape: true, printTitleRows: [daysHeaderRow(s), daysHeaderRow(s)], footer: t.footer, printArea: { lastRow: layout.firstRow + (s.end - s.start), lastCol: 5 } },
    marker: formatMarker({ kind: 'calendar', planId: options.planId }),
  };
}
