// `jiuzhu explain <export> <record-id>`: for one household, application, case (any record),
// every rule that looked at it, its verdict, the clause, and the parameter values in force on
// the record's own date with their sources. It runs the very audit (`auditDataset`), then
// selects the findings whose record or related records are that id, so what it explains is
// exactly what the audit reported (DESIGN "Trace one decision").
import { useFingerprintKey } from '../fingerprint-key';
import { COLLECTIONS, COLLECTION_NAMES, CollectionName } from '../../../schemas/case-export';
import { sqlString } from '../../dataset/sql';
import { LoadedExport } from '../../load/loader';
import { Bilingual, Finding, SEVERITY_RANK, Severity, UsedParameter, usedParameter } from '../../findings/finding';
import { FINDING_SHAPE, maskReport, Shape } from '../../findings/masking';
import { maskText } from '../../findings/personal-data';
import { ResolvedProfile } from '../../profile/profile';
import { OUTCOME_NAMES, RuleResult } from '../../run/outcome';
import { JiuzhuError, EXIT } from '../../errors';
import { list } from '../options';
import { citeRule, Rule, ruleTitle } from '../../../policies/rule';

/** How one rule stands towards the record. */
export type Verdict =
  | 'finding' // the audit reported something on this record (or naming it as related)
  | 'no_finding' // the rule reads this kind of record, was in force on its date, and found nothing
  | 'not_in_force' // the rule reads this kind of record, but no value of its parameters holds on the record's date
  | 'partially_reviewed' // the rule reads this kind of record, found nothing on it, but could not judge some records: maybe this one
  | 'not_reviewed' // the export lacks what the rule needs
  | 'outside_reach'; // the rule does not read this kind of record

export const VERDICT_NAMES: Record<Verdict, Bilingual> = {
  finding: { zh: '有发现', en: 'finding' },
  no_finding: { zh: '已审查,未发现问题', en: 'reviewed, nothing found' },
  not_in_force: { zh: '记录日期规则未生效或本配置未规定', en: 'not in force on the record’s date, or not set by the profile' },
  partially_reviewed: { zh: '未发现问题,但规则有记录未能审查,本记录可能在其中', en: 'nothing found, but the rule could not judge some records; this one may be among them' },
  not_reviewed: { zh: '未审查(导出数据缺少所需内容)', en: 'not reviewed (the export lacks what the rule needs)' },
  outside_reach: { zh: '不在规则范围内', en: 'outside the rule’s reach' },
};

export interface RuleExplanation {
  rule: string;
  title: Bilingual;
  clause: string;
  clauseTag: string;
  verdict: Verdict;
  /** The worst severity among the findings, when there are any. */
  severity?: Severity;
  outcome: RuleResult['outcome'];
  findings: Finding[];
  /** Why the rule did not review it, when it did not. */
  reason?: Bilingual;
  /** Values in force on the record's date (inherited or set by the profile), with their sources. */
  parameters: UsedParameter[];
  /** Keys the rule reads that have no value on that date. */
  missingParameters: string[];
  /** Records the rule could not judge in this export, and why (the rule's, not this record's). */
  notReviewed?: { count: number; reason?: Bilingual };
}

export interface Explanation {
  record: { collection: CollectionName; id: string; date: string; dateField: string; line?: number; index?: number; file?: string };
  profile: { id: string; chain: string[] };
  rules: RuleExplanation[];
}

// The date a record is judged by (the effective-date principle): the decision, posting, offence… date.
const DATE_OF: Partial<Record<CollectionName, string[]>> = {
  applications: ['decision.decided_on', 'accepted_on', 'applied_on'],
  notices: ['posted_on'],
  relative_filings: ['filed_on'],
  payments: ['paid_on'],
  deaths: ['died_on'],
  fraud_cases: ['decision.decided_on', 'found_on'],
  accountability_cases: ['occurred_on'],
  warnings: ['raised_on'],
  oversight: ['done_on'],
  staff: ['active_from'],
};

