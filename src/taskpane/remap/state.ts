import type { Problem } from '../../planning/problems';
import { formatCount } from '../../planning/text';
import type { SheetModel } from '../../sheets/model';
import type { UnitsTable } from '../../sheets/read-units';
import { NO_PREVIEW, Preview, PreviewWords } from '../shared/preview-state';
import { IDLE, WriteState } from '../shared/write-state';

/**
 * The units read are communes as they were before 1/7/2025: what merges into what since (`quota-plan
 * remap`), the new units sheet written beside the planner's, or the plan made from it.
 */

/** What the pane shows of a remap, and what it writes or plans from. */
export interface RemapPreview {
  rows: { unit: string; code: string; province: string; from: { unit: string; cell: string }[]; records: number }[];
  /** Former communes read, and the records they hold (as many as the new communes hold). */
  former: number;
  records: number;
  /** The new units sheet, under a name no sheet of the workbook has. */
  sheet: SheetModel;
  /** The new units as `plan` reads them from that sheet. */
  table: UnitsTable;
  warnings: Problem[];
}

export interface RemapSlice {
  /** Counts the tables read: a remap of an earlier one is dropped when it arrives. */
  generation: number;
  preview: Preview<RemapPreview>;
  write: WriteState;
}

export const INITIAL_REMAP: RemapSlice = { generation: 0, preview: NO_PREVIEW, write: IDLE };

/** Another table read: what was remapped from the last one is stale. */
export const remapStale = (slice: RemapSlice): RemapSlice => ({ generation: slice.generation + 1, preview: NO_PREVIEW, write: IDLE });

export const REMAP_WORDS: PreviewWords<RemapPreview> = {
  pending: (s) => s.remapping,
  ready: (value, s, lang) => s.remapped(formatCount(value.former, lang), formatCount(value.rows.length, lang)),
  refused: (s) => s.remapRefused,
};
