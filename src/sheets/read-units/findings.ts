import { Problem, Severity, problem } from '../../planning/problems';
import { Grid, gridAddress } from '../grid';
import { ParsedCount } from '../parse-count';

/** Problems in sheet order: each is kept with its grid position and sorted at the end (-1 when about no cell). */
export class Findings {
  private readonly list: { r: number; c: number; p: Problem }[] = [];
  constructor(private readonly grid: Grid) {}

  address(r: number, c: number): string {
    return gridAddress(this.grid, r, c);
  }

  add(r: number, c: number, severity: Severity, code: string, unit: string | null, vi: string, en: string): void {
    const cell = r < 0 ? null : this.address(r, c);
    this.list.push({ r, c, p: problem(severity, code, cell, unit, vi, en) });
  }

  /** Reports a refused count; true when it was refused. */
  refused(r: number, c: number, parsed: ParsedCount, unit: string | null, severity: Severity = 'error'): boolean {
    if (parsed.kind !== 'refused') return false;
    this.add(r, c, severity, parsed.code, unit, parsed.vi, parsed.en);
    return true;
  }

  sorted(): Problem[] {
    return this.list.sort((a, b) => a.r - b.r || a.c - b.c).map((x) => x.p); // Array.prototype.sort is stable
  }
}

/** A header's label in a message: «Số máy» / "Số máy", or words saying it has none. */
export const quoted = (label: string, lang: 'vi' | 'en'): string =>
  label === '' ? (lang === 'vi' ? 'không có tiêu đề' : 'with no header') : lang === 'vi' ? `«${label}»` : `"${label}"`;
