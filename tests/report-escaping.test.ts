// Every report format writes what the export says as text: an export whose labels, values and
// ids carry HTML, Markdown and table syntax, quotes and newlines is audited, and the Markdown is
// rendered with markdown-it (raw HTML allowed, as common renderers do) and read back.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { loadExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { renderHtml } from '../engine/report/html';
import { renderJunit } from '../engine/report/junit';
import { renderMarkdown } from '../engine/report/markdown';
import { buildReport, ComplianceReport } from '../engine/report/model';
import { auditDataset } from '../engine/run/audit';
import { featureFiles } from '../engine/run/features';

const FIXTURE = path.join(__dirname, 'fixtures', 'exports', 'markup-in-values.json');
const exported = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
// The notice's extra columns: each label (and value) is one kind of markup.
const MARKUP: string[] = exported.notices[0].columns.slice(4).map((c: { label: string }) => c.label);
const asText = (s: string) => s.replace(/\r\n|[\r\n\t]/g, ' ');
// What the Markdown report itself is made of; anything else was injected.
const OWN_ELEMENTS = ['code', 'h1', 'h2', 'h3', 'li', 'p', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'];

describe('report formats escape what the export says', function () {
  this.timeout(60_000);
  let report: ComplianceReport;
  before(async () => {
    const loaded = await loadExport(FIXTURE);
    try {
      const profile = loadProfile(loaded.meta.jurisdiction ?? 'national');
      report = await buildReport(loaded, profile, await auditDataset(loaded, profile), { failOn: 'error', showPersonalData: false, featureFiles: featureFiles() });
    } finally {
      loaded.dataset.close();
    }
  });

  const md = new MarkdownIt({ html: true });

  it('has a finding naming each piece of markup, so the checks below see it', () => {
    for (const m of MARKUP) expect(report.findings.some((f) => f.message.zh.includes(m)), m).to.equal(true);
  });

  it('Markdown: no element comes from the export', () => {
    const html = md.render(renderMarkdown(report));
    const elements = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    expect([...elements].filter((e) => !OWN_ELEMENTS.includes(e))).to.deep.equal([]);
    expect(html.match(/<strong>/g)).to.have.length(1);
    expect(html).not.to.include('<!--');
  });

  it('Markdown: every table row has as many cells as its header, one row per finding', () => {
    const tokens = md.parse(renderMarkdown(report), {});
    let header = 0;
    let cells = 0;
    let bodyRows = 0;
    for (const t of tokens) {
      if (t.type === 'thead_open') header = -1;
      if (t.type === 'th_open' || t.type === 'td_open') cells++;
      if (t.type === 'tr_close') {
        if (header === -1) header = cells;
        else expect(cells).to.equal(header), bodyRows++;
        cells = 0;
      }
      if (t.type === 'thead_close' && header === -1) throw new Error('header row without cells');
    }
    expect(bodyRows).to.equal(report.rules.length + report.findings.length);
  });

  it('Markdown: the text survives as text', () => {
    const text = md
      .parse(renderMarkdown(report), {})
      .filter((t) => t.type === 'inline')
      .map((t) => (t.children ?? []).map((c) => (['text', 'text_special', 'code_inline'].includes(c.type) ? c.content : '')).join(''))
      .join('\n');
    for (const m of [...MARKUP, exported.meta.region_name, exported.notices[0].notice_id]) expect(text, m).to.include(asText(m));
  });

  it('JUnit and HTML write the markup as text', () => {
    for (const out of [renderJunit(report), renderHtml(report)]) {
      expect(out).not.to.match(/<(script|img|i|b)[\s>]|<a href="javascript|<!-- 注释/);
      expect(out).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(out).to.include('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});
