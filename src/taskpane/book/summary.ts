import { DayNumber } from '../../planning/days';
import { Granularity } from '../../planning/periods';
import { Method } from '../../planning/settings';
import { PlanWorkbook } from '../../sheets/read-plan-workbook';

/** The plan workbook read: what the pane shows before a re-split or a consolidation. */
export interface BookSummary {
  planId: string;
  revision: number;
  start: DayNumber;
  end: DayNumber;
  granularity: Granularity;
  method: Method;
  units: number;
  /** Cells of Phụ lục 02 with an actual typed. */
  actuals: number;
  /** Targets typed over on Phụ lục 01, held by the re-split. */
  edits: number;
}

export function bookSummary(book: PlanWorkbook): BookSummary {
  const s = book.plan.settings;
  return {
    planId: book.planId,
    revision: book.revision,
    start: s.start,
    end: s.end,
    granularity: s.granularity,
    method: s.method,
    units: book.plan.units.length,
    actuals: book.actuals.reduce<number>((n, a) => (a === null ? n : n + 1), 0),
    edits: book.edits.size,
  };
}

/** The same workbook as far as a re-split goes: the same forms (plan id) with the same actuals and typed-over targets. */
export function sameBook(a: PlanWorkbook, b: PlanWorkbook): boolean {
  if (a.planId !== b.planId || a.revision !== b.revision || a.actuals.length !== b.actuals.length || a.edits.size !== b.edits.size) return false;
  for (let i = 0; i < a.actuals.length; i++) if (a.actuals[i] !== b.actuals[i]) return false;
  for (const [cell, value] of a.edits) if (b.edits.get(cell) !== value) return false;
  return true;
}

