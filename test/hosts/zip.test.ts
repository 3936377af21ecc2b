import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { browserDeflater, canDeflate } from '../../src/hosts/browser/deflate';
import { formsBlob } from '../../src/hosts/browser/file-host';
import { xlsxParts } from '../../src/xlsx/spreadsheetml';
import { xlsxBytes } from '../../src/hosts/files/write-xlsx';
import { ZipWriter, crc32, crc32Js, unzip } from '../../src/hosts/files/zip';
import { ZipWriter as FormatZipWriter } from '../../src/xlsx/zip-format';
import { tempDir } from '../helpers/tmp';
import { sampleSheets } from '../helpers/xlsx-sample';

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

describe('zip, platform-free (the format with the browser strategy, in Node 20)', () => {
  async function browserZip(entries: [string, Parameters<ZipWriter['add']>[1]][]): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    const zip = new FormatZipWriter((b) => void chunks.push(b), { deflate: browserDeflater });
    for (const [name, content] of entries) await zip.add(name, content);
    await zip.finish();
    return Buffer.concat(chunks);
  }

  it('has CompressionStream deflate-raw here, as browsers do', () => {
    expect(canDeflate()).toBe(true);
  });

  it('round-trips entries through CompressionStream, with table CRCs zlib agrees with', async () => {
    const binary = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919 + (i >> 9)) % 256);
    const xml = Array.from({ length: 5000 }, (_, i) => `<row r="${i}">Tổng hợp ${i}</row>`);
    const bytes = await browserZip([['a.xml', xml], ['b.bin', [binary.subarray(0, 1), binary.subarray(1)]], ['empty', ''], ['Lịch.txt', 'chữ Việt']]);
    const entries = unzip(bytes); // checks each CRC with zlib's crc32
    expect(text(entries.get('a.xml'))).toBe(xml.join(''));
    expect(Buffer.from(entries.get('b.bin')!).equals(Buffer.from(binary))).toBe(true);
    expect(text(entries.get('empty'))).toBe('');
    expect(text(entries.get('Lịch.txt'))).toBe('chữ Việt');
    const file = tmp.file('browser.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('writes a workbook whose parts are those of the Node writer, byte for byte once unzipped', async () => {
    const created = new Date(Date.UTC(2024, 5, 3, 8));
    const chunks: Uint8Array[] = [];
    const zip = new FormatZipWriter((b) => void chunks.push(b), { deflate: browserDeflater, date: created });
    for (const part of xlsxParts(sampleSheets(), { created })) await zip.add(part.name, part.content);
    await zip.finish();
    const browser = unzip(Buffer.concat(chunks));
    const node = unzip(await xlsxBytes(sampleSheets(), { created }));
    expect([...browser.keys()]).toEqual([...node.keys()]);
    for (const [name, bytes] of node) expect(Buffer.from(browser.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    const file = tmp.file('browser.xlsx');
    writeFileSync(file, Buffer.concat(chunks));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it("gives the file host's Blob with progress to 1", async () => {
    const seen: number[] = [];
    const blob = await formsBlob(sampleSheets(), (f) => seen.push(f));
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const parts = unzip(new Uint8Array(await blob.arrayBuffer()));
    expect(parts.has('xl/worksheets/sheet2.xml')).toBe(true);
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('takes no more input while the sink holds output back (backpressure through the stream)', async () => {
    let pulled = 0;
    // A source that takes turns with the event loop, as XML made on a page does. (A source that never
    // yields is taken whole by Node 20's CompressionStream, whose queues count chunks against a byte
    // limit; browsers' streams push back at once.)
    async function* incompressible(): AsyncGenerator<Uint8Array> {
      let x = 12345;
      for (let i = 0; i < 400; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        pulled++;
        const chunk = new Uint8Array(64 * 1024);
        for (let k = 0; k < chunk.length; k++) chunk[k] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
        yield chunk;
      }
    }
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const heldNow = new Promise<void>((resolve) => (holding = resolve));
    let calls = 0;
    let atHold = 0;
    const zip = new FormatZipWriter(async () => {
      if (++calls !== 2) return;
      // The local header passes; the first compressed bytes wait.
      atHold = pulled;
      holding();
      await held;
    }, { deflate: browserDeflater });
    const adding = zip.add('noise.bin', incompressible());
    await heldNow;
    // Turns of the event loop, not time: without backpressure the source gives a chunk a turn, so a hundred
    // turns would take some fifty more; held, at most the chunk already asked for comes in.
    for (let turn = 0; turn < 100; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeLessThanOrEqual(atHold + 1); // held: nothing more is taken
    release();
    await adding;
    expect(pulled).toBe(400);
    await zip.finish();
  });

  it('passes a failing source or sink on as an error, not a hang', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'part'.repeat(100_000);
      throw new Error('source failed');
    }
    await expect(new FormatZipWriter(() => undefined, { deflate: browserDeflater }).add('x.xml', failing())).rejects.toThrow('source failed');
    let calls = 0;
    const sinkFails = new FormatZipWriter(() => {
      if (++calls > 1) throw new Error('disk full');
    }, { deflate: browserDeflater });
    const noise = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24);
    await expect(sinkFails.add('n.bin', [noise, noise, noise])).rejects.toThrow('disk full');
  });

  it('needs a compressor unless it stores, and stores with no platform help', async () => {
    expect(() => new FormatZipWriter(() => undefined)).toThrow(/compressor/);
    const chunks: Uint8Array[] = [];
    const zip = new FormatZipWriter((b) => void chunks.push(b), { level: 0 });
    await zip.add('a.txt', 'chữ Việt');
    await zip.finish();
    expect(text(unzip(Buffer.concat(chunks)).get('a.txt'))).toBe('chữ Việt');
  });
});
