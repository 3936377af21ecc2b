import { promises as fs } from 'fs';
import { ACTUALS_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { ExistingSheet } from '../../sheets/placement';
import { cellValueOf, loadWorkbook } from './read-grid';
import { unzip } from './zip';

const decode = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');
const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The sheets of a workbook in order, with the hidden names scoped to each (from `xl/workbook.xml`). */
export function workbookNames(bytes: Uint8Array): { sheets: string[]; names: Map<string, string>[] } {
  const xml = decode(unzip(bytes).get('xl/workbook.xml'));
  const sheets = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescape(m[1]));
  const names = sheets.map(() => new Map<string, string>());
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    if (name !== undefined && local !== undefined && names[+local]) names[+local].set(unescape(name), unescape(m[2]));
  }
  return { sheets, names };
}

/** A name's text constant (`"quota-planner/…"`) without its quotes. */
const constant = (text: string | undefined): string | null => (text && /^".*"$/s.test(text) ? text.slice(1, -1).replace(/""/g, '"') : null);

/**
 * The sheets of an existing workbook, each with its generated-sheet marker and, for a progress report,
 * the first actual someone typed (so that planning again never loses it).
 */
export async function existingSheets(file: string): Promise<ExistingSheet[]> {
  const { sheets, names } = workbookNames(await fs.readFile(file));
  const withActuals = names.some((n) => n.has(ACTUALS_NAME));
  const workbook = withActuals ? await loadWorkbook(file) : null;
  return sheets.map((name, i) => {
    const marker = parseMarker(constant(names[i].get(MARKER_NAME)));
    const ref = names[i].get(ACTUALS_NAME);
    const ws = workbook?.getWorksheet(name);
    return { name, marker, typedActual: marker && ref && ws ? firstValue(ws, ref) : null };
  });
}

/** The address of the first non-blank cell of `'Sheet'!$D$10:$O$99`, or null. */
function firstValue(ws: import('exceljs').Worksheet, ref: string): string | null {
  const m = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const c1 = ws.getColumn(m[1]).number;
  const c2 = ws.getColumn(m[3] ?? m[1]).number;
  const r1 = +m[2];
  const r2 = +(m[4] ?? m[2]);
  for (let r = r1; r <= Math.min(r2, ws.rowCount); r++) {
    const row = ws.getRow(r);
    for (let c = c1; c <= c2; c++) {
      const cell = row.getCell(c);
      if (cellValueOf(cell) !== null) return `${ws.name}!${cell.address}`;
    }
  }
  return null;
}
