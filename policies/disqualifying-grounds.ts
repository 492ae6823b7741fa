// An omission (漏保) is claimed only when nothing in the export justifies the refusal: before a
// rule reports a refused household as wrongly refused, it checks the household against the
// other grounds the profile applies on the refusal date (《社会救助暂行办法》第九条: income under
// the standard AND property within the local rules; 第六十八条: a false statement). One query
// for all the candidates a rule found, so it scales with them, not the export.
import { Dataset } from '../engine/dataset/dataset';
import { Bilingual } from '../engine/findings/finding';
import { ResolvedProfile } from '../engine/profile/profile';
import { sqlList } from '../engine/dataset/sql';
import { VehicleRuleT } from './parameters/exemptions';

export type GroundCode = 'income' | 'vehicle' | 'warning' | 'false_statement' | 'over_limit_exit' | 'applicant_died';

export const GROUND_NAMES: Record<GroundCode, Bilingual> = {
  income: { zh: '收入', en: 'income' },
  vehicle: { zh: '车辆', en: 'vehicles' },
  warning: { zh: '财产预警', en: 'property warnings' },
  false_statement: { zh: '虚假申报', en: 'false statements' },
  over_limit_exit: { zh: '超标清退', en: 'over-limit exits' },
  applicant_died: { zh: '申请人死亡', en: "the applicant's death" },
};

export interface Ground {
  code: GroundCode;
  zh: string;
  en: string;
}

export interface GroundsCheck {
  /** The grounds looked at for this application (those the profile and the export allow). */
  checked: GroundCode[];
  /** Those that justify the refusal. Empty: the refusal has no visible ground. */
  found: Ground[];
}

interface Row {
  application_id: string;
  program: VehicleRuleT['programs'][number];
  decided_on: string;
  over_standard: boolean | null;
  vehicles: number | null;
  ill: number | null;
  warnings: { warning_id: string; type: string; credible: boolean | null }[] | null;
  frauds: string[] | null;
  over_limit_on: string | null;
  died_on: string | null;
}

const CHUNK = 10_000;

/**
 * The other grounds for refusing each of `applicationIds` (refused applications), on its decision
 * date. `skip` names the ground the calling rule judges itself (ELIG-INCOME skips `income`).
 */
export async function otherGrounds(ds: Dataset, profile: ResolvedProfile, applicationIds: string[], skip: GroundCode[] = []): Promise<Map<string, GroundsCheck>> {
  const out = new Map<string, GroundsCheck>();
  for (let i = 0; i < applicationIds.length; i += CHUNK) for (const r of await query(ds, applicationIds.slice(i, i + CHUNK))) out.set(r.application_id, judge(profile, r, ds, skip));
  return out;
}

async function query(ds: Dataset, ids: string[]): Promise<Row[]> {
  const has = (c: Parameters<Dataset['has']>[0]) => ds.has(c);
  // Warnings: a property warning raised by the refusal whose counter-evidence was found not
  // credible, or was due by then and not given in time (the household bears the proof).
  const warnings = has('warnings')
    ? `(SELECT list({'warning_id': w.warning_id, 'type': w.type, 'credible': w.response.credible} ORDER BY w.raised_on) FROM warnings w
        WHERE w.household_id = c.household_id AND w.raised_on <= c.d
          AND (w.response.credible = false OR (w.evidence_due <= c.d AND (w.response.submitted_on IS NULL OR w.response.submitted_on > w.evidence_due))))`
    : 'NULL';
  // A proven false item: a fraud case on this application, or on the household found by the refusal.
  const frauds = has('fraud_cases')
    ? `(SELECT list(f.case_id ORDER BY f.case_id) FROM fraud_cases f
        WHERE f.application_id = c.application_id OR (f.household_id = c.household_id AND f.found_on <= c.d))`
    : 'NULL';
  const died = has('deaths') ? `(SELECT min(x.died_on)::VARCHAR FROM deaths x WHERE x.person_id = c.applicant AND x.died_on <= c.d)` : 'NULL';
  const households = has('households');
  return ds.all<Row>(
    `WITH c AS (
       SELECT application_id, household_id, applicant_person_id AS applicant, program, decision.decided_on AS d,
              CASE WHEN income IS NULL THEN NULL ELSE CAST(income.monthly_per_capita * 100 AS BIGINT) >= CAST(income.standard_monthly * 100 AS BIGINT) END AS over_standard
       FROM applications WHERE application_id IN (${sqlList(ids)}))
     SELECT c.application_id, c.program, c.d::VARCHAR AS decided_on, c.over_standard,
            ${households ? 'len(coalesce(h.vehicles, []))::INTEGER' : 'NULL'} AS vehicles,
            ${households ? 'len(list_filter(h.members, m -> coalesce(m.serious_illness, false)))::INTEGER' : 'NULL'} AS ill,
            ${warnings} AS warnings,
            ${frauds} AS frauds,
            -- confirmed over the limit (an exit for that reason) in the year before the refusal
            (SELECT max(o.exit.ended_on)::VARCHAR FROM applications o
              WHERE o.household_id = c.household_id AND o.exit.reason = 'income_over_limit' AND o.exit.ended_on <= c.d AND o.exit.ended_on > c.d - INTERVAL 1 YEAR) AS over_limit_on,
            ${died} AS died_on
     FROM c ${households ? 'LEFT JOIN households h USING (household_id)' : ''}`,
  );
}

