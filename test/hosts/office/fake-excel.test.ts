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
});
