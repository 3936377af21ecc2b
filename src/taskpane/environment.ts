import { pickLang } from '../i18n/lang';
import type { Lang } from '../sheets/forms/text';

/** Where the pane runs: inside Excel, in a plain browser (standalone), or in another Office app. */
export type Environment = { kind: 'excel' | 'standalone' | 'other-office'; lang: Lang };

/** What office.js reported (null: office.js did not load or did not answer in time). */
export interface OfficeInfo {
  /** null: office.js answered, but the page is not in an Office app (a plain browser). */
  host: 'excel' | 'other' | null;
  displayLanguage: string | null;
}

/** Office opens add-in pages with `_host_Info` in the URL; a plain browser has none, so it waits less. */
export function officeWaitMs(search: string): number {
  return /[?&]_host_info=/i.test(search) ? 30_000 : 1_500;
}

export function environmentOf(info: OfficeInfo | null, browserLanguage: string | undefined): Environment {
  if (!info || !info.host) return { kind: 'standalone', lang: pickLang(browserLanguage) };
  return { kind: info.host === 'excel' ? 'excel' : 'other-office', lang: pickLang(info.displayLanguage) };
}

/** office.js's answer, or null when it is not on the page (no network, a blocked CDN) or fails. */
function officeReady(): Promise<OfficeInfo | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(null);
  try {
    return Office.onReady().then(
      (info): OfficeInfo =>
        info.host
          ? { host: info.host === Office.HostType.Excel ? 'excel' : 'other', displayLanguage: Office.context?.displayLanguage ?? null }
          : { host: null, displayLanguage: null },
      () => null,
    );
  } catch {
    return Promise.resolve(null);
  }
}

/**
 * Calls `show` with the environment as soon as it is known, and gives up on office.js after a short wait
 * (outside Office it may never answer). If Excel answers after that, `show` is called again with it.
 */
export function watchEnvironment(show: (env: Environment) => void, search: string, browserLanguage: string | undefined): void {
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    show(environmentOf(null, browserLanguage));
  }, officeWaitMs(search));
  void officeReady().then((info) => {
    const env = environmentOf(info, browserLanguage);
    if (!shown) {
      clearTimeout(timer);
      show(env);
    } else if (env.kind === 'excel') {
      show(env);
    }
  });
}
