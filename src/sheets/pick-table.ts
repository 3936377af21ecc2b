import { Grid } from './grid';
import { UnitsTable, readUnits } from './read-units';
import { isStageSheetName } from './read-stage-sheet';

/** A grid to look for the units table in: the pane's `SourceGrid` is one, and so is a sheet of a workbook file. */
export interface TableSource {
  /** Read only when the rule looks at it, so a source may build its grid lazily (a getter). */
  readonly grid: Grid;
  /** Where it came from, for people; the name `wanted` is compared with (the CLI's sheet names). */
  readonly label: string;
  /** Hidden sheets are skipped unless asked for by name. */
  readonly hidden?: boolean;
}

export type TablePick<S extends TableSource> =
  | { kind: 'table'; table: UnitsTable; source: S }
  /** `wanted` names no source; `labels` lists them all, for the message. */
  | { kind: 'not-found'; labels: string[] }
  /** Nothing visible to read. */
  | { kind: 'none' };

/** True when the reader found a table (a header), even one with problems: those are the user's to fix. */
const holdsTable = (table: UnitsTable): boolean => !table.problems.some((p) => p.code === 'no-header' || p.code === 'empty-sheet');

/**
 * The source asked for by label, or else the first visible source that holds a units table, or else the
 * first visible one (never a `Giai đoạn` sheet of stage settings) (so its "no header" problem is what people see). Sources after the pick are never read.
 */
export function pickTable<S extends TableSource>(sources: readonly S[], wanted?: string): TablePick<S> {
  if (wanted !== undefined) {
    const source = sources.find((s) => s.label === wanted);
    return source ? { kind: 'table', table: readUnits(source.grid), source } : { kind: 'not-found', labels: sources.map((s) => s.label) };
  }
  let first: { table: UnitsTable; source: S } | null = null;
  for (const source of sources) {
    if (source.hidden || isStageSheetName(source.label)) continue; // the stages' settings, not units
    const table = readUnits(source.grid);
    if (holdsTable(table)) return { kind: 'table', table, source };
    first ??= { table, source };
  }
  return first ? { kind: 'table', ...first } : { kind: 'none' };
}
