// PEN-STOP — where the tier stops assistance from the decision month (仙桃市、铁岭市清河区 documents: 较重失信 "当月起
// 停止对该家庭或其成员的社会救助"), the decision records that month and no payment to the
// household exists for it or later. Payments are joined only for the candidate cases.
import { Finding } from '../../../engine/findings/finding';
import { frameRule } from '../../frame';
import { FindOnCase, JudgedCase, markBeforePeriod, reviewableCases, tierZh } from './cases';
import { TIELING_CLAUSE } from './clause';
import { fenToDecimal, fenToYuanText, PENALTY_KEYS } from './grading';

interface PaymentHit {
  case_id: string;
  payment_id: string;
  month: string;
  amount_fen: string;
}

export const penStop = frameRule({
  id: 'PEN-STOP',
  family: 'penalties',
  title: { zh: '等级要求当月起停止救助的,决定当月及以后不应再发放', en: 'Where the tier stops assistance from the decision month, no payment for that month or later' },
  clause: TIELING_CLAUSE,
  needs: ['fraud_cases'],
  reads: ['payments'],
  parameters: PENALTY_KEYS,
  before: {},
  async whole(ctx) {
    const { ds } = ctx;
    const judged = await reviewableCases(ctx);
    const stopping = judged.filter((c) => c.assessment.requirements?.stopFromMonth);
    const byCase = new Map<string, PaymentHit[]>();
    if (stopping.length && ds.has('payments')) {
      // The candidates travel as one JSON parameter, not as SQL text (20,000 cases → one short query).
      const cand = JSON.stringify(stopping.map((c) => ({ case_id: c.row.case_id, household_id: c.row.household_id, stop_month: c.assessment.requirements!.stopFromMonth! })));
      const hits = await ds.all<PaymentHit>(
        `WITH cand AS (SELECT unnest(from_json($1::JSON, '[{"case_id":"VARCHAR","household_id":"VARCHAR","stop_month":"VARCHAR"}]'), recursive := true))
         SELECT cand.case_id, p.payment_id, p.month, CAST(p.amount * 100 AS BIGINT) AS amount_fen
         FROM cand JOIN payments p ON p.household_id = cand.household_id AND p.month >= cand.stop_month
         ORDER BY cand.case_id, p.month, p.payment_id`,
        [cand],
      );
      for (const h of hits) (byCase.get(h.case_id) ?? byCase.set(h.case_id, []).get(h.case_id)!).push(h);
    }
    for (const c of stopping) judge(c, byCase.get(c.row.case_id) ?? [], (f) => ctx.find(undefined, f));
    // Where cases are already unreviewable for want of tiers, that reason alone is reported.
    if (stopping.length && !ds.has('payments') && !ctx.unjudged.count) {
      ctx.examine(stopping.length);
      ctx.notJudged({ zh: '导出数据缺少资金发放记录,无法核对停发', en: 'the export has no payments; cannot check the stop' }, stopping.length);
    }
    markBeforePeriod(ctx.findings, ds, judged);
  },
});

function judge(c: JudgedCase, payments: PaymentHit[], find: FindOnCase): void {
  const month = c.assessment.requirements!.stopFromMonth!;
  const tier = tierZh(c.assessment.tier);
  const base = { record: c.record, params: [c.assessment.params['penalty.measures']] };
  const remedy = { zh: `自 ${month} 起停止对该家庭的社会救助`, en: `stop assistance to the household from ${month}`, month };
  const stopped = c.row.assistance_stopped_from;
  if (!stopped || stopped > month)
    find({
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
    });
  if (payments.length) {
    const total = payments.reduce((s, p) => s + Number(p.amount_fen), 0);
    find({
      ...base,
      related: [...c.related, ...payments.map((p) => ({ collection: 'payments', id: p.payment_id }))],
      severity: c.severity('error'),
      message: {
        zh: `${tier}已于 ${month} 起停止救助,仍发放 ${payments.length} 笔共 ${fenToYuanText(total)} 元(${payments.map((p) => p.month).join('、')})`,
        en: `assistance stopped from ${month}, yet ${payments.length} payment(s) totalling ${fenToYuanText(total)} yuan were made (${payments.map((p) => p.month).join(', ')})`,
      },
      expected: { no_payment_from: month },
      actual: { payments: payments.map((p) => ({ payment_id: p.payment_id, month: p.month, yuan: fenToDecimal(Number(p.amount_fen)) })) },
      remedy: { zh: `追回停发后发放的 ${fenToYuanText(total)} 元`, en: `recover the ${fenToYuanText(total)} yuan paid after the stop`, amount_fen: total, month },
      detail: 'payments',
    });
  }
}
