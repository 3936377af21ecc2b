import { DayNumber } from '../planning/days';
import { Plan } from '../planning/plan';
import { PlanSettings } from '../planning/settings';
import { planStages } from '../planning/stage-plan';
import { planId } from '../sheets/forms/marker';
import { DocumentSettings, documentSettings } from '../sheets/document-settings';
import { defaultFormNames } from '../sheets/forms/options';
import { Lang } from '../sheets/forms/text';
import { planForms } from '../sheets/forms/workbook';
import { UnitsTable } from '../sheets/read-units';
import { FormsToWrite, Refused, Target, formsInto, isRefused, refused } from './target';

/**
 * The use case "plan": a units table and settings in, the plan and the forms to write out. The CLI runs it
 * whole; the pane plans for the preview (`planOf`) and hands that plan back when writing.
 */

/**
 * What the forms print besides the plan: their language, and the document around the tables (issuing body,
 * number, date of issue, signer, recipients…; unset ones print dotted lines to fill by hand).
 */
export interface PlanDocument extends Partial<DocumentSettings> {
  lang: Lang;
  /** Today in Viet Nam: the first line of Lịch sử kế hoạch. */
  made: DayNumber;
}

/** Plans the units (with stages when the settings have them); the planner's errors refuse, its warnings stay on the plan. */
export function planOf(table: UnitsTable, settings: PlanSettings): { plan: Plan } | Refused {
  const plan = planStages(table.units, table.registers, settings);
  const errors = plan.problems.filter((p) => p.severity === 'error');
  return errors.length > 0 ? refused(errors) : { plan };
}

export interface PlanJob {
  table: UnitsTable;
  settings: PlanSettings;
  /** The plan already made from this table and these settings (the pane's preview); planned anew when absent. */
  plan?: Plan;
  document: PlanDocument;
  target: Target;
}

/** Plans (unless given the plan), places the six forms in the target and builds them. */
export function planJob(job: PlanJob): ({ plan: Plan } & FormsToWrite) | Refused {
  let plan = job.plan;
  if (!plan) {
    const made = planOf(job.table, job.settings);
    if (isRefused(made)) return made;
    plan = made.plan;
  }
  const { lang, made, ...document } = job.document;
  const id = planId(plan);
  const planned = plan;
  const out = formsInto(job.target, defaultFormNames(lang), planned, (names) =>
    planForms(planned, job.table, { lang, document: documentSettings(document), planId: id, revision: 1, names, made }));
  return isRefused(out) ? out : { plan, ...out };
}
