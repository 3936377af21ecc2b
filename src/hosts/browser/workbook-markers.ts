import { KEPT_NAME, MARKER_NAME, parseMarker } from '../../sheets/forms/marker';
import type { MarkedSheet } from '../../sheets/placement';
import { unzipWith } from '../../xlsx/zip-format';
import { markerText, workbookIndex } from '../../xlsx/workbook-index';

/**
 * The generated-sheet markers of a workbook file, in a browser. ExcelJS drops defined names that are not
 * ranges, and the markers are text constants (`="quota-planner/progress/3f9a12c0"`), so they are read from
 * the workbook part's XML, as `../xlsx/existing-sheets.ts` reads them in Node (which a browser bundle
 * cannot import: it reads files with `fs`, and unzips with zlib).
 */

/** Raw deflate through the browser's own decompressor. */
async function inflateRaw(raw: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw' as CompressionFormat));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const NOT_YET = Symbol('not inflated yet');

/**
 * The entries `wanted` of a ZIP archive, read by the format's reader (`unzipWith`), whose inflater is
 * synchronous where the browser's is not: an entry met still deflated stops the reading, is inflated, and
 * the reading starts again. A few small entries (the workbook part and its relationships) take a few rounds.
 */
export async function unzipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, Uint8Array>> {
  const inflated = new Map<number, Uint8Array>();
  for (;;) {
    let missing: Uint8Array | null = null;
    try {
      return unzipWith(
        {
          inflate: (raw) => {
            const done = inflated.get(raw.byteOffset);
            if (done) return done;
            missing = raw;
            throw NOT_YET;
          },
        },
        bytes,
        wanted,
      );
    } catch (e) {
      if (e !== NOT_YET || missing === null) throw e;
    }
    const raw: Uint8Array = missing;
    inflated.set(raw.byteOffset, await inflateRaw(raw));
  }
}

/**
 * The sheets of an .xlsx file in order, each with its marker (null for a sheet people made) and whether Excel
 * keeps it for an undo. Throws when the file is not a workbook with sheets. Only the package's relationships
 * and workbook part are inflated.
 */
export async function sheetMarkers(bytes: Uint8Array): Promise<MarkedSheet[]> {
  const files = await unzipEntries(bytes, (name) => name.endsWith('.rels') || name.endsWith('workbook.xml'));
  const { sheets, names } = workbookIndex(files);
  return sheets.map((name, i) => ({ name, marker: parseMarker(markerText(names[i].get(MARKER_NAME))), kept: names[i].has(KEPT_NAME) }));
}
