import * as fs from 'fs';
import * as path from 'path';

// Checks the rules Office and the Marketplace validator apply to manifest.xml, without an XML dependency:
// a tiny parser for the subset the manifest uses (elements, double-quoted attributes, text, comments).

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';

/** OfficeApp children in XSD sequence order; the manifest may omit optional ones but never reorder. */
const SCHEMA_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides',
];
/**
 * AlternateId is issued by AppSource; AppDomains may not be empty and we navigate to no other domain yet
 * (see the comment in manifest.xml).
 */
const OPTIONAL = new Set(['AlternateId', 'AppDomains']);

/**
 * Sequences inside VersionOverrides (TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd), keyed by
 * the parent's element name: every child must be listed, in this order; `required` ones must be present.
 */
const NESTED_ORDER: Record<string, { order: string[]; required: string[] }> = {
  VersionOverrides: {
    order: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides'],
    required: ['Hosts', 'Resources'],
  },
  DesktopFormFactor: { order: ['GetStarted', 'FunctionFile', 'ExtensionPoint'], required: ['ExtensionPoint'] },
  Group: { order: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'] },
  Control: { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Action: { order: ['TaskpaneId', 'SourceLocation', 'Title'], required: ['SourceLocation'] },
  Resources: { order: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], required: [] },
};

/** The only children of those parents the schema allows more than once (maxOccurs="unbounded"). */
const REPEATABLE = new Set(['Control', 'ExtensionPoint']);

/** The Office adapter needs pageLayout and suspendScreenUpdatingUntilNextSync (ExcelApi 1.9); see the comment in manifest.xml. */
const REQUIRED_SETS = [{ Name: 'ExcelApi', MinVersion: '1.9' }];
/** Button and group icon sizes: 16, 32 and 80 are mandatory, the others optional. */
const ICON_SIZES_REQUIRED = [16, 32, 80];
const ICON_SIZES_ALLOWED = new Set([16, 20, 24, 32, 40, 48, 64, 80]);
/** Image resources should not exceed 100 KB (OfficeAppBasicTypesV1_0.xsd). */
const MAX_IMAGE_BYTES = 100 * 1024;
/** Strings are written in Vietnamese with English overrides for everyone else. */
const DEFAULT_LOCALE = 'vi-VN';
const OVERRIDE_LOCALE = 'en-US';

/** Elements whose DefaultValue (and Override Value) is a URL. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url']);
/** Which Resources group a `resid` on each element must name. */
const RESID_GROUP: Record<string, string> = {
  'bt:Image': 'bt:Images',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};
/** Documented limits: resource ids 32 characters, short strings (and control ids) 125, long strings 250. */
const MAX_ID = 32;
const SHORT = 125;
const LONG = 250;
const MAX_LENGTH: Record<string, number> = { 'bt:ShortStrings': SHORT, 'bt:LongStrings': LONG };

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const doc: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [doc];
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let end = 0;
  for (const m of body.matchAll(token)) {
    if (m.index !== end) throw new Error(`unparsable XML at offset ${end}`);
    end = m.index + m[0].length;
    const [, closing, name, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of attrText.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (key in attrs) throw new Error(`<${name}> repeats ${key}`);
        attrs[key] = decode(value);
      }
      const element: XmlElement = { name, attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (end !== body.length || stack.length !== 1) throw new Error('unterminated XML');
  const roots = doc.children;
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

function pngSize(file: string): [number, number] | string {
  if (!fs.existsSync(file)) return 'missing';
  const head = fs.readFileSync(file).subarray(0, 24);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (head.length < 24 || !head.subarray(0, 8).equals(signature) || head.toString('latin1', 12, 16) !== 'IHDR') {
    return 'not a PNG';
  }
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

const MANIFEST_XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const app = parseXml(MANIFEST_XML);
const all = [...walk(app)];
const overrides = (element: XmlElement): XmlElement[] => element.children.filter((c) => /^(bt:)?Override$/.test(c.name));
const overrideValues = (element: XmlElement): string[] => overrides(element).map((c) => c.attrs.Value);
const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name);
const childPath = (...names: string[]): XmlElement | undefined =>
  names.reduce<XmlElement | undefined>((e, name) => child(e, name), app);

/** Every URL the manifest declares (DefaultValue and overrides of the URL elements), in document order. */
function declaredUrls(root: XmlElement): string[] {
  return [...walk(root)]
    .filter((e) => URL_ELEMENTS.has(e.name) && 'DefaultValue' in e.attrs)
    .flatMap((e) => [e.attrs.DefaultValue, ...overrideValues(e)]);
}

/** Children names that break a sequence: unknown, out of order, repeated where the schema allows one, or missing. */
function sequenceProblems(element: XmlElement, order: string[], required: string[]): string[] {
  const names = element.children.map((c) => c.name);
  const problems = names.filter((n) => !order.includes(n)).map((n) => `unexpected <${n}>`);
  const known = names.filter((n) => order.includes(n));
  const ranks = known.map((n) => order.indexOf(n));
  ranks.forEach((r, i) => {
    if (i > 0 && r < ranks[i - 1]) problems.push(`<${known[i]}> after <${known[i - 1]}>`);
    if (i > 0 && r === ranks[i - 1] && !REPEATABLE.has(known[i])) problems.push(`<${known[i]}> twice`);
  });
  for (const n of required) if (!names.includes(n)) problems.push(`missing <${n}>`);
  return problems;
}

/** Resource groups under VersionOverrides/Resources: group name → (id → element). */
const resources = new Map<string, Map<string, XmlElement>>();
for (const group of all.find((e) => e.name === 'Resources')?.children ?? []) {
  resources.set(group.name, new Map(group.children.map((r) => [r.attrs.id, r])));
}

describe('manifest.xml', () => {
  it('is a task pane add-in whose OfficeApp children follow the schema order', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    const names = app.children.map((c) => c.name);
    // Filtering the schema list by what is present also rejects unknown and repeated elements.
    expect(names).toEqual(SCHEMA_ORDER.filter((n) => names.includes(n)));
    expect(SCHEMA_ORDER.filter((n) => !OPTIONAL.has(n) && !names.includes(n))).toEqual([]);
  });

  it('keeps the children of the VersionOverrides elements in schema order', () => {
    const checked = all.filter((e) => e.name in NESTED_ORDER);
    // Every kind of parent the table knows is present, so a renamed element cannot skip the check.
    expect(new Set(checked.map((e) => e.name))).toEqual(new Set(Object.keys(NESTED_ORDER)));
    const problems = checked.flatMap((e) =>
      sequenceProblems(e, NESTED_ORDER[e.name].order, NESTED_ORDER[e.name].required).map((p) => `<${e.name}>: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('is an Excel add-in that may write the workbook and opens its pane from a button on the Home tab', () => {
    expect(childPath('Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(childPath('Version')?.text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(childPath('Hosts')?.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(childPath('Permissions')?.text).toBe('ReadWriteDocument');
    const pane = childPath('DefaultSettings', 'SourceLocation')?.attrs.DefaultValue;
    expect(pane).toBe(`${DEV_URL}taskpane.html`);

    const overridesElement = childPath('VersionOverrides');
    expect(overridesElement?.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overridesElement?.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const hosts = child(overridesElement, 'Hosts')?.children ?? [];
    expect(hosts.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);

    // A button on the built-in Home tab whose action shows the same page as the base manifest.
    const homeTabs = all.filter((e) => e.name === 'OfficeTab' && e.attrs.id === 'TabHome');
    const buttons = homeTabs.flatMap((tab) => [...walk(tab)]).filter((e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button');
    const shown = buttons
      .map((b) => child(b, 'Action'))
      .filter((a) => a?.attrs['xsi:type'] === 'ShowTaskpane')
      .map((a) => resources.get('bt:Urls')?.get(child(a, 'SourceLocation')?.attrs.resid ?? '')?.attrs.DefaultValue);
    expect(shown).toEqual([pane]);
  });

  it('requires ExcelApi 1.9 and nothing else', () => {
    const requirements = childPath('Requirements');
    expect(requirements?.children.map((c) => c.name)).toEqual(['Sets']);
    const sets = child(requirements, 'Sets');
    const defaultMin = sets?.attrs.DefaultMinVersion ?? '1.1';
    expect(sets?.children.map((set) => ({ Name: set.attrs.Name, MinVersion: set.attrs.MinVersion ?? defaultMin }))).toEqual(
      REQUIRED_SETS,
    );
    // A Requirements element inside VersionOverrides may only narrow the base one; none is needed today.
    expect(child(childPath('VersionOverrides'), 'Requirements')).toBeUndefined();
  });

  it('uses https for every URL', () => {
    const urls = new Set<string>();
    for (const e of all) {
      if (URL_ELEMENTS.has(e.name) && 'DefaultValue' in e.attrs) {
        [e.attrs.DefaultValue, ...overrideValues(e)].forEach((u) => urls.add(u));
      }
      if (e.name === 'AppDomain') urls.add(e.text.trim());
      // Catch URLs anywhere else too; namespace names are identifiers, never fetched.
      for (const [key, value] of Object.entries(e.attrs)) {
        if (!key.startsWith('xmlns') && value.includes('://')) urls.add(value);
      }
      if (e.text.includes('://')) urls.add(e.text.trim());
    }
    const isHttps = (u: string): boolean => URL.canParse(u) && new URL(u).protocol === 'https:';
    expect([...urls].filter((u) => !isHttps(u))).toEqual([]);
    expect(urls).toContain(`${DEV_URL}taskpane.html`);
  });

  it('points every icon URL at a PNG in assets/ of the size the manifest implies', () => {
    const icons: { source: string; url: string; size: number }[] = [];
    for (const e of all) {
      let size: number | undefined;
      if (e.name === 'IconUrl') size = 32;
      else if (e.name === 'HighResolutionIconUrl') size = 64;
      else if (e.name === 'bt:Image' && 'DefaultValue' in e.attrs) {
        const m = /^Icon\.(\d+)x\1$/.exec(e.attrs.id);
        size = m ? Number(m[1]) : NaN; // an id that names no size fails below
      }
      if (size === undefined) continue;
      for (const url of [e.attrs.DefaultValue, ...overrideValues(e)]) {
        icons.push({ source: e.attrs.id ?? e.name, url, size });
      }
    }
    expect(icons.length).toBeGreaterThan(0);
    const found = icons.map((icon) => {
      const relative = icon.url.startsWith(DEV_URL) ? icon.url.slice(DEV_URL.length) : icon.url;
      const inAssets = relative.startsWith('assets/') && !relative.includes('..');
      return { ...icon, png: inAssets ? pngSize(path.join(ROOT, relative)) : 'outside assets/' };
    });
    expect(found).toEqual(icons.map((icon) => ({ ...icon, png: [icon.size, icon.size] })));

    // A button icon's size attribute must match the image it names.
    const mismatched = all
      .filter((e) => e.name === 'bt:Image' && 'resid' in e.attrs)
      .filter((e) => `Icon.${e.attrs.size}x${e.attrs.size}` !== e.attrs.resid)
      .map((e) => `size=${e.attrs.size} resid=${e.attrs.resid}`);
    expect(mismatched).toEqual([]);
  });

  it('gives every ribbon icon the mandatory sizes, only supported ones, each once, and keeps images small', () => {
    const lists = all.filter((e) => e.name === 'Icon');
    expect(lists.length).toBeGreaterThan(0);
    const problems = lists.flatMap((list, i) => {
      const sizes = list.children.map((img) => Number(img.attrs.size));
      return [
        ...ICON_SIZES_REQUIRED.filter((n) => !sizes.includes(n)).map((n) => `icon list ${i}: no ${n}`),
        ...sizes.filter((n) => !ICON_SIZES_ALLOWED.has(n)).map((n) => `icon list ${i}: unsupported size ${n}`),
        ...sizes.filter((n, j) => sizes.indexOf(n) !== j).map((n) => `icon list ${i}: ${n} twice`),
      ];
    });
    expect(problems).toEqual([]);

    const images = all.filter((e) => ['IconUrl', 'HighResolutionIconUrl', 'bt:Image'].includes(e.name) && 'DefaultValue' in e.attrs);
    const files = images.map((e) => path.join(ROOT, e.attrs.DefaultValue.slice(DEV_URL.length)));
    const tooBig = files.filter((f) => fs.existsSync(f) && fs.statSync(f).size > MAX_IMAGE_BYTES);
    expect(tooBig).toEqual([]);
  });

  it('has assets/icon-N.png files that are N×N', () => {
    const icons = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.length).toBeGreaterThan(0);
    const sizes = icons.map((f) => [f, pngSize(path.join(ROOT, 'assets', f))]);
    const named = icons.map((f) => [f, [Number(f.slice(5, -4)), Number(f.slice(5, -4))]]);
    expect(sizes).toEqual(named);
  });

  it('defines every referenced resource in the group its element expects, within length limits', () => {
    const references = all.filter((e) => 'resid' in e.attrs);
    expect(references.length).toBeGreaterThan(0);
    const missing = references
      .filter((e) => !resources.get(RESID_GROUP[e.name] ?? '')?.has(e.attrs.resid))
      .map((e) => `<${e.name} resid="${e.attrs.resid}"> (expects ${RESID_GROUP[e.name] ?? 'a known element'})`);
    expect(missing).toEqual([]);

    const tooLong: string[] = [];
    const check = (id: string, texts: (string | undefined)[], max: number): void => {
      for (const text of texts) {
        if (!text?.trim()) tooLong.push(`${id}: empty`);
        else if (text.length > max) tooLong.push(`${id}: ${text.length} > ${max}`);
      }
    };
    for (const [group, max] of Object.entries(MAX_LENGTH)) {
      for (const [id, e] of resources.get(group) ?? []) check(id, [e.attrs.DefaultValue, ...overrideValues(e)], max);
    }
    // The base manifest's own strings: DisplayName and ProviderName are short strings, Description a long one.
    for (const [name, max] of [['DisplayName', SHORT], ['Description', LONG]] as const) {
      const e = childPath(name);
      check(name, e ? [e.attrs.DefaultValue, ...overrideValues(e)] : [undefined], max);
    }
    check('ProviderName', [childPath('ProviderName')?.text], SHORT);
    expect(tooLong).toEqual([]);
  });

  it(`is written in ${DEFAULT_LOCALE} with exactly one ${OVERRIDE_LOCALE} override for every string`, () => {
    expect(childPath('DefaultLocale')?.text).toBe(DEFAULT_LOCALE);
    const strings = [
      ...(['DisplayName', 'Description'] as const).map((name) => ({ id: name, e: childPath(name) })),
      ...['bt:ShortStrings', 'bt:LongStrings'].flatMap((group) => [...(resources.get(group) ?? [])].map(([id, e]) => ({ id, e }))),
    ];
    expect(strings.length).toBeGreaterThan(2);
    const problems = strings.flatMap(({ id, e }) => {
      const english = e ? overrides(e).filter((o) => o.attrs.Locale === OVERRIDE_LOCALE) : [];
      if (english.length !== 1) return [`${id}: ${english.length} ${OVERRIDE_LOCALE} overrides`];
      return english[0].attrs.Value?.trim() ? [] : [`${id}: empty ${OVERRIDE_LOCALE} text`];
    });
    expect(problems).toEqual([]);
    // Overrides name real culture names (the schema's CultureName pattern, simplified) and never the default locale.
    const locales = all.filter((e) => /^(bt:)?Override$/.test(e.name)).map((e) => e.attrs.Locale);
    expect(locales.filter((l) => !/^[a-z]{2,3}-[A-Za-z0-9]{2,8}$/.test(l) || l === DEFAULT_LOCALE)).toEqual([]);
  });

  it('has unique ids, resource ids of at most 32 characters and control ids of at most 125', () => {
    const ids = all.filter((e) => 'id' in e.attrs).map((e) => e.attrs.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const resourceIds = [...resources.values()].flatMap((group) => [...group.keys()]);
    expect(resourceIds.length).toBeGreaterThan(0);
    expect(resourceIds.filter((id) => id.length > MAX_ID)).toEqual([]);
    // Groups, controls and task pane ids are ShortStrings; the built-in tab id is Office's own.
    const controlIds = all
      .filter((e) => e.name === 'Group' || e.name === 'Control')
      .map((e) => e.attrs.id)
      .concat(all.filter((e) => e.name === 'TaskpaneId').map((e) => e.text.trim()));
    expect(controlIds.length).toBeGreaterThan(1);
    expect(controlIds.filter((id) => !id || id.length > SHORT)).toEqual([]);
    // Every resource is used: a leftover one is usually a typo in a resid.
    const referenced = new Set(all.filter((e) => 'resid' in e.attrs).map((e) => e.attrs.resid));
    expect(resourceIds.filter((id) => !referenced.has(id))).toEqual([]);
  });
});

/**
 * The production build (webpack.config.js) rebases every dev-server URL on ADDIN_PUBLIC_URL. The config is loaded
 * as webpack would and the plugin's `transformManifest` is applied to the real manifest, without running webpack.
 */
describe('manifest.xml in the production build', () => {
  type Config = {
    plugins: { constructor: { name: string }; transformManifest?: (xml: string) => string; userOptions?: { filename?: string } }[];
  };
  const loadConfig = (mode: 'production' | 'development', publicUrl?: string): Config => {
    const saved = process.env.ADDIN_PUBLIC_URL;
    try {
      if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = publicUrl;
      const factory = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Config;
      return factory({}, { mode });
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
  };
  const transform = (config: Config): ((xml: string) => string) => {
    const transforms = config.plugins.map((p) => p.transformManifest).filter((t) => typeof t === 'function');
    if (transforms.length !== 1) throw new Error(`expected one plugin with a transformManifest function, found ${transforms.length}`);
    return transforms[0]!;
  };

  it('rebases every URL on ADDIN_PUBLIC_URL and keeps the rest of the manifest', () => {
    const base = 'https://example.org/qp/';
    const built = transform(loadConfig('production', base.slice(0, -1)))(MANIFEST_XML); // the trailing slash is added
    expect(built).not.toMatch(/\/\/localhost\b/);
    const devUrls = declaredUrls(app);
    expect(declaredUrls(parseXml(built))).toEqual(devUrls.map((u) => base + u.slice(DEV_URL.length)));
    // Only the URLs change.
    expect(built.split(base).join(DEV_URL)).toBe(MANIFEST_XML);
  });

  it('refuses a public URL that is not https', () => {
    expect(() => loadConfig('production', 'http://example.org/qp/')).toThrow(/https/);
  });

  it('leaves the manifest alone for the dev server', () => {
    expect(transform(loadConfig('development', 'https://example.org/qp/'))(MANIFEST_XML)).toBe(MANIFEST_XML);
  });

  it('points every page URL at a page the build emits, and every other URL into assets/', () => {
    const pages = new Set(loadConfig('production').plugins.map((p) => p.userOptions?.filename).filter(Boolean));
    expect(pages.size).toBeGreaterThan(0);
    const stray = declaredUrls(app)
      .map((u) => u.slice(DEV_URL.length))
      .filter((relative) => !pages.has(relative) && !(relative.startsWith('assets/') && fs.existsSync(path.join(ROOT, relative))));
    expect(stray).toEqual([]);
  });
});
