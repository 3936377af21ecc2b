import { FakeWorkbook } from './fake-excel';

/** The fake behaves like Office.js where the adapter depends on it. */
describe('the recording fake of the Excel API', () => {
  it('queues writes until sync, and refuses reads before load and sync', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Số liệu');
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Số liệu').getRange('A1:B1');
      range.formulas = [['=1+1', "'=text"]];
      expect(sheet.cell('A1').formula).toBeNull();
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('address');
      await ctx.sync();
      expect(range.address).toBe("'Số liệu'!A1:B1");
    });
    expect(sheet.cell('A1').formula).toBe('=1+1');
    expect(sheet.cell('B1')).toMatchObject({ value: '=text', formula: null });
  });

  it('refuses a request over 5,000,000 bytes and applies none of it', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Số liệu');
    const big = [Array.from({ length: 100 }, () => 'đ'.repeat(30_000))];
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Số liệu');
        ws.getRange('A1').values = [[1]];
        ws.getRange('A2:CV2').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sheet.cell('A1').value).toBeNull();
    expect(wb.refused).toBe(1);
  });

  it('fails a sync on a missing sheet, keeping what came before it in the request', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Số liệu');
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Số liệu').getRange('A1').values = [[1]];
        ctx.workbook.worksheets.getItem('Không có').getRange('A1').values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(sheet.cell('A1').value).toBe(1);
  });

  it('keeps references to sheets as Excel does: a renamed sheet is followed in every formula, a deleted one leaves #REF! for good', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Phụ lục 02');
    wb.addSheet('Lịch');
    const mine = wb.addSheet('Của tôi');
    // Cells and a defined name; a sheet's name inside a string literal is text, not a reference.
    mine.setCells('A1', [["='Phụ lục 02'!D10+Lịch!B2", '=SUM(\'Phụ lục 02\'!D10:D20)&" Phụ lục 02!"', '=Lịch!A1', '=Nowhere!A1']]);
    expect(mine.cell('A1')).toMatchObject({ formula: "='Phụ lục 02'!D10+Lịch!B2", value: null, error: false });
    // A sheet the workbook does not have: #REF! (a link to another workbook, to Excel).
    expect(mine.cell('D1')).toMatchObject({ formula: '=Nowhere!A1', value: '#REF!', error: true });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Của tôi').names.add('Báo cáo', "='Phụ lục 02'!$D$10:$D$20");
      ctx.workbook.worksheets.getItem('Phụ lục 02').name = 'Cũ 1';
      ctx.workbook.worksheets.getItem('Lịch').name = "Lịch's";
      await ctx.sync();
    });
    expect(mine.cell('A1').formula).toBe("='Cũ 1'!D10+'Lịch''s'!B2");
    expect(mine.cell('B1').formula).toBe('=SUM(\'Cũ 1\'!D10:D20)&" Phụ lục 02!"');
    expect(mine.names).toEqual([{ name: 'Báo cáo', formula: "='Cũ 1'!$D$10:$D$20", visible: true }]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add('Phụ lục 02');
      ctx.workbook.worksheets.add('Nowhere');
      ctx.workbook.worksheets.getItem('Cũ 1').delete();
      await ctx.sync();
    });
    expect(mine.cell('A1')).toMatchObject({ formula: "=#REF!D10+'Lịch''s'!B2", value: '#REF!', error: true });
    expect(mine.cell('B1')).toMatchObject({ formula: '=SUM(#REF!D10:D20)&" Phụ lục 02!"', value: '#REF!', error: true });
    expect(mine.cell('C1')).toMatchObject({ formula: "='Lịch''s'!A1", value: null, error: false });
    expect(mine.cell('D1')).toMatchObject({ formula: '=Nowhere!A1', value: '#REF!', error: true });
    expect(mine.names[0].formula).toBe('=#REF!$D$10:$D$20');
    // A sheet of the old name is not picked up, and the broken references hold nothing to follow.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Phụ lục 02').name = 'Phụ lục 02 (mới)';
      await ctx.sync();
    });
    expect(mine.cell('A1').formula).toBe("=#REF!D10+'Lịch''s'!B2");
    expect(mine.cell('D1').formula).toBe('=Nowhere!A1');
  });

  it('refuses every request, whole, while the user is typing in a cell, until they leave it', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Số liệu');
    const write = (value: number) => wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Số liệu').getRange('A1').values = [[value]];
      await ctx.sync();
    });
    wb.editCell(wb.syncs + 2);
    await write(1);
    expect(wb.inCellEdit).toBe(false);
    for (const value of [2, 3]) await expect(write(value)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(wb.inCellEdit).toBe(true);
    expect(sheet.cell('A1').value).toBe(1);
    wb.leaveCell();
    await write(4);
    expect(sheet.cell('A1').value).toBe(4);
    wb.editCell();
    await expect(write(5)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(sheet.cell('A1').value).toBe(4);
  });
});
