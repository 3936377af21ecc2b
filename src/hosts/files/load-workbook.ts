import ExcelJS from 'exceljs';

/** A workbook file on disk, read by ExcelJS (its sheets become grids with `gridOf`). */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}
