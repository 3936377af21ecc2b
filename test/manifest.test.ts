import * as fs from 'fs';
import * as path from 'path';

// Checks the rules Office and the Marketplace validator apply to manifest.xml, without an XML dependency:
// a tiny parser for the subset the manifest uses (elements, double-quoted attributes, text, comments).

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';

/** OfficeApp children in XSD sequence order; the manifest may omit optional ones but never reorder. */
const SCHEMA_ORDER = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides',
];
/** AppDomains may not be empty and we navigate to no other domain yet (see the comment in manifest.xml). */
const OPTIONAL = new Set(['AppDomains']);

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
/** Documented limits: resource ids 32 characters, short strings 125, long strings 250. */
const MAX_ID = 32;
const MAX_LENGTH: Record<string, number> = { 'bt:ShortStrings': 125, 'bt:LongStrings': 250 };

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

const app = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
const all = [...walk(app)];
const overrideValues = (element: XmlElement): string[] =>
  element.children.filter((c) => /^(bt:)?Override$/.test(c.name)).map((c) => c.attrs.Value);

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
    for (const [group, max] of Object.entries(MAX_LENGTH)) {
      for (const [id, e] of resources.get(group) ?? []) {
        for (const text of [e.attrs.DefaultValue, ...overrideValues(e)]) {
          if (text.length > max) tooLong.push(`${id}: ${text.length} > ${max}`);
        }
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('has unique ids, and resource ids of at most 32 characters', () => {
    const ids = all.filter((e) => 'id' in e.attrs).map((e) => e.attrs.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const resourceIds = [...resources.values()].flatMap((group) => [...group.keys()]);
    expect(resourceIds.length).toBeGreaterThan(0);
    expect(resourceIds.filter((id) => id.length > MAX_ID)).toEqual([]);
  });
});