// Collections a rule "reads" beyond its needs: a household is reached by every rule over its applications.
const REACHES: Partial<Record<CollectionName, CollectionName[]>> = { households: ['households', 'applications'] };


/** Finds the record by id in whichever collection holds it (households first, then applications, cases…). */
export async function findRecord(loaded: LoadedExport, id: string, collection?: CollectionName): Promise<{ collection: CollectionName; row: Record<string, any> }> {
  const order: CollectionName[] = collection ? [collection] : ['households', 'applications', 'accountability_cases', 'fraud_cases', ...COLLECTION_NAMES];
  const hits: { collection: CollectionName; row: Record<string, any> }[] = [];
  for (const c of [...new Set(order)]) {
    if (!loaded.dataset.has(c)) continue;
    const rows = await loaded.dataset.all(`SELECT * FROM ${c} WHERE ${COLLECTIONS[c].key} = ${sqlString(id)} LIMIT 1`);
    if (rows.length) hits.push({ collection: c, row: rows[0] });
  }
  const rejected = loaded.rejected.find((r) => r.id === id && (!collection || r.collection === collection));
  if (!hits.length && rejected) {
    const at = `${rejected.file}${rejected.line !== undefined ? `:${rejected.line}` : `[${rejected.index}]`}`;
    throw new JiuzhuError(`编号为 ${id} 的记录因不符合契约被剔除(${at}),未参加审计`, `the record with id ${id} was rejected as not conforming to the contract (${at}) and was not audited`);
  }
  if (!hits.length)
    throw new JiuzhuError(`导出数据中没有编号为 ${maskText(id)} 的记录(家庭、申请、案件等)`, `the export holds no record with id ${maskText(id)} (household, application, case…)`);
  if (hits.length > 1 && !collection)
    throw new JiuzhuError(
      `编号 ${maskText(id)} 同时出现在 ${hits.map((h) => h.collection).join('、')} 中,请用 --collection 指明`,
      `id ${maskText(id)} is in ${hits.map((h) => h.collection).join(', ')}; say which with --collection`,
    );
  return hits[0];
}

function recordDate(loaded: LoadedExport, collection: CollectionName, row: Record<string, any>): { date: string; field: string } {
  for (const path of DATE_OF[collection] ?? []) {
    const v = path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), row);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return { date: v.slice(0, 10), field: path };
  }
  // A household has no date of its own: it is judged as of the end of the export period.
  return { date: loaded.meta.period.to, field: 'meta.period.to' };
}

const involves = (f: Finding, id: string) => f.record.id === id || f.related.some((r) => r.id === id);

function worst(findings: Finding[]): Severity | undefined {
  return findings.reduce<Severity | undefined>((w, f) => (!w || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), undefined);
}

export function explainResults(results: RuleResult[], profile: ResolvedProfile, record: Explanation['record']): Explanation {
  const reach = REACHES[record.collection] ?? [record.collection];
  const rules = results.map((result): RuleExplanation => {
    const rule: Rule = result.rule;
    const findings = result.findings.filter((f) => involves(f, record.id));
    const values = rule.parameters.map((k) => ({ key: k, value: profile.at(k, record.date) }));
    const parameters = values.filter((v) => v.value).map((v) => usedParameter(v.value!));
    const missingParameters = values.filter((v) => !v.value).map((v) => v.key);
    const reads = rule.needs.length === 0 || rule.needs.some((c) => reach.includes(c));
    // Left out of this rule's run because it depends on a rejected record (engine/run/dependents).
    const line = record.line ?? (record.index !== undefined ? record.index + 1 : undefined);
    const leftOut = !!result.notReviewedRecords?.some((r) => r.collection === record.collection && r.line === line);
    const verdict: Verdict = findings.length
      ? 'finding'
      : leftOut || (result.outcome === 'not_reviewed' && reads)
        ? 'not_reviewed'
        : !reads
          ? 'outside_reach'
          : missingParameters.length
            ? 'not_in_force'
            : result.counts.not_reviewed > 0
              ? 'partially_reviewed'
              : 'no_finding';
    return {
      rule: rule.id,
      title: ruleTitle(rule, profile, { from: record.date, to: record.date }),
      clause: citeRule(rule, profile, record.date),
      clauseTag: rule.clause.tag,
      verdict,
      ...(findings.length ? { severity: worst(findings) } : {}),
      outcome: result.outcome,
      findings,
      ...(verdict === 'not_reviewed' && result.reason ? { reason: result.reason } : {}),
      parameters,
      missingParameters,
      ...(result.counts.not_reviewed > 0 || result.outcome === 'not_reviewed' ? { notReviewed: { count: result.counts.not_reviewed, ...(result.reason ? { reason: result.reason } : {}) } } : {}),
    };
  });
  return { record, profile: { id: profile.id, chain: profile.info.chain }, rules };
}

