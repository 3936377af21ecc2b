/**
 * The index of an unzipped .xlsx package: its sheets, their parts and the names scoped to each. Platform-free
 * (no fs, no zlib), so the browser host reads markers with the same code as the Node one.
 */
const decode = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');
const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export interface WorkbookIndex {
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
export const markerText = (text: string | undefined): string | null => (text && /^".*"$/s.test(text) ? text.slice(1, -1).replace(/""/g, '"') : null);

