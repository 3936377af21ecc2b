import type { Lang } from '../sheets/forms/text';
import type { Bilingual } from '../i18n/strings';
import { both } from '../i18n/strings';
import { bookFlow } from './book/controller';
import { ConsolidateActions, consolidateFlow } from './consolidate/controller';
import { PlanActions, planFlow } from './plan/controller';
import type { RemapActions } from './remap/controller';
import { ResplitActions, resplitFlow } from './resplit/controller';
import { ControllerDeps, createContext } from './shared/context';
import { Flow, PaneView, isBusy } from './state';

export type { ControllerDeps } from './shared/context';

/** Everything the components can ask for. Each returns when the pane is settled again. */
export interface PaneActions extends PlanActions, ResplitActions, ConsolidateActions, RemapActions {
  start(): Promise<void>;
  setLang(lang: Lang): void;
  announce(status: Bilingual): void;
  /** Standalone: the workbook file to plan from, or the plan workbook to re-split or consolidate into. */
  chooseFile(file: File): Promise<void>;
  goToCell(cell: string): Promise<void>;
  showSheet(name: string): Promise<void>;
  /** Shows a view; the re-split's and the consolidation's read the plan workbook the first time. */
  setView(view: PaneView): Promise<void>;
  /** Reads the plan workbook (Excel: the open one; standalone: the file chosen) again. */
  readBook(): Promise<void>;
  /** Excel: puts the workbook back as it was before the last write (shown under `flow`'s write). */
  undoWrite(flow: Flow): Promise<void>;
}

/**
 * The pane's controller: the only module that calls a host. Each flow (plan, re-split, consolidation) has
 * its own; this one wires them together and does what belongs to the pane as a whole.
 */
export function createController(deps: ControllerDeps): PaneActions {
  const ctx = createContext(deps);
  const { store } = ctx;
  const plan = planFlow(ctx);
  const book = bookFlow(ctx, () => consolidate.shown());
  const resplit = resplitFlow(ctx, book);
  const consolidate = consolidateFlow(ctx, book);
  // The remap's flow loads with its step, when a remap is first asked for: most tables never need it.
  let remap: Promise<RemapActions> | null = null;
  const remapActions = (): Promise<RemapActions> =>
    (remap ??= import(/* webpackChunkName: "remap-step" */ './remap/controller').then((m) => m.remapFlow(ctx)));

  return {
    updateForm: plan.updateForm,
    readSource: () => plan.readSource(),
    preview: plan.preview,
    write: plan.write,
    updateResplit: resplit.updateResplit,
    previewResplit: resplit.previewResplit,
    writeResplit: resplit.writeResplit,
    chooseReturned: consolidate.chooseReturned,
    removeReturned: consolidate.removeReturned,
    previewConsolidation: consolidate.previewConsolidation,
    writeConsolidation: consolidate.writeConsolidation,
    readBook: book.readBook,
    previewRemap: async () => (await remapActions()).previewRemap(),
    writeRemap: async () => (await remapActions()).writeRemap(),
    planRemapped: async () => (await remapActions()).planRemapped(),

    async start() {
      const host = ctx.current();
      if (!host) return;
      await plan.loadSettings(host);
      await plan.read(host);
    },

    setLang: (lang) => store.dispatch({ type: 'lang', lang }),
    announce: (status) => store.dispatch({ type: 'announce', status }),

    async chooseFile(file) {
      if (isBusy(store.get())) return;
      store.dispatch({ type: 'file-chosen', fileName: file.name });
      store.dispatch({ type: 'source-reading' });
      let host;
      try {
        // Planning reads it as a units table; re-splitting and consolidating, as a plan workbook.
        host = await ctx.openFile(file, store.get().view === 'plan' ? 'units' : 'plan-book');
      } catch (e) {
        ctx.setCurrent(null);
        store.dispatch({ type: 'source-failed', error: ctx.message(e) });
        return;
      }
      ctx.setCurrent(host);
      await plan.loadSettings(host);
      await plan.read(host);
      if (store.get().view !== 'plan') {
        await book.read(host);
        await consolidate.shown();
      }
    },

    async goToCell(cell) {
      const host = ctx.current();
      if (!host) return;
      let selected = false;
      try {
        selected = await host.goToCell(cell);
      } catch (e) {
        store.dispatch({ type: 'announce', status: ctx.message(e) });
        return;
      }
      if (!selected) store.dispatch({ type: 'announce', status: both((s) => s.cannotGoTo(cell)) });
    },

    async showSheet(name) {
      const host = ctx.current();
      if (!host) return;
      try {
        await host.showSheet(name);
      } catch (e) {
        store.dispatch({ type: 'announce', status: ctx.message(e) });
      }
    },

    async undoWrite(flow) {
      const host = ctx.current();
      if (!host?.undoLastWrite || isBusy(store.get())) return;
      store.dispatch({ type: 'write', flow, event: 'undoing' });
      try {
        const { sheets } = await host.undoLastWrite();
        store.dispatch({ type: 'write', flow, event: 'undone', restored: sheets });
      } catch (e) {
        store.dispatch({ type: 'write', flow, event: 'undo-refused', error: ctx.message(e) });
        return;
      }
      // The plan workbook is what it was before the write: the re-split and the consolidation start from it again.
      if (store.get().view !== 'plan') await book.read(host, true);
    },

    async setView(view) {
      store.dispatch({ type: 'view', view });
      const state = store.get();
      const host = ctx.current();
      if (view !== 'plan' && host && state.book.status === 'none' && !isBusy(state)) await book.read(host);
      await consolidate.shown();
    },
  };
}
