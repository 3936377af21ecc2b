/**
 * Workflow stages (scan, entry, cross-check, attach, approve…): a record is digitized only when its last
 * stage is done. Each stage has its own window and may trail the previous one by a few working days. A
 * plan without stages has one flow of records, as before.
 */
import { DayNumber, formatISO, formatVN, parseDate } from './days';
import { fold } from './text';

/** What a stage counts: records (trường hợp), or books (quyển) for collecting and classifying them. */
export type StageUnit = 'records' | 'books';

export interface Stage {
  /** Stable key: the JSON's `stage` and the settings' spelling (`scan`, `entry`… or a stage the user named). */
  key: string;
  /** The name the user gave it; null shows the catalog's name in the form's language. */
  label: string | null;
  start: DayNumber;
  end: DayNumber;
  /** Working days this stage trails the previous records stage ("approval follows entry by 2 working days"). */
  lag: number;
  unit: StageUnit;
}

interface CatalogStage {
  key: string;
  vi: string;
  en: string;
  /** Short verb phrases for the roll-up's "stage it is in": `Đang quét`, `Scanning`. */
  doing: { vi: string; en: string };
  unit: StageUnit;
  aliases: string[];
}

/** The stages the plans name, in the order they usually run. */
export const STAGE_CATALOG: readonly CatalogStage[] = [
  { key: 'collect', vi: 'Thu thập, phân loại sổ', en: 'Collect & classify books', doing: { vi: 'Đang thu thập sổ', en: 'Collecting books' }, unit: 'books', aliases: ['thu thap', 'phan loai', 'thu thap phan loai', 'collect', 'classify'] },
  { key: 'scan', vi: 'Quét sổ', en: 'Scan', doing: { vi: 'Đang quét', en: 'Scanning' }, unit: 'records', aliases: ['quet', 'scan', 'chup'] },
  { key: 'entry', vi: 'Nhập liệu', en: 'Data entry', doing: { vi: 'Đang nhập', en: 'Entering' }, unit: 'records', aliases: ['nhap', 'nhap lieu', 'so hoa', 'entry', 'data entry', 'enter'] },
  { key: 'cross-check', vi: 'Đối chiếu', en: 'Cross-check', doing: { vi: 'Đang đối chiếu', en: 'Cross-checking' }, unit: 'records', aliases: ['doi chieu', 'ra soat', 'crosscheck', 'cross check', 'check'] },
  { key: 'attach', vi: 'Đính kèm', en: 'Attach scans', doing: { vi: 'Đang đính kèm', en: 'Attaching' }, unit: 'records', aliases: ['dinh kem', 'attach', 'attach scans'] },
  { key: 'approve', vi: 'Phê duyệt', en: 'Approve', doing: { vi: 'Đang phê duyệt', en: 'Approving' }, unit: 'records', aliases: ['phe duyet', 'duyet', 'approve', 'approval'] },
];

/** The stages a new list starts with (the user drops, renames or adds). */
export const DEFAULT_STAGE_KEYS: readonly string[] = ['scan', 'entry', 'cross-check', 'attach', 'approve'];

const catalogOf = (key: string): CatalogStage | undefined => STAGE_CATALOG.find((c) => c.key === key);

const CATALOG_INDEX: Map<string, CatalogStage> = (() => {
  const index = new Map<string, CatalogStage>();
  for (const c of STAGE_CATALOG) for (const name of [c.key, c.vi, c.en, ...c.aliases]) index.set(fold(name), c);
  return index;
})();

/** The catalog stage a name means (`Quét`, `quet`, `Scan`, `scan`), or undefined. */
export const matchStage = (name: string): CatalogStage | undefined => CATALOG_INDEX.get(fold(name));

/** A stage's name as forms and messages show it. */
export function stageLabel(stage: Pick<Stage, 'key' | 'label'>, lang: 'vi' | 'en'): string {
  return stage.label ?? catalogOf(stage.key)?.[lang] ?? stage.key;
}

