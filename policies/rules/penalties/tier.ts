// PEN-TIER — the recorded tier equals the tier the profile computes (Xiantao: stage, amount,
// circumstances; Tieling: the authority's gravity judgement, taken as recorded). A case the
// profile cannot classify is a finding. The tier's measures without a rule of their own
// (higher verification frequency, education) are checked here too.
import { Rule } from '../../rule';
import { perCaseRule, tierZh } from './cases';

export const penTier: Rule = perCaseRule({ id: 'PEN-TIER', title: { zh: '失信等级应与政策配置认定的等级一致', en: 'The recorded tier equals the tier the profile computes' } }, (c, find) => {
  const a = c.assessment;
  const params = [a.params['penalty.grading'], a.params['penalty.measures']];
  const base = { record: c.record, related: c.related, params };
  if (!a.tier) {
    find({ ...base, severity: c.severity('error'), message: { zh: `无法认定失信等级: ${a.reason.zh}`, en: `cannot classify: ${a.reason.en}` }, expected: { tier: 'a tier the profile defines' }, actual: { tier: c.row.tier }, remedy: { zh: '核实案件情形,按政策配置的分级标准认定失信等级', en: 'check the circumstances and classify the case under the profile\'s tiers' }, detail: 'unclassified' });
  return;
}
if (a.tier !== c.row.tier)
  find({
      ...base,
      severity: c.severity('error'),
      message: {
        zh: `记录为${tierZh(c.row.tier)},按政策配置应为${tierZh(a.tier)}: ${a.reason.zh}`,
        en: `recorded as ${c.row.tier}, the profile computes ${a.tier}: ${a.reason.en}`,
      },
      expected: { tier: a.tier, because: a.reason },
      actual: { tier: c.row.tier },
      remedy: { zh: `按${tierZh(a.tier)}重新作出处理决定,措施随之调整`, en: `redo the decision as ${a.tier} and adjust the measures` },
      detail: 'tier',
    });
  const r = a.requirements!;
  if (r.raiseVerification && !c.row.verification_frequency_raised)
    find({ ...base, params: [a.params['penalty.measures']], severity: c.severity('warning'), message: { zh: `${tierZh(a.tier)}应加大对当事人申请救助的核查频次,未记录`, en: `${a.tier}: verification frequency should be raised; not recorded` }, expected: { verification_frequency_raised: true }, actual: { verification_frequency_raised: c.row.verification_frequency_raised }, remedy: { zh: '加大对当事人申请救助的核查频次并记录', en: 'raise the verification frequency for the person\'s applications and record it' }, detail: 'verification' });
if (r.education && !c.row.education_given)
  find({ ...base, params: [a.params['penalty.measures']], severity: c.severity('warning'), message: { zh: `${tierZh(a.tier)}应以教育引导为主,未记录教育引导`, en: `${a.tier}: education and guidance required; not recorded` }, expected: { education_given: true }, actual: { education_given: c.row.education_given }, remedy: { zh: '开展教育引导并记录', en: 'give and record the education and guidance' }, detail: 'education' });
});