/** `results`: the audit of this export under this profile when the caller has run it already (tests); else it is run here. */
export async function explainRecord(loaded: LoadedExport, profile: ResolvedProfile, id: string, opts: { ruleIds?: string[]; collection?: CollectionName; results?: RuleResult[] } = {}): Promise<Explanation> {
  const { auditDataset } = await import('../../run/audit');
  const { collection, row } = await findRecord(loaded, id, opts.collection);
  const { date, field } = recordDate(loaded, collection, row);
  const ref = loaded.dataset.locate(collection, id, row._line);
  const results = opts.results ?? (await auditDataset(loaded, profile, opts.ruleIds));
  return explainResults(results, profile, { collection, id, date, dateField: field, ...(ref.file ? { file: ref.file } : {}), ...(ref.line !== undefined ? { line: ref.line } : {}), ...(ref.index !== undefined ? { index: ref.index } : {}) });
}

// The record's id is masked when it is a personal value (a death's resident ID); its file and line still locate it.
const EXPLANATION_SHAPE: Shape = {
  fields: { record: 'ref', profile: 'keep', rules: { each: { fields: { findings: { each: FINDING_SHAPE } }, rest: 'keep' } } },
  rest: 'keep',
};

const short = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
};

/** Text for people: rules with findings first, then reviewed, then the rest. */
export function renderExplanation(e: Explanation, all = false): string {
  const rank: Record<Verdict, number> = { finding: 0, no_finding: 1, partially_reviewed: 2, not_in_force: 3, not_reviewed: 4, outside_reach: 5 };
  const rules = [...e.rules].filter((r) => all || r.verdict !== 'outside_reach').sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.rule.localeCompare(b.rule));
  const where = e.record.line !== undefined ? `:${e.record.line}` : e.record.index !== undefined ? `[${e.record.index}]` : '';
  const lines = [
    `记录 record: ${e.record.collection} ${e.record.id}${where}`,
    `判断日期 judged as of: ${e.record.date} (${e.record.dateField})`,
    `政策配置 profile: ${e.profile.chain.join(' ← ')}`,
    '',
  ];
  for (const r of rules) {
    const v = VERDICT_NAMES[r.verdict];
    lines.push(`${r.rule} ${r.title.zh}`);
    lines.push(`  结论 verdict: ${v.zh} / ${v.en}${r.severity ? ` (${r.severity})` : ''}`);
    lines.push(`  条款 clause: ${r.clause} @clause:${r.clauseTag}`);
    if (r.reason) lines.push(`  原因 reason: ${r.reason.zh} / ${r.reason.en}`);
    if (r.notReviewed) {
      const n = r.notReviewed.count ? `${r.notReviewed.count} 条未能审查 / ${r.notReviewed.count} records not judged` : '规则未运行 / the rule did not run';
      lines.push(`  规则结论 rule outcome: ${OUTCOME_NAMES[r.outcome].zh} / ${OUTCOME_NAMES[r.outcome].en} — ${n}${r.notReviewed.reason ? `: ${r.notReviewed.reason.zh} / ${r.notReviewed.reason.en}` : ''}`);
    }
    for (const f of r.findings) {
      const self = f.record.id === e.record.id ? '' : ` [${f.record.collection} ${f.record.id}]`;
      lines.push(`  - [${f.severity}]${self} ${f.message.zh}`);
      lines.push(`    ${f.message.en}`);
      lines.push(`    应为 expected: ${short(f.expected)}; 实际 actual: ${short(f.actual)}`);
      if (f.remedy) lines.push(`    整改 remedy: ${f.remedy.zh} / ${f.remedy.en}`);
    }
    for (const p of r.parameters) lines.push(`  参数 ${p.key}<${p.from}> = ${short(p.value)} (${p.source}; ${p.inherited ? `继承自 inherited from ${p.profile}` : `由 set by ${p.profile}`})`);
    for (const k of r.missingParameters) lines.push(`  参数 ${k}: 该日期无取值 / no value on that date`);
    lines.push('');
  }
  const hidden = e.rules.length - rules.length;
  if (hidden) lines.push(`另有 ${hidden} 条规则不涉及此类记录(--all 显示) / ${hidden} more rules do not read this kind of record (--all shows them)`);
  return lines.join('\n') + '\n';
}

