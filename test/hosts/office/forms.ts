import { documentSettings } from '../../../src/sheets/document-settings';
import { dayFromYMD } from '../../../src/planning/days';
import { Plan, planUnits } from '../../../src/planning/plan';
import { defaultSettings } from '../../../src/planning/settings';
import { EXAMPLE_REGISTERS, inventUnits, loadCommunes } from '../../../src/examples/national';
import { planId } from '../../../src/sheets/forms/marker';
import { defaultFormNames } from '../../../src/sheets/forms/options';
import { planForms } from '../../../src/sheets/forms/workbook';
import { ProgressLayout } from '../../../src/sheets/forms/progress-layout';
import { SheetModel } from '../../../src/sheets/model';
import { ExistingSheet, placeForms } from '../../../src/sheets/placement';

/**
 * Real forms for the first `count` of Viet Nam's communes (the national list shipped in data/, with
 * invented counts), six registers, planned month by month over 2024, and placed among `existing` sheets
 * as the pane would place them.
 */
export function monthlyForms(count: number, existing: readonly ExistingSheet[] = [], seed = 2025): { sheets: SheetModel[]; replaced: string[]; progress: ProgressLayout; plan: Plan } {
  const units = inventUnits(loadCommunes().slice(0, count), seed);
  const plan = planUnits(units, EXAMPLE_REGISTERS, { ...defaultSettings(dayFromYMD(2024, 1, 1), dayFromYMD(2024, 12, 31)), granularity: 'month' });
  const placement = placeForms(existing, defaultFormNames('vi'));
  const options = { lang: 'vi' as const, document: documentSettings({ issuer: 'UBND TỈNH Z' }), planId: planId(plan), revision: 1, names: placement.names, made: dayFromYMD(2024, 1, 1) };
  const forms = planForms(plan, { units, registers: EXAMPLE_REGISTERS }, options);
  return { sheets: forms.sheets, replaced: placement.replaced, progress: forms.progress, plan };
}
