import type { Lang } from '../sheets/forms/text';

/**
 * The pane's language from a BCP 47 tag (Office's display language, or the browser's): Vietnamese for
 * `vi`, `vi-VN` and when nothing is known, English for any other language.
 */
export function pickLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === '' || primary === 'vi' ? 'vi' : 'en';
}
