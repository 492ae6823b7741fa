// The field tables of docs/contract.md, written from the published JSON Schema so the
// document and the schema cannot drift apart (`npm run schema` rewrites both; a test fails
// when either is stale). The prose around the tables is written by hand.
type Schema = Record<string, any>;
type Lang = 'zh' | 'en';

const half = (s: string | undefined, lang: Lang) => {
  const [zh, en] = (s ?? '').split(' / ');
  return (lang === 'zh' ? zh : (en ?? zh)).trim();
};
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(root: Schema, s: Schema, lang: Lang): string {
  if (s.$ref) return lang === 'zh' ? `对象(${half(def(root, s).title, lang)})` : `object (${half(def(root, s).title, lang)})`;
  if (s.enum) return s.enum.map((v: string) => `\`${v}\``).join(' | ');
  if ('const' in s) return `\`${JSON.stringify(s.const)}\``;
  switch (s.type) {
    case 'string':
      if (s.format === 'date') return lang === 'zh' ? '日期' : 'date';
      if (s.format === 'date-time') return lang === 'zh' ? '时间戳' : 'timestamp';
      if (s.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return lang === 'zh' ? '月份' : 'month';
      if (s.pattern === '^\\d{17}[\\dXx]$') return lang === 'zh' ? '身份证号' : 'resident ID';
      return lang === 'zh' ? '字符串' : 'string';
    case 'number':
      return s['x-decimals'] === 2 ? (lang === 'zh' ? '金额' : 'money') : lang === 'zh' ? '数字' : 'number';
    case 'integer':
      return lang === 'zh' ? `整数 ${s.minimum ?? ''}–${s.maximum ?? ''}` : `integer ${s.minimum ?? ''}–${s.maximum ?? ''}`;
    case 'boolean':
      return lang === 'zh' ? '是/否' : 'boolean';
    case 'array':
      return lang === 'zh' ? `数组,元素为${typeOf(root, s.items, lang)}` : `array of ${typeOf(root, s.items, lang)}`;
    case 'object':
      return lang === 'zh' ? '对象' : 'object';
    default:
      return '';
  }
}

function def(root: Schema, s: Schema): Schema {
  return root.$defs[String(s.$ref).replace('#/$defs/', '')];
}

function rows(root: Schema, node: Schema, prefix: string, lang: Lang, out: string[]): void {
  const required = new Set<string>(node.required ?? []);
  for (const [k, v] of Object.entries<Schema>(node.properties ?? {})) {
    const at = `${prefix}${k}`;
    const since = v['x-since'] ? (lang === 'zh' ? `(v${v['x-since']} 起)` : ` (since v${v['x-since']})`) : '';
    const req = (required.has(k) ? (lang === 'zh' ? '必填' : 'required') : lang === 'zh' ? '可选' : 'optional') + since;
    out.push(`| \`${at}\` | ${cell(half(v.title, lang))} | ${cell(typeOf(root, v, lang))} | ${req} | ${cell(half(v.description, lang))} |`);
    if (v.type === 'object') rows(root, v, `${at}.`, lang, out);
    if (v.type === 'array' && v.items?.type === 'object') rows(root, v.items, `${at}[].`, lang, out);
  }
}

/** One table per record schema (meta, then each collection), in `lang`. */
export function fieldTables(root: Schema, lang: Lang): string {
  const head = lang === 'zh' ? '| 字段 | 名称 | 类型 | 必填 | 说明 |\n|---|---|---|---|---|' : '| field | label | type | required | description |\n|---|---|---|---|---|';
  const sections: string[] = [];
  for (const [key, prop] of Object.entries<Schema>(root.properties)) {
    const target = prop.$ref ? prop : prop.items;
    const d = def(root, target);
    const out: string[] = [];
    rows(root, d, '', lang, out);
    const since = prop['x-since'] ? (lang === 'zh' ? `(v${prop['x-since']} 起)` : ` (since v${prop['x-since']})`) : '';
    sections.push(`#### \`${key}\` ${half(d.title, lang)}${since}\n\n${half(d.description, lang)}\n\n${head}\n${out.join('\n')}`);
    for (const [name, sub] of Object.entries<Schema>(d.properties ?? {})) {
      const items = sub.items;
      if (items?.$ref) {
        const inner: string[] = [];
        rows(root, def(root, items), '', lang, inner);
        sections.push(`##### \`${key}.${name}[]\` ${half(def(root, items).title, lang)}\n\n${head}\n${inner.join('\n')}`);
      }
    }
  }
  return sections.join('\n\n');
}

/** Replaces the text between `<!-- fields:LANG -->` and `<!-- /fields:LANG -->`. */
export function withFieldTables(doc: string, root: Schema): string {
  let out = doc;
  for (const lang of ['zh', 'en'] as const) {
    const open = `<!-- fields:${lang} -->`;
    const close = `<!-- /fields:${lang} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`docs/contract.md lacks ${open} … ${close}`);
    out = `${out.slice(0, a + open.length)}\n${fieldTables(root, lang)}\n${out.slice(b)}`;
  }
  return out;
}
