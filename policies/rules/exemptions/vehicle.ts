// ELIG-VEHICLE (顺义) — owning a motor vehicle disqualifies, except a household with a
// seriously ill member that owns a single vehicle (顺义区案例(《中国民政》) "家庭成员中有患重大疾病且名下拥有唯一
// 机动车的家庭"). Both directions: an approval the exemption does not cover is a wrongful
// inclusion; a refusal of a household the exemption does cover, whose recorded income is under
// the standard, is a probable omission (warning) unless another ground the export shows
// (warnings, a false statement…: disqualifying-grounds) justifies the refusal.
import { frameRule, sqlList } from '../../frame';
import { VEHICLE_CLAUSE } from './clause';
import { checkedText, foundText, GROUNDED_REFUSAL_REMEDY, otherGrounds } from '../../disqualifying-grounds';

interface Row {
  application_id: string;
  household_id: string;
  _line: number;
  result: string;
  decided_on: string;
  vehicles: number;
  ill: number;
  below_standard: boolean | null;
}

export const eligVehicle = frameRule({
  id: 'ELIG-VEHICLE',
  family: 'exemptions',
  title: { zh: '拥有机动车不符合条件,家庭成员患重大疾病且仅有唯一机动车的除外', en: 'A vehicle disqualifies, except a single vehicle in a household with a seriously ill member' },
  clause: VEHICLE_CLAUSE,
  needs: ['applications', 'households'],
  reads: [],
  parameters: ['elig.vehicle'],
  before: 'skip',
  async eachSpan(span, ctx) {
    const { ds, profile } = ctx;
    const param = span.param('elig.vehicle');
    const v = param.value;
    const where = `a.decision.result IN ('approved', 'rejected') AND a.program IN (${sqlList(v.programs)}) AND ${span.where('a.decision.decided_on')}`;
    const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM applications a JOIN households h USING (household_id) WHERE ${where}`);
    ctx.examine(n);
    const rows = await ds.all<Row>(
      `SELECT * FROM (
         SELECT a.application_id, a.household_id, a._line, a.decision.result AS result, a.decision.decided_on AS decided_on,
                len(coalesce(h.vehicles, []))::INTEGER AS vehicles,
                len(list_filter(h.members, m -> coalesce(m.serious_illness, false)))::INTEGER AS ill,
                CASE WHEN a.income IS NULL THEN NULL ELSE CAST(a.income.monthly_per_capita * 100 AS BIGINT) < CAST(a.income.standard_monthly * 100 AS BIGINT) END AS below_standard
         FROM applications a JOIN households h USING (household_id) WHERE ${where}) x
       WHERE vehicles > 0 ORDER BY _line`,
    );
    const isExempted = (r: Row) => v.exempt_if_serious_illness && r.ill > 0 && r.vehicles <= v.max_vehicles_when_exempt;
    const grounds = await otherGrounds(ds, profile, rows.filter((r) => r.result === 'rejected' && isExempted(r) && r.below_standard === true).map((r) => r.application_id), ['vehicle']);
    for (const r of rows) {
      const exempted = isExempted(r);
      const facts = { zh: `家庭名下机动车 ${r.vehicles} 辆,患重大疾病成员 ${r.ill} 人`, en: `${r.vehicles} vehicle(s), ${r.ill} seriously ill member(s)` };
      const base = {
        record: ds.locate('applications', r.application_id, r._line),
        related: [{ collection: 'households', id: r.household_id }],
        params: [param],
        expected: { zh: `无机动车,或有患重大疾病成员且机动车不超过 ${v.max_vehicles_when_exempt} 辆`, en: `no vehicle, or at most ${v.max_vehicles_when_exempt} with a seriously ill member` },
        actual: { vehicles: r.vehicles, seriously_ill_members: r.ill, result: r.result, decided_on: r.decided_on },
      };
      if (r.result === 'approved' && !exempted)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: {
            zh: `${facts.zh},不属于重病唯一车辆例外,却于 ${r.decided_on} 批准(错保)`,
            en: `${facts.en}: outside the serious-illness single-vehicle exception, yet approved on ${r.decided_on} (wrongful inclusion)`,
          },
          remedy: { zh: '复核该户资格,不符合条件的停发并追回', en: 'review the household; stop and recover if ineligible' },
          groups: { direction: 'inclusion' },
          detail: 'inclusion',
        });
      const g = grounds.get(r.application_id) ?? { checked: [], found: [] };
      if (r.result === 'rejected' && exempted && r.below_standard === true && g.found.length)
        ctx.find(span, {
          ...base,
          actual: { ...base.actual, grounds_checked: g.checked, other_grounds: g.found },
          severity: 'info',
          message: { zh: `${facts.zh},属于重病唯一车辆例外,但拒绝另有依据:${foundText(g).zh}(不作漏保)`, en: `${facts.en}: within the exception, but the refusal has a ground: ${foundText(g).en} (not an omission)` },
          remedy: GROUNDED_REFUSAL_REMEDY,
          detail: 'refusal-ground',
        });
      else if (r.result === 'rejected' && exempted && r.below_standard === true)
        ctx.find(span, {
          ...base,
          actual: { ...base.actual, grounds_checked: g.checked },
          severity: 'warning',
          message: {
            zh: `${facts.zh},属于重病唯一车辆例外,人均收入低于标准,却于 ${r.decided_on} 被拒绝(可能漏保);${checkedText(g).zh}`,
            en: `${facts.en}: within the exception and under the income standard, yet refused on ${r.decided_on} (possible omission); ${checkedText(g).en}`,
          },
          remedy: { zh: '复核拒绝理由;仅因车辆拒绝的,应重新审核纳入', en: 'review the refusal; if the vehicle was the only ground, decide again' },
          groups: { direction: 'omission' },
          detail: 'omission',
        });
    }
  },
});
