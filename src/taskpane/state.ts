import { Bilingual } from '../i18n/strings';
import type { Lang } from '../sheets/forms/text';
import { BookAction, BookState, reduceBook } from './book/state';
import { ConsolidationPreview } from './consolidate/model';
import { CONSOLIDATION_WORDS, ConsolidationAction, ConsolidationSlice, INITIAL_CONSOLIDATION, reduceConsolidation } from './consolidate/state';
import { SettingsForm } from './plan/pane-settings';
import { PLAN_WORDS, PlanAction, PlanPreview, PlanSlice, initialPlan, reducePlan } from './plan/state';
import { INITIAL_REMAP, REMAP_WORDS, RemapPreview, RemapSlice, remapStale } from './remap/state';
import { ResplitPreview } from './resplit/model';
import { INITIAL_RESPLIT, RESPLIT_WORDS, ResplitAction, ResplitSlice, reduceResplit, withDefaults } from './resplit/state';
import { NO_PREVIEW, PreviewEvent, PreviewSlice, PreviewWords, nextPreview, previewStatus, settledPreview } from './shared/preview-state';
import { IDLE, WriteEvent, WriteState, nextWrite, writeStatus } from './shared/write-state';

/**
 * The pane's whole state: one slice per flow (plan, re-split, consolidation), the plan workbook the last two
 * share, and what the pane as a whole shows. Messages are kept in both languages (or as data), so switching
 * language re-renders everything without asking the host again.
 */

/**
 * What the pane is doing: planning from a units table, re-splitting a plan already written, consolidating
 * returned actuals into it, or remapping a table of former communes into the communes since 1/7/2025.
 */
export type Flow = 'plan' | 'resplit' | 'consolidate' | 'remap';
/** The tabs: a remap is offered inside planning, on the table read. */
export type PaneView = Exclude<Flow, 'remap'>;

export interface PaneState {
  /** `excel`: inside Excel; `file`: a workbook file chosen in a plain browser. */
  mode: 'excel' | 'file';
  view: PaneView;
  lang: Lang;
  /** Standalone: the name of the file chosen, once there is one. */
  fileName: string | null;
  plan: PlanSlice;
  /** The plan workbook read (Excel: the open one; standalone: the file chosen), for a re-split or a consolidation. */
  book: BookState;
  resplit: ResplitSlice;
  consolidation: ConsolidationSlice;
  remap: RemapSlice;
  /** The last save of the settings failed (shown as a warning; planning goes on). */
  settingsNotSaved: boolean;
  /** The last status worth announcing (an aria-live region reads it). */
  status: Bilingual | null;
}

/** What each flow previews. */
export interface FlowPreview {
  plan: PlanPreview;
  resplit: ResplitPreview;
  consolidate: ConsolidationPreview;
  remap: RemapPreview;
}

/** A flow's preview asked for, or its answer (`generation`: the one it was asked with; an older one is dropped). */
export type PreviewAction = { [F in Flow]: { type: 'preview'; flow: F } & PreviewEvent<FlowPreview[F]> }[Flow];

/** A flow's write: its phase, progress and outcome. */
export type WriteAction = { type: 'write'; flow: Flow } & WriteEvent;

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'view'; view: PaneView }
  | { type: 'file-chosen'; fileName: string }
  | { type: 'settings-saved'; ok: boolean }
  | { type: 'announce'; status: Bilingual }
  | PlanAction
  | BookAction
  | ResplitAction
  | ConsolidationAction
  | PreviewAction
  | WriteAction;

export function initialState(mode: PaneState['mode'], lang: Lang, form: SettingsForm): PaneState {
  return {
    mode,
    view: 'plan',
    lang,
    fileName: null,
    plan: initialPlan(mode, form),
    book: { status: 'none' },
    resplit: INITIAL_RESPLIT,
    consolidation: INITIAL_CONSOLIDATION,
    remap: INITIAL_REMAP,
    settingsNotSaved: false,
    status: null,
  };
}

const slices = (s: PaneState): PreviewSlice<unknown>[] => [s.plan, s.resplit, s.consolidation, s.remap];
const writes = (s: PaneState): WriteState[] => [s.plan.write, s.resplit.write, s.consolidation.write, s.remap.write];

/** True while the pane waits on the host or the planner: actions that start another wait are refused. */
export const isBusy = (s: PaneState): boolean =>
  s.plan.source.status === 'reading' ||
  s.book.status === 'reading' ||
  s.consolidation.reading.length > 0 ||
  slices(s).some((slice) => slice.preview.status === 'pending') ||
  writes(s).some((w) => w.status === 'busy' || (w.status === 'done' && w.undo === 'busy'));

/** Each flow's slice in the state. */
const SLICE = { plan: 'plan', resplit: 'resplit', consolidate: 'consolidation', remap: 'remap' } as const;

