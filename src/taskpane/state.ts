import { Bilingual, PaneStrings, both } from '../i18n/strings';
import { Plan } from '../planning/plan';
import { Problem } from '../planning/problems';
import { formatCount } from '../planning/text';
import type { Lang } from '../sheets/forms/text';
import { PlanWorkbook } from '../sheets/read-plan-workbook';
import { UnitsTable } from '../sheets/read-units';
import { Revision } from '../sheets/revise';
import type { WriteOutcome } from '../hosts/host';
import { SettingsForm } from './pane-settings';
import { PreviewModel, previewModel } from './preview';
import { BookSummary, EMPTY_RESPLIT_FORM, ResplitForm, ResplitModel, bookSummary, resplitModel } from './resplit';
import { ConsolidationModel, ReturnedFile, mergeReturned } from './consolidation';
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

/**
 * `reading` and `revising`: a re-split reads the plan workbook again and re-splits it before writing;
 * `consolidating`: a consolidation reads it again and copies the returned actuals into it.
 */
export type WritePhase = 'reading' | 'revising' | 'consolidating' | 'planning' | 'checking' | 'building' | 'writing';

/** What the pane says while a write is in `phase` (the status line, and the progress bar's label). */
export const phaseStatus = (s: PaneStrings, phase: WritePhase): string =>
  ({ reading: s.readingBook, revising: s.revising, consolidating: s.consolidating, planning: s.planning, checking: s.checkingSheets, building: s.building, writing: s.writing })[phase];

export type WriteState =
  | { status: 'idle' }
  /** `fraction` is the host's 0..1 while writing, null before (indeterminate). */
  | { status: 'busy'; phase: WritePhase; fraction: number | null }
  /** Placement refusals (typed actuals), sheets too large, returned files refused: nothing was written. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'done'; outcome: WriteOutcome }
  | { status: 'failed'; error: Bilingual };

/**
 * What the pane is doing: planning from a units table, re-splitting a plan already written (its forms
 * read back from the workbook), or consolidating the actuals of returned files into it. The last two
 * share the plan workbook read (`PaneState.book`).
 */
export type PaneView = 'plan' | 'resplit' | 'consolidate';

/** The plan workbook a re-split or a consolidation starts from: its forms, read back with their typed actuals. */
export type BookState =
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; book: PlanWorkbook; summary: BookSummary }
  /** No plan in the workbook, or forms that cannot be read back (an actual that is not a number…): each problem names its cell. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

/** As `PreviewState`, for a revision: kept only for the book and form of `generation` (see `ResplitState`). */
export type ResplitPreviewState =
  | { status: 'none' }
  | { status: 'revising'; generation: number }
  | { status: 'revised'; revision: Revision; model: ResplitModel; generation: number }
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

export interface ResplitState {
  form: ResplitForm;
  /** Counts the changes to what a revision is made from (the form, the book read again), like `PaneState.generation`. */
  generation: number;
  preview: ResplitPreviewState;
  write: WriteState;
}

/** As `ResplitPreviewState`, for a consolidation: kept only for the book and files of `generation`. */
export type ConsolidationPreviewState =
  | { status: 'none' }
  | { status: 'checking'; generation: number }
  | { status: 'checked'; model: ConsolidationModel; generation: number }
  /** Files unreadable, of another plan or revision, disagreeing…: nothing would be copied. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

export interface ConsolidationState {
  /** The returned files chosen, in the order chosen, each read (or refused) as soon as chosen. */
  files: ReturnedFile[];
  /** The names of the files being read now (none when idle). */
  reading: string[];
  /** Counts the changes to what a consolidation is made from (the files, the book read again). */
  generation: number;
  preview: ConsolidationPreviewState;
  write: WriteState;
}

export interface PaneState {
  /** `excel`: inside Excel; `file`: a workbook file chosen in a plain browser. */
  mode: 'excel' | 'file';
  view: PaneView;
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
  /** The plan workbook read (Excel: the open one; standalone: the file chosen), for a re-split or a consolidation. */
  book: BookState;
  resplit: ResplitState;
  consolidation: ConsolidationState;
  /** The last save of the settings failed (shown as a warning; planning goes on). */
  settingsNotSaved: boolean;
  /** The last status worth announcing (an aria-live region reads it). */
  status: Bilingual | null;
}

