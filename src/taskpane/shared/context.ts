import { Bilingual, both } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import { FilePurpose, HostError, PaneHost, WriteOutcome } from '../../hosts/host';
import { Refused, isRefused, refused } from '../../jobs/refused';
import type { FormsToWrite } from '../../jobs/target';
import type { Reform } from '../../places/reform';
import { PreviewEvent } from './preview-state';
import { Flow, FlowPreview, PreviewAction, previewOf } from '../state';
import { Store } from '../store';

/** What the controller needs from outside: the only place the pane touches a host, a clock or the page. */
export interface ControllerDeps {
  store: Store;
  today: DayNumber;
  /** Inside Excel, its host; standalone, null until a file is opened. */
  host: PaneHost | null;
  /**
   * Reads a chosen workbook file: standalone, the one to plan from (or the plan workbook); in either mode,
   * the returned files of a consolidation (only their forms are read, with `readPlanSheets`). `purpose` sets
   * the limits it is read with (a units table is smaller than a plan workbook).
   */
  openFile(file: File, purpose: FilePurpose): Promise<PaneHost>;
  /** Resolves once the page has painted, so a spinner shows before a long computation blocks it. */
  nextPaint(): Promise<void>;
  /** Where unexpected errors go (the console): people see a generic message, never a stack. */
  log(error: unknown): void;
  /**
   * The units before and since 1/7/2025, for a remap: loaded on demand (the pane's own chunk of the
   * package's data); absent where the pane offers no remap.
   */
  loadReform?(): Promise<Reform>;
}

/** What every flow's controller shares: the store, the host of the moment, and the steps all flows take. */
export interface PaneContext extends Omit<ControllerDeps, 'host'> {
  /** The host now: Excel, or the file chosen last (standalone). */
  current(): PaneHost | null;
  setCurrent(host: PaneHost | null): void;
  /** A failure as people read it: a host's own message, else a generic one (the error logged). */
  message(error: unknown): Bilingual;
  /**
   * Makes a flow's preview once the spinner has painted: `make` runs the job (a national plan takes a second
   * or two; the job's code may load first). The answer is shown only if nothing it was made from changed meanwhile (`generation`).
   * Returns what was made (see `shows` for whether it is shown), the refusal (errors only), or null when it
   * failed (said in the preview; with `failures: 'throw'`, a write's, the error is thrown to the write).
   */
  preview<F extends Flow>(flow: F, generation: number, make: () => Maybe<FlowPreview[F] | Refused>, failures?: 'show' | 'throw'): Promise<FlowPreview[F] | Refused | null>;
  /**
   * Writes a job's forms with the progress bar (at most PROGRESS_STEPS updates reach the state). All or
   * nothing (the host's promise), so a failure leaves the workbook as it was.
   */
  writeForms(flow: Flow, target: PaneHost, toWrite: SheetsToWrite): Promise<WriteOutcome>;
  /** The flow's preview shows `value`: it was not dropped because what it was made from changed meanwhile. */
  shows(flow: Flow, value: unknown): boolean;
}

/** What a flow writes: a job's forms and the generated sheets they replace, or a remap's units sheet (replacing none). */
export type SheetsToWrite = Pick<FormsToWrite, 'replaced'> & { forms: Pick<FormsToWrite['forms'], 'sheets'> };

/** A value, or its promise (a job whose code loads with its first use). */
type Maybe<T> = T | Promise<T>;

/** At most this many progress updates reach the state while writing (one per percent). */
const PROGRESS_STEPS = 100;

export function createContext(deps: ControllerDeps): PaneContext {
  const { store, host: first, ...rest } = deps;
  let host = first;
  const message = (error: unknown): Bilingual => {
    if (error instanceof HostError) return { vi: error.vi, en: error.en };
    deps.log(error);
    return both((s) => s.unexpected);
  };
  return {
    ...rest,
    store,
    current: () => host,
    setCurrent: (next) => void (host = next),
    message,

    async preview<F extends Flow>(flow: F, generation: number, make: () => Maybe<FlowPreview[F] | Refused>, failures: 'show' | 'throw' = 'show') {
      const dispatch = (e: PreviewEvent<FlowPreview[F]>): void => store.dispatch({ type: 'preview', flow, ...e } as PreviewAction);
      dispatch({ event: 'pending' });
      try {
        await deps.nextPaint();
        const made = await make();
        if (isRefused(made)) {
          const errors = refused(made.problems.filter((p) => p.severity === 'error'));
          dispatch({ event: 'refused', problems: errors.problems, generation });
          return errors;
        }
        dispatch({ event: 'ready', value: made, generation });
        return made;
      } catch (e) {
        if (failures === 'throw') throw e;
        dispatch({ event: 'failed', error: message(e), generation });
        return null;
      }
    },

    shows(flow, value) {
      const shown = previewOf(store.get(), flow);
      return shown.status === 'ready' && shown.value === value;
    },

    writeForms(flow, target, { forms, replaced }) {
      store.dispatch({ type: 'write', flow, event: 'phase', phase: 'writing' });
      let step = 0;
      return target.writeForms(forms.sheets, replaced, (fraction) => {
        const next = Math.floor(Math.min(1, Math.max(0, fraction)) * PROGRESS_STEPS);
        if (next === step) return;
        step = next;
        store.dispatch({ type: 'write', flow, event: 'progress', fraction: next / PROGRESS_STEPS });
      }, flow === 'remap' ? 'units' : 'plan');
    },
  };
}
