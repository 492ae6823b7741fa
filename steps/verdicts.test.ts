import { expect } from 'chai';
import { ruleById } from '../policies/rules';
import { Outcome, RuleResult } from '../engine/run/outcome';
import { assertExpectation } from './verdicts';

const result = (outcome: Outcome, examined: number, notReviewed: number): RuleResult => ({
  rule: ruleById('DUP-TEMP-CAP'),
  outcome,
  counts: { examined, findings: 0, error: 0, warning: 0, info: 0, not_reviewed: notReviewed },
  findings: [],
  reason: { zh: '没有适用的封顶标准', en: 'no cap in force' },
});

describe('spec verdicts', () => {
  it('does not call compliant a rule that could not judge every record', () => {
    expect(() => assertExpectation(result('partially_reviewed', 1, 4), 'compliant')).to.throw(/预期「compliant」[\s\S]*partially_reviewed; 4 条未能审查/);
    expect(() => assertExpectation(result('not_reviewed', 0, 1), 'compliant')).to.throw(/预期「compliant」/);
    expect(() => assertExpectation(result('passed', 3, 0), 'compliant')).not.to.throw();
  });

  it('says 未审查 only of a rule that left records unjudged', () => {
    expect(() => assertExpectation(result('partially_reviewed', 1, 4), 'unjudged')).not.to.throw();
    expect(() => assertExpectation(result('not_reviewed', 0, 1), 'unjudged')).not.to.throw();
    expect(() => assertExpectation(result('passed', 3, 0), 'unjudged')).to.throw(/预期「unjudged」/);
  });
});
