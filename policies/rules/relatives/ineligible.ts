// REL-INELIGIBLE-APPROVED — verified as not eligible, yet approved (核查后不符合条件而纳入救助范围);
// the most serious break in this family. Verified ineligible before or on the decision day and
// approved anyway is a knowing inclusion; verified ineligible only after the approval, the
// household must then be exited — still in receipt is the same break. 奈民发〔2022〕28号 二(五)2
import { Dataset } from '../../../engine/dataset/dataset';
import { sqlList } from '../../frame';
import { Break, chainRule, Link, SCOPE_KEYS } from './chain';
import { INELIGIBLE_CLAUSE } from './clause';

export function ineligibleVerification(link: Link) {
  return link.filings.filter((f) => f.completed_on && f.result === 'ineligible').sort((a, b) => a.completed_on!.localeCompare(b.completed_on!))[0];
}

export function checkIneligibleApproved(link: Link, paidFen?: number): Break | null {
  const v = ineligibleVerification(link);
  if (!v) return null;
  const knowing = v.completed_on! <= link.decided_on!;
  // Found only after approving: exiting the household on or after that finding is the correction.
  if (!knowing && link.ended_on && link.ended_on >= v.completed_on!) return null;
  const amount = paidFen !== undefined ? `${(paidFen / 100).toFixed(2)} 元` : '';
  return {
    link: 'ineligible_approved',
    message: knowing
      ? {
          zh: `核查后不符合条件而纳入救助范围:${v.completed_on} 核查认定不符合条件,仍于 ${link.decided_on} 批准`,
          en: `verified ineligible on ${v.completed_on}, yet approved on ${link.decided_on}`,
        }
      : {
          zh: `核查后不符合条件而纳入救助范围:${link.decided_on} 批准后,${v.completed_on} 核查认定不符合条件,仍未退出`,
          en: `approved on ${link.decided_on}, verified ineligible on ${v.completed_on}, and still not exited`,
        },
    expected: knowing ? { result: 'rejected' } : { exit_on_or_after: v.completed_on },
    actual: { verification: { filing_id: v.filing_id, completed_on: v.completed_on, result: v.result }, result: link.result, ended_on: link.ended_on, ...(paidFen !== undefined ? { paid_fen: paidFen } : {}) },
    remedy: {
      zh: `停止救助${amount ? `,追回已发放的 ${amount}` : ',追回已发放资金'};追究相关人员责任`,
      en: `stop the assistance and recover ${paidFen !== undefined ? `the ${(paidFen / 100).toFixed(2)} yuan paid` : 'what was paid'}; hold the staff involved accountable`,
      ...(paidFen !== undefined ? { amount_fen: paidFen } : {}),
    },
  };
}

/** Sum in integer fen of what each application was paid, one query for all flagged applications. */
async function paidFen(ds: Dataset, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length || !ds.has('payments')) return new Map();
  const rows = await ds.all<{ application_id: string; fen: string }>(
    `SELECT application_id, sum(CAST(amount * 100 AS BIGINT))::VARCHAR AS fen FROM payments WHERE application_id IN (${sqlList(ids)}) GROUP BY application_id`,
  );
  return new Map(rows.map((r) => [r.application_id, Number(r.fen)]));
}

export const relIneligibleApproved = chainRule({
  id: 'REL-INELIGIBLE-APPROVED',
  title: { zh: '核查不符合条件的近亲属申请不得纳入救助范围', en: 'A related application verified as ineligible is not approved' },
  clause: INELIGIBLE_CLAUSE,
  needs: ['applications', 'staff', 'households', 'relative_filings'],
  reads: ['payments'],
  parameters: SCOPE_KEYS,
  judges: (l) => l.filed && l.decided && l.result === 'approved',
  // Only applications with an ineligible verification; payments are absent from many exports.
  prepare: async (ds, links) => (ds.has('payments') ? paidFen(ds, [...new Set(links.filter((l) => ineligibleVerification(l)).map((l) => l.application_id))]) : undefined),
  check: (l, paid) => checkIneligibleApproved(l, paid ? (paid.get(l.application_id) ?? 0) : undefined),
});
