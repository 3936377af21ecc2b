/** `Excel.run`, or a fake of it in tests: every module of the Office host takes one. */
export type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
