/**
 * A minimal ZIP writer and reader: what an .xlsx package needs and no more. The format only: no Node
 * module and no `Buffer`, so the browser uses it as it is. The compressor is a strategy handed in
 * (`Deflater`): zlib's stream in Node (`zip-node.ts`), `CompressionStream` in a browser
 * (`../browser/deflate.ts`). Entries are deflated as they stream in and followed by a data descriptor, so
 * nothing is held in memory but the chunk at hand; the central directory carries the sizes readers rely on.
 * No zip64: an entry or archive past 4 GB is refused.
 */

export type ZipChunk = string | Uint8Array;
export type ZipContent = ZipChunk | Iterable<ZipChunk> | AsyncIterable<ZipChunk>;
/** Where the archive's bytes go, in order; a returned promise is awaited (backpressure). */
export type ZipSink = (bytes: Uint8Array) => void | Promise<void>;

/** How a platform compresses: raw deflate (RFC 1951), a CRC-32 and UTF-8 encoding. */
export interface Deflater {
  /**
   * Raw-deflates `input`, handing the compressed bytes to `emit` in order and awaiting each call
   * (backpressure both ways: no more input is taken while output waits). Resolves once all the output has
   * been emitted; when the input or `emit` fails, releases the compressor and rejects with that failure.
   */
  deflate(input: AsyncIterable<Uint8Array>, level: number, emit: (bytes: Uint8Array) => Promise<void>): Promise<void>;
  /** CRC-32 of `data` continuing from `crc` (0 to start); the table below when absent. */
  crc32?(data: Uint8Array, crc: number): number;
  /** UTF-8 bytes of a string; `TextEncoder` when absent. */
  encode?(text: string): Uint8Array;
}

export interface ZipOptions {
  /** Deflate level, 0–9 (default 1: an .xlsx's XML compresses well even at 1, and 1 is several times faster than 6). 0 stores. */
  level?: number;
  /** The entries' modification time (default now). */
  date?: Date;
  /** The compressor; needed unless `level` is 0. */
  deflate?: Deflater;
}

const LIMIT = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
export const DEFLATE = 8;
export const STORE = 0;

// ---------------------------------------------------------------------------------------------- CRC-32

let table: Int32Array | undefined;

/** The table-driven CRC-32, for platforms without a native one (browsers, Node < 20.15). */
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
const utf8 = (text: string): Uint8Array => encoder.encode(text);

function isIterable(x: unknown): x is Iterable<ZipChunk> {
  return typeof (x as Iterable<ZipChunk>)[Symbol.iterator] === 'function';
}

async function* chunksOf(content: ZipContent): AsyncGenerator<ZipChunk> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else if (isIterable(content)) yield* content;
  else yield* content;
}

/** Little-endian header fields, without `Buffer`. */
class Header {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(at: number, value: number): this {
    this.view.setUint16(at, value, true);
    return this;
  }
  u32(at: number, value: number): this {
    this.view.setUint32(at, value, true);
    return this;
  }
}

/** Writes a ZIP archive to a sink, one entry after another. */
export class ZipWriter {
  private readonly level: number;
  private readonly time: { time: number; date: number };
  private readonly deflater: Deflater | undefined;
  private readonly crc32: (data: Uint8Array, crc: number) => number;
  private readonly encode: (text: string) => Uint8Array;
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private busy = false;
  private done = false;

