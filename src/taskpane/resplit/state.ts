import { formatCount } from '../../planning/text';
import { NO_PREVIEW, Preview, PreviewWords } from '../shared/preview-state';
import { IDLE, WriteState } from '../shared/write-state';
import { EMPTY_RESPLIT_FORM, ResplitForm, ResplitPreview } from './model';

/** Re-splitting the plan workbook read: the form, the revision previewed, the write. */
export interface ResplitSlice {
  form: ResplitForm;
  /** Counts the changes to what a revision is made from (the form, the book read again). */
  generation: number;
  preview: Preview<ResplitPreview>;
  write: WriteState;
}

export type ResplitAction = { type: 'resplit-form'; patch: Partial<ResplitForm> };

export const INITIAL_RESPLIT: ResplitSlice = { form: EMPTY_RESPLIT_FORM, generation: 0, preview: NO_PREVIEW, write: IDLE };

export const RESPLIT_WORDS: PreviewWords<ResplitPreview> = {
  pending: (s) => s.revising,
  ready: ({ model }, s, lang) => s.revised(model.revision, formatCount(model.left, lang)),
  refused: (s) => s.resplitRefused,
};

export function reduceResplit(slice: ResplitSlice, action: ResplitAction): ResplitSlice {
  const form = { ...slice.form, ...action.patch };
  // The note is only written: it leaves the preview as it is.
  const revises = Object.keys(action.patch).some((key) => key !== 'note');
  return revises ? { ...slice, form, generation: slice.generation + 1, preview: NO_PREVIEW } : { ...slice, form };
}

/** The form's blank dates filled from the book read: actuals as of today, the plan's own end. */
export const withDefaults = (slice: ResplitSlice, defaults: { asOf: number; end: number }): ResplitSlice => ({
  ...slice,
  form: { ...slice.form, asOf: slice.form.asOf ?? defaults.asOf, end: slice.form.end ?? defaults.end },
});
