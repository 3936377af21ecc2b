import { Bilingual, both } from '../../i18n/strings';
import { Problem } from '../../planning/problems';
import type { PaneHost } from '../../hosts/host';
import { Refused, isRefused } from '../../jobs/refused';
import type { FormsToWrite, Target } from '../../jobs/target';
import type { PlanWorkbook } from '../../sheets/read-plan-workbook';
import { PaneContext } from '../shared/context';
import { WritePhase } from '../shared/write-state';
import { isBusy } from '../state';
import { sameBook } from './summary';

/**
 * What a write over the plan workbook makes from the book read again (during its phase): a builder of the
 * forms for where they go, or why nothing is written.
 */
export type Prepared = { build: (target: Target) => FormsToWrite | Refused } | Refused | { error: Bilingual };

/** The plan workbook the re-split and the consolidation start from: read, and written over. */
export interface BookFlow {
  /** Reads the plan workbook (Excel: the open one; standalone: the file chosen), again when asked. */
  read(from: PaneHost, keepResult?: boolean): Promise<void>;
  /**
   * Reads the plan workbook again (an actual typed since it was read must not be lost) and refuses when it
   * changed since `read` (reading it again, for the planner to look before writing); makes the forms from
   * it (`prepare`, during `phase`), and replaces its forms with them, which carry every actual typed: in the
   * open workbook, or in a new file to download.
   */
  rewrite(flow: 'resplit' | 'consolidate', target: PaneHost, read: PlanWorkbook, phase: WritePhase, prepare: (book: PlanWorkbook) => Prepared | Promise<Prepared>): Promise<void>;
  /** The actions the views call. */
  readBook(): Promise<void>;
}

export function bookFlow(ctx: PaneContext, afterRead: () => Promise<void>): BookFlow {
  const { store } = ctx;

  /** The plan workbook in a host read back with its actuals, or the problems (each naming its cell) why it cannot be. */
  async function load(from: PaneHost): Promise<PlanWorkbook | Problem[]> {
    const found = await from.readPlanSheets();
    await ctx.nextPaint(); // rebuilding a national plan to check its id takes a moment
    if (found.sheets === null) return found.problems;
    // Loaded with the first plan workbook read: planning needs none of it.
    const { readPlanWorkbook } = await import(/* webpackChunkName: "book-jobs" */ '../../sheets/read-plan-workbook');
    const book = readPlanWorkbook(found.sheets);
    return book.plan === null ? book.problems : book;
  }

  async function read(from: PaneHost, keepResult = false): Promise<void> {
    store.dispatch({ type: 'book-reading', keepResult });
    try {
      const book = await load(from);
      if (Array.isArray(book)) store.dispatch({ type: 'book-refused', problems: book });
      else store.dispatch({ type: 'book-read', book, defaults: { asOf: ctx.today, end: book.plan.settings.end } });
    } catch (e) {
      store.dispatch({ type: 'book-failed', error: ctx.message(e) });
    }
  }

  return {
    read,

    async rewrite(flow, target, readBefore, phase, prepare) {
      const say = store.dispatch;
      // Busy from here, before the first wait.
      say({ type: 'write', flow, event: 'phase', phase: 'reading' });
      try {
        const book = await load(target);
        if (Array.isArray(book)) {
          say({ type: 'write', flow, event: 'refused', problems: book });
          return;
        }
        if (!sameBook(book, readBefore)) {
          say({ type: 'write', flow, event: 'failed', error: both((s) => s.bookChanged) });
          await read(target, true);
          return;
        }
        say({ type: 'write', flow, event: 'phase', phase });
        await ctx.nextPaint();
        const made = await prepare(book);
        if ('error' in made) {
          say({ type: 'write', flow, event: 'failed', error: made.error });
          return;
        }
        if (isRefused(made)) {
          say({ type: 'write', flow, event: 'refused', problems: made.problems });
          return;
        }
        say({ type: 'write', flow, event: 'phase', phase: 'checking' });
        // Phụ lục 02 holds typed actuals: it is replaced all the same, the new one carries every one of them.
        const existing = await target.existingSheets();
        say({ type: 'write', flow, event: 'phase', phase: 'building' });
        await ctx.nextPaint();
        const forms = made.build({ existing, anew: false, label: null, actualsCarried: true });
        if (isRefused(forms)) {
          say({ type: 'write', flow, event: 'refused', problems: forms.problems });
          return;
        }
        const outcome = await ctx.writeForms(flow, target, forms);
        say({ type: 'write', flow, event: 'done', outcome });
      } catch (e) {
        say({ type: 'write', flow, event: 'failed', error: ctx.message(e) });
        return;
      }
      // The open workbook now holds what was written: read it, so that the next re-split or consolidation starts from it.
      if (target.kind === 'excel') await read(target, true);
    },

    async readBook() {
      const host = ctx.current();
      if (!host || isBusy(store.get())) return;
      await read(host);
      await afterRead();
    },
  };
}
