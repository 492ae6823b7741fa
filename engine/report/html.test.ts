// The HTML report's page, rendered from hand-built reports: what is shown, what is escaped,
// what is capped. tests/html-report.browser.test.ts looks at it in a real browser.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Finding } from '../findings/finding';
import { Outcome } from '../run/outcome';
import { CONTENT_SECURITY_POLICY, MAX_FINDINGS_PER_RULE, renderHtml } from './html';
import { evidenceValue, fenToYuan } from './html-evidence';
import { STYLE } from './html-style';
import { fieldLabel, schemaTitles, splitTitle } from './labels';
import { ComplianceReport } from './model';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(1)>"'&`;

function finding(rule: string, n: number, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: 'error',
    record: { collection: 'notices', id: `N${n}`, file: 'notices.ndjson', line: n + 1 },
    related: [],
    message: { zh: `问题 ${n}`, en: `problem ${n}` },
    expected: { min_days: 7 },
    actual: { days: 5 },
    params: [],
    source: '《社会救助暂行办法》第十一条',
    remedy: { zh: '重新公示', en: 'post again' },
    fingerprint: n.toString(16).padStart(16, '0'),
    ...extra,
  };
}

type RuleRow = ComplianceReport['rules'][number];

function rule(id: string, outcome: string, counts: Partial<RuleRow['counts']> = {}, extra: Partial<RuleRow> = {}): RuleRow {
  return {
    id,
    family: 'notices',
    title: { zh: `${id} 标题`, en: `${id} title` },
    clause: '《社会救助暂行办法》',
    outcome: outcome as Outcome,
    outcome_name: { zh: `结论${outcome}`, en: `outcome ${outcome}` },
    counts: { examined: 10, findings: 0, error: 0, warning: 0, info: 0, not_reviewed: 0, ...counts },
    parameters: [],
    ...extra,
  } as RuleRow; // built loosely: the report model gains fields (timings, outcomes) these tests don't need
}

