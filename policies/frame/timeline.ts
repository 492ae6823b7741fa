// Time split where a rule's parameters change. Every span says whether the rule was in force
// then ('in-force'), had not yet taken effect ('before': older practice is history, reported as
// info), or was switched off by the profile (`value: null`: 'off', the rule does not bind).
// A rule asks either span by span (one SQL query per span) or, where the date comes out of
// its rows (a payment month, a computed deadline), for the span a date falls in.
import { ParameterValue, ResolvedProfile } from '../../engine/profile/profile';
import { Param, ParamKey, ParamType } from './params';

export type SpanStatus = 'before' | 'in-force' | 'off';

export class Span<K extends ParamKey = ParamKey> {
  constructor(
    /** First day of the span (inclusive); null: from the beginning of time. */
    readonly from: string | null,
    /** First day after the span (exclusive); null: open-ended. */
    readonly until: string | null,
    readonly status: SpanStatus,
    private readonly values: Partial<Record<K, ParameterValue>>,
  ) {}

  /** True before the rule took effect: what it finds is history (info). */
  get history(): boolean {
    return this.status === 'before';
  }

  /**
   * The value of `key` with its source, as a finding lists it under `params`. In a 'before'
   * span: the value the rule took effect with. Absent only in an 'off' span or where the
   * profile never sets the key.
   */
  param<P extends K>(key: P): Param<P> {
    const v = this.values[key];
    if (!v) throw new Error(`parameter ${key} has no value ${this.from ?? '…'}–${this.until ?? '…'} (${this.status})`);
    return v as Param<P>;
  }

  /** `param(key)` or undefined when the span has none (an 'off' span). */
  maybe<P extends K>(key: P): Param<P> | undefined {
    return this.values[key] as Param<P> | undefined;
  }

  /** The typed value of `key` in this span. */
  value<P extends K>(key: P): ParamType<P> {
    return this.param(key).value;
  }

  /** Every parameter value of the span, in the rule's key order. */
  params(keys: readonly K[]): ParameterValue[] {
    return keys.map((k) => this.values[k]).filter((v): v is ParameterValue => !!v);
  }

  /** SQL predicate: the DATE `column` falls in the span. */
  where(column: string): string {
    const parts = [this.from ? `${column} >= DATE '${this.from}'` : null, this.until ? `${column} < DATE '${this.until}'` : null].filter(Boolean);
    return parts.length ? parts.join(' AND ') : 'TRUE';
  }

  /** `date` (YYYY-MM-DD) falls in the span. */
  contains(date: string): boolean {
    return (!this.from || date >= this.from) && (!this.until || date < this.until);
  }
}

export class Timeline<K extends ParamKey = ParamKey> {
  /** The spans in date order, covering all time; none when the profile sets none of the keys. */
  readonly spans: Span<K>[];
  // A date before any value: the rule had not taken effect.
  private readonly beforeAll: Span<K>;

  constructor(
    readonly profile: ResolvedProfile,
    readonly keys: readonly K[],
  ) {
    const starts = [...new Set(keys.flatMap((k) => profile.timeline(k).map((v) => v.from)))].sort();
    // Before the rule took effect, a span carries the values it took effect with (for messages and params).
    const first = Object.fromEntries(keys.map((k) => [k, profile.timeline(k).find((v) => v.value !== null)])) as Partial<Record<K, ParameterValue>>;
    this.beforeAll = new Span<K>(null, starts[0] ?? null, 'before', first);
    this.spans = starts.length ? [this.beforeAll] : [];
    starts.forEach((from, i) => {
      const values = Object.fromEntries(keys.map((k) => [k, profile.at(k, from)])) as Partial<Record<K, ParameterValue>>;
      // Before every key has started, the rule is not yet in force; after, a missing value was switched off.
      const started = keys.every((k) => (profile.effectiveFrom(k) ?? '9999') <= from);
      const missing = keys.some((k) => values[k] === undefined);
      this.spans.push(new Span<K>(from, starts[i + 1] ?? null, !started ? 'before' : missing ? 'off' : 'in-force', started ? values : first));
    });
  }

  /** The span `date` (YYYY-MM-DD, or YYYY-MM for its first day) falls in. */
  on(date: string): Span<K> {
    const day = date.length === 7 ? `${date}-01` : date;
    for (let i = this.spans.length - 1; i >= 0; i--) if (!this.spans[i].from || this.spans[i].from! <= day) return this.spans[i];
    return this.beforeAll;
  }

  /** Keys the profile never sets: the rule does not reach this jurisdiction. */
  unset(): K[] {
    return this.keys.filter((k) => this.profile.effectiveFrom(k) === undefined);
  }

  /** Every value `key` takes, oldest first (a query written for their union, decided per span in TS). */
  every<P extends K>(key: P): ParamType<P>[] {
    return this.profile.timeline(key).filter((v) => v.value !== null).map((v) => v.value as ParamType<P>);
  }
}
