import ExcelJS from 'exceljs';
import type { FormKind } from '../../sheets/forms/marker';
import type { SheetModel } from '../../sheets/model';
import { ExistingSheet, findPlanForms } from '../../sheets/placement';
import { HostError, PaneHost, PlanSheetsRead, SETTINGS_KEY, SourceGrid, WriteOutcome, Written, notAPlanBook } from '../host';

import { gridOf } from '../../xlsx/read-grid';
import { READ_LIMITS, ReadPurpose, checkWorkbookBytes, fileTooLarge } from '../../xlsx/package-check';
import { xlsxParts } from '../../xlsx/spreadsheetml';
import type { Problem } from '../../planning/problems';
import { ZipWriter } from '../../xlsx/zip-format';
import { browserDeflater, canDeflate } from './deflate';
import { browserStreamInflater } from './inflate';
import { sheetMarkers } from './workbook-markers';

/**
 * The pane's host in a plain browser (standalone mode): a workbook file the user chose. It is read with
 * ExcelJS and never changed; the forms are written by our SpreadsheetML writer into a fresh workbook that
 * the browser downloads (like the CLI's --out). Nothing leaves the browser.
 *
 * The pane loads this module with a dynamic `import()`, so ExcelJS stays out of the initial bundle.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * Appended to the input's base name: `Số liệu.xlsx` → `Số liệu - ke-hoach.xlsx` for a plan's forms,
 * `Số liệu - don-vi-moi.xlsx` for a units table remapped to the communes since 1/7/2025.
 */
export const DOWNLOAD_SUFFIX: Record<Written, string> = { plan: ' - ke-hoach.xlsx', units: ' - don-vi-moi.xlsx' };
/** How long the download's object URL lives: browsers read it after `click()` returns, not before. */
const REVOKE_AFTER_MS = 30_000;

/** The download's name: the input's name without its extension (nor our suffix), characters file systems refuse replaced. */
export function downloadName(inputName: string, what: Written = 'plan'): string {
  const base = inputName
    .normalize('NFC')
    .replace(/\.(xlsx|xlsm|xltx|xltm|xls|csv)$/i, '')
    // A file downloaded before (a re-split of it, a plan from a remapped table): `X - ke-hoach.xlsx` gives
    // `X - ke-hoach.xlsx` again, not `… - ke-hoach - ke-hoach`; `X - don-vi-moi.xlsx` gives `X - ke-hoach.xlsx`.
    .replace(/ - (ke-hoach|don-vi-moi)$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .trim();
  return (base || 'quota-planner') + DOWNLOAD_SUFFIX[what];
}

function readSettings(): unknown {
  try {
    const text = window.localStorage.getItem(SETTINGS_KEY);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null; // storage disabled (private mode, a sandboxed frame) or a value that is not JSON
  }
}

function writeSettings(value: unknown): void {
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled: settings are a convenience, the plan does not depend on them.
  }
}

/** Lets the page paint (the progress bar) between parts; a message is not throttled like a timer. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A worksheet's XML is made and deflated on the page's thread: it gives the page a turn this often. */
const SLICE_MS = 50;

/** A part's chunks, with a turn for the page whenever making them has held it for SLICE_MS. */
async function* sliced(content: string | Iterable<string>): AsyncGenerator<string> {
  if (typeof content === 'string') {
    yield content;
    return;
  }
  let since = Date.now();
  for (const chunk of content) {
    yield chunk;
    if (Date.now() - since >= SLICE_MS) {
      await nextTask();
      since = Date.now();
    }
  }
}

/** The workbook's bytes as a Blob: our writer, deflated by the browser (stored where it cannot deflate). */
export async function formsBlob(sheets: readonly SheetModel[], progress: (fraction: number) => void = () => undefined): Promise<Blob> {
  const parts = xlsxParts(sheets); // refuses bad sheet names before anything is written
  // Progress by part, a worksheet weighing its cells: the XML is in proportion to them.
  const weights = new Map<string, number>();
  sheets.forEach((s, i) => weights.set(`xl/worksheets/sheet${i + 1}.xml`, s.rows.reduce((n, r) => n + r.values.length, 0)));
  const total = [...weights.values()].reduce((a, b) => a + b, 0) + 16;
  const chunks: Uint8Array[] = [];
  const deflate = canDeflate() ? browserDeflater : undefined;
  const zip = new ZipWriter((bytes) => void chunks.push(bytes), { level: deflate ? 1 : 0, deflate });
  let done = 0;
  progress(0);
  for (const part of parts) {
    await zip.add(part.name, sliced(part.content));
    done += 1 + (weights.get(part.name) ?? 0);
    progress(Math.min(done / total, 0.99));
    await nextTask();
  }
  await zip.finish();
  const blob = new Blob(chunks as BlobPart[], { type: XLSX_MIME });
  progress(1);
  return blob;
}

