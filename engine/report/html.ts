// A single-file HTML report a person reads and prints: the overview first (verdict, where the
// problems are, omissions apart from wrong inclusions), then one section per rule that has
// something to show. No script and nothing from outside: a Content-Security-Policy in the page
// allows only its own stylesheet, and every string from the export is escaped.
import { createHash } from 'node:crypto';
import { Finding, Severity } from '../findings/finding';
import { baselineDiffers, waiverTarget } from '../gate/summary';
import { escapeXml as esc, position } from './escape';
import { Bar, barChart, topBars } from './html-chart';
import { evidence, fenToYuan, valuesInForce } from './html-evidence';
import { STYLE } from './html-style';
import { bi, both } from './html-text';
import { familyLabel, fieldLabel } from './labels';
import { groupFindings } from './markdown';
import { ComplianceReport, ReportFinding } from './model';

/** Finding cards per rule; the rest are counted and left to compliance.json, as in Markdown. */
export const MAX_FINDINGS_PER_RULE = 500;

type RuleRow = ComplianceReport['rules'][number];

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_NAMES: Record<Severity, [string, string]> = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'] };
const sevName = (s: Severity) => both(...SEVERITY_NAMES[s]);

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
// Meta-tag CSP: only the stylesheet above (by hash), no script of any kind, nothing fetched.
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

// Anchors come in pairs: `#rule-X` keeps the page Chinese, `#en-rule-X` keeps it English.
const anchor = (id: string) => `rule-${id}`;
const ruleLink = (id: string, zh: string, en: string) =>
  `<a class="zh" href="#${esc(anchor(id))}">${zh}</a><a class="en" lang="en" href="#en-${esc(anchor(id))}">${en}</a>`;

const direction = (f: Finding) => f.groups?.direction;

// A partial review: some records judged, some not (whatever the outcome is named).
const partial = (r: RuleRow) => r.counts.not_reviewed > 0 || (!!r.reason && r.counts.examined > 0);
// Not reviewed at all: the export lacks what the rule needs; the reason is shown in the table.
const unreviewed = (r: RuleRow) => !!r.reason && r.counts.examined === 0 && r.counts.not_reviewed === 0 && r.counts.findings === 0;

/** Findings at warning or above, then partial reviews, come before the rest. */
function attentionRank(r: RuleRow): number {
  if (r.counts.error + r.counts.warning > 0) return 0;
  if (partial(r)) return 1;
  if (r.counts.findings > 0) return 2;
  if (unreviewed(r)) return 3;
  return r.outcome === 'passed' ? 4 : 5;
}

const hasSection = (r: RuleRow) => r.counts.findings > 0 || partial(r);

function tally(findings: Finding[], key: (f: Finding) => string | undefined): Map<string, Record<Severity, number>> {
  const m = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const k = key(f);
    if (k === undefined) continue;
    const c = m.get(k) ?? m.set(k, { error: 0, warning: 0, info: 0 }).get(k)!;
    c[f.severity]++;
  }
  return m;
}

function runningHeader(report: ComplianceReport, meta: Meta): string {
  return `<div class="running">${[
    `${both('地区', 'Region')}: ${esc(meta.region_name ?? '—')}${meta.region_code ? ` (${esc(meta.region_code)})` : ''}`,
    `${both('期间', 'Period')}: ${esc(meta.period ? `${meta.period.from} – ${meta.period.to}` : '—')}`,
    `${both('政策配置', 'Profile')}: ${esc(report.profile.id)}`,
    `${both('规则集', 'Rule set')}: <span class="mono">${esc(report.tool.ruleset.digest)}</span>`,
    `${both('生成', 'Generated')}: ${esc(report.generated_at)}`,
  ]
    .map((s) => `<span>${s}</span>`)
    .join('')}</div>`;
}

interface Meta {
  region_name?: string;
  region_code?: string;
  period?: { from: string; to: string };
  source_system?: string;
}

