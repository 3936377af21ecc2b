import { DayNumber } from '../../planning/days';
import { Granularity, Period } from '../../planning/periods';
import { Problem } from '../../planning/problems';
import { planTotals } from '../../planning/plan-totals';
import { Method } from '../../planning/settings';
import type { RevisionEntry } from '../../planning/history';
import { Revision } from '../../sheets/revise';

/**
 * The re-split ("Chia lại") as the pane shows it: what it asks for, what it says about the plan workbook
 * it read, and the preview of a revision. Pure; the controller calls `revise` and the hosts.
 */

/** What the planner types for a re-split. */
export interface ResplitForm {
  /** Actuals count up to this day; new targets start the day after. Today until changed. */
  asOf: DayNumber | null;
  /** The new end (the plan's own until changed). */
  end: DayNumber | null;
  /** null: the plan's own method. */
  method: Method | null;
  /** The decision behind it (căn cứ / Quyết định số …), for Lịch sử kế hoạch. */
  note: string;
}

export const EMPTY_RESPLIT_FORM: ResplitForm = { asOf: null, end: null, method: null, note: '' };

export type ResplitField = 'asOf' | 'end';
export type ResplitError = 'as-of-missing' | 'end-missing';

export function validateResplit(form: ResplitForm): { ok: true; asOf: DayNumber; end: DayNumber } | { ok: false; errors: Partial<Record<ResplitField, ResplitError>> } {
  const errors: Partial<Record<ResplitField, ResplitError>> = {};
  if (form.asOf === null) errors.asOf = 'as-of-missing';
  if (form.end === null) errors.end = 'end-missing';
  return form.asOf === null || form.end === null ? { ok: false, errors } : { ok: true, asOf: form.asOf, end: form.end };
}

/** The preview of a revision: its line of Lịch sử kế hoạch, the new targets per period, and what to look at. */
export interface ResplitModel extends Omit<RevisionEntry, 'made' | 'asOf' | 'oldEnd' | 'note'> {
  asOf: DayNumber;
  oldEnd: DayNumber;
  granularity: Granularity;
  /** The periods re-split (from the one holding the day after the as-of date), with all units' targets. */
  periods: (Period & { target: number })[];
  /** Their targets together. */
  total: number;
  /** Actual cells carried over to the new forms, and targets held. */
  carried: number;
  held: number;
  cannotFinish: Problem[];
  warnings: Problem[];
}

export function resplitModel(revision: Revision): ResplitModel {
  const { made: _made, note: _note, asOf, oldEnd, ...line } = revision.history[revision.history.length - 1];
  const { plan, firstOpen } = revision.replan;
  const { perPeriod } = planTotals(plan);
  const periods = plan.periods.slice(firstOpen).map((p, i) => ({ ...p, target: perPeriod[firstOpen + i] }));
  const warnings = revision.problems.filter((p) => p.severity === 'warning');
  return {
    ...line,
    // A re-split's own line always has both: only a first plan's lacks them.
    asOf: asOf!,
    oldEnd: oldEnd!,
    granularity: plan.settings.granularity,
    periods,
    total: periods.reduce((s, p) => s + p.target, 0),
    carried: revision.actuals.reduce<number>((n, a) => (a === null ? n : n + 1), 0),
    held: revision.held.length,
    cannotFinish: warnings.filter((p) => p.code === 'cannot-finish'),
    warnings: warnings.filter((p) => p.code !== 'cannot-finish'),
  };
}

/** The revision previewed (kept for the write, when nothing changed since) and what the pane shows of it. */
export interface ResplitPreview {
  revision: Revision;
  model: ResplitModel;
}
