// The audited period is the export's `meta.period` (from … to, both inclusive). Two things
// follow from it for every rule with a dated duty: a duty that fell before `from` is judged
// only as history (or not at all, where the export need not hold its evidence), and a
// deadline that still runs on `to` is not yet a violation — such a record is counted as not
// reviewed, with the reason, never passed silently.
import { Dataset } from '../engine/dataset/dataset';
import { Bilingual } from '../engine/findings/finding';
import { Finding } from '../engine/findings/finding';
import { findingDate, RuleEvaluation } from './rule';

export interface AuditPeriod {
  from: string;
  to: string;
  /** False when the dataset has no meta: rules that walk time then stop at their latest record. */
  stated: boolean;
}

/** An export without meta (a bare list of records in a unit test) is audited over all time. */
const ALL_TIME: AuditPeriod = { from: '0001-01-01', to: '9999-12-31', stated: false };

export function auditPeriod(ds: Dataset): AuditPeriod {
  return ds.meta?.period ? { ...ds.meta.period, stated: true } : ALL_TIME;
}

/** A suffix for the message of a record judged only as history because its duty fell before the period. */
export const beforePeriodNote = (p: AuditPeriod): Bilingual => ({
  zh: `(早于导出期间起始日 ${p.from},作为历史记录)`,
  en: ` (before the exported period began on ${p.from}: history)`,
});

/** The reason a record is not judged because the evidence for its duty lies partly before the period. */
export const partlyBefore = (p: AuditPeriod): Bilingual => ({
  zh: `所核对的期间部分早于导出期间起始日(${p.from}),导出数据可能不完整`,
  en: `the span checked starts before the exported period (${p.from}); the export may not hold all of it`,
});

export const periodText = (p: AuditPeriod): Bilingual => ({ zh: `${p.from} 至 ${p.to}`, en: `${p.from} to ${p.to}` });

/** The reason a record whose deadline runs past the period's end is not judged. */
export const notYetDue = (p: AuditPeriod): Bilingual => ({
  zh: `期限在导出期末(${p.to})尚未届满`,
  en: `the deadline had not passed at the end of the exported period (${p.to})`,
});

/** The remedy of an info finding on history (a record before the rule or before the audited period). */
export const HISTORY_REMEDY: Bilingual = { zh: '无需整改:作为历史记录提示', en: 'no action: shown as history' };

/**
 * Records a rule could not judge, by reason (a deadline still running, a missing field…):
 * one `notReviewed` entry naming each reason with its count.
 */
export class Unjudged {
  private readonly reasons = new Map<string, { n: number; reason: Bilingual }>();

  add(reason: Bilingual, n = 1): void {
    if (n <= 0) return;
    const r = this.reasons.get(reason.en) ?? { n: 0, reason };
    r.n += n;
    this.reasons.set(reason.en, r);
  }

  get count(): number {
    let n = 0;
    for (const r of this.reasons.values()) n += r.n;
    return n;
  }

  result(): Pick<RuleEvaluation, 'notReviewed'> {
    const all = [...this.reasons.values()];
    if (!all.length) return {};
    const one = all.length === 1;
    return {
      notReviewed: {
        count: this.count,
        reason: {
          zh: all.map((r) => (one ? r.reason.zh : `${r.n} 条:${r.reason.zh}`)).join(';'),
          en: all.map((r) => (one ? r.reason.en : `${r.n}: ${r.reason.en}`)).join('; '),
        },
      },
    };
  }
}

/**
 * Findings on an act dated before the audited period (the date the rule gave `makeFinding` as
 * `on`) become history: info, with the note and the history remedy. The act lies outside what
 * the export is audited for, but it is still shown, never dropped.
 */
export function historyBeforePeriod(findings: Finding[], p: AuditPeriod): Finding[] {
  if (!p.stated) return findings;
  const note = beforePeriodNote(p);
  for (const f of findings) {
    const on = findingDate(f);
    if (f.severity === 'info' || !on || on >= p.from) continue;
    f.severity = 'info';
    f.message = { zh: f.message.zh + note.zh, en: f.message.en + note.en };
    f.remedy = HISTORY_REMEDY;
  }
  return findings;
}
