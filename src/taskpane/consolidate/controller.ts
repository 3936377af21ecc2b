import { both } from '../../i18n/strings';
import type { PaneHost } from '../../hosts/host';
import type { ReturnedFile } from '../../jobs/consolidate';
import { isRefused } from '../../jobs/refused';
import type { PlanWorkbook } from '../../sheets/read-plan-workbook';
import { BookFlow } from '../book/controller';
import { PaneContext } from '../shared/context';
import { isBusy } from '../state';
import { unreadableReturned } from './model';

/** The consolidation's job loads with its first preview or write. */
const jobs = () => import(/* webpackChunkName: "consolidate-jobs" */ './check');

/** Consolidating returned files into the plan workbook read: choose and read them, preview what they bring, write it. */
export interface ConsolidateActions {
  /** Reads returned files, adding them to those chosen (one of the same name is replaced), then previews. */
  chooseReturned(files: readonly File[]): Promise<void>;
  removeReturned(name: string): void;
  previewConsolidation(): Promise<void>;
  writeConsolidation(): Promise<void>;
}

export interface ConsolidateFlow extends ConsolidateActions {
  /**
   * In the consolidation's view, once both the plan workbook and returned files are there, what the files
   * bring is shown at once: there is nothing else to set.
   */
  shown(): Promise<void>;
}

export function consolidateFlow(ctx: PaneContext, book: BookFlow): ConsolidateFlow {
  const { store } = ctx;

  /** A returned file's forms, read in the browser; a file that cannot be read, or holds no plan, is refused naming it. */
  async function readReturned(file: File): Promise<ReturnedFile> {
    try {
      const found = await (await ctx.openFile(file, 'plan-book')).readPlanSheets();
      if (found.sheets === null) return { name: file.name, status: 'refused', problems: found.problems };
      return { name: file.name, status: 'read', book: { file: file.name, sheets: found.sheets } };
    } catch (e) {
      return unreadableReturned(file.name, ctx.message(e));
    }
  }

  /** The book and returned files to consolidate, and their generation, or null (and why, announced) when there are none yet or the pane is busy. */
  function ready(): { host: PaneHost; book: PlanWorkbook; files: ReturnedFile[]; generation: number } | null {
    const state = store.get();
    const host = ctx.current();
    if (isBusy(state) || !host) return null;
    if (state.book.status !== 'read') {
      store.dispatch({ type: 'announce', status: both((s) => s.needBook) });
      return null;
    }
    const { files, generation } = state.consolidation;
    if (files.length === 0) {
      store.dispatch({ type: 'announce', status: both((s) => s.needReturned) });
      return null;
    }
    return { host, book: state.book.book, files, generation };
  }

  async function previewConsolidation(): Promise<void> {
    const input = ready();
    if (!input) return;
    // Every returned file is matched row by row against the plan.
    await ctx.preview('consolidate', input.generation, async () => (await jobs()).checkConsolidation(input.book, input.files));
  }

  async function shown(): Promise<void> {
    const state = store.get();
    if (state.view === 'consolidate' && state.book.status === 'read' && state.consolidation.files.length > 0 && state.consolidation.preview.status === 'none') {
      await previewConsolidation();
    }
  }

  return {
    shown,
    previewConsolidation,

    async chooseReturned(files) {
      if (files.length === 0 || isBusy(store.get())) return;
      store.dispatch({ type: 'returned-reading', names: files.map((f) => f.name) });
      const read: ReturnedFile[] = [];
      // One after the other: a national plan's parts are many, and each is read whole into memory.
      for (const file of files) read.push(await readReturned(file));
      store.dispatch({ type: 'returned-read', files: read });
      await shown();
    },

    removeReturned(name) {
      if (!isBusy(store.get())) store.dispatch({ type: 'returned-removed', name });
    },

    /**
     * Copies the returned actuals into the plan workbook read again: the same revision's forms, with the
     * actuals consolidated. Refused as a whole when any file is refused; nothing is written when no file
     * brings a new figure.
     */
    async writeConsolidation() {
      const input = ready();
      if (!input) return;
      const { generation } = input;
      const shownNow = store.get().consolidation.preview;
      const previewed = shownNow.status === 'ready' && shownNow.generation === generation;
      await book.rewrite('consolidate', input.host, input.book, 'consolidating', async (again) => {
        const { checkConsolidation, consolidateJob } = await jobs();
        const check = checkConsolidation(again, input.files);
        if (!previewed) {
          store.dispatch({ type: 'preview', flow: 'consolidate', event: 'pending' });
          store.dispatch(isRefused(check)
            ? { type: 'preview', flow: 'consolidate', event: 'refused', problems: check.problems, generation }
            : { type: 'preview', flow: 'consolidate', event: 'ready', value: check, generation });
        }
        if (isRefused(check)) return check;
        if (check.model.copied === 0) return { error: both((s) => s.nothingToWrite) };
        return { build: (target) => consolidateJob({ book: again, files: input.files, consolidated: check.consolidated, target }) };
      });
    },
  };
}