  constructor(private readonly sink: ZipSink, options: ZipOptions = {}) {
    this.level = options.level ?? 1;
    this.time = dosTime(options.date ?? new Date());
    this.deflater = options.deflate;
    if (this.level !== 0 && !this.deflater) throw new Error('zip: a compressor (deflate) is needed unless level is 0');
    const crc = this.deflater?.crc32?.bind(this.deflater);
    this.crc32 = crc ?? crc32Js;
    this.encode = this.deflater?.encode?.bind(this.deflater) ?? utf8;
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
      const { crc, compressed, size } = method === STORE ? await this.store(content) : await this.deflate(content);
      if (size > LIMIT || compressed > LIMIT) throw new Error(`zip: entry ${name} is larger than 4 GB (zip64 is not supported)`);
      await this.emit(new Header(16).u32(0, 0x08074b50).u32(4, crc).u32(8, compressed).u32(12, size).bytes);
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
      const h = new Header(46)
        .u32(0, 0x02014b50)
        .u16(4, 20) // version made by: 2.0, MS-DOS attributes
        .u16(6, 20) // version needed: 2.0
        .u16(8, FLAG_DESCRIPTOR | FLAG_UTF8)
        .u16(10, this.level === 0 ? STORE : DEFLATE)
        .u16(12, this.time.time)
        .u16(14, this.time.date)
        .u32(16, e.crc)
        .u32(20, e.compressed)
        .u32(24, e.size)
        .u16(28, e.name.length)
        // extra, comment, disk, internal and external attributes: 0
        .u32(42, e.offset);
      await this.emit(h.bytes);
      await this.emit(e.name);
    }
    const size = this.offset - start;
    if (start > LIMIT || size > LIMIT) throw new Error('zip: archive larger than 4 GB (zip64 is not supported)');
    const n = this.written.length;
    await this.emit(new Header(22).u32(0, 0x06054b50).u16(8, n).u16(10, n).u32(12, size).u32(16, start).bytes);
  }

  private localHeader(name: Uint8Array, method: number): Uint8Array {
    const h = new Header(30 + name.length)
      .u32(0, 0x04034b50)
      .u16(4, 20)
      .u16(6, FLAG_DESCRIPTOR | FLAG_UTF8)
      .u16(8, method)
      .u16(10, this.time.time)
      .u16(12, this.time.date)
      // crc and sizes are in the data descriptor
      .u16(26, name.length);
    h.bytes.set(name, 30);
    return h.bytes;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    await this.sink(bytes);
  }

  private async store(content: ZipContent): Promise<{ crc: number; compressed: number; size: number }> {
    let crc = 0;
    let size = 0;
    for await (const chunk of chunksOf(content)) {
      const bytes = typeof chunk === 'string' ? this.encode(chunk) : chunk;
      crc = this.crc32(bytes, crc);
      size += bytes.length;
      await this.emit(bytes);
    }
    return { crc, compressed: size, size };
  }

  private async deflate(content: ZipContent): Promise<{ crc: number; compressed: number; size: number }> {
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const crc32 = this.crc32;
    const encode = this.encode;
    // The bytes in, counted and summed on the way to the compressor.
    async function* input(): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunksOf(content)) {
        const bytes = typeof chunk === 'string' ? encode(chunk) : chunk;
        if (bytes.length === 0) continue;
        crc = crc32(bytes, crc);
        size += bytes.length;
        yield bytes;
      }
    }
    await this.deflater!.deflate(input(), this.level, (bytes) => {
      compressed += bytes.length;
      return this.emit(bytes);
    });
    return { crc, compressed, size };
  }
}

// ---------------------------------------------------------------------------------------------- reading

/** How a platform reads: raw inflate, synchronous, and optionally a faster CRC-32. */
export interface Inflater {
  /** Inflates `raw`, which the central directory says holds `size` bytes: more than that is never produced. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  crc32?(data: Uint8Array, crc: number): number;
}

/** An entry of the central directory, as the archive declares it (nothing inflated yet). */
export interface ZipEntry {
  name: string;
  method: number;
  /** General-purpose flags; bit 0 set means the entry is encrypted. */
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where the entry's compressed bytes start. */
  start: number;
}

/** Thrown for an archive that is not one, or is damaged: the message says what is wrong. */
export class ZipError extends Error {}

/**
 * The entries of a ZIP archive from its central directory, in order, without inflating anything: the
 * sizes are what the archive declares, to be checked before anything is inflated (`package-check.ts`).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('unzip: not a ZIP archive (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  try {
    for (let n = 0; n < count; n++) {
      if (u32(p) !== 0x02014b50) throw new ZipError('unzip: bad central directory');
      const nameLength = u16(p + 28);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
      const local = u32(p + 42);
      if (u32(local) !== 0x04034b50) throw new ZipError(`unzip: bad local header for ${name}`);
      const entry: ZipEntry = {
        name, method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16), compressed: u32(p + 20), size: u32(p + 24),
        start: local + 30 + u16(local + 26) + u16(local + 28),
      };
      if (entry.start + entry.compressed > bytes.length) throw new ZipError(`unzip: ${name} runs past the end of the archive`);
      entries.push(entry);
      p += 46 + nameLength + u16(p + 30) + u16(p + 32);
    }
  } catch (e) {
    // A directory pointing past the end of the file: DataView's RangeError, said as what it means.
    throw e instanceof RangeError ? new ZipError('unzip: the central directory points past the end of the archive') : e;
  }
  return entries;
}

/**
 * Every entry of a ZIP archive by name, read through the central directory (so entries written with data
 * descriptors read right). Stored and deflated entries; sizes and CRCs are checked, and no entry is
 * inflated beyond the size it declares.
 */
export function unzipWith(inflater: Inflater, bytes: Uint8Array, wanted: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const crc32 = inflater.crc32 ? (data: Uint8Array): number => inflater.crc32!(data, 0) : (data: Uint8Array): number => crc32Js(data);
  const entries = new Map<string, Uint8Array>();
  for (const { name, method, crc, compressed, size, start } of zipEntries(bytes)) {
    if (!wanted(name)) continue;
    const raw = bytes.subarray(start, start + compressed);
    let data: Uint8Array;
    if (method === STORE) data = raw;
    else if (method === DEFLATE) data = inflater.inflate(raw, size);
    else throw new ZipError(`unzip: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new ZipError(`unzip: ${name} has ${data.length} bytes, expected ${size}`);
    if (crc32(data) !== crc) throw new ZipError(`unzip: ${name} fails its CRC check`);
    entries.set(name, data);
  }
  return entries;
}
