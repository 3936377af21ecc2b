import { deflateRawSync, inflateRawSync } from 'zlib';
import { HostError } from '../../src/hosts/host';
import { openWorkbookFile } from '../../src/hosts/browser/file-host';
import { browserStreamInflater } from '../../src/hosts/browser/inflate';
import { xlsxBytes } from '../../src/hosts/files/write-xlsx';
import { crc32, unzip } from '../../src/hosts/files/zip';
import { nodeStreamInflater } from '../../src/hosts/files/zip-node';
import { PackageCheck, READ_LIMITS, ReadLimits, StreamInflater, checkWorkbookBytes } from '../../src/xlsx/package-check';
import { bombed, rawZip } from '../helpers/zip-bomb';
import { compoundFile, encryptedWorkbook } from '../helpers/ole';
import { sampleSheets } from '../helpers/xlsx-sample';

jest.setTimeout(60_000);

/** A ZIP of entries deflated honestly (declared sizes and CRCs true). */
const zipOf = (entries: [string, string | Buffer][]): Buffer =>
  rawZip(entries.map(([name, content]) => {
    const data = Buffer.from(content);
    return { name, method: 8, crc: crc32(data), compressed: deflateRawSync(data), size: data.length };
  }));

/** The least of an .xlsx package around one worksheet's XML. */
const workbookWith = (sheetXml: string): Buffer =>
  zipOf([
    ['[Content_Types].xml', '<Types/>'],
    ['xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'],
    ['xl/worksheets/sheet1.xml', sheetXml],
  ]);

/** An inflater handing its output on in pieces of `size` bytes, and counting what it inflated and handed on. */
function piecewise(size: number): StreamInflater & { out: number; calls: number } {
  const inflater = {
    out: 0,
    calls: 0,
    async inflate(raw: Uint8Array, take: (piece: Uint8Array) => void) {
      inflater.calls++;
      const all = inflateRawSync(raw);
      for (let at = 0; at < all.length; at += size) {
        inflater.out += Math.min(size, all.length - at);
        take(all.subarray(at, at + size));
      }
    },
  };
  return inflater;
}

const refusal = (r: PackageCheck): { code: string; en: string; vi: string } => {
  if (r.ok) throw new Error('accepted');
  return { code: r.problem.code, en: r.problem.en, vi: r.problem.vi };
};

const check = (bytes: Uint8Array, inflater: StreamInflater = nodeStreamInflater, limits?: ReadLimits) =>
  checkWorkbookBytes('Số liệu.xlsx', bytes, inflater, 'units', limits);

