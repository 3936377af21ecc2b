import { CellStyle, SheetModel } from '../model';

/** The plans' typeface: Vietnamese administrative documents are set in Times New Roman. */
export const FORM_FONT: SheetModel['font'] = { name: 'Times New Roman', size: 12 };

const HEADER_FILL = 'FFDDEBF7';
/** Cells people type into, as the plans' report templates shade them. */
export const INPUT_FILL = 'FFFFF2CC';

/** Named styles the forms share; a form adds its own next to them. */
export const FORM_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 14, align: 'center' },
  heading: { bold: true, align: 'center' },
  subtitle: { italic: true, align: 'center' },
  label: { bold: true },
  hint: { italic: true, color: 'FF595959' },
  header: { bold: true, align: 'center', valign: 'middle', wrap: true, border: true, fill: HEADER_FILL },
  text: { border: true },
  center: { align: 'center', border: true },
  count: { numFmt: '#,##0', border: true },
  percent: { numFmt: '0.0%', border: true },
  date: { numFmt: 'dd/mm/yyyy', align: 'center', border: true },
  input: { numFmt: '#,##0', border: true, fill: INPUT_FILL, unlocked: true },
  inputDate: { numFmt: 'dd/mm/yyyy', align: 'center', border: true, fill: INPUT_FILL, unlocked: true, bold: true },
  subtotal: { bold: true, fill: 'FFF2F2F2' },
  total: { bold: true, fill: 'FFE2EFDA' },
  behind: { color: 'FF9C0006', fill: 'FFFFC7CE', bold: true },
  finished: { color: 'FF006100', fill: 'FFC6EFCE' },
  /** A target the planner held by hand through a re-split. */
  held: { numFmt: '#,##0', border: true, bold: true, italic: true, fill: 'FFFCE4D6' },
};

/** The A4 landscape page every form prints on: one page wide, the header repeated, pages numbered. */
export function landscapePage(headerFirst: number, headerLast: number, footer: string): SheetModel['page'] {
  return { landscape: true, fitToWidth: true, printTitleRows: [headerFirst, headerLast], footer };
}
