import { Problem, problem } from '../planning/problems';
import { formatCount } from '../planning/text';
import { FileKind, plainFileKind, zipKind } from './file-kind';
import { DEFLATE, STORE, ZipEntry, ZipError, crc32Js, zipEntries } from './zip-format';

/**
 * The gate every workbook file passes before ExcelJS sees it, in Node and in the browser alike: what the
 * file is (an .ods, an old .xls, a CSV, a password-protected workbook are each named as such), then the
 * ZIP's central directory against limits for a spreadsheet, refused before anything is inflated; then every
 * entry inflated as a stream, never past the size it declares, its CRC checked and, for worksheets, its
 * cells counted, so that a workbook too large to read is refused before ExcelJS builds anything. ExcelJS
 * reads the same central directory, so it inflates exactly what was checked here.
 */

const MiB = 1024 * 1024;

/**
 * What a file is read for: a units table to plan, a plan workbook to read back (both by ExcelJS), or an
 * output already there, whose markers and typed actuals alone are read (by our own reader, not ExcelJS).
 */
export type ReadPurpose = 'units' | 'plan-book' | 'output';

/** What may be read for one purpose. */
export interface PurposeLimits {
  /**
   * One part of the package, inflated. ExcelJS holds each part's XML as one string, about three times its
   * size in memory (the national plan by month's largest part is 91 MB); the marker reader, a progress
   * report's XML (the national plan by week's is 220 MB).
   */
  entryBytes: number;
  /** All parts, inflated (the national plan: about 150 MB by month, 360 MB by week). */
  totalBytes: number;
  /**
   * Cells ExcelJS may be asked to build: it takes about 650 bytes of memory per cell. A units table of the
   * whole country (10,047 communes, 6 registers) holds about 120,000 cells; the national plan by month
   * about 3.6 million (read back in about 2.5 GB).
   */
  cells: number;
}

export interface ReadLimits {
  /** The file itself (a national plan by month is about 21 MB, by week 49 MB). */
  fileBytes: number;
  entries: number;
  purposes: Record<ReadPurpose, PurposeLimits>;
}

export const READ_LIMITS: ReadLimits = {
  fileBytes: 256 * MiB,
  entries: 10_000,
  purposes: {
    units: { entryBytes: 128 * MiB, totalBytes: 384 * MiB, cells: 500_000 },
    'plan-book': { entryBytes: 128 * MiB, totalBytes: 384 * MiB, cells: 4_000_000 },
    output: { entryBytes: 384 * MiB, totalBytes: 1024 * MiB, cells: Infinity },
  },
};

/** Excel's rows per sheet: a worksheet with more did not come from a spreadsheet program. */
const SHEET_ROWS = 1_048_576;
/** Deflate cannot expand more than about 1032 to 1: a part declaring more lies about its size. */
const DEFLATE_MAX_RATIO = 1032;

/** How a platform inflates for the check: raw deflate as a stream, the output handed on in pieces. */
export interface StreamInflater {
  /**
   * Raw-inflates `raw`, handing each piece of output to `take` as it comes. When `take` throws, stops
   * inflating (nothing more is produced) and rejects with what it threw.
   */
  inflate(raw: Uint8Array, take: (piece: Uint8Array) => void): Promise<void>;
  crc32?(data: Uint8Array, crc: number): number;
}

export type PackageCheck = { ok: true; cells: number } | { ok: false; problem: Problem };

const refusal = (code: string, vi: string, en: string): Problem => problem('error', code, null, null, vi, en);
const no = (p: Problem): PackageCheck => ({ ok: false, problem: p });

const SAVE_AS = {
  vi: 'Hãy mở tệp trong Excel hoặc LibreOffice, lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi dùng tệp .xlsx đó.',
  en: 'Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx), and use that file.',
};

