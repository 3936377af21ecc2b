import { Problem, problem } from '../planning/problems';
import { FormKind, FormMarker } from './forms/marker';

/** A sheet already in the workbook, as a host sees it. */
export interface ExistingSheet {
  name: string;
  /** Its generated-sheet marker; null for a sheet people made. */
  marker: FormMarker | null;
  /** Address of the first actual typed in it (progress reports only), or null. */
  typedActual: string | null;
}

export interface Placement {
  /** The name each form is written under. */
  names: Record<FormKind, string>;
  /** Existing generated sheets the forms replace (one per kind; a copy of one is not among them). */
  replaced: string[];
  /** Refusals: a sheet holding typed actuals is never replaced by a new plan, nor is any copy of it. */
  problems: Problem[];
}

const MAX_NAME = 31;

/** `Tổng hợp (2)`: a free name, kept within Excel's 31 characters. Sheet names compare case-insensitively. */
function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Decides where each form goes in a workbook that already has sheets. A generated sheet of the same kind
 * is replaced (under the name it has now, in case someone renamed it), unless it holds typed actuals; a
 * sheet people made is never touched: a form whose name it has takes the next free name instead.
 */
export function placeForms(existing: readonly ExistingSheet[], defaults: Record<FormKind, string>): Placement {
  const replaced: string[] = [];
  const problems: Problem[] = [];
  const names = {} as Record<FormKind, string>;
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  const kinds = Object.keys(defaults) as FormKind[];
  const pending: FormKind[] = [];
  for (const sheet of existing) {
    if (!sheet.typedActual) continue;
    problems.push(problem('error', 'actuals-typed', sheet.typedActual, null,
      `Trang «${sheet.name}» đã có số thực hiện được nhập (ô ${sheet.typedActual}): lập lại kế hoạch sẽ làm mất chúng. Hãy ghi ra tệp khác.`,
      `Sheet "${sheet.name}" already holds typed actuals (cell ${sheet.typedActual}): planning again would lose them. Write to another file.`));
  }
  for (const kind of kinds) {
    const mine = existing.find((s) => s.marker?.kind === kind);
    if (!mine) {
      pending.push(kind);
      continue;
    }
    names[kind] = mine.name;
    replaced.push(mine.name);
  }
  for (const kind of pending) {
    names[kind] = freeName(defaults[kind], taken);
    taken.add(names[kind].toLowerCase());
  }
  return { names, replaced, problems };
}
