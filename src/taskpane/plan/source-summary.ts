import { Problem } from '../../planning/problems';
import { UnitsTable } from '../../sheets/read-units';

/** What the pane says about a table it read: counts per register, and its problems split by severity. */
export interface SourceSummary {
  units: number;
  /** In the table's order. */
  registers: { code: string; records: number }[];
  records: number;
  errors: Problem[];
  warnings: Problem[];
}

export function sourceSummary(table: UnitsTable): SourceSummary {
  const registers = table.registers.map((code) => ({
    code,
    records: table.units.reduce((s, u) => s + (u.counts.get(code) ?? 0), 0),
  }));
  return {
    units: table.units.length,
    registers,
    records: registers.reduce((s, r) => s + r.records, 0),
    errors: table.problems.filter((p) => p.severity === 'error'),
    warnings: table.problems.filter((p) => p.severity === 'warning'),
  };
}
