import { promises as fs } from 'fs';
import { ACTUALS_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { ExistingSheet } from '../../sheets/placement';
import { unzip } from './zip';

const decode = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');
const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface WorkbookIndex {
  sheets: string[];
  /** The part holding each sheet, e.g. `xl/worksheets/sheet2.xml`. */
  parts: string[];
  /** The defined names scoped to each sheet. */
  names: Map<string, string>[];
}

/** The sheets of a workbook in order, with their parts and the names scoped to each (from `xl/workbook.xml`). */
export function workbookNames(bytes: Uint8Array, files = unzip(bytes)): WorkbookIndex {
  const xml = decode(files.get('xl/workbook.xml'));
  const rels = decode(files.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const sheetTags = [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const sheets = sheetTags.map((tag) => unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ''));
  const parts = sheetTags.map((tag) => {
    const target = targets.get(/\br:id="([^"]*)"/.exec(tag)?.[1] ?? '') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  });
  const names = sheets.map(() => new Map<string, string>());
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    if (name !== undefined && local !== undefined && names[+local]) names[+local].set(unescape(name), unescape(m[2]));
  }
  return { sheets, parts, names };
}

/** A name's text constant (`"quota-planner/…"`) without its quotes. */
const constant = (text: string | undefined): string | null => (text && /^".*"$/s.test(text) ? text.slice(1, -1).replace(/""/g, '"') : null);

/**
 * The sheets of an existing workbook, each with its generated-sheet marker and, for a progress report,
 * the first actual someone typed (so that planning again never loses it). Reads the XML directly: loading
 * a national workbook through ExcelJS just to look for one typed number takes seconds.
 */
export async function existingSheets(file: string): Promise<ExistingSheet[]> {
  const files = unzip(await fs.readFile(file));
  const { sheets, parts, names } = workbookNames(new Uint8Array(), files);
  return sheets.map((name, i) => {
    const marker = parseMarker(constant(names[i].get(MARKER_NAME)));
    const ref = names[i].get(ACTUALS_NAME);
    return { name, marker, typedActual: marker && ref ? firstValue(name, decode(files.get(parts[i])), ref) : null };
  });
}

const columnNumber = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** The address of the first cell with a value inside `'Sheet'!$D$10:$O$99` in a sheet's XML, or null. */
function firstValue(sheet: string, xml: string, ref: string): string | null {
  const m = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const [c1, c2] = [columnNumber(m[1]), columnNumber(m[3] ?? m[1])];
  const [r1, r2] = [+m[2], +(m[4] ?? m[2])];
  // A typed value: `<c r="E11" s="5"><v>120</v></c>` (input cells hold no formula).
  for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>/]*><(?:v|is)>/g)) {
    const row = +c[2];
    const col = columnNumber(c[1]);
    if (row >= r1 && row <= r2 && col >= c1 && col <= c2) return `${sheet}!${c[1]}${c[2]}`;
  }
  return null;
}
