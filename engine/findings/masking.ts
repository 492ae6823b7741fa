// Masking by field, not by a blind pass over every string: fingerprints, rule ids, record ids,
// positions and citations are kept as they are, so a masked and an unmasked report of the same
// run differ in personal values only. Everything a rule wrote in words (messages, expected,
// actual, remedies, group keys, reasons) is free text and is masked by what it contains.
import type { LoadedExport } from '../load/loader';
import { maskText, maskValue, splitTokens, standAloneCharacters } from './personal-data';
import { PersonalDictionary } from './personal-dictionary';
import { personalKeyKind } from './personal-fields';

/**
 * How to treat a value: `keep` as it is (only wrapped tokens are resolved), `scan` as free text,
 * `ref` a record reference `{collection, id, …}` whose id is masked only when the collection is
 * keyed by a personal value (deaths by resident ID; the file and line still locate the record).
 */
export type Shape = 'keep' | 'scan' | 'ref' | { each: Shape } | { fields: Record<string, Shape>; rest: Shape };

export const FINDING_SHAPE: Shape = {
  fields: { rule: 'keep', severity: 'keep', fingerprint: 'keep', source: 'keep', params: 'keep', record: 'ref', related: { each: 'ref' } },
  rest: 'scan',
};

export interface MaskOptions {
  show: boolean;
  /** The export's names and plates; without it free text is masked by pattern only. */
  dictionary?: PersonalDictionary;
}

type Visit = (s: string, shape: 'keep' | 'scan') => string;

function walk(value: unknown, shape: Shape, visit: Visit, maskId: (collection: string, id: string) => string): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return shape === 'keep' || shape === 'scan' ? visit(value, shape) : visit(value, 'scan');
  if (Array.isArray(value)) return value.map((v) => walk(v, typeof shape === 'object' && 'each' in shape ? shape.each : shape, visit, maskId));
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (shape === 'ref') {
    const ref = value as { collection?: unknown };
    return Object.fromEntries(entries.map(([k, v]) => [k, k === 'id' && typeof v === 'string' ? maskId(String(ref.collection ?? ''), v) : walk(v, 'keep', visit, maskId)]));
  }
  if (typeof shape === 'object' && 'fields' in shape) return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, shape.fields[k] ?? shape.rest, visit, maskId)]));
  return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, typeof shape === 'object' ? 'scan' : shape, visit, maskId)]));
}

/** A deep copy of `value` with personal data shown or masked, field by field as `shape` says. */
export async function maskByShape<T>(value: T, shape: Shape, opts: MaskOptions): Promise<T> {
  const resolve = (s: string, scan: (text: string) => string) => splitTokens(s, opts.show).map((p) => ('fixed' in p ? p.fixed : scan(p.scan))).join('');
  const maskId = (collection: string, id: string) => {
    const kind = personalKeyKind(collection);
    return resolve(id, (text) => (kind && !opts.show ? maskValue(kind, text) : text));
  };
  if (opts.show) return walk(value, shape, (s) => resolve(s, (t) => t), maskId) as T;
  // First pass: the free-text parts, each once; the dictionary is asked about all of them together.
  const texts = new Map<string, number>();
  const add = (t: string) => texts.has(t) || texts.set(t, texts.size);
  walk(value, shape, (s, how) => {
    if (how === 'scan') for (const p of splitTokens(s, false)) if ('scan' in p) [p.scan, ...standAloneCharacters(p.scan)].forEach(add);
    return s;
  }, (_, id) => id);
  const found = opts.dictionary ? await opts.dictionary.lookup([...texts.keys()]) : [];
  const known = (t: string) => [t, ...standAloneCharacters(t)].flatMap((x) => found[texts.get(x)!] ?? []);
  return walk(value, shape, (s, how) => resolve(s, (t) => (how === 'scan' ? maskText(t, known(t)) : t)), maskId) as T;
}

/** Shows or masks the personal data in a report (or an explanation); the export's own names are the dictionary. */
export async function maskReport<T>(value: T, shape: Shape, loaded: LoadedExport, show: boolean): Promise<T> {
  const dictionary = new PersonalDictionary(loaded.dataset, loaded.rejected);
  try {
    return await maskByShape(value, shape, { show, dictionary });
  } finally {
    await dictionary.close();
  }
}
