import fs from 'node:fs';
import { expect } from 'chai';
import { catalogue, Definition, DOC, Example, generated, readable, render, unlisted, unused } from './catalogue';

const implementation = () => undefined;
const definition = (pattern: string, code: Function = implementation): Definition => ({
  keyword: 'Given', pattern, uri: 'steps/notices.steps.ts', line: 1, code, matches: (t) => t === pattern.replace('{date}', '2024-03-01'),
});
const example = (text: string): Example => ({ text, keyword: '假如', uri: 'features/notices/period.feature', line: 9 });

describe('step catalogue (docs/steps.md)', () => {
  it('lists the phrasings stacked on one implementation as one phrase, Chinese first', () => {
    const [p, ...rest] = catalogue([definition('the decision is made on {date}'), definition('审核决定于 {date} 作出')], [example('审核决定于 2024-03-01 作出')]);
    expect(rest).to.have.length(0);
    expect(p.zh.map((d) => d.pattern)).to.deep.equal(['审核决定于 {date} 作出']);
    expect(p.en.map((d) => d.pattern)).to.deep.equal(['the decision is made on {date}']);
    expect(p.examples.map((e) => e.text)).to.deep.equal(['审核决定于 2024-03-01 作出']);
  });

  it('finds a step the document does not list', () => {
    const listed = definition('审核决定于 {date} 作出');
    const doc = render(catalogue([listed], [example('审核决定于 2024-03-01 作出')]));
    expect(unlisted([listed, definition('公示于 {date} 撤下', () => 1)], doc).map((d) => d.pattern)).to.deep.equal(['公示于 {date} 撤下']);
  });

  it('finds an implementation no feature uses', () => {
    const phrases = catalogue([definition('审核决定于 {date} 作出'), definition('公示于 {date} 撤下', () => 1)], [example('审核决定于 2024-03-01 作出')]);
    expect(unused(phrases).map((p) => p.zh[0].pattern)).to.deep.equal(['公示于 {date} 撤下']);
  });

  it('shows a regular-expression phrase as staff write it', () => {
    expect(readable(/^该户于 (\d{4}-\d{2}-\d{2}) (经一事一议)?因“([^”]+)”获得临时救助 (.+)$/)).to.equal('该户于 {date} [经一事一议]因“…”获得临时救助 …');
    expect(readable(/^(经办人员|村[(（]居[)）]委会干部)“([^”]+)”自 (\d{4}-\d{2}-\d{2}) 起在岗(?:,(\d{4}-\d{2}-\d{2}) 离任)?$/)).to.equal('【经办人员/村(居)委会干部】“…”自 {date} 起在岗[,{date} 离任]');
  });

  it('docs/steps.md lists every step, is current, and every step is used by a feature', async function () {
    this.timeout(180_000); // loads every step file (unless this process has) and parses every feature
    // What `npm run steps-doc -- --check` reports, in this process: the step library audits load is loaded once per process.
    const { problems, definitions } = await generated(fs.readFileSync(DOC, 'utf8'));
    expect(definitions.length).to.be.greaterThan(50);
    expect(problems).to.deep.equal([]);
  });
});