/** A flow's preview as it is now. */
export const previewOf = <F extends Flow>(state: PaneState, flow: F): PaneState[(typeof SLICE)[F]]['preview'] => state[SLICE[flow]].preview;
const WORDS: { [F in Flow]: PreviewWords<FlowPreview[F]> } = { plan: PLAN_WORDS, resplit: RESPLIT_WORDS, consolidate: CONSOLIDATION_WORDS, remap: REMAP_WORDS };

type SliceKey = (typeof SLICE)[Flow];

/** The state with a flow's slice patched. */
const patchSlice = <K extends SliceKey>(state: PaneState, key: K, patch: Partial<PaneState[K]>): PaneState =>
  ({ ...state, [key]: { ...state[key], ...patch } }) as PaneState;

function reducePreview(state: PaneState, action: PreviewAction): PaneState {
  const key = SLICE[action.flow];
  const preview = nextPreview(state[key] as PreviewSlice<unknown>, action);
  if (preview === null) return state; // an answer for settings, a book or files changed since
  const status = previewStatus(WORDS[action.flow] as PreviewWords<unknown>, action);
  return { ...patchSlice(state, key, { preview } as Partial<PaneState[typeof key]>), status };
}

/** A write that ended (planning threw, say) leaves no preview pending, which would keep the pane busy. */
const settled = (state: PaneState): PaneState => ({
  ...state,
  plan: { ...state.plan, preview: settledPreview(state.plan.preview) },
  resplit: { ...state.resplit, preview: settledPreview(state.resplit.preview) },
  consolidation: { ...state.consolidation, preview: settledPreview(state.consolidation.preview) },
  remap: { ...state.remap, preview: settledPreview(state.remap.preview) },
});

function reduceWrite(state: PaneState, action: WriteAction): PaneState {
  const key = SLICE[action.flow];
  const write = nextWrite(state[key].write, action);
  if (write === state[key].write) return state;
  const ended = action.event === 'refused' || action.event === 'done' || action.event === 'failed';
  // Undone: the workbook is what it was before the write, so the plan workbook read since is stale, as after a write.
  const changedBook = action.event === 'undone' || (action.event === 'done' && action.flow === 'plan');
  const base = ended ? settled(state) : state;
  let next = patchSlice(base, key, { write });
  // A new plan in the open workbook: the plan workbook read before is not what it holds any more. (A
  // re-split or a consolidation reads it again itself.)
  if (changedBook && state.mode === 'excel') next = withBook(next, { status: 'none' }, true);
  const status = writeStatus(action);
  return status ? { ...next, status } : next;
}

/**
 * The plan workbook is `book` now: what the re-split and the consolidation were made from changed, so both
 * previews are stale; `keepResults` keeps what their last writes said (a book read again after a write).
 */
function withBook(state: PaneState, book: BookState, keepResults = false): PaneState {
  const stale = (slice: ResplitSlice | ConsolidationSlice) => ({ generation: slice.generation + 1, preview: NO_PREVIEW, ...(keepResults ? {} : { write: IDLE }) });
  return {
    ...state,
    book,
    resplit: { ...state.resplit, ...stale(state.resplit) },
    consolidation: { ...state.consolidation, ...stale(state.consolidation) },
  };
}

export function reduce(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'view':
      return { ...state, view: action.view };
    case 'file-chosen':
      // Another file: the plan workbook read from the last one is gone with it (the returned files stay chosen).
      return withBook({ ...state, fileName: action.fileName }, { status: 'none' });
    case 'settings-saved':
      return { ...state, settingsNotSaved: !action.ok };
    case 'announce':
      return { ...state, status: action.status };
    case 'preview':
      return reducePreview(state, action);
    case 'write':
      return reduceWrite(state, action);
    case 'form':
    case 'form-loaded':
    case 'source-reading':
    case 'source-read':
    case 'source-failed': {
      const { slice, status } = reducePlan(state.plan, action);
      // Another table: a remap of the last one is not of this one.
      const remap = action.type === 'source-reading' || action.type === 'source-read' ? remapStale(state.remap) : state.remap;
      return { ...state, plan: slice, remap, status: status === undefined ? state.status : status };
    }
    case 'book-reading':
    case 'book-read':
    case 'book-refused':
    case 'book-failed': {
      const { book, status } = reduceBook(action);
      let next = action.type === 'book-reading' ? withBook(state, book, action.keepResult) : { ...state, book };
      if (action.type === 'book-read') next = { ...next, resplit: withDefaults(next.resplit, action.defaults) };
      return { ...next, status };
    }
    case 'resplit-form':
      return { ...state, resplit: reduceResplit(state.resplit, action) };
    case 'returned-reading':
    case 'returned-read':
    case 'returned-removed': {
      const { slice, status } = reduceConsolidation(state.consolidation, action);
      return slice === state.consolidation ? state : { ...state, consolidation: slice, status: status ?? state.status };
    }
  }
}
