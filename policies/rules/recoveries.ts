// What the export records of getting overpaid money back (contract v1.1 `recoveries`). The
// cross-checks and PEN-STOP compute the amount to recover (奈民发〔2022〕28号 二(一)4 "落实违规领取资金的
// 追缴"); where the export has recoveries they also say whether it was recovered: fully
// recovered → info (the remedy is done), partly → the rest to recover, none recorded → said so.
// Without the collection (every 1.0 export) a finding is left exactly as the rule made it.
import { Dataset } from '../../engine/dataset/dataset';
import { FindingInput } from '../rule';
import { yuan } from './crosschecks/common';

export interface RecoveryRecord {
  recovery_id: string;
  payment_ids: string[];
  collected_fen: number;
  /** The last collection's date, if any. */
  last_on: string | null;
}

// A recovery's collections summed in exact fen, and the date of the last one.
const COLLECTED = `CAST(coalesce(list_sum(list_transform(collected, c -> c.amount)), 0) * 100 AS BIGINT)::VARCHAR AS collected_fen,
                   list_max(list_transform(collected, c -> c."on"))::VARCHAR AS last_on`;

export interface RecoveryLookup {
  /** The records recovering any of these payments (a record is counted whole for each group it touches). */
  of(paymentIds: string[]): RecoveryRecord[];
}

/** Recovery records naming any of `paymentIds`; undefined when the export has no `recoveries`. */
export async function recoveryLookup(ds: Dataset, paymentIds: string[]): Promise<RecoveryLookup | undefined> {
  if (!ds.has('recoveries')) return undefined;
  const rows = paymentIds.length
    ? await ds.all<{ recovery_id: string; payment_ids: string[]; collected_fen: string; last_on: string | null }>(
        `SELECT recovery_id, payment_ids, ${COLLECTED}
         FROM recoveries WHERE len(list_intersect(payment_ids, from_json($1::JSON, '["VARCHAR"]'))) > 0 ORDER BY _line`,
        [JSON.stringify([...new Set(paymentIds)])],
      )
    : [];
  const records = rows.map((r) => ({ ...r, payment_ids: [...r.payment_ids], collected_fen: Number(r.collected_fen) }));
  return { of: (ids) => records.filter((r) => r.payment_ids.some((p) => ids.includes(p))) };
}

/**
 * A finding about `fen` overpaid in `payments`, told what the export records of its recovery.
 * Unchanged when `lookup` is undefined (the export says nothing about recoveries).
 */
export function withRecovery(input: FindingInput, fen: number, payments: string[], lookup: RecoveryLookup | undefined): FindingInput {
  if (!lookup) return input;
  const records = lookup.of(payments);
  const got = records.reduce((s, r) => s + r.collected_fen, 0);
  const last = records.map((r) => r.last_on).filter((d): d is string => !!d).sort().pop();
  const recovered = { recovered: { yuan: yuan(got), recoveries: records.map((r) => r.recovery_id), ...(last ? { last_on: last } : {}) } };
  const out: FindingInput = {
    ...input,
    related: [...(input.related ?? []), ...records.map((r) => ({ collection: 'recoveries', id: r.recovery_id }))],
    actual: input.actual && typeof input.actual === 'object' && !Array.isArray(input.actual) ? { ...input.actual, ...recovered } : { value: input.actual, ...recovered },
  };
  const note = (zh: string, en: string) => ({ zh: `${input.message.zh};${zh}`, en: `${input.message.en}; ${en}` });
  if (!records.length) return { ...out, message: note('追缴记录中没有这笔追缴', 'the recoveries record no recovery of it') };
  if (got === fen)
    return {
      ...out,
      severity: 'info',
      message: note(`已于 ${last} 全额追回 ${yuan(got)} 元`, `recovered in full (${yuan(got)} yuan) by ${last}`),
      remedy: { zh: '已全额追回;复核发放前的比对,防止再次发生', en: 'recovered in full; review the checks before payment so it does not recur' },
    };
  if (got > fen)
    return {
      ...out,
      severity: input.severity === 'info' ? 'info' : 'warning',
      message: note(`追回 ${yuan(got)} 元,多于应追缴的 ${yuan(fen)} 元`, `${yuan(got)} yuan collected, more than the ${yuan(fen)} due`),
      remedy: { zh: `退还多追回的 ${yuan(got - fen)} 元`, en: `refund the ${yuan(got - fen)} yuan collected in excess`, amount_fen: fen - got },
    };
  return {
    ...out,
    message: note(got ? `已追回 ${yuan(got)} 元,尚欠 ${yuan(fen - got)} 元` : `已决定追缴(${records.map((r) => r.recovery_id).join('、')}),尚未追回`, got ? `${yuan(got)} yuan recovered, ${yuan(fen - got)} still due` : `recovery ordered (${records.map((r) => r.recovery_id).join(', ')}), nothing collected yet`),
    remedy: { zh: `追缴尚欠的 ${yuan(fen - got)} 元`, en: `recover the ${yuan(fen - got)} yuan still due`, amount_fen: fen - got },
  };
}

/** Per fraud case, what the recoveries naming it collected; undefined when the export has no `recoveries`. */
export async function recoveriesByCase(ds: Dataset): Promise<Map<string, { recovery_ids: string[]; collected_fen: number }> | undefined> {
  if (!ds.has('recoveries')) return undefined;
  const rows = await ds.all<{ case_id: string; recovery_ids: string[]; collected_fen: string }>(
    `SELECT case_id, list(recovery_id ORDER BY _line) AS recovery_ids,
            sum(CAST(coalesce(list_sum(list_transform(collected, c -> c.amount)), 0) * 100 AS BIGINT))::VARCHAR AS collected_fen
     FROM recoveries WHERE case_id IS NOT NULL GROUP BY case_id`,
  );
  return new Map(rows.map((r) => [r.case_id, { recovery_ids: [...r.recovery_ids], collected_fen: Number(r.collected_fen) }]));
}