/** What a file that is not an .xlsx is, in both languages, and whether saving it as .xlsx is the way out. */
const KINDS: Record<Exclude<FileKind, 'xlsx' | 'encrypted' | 'empty'>, { vi: string; en: string; saveAs: boolean }> = {
  ods: { vi: 'là bảng tính OpenDocument (.ods)', en: 'is an OpenDocument spreadsheet (.ods)', saveAs: true },
  xls: { vi: 'là sổ tính Excel 97–2003 (.xls)', en: 'is an Excel 97–2003 workbook (.xls)', saveAs: true },
  xlsb: { vi: 'là sổ tính nhị phân của Excel (.xlsb)', en: 'is an Excel binary workbook (.xlsb)', saveAs: true },
  csv: { vi: 'là tệp văn bản (CSV)', en: 'is a text file (CSV)', saveAs: true },
  html: { vi: 'là trang web (HTML) mang tên sổ tính', en: 'is a web page (HTML) with a spreadsheet name', saveAs: true },
  xml: { vi: 'là tệp XML (như sổ tính XML của Excel 2003)', en: 'is an XML file (such as an Excel 2003 XML spreadsheet)', saveAs: true },
  zip: { vi: 'là tệp nén ZIP nhưng không phải sổ tính', en: 'is a ZIP archive but not a workbook', saveAs: false },
  unknown: { vi: 'không phải là sổ tính', en: 'is not a workbook', saveAs: false },
};

/** The refusal for a file that is not an .xlsx workbook, naming the file and what it is. */
export function wrongKind(file: string, kind: Exclude<FileKind, 'xlsx'>): Problem {
  if (kind === 'empty') return refusal('empty-file', `Tệp ${file} trống (0 byte).`, `The file ${file} is empty (0 bytes).`);
  if (kind === 'encrypted') {
    return refusal('encrypted',
      `${file} được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu: xóa mật khẩu), lưu lại rồi dùng tệp đó.`,
      `${file} is protected with a password, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password: clear it), save it, and use that file.`);
  }
  const k = KINDS[kind];
  return refusal('not-xlsx',
    `${file} ${k.vi}, không phải sổ tính Excel (.xlsx). ${k.saveAs ? SAVE_AS.vi : 'Hãy chọn tệp .xlsx.'}`,
    `${file} ${k.en}, not an Excel workbook (.xlsx). ${k.saveAs ? SAVE_AS.en : 'Choose an .xlsx file.'}`);
}

/** The refusal for a damaged package, naming the part when one is at fault. */
export const damaged = (file: string, part?: string): Problem =>
  refusal('damaged',
    `Không mở được ${file}: tệp .xlsx đã hỏng${part ? ` (phần ${part})` : ''}. Hãy mở và lưu lại tệp trong Excel, hoặc dùng bản gốc.`,
    `Cannot open ${file}: the .xlsx file is damaged${part ? ` (part ${part})` : ''}. Open and save it again in Excel, or use the original.`);

const mb = (bytes: number, lang: 'vi' | 'en'): string => `${formatCount(Math.ceil(bytes / MiB), lang)} MB`;

/** A file too large to read at all, refused from its size before it is read. */
export const fileTooLarge = (file: string, size: number, limits: ReadLimits = READ_LIMITS): Problem =>
  refusal('too-large',
    `${file} nặng ${mb(size, 'vi')}, quá giới hạn ${mb(limits.fileBytes, 'vi')} của một sổ tính; không đọc.`,
    `${file} is ${mb(size, 'en')}, beyond the ${mb(limits.fileBytes, 'en')} limit for a workbook; it is not read.`);

/** What to do about a workbook too large to read, by what it was read for. */
const ADVICE: Record<ReadPurpose, { vi: string; en: string }> = {
  units: {
    vi: 'Hãy để bảng đơn vị trong một tệp riêng, hoặc chia thành nhiều tệp (ví dụ mỗi tỉnh một tệp).',
    en: 'Keep the units table in a workbook of its own, or split it into several (one per province, say).',
  },
  'plan-book': {
    vi: 'Hãy lập kế hoạch theo kỳ dài hơn (tháng thay cho tuần hoặc ngày) hoặc tách theo tỉnh.',
    en: 'Plan by longer periods (months rather than weeks or days) or by province.',
  },
  output: { vi: 'Hãy chọn tệp khác.', en: 'Choose another file.' },
};