/** Hands `blob` to the browser as a download named `name`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

const unreadable = (name: string): HostError =>
  new HostError(
    `Không mở được ${name}: tệp không phải là sổ tính .xlsx hoặc đã hỏng.`,
    `Cannot open ${name}: it is not an .xlsx workbook, or it is damaged.`,
    'unreadable',
  );

class FileHost implements PaneHost {
  readonly kind = 'file' as const;

  constructor(private readonly file: File, private readonly bytes: Uint8Array, private readonly workbook: ExcelJS.Workbook) {}

  async readSources(): Promise<SourceGrid[]> {
    return this.workbook.worksheets
      .filter((ws) => ws.state === undefined || ws.state === 'visible')
      .map((ws) => ({ grid: gridOf(ws), scope: 'sheet' as const, label: `${this.file.name} › ${ws.name}` }));
  }

  async goToCell(): Promise<boolean> {
    return false;
  }

  async loadSettings(): Promise<unknown> {
    return readSettings();
  }

  async saveSettings(value: unknown): Promise<void> {
    writeSettings(value);
  }

  /** None: the download is a fresh workbook holding the forms only; the chosen file is never changed. */
  async existingSheets(): Promise<ExistingSheet[]> {
    return [];
  }

  /** The forms of the plan in the chosen file, by the markers in its XML (ExcelJS does not keep them), as grids. */
  async readPlanSheets(): Promise<PlanSheetsRead> {
    let marked;
    try {
      marked = await sheetMarkers(this.bytes);
    } catch {
      throw unreadable(this.file.name);
    }
    const found = findPlanForms(marked);
    const file = { vi: `Tệp ${this.file.name}`, en: `The file ${this.file.name}` };
    if (found.names === null) return { sheets: null, problems: [notAPlanBook(file, found.why)] };
    const { names } = found;
    const grid = (kind: FormKind) => {
      const ws = names[kind] ? this.workbook.getWorksheet(names[kind]) : undefined;
      return ws ? gridOf(ws) : undefined;
    };
    const [calendar, units, progress] = [grid('calendar'), grid('units'), grid('progress')];
    // ExcelJS and the XML disagree about the sheets: a workbook it reads otherwise than Excel.
    if (!calendar || !units || !progress) throw unreadable(this.file.name);
    return { sheets: { calendar, units, progress, quota: grid('quota'), history: grid('history'), names, planId: found.planId }, others: found.others };
  }

  async writeForms(sheets: readonly SheetModel[], _replaced: readonly string[], progress: (fraction: number) => void, what: Written = 'plan'): Promise<WriteOutcome> {
    const name = downloadName(this.file.name, what);
    let blob: Blob;
    try {
      blob = await formsBlob(sheets, progress);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new HostError(`Không tạo được tệp ${name}: ${detail}`, `Could not make ${name}: ${detail}`, 'write');
    }
    download(blob, name);
    return { sheets: sheets.map((s) => s.name), download: name };
  }

  async showSheet(): Promise<boolean> {
    return false;
  }
}

/**
 * Opens a workbook the user chose, read for `purpose` with the CLI's limits (package-check.ts): an .ods, an
 * .xls, a CSV, a password-protected file or one too large is refused naming what it is, before ExcelJS
 * reads anything; a file ExcelJS cannot read is a HostError saying so in both languages.
 */
export async function openWorkbookFile(file: File, purpose: ReadPurpose = 'plan-book'): Promise<PaneHost> {
  const refuse = (p: Problem): HostError => new HostError(p.vi, p.en, p.code);
  if (file.size > READ_LIMITS.fileBytes) throw refuse(fileTooLarge(file.name, file.size));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw unreadable(file.name);
  }
  const checked = await checkWorkbookBytes(file.name, bytes, browserStreamInflater, purpose);
  if (!checked.ok) throw refuse(checked.problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  } catch {
    throw unreadable(file.name);
  }
  if (workbook.worksheets.length === 0) throw unreadable(file.name);
  return new FileHost(file, bytes, workbook);
}
