import { formatISO } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { formatStages } from '../../planning/stages';

/** The forms a plan writes; the marker says which one a sheet is. */
export type FormKind = 'quota' | 'progress' | 'report' | 'rollup' | 'calendar' | 'units' | 'history';
export const FORM_KINDS: readonly FormKind[] = ['quota', 'progress', 'report', 'rollup', 'calendar', 'units', 'history'];

const PREFIX = 'quota-planner';

/**
 * Hidden names scoped to a generated sheet. The marker is a text constant; the actuals name refers to
 * the progress report's input cells, so Excel keeps it right when people insert rows.
 */
export const MARKER_NAME = 'QuotaPlanner.Form';
export const ACTUALS_NAME = 'QuotaPlanner.Actuals';
/**
 * In Excel, what the last write added and what it replaced and keeps (hidden) for an undo: see
 * hosts/office/undo.ts. A kept sheet is no form any more: readers pass it by.
 */
export const WRITTEN_NAME = 'QuotaPlanner.Written';
export const KEPT_NAME = 'QuotaPlanner.Kept';
/**
 * The progress report's boxes, in workbooks written since each period's target stands next to its box: the
 * hidden row of each box's period (its first row: a value over each column of boxes, blank over the others)
 * and the rows of units under it. `ACTUALS_NAME`, in older workbooks, names a range of boxes only.
 */
export const INPUTS_NAME = 'QuotaPlanner.Inputs';

export interface FormMarker {
  kind: FormKind;
  planId: string;
}

/** The hidden marker of a generated sheet, e.g. `quota-planner/progress/3f9a12c0`. */
export function formatMarker(marker: FormMarker): string {
  return `${PREFIX}/${marker.kind}/${marker.planId}`;
}

/** The marker's parts, or null when the text is not one of ours (a sheet people made). */
export function parseMarker(text: string | null | undefined): FormMarker | null {
  const m = /^quota-planner\/([a-z]+)\/([0-9a-f]{8})$/.exec(text ?? '');
  if (!m || !FORM_KINDS.includes(m[1] as FormKind)) return null;
  return { kind: m[1] as FormKind, planId: m[2] };
}

/**
 * Identifies a plan by what decides it (settings, and every row's unit, register and remaining count): FNV-1a
 * over a canonical text, so the same plan always gets the same id and a returned file can be matched to it.
 * A re-split (revision 2 on) is not what its settings alone would plan: its targets, unscheduled records,
 * finish dates and held cells (`r·P + k`) join the text, so every revision has its own id and a file
 * returned from an earlier one is told apart.
 */
export function planId(plan: Plan, revision = 1, held: readonly number[] = []): string {
  const s = plan.settings;
  let h = 0x811c9dc5;
  // FNV-1a fed part by part: a national daily plan's targets would make one text of tens of megabytes.
  let first = true;
  const feed = (part: string): void => {
    const text = first ? part : `\u0002${part}`;
    first = false;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  [
    formatISO(s.start), formatISO(s.end), s.granularity, s.method, s.priority.join(','), s.calendar.week, s.calendar.holidays,
    s.calendar.daysOff.join(','), s.calendar.extraWorkdays.join(','), String(s.rate), String(s.defaultMachines),
  ].forEach(feed);
  // Stages, and each row's stage, join only when there are stages, so plans without them keep their ids.
  if (s.stages?.length) feed(formatStages(s.stages));
  for (const row of plan.rows) {
    const unit = plan.units[row.unitIndex];
    // A unit's code joins its name only when it has one, so plans of sheets without codes keep their ids.
    const name = unit.code === null ? unit.name : `${unit.name}\u0003${unit.code}`;
    const stage = row.stage === undefined ? '' : `\u0001${row.stage}`;
    feed(`${unit.parent ?? ''}\u0001${name}\u0001${row.register}\u0001${row.remaining}\u0001${unit.machines ?? ''}${stage}`);
  }
  if (revision > 1) {
    feed(`revision ${revision}`);
    const P = plan.periods.length;
    plan.rows.forEach((row, r) => feed(`${plan.targets.subarray(r * P, (r + 1) * P).join(',')}\u0001${row.unscheduled}\u0001${row.finish ?? ''}`));
    feed(held.join(','));
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
