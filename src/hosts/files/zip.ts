import { ZipOptions, ZipSink, ZipWriter as FormatZipWriter } from '../../xlsx/zip-format';
import { nodeDeflater } from './zip-node';

/**
 * The ZIP writer and reader for Node code (the CLI, the bench, the tests): the platform-free format of
 * `zip-format.ts` with zlib's strategy from `zip-node.ts` built in. Browser code imports `zip-format.ts`
 * and `../browser/deflate.ts` instead; this module pulls in zlib, which a browser bundle cannot resolve.
 */

export type { ZipChunk, ZipContent, ZipSink, ZipOptions, Deflater, Inflater } from '../../xlsx/zip-format';
export { crc32Js, unzipWith } from '../../xlsx/zip-format';
export { crc32, nodeDeflater, unzip } from './zip-node';

/** A ZIP writer that deflates with zlib unless another compressor is given. */
export class ZipWriter extends FormatZipWriter {
  constructor(sink: ZipSink, options: ZipOptions = {}) {
    super(sink, { ...options, deflate: options.deflate ?? nodeDeflater });
  }
}
