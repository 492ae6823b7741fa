// REL-FILED — the township registers a related application separately (单独登记备案) no later
// than the decision: filed on the decision day is on time, the day after is late. 闽民保〔2017〕204号 三(三),
// 奈民发〔2022〕28号 二(五)1–2 ("应备案而故意隐瞒不备案").
import { Break, chainRule, firstFiling, Link, SCOPE_KEYS } from './chain';
import { FILING_CLAUSE } from './clause';

export function checkFiled(link: Link): Break | null {
  const filing = firstFiling(link);
  const remedy = {
    zh: '乡镇(街道)补办单独登记备案,并在核查后重新审视该决定;必要时追究相关人员责任',
    en: 'the township files the application and reviews the decision after verification; hold staff accountable where needed',
  };
  if (!filing) {
    if (!link.decided)
      return {
        link: 'unfiled',
        severity: 'info',
        message: { zh: '尚未作出决定,亦尚未备案:须在决定前单独登记备案', en: 'not yet decided and not yet filed: it must be filed before the decision' },
        expected: { filed_by: 'decision' },
        actual: { filed: false },
        remedy: { zh: '作出决定前由乡镇(街道)单独登记备案', en: 'the township files the application before deciding it' },
      };
    return {
      link: 'unfiled',
      message: { zh: `应备案而未备案(已于 ${link.decided_on} 作出决定)`, en: `should have been filed but was not (decided on ${link.decided_on})` },
      expected: { filed_no_later_than: link.decided_on },
      actual: { filed: false },
      remedy,
    };
  }
  if (link.decided && filing.filed_on > link.decided_on!)
    return {
      link: 'filed_late',
      message: {
        zh: `备案日期 ${filing.filed_on} 晚于审核确认决定日期 ${link.decided_on}(应不迟于决定)`,
        en: `filed on ${filing.filed_on}, after the decision on ${link.decided_on} (due no later than the decision)`,
      },
      expected: { filed_no_later_than: link.decided_on },
      actual: { filed_on: filing.filed_on },
      remedy,
    };
  return null;
}

export const relFiled = chainRule({
  id: 'REL-FILED',
  title: { zh: '近亲属申请须由乡镇单独登记备案,不迟于审核确认决定', en: 'The township files a related application separately, no later than the decision' },
  clause: FILING_CLAUSE,
  needs: ['applications', 'staff', 'households', 'relative_filings'],
  reads: [],
  parameters: SCOPE_KEYS,
  judges: (l) => l.required,
  check: checkFiled,
});
