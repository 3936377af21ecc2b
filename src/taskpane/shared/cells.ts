/**
 * A problem's cell the host can select: `Sheet!C7` of the open workbook. Not a cell of a returned file
 * (`[Huyện X.xlsx]Phụ lục 02!D10`, as Excel names a cell of another workbook), nor a bare file name.
 */
export const inThisWorkbook = (cell: string): boolean => cell.includes('!') && !/^'?\[/.test(cell);
