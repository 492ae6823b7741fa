// The World of a scenario: the policy in force, the records a spec scenario builds, and the
// export a fixture scenario audits. Steps stay one-liners over these methods.
import { After, Before, ITestCaseHookParameter, setDefaultTimeout, setWorldConstructor, World } from '@cucumber/cucumber';
import path from 'node:path';
import { CollectionName } from '../schemas/case-export';
import { loadRecords } from '../engine/load/from-records';
import { loadExport, LoadedExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { ResolvedProfile } from '../engine/profile/profile';
import { auditRule } from '../engine/run/audit';
import { RuleResult } from '../engine/run/outcome';
import { currentSession, runInSession } from '../engine/run/session';
import { RULE_TAG, ruleById } from '../policies/rules';
import { PACKAGE_ROOT } from '../engine/root';

export const REPO_ROOT = PACKAGE_ROOT;
const fixtures = new Map<string, Promise<LoadedExport>>();

export class JiuzhuWorld extends World {
  profileName = 'national';
  /** Rule ids named by the scenario's tags (feature tags included). */
  ruleIds: string[] = [];
  records: Partial<Record<CollectionName, any[]>> = {};
  /** The export's `meta.period` a spec scenario set ("导出数据的期间为 …"); else the spec default. */
  period?: { from: string; to: string };
  /** Free-form state a family's spec steps build up (the applicant, the notice being written…). */
  scene: Record<string, any> = {};
  private specExport?: LoadedExport;
  private fixtureExport?: Promise<LoadedExport>;

  /** A local change a spec scenario made to one parameter ("本地配置不要求回避"). */
  private changedProfile?: ResolvedProfile;

  get profile(): ResolvedProfile {
    return this.changedProfile ?? loadProfile(this.profileName);
  }

  usePolicy(name: string): void {
    this.profileName = name;
    this.changedProfile = undefined;
    void this.profile; // an unknown profile fails here, at the sentence that names it
  }

  changeParameter(key: string, change: (value: any) => unknown, note: string): void {
    this.changedProfile = this.profile.withChange(key, change, note);
    this.forgetSpecExport();
  }

  setParameter(key: string, value: unknown, from: string, note: string): void {
    this.changedProfile = this.profile.withValue(key, value, from, note);
    this.forgetSpecExport();
  }

  add(collection: CollectionName, record: any): any {
    (this.records[collection] ??= []).push(record);
    this.forgetSpecExport();
    return record;
  }

  setPeriod(from: string, to: string): void {
    this.period = { from, to };
    this.forgetSpecExport();
  }

  /** Judges the records this scenario built with one rule (spec scenarios). */
  async judge(ruleId = this.onlyRule()): Promise<RuleResult> {
    const period = this.period ?? spannedPeriod(this.records);
    this.specExport ??= await loadRecords(this.records, period ? { period } : {});
    return auditRule(this.specExport, this.profile, ruleById(ruleId));
  }

  useFixture(relative: string): void {
    const file = path.resolve(REPO_ROOT, relative);
    if (!fixtures.has(file)) fixtures.set(file, loadExport(file, { allowEmpty: true }));
    this.fixtureExport = fixtures.get(file);
  }

  /** The rule over the export under audit: this scenario's fixture, or the CLI's session. */
  async audit(ruleId: string): Promise<RuleResult> {
    if (this.fixtureExport) return auditRule(await this.fixtureExport, this.profile, ruleById(ruleId));
    const session = currentSession();
    if (!session) throw new Error('没有待审计的数据:请用 `jiuzhu audit <导出数据>` 运行审计场景 / no export under audit: run @audit scenarios through `jiuzhu audit <export>`');
    return runInSession(session, ruleId);
  }

  onlyRule(): string {
    if (this.ruleIds.length !== 1) throw new Error(`场景应恰好标注一条规则,实际为 ${this.ruleIds.join(', ') || '无'} / tag the scenario with exactly one rule id`);
    return this.ruleIds[0];
  }

  forgetSpecExport(): void {
    this.specExport?.dataset.close();
    this.specExport = undefined;
  }
}

/**
 * A spec scenario that states no period exports the calendar years its records start in, up to
 * their last date, so a deadline after that date is still running at the export's end.
 */
function spannedPeriod(records: JiuzhuWorld['records']): { from: string; to: string } | undefined {
  const dates: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) dates.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(records);
  if (!dates.length) return undefined;
  dates.sort();
  return { from: `${dates[0].slice(0, 4)}-01-01`, to: dates[dates.length - 1] };
}

setWorldConstructor(JiuzhuWorld);
// Speed is measured in the benchmark, not asserted by a step: Cucumber's 5 s default fails
// a verdict step on a busy machine (as mocha's timeout in .mocharc.json, 60 s).
setDefaultTimeout(60_000);

Before(function (this: JiuzhuWorld, { pickle }: ITestCaseHookParameter) {
  this.ruleIds = [...new Set(pickle.tags.map((t) => RULE_TAG.exec(t.name)?.[1]).filter((x): x is string => !!x))];
});

After(function (this: JiuzhuWorld) {
  this.forgetSpecExport();
});
