import { readFileSync, writeFileSync } from 'fs';
import { ZipWriter, unzip } from '../../src/hosts/files/zip';

/**
 * Types into an empty cell of a workbook the way Excel saves it (`<v>120</v>`, or `<f>100+20</f><v>120</v>`
 * for a formula): only that cell's XML changes,
 * so everything else (hidden names, validation, protection) stays as it was. ExcelJS cannot be used for
 * this: re-saving through it drops the sheets' hidden names.
 */
export async function typeCell(file: string, sheetNumber: number, cell: string, content: string): Promise<void> {
  await rewriteCell(file, sheetNumber, cell, content, new RegExp(`<c r="${cell}"( s="\\d+")?/>`), 'an empty cell');
}

/** Types over a cell that may hold a value (as Excel saves a number typed over it): `content` is `<v>…</v>`. */
export async function overwriteCell(file: string, sheetNumber: number, cell: string, content: string): Promise<void> {
  await rewriteCell(file, sheetNumber, cell, content, new RegExp(`<c r="${cell}"( s="\\d+")?(?: t="\\w+")?(?:/>|>.*?</c>)`), 'a cell');
}

async function rewriteCell(file: string, sheetNumber: number, cell: string, content: string, pattern: RegExp, what: string): Promise<void> {
  const parts = unzip(readFileSync(file));
  const name = `xl/worksheets/sheet${sheetNumber}.xml`;
  const xml = new TextDecoder().decode(parts.get(name));
  if (!pattern.test(xml)) throw new Error(`${cell} is not ${what} of ${name}`);
  parts.set(name, new TextEncoder().encode(xml.replace(pattern, `<c r="${cell}"$1>${content}</c>`)));
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((bytes) => void chunks.push(bytes));
  for (const [part, bytes] of parts) await zip.add(part, bytes);
  await zip.finish();
  writeFileSync(file, Buffer.concat(chunks));
}
