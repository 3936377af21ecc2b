import * as zlib from 'zlib';
import { StreamInflater } from '../../xlsx/package-check';
import { Deflater, Inflater, ZipError, crc32Js, unzipWith } from '../../xlsx/zip-format';

/**
 * The ZIP format's Node strategy: zlib's raw deflate stream (off the main thread, in the thread pool),
 * zlib's native CRC-32 where Node has it (≥ 20.15), `Buffer` for UTF-8, and a synchronous `unzip`.
 */

/** Output pieces zlib hands back; larger means fewer round trips to the thread pool. */
const ZLIB_CHUNK = 256 * 1024;
/** Input bytes queued ahead of the compressor, so XML is made while earlier chunks are deflated. */
const ZLIB_QUEUE = 4 * 1024 * 1024;

const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `crc` (0 to start): zlib's when Node has it (≥ 20.15), else a table. */
export const crc32: (data: Uint8Array, crc?: number) => number = nativeCrc
  ? (data, crc = 0) => nativeCrc(data, crc)
  : (data, crc = 0) => crc32Js(data, crc);

export const nodeDeflater: Deflater = {
  crc32: (data, crc) => crc32(data, crc),
  encode: (text) => Buffer.from(text, 'utf8'),
  async deflate(input, level, emit) {
    const deflater = zlib.createDeflateRaw({ level, chunkSize: ZLIB_CHUNK, highWaterMark: ZLIB_QUEUE } as zlib.ZlibOptions);
    let failure: Error | undefined;
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
      for (const b of pending) await emit(b);
    };
    try {
      for await (const bytes of input) {
        if (failure) throw failure;
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
  },
};

const nodeInflater: Inflater = {
  inflate(raw, size) {
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`unzip: an entry inflates to more than the ${size} bytes it declares`);
      throw e;
    }
  },
  crc32: (data, crc) => crc32(data, crc),
};

/** zlib's raw inflate as a stream, for the package check: the output is taken piece by piece, never held whole. */
export const nodeStreamInflater: StreamInflater = {
  async inflate(raw, take) {
    const inflater = zlib.createInflateRaw({ chunkSize: ZLIB_CHUNK });
    inflater.end(raw);
    // Leaving the loop (take threw) destroys the stream: nothing more is inflated.
    for await (const piece of inflater) take(piece as Buffer);
  },
  crc32: (data, crc) => crc32(data, crc),
};

/**
 * Every entry of a ZIP archive by name, read through the central directory (so entries written with data
 * descriptors read right). Stored and deflated entries; CRCs are checked.
 */
export function unzip(bytes: Uint8Array, wanted?: (name: string) => boolean): Map<string, Uint8Array> {
  return unzipWith(nodeInflater, bytes, wanted);
}
