import ExcelJS from 'exceljs';
import { WorkbookFile, workbookFile } from './read-workbook-file';

/**
 * A workbook read by ExcelJS (its sheets become grids with `gridOf`): from bytes already checked, or from a
 * path, read and checked first (`workbookFile`: a refusal is thrown). ExcelJS never reads an unchecked file.
 */
export async function loadWorkbook(source: string | WorkbookFile): Promise<ExcelJS.Workbook> {
  const { bytes } = typeof source === 'string' ? await workbookFile(source) : source;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return workbook;
}
