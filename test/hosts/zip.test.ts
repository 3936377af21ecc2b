import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { ZipWriter, crc32, crc32Js, unzip } from '../../src/hosts/xlsx/zip';
import { tempDir } from '../helpers/tmp';

const tmp = tempDir('quota-zip-');
afterAll(() => tmp.cleanup());

async function zipOf(entries: [string, Parameters<ZipWriter['add']>[1]][], level?: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((b) => void chunks.push(Uint8Array.from(b)), { level });
  for (const [name, content] of entries) await zip.add(name, content);
  await zip.finish();
  return Buffer.concat(chunks);
}

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('utf8');

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31 + 7) % 251);
    expect(crc32Js(data)).toBe(crc32(data));
    expect(crc32Js(data.subarray(500), crc32Js(data.subarray(0, 500)))).toBe(crc32(data));
  });

  it.each([1, 6, 0])('round-trips entries exactly (level %i): strings, bytes, chunked and async streams, empty, non-ASCII names', async (level) => {
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
    async function* slowly(): AsyncGenerator<string> {
      for (let i = 0; i < 2000; i++) {
        await Promise.resolve();
        yield `<row r="${i}">Tổng hợp ${i}</row>`;
      }
    }
    const expected = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<Types/>'],
      ['bin/data.bin', binary],
      ['xl/worksheets/sheet1.xml', Array.from({ length: 2000 }, (_, i) => `<row r="${i}">Tổng hợp ${i}</row>`).join('')],
      ['empty.txt', ''],
      ['Lịch/ghi chú.txt', 'chữ Việt'],
    ]);
    const bytes = await zipOf(
      [
        ['[Content_Types].xml', '<Types/>'],
        ['bin/data.bin', [binary.subarray(0, 1000), binary.subarray(1000)]],
        ['xl/worksheets/sheet1.xml', slowly()],
        ['empty.txt', []],
        ['Lịch/ghi chú.txt', 'chữ Việt'],
      ],
      level,
    );
    const entries = unzip(bytes);
    expect([...entries.keys()]).toEqual([...expected.keys()]);
    for (const [name, want] of expected) {
      if (typeof want === 'string') expect(text(entries.get(name))).toBe(want);
      else expect(Buffer.from(entries.get(name)!).equals(Buffer.from(want))).toBe(true);
    }
  });

  it('writes an archive the system unzip accepts and tests clean', async () => {
    const file = tmp.file('plain.zip');
    writeFileSync(file, await zipOf([['a.txt', 'hello '.repeat(1000)], ['dir/b.xml', '<b/>']]));
    const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(listing).toContain('No errors detected');
    expect(execFileSync('unzip', ['-p', file, 'dir/b.xml'], { encoding: 'utf8' })).toBe('<b/>');
  });

  it('compresses repetitive XML', async () => {
    const xml = '<c r="A1" s="3"><v>12345</v></c>'.repeat(50_000);
    const bytes = await zipOf([['s.xml', xml]]);
    expect(bytes.length).toBeLessThan(xml.length / 20);
  });

  it('detects a corrupted entry instead of returning wrong bytes', async () => {
    const bytes = await zipOf([['a.txt', 'abcdefghij'.repeat(100)]], 0);
    const at = bytes.indexOf(Buffer.from('abcdefghij'));
    bytes[at + 3] ^= 0xff;
    expect(() => unzip(bytes)).toThrow(/CRC/);
    expect(() => unzip(Buffer.from('not a zip at all, not at all'))).toThrow(/not a ZIP/);
  });

  it('refuses a duplicate entry and entries added at once', async () => {
    const zip = new ZipWriter(() => undefined);
    await zip.add('a', 'x');
    await expect(zip.add('a', 'y')).rejects.toThrow(/duplicate/);
    const first = zip.add('b', 'x'.repeat(100_000));
    await expect(zip.add('c', 'y')).rejects.toThrow(/one at a time/);
    await first;
  });

  it('passes a failing source on, and the failure is an error, not a hang', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'part';
      throw new Error('source failed');
    }
    const zip = new ZipWriter(() => undefined);
    await expect(zip.add('x.xml', failing())).rejects.toThrow('source failed');
  });
});