function tooManyCells(file: string, purpose: ReadPurpose, limit: number): Problem {
  const n = { vi: formatCount(limit, 'vi'), en: formatCount(limit, 'en') };
  return purpose === 'units'
    ? refusal('too-large',
      `${file} có hơn ${n.vi} ô, quá lớn cho một bảng đơn vị (cả nước 10.047 xã với 6 loại sổ chỉ khoảng 120.000 ô). ${ADVICE.units.vi}`,
      `${file} holds more than ${n.en} cells, too many for a units table (the whole country's 10,047 communes with 6 registers hold about 120,000). ${ADVICE.units.en}`)
    : refusal('too-large',
      `${file} có hơn ${n.vi} ô, quá lớn để đọc lại (kế hoạch cả nước theo tháng khoảng 3,6 triệu ô). ${ADVICE['plan-book'].vi}`,
      `${file} holds more than ${n.en} cells, too many to read back (the national plan by month holds about 3.6 million). ${ADVICE['plan-book'].en}`);
}

/**
 * Counts a worksheet's cells and rows as its XML streams by: `<c …>` and `<row …>` tags, with or without a
 * namespace prefix. A tag cut by the end of a piece is carried over to the next.
 */
class SheetCounter {
  cells = 0;
  rows = 0;
  private carry: Uint8Array | null = null;

  feed(piece: Uint8Array): void {
    let b = piece;
    if (this.carry) {
      b = new Uint8Array(this.carry.length + piece.length);
      b.set(this.carry);
      b.set(piece, this.carry.length);
      this.carry = null;
    }
    for (let i = b.indexOf(0x3c); i >= 0; i = b.indexOf(0x3c, i + 1)) {
      if (b.length - i < 16) {
        this.carry = b.slice(i);
        return;
      }
      this.tag(b, i + 1);
    }
  }

  end(): void {
    if (this.carry) this.tag(this.carry, 1);
    this.carry = null;
  }

  /** The tag whose name starts at `at`: a cell or a row, after any prefix. */
  private tag(b: Uint8Array, at: number): void {
    let start = at;
    for (let j = at; j < b.length && j < at + 12; j++) {
      const c = b[j];
      if (c === 0x3a) start = j + 1; // "x:c"
      else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) break;
    }
    const ends = (j: number): boolean => j >= b.length || b[j] === 0x20 || b[j] === 0x3e || b[j] === 0x2f || b[j] === 0x09 || b[j] === 0x0a || b[j] === 0x0d;
    if (b[start] === 0x63 && ends(start + 1)) this.cells++;
    else if (b[start] === 0x72 && b[start + 1] === 0x6f && b[start + 2] === 0x77 && ends(start + 3)) this.rows++;
  }
}

const isWorksheet = (name: string): boolean => /(^|\/)worksheets\/[^/]+\.xml$/.test(name);

/** Thrown by the check's sink to stop an inflation: the part grew past what it declared, or the cells past the limit. */
class Stop extends Error {
  constructor(readonly problem: Problem) {
    super('stop');
  }
}

/**
 * Checks a workbook's bytes (`file` names it in messages) before it is handed to ExcelJS: its kind, its
 * declared sizes, then every part inflated within them. Resolves to the cells counted, or the refusal.
 */