/** Which flow a write belongs to (the plan's when absent). */
export type Flow = 'plan' | 'resplit' | 'consolidate';

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'view'; view: PaneView }
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
  | { type: 'write-phase'; phase: WritePhase; flow?: Flow }
  | { type: 'write-progress'; fraction: number; flow?: Flow }
  | { type: 'write-refused'; problems: Problem[]; flow?: Flow }
  | { type: 'write-done'; outcome: WriteOutcome; flow?: Flow }
  | { type: 'write-failed'; error: Bilingual; flow?: Flow }
  | { type: 'resplit-form'; patch: Partial<ResplitForm> }
  /** `keepResult`: reading again after a write, whose result stays shown. */
  | { type: 'book-reading'; keepResult?: boolean }
  /** `defaults` fill the form's blank dates (today, the plan's end). */
  | { type: 'book-read'; book: PlanWorkbook; defaults: { asOf: number; end: number } }
  | { type: 'book-refused'; problems: Problem[] }
  | { type: 'book-failed'; error: Bilingual }
  | { type: 'resplit-revising' }
  | { type: 'resplit-revised'; revision: Revision; generation: number }
  | { type: 'resplit-refused'; problems: Problem[]; generation: number }
  | { type: 'resplit-failed'; error: Bilingual; generation: number }
  /** Returned files chosen, being read. */
  | { type: 'returned-reading'; names: string[] }
  /** The files just read (or refused), added to those chosen before. */
  | { type: 'returned-read'; files: ReturnedFile[] }
  | { type: 'returned-removed'; name: string }
  | { type: 'consolidation-checking' }
  | { type: 'consolidation-checked'; model: ConsolidationModel; generation: number }
  | { type: 'consolidation-refused'; problems: Problem[]; generation: number }
  | { type: 'consolidation-failed'; error: Bilingual; generation: number }
  | { type: 'settings-saved'; ok: boolean }
  | { type: 'announce'; status: Bilingual };

export function initialState(mode: PaneState['mode'], lang: Lang, form: SettingsForm): PaneState {
  return {
    mode,
    view: 'plan',
    lang,
    fileName: null,
    form,
    generation: 0,
    source: mode === 'excel' ? { status: 'reading' } : { status: 'none' },
    preview: { status: 'none' },
    write: { status: 'idle' },
    book: { status: 'none' },
    resplit: { form: EMPTY_RESPLIT_FORM, generation: 0, preview: { status: 'none' }, write: { status: 'idle' } },
    consolidation: { files: [], reading: [], generation: 0, preview: { status: 'none' }, write: { status: 'idle' } },
    settingsNotSaved: false,
    status: null,
  };
}

/** True while the pane waits on the host or the planner: actions that start another wait are refused. */
export const isBusy = (s: PaneState): boolean =>
  s.source.status === 'reading' ||
  s.preview.status === 'planning' ||
  s.write.status === 'busy' ||
  s.book.status === 'reading' ||
  s.resplit.preview.status === 'revising' ||
  s.resplit.write.status === 'busy' ||
  s.consolidation.reading.length > 0 ||
  s.consolidation.preview.status === 'checking' ||
  s.consolidation.write.status === 'busy';

const NOTHING_PLANNED = { preview: { status: 'none' } as PreviewState };

/** The plan asked for with `generation` is still awaited: neither the settings nor the table changed since. */
const awaited = (state: PaneState, generation: number): boolean =>
  state.preview.status === 'planning' && state.preview.generation === generation && state.generation === generation;

/** A write that ended (planning threw, say) leaves no preview waiting for a plan, which would keep the pane busy. */
const settled = (state: PaneState): PaneState => {
  let next = state.preview.status === 'planning' ? { ...state, ...NOTHING_PLANNED } : state;
  if (next.resplit.preview.status === 'revising') next = { ...next, resplit: { ...next.resplit, preview: { status: 'none' } } };
  if (next.consolidation.preview.status === 'checking') next = { ...next, consolidation: { ...next.consolidation, preview: { status: 'none' } } };
  return next;
};

