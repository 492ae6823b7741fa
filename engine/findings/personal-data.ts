// Personal data in findings. Rules (pure; they do not know the output settings) wrap values
// they know are personal in tokens, `personal(kind, value)`; the report is masked once, by
// field (engine/findings/masking.ts), before any renderer sees it. Free text is masked by what
// it contains: the export's own names and plates (found by engine/findings/personal-dictionary.ts)
// and, by pattern, ID, phone and card numbers and house-number addresses.
// 《个人信息保护法》第五十一条: technical measures such as de-identification (去标识化).
import { luhnValid } from '../../policies/checks/luhn';
import { isValidResidentId } from '../../policies/checks/resident-id';

/**
 * `text` is a free-text value a rule knows may hold personal data (a notice cell): it is not
 * masked whole but by what it contains, exactly as any other free text.
 */
export type PersonalKind = 'id' | 'name' | 'phone' | 'card' | 'plate' | 'text';
/** What a span of text turned out to be. */
export type SpanKind = Exclude<PersonalKind, 'text'> | 'address';

const OPEN = '\u27E6';
const CLOSE = '\u27E7';
const TOKEN = new RegExp(`${OPEN}(id|name|phone|card|plate|text):([^${CLOSE}]*)${CLOSE}`, 'g');

export const personal = (kind: PersonalKind, value: string): string => `${OPEN}${kind}:${value}${CLOSE}`;

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/**
 * One scheme per kind (README "Personal data"):
 * - name: the first character (the surname, for most names) and one * per further character;
 * - id: the first six characters (the issuing county) and the check character, the birth date and sequence masked;
 * - phone: the first three and the last four digits;
 * - card: the last four digits only;
 * - plate: the first two characters (province and issuing office);
 * - address: the street, house number and everything below village level, one * per character.
 * Values too short to keep anything are masked entirely.
 */
export function maskValue(kind: SpanKind, v: string): string {
  const c = [...v];
  const keep = (head: number, tail: number) => (c.length > head + tail ? c.slice(0, head).join('') + stars(c.length - head - tail) + c.slice(c.length - tail).join('') : stars(c.length));
  switch (kind) {
    case 'name':
      return keep(1, 0);
    case 'id':
      return keep(6, 1);
    case 'phone':
      return keep(3, 4);
    case 'card':
      return keep(0, 4);
    case 'plate':
      return keep(2, 0);
    case 'address':
      return stars(c.length);
  }
}

/** A personal value found in text: [start, end) in UTF-16 units, what it is, and its mask. */
export interface Span {
  start: number;
  end: number;
  mask: string;
}

/** An export value the dictionary found inside a text (engine/findings/personal-dictionary.ts). */
export interface KnownValue {
  value: string;
  kind: SpanKind;
}

// Digit groups of three or more, joined by single spaces or hyphens ("139 1234 5678"), full-width
// digits included, an ID's final X allowed. Letters are a boundary: A0000123456789 is a record id.
const NUMBER_RUN = /(?<![0-9０-９A-Za-z])[0-9０-９]{3,}(?:[ \-－][0-9０-９]{3,})*[XxＸｘ]?(?![0-9０-９A-Za-z])/g;

/** What a run of digits is, or undefined when it is none of the personal kinds (an amount, a region code). */
export function classifyNumber(digits: string): SpanKind | undefined {
  if (isValidResidentId(digits)) return 'id';
  if (/^\d{16,19}$/.test(digits) && luhnValid(digits)) return 'card';
  if (/^(\d{17}[\dXx]|\d{15})$/.test(digits)) return 'id';
  if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return 'phone';
  if (/^\d{16,19}$/.test(digits)) return 'card';
  return undefined;
}

function numberSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const whole = m[0].normalize('NFKC');
    const compact = whole.replace(/[ \-－]/g, '');
    const kind = classifyNumber(compact);
    if (kind) {
      spans.push({ start: m.index!, end: m.index! + m[0].length, mask: maskValue(kind, compact) });
      continue;
    }
    // A grouped run that is none of the kinds as a whole may still hold one (an ID, then "-2024").
    let at = m.index!;
    for (const part of m[0].split(/([ \-－])/)) {
      const k = /^[ \-－]$/.test(part) ? undefined : classifyNumber(part.normalize('NFKC'));
      if (k) spans.push({ start: at, end: at + part.length, mask: maskValue(k, part.normalize('NFKC')) });
      at += part.length;
    }
  }
  return spans;
}

