import { DayNumber } from '../../planning/days';
import { FormKind } from './marker';
import type { RevisionEntry } from '../../planning/history';
import { DocumentSettings } from '../document-settings';
import { FORM_TEXT, Lang } from './text';

/** What a set of forms needs besides the plan. */
export interface FormOptions {
  lang: Lang;
  /** The document around the tables (issuing body, number, date, signer, recipients); what is unset prints dotted. */
  document: DocumentSettings;
  /**
   * The district or commune a part written by `split` is for: Phụ lục 02 and the periodic report name it as
   * the reporting unit. Absent for the plan workbook itself (a line to fill).
   */
  reportingUnit?: string;
  /** `planId(plan, revision, held)`, computed once and stamped on every sheet. */
  planId: string;
  revision: number;
  /** The sheet each form is written to (formulas across forms use them): `placeForms` decides. */
  names: Record<FormKind, string>;
  /** The day the forms are made (today in Viet Nam), for the first revision's history line. */
  made?: DayNumber;
  /** Every revision so far, this one last; absent for a first plan, whose line the forms make themselves. */
  history?: readonly RevisionEntry[];
  /** Row-major rows × periods: actuals already typed, written back into Phụ lục 02 (null = blank). */
  actuals?: ReadonlyArray<number | null>;
  /** Cells `r·P + k` whose target a planner held by hand: shaded on the forms and kept by the next re-split. */
  held?: readonly number[];
  /** Targets typed over on Phụ lục 01 (`r·P + k` → the figure), written there again so the next re-split holds them. */
  quotaEdits?: ReadonlyMap<number, number>;
}

/** The forms' own names in a language, before any collision with sheets already in a workbook. */
export function defaultFormNames(lang: Lang): Record<FormKind, string> {
  return { ...FORM_TEXT[lang].sheets };
}
