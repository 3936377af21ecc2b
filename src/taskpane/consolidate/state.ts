import { Bilingual, both } from '../../i18n/strings';
import { formatCount } from '../../planning/text';
import { ReturnedFile } from '../../jobs/consolidate';
import { NO_PREVIEW, Preview, PreviewWords } from '../shared/preview-state';
import { IDLE, WriteState } from '../shared/write-state';
import { ConsolidationPreview, mergeReturned } from './model';

/** Consolidating returned files into the plan workbook read: the files, what they bring, the write. */
export interface ConsolidationSlice {
  /** The returned files chosen, in the order chosen, each read (or refused) as soon as chosen. */
  files: ReturnedFile[];
  /** The names of the files being read now (none when idle). */
  reading: string[];
  /** Counts the changes to what a consolidation is made from (the files, the book read again). */
  generation: number;
  preview: Preview<ConsolidationPreview>;
  write: WriteState;
}

export type ConsolidationAction =
  /** Returned files chosen, being read. */
  | { type: 'returned-reading'; names: string[] }
  /** The files just read (or refused), added to those chosen before. */
  | { type: 'returned-read'; files: ReturnedFile[] }
  | { type: 'returned-removed'; name: string };

export const INITIAL_CONSOLIDATION: ConsolidationSlice = { files: [], reading: [], generation: 0, preview: NO_PREVIEW, write: IDLE };

export const CONSOLIDATION_WORDS: PreviewWords<ConsolidationPreview> = {
  pending: (s) => s.consolidating,
  ready: ({ model }, s, lang) => s.consolidated(model.copied, formatCount(model.copied, lang)),
  refused: (s) => s.consolidationRefused,
};

/** Other files: a new generation, the preview stale, the last write's result gone. */
const withFiles = (slice: ConsolidationSlice, files: ReturnedFile[]): ConsolidationSlice => ({
  ...slice, files, reading: [], generation: slice.generation + 1, preview: NO_PREVIEW, write: IDLE,
});

export function reduceConsolidation(slice: ConsolidationSlice, action: ConsolidationAction): { slice: ConsolidationSlice; status?: Bilingual } {
  switch (action.type) {
    case 'returned-reading':
      return { slice: { ...slice, reading: action.names }, status: both((s, lang) => s.readingReturned(action.names.length, formatCount(action.names.length, lang))) };
    case 'returned-read': {
      const refused = action.files.filter((f) => f.status === 'refused').length;
      return {
        slice: withFiles(slice, mergeReturned(slice.files, action.files)),
        status: both((s, lang) => s.returnedRead(action.files.length, formatCount(action.files.length, lang), refused)),
      };
    }
    case 'returned-removed': {
      const files = slice.files.filter((f) => f.name !== action.name);
      if (files.length === slice.files.length) return { slice };
      return { slice: withFiles(slice, files), status: both((s) => s.returnedRemoved(action.name)) };
    }
  }
}
