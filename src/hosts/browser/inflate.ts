import { StreamInflater } from '../../xlsx/package-check';

/**
 * The package check's inflater in a browser: `DecompressionStream('deflate-raw')` read piece by piece
 * (Chrome and Edge 103+, Firefox 113+, Safari 16.4+; Node ≥ 18, where it is tested). The compressed bytes
 * go in a slice at a time, each once the output before it has been taken, so a part that inflates far past
 * what it declares is stopped after one slice's worth, never held whole. CRC-32 is the format's table.
 */
const SLICE = 64 * 1024;

export const browserStreamInflater: StreamInflater = {
  async inflate(raw, take) {
    const stream = new DecompressionStream('deflate-raw' as CompressionFormat);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let failure: unknown;
    const fed = (async (): Promise<void> => {
      for (let at = 0; at < raw.length && failure === undefined; at += SLICE) {
        await writer.ready;
        await writer.write(raw.subarray(at, at + SLICE) as BufferSource);
      }
      await writer.close();
    })();
    fed.catch((e) => (failure ??= e));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
      await fed;
    } catch (e) {
      failure ??= e;
      await reader.cancel(e).catch(() => undefined);
      await writer.abort(e).catch(() => undefined);
      await fed.catch(() => undefined);
      throw failure;
    }
  },
};
