import { Bilingual, PaneStrings, both } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import type { Lang } from '../../sheets/forms/text';

/**
 * A preview the pane waits for: a plan, a revision or a consolidation. `generation` counts the changes to
 * what it is made from (the settings, the table, the book, the files): a result asked for before the last
 * change is stale and dropped when it arrives, so the preview always shows what the form says now.
 */
export type Preview<T> =
  | { status: 'none' }
  | { status: 'pending'; generation: number }
  | { status: 'ready'; value: T; generation: number }
  /** Errors found (no working day in the window, a file of another plan…): nothing to show. */
  | { status: 'refused'; problems: Problem[] }
  | { status: 'failed'; error: Bilingual };

export const NO_PREVIEW = { status: 'none' } as const;

/** What happens to a preview: asked for (with the slice's generation now), or an answer for `generation`. */
export type PreviewEvent<T> =
  | { event: 'pending' }
  | { event: 'ready'; value: T; generation: number }
  | { event: 'refused'; problems: Problem[]; generation: number }
  | { event: 'failed'; error: Bilingual; generation: number };

/** The slices that have a preview: their generation and preview. */
export interface PreviewSlice<T> {
  generation: number;
  preview: Preview<T>;
}

/** The answer asked for with `generation` is still awaited: nothing it was made from changed since. */
export const awaited = (slice: PreviewSlice<unknown>, generation: number): boolean =>
  slice.preview.status === 'pending' && slice.preview.generation === generation && slice.generation === generation;

/** The preview after `e`, or null when `e` is a stale answer (the slice is left as it is). */
export function nextPreview<T>(slice: PreviewSlice<T>, e: PreviewEvent<T>): Preview<T> | null {
  if (e.event === 'pending') return { status: 'pending', generation: slice.generation };
  if (!awaited(slice, e.generation)) return null;
  if (e.event === 'ready') return { status: 'ready', value: e.value, generation: e.generation };
  if (e.event === 'refused') return { status: 'refused', problems: e.problems };
  return { status: 'failed', error: e.error };
}

/** A preview still pending when its flow's write ended (planning threw, say) would keep the pane busy: it is dropped. */
export const settledPreview = <T>(preview: Preview<T>): Preview<T> => (preview.status === 'pending' ? NO_PREVIEW : preview);

/** What the status line says about a flow's preview: while it is made, when it is shown, when refused. */
export interface PreviewWords<T> {
  pending: (s: PaneStrings) => string;
  ready: (value: T, s: PaneStrings, lang: Lang) => string;
  refused: (s: PaneStrings) => string;
}

/** The status line after `e`, in both languages (for an answer still awaited). */
export function previewStatus<T>(words: PreviewWords<T>, e: PreviewEvent<T>): Bilingual {
  switch (e.event) {
    case 'pending':
      return both((s) => words.pending(s));
    case 'ready':
      return both((s, lang) => words.ready(e.value, s, lang));
    case 'refused':
      return both((s) => words.refused(s));
    case 'failed':
      return e.error;
  }
}