function facts(report: ComplianceReport, meta: Meta): string {
  const counts = Object.entries(report.export.counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${bi(fieldLabel(c))} ${n}`)
    .join(' · ');
  const rows: [string, string][] = [
    [both('地区', 'Region'), `${esc(meta.region_name ?? '—')}${meta.region_code ? ` <code>${esc(meta.region_code)}</code>` : ''}`],
    [both('审计期间', 'Period audited'), esc(meta.period ? `${meta.period.from} – ${meta.period.to}` : '—')],
    [both('政策配置', 'Profile'), `${bi(report.profile.name)} <code>${esc(report.profile.chain.join(' ← '))}</code>`],
    [both('规则集', 'Rule set'), `jiuzhu ${esc(report.tool.version)}, ${both(`${report.tool.ruleset.features} 个规则文件`, `${report.tool.ruleset.features} feature files`)}, ${both('摘要', 'digest')} <code>${esc(report.tool.ruleset.digest)}</code>`],
    [both('未审计的草稿场景', 'Drafts left out'), report.drafts.map((d) => `<code>${esc(`${d.file}:${d.line}`)}</code> ${esc(d.name)}`).join(' · ') || both('无', 'none')],
    [both('导出数据', 'Export'), `<code>${esc(report.export.path)}</code>${meta.source_system ? ` · ${esc(meta.source_system)}` : ''}`],
    [both('记录数', 'Records'), `${counts || '—'} · ${both('不合契约的记录', 'rejected by the contract')} ${report.export.rejected}`],
    [both('生成时间', 'Generated'), esc(report.generated_at)],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function verdict(report: ComplianceReport): string {
  const s = report.summary;
  const f = s.findings;
  const failOn = report.options.fail_on;
  return `<div class="verdict ${s.verdict === 'pass' ? 'pass' : 'fail'}"><strong>${s.verdict === 'pass' ? both('结论:通过', 'Verdict: PASS') : both('结论:不通过', 'Verdict: FAIL')}</strong>
<span>${SEVERITIES.map((sev) => `${f[sev]} ${sevName(sev)}`).join(' · ')}</span>
<span class="muted">${failOn === 'never' ? both('不以发现判定不通过(--fail-on never)', 'no finding fails the run (--fail-on never)') : both(`达到“${SEVERITY_NAMES[failOn as Severity]?.[0] ?? failOn}”及以上的发现 ${f.at_or_above_fail_on} 项`, `${f.at_or_above_fail_on} at or above ${failOn}`)}</span>
${report.options.show_personal_data ? `<span class="personal">${both('本报告含未遮盖的个人信息', 'this report shows personal data unmasked')}</span>` : ''}</div>`;
}

function attention(rules: RuleRow[]): string {
  const needing = rules.filter((r) => attentionRank(r) <= 1);
  const notRun = rules.filter(unreviewed).map((r) => `<span class="rule-id">${esc(r.id)}</span>`);
  const none = notRun.length
    ? `<p>${both(`${notRun.length} 条规则未审查(导出数据缺少其所需的数据,原因见“规则一览”):`, `${notRun.length} rules not reviewed (the export lacks what they need; see “All rules”): `)}${notRun.join(' ')}</p>`
    : '';
  if (!needing.length) return `<h2>${both('需要关注的规则', 'Rules that need attention')}</h2><p>${both('没有规则发现警告以上的问题或留下未审查的记录。', 'No rule found a problem at warning or above or left a record unreviewed.')}</p>${none}`;
  return `<h2>${both('需要关注的规则', 'Rules that need attention')}</h2><ul class="attention">${needing
    .map((r) => {
      const n = `${r.counts.findings ? ` · ${r.counts.findings} ${both('项发现', 'findings')}` : ''}${r.counts.not_reviewed ? ` · ${r.counts.not_reviewed} ${both('条未审查', 'not reviewed')}` : ''}`;
      return `<li>${ruleLink(r.id, `<span class="rule-id">${esc(r.id)}</span> <span class="outcome outcome-${esc(r.outcome)}">${esc(r.outcome_name.zh)}</span>${n}`, `<span class="rule-id">${esc(r.id)}</span> <span class="outcome outcome-${esc(r.outcome)}">${esc(r.outcome_name.en)}</span>${n}`)}</li>`;
    })
    .join('')}</ul>${none}`;
}

function directions(report: ComplianceReport): string {
  const card = (cls: string, title: string, findings: Finding[]) => {
    const byRule = [...tally(findings, (f) => f.rule).entries()];
    const list = byRule.length ? `<ul>${byRule.map(([id, c]) => `<li>${ruleLink(id, esc(id), esc(id))}: ${c.error + c.warning + c.info}</li>`).join('')}</ul>` : '';
    return `<div class="card ${cls}">${title}<div class="big">${findings.length}</div>${list}</div>`;
  };
  const omissions = report.findings.filter((f) => direction(f) === 'omission');
  const inclusions = report.findings.filter((f) => direction(f) === 'inclusion');
  const others = report.findings.length - omissions.length - inclusions.length;
  return `<h2>${both('漏保与错保', 'Omissions and wrong inclusions')}</h2>
<div class="cards">${card('omission', both('漏保:符合条件却未纳入或被退出', 'Omissions: eligible, yet refused or exited'), omissions)}${card('inclusion', both('错保:不符合条件却纳入保障', 'Wrong inclusions: ineligible, yet covered'), inclusions)}<div class="card other">${both('其他发现(程序、公示、比对、处理等)', 'Other findings (procedure, notices, cross-checks, penalties)')}<div class="big">${others}</div></div></div>`;
}

function familyTable(report: ComplianceReport): string {
  const familyOf = new Map(report.rules.map((r) => [r.id, r.family]));
  const byFamily = tally(report.findings, (f) => familyOf.get(f.rule) ?? '');
  const families = [...new Set(report.rules.map((r) => r.family))];
  const rows = families.map((fam) => {
    const c = byFamily.get(fam) ?? { error: 0, warning: 0, info: 0 };
    const rules = report.rules.filter((r) => r.family === fam);
    return `<tr><td>${bi(familyLabel(fam))}</td><td class="n">${rules.length}</td>${SEVERITIES.map((s) => `<td class="n">${c[s]}</td>`).join('')}<td class="n">${c.error + c.warning + c.info}</td></tr>`;
  });
  return `<div class="scroll"><table class="grid families"><thead><tr><th>${both('规则类别', 'Family')}</th><th class="n">${both('规则', 'rules')}</th>${SEVERITIES.map((s) => `<th class="n">${sevName(s)}</th>`).join('')}<th class="n">${both('合计', 'total')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function charts(report: ComplianceReport): string {
  const figure = (zh: string, en: string, bars: Bar[], note = '') =>
    `<figure>${`<figcaption>${both(zh, en)}</figcaption>`}${barChart(topBars(bars, '其他 others'), `${zh} / ${en}`)}${note}</figure>`;
  const toBars = (m: Map<string, Record<Severity, number>>, href?: (k: string) => [string, string]): Bar[] => [...m].map(([label, counts]) => ({ label, counts, ...(href ? { href: href(label) } : {}) }));
  const legend = `<p class="legend">${SEVERITIES.map((s) => `<span class="key ${s}"></span>${sevName(s)}`).join('')}</p>`;
  const total = report.findings.length;
  if (!total) return '';
  const townships = tally(report.findings, (f) => f.groups?.township);
  const staff = tally(report.findings, (f) => f.groups?.staff);
  const carried = (m: Map<string, Record<Severity, number>>) => [...m.values()].reduce((n, c) => n + c.error + c.warning + c.info, 0);
  const out: string[] = [];
  if (townships.size) {
    const n = carried(townships);
    out.push(figure('各乡镇(街道)的发现', 'Findings per township', toBars(townships), `<p><small>${both(`${total} 项发现中 ${n} 项标明了乡镇`, `${n} of ${total} findings name a township`)}</small></p>`));
  }
  if (staff.size) {
    const n = carried(staff);
    out.push(figure('各经办人员的发现', 'Findings per staff member', toBars(staff), `<p><small>${both(`${total} 项发现中 ${n} 项标明了人员`, `${n} of ${total} findings name a staff member`)}</small></p>`));
  }
  out.push(figure('各规则的发现', 'Findings per rule', toBars(tally(report.findings, (f) => f.rule), (id) => [`#${anchor(id)}`, `#en-${anchor(id)}`])));
  const missing = townships.size ? '' : `<p><small>${both('本次没有规则按乡镇归组其发现,故按规则显示。', 'No rule in this run groups its findings by township, so they are shown per rule.')}</small></p>`;
  return `<h2>${both('问题在哪里', 'Where the problems are')}</h2>${legend}${missing}<div class="charts">${out.join('')}</div>`;
}

function rulesTable(rules: RuleRow[]): string {
  const rows = rules.map((r) => {
    const sev = r.counts.findings ? SEVERITIES.filter((s) => r.counts[s]).map((s) => `<span class="nowrap">${r.counts[s]} ${sevName(s)}</span>`).join(' ') : '0';
    const name = `<span class="rule-id">${esc(r.id)}</span><br>`;
    return `<tr><td class="rule">${hasSection(r) ? ruleLink(r.id, `${name}${esc(r.title.zh)}`, `${name}${esc(r.title.en)}`) : `${name}${bi(r.title)}`}</td><td data-zh="结论" data-en="outcome"><span class="outcome outcome-${esc(r.outcome)}">${bi(r.outcome_name)}</span>${!hasSection(r) && r.reason ? `<br><small>${bi(r.reason)}</small>` : ''}</td><td class="n" data-zh="审查" data-en="examined">${r.counts.examined}</td><td class="n" data-zh="发现" data-en="findings">${sev}</td><td class="n" data-zh="未审查" data-en="not reviewed">${r.counts.not_reviewed}</td><td data-zh="条款" data-en="clause"><small>${esc(r.clause)}</small></td></tr>`;
  });
  return `<h2>${both('规则一览', 'All rules')}</h2><table class="grid rules"><thead><tr><th>${both('规则', 'Rule')}</th><th>${both('结论', 'Outcome')}</th><th class="n">${both('审查', 'Examined')}</th><th class="n">${both('发现', 'Findings')}</th><th class="n">${both('未审查', 'Not reviewed')}</th><th>${both('条款', 'Clause')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function remedy(f: Finding): string {
  if (!f.remedy) return '<span class="none">—</span>';
  const extra = [
    f.remedy.amount_fen !== undefined ? `${both('金额', 'amount')} ${fenToYuan(f.remedy.amount_fen)} ${both('元', 'yuan')}` : '',
    f.remedy.deadline ? `${both('期限', 'deadline')} ${esc(f.remedy.deadline)}` : '',
    f.remedy.month ? `${both('自', 'from')} ${esc(f.remedy.month)}` : '',
  ].filter(Boolean);
  return `${bi(f.remedy)}${extra.length ? ` <small>(${extra.join('; ')})</small>` : ''}`;
}

const STATUS_NAMES = { new: ['新', 'new'], known: ['已知', 'known'], waived: ['已豁免', 'waived'] } as const;

/** With --baseline or --waivers: the finding's status; a waived one names its document and expiry. */
function statusBadge(f: ReportFinding): string {
  if (!f.status) return '';
  const [zh, en] = STATUS_NAMES[f.status];
  const w = f.status === 'waived' && f.waiver ? ` <small>${both(`${f.waiver.document},${f.waiver.expires} 到期`, `${f.waiver.document}, expires ${f.waiver.expires}`)}</small>` : '';
  return `<span class="status status-${esc(f.status)}">${both(zh, en)}</span>${w}`;
}

/** Baseline findings that no longer occur, and waivers expired or matching nothing. */
function gateSection(report: ComplianceReport): string {
  const g = report.gate;
  if (!g) return '';
  const item = (text: string) => `<li>${text}</li>`;
  const items = [
    ...g.resolved.map((f) => item(`${both('已解决', 'resolved')}: ${esc(f.rule)} ${bi(fieldLabel(f.record.collection))} <code>${esc(f.record.id)}</code> <code>${esc(f.fingerprint)}</code>`)),
    ...g.expired_waivers.map((w) => item(`${both(`豁免已过期(${w.expires})`, `waiver expired (${w.expires})`)}: ${esc(waiverTarget(w))} — ${esc(w.document)}`)),
    ...g.stale_waivers.map((w) => item(`${both('豁免未匹配任何发现', 'stale waiver, matches nothing')}: ${esc(waiverTarget(w))} — ${esc(w.document)}`)),
  ];
  const differs = baselineDiffers(g);
  return `<h2>${both('门禁', 'Gate')}</h2>${differs ? `<p>${both(`基线与本次不同: ${differs}`, `baseline differs from this run: ${differs}`)}</p>` : ''}<ul class="gate">${items.join('') || `<li>${both('无已解决的发现或过期、未匹配的豁免', 'no resolved finding, no expired or stale waiver')}</li>`}</ul>`;
}

function findingCard(f: ReportFinding): string {
  const dir = direction(f);
  const dirBadge = dir === 'omission' ? `<span class="dir dir-omission">${both('漏保', 'omission')}</span>` : dir === 'inclusion' ? `<span class="dir dir-inclusion">${both('错保', 'wrong inclusion')}</span>` : '';
  const related = f.related.length ? f.related.map((r) => `${bi(fieldLabel(r.collection))} <code>${esc(r.id)}</code>`).join(', ') : '';
  const about: [string, string][] = [
    [both('所用参数值', 'Values in force'), valuesInForce(f.params)],
    [both('条款', 'Clause'), esc(f.source)],
    [both('整改', 'Remedy'), remedy(f)],
    ...(related ? ([[both('关联记录', 'Related'), related]] as [string, string][]) : []),
    [both('指纹', 'Fingerprint'), `<code>${esc(f.fingerprint)}</code>`],
  ];
  return `<article class="finding sev-border-${esc(f.severity)}"><div class="finding-head">${statusBadge(f)}<span class="sev sev-${esc(f.severity)}">${sevName(f.severity)}</span>${dirBadge}<span>${bi(fieldLabel(f.record.collection))} <code>${esc(f.record.id)}</code></span><small class="mono">${esc(position(f))}</small></div>
<p class="msg">${bi(f.message)}</p>${evidence(f)}<dl class="about">${about.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></article>`;
}

function groupHeading(f: Finding): string {
  const parts = [f.groups?.township ? both(`乡镇 ${f.groups.township}`, `township ${f.groups.township}`) : '', f.groups?.staff ? both(`人员 ${f.groups.staff}`, `staff ${f.groups.staff}`) : ''].filter(Boolean);
  return parts.join(' · ');
}

function findingList(findings: Finding[]): string {
  return groupFindings(findings)
    .map(([key, items]) => `${key ? `<h4>${groupHeading(items[0])} <small>(${items.length})</small></h4>` : ''}${items.map(findingCard).join('\n')}`)
    .join('\n');
}

// A parameter line is `key<from> = value (source; origin)`; a long value (a synonym table) is
// shortened here and left whole in compliance.json, so the section stays readable.
const MAX_PARAMETER_VALUE = 160;
const PARAMETER = /^(\S+<[^>]*>) = (.*) \(([^()]*(?:\([^()]*\)[^()]*)*; (?:inherited from|set by) [^()]*)\)$/s;

function parameterLine(line: string): string {
  const m = PARAMETER.exec(line);
  if (!m || m[2].length <= MAX_PARAMETER_VALUE) return `<code>${esc(line)}</code>`;
  return `<code>${esc(m[1])} = ${esc(m[2].slice(0, MAX_PARAMETER_VALUE))}…</code> ${both('(完整值见 compliance.json)', '(full value in compliance.json)')} <small>(${esc(m[3])})</small>`;
}

function ruleSection(r: RuleRow, findings: Finding[]): string {
  const shown = findings.slice(0, MAX_FINDINGS_PER_RULE);
  const omissions = shown.filter((f) => direction(f) === 'omission');
  const rest = shown.filter((f) => direction(f) !== 'omission');
  const lists = omissions.length
    ? `<h4>${both(`漏保(${omissions.length})`, `Omissions (${omissions.length})`)}</h4>${findingList(omissions)}${rest.length ? `<h4>${both(`其他发现(${rest.length})`, `Other findings (${rest.length})`)}</h4>${findingList(rest)}` : ''}`
    : findingList(rest);
  const hidden = findings.length - shown.length;
  const more = hidden > 0 ? `<p class="omitted" data-omitted="${hidden}">${both(`另有 ${hidden} 项发现未在此列出,完整清单见 compliance.json。`, `${hidden} more findings are not listed here; compliance.json has them all.`)}</p>` : '';
  const params = r.parameters.length ? `<h5>${both('所用参数', 'Parameters used')}</h5><ul class="params">${r.parameters.map((p) => `<li>${parameterLine(p)}</li>`).join('')}</ul>` : '';
  return `<section class="rule" id="${esc(anchor(r.id))}"><span class="en-target" id="en-${esc(anchor(r.id))}"></span>
<div class="rule-head"><span class="rule-id">${esc(r.id)}</span><h3>${bi(r.title)}</h3><span class="outcome outcome-${esc(r.outcome)}">${bi(r.outcome_name)}</span></div>
<p><small>${both('条款', 'Clause')}: ${esc(r.clause)} · ${both('审查', 'examined')} ${r.counts.examined} · ${both('发现', 'findings')} ${r.counts.findings} · ${both('未审查', 'not reviewed')} ${r.counts.not_reviewed}</small></p>
${r.reason ? `<p class="reason">${bi(r.reason)}</p>` : ''}${params}${lists}${more}</section>`;
}

export function renderHtml(report: ComplianceReport): string {
  const meta = (report.export.meta ?? {}) as Meta;
  const rules = report.rules.map((r, i) => [r, i] as const).sort((a, b) => attentionRank(a[0]) - attentionRank(b[0]) || a[1] - b[1]).map(([r]) => r);
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) (byRule.get(f.rule) ?? byRule.set(f.rule, []).get(f.rule)!).push(f);
  const sections = rules.filter(hasSection).map((r) => ruleSection(r, byRule.get(r.id) ?? []));
  const title = `救助合规审计报告 ${meta.region_name ?? ''} ${meta.period ? `${meta.period.from}–${meta.period.to}` : ''}`.trim();
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style></head>
<body>
<nav class="lang" aria-label="语言 / Language"><span class="switch"><a id="zh" class="to-zh" href="#zh" lang="zh-CN">中文</a><a id="en" class="en-target to-en" href="#en" lang="en">English</a></span><span>本报告有中文和英文两种语言 · <span lang="en">This report is in Chinese and in English</span></span></nav>
<table class="frame"><thead><tr><td>${runningHeader(report, meta)}</td></tr></thead><tbody><tr><td><div class="page">
<header><h1>${both('救助合规审计报告', 'Social assistance compliance report')}</h1>${facts(report, meta)}${verdict(report)}</header>
<main>
${attention(rules)}
${directions(report)}
<h2>${both('按类别与严重程度', 'By family and severity')}</h2>${familyTable(report)}
${charts(report)}
${rulesTable(rules)}
${gateSection(report)}
${sections.length ? `<h2>${both('规则详情', 'Rule details')}</h2>${sections.join('\n')}` : ''}
</main></div></td></tr></tbody></table>
</body></html>
`;
}
