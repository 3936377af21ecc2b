import { ACTUALS_NAME, INPUTS_NAME, KEPT_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { columnNumber } from '../../sheets/grid';
import { ExistingSheet } from '../../sheets/placement';
import { damaged } from '../../xlsx/package-check';
import { WorkbookFile, WorkbookFileError, workbookFile } from './read-workbook-file';
import { unzip } from './zip';
import { markerText, workbookIndex } from '../../xlsx/workbook-index';

const decode = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');

/**
 * The sheets of an existing workbook, each with its generated-sheet marker and, for a progress report,
 * the first actual someone typed (so that planning again never loses it). Reads the XML directly: loading
 * a national workbook through ExcelJS just to look for one typed number takes seconds. Takes a file already
 * read and checked, or a path, read and checked first (a refusal is thrown as `WorkbookFileError`).
 */
export async function existingSheets(source: string | WorkbookFile): Promise<ExistingSheet[]> {
  const { path, bytes } = typeof source === 'string' ? await workbookFile(source) : source;
  try {
    // The package's index first, then only the progress reports' XML: a national workbook inflates to ~200 MB.
    const { sheets, parts, names } = workbookIndex(unzip(bytes, (name) => !name.includes('/worksheets/') || name.endsWith('.rels')));
    const markers = names.map((n) => parseMarker(markerText(n.get(MARKER_NAME))));
    const kept = names.map((n) => n.has(KEPT_NAME));
    // The boxes: by the hidden row over them (INPUTS_NAME), or, in older workbooks, a range of boxes only; a kept form's are no one's.
    const ranges = names.map((n, i) => (markers[i] && !kept[i] ? n.get(INPUTS_NAME) ?? n.get(ACTUALS_NAME) : undefined));
    const keyed = names.map((n, i) => markers[i] !== null && n.get(INPUTS_NAME) !== undefined);
    const xml = unzip(bytes, (name) => parts.some((part, i) => part === name && ranges[i] !== undefined));
    return sheets.map((name, i) => {
      const ref = ranges[i];
      return { name, marker: markers[i], typedActual: ref ? firstValue(name, decode(xml.get(parts[i])), ref, keyed[i]) : null, kept: kept[i] };
    });
  } catch {
    // A package without sheets, or a sheet without its part: not a workbook Excel would open.
    throw new WorkbookFileError(damaged(path));
  }
}

/**
 * The address of the first cell with a value among the boxes of `'Sheet'!$D$15:$O$99` in a sheet's XML, or null.
 * `keyed`: the range's first row is the hidden row over the boxes (a value over each column of boxes), and the
 * boxes are the cells under those values; otherwise every cell of the range is a box.
 */
function firstValue(sheet: string, xml: string, ref: string, keyed: boolean): string | null {
  const m = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const [c1, c2] = [columnNumber(m[1]), columnNumber(m[3] ?? m[1])];
  const [r1, r2] = [+m[2], +(m[4] ?? m[2])];
  let boxes: Set<number> | null = null;
  // The boxes are written empty (`<c r="E16" s="5"/>`): any content, a value or a formula, was typed.
  for (const c of xml.matchAll(/<(?:\w+:)?c r="([A-Z]+)(\d+)"[^>/]*>/g)) {
    const row = +c[2];
    const col = columnNumber(c[1]);
    if (col < c1 || col > c2 || row < r1 || row > r2) continue;
    if (keyed && row === r1) {
      (boxes ??= new Set()).add(col);
      continue;
    }
    if (!keyed || boxes?.has(col)) return `${sheet}!${c[1]}${c[2]}`;
  }
  return null;
}
