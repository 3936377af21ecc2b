import { both } from '../../i18n/strings';
import { Plan } from '../../planning/plan';
import { PlanSettings } from '../../planning/settings';
import type { PaneHost } from '../../hosts/host';
import { isRefused } from '../../jobs/refused';
import { pickTable } from '../../sheets/pick-table';
import { UnitsTable } from '../../sheets/read-units';
import { PaneContext } from '../shared/context';
import { isBusy } from '../state';
import { SettingsForm, documentOf, formFromStored, storedSettings, validateForm } from './pane-settings';
import { PlanPreview } from './state';

/** The planner and the forms load with the first preview or write: the pane shows its settings before. */
const jobs = () => import(/* webpackChunkName: "plan-jobs" */ './jobs');

/** Planning: read the units table, keep the settings in the document, preview the plan, write its forms. */
export interface PlanActions {
  updateForm(patch: Partial<SettingsForm>): void;
  readSource(): Promise<void>;
  preview(): Promise<void>;
  write(): Promise<void>;
}

export interface PlanFlow extends PlanActions {
  /** Reads the units table of `from` (the selection, the sheet, the file's sheets). */
  read(from: PaneHost): Promise<void>;
  /** Settings saved in the document win over the defaults, once: later files do not undo what was typed. */
  loadSettings(from: PaneHost): Promise<void>;
}

export function planFlow(ctx: PaneContext): PlanFlow {
  const { store } = ctx;
  let settingsLoaded = false;
  /** The last save asked for: saves run one after the other, so the settings asked for last are the ones kept. */
  let saving: Promise<void> = Promise.resolve();

  function saveSettings(to: PaneHost, settings: PlanSettings, form: SettingsForm): Promise<void> {
    const value = storedSettings(settings, form);
    saving = saving.then(async () => {
      try {
        await to.saveSettings(value);
        store.dispatch({ type: 'settings-saved', ok: true });
      } catch (e) {
        ctx.log(e);
        store.dispatch({ type: 'settings-saved', ok: false });
      }
    });
    return saving;
  }

  /**
   * The table and settings to plan with, and their generation, or null (and why, announced) when there are
   * none yet or the pane is busy.
   */
  function ready(): { host: PaneHost; table: UnitsTable; settings: PlanSettings; form: SettingsForm; generation: number } | null {
    const state = store.get();
    const host = ctx.current();
    if (isBusy(state) || !host) return null;
    const { source, form, generation } = state.plan;
    if (source.status !== 'read' || source.table.problems.some((p) => p.severity === 'error')) {
      store.dispatch({ type: 'announce', status: both((s) => s.needTable) });
      return null;
    }
    const valid = validateForm(form);
    if (!valid.ok) {
      store.dispatch({ type: 'announce', status: both((s) => s.fixSettings) });
      return null;
    }
    return { host, table: source.table, settings: valid.settings, form, generation };
  }

  /** The plan previewed for these table and settings (see `PaneContext.preview`). */
  const planned = (table: UnitsTable, settings: PlanSettings, generation: number, failures?: 'throw') =>
    ctx.preview(
      'plan',
      generation,
      async () => {
        const { planOf, previewModel } = await jobs();
        const made = planOf(table, settings);
        return isRefused(made) ? made : ({ plan: made.plan, model: previewModel(made.plan) } satisfies PlanPreview);
      },
      failures,
    );

  return {
    async loadSettings(from) {
      if (settingsLoaded) return;
      settingsLoaded = true;
      try {
        const saved = await from.loadSettings();
        if (saved !== null && saved !== undefined) store.dispatch({ type: 'form-loaded', form: formFromStored(saved, ctx.today) });
      } catch (e) {
        ctx.log(e); // the defaults are a fine start
      }
    },

    async read(from) {
      store.dispatch({ type: 'source-reading' });
      try {
        const sources = await from.readSources();
        await ctx.nextPaint(); // a national table takes a moment to read
        const pick = pickTable(sources);
        if (pick.kind === 'table') store.dispatch({ type: 'source-read', table: pick.table, label: pick.source.label });
        else store.dispatch({ type: 'source-failed', error: both((s) => s.noSource) });
      } catch (e) {
        store.dispatch({ type: 'source-failed', error: ctx.message(e) });
      }
    },

    updateForm: (patch) => store.dispatch({ type: 'form', patch }),

    async readSource() {
      const host = ctx.current();
      if (host && !isBusy(store.get())) await this.read(host);
    },

    async preview() {
      const input = ready();
      if (!input) return;
      const shown = await planned(input.table, input.settings, input.generation);
      // Not the settings of a plan dropped because they changed meanwhile: those are not the ones shown.
      if (shown && !isRefused(shown) && ctx.shows('plan', shown)) await saveSettings(input.host, input.settings, input.form);
    },

    async write() {
      const input = ready();
      if (!input) return;
      const { host: target, table, settings, form, generation } = input;
      const { lang, plan: slice } = store.get();
      // The preview's plan only if it was made from the settings and table as they are now; else plan again.
      const previewed = slice.preview.status === 'ready' && slice.preview.generation === generation ? slice.preview.value.plan : null;
      // Busy from here, before the first wait: a second press, another file or reading again are refused.
      store.dispatch({ type: 'write', flow: 'plan', event: 'phase', phase: previewed ? 'checking' : 'planning' });
      try {
        let plan: Plan;
        if (previewed) {
          plan = previewed;
        } else {
          // Its failure is the write's (caught below).
          const made = (await planned(table, settings, generation, 'throw'))!;
          if (isRefused(made)) {
            store.dispatch({ type: 'write', flow: 'plan', event: 'refused', problems: made.problems });
            return;
          }
          plan = made.plan;
          store.dispatch({ type: 'write', flow: 'plan', event: 'phase', phase: 'checking' });
        }
        // Again, even after a preview: the document's settings may have been typed since.
        await saveSettings(target, settings, form);
        const existing = await target.existingSheets();
        store.dispatch({ type: 'write', flow: 'plan', event: 'phase', phase: 'building' });
        await ctx.nextPaint();
        const { planJob } = await jobs();
        const job = planJob({ table, settings, plan, document: { lang, made: ctx.today, ...documentOf(form) }, target: { existing, anew: false, label: null } });
        if (isRefused(job)) {
          store.dispatch({ type: 'write', flow: 'plan', event: 'refused', problems: job.problems });
          return;
        }
        const outcome = await ctx.writeForms('plan', target, job);
        store.dispatch({ type: 'write', flow: 'plan', event: 'done', outcome });
      } catch (e) {
        store.dispatch({ type: 'write', flow: 'plan', event: 'failed', error: ctx.message(e) });
      }
    },
  };
}
