import { ModelRow, PageSetup } from '../../src/sheets/model';
import { columnBreaks, columnPages, fitsAcross, printable, rowBreaks, withRunAbove } from '../../src/sheets/forms/pages';

/** Rows of the given heights (points), 1-based as the sheet's. */
const rows = (...heights: number[]): ModelRow[] => heights.map((height) => ({ values: [], height }));
const landscape: PageSetup = { landscape: true };
const titled: PageSetup = { landscape: true, printTitleRows: [1, 1] };

describe('where a form’s pages break', () => {
  // A4 landscape with Decree 30's margins holds 170 mm of rows: four rows of 100 pt, not five.
  it('fills each page with what it holds, at the rows’ own heights', () => {
    expect(printable(true).height).toBeCloseTo(170 * (72 / 25.4), 5);
    expect(rowBreaks(rows(...Array(10).fill(100)), 12, landscape)).toEqual([5, 9]);
  });

  it('leaves room on every page after the first for the repeated title rows', () => {
    // Row 1 (50 pt) is the title: page 1 holds it and 4 rows; each later page the title again and 4 rows.
    expect(rowBreaks(rows(50, ...Array(11).fill(100)), 12, titled)).toEqual([6, 10]);
  });

  it('moves a unit’s rows to the next page whole rather than splitting them', () => {
    expect(rowBreaks(rows(50, ...Array(11).fill(100)), 12, titled, { keepRows: [[4, 6]] })).toEqual([4, 8, 12]);
  });

  it('splits a run longer than a page where it must', () => {
    expect(rowBreaks(rows(...Array(10).fill(100)), 12, landscape, { keepRows: [[1, 10]] })).toEqual([5, 9]);
  });

  it('still moves the next unit whole to a page of its own after a unit too long for one page', () => {
    // Rows 2–50 (20 pt each, 980 pt) break inside; rows 51–70 (400 pt) do not fit under what is left and start a page.
    const breaks = rowBreaks(rows(50, ...Array(69).fill(20)), 12, titled, { keepRows: [[2, 50], [51, 70]] });
    expect(breaks).toContain(51);
    expect(breaks.filter((b) => b > 51 && b <= 70)).toEqual([]);
  });

  it('never leaves the first page with the document block and the titles alone: the first run breaks inside instead', () => {
    // Rows 1–2 the document block (150 pt each), row 3 the titles, then a unit of three rows of 40 pt that
    // does not fit under them: its first two rows print on page 1 (390, 430 pt), the third on page 2.
    const page: PageSetup = { landscape: true, printTitleRows: [3, 3] };
    expect(rowBreaks(rows(150, 150, 50, 40, 40, 40, 40), 12, page, { keepRows: [[4, 6]] })).toEqual([6]);
    // Hidden rows under the titles (Phụ lục 02's key rows) are not the body.
    const hidden: ModelRow[] = [...rows(150, 150, 50), { values: [], hidden: true }, ...rows(40, 40, 40, 40)];
    expect(rowBreaks(hidden, 12, page, { keepRows: [[5, 7]] })).toEqual([7]);
  });

  it('starts a page where it is told to (a stage’s block), even with room left', () => {
    expect(rowBreaks(rows(50, ...Array(6).fill(20)), 12, titled, { rowStarts: [5] })).toEqual([5]);
  });

  it('breaks columns at the font’s digit widths, keeping a period’s target and box together', () => {
    // 714 pt across (A4 landscape less 45 mm) at 12 pt: 6 pt a digit, so 114 digits a page with the safety.
    const columns = Array.from({ length: 12 }, () => ({ width: 10 }));
    expect(columnBreaks(columns, 12, landscape)).toEqual([11]);
    expect(columnBreaks(columns, 12, landscape, { keepCols: [[10, 11]] })).toEqual([10]);
    expect(columnPages([10], 11)).toEqual([[0, 9], [10, 11]]);
    expect(fitsAcross(Array(11).fill(10), 12, true)).toBe(true);
    expect(fitsAcross(Array(12).fill(10), 12, true)).toBe(false);
    expect(fitsAcross(Array(12).fill(10), 11, true)).toBe(true);
  });

  it('keeps a total and its signatures with the run above them', () => {
    expect(withRunAbove([[4, 6], [7, 9]], 10)).toBe(7);
    expect(withRunAbove([[4, 6]], 9)).toBe(8);
  });
});
