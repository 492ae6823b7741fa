// Mistakes policy staff make in a vocabulary rule: each is named with its file and line and the
// closest existing names; a broken draft does not stop an audit, a broken rule does.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alongside, blockingProblem, knownParameters, loadVocabulary } from './load';
import { Rule } from '../rule';
import { parseRule } from './parse';
import { compileRule, periodSql } from './compile';
import { ParameterValue } from '../../engine/profile/profile';
import { RuleIR } from './ir';
import { loadRecords } from '../../engine/load/from-records';
import { loadProfile } from '../../engine/profile/load';
import { auditRule } from '../../engine/run/audit';
import { personal } from '../../engine/findings/personal-data';

const rule = (steps: string, tags = '') => `# language: zh-CN
@ELIG-TEST-RULE @clause:民发〔2021〕57号-财政供养人员 ${tags}
功能: 测试规则
  《最低生活保障审核确认办法》

  @定义
  场景: 规则定义
    假如 对每一份申请
${steps
  .trim()
  .split('\n')
  .map((l) => `    ${l.trim()}`)
  .join('\n')}
    并且 说明为“申请 {申请编号}”
`;

const errorsOf = (text: string) => parseRule('features/x.feature', text, knownParameters).errors.map((e) => e.message);

describe('vocabulary rules', function () {
  this.timeout(30_000);
  it('compile a rule whose nouns are all contract labels', () => {
    const parsed = parseRule('features/x.feature', rule('那么 其受理日期应不晚于其申请日期后10个工作日'), knownParameters);
    expect(parsed.errors).to.deep.equal([]);
    expect(parsed.rule!.subject.collection).to.equal('applications');
  });

  it('name an unknown field with the closest labels and the line', () => {
    expect(errorsOf(rule('那么 其受理日起应不晚于其申请日期'))).to.deep.equal([
      'features/x.feature:9: 救助申请及审核确认没有字段「受理日起」(最接近的: 受理日期、受理方式) / features/x.feature:9: application and its decision has no field "受理日起" (closest: 受理日期, 受理方式)',
    ]);
  });

  it('name an unknown collection with the closest names', () => {
    const text = rule('那么 其受理日期已填写').replace('对每一份申请', '对每一份申情');
    expect(errorsOf(text)[0]).to.include('没有名为「申情」的数据集合').and.include('申请');
  });

  it('name an unknown parameter with the closest keys', () => {
    expect(errorsOf(rule('那么 其救助金额应不超过参数 dup.temp_standard_capp'))[0]).to.include('没有参数 dup.temp_standard_capp').and.include('dup.temp_standard_cap');
  });

  it('refuse to compare a date with an amount, naming the line', () => {
    expect(errorsOf(rule('那么 其受理日期应不晚于5000元'))).to.deep.equal([
      'features/x.feature:9: 不能比较日期「受理日期」与金额「5000元」 / features/x.feature:9: cannot compare a date ("受理日期") with an amount ("5000元")',
    ]);
  });

  it('refuse a value an enumeration does not have, naming the closest', () => {
    expect(errorsOf(rule('并且 其审核结果为“批注”\n那么 其受理日期已填写'))[0]).to.include('「审核结果」没有取值「批注」').and.include('批准');
  });

  it('refuse a link the contract does not define', () => {
    expect(errorsOf(rule('那么 其家庭成员的车辆中不应有号牌为“X”的记录'))[0]).to.include('家庭成员没有名为「车辆」的关联记录');
  });

  it('read the English sentences as the Chinese ones', () => {
    const en = `Feature: deadline
  @ELIG-TEST-RULE @clause:x
  @definition
  Scenario: definition
    Given for every application
    And its programme is "temporary"
    And its result is one of "approved", "rejected"
    And parameters in force on its accepted on
    Then its decided on must be on or before its accepted on plus parameter notice.min_days
    And the message is "application {application id}"
`;
    const zh = rule(`并且 其救助类别为“临时救助”
并且 其审核结果为“批准”、“不予批准”之一
并且 按其受理日期适用政策
那么 其决定日期应不晚于其受理日期后参数 notice.min_days`);
    const values = { 'notice.min_days': { key: 'notice.min_days', value: { value: 5, unit: 'working_days' } } as ParameterValue };
    const sql = (r: RuleIR) => periodSql(r, values, { from: '2024-01-01', until: null });
    const e = parseRule('x.feature', en.replace('Feature: deadline\n  @ELIG-TEST-RULE @clause:x', '@ELIG-TEST-RULE @clause:x\nFeature: deadline'), knownParameters);
    const z = parseRule('x.feature', zh, knownParameters);
    expect([...e.errors, ...z.errors].map((x) => x.message)).to.deep.equal([]);
    expect(sql(e.rule!)).to.equal(sql(z.rule!));
  });

  it('wrap personal values placed in a message for masking', async () => {
    const parsed = parseRule('x.feature', rule('那么 其受理日期已填写').replace('说明为“申请 {申请编号}”', '说明为“申请人 {申请人身份证号}”'), knownParameters);
    const ds = await loadRecords({ applications: [{ application_id: 'A1', household_id: 'H1', applicant_person_id: '150525197001011234', program: 'dibao', region_code: '150525100201', applied_on: '2024-01-02', route: 'standard', handled_by: [] }] });
    const result = await auditRule(ds, loadProfile('national'), compileRule(parsed.rule!));
    expect(result.findings.map((f) => f.message.zh)).to.deep.equal([`申请人 ${personal('id', '150525197001011234')}`]);
    ds.dataset.close();
  });

  describe('in an audit', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-vocab-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a draft with a mistake does not stop the audit', () => {
      fs.writeFileSync(path.join(dir, 'x.feature'), rule('那么 其受理日期应不晚于5000元', '@草稿'));
      const v = loadVocabulary(dir);
      expect(v.problems).to.have.length(1);
      expect(blockingProblem(v)).to.equal(undefined);
    });

    it('a rule that takes a built-in rule\'s id stops it', () => {
      fs.writeFileSync(path.join(dir, 'x.feature'), rule('那么 其受理日期已填写').replace('@ELIG-TEST-RULE', '@DUP-TEMP-CAP'));
      const v = loadVocabulary(dir);
      expect(alongside(v, [{ id: 'DUP-TEMP-CAP' } as Rule])).to.deep.equal([]);
      expect(blockingProblem(v)?.zh).to.match(/x\.feature:3: 规则编号 DUP-TEMP-CAP 已被内置规则使用$/);
    });

    it('a rule with a mistake stops it, named by file and line', () => {
      fs.writeFileSync(path.join(dir, 'x.feature'), rule('那么 其受理日期应不晚于5000元'));
      expect(blockingProblem(loadVocabulary(dir))?.zh).to.match(/x\.feature:9: 不能比较日期/);
    });
  });
});