export interface ExplainOptions {
  profile?: string;
  rules?: string;
  collection?: string;
  json?: boolean;
  all?: boolean;
  showPersonalData?: boolean;
  fingerprintKeyFile?: string;
}

export async function explain(exportPath: string, recordId: string, opts: ExplainOptions): Promise<number> {
  await useFingerprintKey(opts.fingerprintKeyFile);
  const { loadExport } = await import('../../load/loader');
  const { RULES_BY_ID } = await import('../../../policies/rules');
  const ruleIds = opts.rules !== undefined ? list('--rules')(opts.rules) : undefined;
  for (const id of ruleIds ?? [])
    if (!RULES_BY_ID.has(id)) throw new JiuzhuError(`未知规则 ${id}`, `unknown rule ${id}`);
  if (opts.collection !== undefined && !(COLLECTION_NAMES as string[]).includes(opts.collection))
    throw new JiuzhuError(`未知数据集合 ${opts.collection}(可用: ${COLLECTION_NAMES.join(', ')})`, `unknown collection ${opts.collection}`);
  const loaded = await loadExport(exportPath, { allowEmpty: true });
  try {
    process.stdout.write(explanationOutput(await shownExplanation(loaded, recordId, { ...opts, ruleIds }), opts));
    return EXIT.clean;
  } finally {
    loaded.dataset.close();
  }
}

/** The explanation of a record of a loaded export as `explain` shows it: masked unless asked. */
export async function shownExplanation(loaded: LoadedExport, recordId: string, opts: Pick<ExplainOptions, 'profile' | 'collection' | 'showPersonalData'> & { ruleIds?: string[]; results?: RuleResult[] }): Promise<Explanation> {
  const { loadProfile } = await import('../../profile/load');
  const profile = loadProfile(opts.profile ?? loaded.meta.jurisdiction ?? 'national');
  const e = await explainRecord(loaded, profile, recordId, { ruleIds: opts.ruleIds, collection: opts.collection as CollectionName | undefined, results: opts.results });
  return maskReport(e, EXPLANATION_SHAPE, loaded, !!opts.showPersonalData);
}

/** What `explain` prints of an explanation: JSON (--json), or text for people. */
export const explanationOutput = (shown: Explanation, opts: Pick<ExplainOptions, 'json' | 'all'>): string =>
  opts.json ? JSON.stringify(shown, null, 2) + '\n' : renderExplanation(shown, !!opts.all);
