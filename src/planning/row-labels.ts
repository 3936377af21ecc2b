import { Plan } from './plan';
import { registerLabel } from './registers';
import { Stage, stageLabel } from './stages';
import { Unit, codeNote } from './units';

/** How messages name a plan's units, stages and rows, in both languages. */

/** A unit as messages name it: its name, and its code when it has one (two "Xã Đông Khê" are told apart). */
export const unitLabel = (u: Unit, lang: 'vi' | 'en'): string => `${u.name}${codeNote(u.code, lang)}`;

/** A stage as messages name it: `«Quét sổ»`, `"Scan"`. */
export const quotedStage = (stage: Pick<Stage, 'key' | 'label'>, lang: 'vi' | 'en'): string =>
  lang === 'vi' ? `«${stageLabel(stage, 'vi')}»` : `"${stageLabel(stage, 'en')}"`;

/**
 * A plan row as messages name it: the unit and register (`Xã Nha Bích, Khai sinh`), then its stage in a
 * plan with stages (`Xã Nha Bích, Khai sinh, «Nhập liệu»`); a books stage's row has no register.
 */
export function rowLabel(plan: Plan, r: number, lang: 'vi' | 'en'): string {
  const row = plan.rows[r];
  const unit = unitLabel(plan.units[row.unitIndex], lang);
  const stage = row.stage === undefined ? undefined : plan.settings.stages?.[row.stage];
  if (!stage) return `${unit}, ${registerLabel(row.register, lang)}`;
  return stage.unit === 'books' ? `${unit}, ${quotedStage(stage, lang)}` : `${unit}, ${registerLabel(row.register, lang)}, ${quotedStage(stage, lang)}`;
}

/** What a plan row counts, as messages say it: records, or books for a books stage. */
export function rowNoun(plan: Plan, r: number, lang: 'vi' | 'en'): string {
  const stage = plan.rows[r].stage;
  const books = stage !== undefined && plan.settings.stages?.[stage]?.unit === 'books';
  return books ? (lang === 'vi' ? 'quyển sổ' : 'books') : lang === 'vi' ? 'trường hợp' : 'records';
}