describe('docs/vocabulary.md', function () {
  this.timeout(60_000);
  // Every example sentence in the tables reads as a sentence about some collection's records.
  it('gives only examples that compile', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'vocabulary.md'), 'utf8');
    const examples = [...doc.matchAll(/\| `((?:假如|并且|那么|Given|And|Then) [^`]+)` \|/g)].map((m) => m[1]).filter((s) => !/对每|for every|参数 \S+ 自|有以下|these /.test(s));
    expect(examples.length).to.be.greaterThan(15);
    const subjects = ['申请', '公示', '救助家庭', '发放记录'];
    const failing = examples.filter((sentence) => {
      const [keyword, ...rest] = sentence.split(' ');
      const en = /^[A-Z]/.test(keyword);
      const step = /那么|Then/.test(keyword) ? (en ? 'Then' : '那么') : en ? 'And' : '并且';
      return !subjects.some((subject) => {
        const text = en
          ? `@ELIG-TEST-RULE @clause:x\nFeature: t\n  x\n\n  @definition\n  Scenario: d\n    Given for every ${subject === '申请' ? 'application' : subject === '公示' ? 'notice' : subject === '救助家庭' ? 'household' : 'payment'}\n    ${step} ${rest.join(' ')}\n    Then its ${subject === '公示' ? 'posted on' : 'region code'} is present\n    And the message is "m"\n`
          : `# language: zh-CN\n@ELIG-TEST-RULE @clause:x\n功能: t\n  x\n\n  @定义\n  场景: d\n    假如 对每一份${subject}\n    ${step} ${rest.join(' ')}\n    那么 其${subject === '公示' ? '公示日期' : subject === '救助家庭' ? '家庭编号' : subject === '发放记录' ? '发放编号' : '申请编号'}已填写\n    并且 说明为“m”\n`;
        return parseRule('doc.feature', text, knownParameters).errors.length === 0;
      });
    });
    expect(failing).to.deep.equal([]);
  });
});
