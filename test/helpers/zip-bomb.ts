import { constants, crc32 as zlibCrc32, deflateRawSync } from 'zlib';
import { crc32 } from '../../src/hosts/files/zip';
import { unzip } from '../../src/hosts/files/zip';

/**
 * Decompression bombs made in the test, never committed: a real workbook whose part is replaced by raw
 * deflate data of zeros, many times its size, with the sizes it declares chosen by the test.
 */

const MiB = 1024 * 1024;

/**
 * Raw deflate data that inflates to `mib` MiB of zeros (or of the byte `fill`), in about 1 KB per MiB: one MiB deflated with a full
 * flush (byte-aligned, no reference back across it) repeated, then an empty final block.
 */
export function zerosDeflated(mib: number, fill = 0): { raw: Buffer; size: number; crc: number } {
  const zeros = Buffer.alloc(MiB, fill);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const raw = Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
  const nativeCrc = zlibCrc32 as ((data: Uint8Array, value?: number) => number) | undefined;
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = nativeCrc ? nativeCrc(zeros, crc) : crc32(zeros, crc);
  return { raw, size: mib * MiB, crc };
}

interface RawEntry {
  name: string;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

/** A ZIP archive of entries given already compressed, with the sizes and CRCs they declare. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // The local header and the directory entry share their fields from the method on, in the same order.
    const fields = (header: Buffer, method: number): Buffer => {
      header.writeUInt16LE(0x0800, method - 2); // UTF-8 names
      header.writeUInt16LE(e.method, method);
      header.writeUInt32LE(e.crc >>> 0, method + 6);
      header.writeUInt32LE(e.compressed.length, method + 10);
      header.writeUInt32LE(Math.min(e.size, 0xffffffff), method + 14);
      header.writeUInt16LE(name.length, method + 18);
      return header;
    };
    const local = fields(Buffer.alloc(30), 8);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const dir = fields(Buffer.alloc(46), 10);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    central.push(dir, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/**
 * `workbook` (a real .xlsx's bytes) with `part` replaced by `mib` MiB of zeros, deflated. `declared` says
 * what its headers claim: the truth (`honest`), or a small size that the data runs far past (`lying`).
 */
export function bombed(workbook: Uint8Array, part: string, mib: number, declared: 'honest' | 'lying', fill = 0): Buffer {
  const zeros = zerosDeflated(mib, fill);
  const entries: RawEntry[] = [];
  for (const [name, data] of unzip(workbook)) {
    if (name === part) {
      entries.push({ name, method: 8, crc: declared === 'honest' ? zeros.crc : 0, compressed: zeros.raw, size: declared === 'honest' ? zeros.size : 4096 });
    } else {
      const compressed = deflateRawSync(data);
      entries.push({ name, method: 8, crc: crc32(data), compressed, size: data.length });
    }
  }
  return rawZip(entries);
}
