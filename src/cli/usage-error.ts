/** A command line the tool cannot act on (exit code 2). Carries both languages; no stack trace is shown. */
export class UsageError extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(`${vi} / ${en}`);
  }
}

/** The input was read but refused (exit code 1), or a file could not be read or written. */
export class RefusedError extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(`${vi} / ${en}`);
  }
}
