import { Bilingual, both } from '../i18n/strings';
import { Plan } from '../planning/plan';
import { Problem } from '../planning/problems';
import { formatCount } from '../planning/text';
import type { Lang } from '../sheets/forms/text';
import { UnitsTable } from '../sheets/read-units';
import type { WriteOutcome } from './host';
import { SettingsForm } from './pane-settings';
import { PreviewModel, previewModel } from './preview';
import { SourceSummary, sourceSummary } from './source-summary';

/**
 * The pane's whole state and the one reducer that changes it. Messages are kept in both languages
 * (or as data), so switching language re-renders everything without asking the host again.
 */

export type SourceState =
  /** Standalone, before a file is chosen. */
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; table: UnitsTable; label: string; summary: SourceSummary }
  | { status: 'failed'; error: Bilingual };

/**
 * `generation` is the pane's (see `PaneState.generation`) when the plan was asked for: a plan is kept only
 * for the settings and table it was made from.
 */
export type PreviewState =
  | { status: 'none' }
  | { status: 'planning'; generation: number }
  | { status: 'planned'; plan: Plan; model: PreviewModel; generation: number }
  /** The planner's errors (no working day in the window…): nothing to show. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

export type WritePhase = 'planning' | 'checking' | 'building' | 'writing';

export type WriteState =
  | { status: 'idle' }
  /** `fraction` is the host's 0..1 while writing, null before (indeterminate). */
  | { status: 'busy'; phase: WritePhase; fraction: number | null }
  /** Placement refusals (typed actuals) or sheets too large: nothing was written. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'done'; outcome: WriteOutcome }
  | { status: 'failed'; error: Bilingual };

export interface PaneState {
  /** `excel`: inside Excel; `file`: a workbook file chosen in a plain browser. */
  mode: 'excel' | 'file';
  lang: Lang;
  /** Standalone: the name of the file chosen, once there is one. */
  fileName: string | null;
  form: SettingsForm;
  /**
   * Counts the changes to what a plan is made from (a setting that changes the plan, the settings loaded,
   * the table read again): a plan asked for before the last change is stale, and dropped when it arrives.
   */
  generation: number;
  source: SourceState;
  preview: PreviewState;
  write: WriteState;
  /** The last save of the settings failed (shown as a warning; planning goes on). */
  settingsNotSaved: boolean;
  /** The last status worth announcing (an aria-live region reads it). */
  status: Bilingual | null;
}

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'form'; patch: Partial<SettingsForm> }
  | { type: 'form-loaded'; form: SettingsForm }
  | { type: 'file-chosen'; fileName: string }
  | { type: 'source-reading' }
  | { type: 'source-read'; table: UnitsTable; label: string }
  | { type: 'source-failed'; error: Bilingual }
  /** A plan is asked for, from the settings and table as they are now (the current generation). */
  | { type: 'preview-planning' }
  /** `generation`: the one the plan was asked for with; a plan for another (older) form is dropped. */
  | { type: 'preview-planned'; plan: Plan; generation: number }
  | { type: 'preview-refused'; problems: Problem[]; generation: number }
  | { type: 'preview-failed'; error: Bilingual; generation: number }
  | { type: 'write-phase'; phase: WritePhase }
  | { type: 'write-progress'; fraction: number }
  | { type: 'write-refused'; problems: Problem[] }
  | { type: 'write-done'; outcome: WriteOutcome }
  | { type: 'write-failed'; error: Bilingual }
  | { type: 'settings-saved'; ok: boolean }
  | { type: 'announce'; status: Bilingual };

export function initialState(mode: PaneState['mode'], lang: Lang, form: SettingsForm): PaneState {
  return {
    mode,
    lang,
    fileName: null,
    form,
    generation: 0,
    source: mode === 'excel' ? { status: 'reading' } : { status: 'none' },
    preview: { status: 'none' },
    write: { status: 'idle' },
    settingsNotSaved: false,
    status: null,
  };
}

/** True while the pane waits on the host or the planner: actions that start another wait are refused. */
export const isBusy = (s: PaneState): boolean =>
  s.source.status === 'reading' || s.preview.status === 'planning' || s.write.status === 'busy';

const NOTHING_PLANNED = { preview: { status: 'none' } as PreviewState };

/** The plan asked for with `generation` is still awaited: neither the settings nor the table changed since. */
const awaited = (state: PaneState, generation: number): boolean =>
  state.preview.status === 'planning' && state.preview.generation === generation && state.generation === generation;

/** A write that ended (planning threw, say) leaves no preview waiting for a plan, which would keep the pane busy. */
const settled = (state: PaneState): PaneState => (state.preview.status === 'planning' ? { ...state, ...NOTHING_PLANNED } : state);

export function reduce(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'form': {
      const form = { ...state.form, ...action.patch };
      // A preview shows the settings it was made with: a change makes it stale (the issuer is only printed).
      const replans = Object.keys(action.patch).some((key) => key !== 'issuer');
      return replans ? { ...state, form, generation: state.generation + 1, ...NOTHING_PLANNED } : { ...state, form };
    }
    case 'form-loaded':
      return { ...state, form: action.form, generation: state.generation + 1, ...NOTHING_PLANNED };
    case 'file-chosen':
      return { ...state, fileName: action.fileName };
    case 'source-reading':
      return {
        ...state,
        source: { status: 'reading' },
        generation: state.generation + 1,
        ...NOTHING_PLANNED,
        write: { status: 'idle' },
        status: both((s) => s.readingSource),
      };
    case 'source-read': {
      const summary = sourceSummary(action.table);
      return {
        ...state,
        source: { status: 'read', table: action.table, label: action.label, summary },
        status: both((s, lang) => s.sourceRead(summary.units, formatCount(summary.units, lang))),
      };
    }
    case 'source-failed':
      return { ...state, source: { status: 'failed', error: action.error }, status: action.error };
    case 'preview-planning':
      return { ...state, preview: { status: 'planning', generation: state.generation }, status: both((s) => s.planning) };
    case 'preview-planned': {
      if (!awaited(state, action.generation)) return state;
      const model = previewModel(action.plan);
      return {
        ...state,
        preview: { status: 'planned', plan: action.plan, model, generation: action.generation },
        status: both((s, lang) => s.planned(model.periods.length, formatCount(model.total, lang))),
      };
    }
    case 'preview-refused':
      if (!awaited(state, action.generation)) return state;
      return { ...state, preview: { status: 'refused', problems: action.problems }, status: both((s) => s.planRefused) };
    case 'preview-failed':
      if (!awaited(state, action.generation)) return state;
      return { ...state, preview: { status: 'failed', error: action.error }, status: action.error };
    case 'write-phase': {
      const status = both((s) => ({ planning: s.planning, checking: s.checkingSheets, building: s.building, writing: s.writing })[action.phase]);
      return { ...state, write: { status: 'busy', phase: action.phase, fraction: action.phase === 'writing' ? 0 : null }, status };
    }
    case 'write-progress':
      return state.write.status === 'busy' ? { ...state, write: { ...state.write, fraction: action.fraction } } : state;
    case 'write-refused':
      return { ...settled(state), write: { status: 'refused', problems: action.problems }, status: both((s) => s.writeRefused) };
    case 'write-done':
      return { ...settled(state), write: { status: 'done', outcome: action.outcome }, status: both((s) => s.writtenStatus(action.outcome.sheets.length)) };
    case 'write-failed':
      return { ...settled(state), write: { status: 'failed', error: action.error }, status: action.error };
    case 'settings-saved':
      return { ...state, settingsNotSaved: !action.ok };
    case 'announce':
      return { ...state, status: action.status };
  }
}
