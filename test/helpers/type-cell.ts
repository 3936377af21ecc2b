import { readFileSync, writeFileSync } from 'fs';
import { ZipWriter, unzip } from '../../src/hosts/xlsx/zip';

/**
 * Types a number into an empty cell of a workbook the way Excel saves it: only that cell's XML changes,
 * so everything else (hidden names, validation, protection) stays as it was. ExcelJS cannot be used for
 * this: re-saving through it drops the sheets' hidden names.
 */
export async function typeNumber(file: string, sheetNumber: number, cell: string, value: number): Promise<void> {
  const parts = unzip(readFileSync(file));
  const name = `xl/worksheets/sheet${sheetNumber}.xml`;
  const xml = new TextDecoder().decode(parts.get(name));
  const empty = new RegExp(`<c r="${cell}"( s="\\d+")?/>`);
  if (!empty.test(xml)) throw new Error(`${cell} is not an empty cell of ${name}`);
  parts.set(name, new TextEncoder().encode(xml.replace(empty, `<c r="${cell}"$1><v>${value}</v></c>`)));
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((bytes) => void chunks.push(bytes));
  for (const [part, bytes] of parts) await zip.add(part, bytes);
  await zip.finish();
  writeFileSync(file, Buffer.concat(chunks));
}
