import type { Bilingual } from '../../i18n/strings';
import { isRefused } from '../../jobs/target';
import { hasErrors } from '../../planning/problems';
import { readUnits } from '../../sheets/read-units';
import { PaneContext } from '../shared/context';
import { isBusy } from '../state';
import type { RemapPreview } from './state';
import { REMAP_STRINGS, RemapStrings } from './strings';

const bilingual = (pick: (s: RemapStrings) => string): Bilingual => ({ vi: pick(REMAP_STRINGS.vi), en: pick(REMAP_STRINGS.en) });

/** Remapping a table of former communes: the preview, the new units sheet written beside, or planning from it. */
export interface RemapActions {
  previewRemap(): Promise<void>;
  writeRemap(): Promise<void>;
  /** The plan's units table becomes the new one (the communes since 1/7/2025). */
  planRemapped(): Promise<void>;
}

export function remapFlow(ctx: PaneContext): RemapActions {
  const { store } = ctx;

  return {
    async previewRemap() {
      const state = store.get();
      const host = ctx.current();
      const { source } = state.plan;
      if (isBusy(state) || !host || source.status !== 'read' || hasErrors(source.table.problems)) return;
      if (!ctx.loadReform) return;
      const { generation } = state.remap;
      store.dispatch({ type: 'preview', flow: 'remap', event: 'pending' });
      // The lists (the package's data) and the job load on demand: the initial pane carries neither.
      let loaded;
      try {
        const [reform, job, existing] = await Promise.all([
          ctx.loadReform(),
          import(/* webpackChunkName: "remap" */ '../../jobs/remap'),
          host.existingSheets(),
        ]);
        loaded = { reform, job, taken: existing.map((s) => s.name) };
      } catch (e) {
        store.dispatch({ type: 'preview', flow: 'remap', event: 'failed', error: ctx.message(e), generation });
        return;
      }
      const { reform, job, taken } = loaded;
      await ctx.preview('remap', generation, () => {
        const made = job.remapJob({ table: source.table, reform, lang: store.get().lang, source: source.label, taken });
        if (isRefused(made)) return made;
        const sheet = made.sheet;
        const table = readUnits({ sheet: sheet.name, rows: sheet.rows.map((r) => r.values as (string | number | null)[]) });
        return {
          rows: made.rows.map((r) => ({
            unit: r.unit.name,
            code: r.unit.code,
            province: r.unit.province.name,
            from: r.from.map((x) => ({ unit: x.unit.name, cell: x.unit.cell })),
            records: [...r.counts.values()].reduce((a, b) => a + b, 0),
          })),
          former: made.rows.reduce((n, r) => n + r.from.length, 0),
          records: made.rows.reduce((n, r) => n + [...r.counts.values()].reduce((a, b) => a + b, 0), 0),
          sheet,
          table,
          warnings: made.warnings,
        } satisfies RemapPreview;
      });
    },

    async writeRemap() {
      const state = store.get();
      const host = ctx.current();
      const { preview } = state.remap;
      if (isBusy(state) || !host || preview.status !== 'ready') return;
      store.dispatch({ type: 'write', flow: 'remap', event: 'phase', phase: 'checking' });
      try {
        // Named beside the sheets there at the preview; a sheet added since with that name is never written over.
        const existing = await host.existingSheets();
        const { sheet } = preview.value;
        if (existing.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase())) {
          store.dispatch({ type: 'write', flow: 'remap', event: 'failed', error: bilingual((s) => s.nameTaken(sheet.name)) });
          return;
        }
        const outcome = await ctx.writeForms('remap', host, { forms: { sheets: [sheet] }, replaced: [] });
        store.dispatch({ type: 'write', flow: 'remap', event: 'done', outcome });
      } catch (e) {
        store.dispatch({ type: 'write', flow: 'remap', event: 'failed', error: ctx.message(e) });
      }
    },

    async planRemapped() {
      const state = store.get();
      const { preview } = state.remap;
      if (isBusy(state) || preview.status !== 'ready' || state.plan.source.status !== 'read') return;
      const label = REMAP_STRINGS[state.lang].source(preview.value.sheet.name, state.plan.source.label);
      store.dispatch({ type: 'source-read', table: preview.value.table, label });
    },
  };
}