function report(rules: RuleRow[], findings: Finding[], meta: Record<string, unknown> = {}): ComplianceReport {
  return {
    tool: { name: 'jiuzhu', version: '0.1.0', ruleset: { version: '0.1.0', digest: '0123456789abcdef', features: 41 } },
    generated_at: '2025-01-01T00:00:00.000Z',
    export: { path: 'x.json', shape: 'file', meta: { region_name: '奈曼旗', region_code: '150525', period: { from: '2024-01-01', to: '2024-12-31' }, ...meta }, counts: { notices: 3 }, rejected: 0, absent_collections: [] },
    profile: { id: 'neimenggu-naiman', name: { zh: '奈曼旗', en: 'Naiman' }, chain: ['neimenggu-naiman', 'national'], files: [], choices: [] },
    options: { fail_on: 'error', tags: null, show_personal_data: false },
    summary: {
      verdict: findings.length ? 'fail' : 'pass',
      rules: { total: rules.length, passed: 0, failed: 0, not_applicable: 0, not_reviewed: 0 } as ComplianceReport['summary']['rules'],
      findings: { total: findings.length, error: findings.length, warning: 0, info: 0, at_or_above_fail_on: findings.length },
    },
    rules,
    findings,
    drafts: [],
  } as ComplianceReport;
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('HTML report page', () => {
  it('escapes every string the export provides, in text and in attributes', () => {
    const f = finding('NOTICE-FIELDS', 1, { record: { collection: 'notices', id: EVIL, file: EVIL, line: 1 }, actual: { label: EVIL, value: EVIL }, groups: { township: EVIL, staff: EVIL } });
    const html = renderHtml(report([rule('NOTICE-FIELDS', 'failed', { findings: 1, error: 1 })], [f], { region_name: EVIL, source_system: EVIL }));
    expect(html).not.to.include('<script>');
    expect(html).not.to.include('<img');
    expect(html).not.to.match(/<[^>]*\son[a-z]+=/i);
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&apos;&amp;');
  });

  it('ships a Content-Security-Policy that allows its own stylesheet by hash and no script', () => {
    const html = renderHtml(report([], []));
    const hash = createHash('sha256').update(STYLE).digest('base64');
    expect(html).to.include(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).to.include(`style-src 'sha256-${hash}'`).and.include("script-src 'none'").and.include("default-src 'none'");
    expect(html).to.include(`<style>${STYLE}</style>`);
    expect(html).not.to.match(/<script|\sstyle="/);
  });

  it('gives a section only to rules with findings or partial reviews', () => {
    const html = renderHtml(
      report(
        [
          rule('R-FOUND', 'failed', { findings: 1, error: 1 }),
          rule('R-PARTIAL', 'partially_reviewed', { not_reviewed: 4 }, { reason: { zh: '4 笔无法判断', en: '4 could not be judged' } }),
          rule('R-CLEAN', 'passed'),
          rule('R-NONE', 'not_applicable', { examined: 0 }),
        ],
        [finding('R-FOUND', 1)],
      ),
    );
    expect(html).to.include('id="rule-R-FOUND"').and.include('id="rule-R-PARTIAL"');
    expect(html).not.to.include('id="rule-R-CLEAN"');
    expect(html).not.to.include('id="rule-R-NONE"');
    expect(html).to.include('<span class="outcome outcome-partially_reviewed"><span class="zh">结论partially_reviewed</span>');
    expect(html).to.include('4 笔无法判断');
  });

  it('names rules the export could not feed once, with their reason in the rules table, and gives them no section', () => {
    const html = renderHtml(report([rule('SUP-REPORT', 'not_reviewed', { examined: 0 }, { reason: { zh: '导出数据缺少 oversight,无法审查', en: 'the export has no oversight; cannot review' } })], []));
    expect(html).not.to.include('id="rule-SUP-REPORT"');
    expect(html).to.include('1 条规则未审查');
    expect(html).to.match(/<table class="grid rules">.*导出数据缺少 oversight,无法审查/s);
  });

  it('shortens a long parameter value and says where the whole value is', () => {
    const long = `notice.label_synonyms<2022-06-21> = ${JSON.stringify({ name: Array.from({ length: 40 }, (_, i) => `姓名${i}`) })} (《社会救助暂行办法》; set by neimenggu-naiman)`;
    const html = renderHtml(report([rule('R', 'failed', { findings: 1, error: 1 }, { parameters: [long, 'notice.min_days<2017-01-01> = 7 (x; inherited from national)'] })], [finding('R', 1)]));
    expect(html).to.include('完整值见 compliance.json').and.include('(《社会救助暂行办法》; set by neimenggu-naiman)');
    expect(html).not.to.include('姓名39');
    expect(html).to.include('<code>notice.min_days&lt;2017-01-01&gt; = 7 (x; inherited from national)</code>');
  });

  it('lists the rules that need attention before the rules that passed', () => {
    const html = renderHtml(report([rule('R-CLEAN', 'passed'), rule('R-FOUND', 'failed', { findings: 1, error: 1 })], [finding('R-FOUND', 1)]));
    const table = html.slice(html.indexOf('class="grid rules"'));
    expect(table.indexOf('R-FOUND')).to.be.lessThan(table.indexOf('R-CLEAN'));
  });

  it(`caps a rule at ${MAX_FINDINGS_PER_RULE} finding cards and points to compliance.json for the rest`, () => {
    const findings = Array.from({ length: MAX_FINDINGS_PER_RULE + 37 }, (_, i) => finding('R-MANY', i));
    const html = renderHtml(report([rule('R-MANY', 'failed', { findings: findings.length, error: findings.length })], findings));
    expect(count(html, '<article class="finding ')).to.equal(MAX_FINDINGS_PER_RULE);
    expect(html).to.include('data-omitted="37"').and.include('compliance.json');
  });

  it('shows omissions apart from wrong inclusions', () => {
    const findings = [finding('ELIG-INCOME', 1, { groups: { direction: 'omission' } }), finding('ELIG-INCOME', 2, { groups: { direction: 'inclusion' } }), finding('ELIG-INCOME', 3)];
    const html = renderHtml(report([rule('ELIG-INCOME', 'failed', { findings: 3, error: 3 })], findings));
    expect(html).to.match(/<div class="card omission">.*?<div class="big">1<\/div>/s);
    expect(html).to.match(/<div class="card inclusion">.*?<div class="big">1<\/div>/s);
    expect(html).to.include('<span class="zh">漏保(1)</span>');
    expect(count(html, 'dir dir-omission')).to.equal(1);
  });

  it('draws findings per township and per staff member as inline SVG', () => {
    const findings = [finding('REL-FILED', 1, { groups: { township: '150525100', staff: 'S01' } }), finding('REL-FILED', 2, { groups: { township: '150525100', staff: 'S02' } })];
    const html = renderHtml(report([rule('REL-FILED', 'failed', { findings: 2, error: 2 })], findings));
    expect(count(html, '<svg class="chart"')).to.equal(3);
    expect(html).to.match(/<text class="bar-label"[^>]*>150525100<\/text>/);
    expect(html).to.match(/<text class="bar-label"[^>]*>S01<\/text>/);
  });

  it('says "—" where a finding has no remedy', () => {
    const html = renderHtml(report([rule('R', 'failed', { findings: 1, error: 1 })], [finding('R', 1, { remedy: undefined })]));
    expect(html).to.match(/<span class="zh">整改<\/span><span class="en" lang="en">Remedy<\/span><\/dt><dd><span class="none">—<\/span>/);
  });

  it('links English from Chinese and back without script, and says both languages exist', () => {
    const html = renderHtml(report([], []));
    expect(html).to.include('<a id="en" class="en-target to-en" href="#en" lang="en">English</a>');
    expect(html).to.include('href="#zh"');
    expect(html).to.include('本报告有中文和英文两种语言').and.include('This report is in Chinese and in English');
  });
});

describe('evidence fields', () => {
  it('reads labels from the contract titles, split on " / "', () => {
    const titles = schemaTitles({ $defs: { Notice: { properties: { posted_on: { type: 'string', title: '张贴日期 / posted on' }, meta: { $ref: '#/$defs/Meta' } } }, Meta: { title: '元数据 / metadata', properties: {} } } });
    expect(titles.get('posted_on')).to.deep.equal({ zh: '张贴日期', en: 'posted on' });
    expect(titles.get('meta')).to.deep.equal({ zh: '元数据', en: 'metadata' });
    expect(fieldLabel('posted_on', titles)).to.deep.equal({ zh: '张贴日期', en: 'posted on' });
  });

  it('falls back to the evidence table, then to the key itself', () => {
    const none = new Map();
    expect(fieldLabel('min_days', none)).to.deep.equal({ zh: '最少公示天数', en: 'minimum notice days' });
    expect(fieldLabel('zz_unknown', none)).to.deep.equal({ zh: 'zz_unknown', en: 'zz_unknown' });
    expect(splitTitle('只有中文')).to.deep.equal({ zh: '只有中文', en: '只有中文' });
  });

  it('writes fen as yuan exactly, bilingual objects in the page language, and empty values as —', () => {
    expect(fenToYuan(75000)).to.equal('750.00');
    expect(fenToYuan(-500001)).to.equal('-5000.01');
    expect(evidenceValue(75001, 'per_capita_fen')).to.equal('750.01 <span class="zh">元</span><span class="en" lang="en">yuan</span>');
    expect(evidenceValue({ zh: '七天', en: 'seven days' })).to.equal('<span class="zh">七天</span><span class="en" lang="en">seven days</span>');
    expect(evidenceValue(null)).to.equal('<span class="none">—</span>');
    expect(evidenceValue({ days: 5 })).to.include('<dt title="days">');
  });
});
