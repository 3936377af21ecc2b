import { Deflater } from '../../xlsx/zip-format';

/**
 * The ZIP format's browser strategy: `CompressionStream('deflate-raw')` (Chrome and Edge 103+, Firefox
 * 113+, Safari 16.4+; also Node ≥ 18, where it is tested). The stream has no level: it compresses at
 * zlib's default whatever level is asked for (level 0, storing, never reaches a compressor). CRC-32 is the
 * format's table and UTF-8 `TextEncoder`, the defaults.
 */

/** Whether this platform can compress ZIP entries (else the file host reports it rather than failing midway). */
export function canDeflate(): boolean {
  if (typeof CompressionStream !== 'function') return false;
  try {
    new CompressionStream('deflate-raw' as CompressionFormat);
    return true;
  } catch {
    return false; // a browser that knows 'deflate' and 'gzip' only
  }
}

export const browserDeflater: Deflater = {
  async deflate(input, _level, emit) {
    const stream = new CompressionStream('deflate-raw' as CompressionFormat);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let failure: unknown;
    /** The output being handed on, while `emit` waits. */
    let emitting: Promise<void> | undefined;
    // Output is read while input is written. An `emit` that waits leaves the readable side full, which
    // fills the writable side, which holds `writer.ready` back; and no input is written while an `emit`
    // waits, since some implementations queue far more than their strategy says (Node 20's readable side
    // counts chunks against a byte limit: thousands of chunks before it pushes back).
    const pumped = (async (): Promise<void> => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        emitting = emit(value);
        await emitting;
        emitting = undefined;
      }
    })();
    pumped.catch((err) => {
      failure ??= err;
      writer.abort(err).catch(() => undefined);
    });
    try {
      for await (const bytes of input) {
        await writer.ready;
        if (emitting) await emitting.catch(() => undefined);
        if (failure !== undefined) throw failure;
        // Resolved when the chunk is taken in; its failure also surfaces through `ready` or `close`.
        writer.write(bytes as BufferSource).catch(() => undefined);
      }
      await writer.close();
      await pumped;
    } catch (err) {
      const reason = failure ?? err;
      writer.abort(reason).catch(() => undefined);
      reader.cancel(reason).catch(() => undefined);
      await pumped.catch(() => undefined);
      throw reason;
    }
  },
};
