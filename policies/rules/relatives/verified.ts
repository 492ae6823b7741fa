// REL-VERIFIED — a filed application is verified (核查) before the decision. The export has
// dates without times, so a verification completed on the decision day cannot be shown to
// precede it: by default it must be done by the day before (relatives.verification_lead_days).
// 奈民发〔2022〕28号 二(五)2 ("备案后应核查而没有及时核查").
import { addDuration, Duration, formatDuration } from '../../duration';
import { Break, chainRule, firstVerification, Link, SCOPE_KEYS } from './chain';
import { INSPECTION_CLAUSE } from './clause';

const KEYS = [...SCOPE_KEYS, 'relatives.verification_lead_days'] as const;

export function checkVerified(link: Link): Break | null {
  const lead: Duration = link.span.maybe('relatives.verification_lead_days')?.value ?? { value: 1, unit: 'calendar_days' };
  const deadline = addDuration(link.decided_on!, { ...lead, value: -lead.value });
  const v = firstVerification(link);
  const remedy = {
    zh: '立即完成核查;核查不符合条件的,停止救助并追回已发放资金',
    en: 'verify now; if the household is not eligible, stop the assistance and recover what was paid',
  };
  const expected = { verified_by: deadline, decided_on: link.decided_on, lead: formatDuration(lead).zh };
  if (!v)
    return {
      link: 'verified_never',
      message: {
        zh: `备案后应核查而没有及时核查:至决定(${link.decided_on})仍无核查记录`,
        en: `filed but never verified: no verification by the decision (${link.decided_on})`,
      },
      expected,
      actual: { verified: false },
      remedy,
    };
  if (v.completed_on! <= deadline) return null;
  const when =
    v.completed_on === link.decided_on
      ? { zh: `核查于决定当日(${link.decided_on})完成,日期不能证明核查在决定之前`, en: `verified on the decision day itself (${link.decided_on}); the dates cannot show it came first` }
      : v.completed_on! > link.decided_on!
        ? { zh: `核查于 ${v.completed_on} 完成,晚于决定(${link.decided_on})`, en: `verified on ${v.completed_on}, after the decision (${link.decided_on})` }
        : { zh: `核查于 ${v.completed_on} 完成,未在决定前${formatDuration(lead).zh}完成`, en: `verified on ${v.completed_on}, less than ${formatDuration(lead).en} before the decision` };
  return {
    link: 'verified_late',
    message: { zh: `备案后应核查而没有及时核查:${when.zh}`, en: `not verified in time: ${when.en}` },
    expected,
    actual: { verified_on: v.completed_on, result: v.result },
    remedy,
  };
}

export const relVerified = chainRule({
  id: 'REL-VERIFIED',
  title: { zh: '备案的近亲属申请须在审核确认决定前完成核查', en: 'A filed application is verified before the decision' },
  clause: INSPECTION_CLAUSE,
  needs: ['applications', 'staff', 'households', 'relative_filings'],
  reads: [],
  parameters: KEYS,
  // A filed application not yet decided at the export's end: the verification is not yet due.
  judges: (l) => l.filed && l.decided,
  pending: (l) => l.filed && !l.decided,
  check: checkVerified,
});
