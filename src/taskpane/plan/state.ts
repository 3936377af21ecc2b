import { Bilingual, both } from '../../i18n/strings';
import { Plan } from '../../planning/plan';
import { formatCount } from '../../planning/text';
import { UnitsTable } from '../../sheets/read-units';
import { NO_PREVIEW, Preview, PreviewWords } from '../shared/preview-state';
import { IDLE, WriteState } from '../shared/write-state';
import { DOCUMENT_FIELDS, SettingsForm } from './pane-settings';
import { PreviewModel } from './preview';
import { SourceSummary, sourceSummary } from './source-summary';

/** Planning from a units table: the table read, the settings typed, the plan previewed, the forms written. */

export type SourceState =
  /** Standalone, before a file is chosen. */
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; table: UnitsTable; label: string; summary: SourceSummary }
  | { status: 'failed'; error: Bilingual };

/** The plan previewed (kept for the write, when nothing changed since) and what the pane shows of it. */
export interface PlanPreview {
  plan: Plan;
  model: PreviewModel;
}

export interface PlanSlice {
  form: SettingsForm;
  /**
   * Counts the changes to what a plan is made from (a setting that changes the plan, the settings loaded,
   * the table read again): a plan asked for before the last change is stale, and dropped when it arrives.
   */
  generation: number;
  source: SourceState;
  preview: Preview<PlanPreview>;
  write: WriteState;
}

export type PlanAction =
  | { type: 'form'; patch: Partial<SettingsForm> }
  | { type: 'form-loaded'; form: SettingsForm }
  | { type: 'source-reading' }
  | { type: 'source-read'; table: UnitsTable; label: string }
  | { type: 'source-failed'; error: Bilingual };

export const initialPlan = (mode: 'excel' | 'file', form: SettingsForm): PlanSlice => ({
  form,
  generation: 0,
  source: mode === 'excel' ? { status: 'reading' } : { status: 'none' },
  preview: NO_PREVIEW,
  write: IDLE,
});

export const PLAN_WORDS: PreviewWords<PlanPreview> = {
  pending: (s) => s.planning,
  ready: ({ model }, s, lang) => s.planned(model.periods.length, formatCount(model.total, lang)),
  refused: (s) => s.planRefused,
};

/** What a plan is made from changed: a new generation, and the preview is stale. */
const changed = (slice: PlanSlice, patch: Partial<PlanSlice>): PlanSlice => ({ ...slice, ...patch, generation: slice.generation + 1, preview: NO_PREVIEW });

/** The slice after `action`, and what the status line says (undefined: unchanged; null: nothing). */
export function reducePlan(slice: PlanSlice, action: PlanAction): { slice: PlanSlice; status?: Bilingual | null } {
  switch (action.type) {
    case 'form': {
      const form = { ...slice.form, ...action.patch };
      // A preview shows the settings it was made with: a change makes it stale (the document is only printed).
      const replans = Object.keys(action.patch).some((key) => !(DOCUMENT_FIELDS as readonly string[]).includes(key));
      // The status line no longer says what the last preview planned: that plan is not the one set now.
      return replans ? { slice: changed(slice, { form }), status: null } : { slice: { ...slice, form } };
    }
    case 'form-loaded':
      return { slice: changed(slice, { form: action.form }) };
    case 'source-reading':
      return { slice: changed(slice, { source: { status: 'reading' }, write: IDLE }), status: both((s) => s.readingSource) };
    case 'source-read': {
      const summary = sourceSummary(action.table);
      return {
        slice: { ...slice, source: { status: 'read', table: action.table, label: action.label, summary } },
        status: both((s, lang) => s.sourceRead(summary.units, formatCount(summary.units, lang))),
      };
    }
    case 'source-failed':
      return { slice: { ...slice, source: { status: 'failed', error: action.error } }, status: action.error };
  }
}
