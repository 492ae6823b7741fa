// Personal data in findings is wrapped in tokens by the rules (which are pure and do not
// know the output settings); every renderer passes text through `reveal`, which masks by
// default. A pattern pass also masks any ID, phone or card number that arrived unwrapped,
// so a report about privacy leaks does not leak.
export type PersonalKind = 'id' | 'name' | 'phone' | 'card';

const OPEN = '\u27E6';
const CLOSE = '\u27E7';
const TOKEN = new RegExp(`${OPEN}(id|name|phone|card):([^${CLOSE}]*)${CLOSE}`, 'g');

export const personal = (kind: PersonalKind, value: string): string => `${OPEN}${kind}:${value}${CLOSE}`;

export function maskValue(kind: PersonalKind, v: string): string {
  const chars = [...v];
  switch (kind) {
    case 'name':
      return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
    case 'phone':
      return chars.length >= 7 ? chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('') : '*'.repeat(chars.length);
    default:
      return chars.length > 8 ? chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('') : '*'.repeat(chars.length);
  }
}

// Digit runs that could be an ID (15 or 18, last may be X), a mobile number or a card.
const LOOSE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15,19}|1[3-9]\d{9})(?![0-9A-Za-z])/g;

export function reveal(text: string, show: boolean): string {
  const unwrapped = text.replace(TOKEN, (_, kind: PersonalKind, v: string) => (show ? v : maskValue(kind, v)));
  if (show) return unwrapped;
  return unwrapped.replace(LOOSE, (m) => maskValue(m.length === 11 ? 'phone' : 'id', m));
}

/** Deep copy with every string revealed or masked. */
export function revealDeep<T>(value: T, show: boolean): T {
  if (typeof value === 'string') return reveal(value, show) as T;
  if (Array.isArray(value)) return value.map((v) => revealDeep(v, show)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealDeep(v, show)])) as T;
  return value;
}
