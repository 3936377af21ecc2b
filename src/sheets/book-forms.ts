import { FormKind } from './forms/marker';
import { DocumentSettings } from './document-settings';
import { FormOptions, defaultFormNames } from './forms/options';
import { Lang } from './forms/text';
import { PlanForms, planForms } from './forms/workbook';
import { PlanWorkbook } from './read-plan-workbook';
import { Revision } from './revise';

/** The names a workbook's forms keep; a form it lacked (the history, in an older one) gets its default name. */
export function keptNames(book: PlanWorkbook, lang: Lang): Record<FormKind, string> {
  const names = defaultFormNames(lang);
  for (const [kind, name] of Object.entries(book.names) as [FormKind, string][]) if (name) names[kind] = name;
  return names;
}

/**
 * The same revision's forms again, with other actuals (a consolidation): same plan, same id, same history, and
 * the targets typed over on Phụ lục 01 still there, for the next re-split to hold.
 */
export function sameRevisionForms(book: PlanWorkbook, actuals: ReadonlyArray<number | null>, names = keptNames(book, book.lang)): PlanForms {
  const options: FormOptions = {
    lang: book.lang, document: book.document, planId: book.planId, revision: book.revision, names, history: book.history, actuals, held: book.held,
    quotaEdits: book.edits,
  };
  return planForms(book.plan, { units: book.units, registers: book.plan.registers }, options);
}

/** A re-split's forms: the next revision, every actual carried over, held targets shaded, a history line more. */
export function revisionForms(book: PlanWorkbook, revision: Revision, opts: { lang?: Lang; document?: Partial<DocumentSettings>; names?: Record<FormKind, string> } = {}): PlanForms {
  const lang = opts.lang ?? book.lang;
  const options: FormOptions = {
    lang, document: { ...book.document, ...opts.document }, planId: revision.planId, revision: revision.revision, names: opts.names ?? keptNames(book, lang),
    history: revision.history, actuals: revision.actuals, held: revision.held,
  };
  return planForms(revision.plan, { units: revision.units, registers: revision.plan.registers }, options);
}
