import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ruleById } from '../policies/rules';
import { makeFinding } from '../policies/rule';
import { Severity } from '../engine/findings/finding';
import { Outcome, RuleResult } from '../engine/run/outcome';
import { assertExpectation, verdictOf } from './verdicts';
import { VIOLATION_KINDS } from './violation-kinds';

const result = (outcome: Outcome, examined: number, notReviewed: number): RuleResult => ({
  rule: ruleById('DUP-TEMP-CAP'),
  outcome,
  counts: { examined, findings: 0, error: 0, warning: 0, info: 0, not_reviewed: notReviewed },
  findings: [],
  reason: { zh: '没有适用的封顶标准', en: 'no cap in force' },
});

/** A NOTICE-PERIOD result on notice N001 with one finding per detail given. */
const noticeResult = (...found: [string, Severity][]): RuleResult => ({
  rule: ruleById('NOTICE-PERIOD'),
  outcome: 'failed',
  counts: { examined: 1, findings: found.length, error: found.length, warning: 0, info: 0, not_reviewed: 0 },
  findings: found.map(([detail, severity]) =>
    makeFinding(ruleById('NOTICE-PERIOD'), { severity, record: { collection: 'notices', id: 'N001' }, message: { zh: detail, en: detail }, expected: null, actual: null, params: [], remedy: { zh: '', en: '' }, detail }),
  ),
});

describe('spec verdicts', () => {
  it('does not call compliant a rule that could not judge every record', () => {
    expect(() => assertExpectation(result('partially_reviewed', 1, 4), 'compliant')).to.throw(/预期「compliant」[\s\S]*partially_reviewed; 4 条未能审查/);
    expect(() => assertExpectation(result('not_reviewed', 0, 1), 'compliant')).to.throw(/预期「compliant」/);
    expect(() => assertExpectation(result('passed', 3, 0), 'compliant')).not.to.throw();
  });

  it('does not call compliant a rule that found the record outside its reach, and says so', () => {
    expect(() => assertExpectation(result('not_applicable', 0, 0), 'compliant')).to.throw(/规则未审查该记录:不适用[\s\S]*not applicable/);
  });

  it('says why a not-reviewed record is not compliant, with the rule’s reason', () => {
    expect(() => assertExpectation(result('not_reviewed', 0, 1), 'compliant')).to.throw(/规则未审查该记录:未审查[\s\S]*原因:没有适用的封顶标准[\s\S]*no cap in force/);
  });

  it('says 不适用 only of a rule that found nothing in its reach', () => {
    expect(() => assertExpectation(result('not_applicable', 0, 0), 'not_applicable')).not.to.throw();
    expect(() => assertExpectation(result('passed', 3, 0), 'not_applicable')).to.throw(/预期「not_applicable」/);
  });

  it('says 未审查 only of a rule that left records unjudged', () => {
    expect(() => assertExpectation(result('partially_reviewed', 1, 4), 'unjudged')).not.to.throw();
    expect(() => assertExpectation(result('not_reviewed', 0, 1), 'unjudged')).not.to.throw();
    expect(() => assertExpectation(result('passed', 3, 0), 'unjudged')).to.throw(/预期「unjudged」/);
  });

  it('reads a kind of violation in half- or full-width brackets, Chinese or English', () => {
    expect(verdictOf('违反公示期要求(天数不足)')).to.deep.equal({ expected: 'violation', kind: '天数不足' });
    expect(verdictOf('违反公示期要求（期满前决定）')).to.deep.equal({ expected: 'violation', kind: '期满前决定' });
    expect(verdictOf('is a violation (too few days)')).to.deep.equal({ expected: 'violation', kind: 'too few days' });
    expect(verdictOf('违反公示期要求')).to.deep.equal({ expected: 'violation' });
  });

  it('holds a named kind when every finding is of it', () => {
    expect(() => assertExpectation(noticeResult(['days', 'error']), 'violation', '天数不足')).not.to.throw();
    expect(() => assertExpectation(noticeResult(['objection:0', 'error'], ['objection:1', 'error']), 'violation', 'decided before an objection was resolved')).not.to.throw();
  });

  it('fails a named kind when another kind is found', () => {
    expect(() => assertExpectation(noticeResult(['decided-early', 'error']), 'violation', '天数不足')).to.throw(/预期违规类别「天数不足」[\s\S]*N001 \(期满前决定\)/);
    expect(() => assertExpectation(noticeResult(['days', 'error'], ['decided-early', 'error']), 'violation', '天数不足')).to.throw(/预期违规类别「天数不足」/);
  });

  it('keeps a verdict that names no kind passing on any kind', () => {
    expect(() => assertExpectation(noticeResult(['days', 'error'], ['decided-early', 'error']), 'violation')).not.to.throw();
  });

  it('refuses a kind the rule does not have, listing the kinds it has', () => {
    expect(() => assertExpectation(noticeResult(['days', 'error']), 'violation', '金额不符')).to.throw(/没有「金额不符」这类违规[\s\S]*天数不足 \/ too few days/);
  });

  it('names each kind once per rule, in Chinese and in English', () => {
    for (const [rule, kinds] of Object.entries(VIOLATION_KINDS)) {
      expect(() => ruleById(rule), rule).not.to.throw();
      for (const lang of ['zh', 'en', 'detail'] as const) expect(new Set(kinds.map((k) => k[lang])).size, `${rule} ${lang}`).to.equal(kinds.length);
    }
  });

  it('names only kinds a rule gives its findings (each detail appears in the rules’ code)', () => {
    const dir = path.resolve(__dirname, '..', 'policies', 'rules');
    const code = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .join('\n');
    for (const [rule, kinds] of Object.entries(VIOLATION_KINDS))
      for (const k of kinds) expect([`'${k.detail}'`, `\`${k.detail}:`].some((s) => code.includes(s)), `${rule} ${k.detail}`).to.equal(true);
  });
});
