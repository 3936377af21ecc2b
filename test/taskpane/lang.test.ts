import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
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

/** Every text of a strings table by key path: a string, or what a function says given 2 for each argument. */
function textsOf(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => textsOf(v, path ? `${path}.${k}` : k));
  if (typeof value === 'function') return [[path, value(...Array.from({ length: value.length }, () => 2))]];
  return [[path, value]];
}

/** The same in both languages, rightly: the switch names the language it switches to, a date's pattern, a range of dates. */
const SAME_IN_BOTH = ['englishSwitch', 'datePlaceholder', 'window'];

/** The keys the pane's code reads from its strings: `t.key` in the pane, and `both((s) => s.key …)` anywhere. */
function keysRead(): string[] {
  const src = path.join(__dirname, '..', '..', 'src');
  const pane = `taskpane${path.sep}`;
  const keys = new Set<string>();
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file) || file.startsWith(`i18n${path.sep}`)) continue;
    const code = readFileSync(path.join(src, file), 'utf8');
    if (file.startsWith(pane)) for (const m of code.matchAll(/\bt\.([A-Za-z]\w*)/g)) keys.add(m[1]);
    for (const m of code.matchAll(/\bboth\(\((\w+)(?:, \w+)?\) => (\w+)\.([A-Za-z]\w*)/g)) if (m[1] === m[2]) keys.add(m[3]);
  }
  return [...keys].sort();
}

describe('the strings', () => {
  it('have the same keys, kinds and list lengths in English as in Vietnamese, and every key the pane reads', () => {
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.vi));
    const read = keysRead();
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((key) => !(key in STRINGS.vi) || !(key in STRINGS.en))).toEqual([]);
  });

  it('have no empty text, and compared key by key, no Vietnamese left in the English table', () => {
    const texts = (value: unknown): unknown[] =>
      typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [value];
    for (const lang of ['vi', 'en'] as const) {
      expect(texts(STRINGS[lang]).filter((v) => typeof v === 'string' && v.trim() === '')).toEqual([]);
    }
    const vi = textsOf(STRINGS.vi);
    const en = new Map(textsOf(STRINGS.en));
    expect(vi.length).toBeGreaterThanOrEqual(keysRead().length);
    for (const [key, text] of vi) {
      const english = en.get(key);
      expect([key, typeof text, typeof english]).toEqual([key, 'string', 'string']);
      expect([key, (text as string).trim() === '', (english as string).trim() === '']).toEqual([key, false, false]);
      if (!SAME_IN_BOTH.includes(key)) expect([key, english]).not.toEqual([key, text]);
    }
  });
});
