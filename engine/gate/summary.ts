// The gate's lines on stdout after an audit: how many findings are new, known and waived, what
// the baseline resolved, which waivers expired or matched nothing, and how the baseline differs.
import type { ComplianceReport } from '../report/model';
import type { AppliedWaiver, GateSection } from './gate';

export function statusCounts(report: ComplianceReport): Record<'new' | 'known' | 'waived', number> {
  const c = { new: 0, known: 0, waived: 0 };
  for (const f of report.findings) c[f.status ?? 'new']++;
  return c;
}

export const waiverTarget = (w: AppliedWaiver) => `${w.rule} ${w.fingerprint ?? `${w.record?.collection} ${w.record?.id}`}`;

/** What differs between the baseline and this run, in one bilingual phrase; '' when nothing does. */
export function baselineDiffers(gate: GateSection): string {
  const d = gate.baseline?.differs ?? [];
  const name = { profile: '政策配置 profile', 'ruleset.version': '规则集版本 rule-set version', 'ruleset.digest': '规则集摘要 rule-set digest' };
  return d.map((x) => `${name[x.key]} ${x.baseline} → ${x.current}`).join('; ');
}

export function gateSummary(report: ComplianceReport): string {
  const g = report.gate!;
  const c = statusCounts(report);
  const lines = [`门禁 gate: 新 new ${c.new}, 已知 known ${c.known}, 已豁免 waived ${c.waived}; 已解决 resolved ${g.resolved.length}`];
  const differs = baselineDiffers(g);
  if (differs) lines.push(`基线与本次不同 baseline differs from this run: ${differs}`);
  for (const w of g.expired_waivers) lines.push(`豁免已过期 waiver expired ${w.expires} (今天 today ${g.today}): ${waiverTarget(w)} — ${w.document}`);
  for (const w of g.stale_waivers) lines.push(`豁免未匹配任何发现 stale waiver: ${waiverTarget(w)} — ${w.document}`);
  return lines.map((l) => `${l}\n`).join('');
}
