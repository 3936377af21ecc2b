import * as zlib from 'zlib';

/**
 * A minimal ZIP writer and reader: what an .xlsx package needs and no more. Entries are deflated as they
 * stream in (zlib's raw deflate, off the main thread) and followed by a data descriptor, so nothing is
 * held in memory but the chunk at hand; the central directory carries the sizes readers rely on.
 * No zip64: an entry or archive past 4 GB is refused.
 */

export type ZipChunk = string | Uint8Array;
export type ZipContent = ZipChunk | Iterable<ZipChunk> | AsyncIterable<ZipChunk>;
/** Where the archive's bytes go, in order; a returned promise is awaited (backpressure). */
export type ZipSink = (bytes: Uint8Array) => void | Promise<void>;

export interface ZipOptions {
  /** Deflate level, 0–9 (default 1: an .xlsx's XML compresses well even at 1, and 1 is several times faster than 6). */
  level?: number;
  /** The entries' modification time (default now). */
  date?: Date;
}

const LIMIT = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const DEFLATE = 8;
const STORE = 0;
/** Output pieces zlib hands back; larger means fewer round trips to the thread pool. */
const ZLIB_CHUNK = 256 * 1024;
/** Input bytes queued ahead of the compressor, so XML is made while earlier chunks are deflated. */
const ZLIB_QUEUE = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------- CRC-32

let table: Int32Array | undefined;

/** The table-driven CRC-32 used where zlib has none (browsers, Node < 20.15). */
export function crc32Js(data: Uint8Array, crc = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `crc` (0 to start): zlib's when Node has it (≥ 20.15), else a table. */
export const crc32: (data: Uint8Array, crc?: number) => number = nativeCrc
  ? (data, crc = 0) => nativeCrc(data, crc)
  : (data, crc = 0) => crc32Js(data, crc);

// ---------------------------------------------------------------------------------------------- writing

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();
const toBytes = (chunk: ZipChunk): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

function isIterable(x: unknown): x is Iterable<ZipChunk> {
  return typeof (x as Iterable<ZipChunk>)[Symbol.iterator] === 'function';
}

async function* chunksOf(content: ZipContent): AsyncGenerator<ZipChunk> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else if (isIterable(content)) yield* content;
  else yield* content;
}

/** Writes a ZIP archive to a sink, one entry after another. */
export class ZipWriter {
  private readonly level: number;
  private readonly time: { time: number; date: number };
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private busy = false;
  private done = false;

  constructor(private readonly sink: ZipSink, options: ZipOptions = {}) {
    this.level = options.level ?? 1;
    this.time = dosTime(options.date ?? new Date());
  }

  /** Adds an entry; entries must be added one at a time (await each). */
  async add(name: string, content: ZipContent): Promise<void> {
    if (this.busy || this.done) throw new Error(this.done ? 'zip: already finished' : 'zip: entries must be added one at a time');
    if (this.names.has(name)) throw new Error(`zip: duplicate entry ${name}`);
    this.busy = true;
    try {
      this.names.add(name);
      const nameBytes = encoder.encode(name);
      const offset = this.offset;
      const method = this.level === 0 ? STORE : DEFLATE;
      await this.emit(this.localHeader(nameBytes, method));
      const { crc, compressed, size } =
        method === STORE ? await this.store(content) : await this.deflate(content);
      if (size > LIMIT || compressed > LIMIT) throw new Error(`zip: entry ${name} is larger than 4 GB (zip64 is not supported)`);
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(compressed, 8);
      descriptor.writeUInt32LE(size, 12);
      await this.emit(descriptor);
      this.written.push({ name: nameBytes, crc, compressed, size, offset });
    } finally {
      this.busy = false;
    }
  }

  /** Writes the central directory; the archive is complete once this resolves. */
  async finish(): Promise<void> {
    if (this.busy || this.done) throw new Error(this.done ? 'zip: already finished' : 'zip: an entry is still being added');
    this.done = true;
    if (this.written.length > 0xffff) throw new Error('zip: more than 65,535 entries (zip64 is not supported)');
    const start = this.offset;
    for (const e of this.written) {
      if (e.offset > LIMIT) throw new Error('zip: archive larger than 4 GB (zip64 is not supported)');
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
      h.writeUInt16LE(20, 6); // version needed: 2.0
      h.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 8);
      h.writeUInt16LE(this.level === 0 ? STORE : DEFLATE, 10);
      h.writeUInt16LE(this.time.time, 12);
      h.writeUInt16LE(this.time.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      await this.emit(h);
      await this.emit(e.name);
    }
    const size = this.offset - start;
    if (start > LIMIT || size > LIMIT) throw new Error('zip: archive larger than 4 GB (zip64 is not supported)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }

  private localHeader(name: Uint8Array, method: number): Uint8Array {
    const h = Buffer.alloc(30 + name.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(this.time.time, 10);
    h.writeUInt16LE(this.time.date, 12);
    // crc and sizes are in the data descriptor
    h.writeUInt16LE(name.length, 26);
    h.set(name, 30);
    return h;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    await this.sink(bytes);
  }

  private async store(content: ZipContent): Promise<{ crc: number; compressed: number; size: number }> {
    let crc = 0;
    let size = 0;
    for await (const chunk of chunksOf(content)) {
      const bytes = toBytes(chunk);
      crc = crc32(bytes, crc);
      size += bytes.length;
      await this.emit(bytes);
    }
    return { crc, compressed: size, size };
  }

  private async deflate(content: ZipContent): Promise<{ crc: number; compressed: number; size: number }> {
    const deflater = zlib.createDeflateRaw({ level: this.level, chunkSize: ZLIB_CHUNK, highWaterMark: ZLIB_QUEUE } as zlib.ZlibOptions);
    let failure: Error | undefined;
    let compressed = 0;
    let out: Buffer[] = [];
    deflater.on('data', (b: Buffer) => out.push(b));
    deflater.on('error', (e: Error) => (failure = e));
    const ended = new Promise<void>((resolve, reject) => {
      deflater.once('end', resolve);
      deflater.once('error', reject);
    });
    ended.catch(() => undefined); // observed below; never an unhandled rejection
    const drain = async (): Promise<void> => {
      const pending = out;
      out = [];
      for (const b of pending) {
        compressed += b.length;
        await this.emit(b);
      }
    };
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of chunksOf(content)) {
        if (failure) throw failure;
        const bytes = toBytes(chunk);
        if (bytes.length === 0) continue;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflater.write(bytes)) await new Promise<void>((resolve) => deflater.once('drain', resolve));
        if (out.length) await drain();
      }
      deflater.end();
      await ended;
      await drain();
    } catch (err) {
      deflater.destroy();
      throw err;
    }
    return { crc, compressed, size };
  }
}

// ---------------------------------------------------------------------------------------------- reading

/**
 * Every entry of a ZIP archive by name, read through the central directory (so entries written with data
 * descriptors read right). Stored and deflated entries; CRCs are checked.
 */
export function unzip(bytes: Uint8Array, wanted: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('unzip: not a ZIP archive (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('unzip: bad central directory');
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;

    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`unzip: bad local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    let data: Uint8Array;
    if (method === STORE) data = raw;
    else if (method === DEFLATE) data = zlib.inflateRawSync(raw);
    else throw new Error(`unzip: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`unzip: ${name} has ${data.length} bytes, expected ${size}`);
    if (crc32(data) !== crc) throw new Error(`unzip: ${name} fails its CRC check`);
    entries.set(name, data);
  }
  return entries;
}
