import { SheetRows, documentSpan, headerBlock, spanLine } from '../../src/sheets/forms/document';
import { textWidth } from '../../src/sheets/forms/pages';

/** The columns each text of the block's first two rows spans, as printed: "A1:D1" per value. */
function placed(out: SheetRows): Record<string, string> {
  const at: Record<string, string> = {};
  out.rows.forEach((row, r) => row.values.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const merge = out.merges.find((m) => m.startsWith(`${String.fromCharCode(65 + c)}${r + 1}:`));
    at[v] = merge ?? `${String.fromCharCode(65 + c)}${r + 1}`;
  }));
  return at;
}

describe('the issuing body and the motto over a table that runs over pages across', () => {
  const motto = textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true);

  it('sit side by side on the first page, right of the repeated columns, when there is room for both', () => {
    // Repeated columns A–C (30 digits), then eight columns of 10 on the first page, a break at L.
    const widths = [5, 15, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const out = new SheetRows();
    headerBlock(out, ['UBND TỈNH SƠN LA', 'SỞ TƯ PHÁP'], documentSpan(widths, [11], 2, widths.length - 1), 'vi');
    const at = placed(out);
    expect(at['UBND TỈNH SƠN LA'].startsWith('D1:')).toBe(true);
    expect(at['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'].endsWith(':K1')).toBe(true);
  });

  it('puts the issuing body over the repeated columns when the first page has room for the motto only, so nothing overlaps', () => {
    // A staged plan: unit, register and stage repeated (56 digits), the first page's other columns too narrow for both.
    const widths = [5, 17, 10, 24, 11, 8, 8, 8, 8, 8, 8, 8];
    const room = widths.slice(4, 11).reduce((a, b) => a + b, 0);
    expect(room).toBeGreaterThanOrEqual(motto);
    expect(room).toBeLessThan(motto + textWidth('UBND TỈNH SƠN LA', true));
    const out = new SheetRows();
    headerBlock(out, ['UBND TỈNH SƠN LA', 'SỞ TƯ PHÁP'], documentSpan(widths, [11], 3, widths.length - 1), 'vi');
    expect(placed(out)).toEqual({
      'UBND TỈNH SƠN LA': 'A1:D1',
      'SỞ TƯ PHÁP': 'A2:D2',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM': 'E1:K1',
      'Độc lập - Tự do - Hạnh phúc': 'E2:K2',
    });
  });
});

describe('a line of the document block (the plan it is attached to) across the first page', () => {
  const line = '(Kèm theo Kế hoạch số 45/KH-STP ngày 28/02/2025 của SỞ TƯ PHÁP)';

  it('prints on one line where the page has room for it', () => {
    const out = new SheetRows();
    spanLine(out, documentSpan(new Array(12).fill(10), [], 0, 11), line, 'attached', 17);
    expect(out.rows[0]).toMatchObject({ values: [line], height: 17 });
    expect(out.rows[0].cellStyles?.[0]).toBe('attached');
  });

  it('wraps on a taller row where the first page across is narrower than its words, rather than being cut at the page edge', () => {
    const out = new SheetRows();
    // Repeated columns A–D, then 45 digits of the first page.
    spanLine(out, documentSpan([5, 17, 10, 24, 11, 8, 8, 8, 10], [9], 3, 8), line, 'attached', 17);
    expect(out.rows[0]).toMatchObject({ height: 34 });
    expect(out.rows[0].values[4]).toBe(line);
    expect(out.rows[0].cellStyles?.[4]).toBe('attachedWrap');
    expect(out.merges).toEqual(['E1:I1']);
  });
});
