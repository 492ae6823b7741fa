// The vocabulary's extensions for the 2023 practice rules: a date's quarter, a list including all
// of another, and the derived township-month records — each read, type-checked and compiled.
import { expect } from 'chai';
import { knownParameters } from './load';
import { parseRule } from './parse';
import { periodSql } from './compile';

const rule = (subject: string, steps: string) => `# language: zh-CN
@SUP-TEST-RULE @clause:x
功能: 测试规则
  x

  @定义
  场景: 规则定义
    假如 对每${subject}
${steps
  .trim()
  .split('\n')
  .map((l) => `    ${l.trim()}`)
  .join('\n')}
    并且 说明为“m”
`;
const parse = (subject: string, steps: string) => parseRule('features/x.feature', rule(subject, steps), knownParameters);

describe('vocabulary extensions for the 2023 practices', () => {
  it('reads the quarter a date falls in and compares it with a contract quarter', () => {
    const p = parse('一条服务类救助', '那么 其家庭的满意度测评中应有所属季度为该服务类救助的服务日期所在季度的记录');
    expect(p.errors).to.deep.equal([]);
    expect(periodSql(p.rule!, {}, 'all')).to.contain(`(strftime(s.provided_on, '%Y') || '-Q' || quarter(s.provided_on))`);
  });

  it('orders quarters like months', () => {
    const p = parse('一条满意度测评', '那么 其所属季度不早于 2024-Q2');
    expect(p.errors).to.deep.equal([]);
    expect(periodSql(p.rule!, {}, 'all')).to.contain(`(s.quarter >= '2024-Q2')`);
  });

  it('refuses the quarter of something that is not a date', () => {
    const p = parse('一条服务类救助', '那么 其服务内容所在季度为 2024-Q2');
    expect(p.errors.map((e) => e.message).join('\n')).to.match(/不是日期,没有所在季度/);
  });

  it('reads linked values including all of a list field, no linked record counting as an empty list', () => {
    const p = parse('一条救助链', '那么 其匹配政策的对应困难类型包含其困难类型的全部');
    expect(p.errors).to.deep.equal([]);
    expect(periodSql(p.rule!, {}, 'all')).to.match(/list_has_all\(coalesce\(\(SELECT list\(a?v?\d*\.hardship\)[^]*\[\]::VARCHAR\[\]\), s\.hardships::VARCHAR\[\]\)/);
  });

  it('refuses inclusion in something that is not a list', () => {
    const p = parse('一条服务类救助', '那么 其服务内容包含其服务提供方的全部');
    expect(p.errors.map((e) => e.message).join('\n')).to.match(/不是列表/);
  });

  it('judges township months, derived from the households and the export period, against their change lists', () => {
    const p = parse('个乡镇月份', '那么 其乡镇月度变动清单中应有记录');
    expect(p.errors).to.deep.equal([]);
    const sql = periodSql(p.rule!, {}, 'all');
    expect(sql).to.contain('FROM jz_township_months s');
    expect(sql).to.contain('a1.region_code = s.region_code AND a1.month = s.month');
  });
});
