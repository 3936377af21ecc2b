import { parseWeekSpec } from '../planning/calendar';
import { DayNumber, parseDate } from '../planning/days';
import { GRANULARITIES, Granularity } from '../planning/periods';
import { Problem, problem } from '../planning/problems';
import { METHODS, Method, PlanSettings, defaultSettings } from '../planning/settings';
import { DOCUMENT_KEYS, OPTIONAL_SETTING_KEYS, SETTING_KEYS, SettingKey } from './forms/calendar-sheet';
import { DocumentSettings, EMPTY_DOCUMENT, recipientLines, titleLines } from './document-settings';
import { Stage, parseStages } from '../planning/stages';
import { CellValue, Grid, gridAddress, isCellDate } from './grid';

export interface StoredPlan {
  settings: PlanSettings;
  planId: string;
  revision: number;
  /** The document's settings (empty in workbooks written before Lịch stored them). */
  document: DocumentSettings;
}

/**
 * Reads back the settings the Lịch sheet stores (key in column A, value in column C), so a plan can be
 * re-opened and re-split from the workbook alone. Every refusal names its cell.
 */
export function readPlanSettings(grid: Grid): { plan: StoredPlan | null; problems: Problem[] } {
  const found = new Map<SettingKey, { value: CellValue; at: string }>();
  grid.rows.forEach((row, r) => {
    const key = row[0];
    if (typeof key === 'string' && ([...SETTING_KEYS, ...OPTIONAL_SETTING_KEYS, ...DOCUMENT_KEYS] as readonly string[]).includes(key)) {
      found.set(key as SettingKey, { value: row[2] ?? null, at: gridAddress(grid, r, 2) });
    }
  });
  const problems: Problem[] = [];
  const bad = (at: string, vi: string, en: string): null => {
    problems.push(problem('error', 'bad-setting', at, null, vi, en));
    return null;
  };
  const get = <T>(key: SettingKey, parse: (v: CellValue) => T | null, vi: string, en: string): T | null => {
    const entry = found.get(key);
    if (!entry) {
      problems.push(problem('error', 'missing-setting', `${grid.sheet}!A`, null,
        `Trang «${grid.sheet}» thiếu thiết lập «${key}»: sổ tính không phải do quota-planner lập hoặc đã bị sửa.`,
        `Sheet "${grid.sheet}" lacks the setting "${key}": the workbook was not made by quota-planner, or it was edited.`));
      return null;
    }
    const value = parse(entry.value);
    return value === null ? bad(entry.at, `${vi} (ô ${entry.at}).`, `${en} (cell ${entry.at}).`) : value;
  };
  const text = (v: CellValue): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v === null ? '' : null);
  const day = (v: CellValue): DayNumber | null => (isCellDate(v) ? v.date : typeof v === 'string' ? parseDate(v) : null);
  const whole = (min: number) => (v: CellValue): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : null);
  const oneOf = <T extends string>(allowed: readonly T[]) => (v: CellValue): T | null => {
    const s = text(v);
    return s !== null && (allowed as readonly string[]).includes(s) ? (s as T) : null;
  };
  const dayList = (v: CellValue): DayNumber[] | null => {
    const s = text(v);
    if (s === null) return null;
    const days = s.split(',').map((p) => p.trim()).filter(Boolean).map(parseDate);
    return days.every((d): d is DayNumber => d !== null) ? days : null;
  };

  const planId = get('planId', (v) => (typeof v === 'string' && /^[0-9a-f]{8}$/.test(v) ? v : null), 'Mã kế hoạch không hợp lệ', 'Not a valid plan id');
  const revision = get('revision', whole(1), 'Lần lập phải là số nguyên ≥ 1', 'The revision must be a whole number ≥ 1');
  const start = get('start', day, 'Ngày bắt đầu không hợp lệ', 'Not a valid start date');
  const end = get('end', day, 'Ngày kết thúc không hợp lệ', 'Not a valid end date');
  const granularity = get<Granularity>('granularity', oneOf(GRANULARITIES), 'Kỳ phải là day, week hoặc month', 'Periods must be day, week or month');
  const method = get<Method>('method', oneOf(METHODS), `Cách chia phải là ${METHODS.join(', ')}`, `The method must be ${METHODS.join(', ')}`);
  const priority = get('priority', (v) => text(v)?.split(',').map((s) => s.trim()).filter(Boolean) ?? null, 'Thứ tự ưu tiên không hợp lệ', 'Not a valid priority');
  const week = get('week', (v) => { const s = text(v); return s !== null && parseWeekSpec(s) ? s : null; }, 'Tuần làm việc không hợp lệ', 'Not a valid working week');
  const holidays = get('holidays', oneOf(['vn', 'none'] as const), 'Ngày lễ phải là vn hoặc none', 'Holidays must be vn or none');
  const daysOff = get('daysOff', dayList, 'Danh sách ngày nghỉ không hợp lệ', 'Not a valid list of days off');
  const extraWorkdays = get('extraWorkdays', dayList, 'Danh sách ngày làm bù không hợp lệ', 'Not a valid list of extra working days');
  const rate = get('rate', whole(1), 'Năng suất phải là số nguyên ≥ 1', 'The rate must be a whole number ≥ 1');
  const defaultMachines = get('defaultMachines', whole(0), 'Số máy mặc định phải là số nguyên ≥ 0', 'Default machines must be a whole number ≥ 0');
  const stagesEntry = found.get('stages');
  let stages: Stage[] | undefined;
  if (stagesEntry && text(stagesEntry.value)) {
    const parsed = parseStages(text(stagesEntry.value)!);
    if ('error' in parsed) bad(stagesEntry.at, `Giai đoạn không hợp lệ: ${parsed.error.vi} (ô ${stagesEntry.at}).`, `Not valid stages: ${parsed.error.en} (cell ${stagesEntry.at}).`);
    else stages = parsed.stages;
  }
  const document = readDocument(found, bad);
  if (problems.length > 0) return { plan: null, problems };

  const settings = defaultSettings(start!, end!);
  Object.assign(settings, { granularity, method, priority, rate, defaultMachines });
  settings.calendar = { week: week!, holidays: holidays!, daysOff: daysOff!, extraWorkdays: extraWorkdays! };
  if (stages) settings.stages = stages;
  return { plan: { settings, planId: planId!, revision: revision!, document }, problems };
}

/** The document's settings as Lịch stores them: text as typed (numbers as shown), the date of issue a date. */
function readDocument(found: Map<SettingKey, { value: CellValue; at: string }>, bad: (at: string, vi: string, en: string) => null): DocumentSettings {
  const text = (key: SettingKey): string => {
    const v = found.get(key)?.value ?? null;
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  };
  const doc: DocumentSettings = {
    ...EMPTY_DOCUMENT,
    issuer: text('issuer'), issuerParent: text('issuerParent'), number: text('number'), place: text('place'),
    signerTitle: titleLines(text('signerTitle')), signer: text('signer'), preparer: text('preparer'), recipients: recipientLines(text('recipients')),
  };
  const issued = found.get('issued');
  if (issued && issued.value !== null && issued.value !== '') {
    const day = isCellDate(issued.value) ? issued.value.date : typeof issued.value === 'string' ? parseDate(issued.value) : null;
    if (day === null) bad(issued.at, `Ngày ban hành không hợp lệ (ô ${issued.at}): hãy gõ một ngày dd/mm/yyyy hoặc xóa ô.`, `Not a valid date of issue (cell ${issued.at}): type a date dd/mm/yyyy or clear the cell.`);
    else doc.issued = day;
  }
  return doc;
}
