// Reads JSON text the way the contract needs and JSON.parse cannot: it keeps each number's
// own text (so "12.340000001" or "12.3400000000000000001" is judged as written, not as the
// nearest double), names every object key given twice (JSON.parse keeps the last silently)
// and every string with an unpaired surrogate (DuckDB refuses the whole line). Used only on
// the few lines the SQL pass flagged, and to cut a JSON array into its elements' own text.
import { FieldError, jsonPath } from './validator';

export interface ScannedRecord {
  value: unknown;
  /** Each number's text as written, by JSON Pointer (ajv's instancePath). */
  numbers: Map<string, string>;
  /** Repeated keys and invalid strings, as contract errors. */
  errors: FieldError[];
}

const pointer = (parent: string, key: string | number) => `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/** Parses one JSON value; throws SyntaxError on malformed text, exactly where JSON.parse would. */
export function scanRecord(text: string): ScannedRecord {
  const numbers = new Map<string, string>();
  const errors: FieldError[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`malformed JSON at position ${i}`);
  };
  const string = (at: string): string => {
    const start = i;
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) fail();
      let b = q - 1;
      while (text[b] === '\\') b--;
      i = q + 1;
      if ((q - 1 - b) % 2 === 0) break;
    }
    const s = JSON.parse(text.slice(start, i)) as string;
    if (LONE_SURROGATE.test(s))
      errors.push({ path: jsonPath(at), keyword: 'unicode', zh: '含无效的 Unicode 字符(未配对的代理项)', en: 'contains an invalid Unicode character (an unpaired surrogate)' });
    return s;
  };
  const value = (at: string): unknown => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = string(at);
        const here = pointer(at, key);
        if (seen.has(key))
          errors.push({ path: jsonPath(here), keyword: 'duplicate-property', zh: `键 "${key}" 在同一对象中出现不止一次`, en: `key "${key}" appears more than once in the same object` });
        seen.add(key);
        ws();
        if (text[i++] !== ':') fail();
        obj[key] = value(here);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, obj;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value(pointer(at, arr.length)));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, arr;
        else fail();
      }
    }
    if (ch === '"') return string(at);
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const)
      if (text.startsWith(word, i)) return (i += word.length), v;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail();
    i += m![0].length;
    numbers.set(at, m![0]);
    return Number(m![0]);
  };
  const v = value('');
  ws();
  if (i < text.length) fail();
  return { value: v, numbers, errors };
}

/** Digits after the decimal point that the number's value needs (12.340 → 2, 1.5e3 → 0, 1e-3 → 3). */
export function decimalsOf(numberText: string): number {
  const m = /^-?\d+(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(numberText);
  if (!m) return Infinity;
  return Math.max(0, (m[1] ?? '').replace(/0+$/, '').length - Number(m[2] ?? 0));
}

// --- cutting a whole JSON document (already checked by JSON.parse) into element texts ---

function skipString(text: string, i: number): number {
  for (let j = i + 1; ; ) {
    const q = text.indexOf('"', j);
    let b = q - 1;
    while (text.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function skipWs(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return i;
}

/** End (exclusive) of the valid JSON value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c !== 123 && c !== 91) {
    let j = i;
    for (let d = text.charCodeAt(j); j < text.length && d !== 44 && d !== 93 && d !== 125 && d !== 32 && d !== 10 && d !== 13 && d !== 9; d = text.charCodeAt(++j));
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 34) j = skipString(text, j) - 1;
    else if (d === 123 || d === 91) depth++;
    else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
  }
  return text.length;
}

// An element spans lines only through whitespace (a JSON string holds no raw line break),
// so joining its lines keeps its value and makes it one NDJSON line.
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** The text of each element of the JSON array starting at `i` (a valid document). */
export function arrayElementTexts(text: string, i = skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0)): string[] {
  const out: string[] = [];
  i = skipWs(text, i + 1);
  if (text.charCodeAt(i) === 93) return out;
  for (;;) {
    const end = skipValue(text, i);
    out.push(oneLine(text.slice(i, end)));
    i = skipWs(text, end);
    if (text.charCodeAt(i) === 93) return out;
    i = skipWs(text, i + 1);
  }
}

/** For a valid top-level object: each member's key, in order, with where its value starts and ends. */
export function topLevelMembers(text: string): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  let i = skipWs(text, skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0) + 1);
  if (text.charCodeAt(i) === 125) return out;
  for (;;) {
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const start = skipWs(text, skipWs(text, keyEnd) + 1);
    const end = skipValue(text, start);
    out.push({ key, start, end });
    i = skipWs(text, end);
    if (text.charCodeAt(i) === 125) return out;
    i = skipWs(text, i + 1);
  }
}
