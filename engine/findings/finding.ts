// A finding is data: what the rulebook's last section lists, plus a stable fingerprint
// (rule + record ids + the detail that tells two findings on one record apart) so a later
// run can tell new findings from known ones.
import { createHash, createHmac } from 'node:crypto';
import { RecordRef } from '../dataset/dataset';
import { ParameterValue } from '../profile/profile';
import { citeSource } from '../profile/source';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Bilingual {
  zh: string;
  en: string;
}

export interface UsedParameter {
  key: string;
  from: string;
  value: unknown;
  source: string;
  profile: string;
  inherited: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  record: RecordRef;
  related: { collection: string; id: string }[];
  message: Bilingual;
  expected: unknown;
  actual: unknown;
  params: UsedParameter[];
  source: string;
  remedy?: Bilingual & { amount_fen?: number; deadline?: string; month?: string };
  /** Keys for grouping in reports (e.g. township, staff id). */
  groups?: Record<string, string>;
  fingerprint: string;
}

// Large values (synonym tables) are printed once per rule in the report's rules[].parameters,
// not copied into each of possibly millions of findings.
const MAX_INLINE_VALUE = 160;

export function usedParameter(p: ParameterValue): UsedParameter {
  const value = JSON.stringify(p.value).length > MAX_INLINE_VALUE ? { see: 'rules[].parameters' } : p.value;
  return { key: p.key, from: p.from, value, source: citeSource(p.source), profile: p.definedBy, inherited: p.inherited };
}

// The agency's fingerprint key, set once per process by the CLI before a run (rules stay pure:
// they never read files or the environment). Undefined: no key, fingerprints carry no personal id.
let fingerprintKey: Buffer | undefined;
/** Key fingerprints with HMAC-SHA256 from now on (undefined: keyless, personal ids left out). */
export function setFingerprintKey(key: Buffer | undefined): void {
  fingerprintKey = key;
}

// A resident ID (18 characters; the older 15-digit form too) has little entropy — region, birth
// date, sequence — so any unkeyed hash of one can be brute-forced back to it.
const PERSONAL_ID = /\d{17}[\dXx]|\d{15}/g;

/**
 * Rule + record (collection, id) + detail; never file or line, which differ between a JSON file
 * and a folder of NDJSON. With a key: HMAC-SHA256 over all of it. Without one, every personal id
 * in the record id or detail is replaced by the word `person` — the trade-off: stable across runs,
 * machines and export shapes and never derived from a personal id, but two findings of one rule
 * that differ only in the person they name (e.g. two deaths) share a fingerprint.
 */
export function fingerprint(rule: string, record: { collection: string; id: string }, detail = ''): string {
  if (fingerprintKey) return createHmac('sha256', fingerprintKey).update([rule, record.collection, record.id, detail].join('\u0000')).digest('hex').slice(0, 16);
  const parts = [rule, record.collection, record.id, detail].map((p) => p.replace(PERSONAL_ID, 'person'));
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.rule.localeCompare(b.rule) ||
    a.record.collection.localeCompare(b.record.collection) ||
    (a.record.line ?? a.record.index ?? 0) - (b.record.line ?? b.record.index ?? 0) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}
