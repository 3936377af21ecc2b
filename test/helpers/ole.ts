/**
 * An OLE compound file (MS-CFB, version 3, 512-byte sectors) holding the named streams: how Excel stores a
 * password-protected .xlsx (streams `EncryptionInfo` and `EncryptedPackage`) and how an .xls holds its
 * `Workbook`. Each stream is at least 4,096 bytes so that it lives in ordinary sectors (no mini stream).
 */
export function compoundFile(streams: readonly { name: string; bytes: Buffer }[]): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const data = streams.map((s) => (s.bytes.length >= 4096 ? s.bytes : Buffer.concat([s.bytes, Buffer.alloc(4096 - s.bytes.length)])));
  const sectorsOf = (n: number): number => Math.ceil(n / SECTOR);
  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors.
  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = 0xfffffffd; // FAT sector
  fat[1] = END; // directory
  let next = 2;
  const starts = data.map((bytes) => {
    const start = next;
    const n = sectorsOf(bytes.length);
    for (let i = 0; i < n; i++) fat[start + i] = i === n - 1 ? END : start + i + 1;
    next += n;
    return start;
  });
  if (next > SECTOR / 4 || streams.length > 3) throw new Error('compoundFile: too much for one FAT or directory sector');

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + 4 * i);

  const entry = (name: string, type: number, child: number, right: number, start: number, size: number): Buffer => {
    const e = Buffer.alloc(128);
    e.write(name, 0, 'utf16le');
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(FREE, 68); // left sibling
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  // The root's child is the first stream; the others hang off it as right siblings (names in CFB order).
  const dir = Buffer.alloc(SECTOR);
  entry('Root Entry', 5, 1, FREE, END, 0).copy(dir, 0);
  streams.forEach((s, i) => entry(s.name, 2, FREE, i + 1 < streams.length ? i + 2 : FREE, starts[i], data[i].length).copy(dir, 128 * (i + 1)));

  const fatBytes = Buffer.alloc(SECTOR);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v >>> 0, 4 * i));
  const body = data.map((bytes) => Buffer.concat([bytes, Buffer.alloc(sectorsOf(bytes.length) * SECTOR - bytes.length)]));
  return Buffer.concat([header, fatBytes, dir, ...body]);
}

/** A password-protected .xlsx as Excel stores it (contents made up: only the container matters to a reader). */
export const encryptedWorkbook = (): Buffer =>
  compoundFile([
    { name: 'EncryptionInfo', bytes: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
    { name: 'EncryptedPackage', bytes: Buffer.alloc(8192, 0x5a) },
  ]);
