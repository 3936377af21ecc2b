import { Bilingual, PaneStrings, both } from '../../i18n/strings';
import type { Problem } from '../../planning/problems';
import type { WriteOutcome } from '../../hosts/host';

/**
 * `reading` and `revising`: a re-split reads the plan workbook again and re-splits it before writing;
 * `consolidating`: a consolidation reads it again and copies the returned actuals into it.
 */
export type WritePhase = 'reading' | 'revising' | 'consolidating' | 'planning' | 'checking' | 'building' | 'writing';

/** What the pane says while a write is in `phase` (the status line, and the progress bar's label). */
export const phaseStatus = (s: PaneStrings, phase: WritePhase): string =>
  ({ reading: s.readingBook, revising: s.revising, consolidating: s.consolidating, planning: s.planning, checking: s.checkingSheets, building: s.building, writing: s.writing })[phase];

/** A flow's write: every flow (plan, re-split, consolidation) has one, shown under its own button. */
export type WriteState =
  | { status: 'idle' }
  /** `fraction` is the host's 0..1 while writing, null before (indeterminate). */
  | { status: 'busy'; phase: WritePhase; fraction: number | null }
  /** Placement refusals (typed actuals), sheets too large, returned files refused: nothing was written. */
  | { status: 'refused'; problems: Problem[] }
  /** `undo`: Excel only, the undo of this write under way, or why it was refused. */
  | { status: 'done'; outcome: WriteOutcome; undo: null | 'busy' | { error: Bilingual } }
  /** The write was undone: the workbook is as it was before it, these sheets put back. */
  | { status: 'undone'; restored: string[] }
  | { status: 'failed'; error: Bilingual };

export const IDLE: WriteState = { status: 'idle' };

export type WriteEvent =
  | { event: 'phase'; phase: WritePhase }
  | { event: 'progress'; fraction: number }
  | { event: 'refused'; problems: Problem[] }
  | { event: 'done'; outcome: WriteOutcome }
  | { event: 'failed'; error: Bilingual }
  | { event: 'undoing' }
  | { event: 'undone'; restored: string[] }
  | { event: 'undo-refused'; error: Bilingual };

/** The write after `e`; progress outside a write is ignored (the same state is returned). */
export function nextWrite(write: WriteState, e: WriteEvent): WriteState {
  switch (e.event) {
    case 'phase':
      return { status: 'busy', phase: e.phase, fraction: e.phase === 'writing' ? 0 : null };
    case 'progress':
      return write.status === 'busy' ? { ...write, fraction: e.fraction } : write;
    case 'refused':
      return { status: 'refused', problems: e.problems };
    case 'done':
      return { status: 'done', outcome: e.outcome, undo: null };
    case 'failed':
      return { status: 'failed', error: e.error };
    case 'undoing':
      return write.status === 'done' ? { ...write, undo: 'busy' } : write;
    case 'undone':
      return { status: 'undone', restored: e.restored };
    case 'undo-refused':
      return write.status === 'done' ? { ...write, undo: { error: e.error } } : write;
  }
}

/** What the status line says after `e`, or null to leave it as it is. */
export function writeStatus(e: WriteEvent): Bilingual | null {
  switch (e.event) {
    case 'phase':
      return both((s) => phaseStatus(s, e.phase));
    case 'progress':
      return null;
    case 'refused':
      return both((s) => s.writeRefusedStatus);
    case 'done': {
      // Standalone, nothing is written into a workbook: a file is made to download.
      const { download, sheets } = e.outcome;
      return both((s) => (download ? s.downloadedStatus(download) : s.writtenStatus(sheets.length)));
    }
    case 'failed':
      return e.error;
    case 'undoing':
      return both((s) => s.undoing);
    case 'undone':
      return both((s) => s.undoneStatus);
    case 'undo-refused':
      return e.error;
  }
}
