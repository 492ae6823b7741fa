// Waivers: a YAML file reviewed like code. Each entry names a rule and a record (collection + id)
// or a fingerprint, why, who approved it, the document (文号) and the date it expires.
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors';

export interface Waiver {
  rule: string;
  record?: { collection: string; id: string };
  fingerprint?: string;
  reason: string;
  approved_by: string;
  document: string;
  expires: string;
  /** Where the waiver stands in its file, for messages. */
  line: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const bad = (file: string, line: number, zh: string, en: string) => new InputError(`${file}:${line}: 豁免文件有误:${zh}`, `${file}:${line}: malformed waiver file: ${en}`);

/** Parses a waiver file's text; any mistake names the file and line (exit 2). */
export function parseWaivers(text: string, file: string): Waiver[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lc.linePos(offset).line);
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw bad(file, lineOf(e.pos[0]), `YAML 语法错误 ${e.code}`, `YAML syntax error ${e.code}: ${e.message.split('\n')[0]}`);
  }
  let list: unknown = doc.contents;
  if (isMap(list) && list.has('waivers')) list = list.get('waivers', true);
  if (list === null || list === undefined) return [];
  if (!isSeq(list)) throw bad(file, lineOf((list as { range?: readonly number[] }).range?.[0]), '应为豁免条目的列表(或 waivers: 列表)', 'expected a list of waivers (or a `waivers:` list)');
  return list.items.map((item) => {
    const line = lineOf((item as { range?: readonly number[] } | null)?.range?.[0]);
    if (!isMap(item)) throw bad(file, line, '每个豁免应为键值映射', 'each waiver must be a mapping');
    const v = item.toJSON() as Record<string, unknown>;
    const str = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : undefined);
    const keyLine = (k: string) => lineOf((item.items.find((p) => (p.key as { value?: unknown })?.value === k)?.key as { range?: readonly number[] } | undefined)?.range?.[0] ?? item.range?.[0]);
    for (const k of ['rule', 'reason', 'approved_by', 'document'])
      if (!str(k)) throw bad(file, keyLine(k), `缺少或为空的字段 ${k}`, `missing or empty field ${k}`);
    const expires = v.expires instanceof Date ? v.expires.toISOString().slice(0, 10) : v.expires;
    if (typeof expires !== 'string' || !DATE.test(expires) || Number.isNaN(Date.parse(expires)))
      throw bad(file, keyLine('expires'), 'expires 应为日期 YYYY-MM-DD', 'expires must be a date YYYY-MM-DD');
    const rec = v.record as { collection?: unknown; id?: unknown } | undefined;
    const record = rec && typeof rec === 'object' && typeof rec.collection === 'string' && (typeof rec.id === 'string' || typeof rec.id === 'number') ? { collection: rec.collection, id: String(rec.id) } : undefined;
    if (rec !== undefined && !record) throw bad(file, keyLine('record'), 'record 应含 collection 和 id', 'record must have collection and id');
    const fingerprint = str('fingerprint');
    if (!record && !fingerprint) throw bad(file, line, '须指明 record(collection + id)或 fingerprint', 'a waiver must name a record (collection + id) or a fingerprint');
    for (const k of Object.keys(v))
      if (!['rule', 'record', 'fingerprint', 'reason', 'approved_by', 'document', 'expires'].includes(k)) throw bad(file, keyLine(k), `未知字段 ${k}`, `unknown field ${k}`);
    return { rule: str('rule')!, ...(record ? { record } : {}), ...(fingerprint ? { fingerprint } : {}), reason: str('reason')!, approved_by: str('approved_by')!, document: str('document')!, expires, line };
  });
}
