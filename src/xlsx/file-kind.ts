import { ZipEntry } from './zip-format';

/**
 * What a file given as a workbook really is, from its bytes rather than its name: people pick an .ods, an
 * old .xls, a CSV or a password-protected workbook as readily as an .xlsx, and each needs its own advice.
 * Platform-free, so the browser tells them apart the same way.
 */
export type FileKind =
  | 'xlsx'
  /** A ZIP archive that is not an Excel workbook (a .docx, a .zip). */
  | 'zip'
  | 'ods'
  | 'xlsb'
  /** Excel 97–2003 (an OLE compound file holding a `Workbook` stream). */
  | 'xls'
  /** A password-protected workbook: Excel stores it as an OLE compound file holding `EncryptionInfo`. */
  | 'encrypted'
  | 'csv'
  /** A web page with a spreadsheet's name (many programs export their ".xls" so). */
  | 'html'
  /** Excel 2003's XML spreadsheet, or other XML. */
  | 'xml'
  | 'empty'
  | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** The kind of a file that is not a ZIP archive, from its first bytes (and an OLE file's directory). */
export function plainFileKind(bytes: Uint8Array): Exclude<FileKind, 'xlsx'> | 'zip-archive' {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip-archive';
  if (startsWith(bytes, OLE_MAGIC)) return oleKind(bytes);
  return textKind(bytes);
}

/** The kind of a ZIP archive, from the names (and an OpenDocument's `mimetype`) in its central directory. */
export function zipKind(entries: readonly ZipEntry[], bytes: Uint8Array): FileKind {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype' && e.method === 0);
  if (mimetype) {
    const text = new TextDecoder().decode(bytes.subarray(mimetype.start, mimetype.start + Math.min(mimetype.compressed, 100)));
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  }
  if (names.has('content.xml') && names.has('META-INF/manifest.xml')) return 'ods';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('[Content_Types].xml') && [...names].some((n) => /(^|\/)workbook\.xml$/.test(n))) return 'xlsx';
  return 'zip';
}

/**
 * An OLE compound file's stream names, read from its directory entries (128 bytes each, on 128-byte
 * boundaries after the 512-byte header): a UTF-16 name, its length in bytes with the terminator, and a
 * type (1 storage, 2 stream, 5 root). Scanning every boundary finds the directory wherever it lies.
 */
function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'unknown' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    names.add(name);
  }
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return 'unknown';
}

/** Text (a CSV, a web page, XML) or not: a BOM, or no NUL byte and almost nothing unprintable, in the first 8 KB. */
function textKind(bytes: Uint8Array): 'csv' | 'html' | 'xml' | 'unknown' {
  const head = bytes.subarray(0, 8192);
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  if (!bom && control > head.length / 100) return 'unknown';
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  const text = (utf16 ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be') : new TextDecoder()).decode(head).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<table|<meta)/.test(text) || (text.startsWith('<') && text.includes('<html'))) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'xml';
  return 'csv';
}
