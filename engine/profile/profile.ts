// A resolved profile: the overlay chain (national ← province ← county) folded into one
// timeline per parameter. Rules ask for a value on a record's own date.
import { SourceT } from './source';

export interface ParameterValue<T = unknown> {
  key: string;
  value: T;
  from: string;
  /** The end of this value's period (exclusive), if a later entry replaces it. */
  until?: string;
  source: SourceT;
  /** The profile whose file set this value. */
  definedBy: string;
  /** True when the value comes from a profile further up the chain than the one in use. */
  inherited: boolean;
}

/** A rule's citation set by a profile of the chain, in force from `from` (until the next). */
export interface CitationValue {
  rule: string;
  from: string;
  until?: string;
  document: string;
  section?: string;
  note?: string;
  verify?: string;
  /** The profile whose file set this citation. */
  definedBy: string;
}

export interface ProfileInfo {
  id: string;
  name: { zh: string; en: string };
  aliases: string[];
  chain: string[];
  files: string[];
  choices: { key: string; choice: string; reason: string; profile: string }[];
}

export class ResolvedProfile {
  constructor(
    readonly info: ProfileInfo,
    private readonly timelines: Map<string, ParameterValue[]>,
    private readonly citations: Map<string, CitationValue[]> = new Map(),
  ) {}

  /** The citation of `rule` the profile chain puts in force on `date`, if any. */
  citationAt(rule: string, date: string): CitationValue | undefined {
    let found: CitationValue | undefined;
    for (const c of this.citations.get(rule) ?? []) if (c.from <= date) found = c;
    return found;
  }

  /** Every citation of `rule` the chain sets, oldest first. */
  citationTimeline(rule: string): CitationValue[] {
    return this.citations.get(rule) ?? [];
  }

  get id(): string {
    return this.info.id;
  }

  keys(): string[] {
    return [...this.timelines.keys()].sort();
  }

  /** The value in force on `date` (YYYY-MM-DD), or undefined if none is (before the rule, or switched off). */
  at<T = unknown>(key: string, date: string): ParameterValue<T> | undefined {
    const line = this.timelines.get(key);
    if (!line) return undefined;
    let found: ParameterValue | undefined;
    for (const v of line) if (v.from <= date) found = v;
    return found && found.value !== null ? (found as ParameterValue<T>) : undefined;
  }

  /** The first date from which the parameter has a value (its effective date), if any. */
  effectiveFrom(key: string): string | undefined {
    return this.timelines.get(key)?.find((v) => v.value !== null)?.from;
  }

  timeline(key: string): ParameterValue[] {
    return this.timelines.get(key) ?? [];
  }

  /** A copy whose latest value of `key` is changed, marked as set by `by` (a spec scenario's local policy). */
  withChange(key: string, change: (value: any) => unknown, note: string, by = 'spec'): ResolvedProfile {
    const timelines = new Map([...this.timelines].map(([k, line]) => [k, line.map((v) => ({ ...v }))]));
    const line = timelines.get(key);
    if (!line?.length) throw new Error(`政策配置 ${this.id} 没有参数 ${key} / profile ${this.id} has no parameter ${key}`);
    const last = line[line.length - 1];
    line[line.length - 1] = { ...last, value: change(last.value), source: { ...last.source, note }, definedBy: by, inherited: false };
    return new ResolvedProfile({ ...this.info, id: `${this.id}+${by}` }, timelines, this.citations);
  }

  /** A copy in which `key` has one value from `from` on (a local value a spec scenario sets). */
  withValue(key: string, value: unknown, from: string, note: string, by = 'spec'): ResolvedProfile {
    const timelines = new Map(this.timelines);
    timelines.set(key, [{ key, value, from, source: { document: '场景设定 / scenario', note }, definedBy: by, inherited: false }]);
    return new ResolvedProfile({ ...this.info, id: `${this.id}+${by}` }, timelines, this.citations);
  }
}