/** "In progress" wording for the roll-up: the catalog's verb, or "Đang: <name>" for a stage of the user's. */
export function stageDoing(stage: Pick<Stage, 'key' | 'label'>, lang: 'vi' | 'en'): string {
  const c = catalogOf(stage.key);
  if (c && stage.label === null) return c.doing[lang];
  return `${lang === 'vi' ? 'Đang' : 'In'}: ${stageLabel(stage, lang)}`;
}

/** A stage's key from its name: the catalog's for a catalog name in any spelling, else the folded words joined by hyphens. */
export const stageKey = (name: string): string => matchStage(name)?.key ?? fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The index of the records stage whose work a stage waits for: the nearest records stage before it
 * (-1 for the first, and for a books stage, whose books are not the records the next stages count).
 */
export function predecessorOf(stages: readonly Pick<Stage, 'unit'>[], s: number): number {
  if (stages[s].unit === 'books') return -1;
  for (let p = s - 1; p >= 0; p--) if (stages[p].unit === 'records') return p;
  return -1;
}

/** The stage the plan's records are finished by: the last one. */
export const finalStage = (stages: readonly Stage[] | undefined): number => (stages && stages.length > 0 ? stages.length - 1 : 0);

/**
 * True for the rows whose records are finished when done: every row of a plan without stages, the final
 * stage's rows otherwise. Totals of records to digitize, done and left count these rows only.
 */
export function isFinalRow(plan: { settings: { stages?: readonly Stage[] } }, row: { stage?: number }): boolean {
  const stages = plan.settings.stages;
  return !stages || stages.length === 0 || row.stage === stages.length - 1;
}

export type StageError = { vi: string; en: string };

/**
 * What is wrong with a list of stages, or null. Every caller (the CLI, the pane, settings read back) words
 * nothing of its own: these messages name the stage.
 */
export function stagesProblem(stages: readonly Stage[]): StageError | null {
  if (stages.length === 0) return { vi: 'Danh sách giai đoạn trống.', en: 'The list of stages is empty.' };
  const seen = new Set<string>();
  for (const [i, s] of stages.entries()) {
    const vi = stageLabel(s, 'vi');
    const en = stageLabel(s, 'en');
    if (!s.key) return { vi: `Giai đoạn thứ ${i + 1} không có tên.`, en: `Stage ${i + 1} has no name.` };
    if (s.label !== null && (/[,:=/+]|\.\./.test(s.label) || !s.label.trim() || s.label !== s.label.trim())) {
      return { vi: `Tên giai đoạn «${s.label}» không được trống, có dấu cách ở đầu hay cuối, hay chứa , : = / + hoặc ..`, en: `The stage name "${s.label}" must not be blank, start or end with a space, or hold , : = / + or ..` };
    }
    if (seen.has(s.key)) return { vi: `Giai đoạn «${vi}» có hai lần.`, en: `The stage "${en}" is listed twice.` };
    seen.add(s.key);
    if (s.end < s.start) {
      return { vi: `Giai đoạn «${vi}» kết thúc ${formatVN(s.end)}, trước khi bắt đầu ${formatVN(s.start)}.`, en: `The stage "${en}" ends on ${formatVN(s.end)}, before it starts on ${formatVN(s.start)}.` };
    }
    if (!Number.isSafeInteger(s.lag) || s.lag < 0 || s.lag > 366) {
      return { vi: `Độ trễ của giai đoạn «${vi}» phải là số ngày làm việc từ 0 đến 366.`, en: `The lag of the stage "${en}" must be 0 to 366 working days.` };
    }
    if (s.lag > 0 && predecessorOf(stages, i) < 0) {
      return { vi: `Giai đoạn «${vi}» không chờ giai đoạn nào (nó đầu tiên, hoặc trước nó chỉ có giai đoạn tính theo quyển): độ trễ phải là 0.`, en: `The stage "${en}" waits for no stage (it is first, or only a books stage comes before it): its lag must be 0.` };
    }
    if (s.unit === 'books' && i > 0) {
      return { vi: `Chỉ giai đoạn đầu tiên được tính theo quyển sổ («${vi}» là giai đoạn thứ ${i + 1}).`, en: `Only the first stage may count books ("${en}" is stage ${i + 1}).` };
    }
  }
  if (stages.every((s) => s.unit === 'books')) {
    return { vi: 'Cần ít nhất một giai đoạn tính theo trường hợp.', en: 'At least one stage must count records.' };
  }
  return null;
}

