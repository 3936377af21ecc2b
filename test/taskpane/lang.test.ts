import { pickLang } from '../../src/i18n/lang';
import { STRINGS } from '../../src/i18n/strings';
import { environmentOf, officeWaitMs } from '../../src/taskpane/environment';

describe('the pane language', () => {
  it('is Vietnamese for Vietnamese and when nothing is known, English for any other language', () => {
    expect(['vi', 'vi-VN', 'VI_vn', '', null, undefined].map(pickLang)).toEqual(['vi', 'vi', 'vi', 'vi', 'vi', 'vi']);
    expect(['en-US', 'fr-FR', 'zh-Hans-CN', 'vie'].map(pickLang)).toEqual(['en', 'en', 'en', 'en']);
  });

  it("follows Office's display language inside Office and the browser's outside", () => {
    expect(environmentOf({ host: 'excel', displayLanguage: 'en-GB' }, 'vi-VN')).toEqual({ kind: 'excel', lang: 'en' });
    expect(environmentOf({ host: 'excel', displayLanguage: 'vi-VN' }, 'en-US')).toEqual({ kind: 'excel', lang: 'vi' });
    expect(environmentOf({ host: 'other', displayLanguage: 'vi-VN' }, 'en-US')).toEqual({ kind: 'other-office', lang: 'vi' });
    // office.js answered with no host, or not at all: a plain browser.
    expect(environmentOf({ host: null, displayLanguage: null }, 'en-US')).toEqual({ kind: 'standalone', lang: 'en' });
    expect(environmentOf(null, 'vi')).toEqual({ kind: 'standalone', lang: 'vi' });
  });

  it('waits long for office.js only when Office opened the page', () => {
    expect(officeWaitMs('?_host_Info=Excel$Win32$16.01$vi-VN$$$$0')).toBe(30_000);
    expect(officeWaitMs('?et=&_host_Info=excel|web|16.00|en-us')).toBe(30_000);
    expect(officeWaitMs('')).toBe(1_500);
  });
});

/** Every key path of a strings table, with the kind of value found there. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}: array(${value.length})`];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof value}`];
}

describe('the strings', () => {
  it('have the same keys, kinds and list lengths in English as in Vietnamese', () => {
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.vi));
  });

  it('have no empty text', () => {
    const texts = (value: unknown): unknown[] =>
      typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [value];
    for (const lang of ['vi', 'en'] as const) {
      expect(texts(STRINGS[lang]).filter((v) => typeof v === 'string' && v.trim() === '')).toEqual([]);
    }
  });
});
