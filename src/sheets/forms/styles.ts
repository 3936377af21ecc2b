import { CellStyle, PageSetup, SheetModel } from '../model';

/** The plans' typeface: Vietnamese administrative documents are set in Times New Roman. */
export const FORM_FONT: SheetModel['font'] = { name: 'Times New Roman', size: 12 };

const HEADER_FILL = 'FFDDEBF7';
/** Cells people type into, as the plans' report templates shade them. */
export const INPUT_FILL = 'FFFFF2CC';

/** Named styles the forms share; a form adds its own next to them. No text prints below 11 pt. */
export const FORM_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 14, align: 'center' },
  // The document block (Decree 30/2020/NĐ-CP): issuing body, motto, date line, signatures, recipients.
  body: { align: 'center' },
  bodyBoldLine: { align: 'center', bold: true, underline: true },
  motto: { align: 'center', bold: true, size: 12 },
  mottoLine: { align: 'center', bold: true, size: 13, underline: true },
  dateLine: { align: 'center', italic: true },
  signTitle: { align: 'center', bold: true, size: 13 },
  signHint: { align: 'center', italic: true, size: 11 },
  signName: { align: 'center', bold: true, size: 13 },
  recipientsHead: { bold: true, italic: true },
  recipient: { size: 11 },
  unitOfMeasure: { align: 'right', italic: true },
  attached: { align: 'center', italic: true },
  // The same lines wrapped, on taller rows, where the first page across is narrower than their words.
  titleWrap: { bold: true, size: 14, align: 'center', wrap: true, valign: 'middle' },
  attachedWrap: { align: 'center', italic: true, wrap: true, valign: 'middle' },
  unitOfMeasureWrap: { align: 'right', italic: true, wrap: true, valign: 'middle' },
  instruction: { italic: true, wrap: true, valign: 'top' },
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
  /** The boxes people fill: a medium border (it shows on a black-and-white print) as well as the shading. */
  input: { numFmt: '#,##0', border: 'medium', fill: INPUT_FILL, unlocked: true },
  inputDate: { numFmt: 'dd/mm/yyyy', align: 'center', border: 'medium', fill: INPUT_FILL, unlocked: true, bold: true },
  subtotal: { bold: true, fill: 'FFF2F2F2' },
  total: { bold: true, fill: 'FFE2EFDA' },
  behind: { color: 'FF9C0006', fill: 'FFFFC7CE', bold: true },
  finished: { color: 'FF006100', fill: 'FFC6EFCE' },
  /** A target the planner held by hand through a re-split. */
  held: { numFmt: '#,##0', border: true, bold: true, italic: true, fill: 'FFFCE4D6' },
};

/**
 * The A4 landscape page a form prints on at its own size: the header rows repeated on every page (and the
 * columns that say whose row it is, when given), pages numbered, across then down.
 */
export function landscapePage(headerFirst: number, headerLast: number, footer: string, titleCols?: [number, number]): PageSetup {
  return { landscape: true, printTitleRows: [headerFirst, headerLast], ...(titleCols ? { printTitleCols: titleCols } : {}), footer, overThenDown: true };
}
