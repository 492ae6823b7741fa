// The one frame every rule is built on. A rule states what it reads and which parameters it
// uses; the frame splits time where those change (Timeline), hands the rule one span at a
// time with typed values, turns what it finds before the rule took effect into history, counts
// what it examined and could not judge, and returns the `Rule` the engine runs.
import { Dataset } from '../../engine/dataset/dataset';
import { Bilingual, Finding } from '../../engine/findings/finding';
import { ParameterValue, ResolvedProfile } from '../../engine/profile/profile';
import { AuditPeriod, auditPeriod, historyBeforePeriod, Unjudged } from '../audit-period';
import { FindingInput, makeFinding, Rule, RuleEvaluation } from '../rule';
import { ParamKey } from './params';
import { Span, Timeline } from './timeline';

/** A finding as a rule states it; `params` defaults to every parameter of the span. */
export type FrameFinding = Omit<FindingInput, 'params'> & { params?: (ParameterValue | undefined)[] };

export interface FrameRuleSpec<K extends ParamKey> extends Omit<Rule, 'parameters' | 'evaluate'> {
  /** The parameters the rule reads, typed from policies/parameters (`as const` not needed). */
  parameters: readonly K[];
  /**
   * Spans before the rule took effect: 'skip' (not judged: the duty did not exist), or judged as
   * history — every finding there becomes info, `note` (if any) appended to its message.
   */
  before: 'skip' | { note?: Bilingual };
  /**
   * A profile that never sets one of the parameters: the rule does not reach that
   * jurisdiction, and the records it would have judged (`count`) are reported not reviewed.
   * Without it such a profile simply yields no span in force.
   */
  unset?: { count(ds: Dataset): number | Promise<number> };
  /** Findings dated (`on`) before the export's meta.period become history (historyBeforePeriod). */
  historyBeforeAuditPeriod?: boolean;
  /** Called once per span in force (and per 'before' span unless `before: 'skip'`), in date order. */
  eachSpan?(span: Span<K>, ctx: FrameContext<K>): Promise<void>;
  /**
   * Called once after the spans: for a rule whose dates come out of its rows (a payment month, a
   * deadline computed per record) — one query, then `ctx.timeline.on(date)` for each row.
   */
  whole?(ctx: FrameContext<K>): Promise<void>;
}

/** What a rule's code sees while it runs: the data, the time split, and the tallies it feeds. */
export class FrameContext<K extends ParamKey> {
  readonly findings: Finding[] = [];
  /** Records the rule could not judge, by reason (counted out of `examined`). */
  readonly unjudged = new Unjudged();
  private reached = 0;

  constructor(
    private readonly rule: FrameRuleSpec<K>,
    readonly ds: Dataset,
    readonly profile: ResolvedProfile,
    readonly timeline: Timeline<K>,
    /** The export's meta.period (all time when it states none). */
    readonly audit: AuditPeriod = auditPeriod(ds),
  ) {}

  /** `n` more records in the rule's reach (those it could not judge are subtracted at the end). */
  examine(n: number): void {
    this.reached += n;
  }

  /** Counts `SELECT count(*) FROM <from> WHERE <where>` as examined, and returns it. */
  async examineWhere(from: string, where = 'TRUE'): Promise<number> {
    const [{ n }] = await this.ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${from} WHERE ${where}`);
    this.examine(n);
    return n;
  }

  /** A record the rule could not judge, with the reason (one notReviewed entry per reason). */
  notJudged(reason: Bilingual, n = 1): void {
    this.unjudged.add(reason, n);
  }

  /**
   * Records a finding judged in `span` (the span its date falls in). In a 'before' span it is
   * history: info, with the rule's history note.
   */
  find(span: Span<K> | undefined, f: FrameFinding): Finding {
    const history = span?.history ?? false;
    const note = history && this.rule.before !== 'skip' ? this.rule.before.note : undefined;
    const finding = makeFinding(this.rule, {
      ...f,
      severity: history ? 'info' : f.severity,
      message: note ? { zh: f.message.zh + note.zh, en: f.message.en + note.en } : f.message,
      params: f.params ?? span?.params(this.rule.parameters) ?? [],
    });
    this.findings.push(finding);
    return finding;
  }

  result(): RuleEvaluation {
    const findings = this.rule.historyBeforeAuditPeriod ? historyBeforePeriod(this.findings, this.audit) : this.findings;
    return { findings, examined: this.reached - this.unjudged.count, ...this.unjudged.result() };
  }
}

/** The reason a rule whose parameters the profile never sets is not reviewed. */
export function notConfiguredReason(profile: ResolvedProfile, missing: string[]): Bilingual {
  return {
    zh: `政策配置「${profile.id}」未设定 ${missing.join('、')},本规则不适用于该地(请选用设定了这些参数的地方配置)`,
    en: `profile "${profile.id}" sets no ${missing.join(', ')}; choose a local profile that does`,
  };
}

/** Builds the `Rule` the engine runs from what the rule states and does per span. */
export function frameRule<K extends ParamKey>(spec: FrameRuleSpec<K>): Rule {
  const { eachSpan, whole, unset, before, historyBeforeAuditPeriod, ...rule } = spec;
  void before, historyBeforeAuditPeriod;
  return {
    ...rule,
    parameters: [...spec.parameters],
    async evaluate(ds, profile) {
      const timeline = new Timeline(profile, spec.parameters);
      const missing = timeline.unset();
      if (unset && missing.length) return { findings: [], examined: 0, notReviewed: { count: await unset.count(ds), reason: notConfiguredReason(profile, missing) } };
      // The context makes findings under the rule's own id and clause (`spec`).
      const ctx = new FrameContext<K>(spec, ds, profile, timeline);
      for (const span of timeline.spans) {
        if (!eachSpan || span.status === 'off' || (span.status === 'before' && spec.before === 'skip')) continue;
        await eachSpan(span, ctx);
      }
      if (whole) await whole(ctx);
      return ctx.result();
    },
  };
}
