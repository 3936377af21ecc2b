import { both } from '../../i18n/strings';
import { DayNumber } from '../../planning/days';
import type { PaneHost } from '../../hosts/host';
import { Refused, isRefused } from '../../jobs/refused';
import type { PlanWorkbook } from '../../sheets/read-plan-workbook';
import type { ReviseInput } from '../../sheets/revise';
import { BookFlow } from '../book/controller';
import { PaneContext } from '../shared/context';
import { isBusy } from '../state';
import { ResplitForm, ResplitPreview, resplitModel, validateResplit } from './model';

/** Re-splitting the plan workbook read: the form, the preview of the next revision, and its write. */
export interface ResplitActions {
  updateResplit(patch: Partial<ResplitForm>): void;
  previewResplit(): Promise<void>;
  writeResplit(): Promise<void>;
}

/** The re-split's job loads with its first preview or write. */
const jobs = () => import(/* webpackChunkName: "resplit-jobs" */ '../../jobs/resplit');

export function resplitFlow(ctx: PaneContext, book: BookFlow): ResplitActions {
  const { store } = ctx;

  /** The book and form to re-split, and their generation, or null (and why, announced) when there are none yet or the pane is busy. */
  function ready(): { host: PaneHost; book: PlanWorkbook; form: ResplitForm; asOf: DayNumber; end: DayNumber; generation: number } | null {
    const state = store.get();
    const host = ctx.current();
    if (isBusy(state) || !host) return null;
    const { form, generation } = state.resplit;
    if (state.book.status !== 'read') {
      store.dispatch({ type: 'announce', status: both((s) => s.needBook) });
      return null;
    }
    const valid = validateResplit(form);
    if (!valid.ok) {
      store.dispatch({ type: 'announce', status: both((s) => s.fixResplit) });
      return null;
    }
    return { host, book: state.book.book, form, asOf: valid.asOf, end: valid.end, generation };
  }

  const reviseInput = (of: PlanWorkbook, input: { form: ResplitForm; asOf: DayNumber; end: DayNumber }): ReviseInput => ({
    book: of, asOf: input.asOf, changes: { end: input.end, method: input.form.method ?? undefined }, note: input.form.note, made: ctx.today,
  });

  const revised = async (of: PlanWorkbook, input: { form: ResplitForm; asOf: DayNumber; end: DayNumber }): Promise<ResplitPreview | Refused> => {
    const { resplitOf } = await jobs();
    const made = resplitOf(reviseInput(of, input));
    return isRefused(made) ? made : { revision: made.revision, model: resplitModel(made.revision) };
  };

  return {
    updateResplit: (patch) => store.dispatch({ type: 'resplit-form', patch }),

    async previewResplit() {
      const input = ready();
      if (!input) return;
      // A national daily plan takes a second or two.
      await ctx.preview('resplit', input.generation, () => revised(input.book, input));
    },

    /** Re-splits the plan workbook read again and replaces its forms with the new revision's, which carry every actual typed. */
    async writeResplit() {
      const input = ready();
      if (!input) return;
      const { generation } = input;
      const shown = store.get().resplit.preview;
      const previewed = shown.status === 'ready' && shown.generation === generation;
      await book.rewrite('resplit', input.host, input.book, 'revising', async (again) => {
        const { resplitJob } = await jobs();
        const made = await revised(again, input);
        if (isRefused(made)) return made;
        if (!previewed) {
          // What is written is shown, as the plan's write shows the plan it made.
          store.dispatch({ type: 'preview', flow: 'resplit', event: 'pending' });
          store.dispatch({ type: 'preview', flow: 'resplit', event: 'ready', value: made, generation });
        }
        return { build: (target) => resplitJob({ ...reviseInput(again, input), revision: made.revision, target }) };
      });
    },
  };
}