/** The window that holds every stage: the plan's start and end. */
export function stagesWindow(stages: readonly Stage[]): { start: DayNumber; end: DayNumber } {
  return { start: Math.min(...stages.map((s) => s.start)), end: Math.max(...stages.map((s) => s.end)) };
}

/**
 * Parses `scan:2025-03-01..2025-03-15,entry:..2025-03-20,approve:..2025-03-25+2`. Each item is
 * `NAME[=LABEL][/books|/records]:[START]..END[+LAG]`: NAME a catalog stage in any spelling or a name of the
 * user's; `=LABEL` renames it; a missing START is `defaultStart` (the plan's start) or else the first
 * stage's; LAG is in working days. Dates are read by `parseDay`: `YYYY-MM-DD` or `dd/mm/yyyy` by default; the CLI
 * passes the typed-date reader (date-fns), which the pane's first load leaves out.
 */
export function parseStages(text: string, defaultStart?: DayNumber, parseDay: (text: string) => DayNumber | null = parseDate): { stages: Stage[] } | { error: StageError } {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const stages: Stage[] = [];
  for (const item of items) {
    const m = /^([^:=/]+?)\s*(?:=\s*([^:/]+?))?\s*(?:\/\s*(books|records|quyen|quyển|truong hop|trường hợp))?\s*:\s*(.*?)\s*\.\.\s*([^+]+?)\s*(?:\+\s*(\d+))?$/i.exec(item);
    if (!m) {
      return { error: {
        vi: `«${item}» không đúng mẫu TÊN:BẮT-ĐẦU..HẠN[+TRỄ], ví dụ scan:2025-03-01..2025-03-15 hoặc approve:..2025-03-25+2.`,
        en: `"${item}" does not read as NAME:START..END[+LAG], e.g. scan:2025-03-01..2025-03-15 or approve:..2025-03-25+2.`,
      } };
    }
    const [, name, label, unitText, startText, endText, lagText] = m;
    const known = matchStage(name);
    const key = stageKey(name);
    const end = parseDay(endText);
    const start = startText === '' ? (defaultStart ?? stages[0]?.start ?? null) : parseDay(startText);
    if (end === null || (startText !== '' && start === null)) {
      return { error: { vi: `«${item}»: ngày không hợp lệ (viết YYYY-MM-DD hoặc dd/mm/yyyy).`, en: `"${item}": not a valid date (write YYYY-MM-DD or dd/mm/yyyy).` } };
    }
    if (start === null) {
      return { error: { vi: `«${item}»: giai đoạn đầu tiên cần ngày bắt đầu.`, en: `"${item}": the first stage needs a start date.` } };
    }
    const unit: StageUnit = unitText ? (/^(books|quy)/i.test(fold(unitText)) ? 'books' : 'records') : (known?.unit ?? 'records');
    stages.push({ key, label: label?.trim() || (known ? null : name.trim()), start, end, lag: lagText ? Number(lagText) : 0, unit });
  }
  const error = stagesProblem(stages);
  return error ? { error } : { stages };
}

/** The spelling parseStages reads back to the same stages (stored on the Lịch sheet). */
export function formatStages(stages: readonly Stage[]): string {
  return stages
    .map((s) => {
      const known = catalogOf(s.key);
      const name = known ? s.key : (s.label ?? s.key);
      const label = known && s.label !== null ? `=${s.label}` : '';
      const unit = s.unit !== (known?.unit ?? 'records') ? `/${s.unit}` : '';
      return `${name}${label}${unit}:${formatISO(s.start)}..${formatISO(s.end)}${s.lag > 0 ? `+${s.lag}` : ''}`;
    })
    .join(',');
}

/** The default list over a plan's window: every stage from its start to its end, no lag. */
export function defaultStages(start: DayNumber, end: DayNumber): Stage[] {
  return DEFAULT_STAGE_KEYS.map((key) => ({ key, label: null, start, end, lag: 0, unit: 'records' as const }));
}
