// A Markdown summary an auditor can paste into a ticket: the verdict, each rule's outcome,
// then the findings grouped by rule (and by township and staff member where a rule groups them).
import { Finding } from '../findings/finding';
import { outcomeTally } from '../run/outcome';
import { baselineDiffers, statusCounts, waiverTarget } from '../gate/summary';
import { ComplianceReport, ReportFinding } from './model';
import { escapeMd, mdCode, position } from './escape';

const MAX_PER_RULE = 500;

export function renderMarkdown(report: ComplianceReport): string {
  const s = report.summary;
  const out: string[] = [
    `# 救助合规审计报告 / Compliance report`,
    '',
    `- 导出数据 / export: ${mdCode(report.export.path)} (${escapeMd(String(report.export.meta && (report.export.meta as any).region_name))}, ${escapeMd(Object.entries(report.export.counts).map(([k, v]) => `${k} ${v}`).join(', '))}; 不合契约 rejected ${report.export.rejected})`,
    `- 审计期间 / audited period: ${auditedPeriod(report)}`,
    `- 导出数据未含的集合 / collections the export did not contain: ${report.export.absent_collections.join(', ') || '无 none'}`,
    `- 政策配置 / profile: ${escapeMd(report.profile.name.zh)} ${mdCode(report.profile.id)} (${escapeMd(report.profile.chain.join(' ← '))})`,
    `- 规则集 / rule set: jiuzhu ${escapeMd(report.tool.version)}, digest ${mdCode(report.tool.ruleset.digest)}`,
    `- 未审计的草稿场景 / drafts left out: ${report.drafts.map((d) => `${mdCode(`${d.file}:${d.line}`)} ${escapeMd(d.name)}`).join('; ') || '无 none'}`,
    `- 结论 / verdict: **${s.verdict === 'pass' ? '通过 PASS' : '不通过 FAIL'}** — ${s.findings.error} error, ${s.findings.warning} warning, ${s.findings.info} info (fail on: ${report.options.fail_on})`,
    `- 规则 / rules: ${s.rules.total} (${outcomeTally(s.rules)})`,
    `- 生成时间 / generated: ${report.generated_at}`,
    '',
    '| 规则 rule | 名称 | 结论 outcome | 审查 examined | 发现 findings |',
    '|---|---|---|---:|---:|',
    ...report.rules.map((r) => `| ${r.id} | ${escapeMd(r.title.zh)} | ${r.outcome_name.zh} ${r.outcome}${notJudged(r)} | ${r.counts.examined} | ${r.counts.findings} |`),
    '',
  ];
  const gated = !!report.gate;
  if (report.gate) out.push(...gateSection(report));
  for (const r of report.rules) {
    const fs = report.findings.filter((f) => f.rule === r.id);
    if (!fs.length) continue;
    out.push(`## ${escapeMd(r.id)} ${escapeMd(r.title.zh)}`, '', `${escapeMd(r.title.en)} — ${escapeMd(r.clause)}`, '');
    const groups = groupFindings(fs);
    for (const [heading, items] of groups) {
      if (heading) out.push(`### ${escapeMd(heading)}`, '');
      out.push(`|${gated ? ' 状态 status |' : ''} 严重程度 | 记录 record | 位置 position | 说明 message | 整改 remedy |`, `|${gated ? '---|' : ''}---|---|---|---|---|`);
      for (const f of items.slice(0, MAX_PER_RULE))
        out.push(`|${gated ? ` ${statusCell(f)} |` : ''} ${f.severity} | ${escapeMd(f.record.collection)} ${escapeMd(f.record.id)} | ${escapeMd(position(f))} | ${escapeMd(f.message.zh)} | ${escapeMd(f.remedy?.zh ?? '')} |`);
      if (items.length > MAX_PER_RULE) out.push('', `…另有 ${items.length - MAX_PER_RULE} 项,见 compliance.json / ${items.length - MAX_PER_RULE} more in compliance.json`);
      out.push('');
    }
  }
  return out.join('\n') + '\n';
}

/** A finding's gate status; a waived one names its document and expiry. */
function statusCell(f: ReportFinding): string {
  return f.status === 'waived' && f.waiver ? `waived 已豁免 (${escapeMd(f.waiver.document)}, ${f.waiver.expires})` : (f.status ?? 'new');
}

/** With --baseline or --waivers: the counts by status, what the baseline differs in, resolved findings, expired and stale waivers. */
function gateSection(report: ComplianceReport): string[] {
  const g = report.gate!;
  const c = statusCounts(report);
  const differs = baselineDiffers(g);
  return [
    '## 门禁 / Gate',
    '',
    `- 新 new ${c.new}, 已知 known ${c.known}, 已豁免 waived ${c.waived}; 已解决 resolved ${g.resolved.length} (豁免到期按 waivers judged by ${g.today})`,
    ...(g.baseline ? [`- 基线 / baseline: ${escapeMd(g.baseline.generated_at)}, profile ${mdCode(g.baseline.profile)}, digest ${mdCode(g.baseline.ruleset.digest)}${differs ? ` — 与本次不同 differs: ${escapeMd(differs)}` : ''}`] : []),
    ...g.resolved.map((f) => `- 已解决 resolved: ${escapeMd(f.rule)} ${escapeMd(f.record.collection)} ${escapeMd(f.record.id)} ${mdCode(f.fingerprint)}`),
    ...g.expired_waivers.map((w) => `- 豁免已过期 expired waiver (${w.expires}): ${escapeMd(waiverTarget(w))} — ${escapeMd(w.document)}`),
    ...g.stale_waivers.map((w) => `- 豁免未匹配任何发现 stale waiver: ${escapeMd(waiverTarget(w))} — ${escapeMd(w.document)}`),
    '',
  ];
}

/** What a rule could not judge, in its outcome cell: a partial review never reads as a pass. */
function notJudged(r: ComplianceReport['rules'][number]): string {
  const parts = [r.counts.not_reviewed ? `${r.counts.not_reviewed} 条未审查 not judged` : '', r.reason ? `${escapeMd(r.reason.zh)} / ${escapeMd(r.reason.en)}` : ''];
  return parts.some(Boolean) ? ` — ${parts.filter(Boolean).join(': ')}` : '';
}

/** Findings grouped by township, then staff member, when the rule tags them so; else one group. */
export function groupFindings(findings: Finding[]): [string, Finding[]][] {
  if (!findings.some((f) => f.groups?.township || f.groups?.staff)) return [['', findings]];
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = [f.groups?.township ? `乡镇 township ${f.groups.township}` : null, f.groups?.staff ? `人员 staff ${f.groups.staff}` : null].filter(Boolean).join(' · ');
    (map.get(key) ?? map.set(key, []).get(key)!).push(f);
  }
  return [...map.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** meta.period as the export states it: records and deadlines are judged within it. */
function auditedPeriod(report: ComplianceReport): string {
  const p = (report.export.meta as { period?: { from?: string; to?: string } } | undefined)?.period;
  return p?.from && p?.to ? `${escapeMd(p.from)} 至 ${escapeMd(p.to)} / ${escapeMd(p.from)} to ${escapeMd(p.to)}` : '导出数据未说明 / not stated by the export';
}
