// A single-file HTML report a person can read offline: no scripts or styles from outside,
// Chinese first with an English switch, findings grouped by rule (and township/staff).
import { ComplianceReport } from './model';
import { escapeXml as esc, position } from './escape';
import { groupFindings } from './markdown';

const STYLE = `body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem;color:#222;max-width:80rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.error{color:#b00020;font-weight:600}.warning{color:#a15c00}.info{color:#555}
.pass{color:#0a7d2c}.fail{color:#b00020}.en{display:none}body.en .en{display:inline}body.en .zh{display:none}
button{float:right}code{background:#f3f3f3;padding:0 .2rem}`;

const both = (zh: string, en: string) => `<span class="zh">${esc(zh)}</span><span class="en">${esc(en)}</span>`;

export function renderHtml(report: ComplianceReport): string {
  const s = report.summary;
  const meta = report.export.meta as { region_name?: string; period?: { from: string; to: string } };
  const rules = report.rules
    .map((r) => `<tr><td><a href="#${esc(r.id)}">${esc(r.id)}</a></td><td>${both(r.title.zh, r.title.en)}</td><td class="${r.outcome === 'failed' ? 'fail' : r.outcome === 'passed' ? 'pass' : ''}">${both(r.outcome_name.zh, r.outcome_name.en)}</td><td>${r.counts.examined}</td><td>${r.counts.findings}</td></tr>`)
    .join('\n');
  const sections = report.rules
    .filter((r) => r.counts.findings > 0 || r.reason)
    .map((r) => {
      const fs = report.findings.filter((f) => f.rule === r.id);
      const groups = groupFindings(fs)
        .map(([heading, items]) => {
          const rows = items
            .map((f) => `<tr><td class="${f.severity}">${f.severity}</td><td>${esc(f.record.collection)} <code>${esc(f.record.id)}</code><br><small>${esc(position(f))}</small></td><td>${both(f.message.zh, f.message.en)}</td><td><small>${esc(JSON.stringify(f.expected))}<br>→ ${esc(JSON.stringify(f.actual))}</small></td><td>${f.remedy ? both(f.remedy.zh, f.remedy.en) : ''}</td></tr>`)
            .join('\n');
          return `${heading ? `<h4>${esc(heading)}</h4>` : ''}<table><tr><th>${both('严重程度', 'severity')}</th><th>${both('记录', 'record')}</th><th>${both('说明', 'message')}</th><th>${both('应为 → 实际', 'expected → actual')}</th><th>${both('整改', 'remedy')}</th></tr>${rows}</table>`;
        })
        .join('\n');
      const params = r.parameters.length ? `<details><summary>${both('所用参数', 'parameters used')}</summary><ul>${r.parameters.map((p) => `<li><code>${esc(p)}</code></li>`).join('')}</ul></details>` : '';
      return `<section id="${esc(r.id)}"><h3>${esc(r.id)} ${both(r.title.zh, r.title.en)}</h3><p><small>${esc(r.clause)}</small></p>${r.reason ? `<p>${both(r.reason.zh, r.reason.en)}</p>` : ''}${params}${groups}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>救助合规审计报告 ${esc(meta.region_name ?? '')}</title><style>${STYLE}</style></head>
<body>
<button onclick="document.body.classList.toggle('en')">中文 / English</button>
<h1>${both('救助合规审计报告', 'Social assistance compliance report')}</h1>
<p>${both('地区', 'Region')}: ${esc(meta.region_name ?? '')} · ${both('期间', 'Period')}: ${esc(meta.period ? `${meta.period.from} – ${meta.period.to}` : '')} · ${both('政策配置', 'Profile')}: ${esc(report.profile.name.zh)} <code>${esc(report.profile.chain.join(' ← '))}</code></p>
<p>${both('规则集', 'Rule set')}: jiuzhu ${esc(report.tool.version)} <code>${esc(report.tool.ruleset.digest)}</code> · ${both('生成时间', 'Generated')}: ${esc(report.generated_at)}${report.options.show_personal_data ? ` · <strong class="fail">${both('本报告含未遮盖的个人信息', 'this report shows personal data unmasked')}</strong>` : ''}</p>
<h2 class="${s.verdict}">${s.verdict === 'pass' ? both('结论:通过', 'Verdict: PASS') : both('结论:不通过', 'Verdict: FAIL')}</h2>
<p>${s.findings.error} error · ${s.findings.warning} warning · ${s.findings.info} info · ${both('不合契约的记录', 'records rejected by the contract')}: ${report.export.rejected}</p>
<table><tr><th>${both('规则', 'rule')}</th><th>${both('名称', 'title')}</th><th>${both('结论', 'outcome')}</th><th>${both('审查记录数', 'examined')}</th><th>${both('发现', 'findings')}</th></tr>
${rules}</table>
${sections}
</body></html>
`;
}