describe('the check before a workbook is read', () => {
  it('accepts a workbook our writer made, counting every cell of its sheets, with either platform’s inflater', async () => {
    const bytes = await xlsxBytes(sampleSheets());
    const written = [...unzip(bytes)].filter(([name]) => name.includes('/worksheets/') && name.endsWith('.xml'))
      .reduce((n, [, xml]) => n + (Buffer.from(xml).toString('utf8').match(/<c[ />]/g) ?? []).length, 0);
    expect(written).toBeGreaterThan(20);
    expect(await check(bytes)).toEqual({ ok: true, cells: written });
    expect(await check(bytes, browserStreamInflater)).toEqual({ ok: true, cells: written });
  });

  it('counts cells and rows however the XML is cut into pieces, prefixes and lookalike tags included', async () => {
    const xml = '<?xml version="1.0"?><x:worksheet><x:cols><x:col min="1"/></x:cols><x:sheetData>' +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="2"/></x:row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c\nr="B2"/><cfRule/><cell/></row></x:sheetData></x:worksheet>';
    const bytes = workbookWith(xml);
    for (let size = 1; size <= 40; size++) expect(await check(bytes, piecewise(size))).toEqual({ ok: true, cells: 4 });
    const tight: ReadLimits = { ...READ_LIMITS, purposes: { ...READ_LIMITS.purposes, units: { ...READ_LIMITS.purposes.units, cells: 3 } } };
    expect(refusal(await check(bytes, piecewise(7), tight)).en).toMatch(/^Số liệu\.xlsx holds more than 3 cells, too many for a units table/);
  });

  it('names what a file is when it is not an .xlsx, and says to save it as one', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['csv', Buffer.from('STT,Đơn vị,Khai sinh\n1,Xã A,1200\n'), 'is a text file (CSV), not an Excel workbook (.xlsx). Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx)'],
      ['html', Buffer.from('<html><body><table><tr><td>Xã A</td></tr></table></body></html>'), 'is a web page (HTML) with a spreadsheet name'],
      ['xml', Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), 'is an XML file (such as an Excel 2003 XML spreadsheet)'],
      ['ods', rawZip([{ name: 'mimetype', method: 0, crc: crc32(Buffer.from('application/vnd.oasis.opendocument.spreadsheet')), compressed: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), size: 46 }]), 'is an OpenDocument spreadsheet (.ods)'],
      ['xlsb', zipOf([['[Content_Types].xml', '<Types/>'], ['xl/workbook.bin', 'x']]), 'is an Excel binary workbook (.xlsb)'],
      ['xls', compoundFile([{ name: 'Workbook', bytes: Buffer.alloc(5000, 1) }]), 'is an Excel 97–2003 workbook (.xls)'],
      ['docx', zipOf([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]), 'is a ZIP archive but not a workbook, not an Excel workbook (.xlsx). Choose an .xlsx file.'],
      ['binary', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)), 'is not a workbook'],
    ];
    for (const [kind, bytes, said] of cases) {
      const r = refusal(await check(bytes));
      expect([kind, r.code, r.en.slice(0, `Số liệu.xlsx ${said}`.length)]).toEqual([kind, 'not-xlsx', `Số liệu.xlsx ${said}`]);
      expect(r.vi).toMatch(/^Số liệu\.xlsx .*(Sổ làm việc Excel \(\.xlsx\)|Hãy chọn tệp \.xlsx)/);
    }
    expect(refusal(await check(new Uint8Array(0)))).toMatchObject({ code: 'empty-file', en: 'The file Số liệu.xlsx is empty (0 bytes).' });
  });

  it('says a password-protected workbook is protected, not damaged, however Excel stored it', async () => {
    expect(refusal(await check(encryptedWorkbook()))).toMatchObject({
      code: 'encrypted',
      en: expect.stringMatching(/^Số liệu\.xlsx is protected with a password, so it cannot be read\. Open it in Excel, remove the password/),
      vi: expect.stringMatching(/^Số liệu\.xlsx được đặt mật khẩu/),
    });
  });

  it('refuses a part declaring more than a spreadsheet can hold before inflating anything', async () => {
    const base = await xlsxBytes(sampleSheets());
    const inflater = piecewise(1 << 16);
    const r = refusal(await check(bombed(base, 'xl/worksheets/sheet1.xml', 1024, 'honest'), inflater));
    expect(r.en).toBe('Số liệu.xlsx: part xl/worksheets/sheet1.xml inflates to 1,024 MB, beyond the 128 MB limit for a part of a workbook; it is not read. It is compressed like a decompression bomb.');
    expect(inflater.calls).toBe(0);
  });

  it('reads a larger part for an output’s markers than for ExcelJS: a national plan by week can be planned over again', async () => {
    // 200 MB of XML whitespace in the progress report's place: past what ExcelJS may read, not the marker reader.
    const wide = bombed(await xlsxBytes(sampleSheets()), 'xl/worksheets/sheet1.xml', 200, 'honest', 0x20);
    expect(refusal(await checkWorkbookBytes('kế hoạch.xlsx', wide, nodeStreamInflater, 'plan-book')).en)
      .toMatch(/^kế hoạch\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to 200 MB, beyond the 128 MB limit for a part of a workbook; it is not read\./);
    expect(await checkWorkbookBytes('kế hoạch.xlsx', wide, nodeStreamInflater, 'output')).toMatchObject({ ok: true });
  });

  it('stops inflating a part at the size it declares, whatever its data holds', async () => {
    const base = await xlsxBytes(sampleSheets());
    for (const [name, inflater] of [['node', nodeStreamInflater], ['browser', browserStreamInflater]] as const) {
      let taken = 0;
      const counting: StreamInflater = {
        inflate: (raw, take) => inflater.inflate(raw, (piece) => {
          taken += piece.length;
          take(piece);
        }),
      };
      // Declares 4,096 bytes; holds 1 GiB of zeros.
      const r = refusal(await check(bombed(base, 'xl/worksheets/sheet1.xml', 1024, 'lying'), counting));
      expect([name, r.code, r.en]).toEqual([name, 'damaged', expect.stringContaining('the .xlsx file is damaged (part xl/worksheets/sheet1.xml)')]);
      expect(taken).toBeLessThan(512 * 1024); // the other parts and a piece past the declared size: not the GiB it holds
    }
  });

  it('refuses a part whose CRC or size does not match, a package too large, and too many parts, each naming the file', async () => {
    const bytes = await xlsxBytes(sampleSheets());
    const parts = [...unzip(bytes)];
    const badCrc = rawZip(parts.map(([name, data]) => ({ name, method: 8, crc: name.endsWith('workbook.xml') ? 1 : crc32(data), compressed: deflateRawSync(data), size: data.length })));
    expect(refusal(await check(badCrc)).en).toContain('damaged (part xl/workbook.xml)');
    const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...over });
    const units = { ...READ_LIMITS.purposes.units, totalBytes: 1000 };
    expect(refusal(await check(bytes, nodeStreamInflater, limits({ purposes: { ...READ_LIMITS.purposes, units } }))).en).toMatch(/^Số liệu\.xlsx inflates to 1 MB, beyond the 1 MB limit for a workbook; it is not read\. Keep the units table/);
    expect(refusal(await check(bytes, nodeStreamInflater, limits({ entries: 3 }))).en).toMatch(/^Số liệu\.xlsx has \d+ parts, beyond the limit of 3/);
    expect(refusal(await check(bytes, nodeStreamInflater, limits({ fileBytes: 100 }))).en).toMatch(/^Số liệu\.xlsx is 1 MB, beyond the 1 MB limit for a workbook/);
    // Not a ZIP at all past its signature: damaged, not "unexpected".
    expect(refusal(await check(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]))).code).toBe('damaged');
  });

  it('applies the same limits in the pane’s standalone mode, before ExcelJS reads the chosen file', async () => {
    const opened = async (bytes: Uint8Array, name: string, purpose: 'units' | 'plan-book' = 'units'): Promise<HostError> => {
      try {
        await openWorkbookFile(new File([bytes as BlobPart], name), purpose);
      } catch (e) {
        if (e instanceof HostError) return e;
        throw e;
      }
      throw new Error(`${name} was opened`);
    };
    expect((await opened(encryptedWorkbook(), 'Kế hoạch.xlsx')).en).toMatch(/^Kế hoạch\.xlsx is protected with a password/);
    expect((await opened(Buffer.from('a;b\n1;2\n'), 'Số liệu.csv')).en).toMatch(/^Số liệu\.csv is a text file \(CSV\)/);
    const bomb = bombed(await xlsxBytes(sampleSheets()), 'xl/worksheets/sheet1.xml', 1024, 'honest');
    const refused = await opened(bomb, 'bom.xlsx', 'plan-book');
    expect([refused.code, refused.en]).toEqual(['too-large', expect.stringMatching(/^bom\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to 1,024 MB/)]);
    const host = await openWorkbookFile(new File([await xlsxBytes(sampleSheets()) as BlobPart], 'mẫu.xlsx'), 'units');
    expect((await host.readSources()).length).toBeGreaterThan(0);
  });
});