/** The revision asked for with `generation` is still awaited: neither the form nor the book changed since. */
const revisionAwaited = (state: PaneState, generation: number): boolean =>
  state.resplit.preview.status === 'revising' && state.resplit.preview.generation === generation && state.resplit.generation === generation;

/** The consolidation asked for with `generation` is still awaited: neither the files nor the book changed since. */
const consolidationAwaited = (state: PaneState, generation: number): boolean =>
  state.consolidation.preview.status === 'checking' && state.consolidation.preview.generation === generation && state.consolidation.generation === generation;

/** The write state of a flow, replaced. */
function withWrite(state: PaneState, flow: Flow | undefined, write: WriteState): PaneState {
  if (flow === 'resplit') return { ...state, resplit: { ...state.resplit, write } };
  if (flow === 'consolidate') return { ...state, consolidation: { ...state.consolidation, write } };
  return { ...state, write };
}

const writeOf = (state: PaneState, flow: Flow | undefined): WriteState =>
  flow === 'resplit' ? state.resplit.write : flow === 'consolidate' ? state.consolidation.write : state.write;

const withResplit = (state: PaneState, patch: Partial<ResplitState>): PaneState => ({ ...state, resplit: { ...state.resplit, ...patch } });

const withConsolidation = (state: PaneState, patch: Partial<ConsolidationState>): PaneState => ({ ...state, consolidation: { ...state.consolidation, ...patch } });

/** What a re-split was made from changed: its preview is stale. */
const NO_REVISION = { preview: { status: 'none' } as ResplitPreviewState };

/** What a consolidation was made from changed: its preview is stale. */
const NO_CONSOLIDATION = { preview: { status: 'none' } as ConsolidationPreviewState };

/**
 * The plan workbook is `book` now: what the re-split and the consolidation were made from changed, so both
 * previews are stale; `keepResults` keeps what their last writes said (a book read again after a write).
 */
function withBook(state: PaneState, book: BookState, keepResults = false): PaneState {
  const idle = keepResults ? {} : { write: { status: 'idle' } as WriteState };
  const next = withResplit({ ...state, book }, { generation: state.resplit.generation + 1, ...NO_REVISION, ...idle });
  return withConsolidation(next, { generation: state.consolidation.generation + 1, ...NO_CONSOLIDATION, ...idle });
}

