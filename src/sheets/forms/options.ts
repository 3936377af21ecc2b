import { FormKind } from './marker';
import { FORM_TEXT, Lang } from './text';

/** What a set of forms needs besides the plan. */
export interface FormOptions {
  lang: Lang;
  /** The issuing body printed above the title (e.g. "UBND HUYỆN VẠN NINH"); blank leaves a line to fill. */
  issuer: string;
  /** `planId(plan)`, computed once and stamped on every sheet. */
  planId: string;
  revision: number;
  /** The sheet each form is written to (formulas across forms use them): `placeForms` decides. */
  names: Record<FormKind, string>;
}

/** The forms' own names in a language, before any collision with sheets already in a workbook. */
export function defaultFormNames(lang: Lang): Record<FormKind, string> {
  return { ...FORM_TEXT[lang].sheets };
}
