import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { openFd } from './leftovers';
import { SheetModel } from '../../sheets/model';
import { XlsxOptions, XlsxPart, xlsxParts } from '../../xlsx/spreadsheetml';
import { ZipSink, ZipWriter } from './zip';

/**
 * Sheet models → an .xlsx file or its bytes: the SpreadsheetML parts streamed through the ZIP writer.
 * The Node-specific ends (zlib in `zip-node.ts`, through `zip.ts`; the file here) stay in Node modules;
 * the browser writes the same parts through `zip-format.ts` with `../browser/deflate.ts`.
 */

export interface WriteXlsxOptions extends XlsxOptions {
  /** Deflate level (default 1: fast, and the XML still compresses about tenfold). */
  level?: number;
}

async function writeParts(parts: Iterable<XlsxPart>, sink: ZipSink, options: WriteXlsxOptions): Promise<void> {
  const zip = new ZipWriter(sink, { level: options.level, date: options.created });
  for (const part of parts) await zip.add(part.name, part.content);
  await zip.finish();
}

/** Bytes written to the file in blocks of about this size. */
const FILE_BLOCK = 1 << 20;

/**
 * Writes the workbook to `target` (created or replaced) and returns its SHA-256; a failed write leaves no
 * partial file behind.
 */
export async function writeXlsx(sheets: readonly SheetModel[], target: string, options: WriteXlsxOptions = {}): Promise<string> {
  const parts = xlsxParts(sheets, options); // refuses a bad model before the file is touched
  const file = await fs.open(target, 'w');
  openFd(target, file.fd); // a signal closes it before removing a temporary file (Windows cannot remove an open one)
  const hash = createHash('sha256');
  let ok = false;
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (size === 0) return;
      const block = pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
      pending = [];
      size = 0;
      hash.update(block);
      for (let at = 0; at < block.length; ) at += (await file.write(block, at, block.length - at)).bytesWritten;
    };
    await writeParts(parts, async (bytes) => {
      pending.push(bytes);
      size += bytes.length;
      if (size >= FILE_BLOCK) await flush();
    }, options);
    await flush();
    ok = true;
  } finally {
    openFd(target, undefined);
    await file.close();
    if (!ok) await fs.rm(target, { force: true });
  }
  return hash.digest('hex');
}

/** The workbook's bytes, in memory. */
export async function xlsxBytes(sheets: readonly SheetModel[], options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeParts(xlsxParts(sheets, options), (bytes) => void chunks.push(bytes), options);
  return Buffer.concat(chunks);
}
