// Numbers a rule title states (days, months, ages, multiples) come from the profile's values
// in force over the audited period, so a county that sets 5 days never reads "7天" in its
// report. A value that changed inside the period is named with the date it took effect.
import { Bilingual } from '../engine/findings/finding';
import { ParameterValue, ResolvedProfile } from '../engine/profile/profile';

/** The dates a report covers (the export's meta.period); open ends mean "the whole timeline". */
export interface AuditWindow {
  from?: string;
  to?: string;
}

export class InForce {
  constructor(
    readonly profile?: ResolvedProfile,
    readonly window: AuditWindow = {},
  ) {}

  /** The non-null values of `key` in force at some point of the window, oldest first. */
  values<T = unknown>(key: string): ParameterValue<T>[] {
    if (!this.profile) return [];
    const { from, to } = this.window;
    return this.profile.timeline(key).filter((v) => v.value !== null && (!to || v.from <= to) && (!from || !v.until || v.until > from)) as ParameterValue<T>[];
  }

  /**
   * The value(s) of `key` as words: `7天`, or `7天、5天(2024-03-01起)` when it changed in the
   * window. `fallback` when no value is in force (the rule is then not configured).
   */
  say<T = any>(key: string, words: (value: T) => Bilingual | undefined, fallback: Bilingual): Bilingual {
    const parts: Bilingual[] = [];
    let previous: string | undefined;
    this.values<T>(key).forEach((v, i) => {
      const w = words(v.value);
      // The same words again (a child profile restating the value) add nothing.
      if (!w || w.zh === previous) return;
      previous = w.zh;
      const dated = i > 0 || (this.window.from !== undefined && v.from > this.window.from);
      parts.push(dated ? { zh: `${w.zh}(${v.from}起)`, en: `${w.en} (from ${v.from})` } : w);
    });
    return parts.length ? { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join(' / ') } : fallback;
  }
}