function judge(profile: ResolvedProfile, r: Row, ds: Dataset, skip: GroundCode[]): GroundsCheck {
  const checked: GroundCode[] = [];
  const found: Ground[] = [];
  const check = (code: GroundCode, applies: boolean, ground?: () => { zh: string; en: string } | null) => {
    if (!applies || skip.includes(code)) return;
    checked.push(code);
    const g = ground?.();
    if (g) found.push({ code, ...g });
  };
  check('income', r.over_standard !== null, () => (r.over_standard ? { zh: '记录的人均收入不低于标准', en: 'recorded per-capita income at or over the standard' } : null));
  // Vehicles count only where the profile has a vehicle rule for the programme (ELIG-VEHICLE's parameters).
  const v = profile.at<VehicleRuleT>('elig.vehicle', r.decided_on);
  const vr = v?.value;
  check('vehicle', !!vr && vr.programs.includes(r.program) && r.vehicles !== null, () => {
    const n = r.vehicles ?? 0;
    if (!n) return null;
    const exempted = vr!.exempt_if_serious_illness && (r.ill ?? 0) > 0 && n <= vr!.max_vehicles_when_exempt;
    return exempted ? null : { zh: `家庭名下机动车 ${n} 辆,不属于重病唯一车辆例外`, en: `${n} vehicle(s), outside the serious-illness single-vehicle exception` };
  });
  check('warning', ds.has('warnings'), () =>
    r.warnings?.length
      ? { zh: `财产预警 ${r.warnings.map((w) => w.warning_id).join('、')} 未按期提出可信反证`, en: `property warning(s) ${r.warnings.map((w) => w.warning_id).join(', ')} without credible counter-evidence in time` }
      : null,
  );
  check('false_statement', ds.has('fraud_cases'), () => (r.frauds?.length ? { zh: `骗取救助案件 ${r.frauds.join('、')} 认定有虚假情况`, en: `fraud case(s) ${r.frauds.join(', ')} found false statements` } : null));
  check('over_limit_exit', true, () => (r.over_limit_on ? { zh: `该户于 ${r.over_limit_on} 因收入财产超标清退`, en: `the household was exited as over the limit on ${r.over_limit_on}` } : null));
  check('applicant_died', ds.has('deaths'), () => (r.died_on ? { zh: `申请人已于 ${r.died_on} 死亡`, en: `the applicant died on ${r.died_on}` } : null));
  return { checked, found };
}

/** "已核对车辆、财产预警…等其他条件,均不构成拒绝理由" for an omission's message. */
export function checkedText(g: GroundsCheck): Bilingual {
  if (!g.checked.length) return { zh: '导出数据中没有可核对的其他拒绝理由', en: 'the export holds no other ground to check' };
  return {
    zh: `已核对${g.checked.map((c) => GROUND_NAMES[c].zh).join('、')}等其他条件,均不构成拒绝理由`,
    en: `checked ${g.checked.map((c) => GROUND_NAMES[c].en).join(', ')}: none justifies the refusal`,
  };
}

/** The grounds that justify a refusal, for the info finding that replaces an omission. */
export function foundText(g: GroundsCheck): Bilingual {
  return { zh: g.found.map((f) => f.zh).join(';'), en: g.found.map((f) => f.en).join('; ') };
}

/** The remedy of the info finding on a refusal that another ground justifies. */
export const GROUNDED_REFUSAL_REMEDY: Bilingual = { zh: '无需整改:拒绝另有依据;核对决定书是否载明该理由', en: 'no action: the refusal has a ground; check the decision states it' };
