// PEN-FINE — a fine exactly where the tier requires one (仙桃市《社会救助失信行为认定办法(暂行)》: 较重/严重 依法处以1〜3倍处罚),
// within [min×, max×] of the amount, compared in integer fen; a fine the tier does not
// carry is over-penalty.
import { Rule } from '../../rule';
import { sayParam } from '../../frame';
import { perCaseRule, tierZh } from './cases';
import { fenToDecimal, fenToYuanText } from './grading';

export const penFine: Rule = perCaseRule({ id: 'PEN-FINE', title: (n) => {
    const d = sayParam(
      n,
      'penalty.measures',
      (v) => {
        const ranges = [...new Set(Object.values(v).flatMap((m) => (m.fine === 'none' ? [] : [`${m.fine.min_multiple}|${m.fine.max_multiple}`])))].map((r) => r.split('|'));
        if (!ranges.length) return undefined;
        return { zh: ranges.map(([a, b]) => `${a}至${b}倍`).join('、'), en: ranges.map(([a, b]) => `${a}–${b}×`).join(', ') };
      },
      { zh: '规定倍数', en: 'the set multiple of' },
    );
    return { zh: `罚款应在等级要求时处以,且在骗取金额的${d.zh}之间`, en: `A fine exactly where the tier requires one, within ${d.en} the amount` };
  } }, (c, find) => {
  const r = c.assessment.requirements;
  if (!r) return;
  const fine = Number(c.row.fine_fen ?? 0);
  const tier = tierZh(c.assessment.tier);
  const base = { record: c.record, related: c.related, params: [c.assessment.params['penalty.measures'], c.assessment.params['penalty.grading']], actual: { fine_yuan: fenToDecimal(fine) } };
  if (!r.fine) {
    if (fine > 0)
      find({ ...base, severity: c.severity('error'), message: { zh: `${tier}不处罚款,却处罚款 ${fenToYuanText(fine)} 元`, en: `${c.assessment.tier} carries no fine, yet ${fenToYuanText(fine)} yuan was imposed` }, expected: { fine_yuan: '0.00' }, remedy: { zh: '撤销罚款', en: 'withdraw the fine', amount_fen: -fine }, detail: 'fine' });
    return;
  }
  const range = `${fenToYuanText(r.fine.minFen)} 至 ${fenToYuanText(r.fine.maxFen)} 元`;
  const remedy = { zh: `罚款应在 ${range} 之间(骗取金额的 ${r.fine.minMultiple}〜${r.fine.maxMultiple} 倍)`, en: `fine between ${fenToYuanText(r.fine.minFen)} and ${fenToYuanText(r.fine.maxFen)} yuan (${r.fine.minMultiple}–${r.fine.maxMultiple}× the amount)` };
  const expected = { fine_min_yuan: fenToDecimal(r.fine.minFen), fine_max_yuan: fenToDecimal(r.fine.maxFen) };
  if (fine === 0)
    find({ ...base, severity: c.severity('error'), message: { zh: `${tier}应处罚款 ${range},未处罚款`, en: `${c.assessment.tier} requires a fine of ${fenToYuanText(r.fine.minFen)}–${fenToYuanText(r.fine.maxFen)} yuan; none imposed` }, expected, remedy, detail: 'fine' });
  else if (fine < r.fine.minFen || fine > r.fine.maxFen)
    find({ ...base, severity: c.severity('error'), message: { zh: `罚款 ${fenToYuanText(fine)} 元${fine < r.fine.minFen ? '低于' : '高于'}${tier}的罚款幅度 ${range}`, en: `fine of ${fenToYuanText(fine)} yuan is ${fine < r.fine.minFen ? 'below' : 'above'} the ${c.assessment.tier} range ${fenToYuanText(r.fine.minFen)}–${fenToYuanText(r.fine.maxFen)}` }, expected, remedy, detail: 'fine' });
});