export async function checkWorkbookBytes(file: string, bytes: Uint8Array, inflater: StreamInflater, purpose: ReadPurpose,
  limits: ReadLimits = READ_LIMITS): Promise<PackageCheck> {
  if (bytes.length > limits.fileBytes) return no(fileTooLarge(file, bytes.length, limits));
  const plain = plainFileKind(bytes);
  if (plain !== 'zip-archive') return no(wrongKind(file, plain));
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    if (e instanceof ZipError) return no(damaged(file));
    throw e;
  }
  const kind = zipKind(entries, bytes);
  if (kind !== 'xlsx') return no(wrongKind(file, kind));
  if (entries.some((e) => e.flags & 1)) return no(wrongKind(file, 'encrypted'));

  const declared = checkDeclared(file, entries, purpose, limits);
  if (declared) return no(declared);

  const crc32 = inflater.crc32 ? inflater.crc32.bind(inflater) : crc32Js;
  let cells = 0;
  const cellLimit = limits.purposes[purpose].cells;
  for (const e of entries) {
    const counter = isWorksheet(e.name) ? new SheetCounter() : null;
    const xml = /\.(xml|rels)$/.test(e.name);
    let size = 0;
    let crc = 0;
    const take = (piece: Uint8Array): void => {
      size += piece.length;
      // XML holds no NUL byte: a part of zeros is not worth handing to ExcelJS.
      if (size > e.size || (xml && piece.indexOf(0) >= 0)) throw new Stop(damaged(file, e.name));
      crc = crc32(piece, crc);
      if (!counter) return;
      const before = counter.cells;
      counter.feed(piece);
      cells += counter.cells - before;
      if (cells > cellLimit) throw new Stop(tooManyCells(file, purpose, cellLimit));
      if (counter.rows > SHEET_ROWS) throw new Stop(damaged(file, e.name));
    };
    const raw = bytes.subarray(e.start, e.start + e.compressed);
    try {
      if (e.method === STORE) take(raw);
      else await inflater.inflate(raw, take);
    } catch (err) {
      if (err instanceof Stop) return no(err.problem);
      return no(damaged(file, e.name)); // not deflate data
    }
    if (counter) {
      const before = counter.cells;
      counter.end();
      cells += counter.cells - before;
      if (cells > cellLimit) return no(tooManyCells(file, purpose, cellLimit));
    }
    if (size !== e.size || crc !== e.crc) return no(damaged(file, e.name));
  }
  return { ok: true, cells };
}

/** XML deflates about tenfold; far more than this is a decompression bomb, not a spreadsheet. */
const BOMB_RATIO = 200;

/** The central directory's declared sizes against the limits: refused before anything is inflated. */
function checkDeclared(file: string, entries: readonly ZipEntry[], purpose: ReadPurpose, limits: ReadLimits): Problem | null {
  const { entryBytes, totalBytes } = limits.purposes[purpose];
  const tooLarge = (what: { vi: string; en: string }, bomb: boolean): Problem =>
    refusal('too-large', `${what.vi}; không đọc. ${bomb ? 'Tệp nén bất thường: có thể là “bom nén”.' : ADVICE[purpose].vi}`,
      `${what.en}; it is not read. ${bomb ? 'It is compressed like a decompression bomb.' : ADVICE[purpose].en}`);
  if (entries.length > limits.entries) {
    return tooLarge({
      vi: `${file} có ${formatCount(entries.length, 'vi')} phần, quá giới hạn ${formatCount(limits.entries, 'vi')} của một sổ tính`,
      en: `${file} has ${formatCount(entries.length, 'en')} parts, beyond the limit of ${formatCount(limits.entries, 'en')} for a workbook`,
    }, false);
  }
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.method !== STORE && e.method !== DEFLATE) return damaged(file, e.name);
    if (e.size > entryBytes) {
      return tooLarge({
        vi: `${file}: phần ${e.name} giải nén ra ${mb(e.size, 'vi')}, quá giới hạn ${mb(entryBytes, 'vi')} của một phần sổ tính`,
        en: `${file}: part ${e.name} inflates to ${mb(e.size, 'en')}, beyond the ${mb(entryBytes, 'en')} limit for a part of a workbook`,
      }, e.size > e.compressed * BOMB_RATIO);
    }
    if (e.method === STORE ? e.size !== e.compressed : e.size > e.compressed * DEFLATE_MAX_RATIO + 1024) return damaged(file, e.name);
    total += e.size;
    compressed += e.compressed;
  }
  if (total > totalBytes) {
    return tooLarge({
      vi: `${file} giải nén ra ${mb(total, 'vi')}, quá giới hạn ${mb(totalBytes, 'vi')} của một sổ tính`,
      en: `${file} inflates to ${mb(total, 'en')}, beyond the ${mb(totalBytes, 'en')} limit for a workbook`,
    }, total > compressed * BOMB_RATIO);
  }
  return null;
}
