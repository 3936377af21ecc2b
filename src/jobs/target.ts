import { Problem, hasErrors, problem } from '../planning/problems';
import { Refused, isRefused, refused } from './refused';
import { FormKind } from '../sheets/forms/marker';
import { Plan } from '../planning/plan';
import { PlanForms, formsSize, sizeProblems } from '../sheets/forms/workbook';
import { ExistingSheet, Placement, placeForms } from '../sheets/placement';

/** The workbook the forms go into, as the shell found it. */
export interface Target {
  /** The sheets already in it, with their markers and typed actuals (none for a new file or a download). */
  existing: readonly ExistingSheet[];
  /**
   * The workbook is written anew (a file): a sheet the forms do not replace, someone's own or a copy of a
   * form, would be lost, so it refuses. Inside Excel the forms are written among the sheets already there.
   */
  anew: boolean;
  /** Where it is, for messages (`ke-hoach.xlsx`); null inside Excel. */
  label: string | null;
  /**
   * The forms written carry every actual of the progress report they replace (a re-split or a consolidation
   * of this very workbook), which is replaced all the same.
   */
  actualsCarried?: boolean;
}

/** The forms to write and the generated sheets they replace: what every host's write takes. */
export interface FormsToWrite {
  forms: PlanForms;
  replaced: string[];
}

// A refusal in a module of its own: the pane tells one apart without loading the forms.
export type { Refused } from './refused';
export { isRefused, refused } from './refused';

/**
 * Where the forms go in the target (`placeForms`: people's sheets are never overwritten, typed actuals never
 * lost); a target written anew refuses first any sheet the forms would not replace (`sheets-lost`).
 */
export function placementIn(target: Target, defaults: Record<FormKind, string>): Placement | Refused {
  const placement = placeForms(target.existing, defaults, { actualsCarried: target.actualsCarried });
  if (target.anew) {
    // Forms an Excel write kept for an undo are dropped, not lost: nobody's sheets, and no undo is left to them.
    const foreign = target.existing.filter((s) => !s.kept && !placement.replaced.includes(s.name)).map((s) => s.name);
    if (foreign.length > 0) return refused([sheetsLost(target.label ?? '', foreign)], 'target');
  }
  return hasErrors(placement.problems) ? refused(placement.problems, 'target') : placement;
}

/**
 * Places the forms of `plan` in the target, checks from the plan alone that they will fit in Excel, builds
 * them under the names found, and checks the built sheets.
 */
export function formsInto(target: Target, defaults: Record<FormKind, string>, plan: Plan, build: (names: Record<FormKind, string>) => PlanForms): FormsToWrite | Refused {
  const placement = placementIn(target, defaults);
  if (isRefused(placement)) return placement;
  const estimate = sizeProblems(formsSize(plan, placement.names));
  if (estimate.length > 0) return refused(estimate);
  const forms = build(placement.names);
  const tooLarge = sizeProblems(forms.sheets);
  if (tooLarge.length > 0) return refused(tooLarge);
  return { forms, replaced: placement.replaced };
}

function sheetsLost(file: string, sheets: readonly string[]): Problem {
  const list = sheets.join(', ');
  return problem('error', 'sheets-lost', file || null, null,
    `${file} có trang mà kế hoạch mới không thay (${list}: trang tự lập hoặc bản sao biểu mẫu); ghi lại tệp sẽ làm mất chúng. Hãy chọn tệp kết quả khác.`,
    `${file} holds sheets a new plan would not replace (${list}: sheets of your own, or copies of the forms); writing it anew would lose them. Choose another output file.`);
}
