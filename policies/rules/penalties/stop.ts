// PEN-STOP — where the tier stops assistance from the decision month (仙桃市、铁岭市清河区 documents: 较重失信 "当月起
// 停止对该家庭或其成员的社会救助"), the decision records that month and no payment to the
// household exists for it or later. Payments are joined only for the candidate cases.
// A lawful re-approval after the stop (contract v1.1 `reapproval`: an approved application decided
// on or after the penalty decision, paid from no earlier than its own decision month) makes the
// payments under that application from its first month lawful; one that is not is reported.
// Where the export records recoveries, the payments after the stop are judged recovered or not.
import { Bilingual, Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { judgedCases, JudgedCase, markBeforePeriod, reviewable, tierZh } from './cases';
import { TIELING_CLAUSE } from './clause';
import { fenToDecimal, fenToYuanText, PENALTY_KEYS } from './grading';
import { recoveryLookup, RecoveryLookup, withRecovery } from '../recoveries';
import { Dataset } from '../../../engine/dataset/dataset';

interface PaymentHit {
  case_id: string;
  payment_id: string;
  application_id: string;
  month: string;
  amount_fen: string;
}

/** The re-approved application as the export has it (null: not in the export). */
interface Reapproved {
  application_id: string;
  result: string | null;
  decided_on: string | null;
}

async function reapprovedApplications(ds: Dataset, ids: string[]): Promise<Map<string, Reapproved>> {
  if (!ids.length || !ds.has('applications')) return new Map();
  const rows = await ds.all<Reapproved>(
    `SELECT application_id, decision.result AS result, decision.decided_on::VARCHAR AS decided_on FROM applications
     WHERE application_id IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.application_id, r]));
}

/** Why a recorded re-approval does not make payments after the stop lawful; null when it does. */
export function reapprovalFault(c: JudgedCase, app: Reapproved | undefined, appsExported: boolean): Bilingual | null {
  const re = c.row.reapproval!;
  if (re.decided_on < c.row.decided_on!) return { zh: `重新批准日期 ${re.decided_on} 早于处理决定 ${c.row.decided_on}`, en: `re-approved on ${re.decided_on}, before the penalty decision of ${c.row.decided_on}` };
  if (re.from_month < re.decided_on.slice(0, 7)) return { zh: `重新批准于 ${re.decided_on},却自 ${re.from_month} 起恢复发放(早于重新批准当月)`, en: `re-approved on ${re.decided_on} but paid again from ${re.from_month}, before the month of re-approval` };
  if (!appsExported) return { zh: `导出数据缺少申请记录,无法确认重新批准的申请 ${re.application_id}`, en: `the export has no applications; the re-approved application ${re.application_id} cannot be confirmed` };
  if (!app) return { zh: `重新批准的申请 ${re.application_id} 不在导出数据中`, en: `the re-approved application ${re.application_id} is not in the export` };
  if (app.result !== 'approved' || app.decided_on !== re.decided_on)
    return { zh: `申请 ${re.application_id} 的审核确认(${app.result ?? '无决定'} ${app.decided_on ?? ''})与记录的重新批准(${re.decided_on} 批准)不符`, en: `application ${re.application_id}'s decision (${app.result ?? 'none'} ${app.decided_on ?? ''}) does not match the recorded re-approval (approved ${re.decided_on})` };
  return null;
}

export const penStop: Rule = {
  id: 'PEN-STOP',
  family: 'penalties',
  title: { zh: '等级要求当月起停止救助的,决定当月及以后不应再发放', en: 'Where the tier stops assistance from the decision month, no payment for that month or later' },
  clause: TIELING_CLAUSE,
  needs: ['fraud_cases'],
  reads: ['payments', 'applications', 'recoveries'],
  parameters: [...PENALTY_KEYS],
  async evaluate(ds, profile) {
    const findings: Finding[] = [];
    const { judged, notReviewed } = reviewable(await judgedCases(ds, profile));
    const stopping = judged.filter((c) => c.assessment.requirements?.stopFromMonth);
    const byCase = new Map<string, PaymentHit[]>();
    if (stopping.length && ds.has('payments')) {
      // The candidates travel as one JSON parameter, not as SQL text (20,000 cases → one short query).
      const cand = JSON.stringify(stopping.map((c) => ({ case_id: c.row.case_id, household_id: c.row.household_id, stop_month: c.assessment.requirements!.stopFromMonth! })));
      const hits = await ds.all<PaymentHit>(
        `WITH cand AS (SELECT unnest(from_json($1::JSON, '[{"case_id":"VARCHAR","household_id":"VARCHAR","stop_month":"VARCHAR"}]'), recursive := true))
         SELECT cand.case_id, p.payment_id, p.application_id, p.month, CAST(p.amount * 100 AS BIGINT) AS amount_fen
         FROM cand JOIN payments p ON p.household_id = cand.household_id AND p.month >= cand.stop_month
         ORDER BY cand.case_id, p.month, p.payment_id`,
        [cand],
      );
      for (const h of hits) (byCase.get(h.case_id) ?? byCase.set(h.case_id, []).get(h.case_id)!).push(h);
    }
    const apps = await reapprovedApplications(ds, stopping.filter((c) => c.row.reapproval).map((c) => c.row.reapproval!.application_id));
    const recoveries = await recoveryLookup(ds, [...byCase.values()].flat().map((h) => h.payment_id));
    for (const c of stopping) {
      const fault = c.row.reapproval ? reapprovalFault(c, apps.get(c.row.reapproval.application_id), ds.has('applications')) : null;
      findings.push(...judge(c, byCase.get(c.row.case_id) ?? [], fault, recoveries));
    }
    const missingPayments = stopping.length && !ds.has('payments') ? { count: stopping.length, reason: { zh: '导出数据缺少资金发放记录,无法核对停发', en: 'the export has no payments; cannot check the stop' } } : undefined;
    return { findings: markBeforePeriod(findings, ds, judged), examined: judged.length, ...(notReviewed ?? missingPayments ? { notReviewed: notReviewed ?? missingPayments } : {}) };
  },
};

function judge(c: JudgedCase, hits: PaymentHit[], fault: Bilingual | null, recoveries: RecoveryLookup | undefined): Finding[] {
  const out: Finding[] = [];
  const re = c.row.reapproval;
  // Payments under the lawful re-approval from its first month are a new entitlement.
  const payments = re && !fault ? hits.filter((p) => !(p.application_id === re.application_id && p.month >= re.from_month)) : hits;
  if (re && fault)
    out.push(
      makeFinding(penStop, {
        record: c.record,
        params: [c.assessment.params['penalty.measures']],
        related: [...c.related, { collection: 'applications', id: re.application_id }],
        severity: c.severity('error', re.decided_on),
        message: { zh: `停止救助后的重新批准不能成立:${fault.zh}`, en: `the re-approval after the stop does not hold: ${fault.en}` },
        expected: { reapproval: { decided_on_or_after: c.row.decided_on, from_month_not_before: re.decided_on.slice(0, 7), application: 'approved on that date' } },
        actual: { reapproval: re },
        remedy: { zh: '核实重新批准的审核确认;不成立的,停止后发放的救助金应追回', en: 'check the re-approval; where it does not hold, recover what was paid after the stop' },
        detail: 'reapproval',
      }),
    );
  const month = c.assessment.requirements!.stopFromMonth!;
  const tier = tierZh(c.assessment.tier);
  const base = { record: c.record, params: [c.assessment.params['penalty.measures']] };
  const remedy = { zh: `自 ${month} 起停止对该家庭的社会救助`, en: `stop assistance to the household from ${month}`, month };
  const stopped = c.row.assistance_stopped_from;
  if (!stopped || stopped > month)
    out.push(
      makeFinding(penStop, {
        ...base,
        related: c.related,
        severity: c.severity('error'),
        message: stopped
          ? { zh: `${tier}应自决定当月 ${month} 起停止救助,记录为 ${stopped} 起`, en: `${c.assessment.tier}: assistance must stop from the decision month ${month}; recorded from ${stopped}` }
          : { zh: `${tier}应自决定当月 ${month} 起停止救助,未记录停止`, en: `${c.assessment.tier}: assistance must stop from the decision month ${month}; no stop recorded` },
        expected: { assistance_stopped_from: month },
        actual: { assistance_stopped_from: stopped ?? null },
        remedy,
        detail: 'stop-month',
      }),
    );
  if (payments.length) {
    const total = payments.reduce((s, p) => s + Number(p.amount_fen), 0);
    const lawful = re && !fault ? { zh: `(${re.from_month} 起重新批准申请 ${re.application_id} 的发放不计)`, en: ` (payments under the re-approved application ${re.application_id} from ${re.from_month} not counted)` } : { zh: '', en: '' };
    out.push(
      makeFinding(penStop, withRecovery({
        ...base,
        related: [...c.related, ...payments.map((p) => ({ collection: 'payments', id: p.payment_id }))],
        severity: c.severity('error'),
        message: {
          zh: `${tier}已于 ${month} 起停止救助,仍发放 ${payments.length} 笔共 ${fenToYuanText(total)} 元(${payments.map((p) => p.month).join('、')})${lawful.zh}`,
          en: `assistance stopped from ${month}, yet ${payments.length} payment(s) totalling ${fenToYuanText(total)} yuan were made (${payments.map((p) => p.month).join(', ')})${lawful.en}`,
        },
        expected: { no_payment_from: month },
        actual: { payments: payments.map((p) => ({ payment_id: p.payment_id, month: p.month, yuan: fenToDecimal(Number(p.amount_fen)) })) },
        remedy: { zh: `追回停发后发放的 ${fenToYuanText(total)} 元`, en: `recover the ${fenToYuanText(total)} yuan paid after the stop`, amount_fen: total, month },
        detail: 'payments',
      }, total, payments.map((p) => p.payment_id), recoveries)),
    );
  }
  return out;
}