// House numbers as NOTICE-FIELDS reads them (policies/rules/notices/labels.ts): Arabic numerals
// before 号/室/单元/栋/幢/号楼/号院, Chinese numerals before the same except a bare 号, which counts
// only at the end (六号农场 is a place). A document number (民发〔2021〕57号, 第3号) is not an address.
const CN = '一二三四五六七八九十百千零〇两';
const HOUSE_UNIT = '(?:号楼|号院|号|室|单元|栋|幢|楼|层)';
const HOUSE = new RegExp(`(?<![0-9０-９${CN}〔〕\\[\\]第])(?:[0-9０-９]+[A-Za-z]?\\s*${HOUSE_UNIT}|[${CN}]+\\s*(?:号楼|号院|室|单元|栋|幢)|[${CN}]+\\s*号(?=$|[\\s\\p{P}]))`, 'gu');
// More house-number parts right after the first: 5号楼3单元201室, 12号-3.
const HOUSE_TAIL = new RegExp(`^(?:[\\s\\-－#]*(?:[0-9０-９${CN}]+[A-Za-z]?\\s*${HOUSE_UNIT}|[\\-－][0-9０-９]+))+`, 'u');
// The address is kept down to the village or community; these end a unit at or above that level.
const VILLAGE_LEVEL = /(?:社区|嘎查|村|街道|镇|乡|苏木|旗|县|市|州|盟|省|自治区|居委会|村委会)$/;
const STOP = /[\s\p{P}\p{S}]/u;

function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(HOUSE)) {
    let start = m.index!;
    // Walk left over the street name to the last village-level unit (or punctuation, or the start).
    while (start > 0 && !STOP.test(text[start - 1]) && !VILLAGE_LEVEL.test(text.slice(Math.max(0, start - 3), start))) start--;
    const end = m.index! + m[0].length + (HOUSE_TAIL.exec(text.slice(m.index! + m[0].length))?.[0].length ?? 0);
    spans.push({ start, end, mask: maskValue('address', text.slice(start, end)) });
  }
  return spans;
}

// A one-character name cannot be told from the same character in a word; it is masked where it
// stands alone (in a list such as 夏明、岳 or between spaces), not inside other text.
const ALONE = /(?<=^|[\s\p{P}\p{Z}])[^\s\p{P}\p{Z}](?=$|[\s\p{P}\p{Z}])/gu;

/** The single characters that stand alone in a text: the places a one-character name is looked for. */
export const standAloneCharacters = (text: string): string[] => [...text.matchAll(ALONE)].map((m) => m[0]);

function knownSpans(text: string, known: KnownValue[]): Span[] {
  const spans: Span[] = [];
  for (const k of known) {
    if ([...k.value].length === 1) {
      for (const m of text.matchAll(ALONE)) if (m[0] === k.value) spans.push({ start: m.index!, end: m.index! + m[0].length, mask: maskValue(k.kind, k.value) });
      continue;
    }
    for (let at = text.indexOf(k.value); at >= 0; at = text.indexOf(k.value, at + 1)) spans.push({ start: at, end: at + k.value.length, mask: maskValue(k.kind, k.value) });
  }
  return spans;
}

/** Replaces the spans, longest first; a span overlapping a longer (or earlier) one is dropped. */
export function applySpans(text: string, spans: Span[]): string {
  const chosen: Span[] = [];
  for (const s of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start))
    if (!chosen.some((c) => s.start < c.end && c.start < s.end)) chosen.push(s);
  let out = text;
  for (const s of chosen.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.mask + out.slice(s.end);
  return out;
}

/** Masks free text: the export's own values found in it, and numbers and addresses by pattern. */
export function maskText(text: string, known: KnownValue[] = []): string {
  return applySpans(text, [...knownSpans(text, known), ...numberSpans(text), ...addressSpans(text)]);
}

/** A string cut into the free-text parts to scan and the wrapped values, already decided. */
export type Part = { scan: string } | { fixed: string };

/** Splits at the tokens: a wrapped value is shown or masked by its kind; `text` tokens and the rest are scanned. */
export function splitTokens(text: string, show: boolean): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > last) parts.push({ scan: text.slice(last, m.index) });
    const [, kind, value] = m as unknown as [string, PersonalKind, string];
    parts.push(show ? { fixed: value } : kind === 'text' ? { scan: value } : { fixed: maskValue(kind, value) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ scan: text.slice(last) });
  return parts;
}

/**
 * Shows or masks one string without the export's dictionary (wrapped values and patterns only):
 * for step messages and tests. Reports go through engine/findings/masking.ts, which adds the dictionary.
 */
export function reveal(text: string, show: boolean): string {
  return splitTokens(text, show)
    .map((p) => ('fixed' in p ? p.fixed : show ? p.scan : maskText(p.scan)))
    .join('');
}
