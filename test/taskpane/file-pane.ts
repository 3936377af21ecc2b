import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { existingSheets } from '../../src/hosts/files/existing-sheets';
import { PlanJson } from '../../src/planning/plan-json';
import { PlanWorkbook, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';
import { PaneHost } from '../../src/hosts/host';
import { tempDir } from '../helpers/tmp';
import { typeCell } from '../helpers/type-cell';
import { writeTwoDistricts } from '../helpers/xlsx-sample';

/**
 * The pane in standalone mode, as the re-split and consolidation tests drive it: plan workbooks the CLI
 * wrote, actuals typed into them as Excel saves them, handed to the browser's file host as chosen files,
 * and the downloads it makes caught. Node has the browser's DecompressionStream and Blob; the download
 * link is faked.
 */

export const tmp = tempDir('quota-pane-file-');
afterAll(() => tmp.cleanup());

/** A box's address without its sheet; a period without a box (null) is a test's mistake. */
const bare = (ref: string | null): string => {
  if (ref === null) throw new Error('No box for that period');
  return ref.replace(/^.*!/, '');
};

/** A file on disk as the browser hands a chosen file over, under `name`. */
export const fileOf = (path: string, name: string): File => bytesFile(readFileSync(path), name);

/** Bytes as the browser hands a chosen file over. */
export const bytesFile = (bytes: Uint8Array, name: string): File =>
  ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }) as unknown as File;

/** Two districts, three communes, weekly in June 2024, written by `quota-plan plan`; actuals typed for two weeks. */
export async function planBook(): Promise<{ path: string; typed: Map<string, number> }> {
  const id = Math.random().toString(36).slice(2);
  const input = tmp.file(`units-${id}.xlsx`);
  await writeTwoDistricts(input);
  const path = tmp.file(`plan-${id}.xlsx`);
  const out: string[] = [];
  const code = await main(['plan', input, '--start', '2024-06-03', '--end', '2024-06-28', '--granularity', 'week', '--out', path, '--json', path.replace('.xlsx', '.json')], (s) => out.push(s), (s) => out.push(s));
  expect([code, out.join('\n')]).toEqual([0, expect.any(String)]);
  const plan: PlanJson = JSON.parse(readFileSync(path.replace('.xlsx', '.json'), 'utf8'));
  const progress = (await existingSheets(path)).findIndex((s) => s.marker?.kind === 'progress') + 1;
  const typed = new Map<string, number>();
  for (const [unit, register, k, value] of [['Xã A', 'KS', 0, 300], ['Xã A', 'KS', 1, 120], ['Xã B', 'KS', 0, 100], ['Xã A', 'KH', 0, 0]] as const) {
    const cell = bare(plan.rows.find((r) => r.unit === unit && r.register === register)!.actualCells![k]);
    await typeCell(path, progress, cell, `<v>${value}</v>`);
    typed.set(cell, value);
  }
  return { path, typed };
}

export async function bookOf(host: PaneHost): Promise<PlanWorkbook> {
  const found = await host.readPlanSheets();
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}

/** What the file host hands the browser to download, caught. */
export function catchDownloads(): { files: { name: string; blob: Blob }[]; restore: () => void } {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const g = globalThis as unknown as { document?: unknown };
  const hadDocument = 'document' in g;
  g.document = {
    createElement: () => {
      const a = { href: '', download: '', rel: '', style: {}, click: () => files.push({ name: a.download, blob: blobs.get(a.href)! }), remove: () => undefined };
      return a;
    },
    body: { appendChild: () => undefined },
  };
  const create = jest.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const revoke = jest.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  // The object URL is revoked 30 s later: not in a test.
  const realSetTimeout = globalThis.setTimeout;
  const timer = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) =>
    ms === 30_000 ? (0 as unknown as ReturnType<typeof setTimeout>) : realSetTimeout(fn, ms)) as unknown as typeof setTimeout);
  return {
    files,
    restore: () => {
      create.mockRestore();
      revoke.mockRestore();
      timer.mockRestore();
      if (!hadDocument) delete g.document;
    },
  };
}
