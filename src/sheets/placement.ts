import { Problem, problem } from '../planning/problems';
import { FORM_KINDS, FormKind, FormMarker } from './forms/marker';

/** A sheet already in the workbook, as a host sees it. */
export interface ExistingSheet {
  name: string;
  /** Its generated-sheet marker; null for a sheet people made. */
  marker: FormMarker | null;
  /** Address of the first actual typed in it (progress reports only), or null. */
  typedActual: string | null;
  /**
   * A form an Excel write replaced and keeps hidden for an undo (`KEPT_NAME`): no form any more, in any host
   * or file, though its name stays taken.
   */
  kept: boolean;
}

export interface Placement {
  /** The name each form is written under. */
  names: Record<FormKind, string>;
  /** Existing generated sheets the forms replace (one per kind; a copy of one is not among them). */
  replaced: string[];
  /** Refusals: a sheet holding typed actuals is never replaced by a new plan, nor is any copy of it. */
  problems: Problem[];
}

const MAX_NAME = 31;

/** `Tổng hợp (2)`: a free name, kept within Excel's 31 characters. `taken` is lower case: sheet names compare case-insensitively. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export interface PlaceOptions {
  /**
   * The forms written carry every actual typed in the progress report they replace (a re-split, a
   * consolidation: they were read from it). That report is replaced all the same; typed actuals anywhere
   * else (a copy of the report) still refuse the write.
   */
  actualsCarried?: boolean;
}

/**
 * Decides where each form goes in a workbook that already has sheets. A generated sheet of the same kind
 * is replaced (under the name it has now, in case someone renamed it), unless it holds typed actuals; a
 * sheet people made is never touched: a form whose name it has takes the next free name instead.
 */
export function placeForms(existing: readonly ExistingSheet[], defaults: Record<FormKind, string>, options: PlaceOptions = {}): Placement {
  const replaced: string[] = [];
  const problems: Problem[] = [];
  const names = {} as Record<FormKind, string>;
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  const forms = existing.filter((s) => !s.kept);
  const kinds = Object.keys(defaults) as FormKind[];
  const pending: FormKind[] = [];
  // The progress report the forms replace: the first sheet marked as one, as below.
  const report = forms.find((s) => s.marker?.kind === 'progress');
  for (const sheet of forms) {
    if (!sheet.typedActual) continue;
    if (options.actualsCarried && sheet === report) continue;
    problems.push(problem('error', 'actuals-typed', sheet.typedActual, null,
      `Trang «${sheet.name}» đã có số thực hiện được nhập (ô ${sheet.typedActual}): lập lại kế hoạch sẽ làm mất chúng. Hãy ghi ra tệp khác.`,
      `Sheet "${sheet.name}" already holds typed actuals (cell ${sheet.typedActual}): planning again would lose them. Write to another file.`));
  }
  for (const kind of kinds) {
    const mine = forms.find((s) => s.marker?.kind === kind);
    if (!mine) {
      pending.push(kind);
      continue;
    }
    names[kind] = mine.name;
    replaced.push(mine.name);
  }
  for (const kind of pending) {
    names[kind] = freeName(defaults[kind], taken);
    taken.add(names[kind].toLowerCase());
  }
  return { names, replaced, problems };
}

/** The sheets of a workbook as the hosts find them: each with its generated-sheet marker, or null. */
export type MarkedSheet = Pick<ExistingSheet, 'name' | 'marker' | 'kept'>;

export type PlanFormsFound =
  | {
      /** The sheet each form has ('' for a form the workbook lacks: the history, in an older one). */
      names: Record<FormKind, string>;
      planId: string;
      /** Sheets that are not forms of the plan (people's own, or copies of a form); not the kept ones. */
      others: string[];
    }
  | {
      names: null;
      /** Why the workbook holds no plan, to follow "… is not a plan workbook: ". */
      why: { vi: string; en: string };
    };

/**
 * The forms of the one plan a workbook holds, found by their markers: what reading a plan back (a re-split)
 * starts from, in every host. A copy of a form carries its marker too: the first sheet of a kind is the
 * form, a later one is someone's sheet. Lịch, Đơn vị đã đọc and Phụ lục 02 must be there, all of one plan.
 */
export function findPlanForms(sheets: readonly MarkedSheet[]): PlanFormsFound {
  const names = {} as Record<FormKind, string>;
  const ids = new Set<string>();
  const others: string[] = [];
  for (const s of sheets) {
    // An undo's copy of old forms: neither the plan (it may come first) nor a sheet of anyone's to carry over.
    if (s.kept) continue;
    if (!s.marker || names[s.marker.kind] !== undefined) {
      others.push(s.name);
      continue;
    }
    names[s.marker.kind] = s.name;
    ids.add(s.marker.planId);
  }
  const missing = (['calendar', 'units', 'progress'] as const).filter((k) => names[k] === undefined);
  if (missing.length > 0 || ids.size !== 1) {
    const why = ids.size > 1
      ? { vi: `có biểu mẫu của ${ids.size} kế hoạch khác nhau (${[...ids].join(', ')})`, en: `it holds forms of ${ids.size} different plans (${[...ids].join(', ')})` }
      : { vi: 'không có các trang Lịch, Đơn vị đã đọc và Phụ lục 02 do quota-planner lập', en: 'it lacks the Calendar, Units read and Annex 02 sheets quota-planner writes' };
    return { names: null, why };
  }
  for (const kind of FORM_KINDS) names[kind] ??= '';
  return { names, planId: [...ids][0], others };
}