export function reduce(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'view':
      return { ...state, view: action.view };
    case 'form': {
      const form = { ...state.form, ...action.patch };
      // A preview shows the settings it was made with: a change makes it stale (the issuer is only printed).
      const replans = Object.keys(action.patch).some((key) => key !== 'issuer');
      return replans ? { ...state, form, generation: state.generation + 1, ...NOTHING_PLANNED } : { ...state, form };
    }
    case 'form-loaded':
      return { ...state, form: action.form, generation: state.generation + 1, ...NOTHING_PLANNED };
    case 'file-chosen':
      // Another file: the plan workbook read from the last one is gone with it (the returned files stay chosen).
      return withBook({ ...state, fileName: action.fileName }, { status: 'none' });
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
      const status = both((s) => phaseStatus(s, action.phase));
      return { ...withWrite(state, action.flow, { status: 'busy', phase: action.phase, fraction: action.phase === 'writing' ? 0 : null }), status };
    }
    case 'write-progress': {
      const write = writeOf(state, action.flow);
      return write.status === 'busy' ? withWrite(state, action.flow, { ...write, fraction: action.fraction }) : state;
    }
    case 'write-refused':
      return { ...withWrite(settled(state), action.flow, { status: 'refused', problems: action.problems }), status: both((s) => s.writeRefused) };
    case 'write-done': {
      let next = withWrite(settled(state), action.flow, { status: 'done', outcome: action.outcome });
      // A new plan in the open workbook: the plan workbook read before is not what it holds any more. (A
      // re-split or a consolidation reads it again itself.)
      if (state.mode === 'excel' && (action.flow ?? 'plan') === 'plan') next = withBook(next, { status: 'none' }, true);
      return { ...next, status: both((s) => s.writtenStatus(action.outcome.sheets.length)) };
    }
    case 'write-failed':
      return { ...withWrite(settled(state), action.flow, { status: 'failed', error: action.error }), status: action.error };
    case 'resplit-form': {
      const form = { ...state.resplit.form, ...action.patch };
      // The note is only written: it leaves the preview as it is.
      const revises = Object.keys(action.patch).some((key) => key !== 'note');
      return withResplit(state, revises ? { form, generation: state.resplit.generation + 1, ...NO_REVISION } : { form });
    }
    case 'book-reading':
      return { ...withBook(state, { status: 'reading' }, action.keepResult), status: both((s) => s.readingBook) };
    case 'book-read': {
      const summary = bookSummary(action.book);
      const { form } = state.resplit;
      const filled = { ...form, asOf: form.asOf ?? action.defaults.asOf, end: form.end ?? action.defaults.end };
      return {
        ...withResplit({ ...state, book: { status: 'read', book: action.book, summary } }, { form: filled }),
        status: both((s, lang) => s.bookRead(summary.revision, formatCount(summary.units, lang), formatCount(summary.actuals, lang))),
      };
    }
    case 'book-refused':
      return { ...state, book: { status: 'refused', problems: action.problems }, status: both((s) => s.bookRefused) };
    case 'book-failed':
      return { ...state, book: { status: 'failed', error: action.error }, status: action.error };
    case 'resplit-revising':
      return { ...withResplit(state, { preview: { status: 'revising', generation: state.resplit.generation } }), status: both((s) => s.revising) };
    case 'resplit-revised': {
      if (!revisionAwaited(state, action.generation)) return state;
      const model = resplitModel(action.revision);
      return {
        ...withResplit(state, { preview: { status: 'revised', revision: action.revision, model, generation: action.generation } }),
        status: both((s, lang) => s.revised(model.revision, formatCount(model.left, lang))),
      };
    }
    case 'resplit-refused':
      if (!revisionAwaited(state, action.generation)) return state;
      return { ...withResplit(state, { preview: { status: 'refused', problems: action.problems } }), status: both((s) => s.resplitRefused) };
    case 'resplit-failed':
      if (!revisionAwaited(state, action.generation)) return state;
      return { ...withResplit(state, { preview: { status: 'failed', error: action.error } }), status: action.error };
    case 'returned-reading':
      return { ...withConsolidation(state, { reading: action.names }), status: both((s, lang) => s.readingReturned(action.names.length, formatCount(action.names.length, lang))) };
    case 'returned-read': {
      const files = mergeReturned(state.consolidation.files, action.files);
      const refused = action.files.filter((f) => f.status === 'refused').length;
      return {
        ...withConsolidation(state, { files, reading: [], generation: state.consolidation.generation + 1, ...NO_CONSOLIDATION, write: { status: 'idle' } }),
        status: both((s, lang) => s.returnedRead(action.files.length, formatCount(action.files.length, lang), refused)),
      };
    }
    case 'returned-removed': {
      const files = state.consolidation.files.filter((f) => f.name !== action.name);
      if (files.length === state.consolidation.files.length) return state;
      return {
        ...withConsolidation(state, { files, generation: state.consolidation.generation + 1, ...NO_CONSOLIDATION, write: { status: 'idle' } }),
        status: both((s) => s.returnedRemoved(action.name)),
      };
    }
    case 'consolidation-checking':
      return { ...withConsolidation(state, { preview: { status: 'checking', generation: state.consolidation.generation } }), status: both((s) => s.consolidating) };
    case 'consolidation-checked': {
      if (!consolidationAwaited(state, action.generation)) return state;
      const { model } = action;
      return {
        ...withConsolidation(state, { preview: { status: 'checked', model, generation: action.generation } }),
        status: both((s, lang) => s.consolidated(model.copied, formatCount(model.copied, lang))),
      };
    }
    case 'consolidation-refused':
      if (!consolidationAwaited(state, action.generation)) return state;
      return { ...withConsolidation(state, { preview: { status: 'refused', problems: action.problems } }), status: both((s) => s.consolidationRefused) };
    case 'consolidation-failed':
      if (!consolidationAwaited(state, action.generation)) return state;
      return { ...withConsolidation(state, { preview: { status: 'failed', error: action.error } }), status: action.error };
    case 'settings-saved':
      return { ...state, settingsNotSaved: !action.ok };
    case 'announce':
      return { ...state, status: action.status };
  }
}
