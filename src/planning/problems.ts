/**
 * Errors are values: every problem the product finds is returned, with the cell it concerns and a message
 * in Vietnamese and English, and the shells decide how to show it.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. `not-a-count`, `cannot-finish`. */
  code: string;
  /** A1 address with its sheet, `Số liệu!C7`; null when the problem is not about one cell. */
  cell: string | null;
  /** The unit concerned, when there is one. */
  unit: string | null;
  vi: string;
  en: string;
}

export function problem(
  severity: Severity,
  code: string,
  cell: string | null,
  unit: string | null,
  vi: string,
  en: string,
): Problem {
  return { severity, code, cell, unit, vi, en };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** One line for people: `Số liệu!C7: <vi> / <en>`. */
export function describeProblem(p: Problem): string {
  return `${p.cell ? p.cell + ': ' : ''}${p.vi} / ${p.en}`;
}
