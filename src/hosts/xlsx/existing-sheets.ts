import { promises as fs } from 'fs';
import { ACTUALS_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import { columnNumber } from '../../sheets/grid';
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

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s(?:\\w+:)?${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The sheets of an unzipped workbook in order, with their parts and the names scoped to each. Found
 * through the package's relationships, element prefixes allowed (`<x:sheet>`); throws when it is not a
 * workbook with sheets, so that a caller deciding whether to overwrite fails closed.
 */
export function workbookIndex(files: Map<string, Uint8Array>): WorkbookIndex {
  const rootRels = decode(files.get('_rels/.rels'));
  const main = [...rootRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'Type')?.endsWith('/officeDocument'));
  const workbookPart = (attr(main ?? '', 'Target') ?? '/xl/workbook.xml').replace(/^\//, '');
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const xml = decode(files.get(workbookPart));
  const rels = decode(files.get(`${dir}_rels/${workbookPart.slice(dir.length)}.rels`));
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) targets.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
  const sheetTags = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  if (sheetTags.length === 0) throw new Error(`no sheets in ${workbookPart}`);
  const sheets = sheetTags.map((tag) => unescape(attr(tag, 'name') ?? ''));
  const parts = sheetTags.map((tag) => {
    const target = targets.get(attr(tag, 'id') ?? '');
    if (!target) throw new Error('a sheet without its part');
    return target.startsWith('/') ? target.slice(1) : dir + target;
  });
  const names = sheets.map(() => new Map<string, string>());
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const name = attr(m[1], 'name');
    const local = attr(m[1], 'localSheetId');
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
  const bytes = await fs.readFile(file);
  // The package's index first, then only the progress reports' XML: a national workbook inflates to ~200 MB.
  const { sheets, parts, names } = workbookIndex(unzip(bytes, (name) => !name.includes('/worksheets/') || name.endsWith('.rels')));
  const markers = names.map((n) => parseMarker(constant(n.get(MARKER_NAME))));
  const ranges = names.map((n, i) => (markers[i] ? n.get(ACTUALS_NAME) : undefined));
  const xml = unzip(bytes, (name) => parts.some((part, i) => part === name && ranges[i] !== undefined));
  return sheets.map((name, i) => {
    const ref = ranges[i];
    return { name, marker: markers[i], typedActual: ref ? firstValue(name, decode(xml.get(parts[i])), ref) : null };
  });
}

/** The address of the first cell with a value inside `'Sheet'!$D$10:$O$99` in a sheet's XML, or null. */
function firstValue(sheet: string, xml: string, ref: string): string | null {
  const m = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const [c1, c2] = [columnNumber(m[1]), columnNumber(m[3] ?? m[1])];
  const [r1, r2] = [+m[2], +(m[4] ?? m[2])];
  // The input cells are written empty (`<c r="E11" s="5"/>`): any content, a value or a formula, was typed.
  for (const c of xml.matchAll(/<(?:\w+:)?c r="([A-Z]+)(\d+)"[^>/]*>/g)) {
    const row = +c[2];
    const col = columnNumber(c[1]);
    if (row >= r1 && row <= r2 && col >= c1 && col <= c2) return `${sheet}!${c[1]}${c[2]}`;
  }
  return null;
}
