// One person enrolled twice in the same month: the shared analysis behind DUP-URBAN-RURAL,
// DUP-DIBAO-TEKUN and DUP-CROSS-REGION. At scale it never joins every payment to every
// member: it narrows to people covered by more than one application first (a few per
// thousand), then reads only those applications' payments, and groups in DuckDB; only the
// person-months held twice come back to TypeScript. The result is memoised per dataset and
// profile, so the three rules pay for one query.
import { Dataset } from '../../../engine/dataset/dataset';
import { sharedScan } from '../../../engine/dataset/shared-scans';
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { PaymentT } from '../../../schemas/case-export';
import { Span, sqlList, Timeline } from '../../frame';
import { coveredSql, fenSql, paymentCount } from './common';
import { onceEach } from '../../../engine/dataset/once';

export const ENROLMENT_KEYS = ['dup.dibao_programs', 'dup.tekun_programs', 'dup.region_digits'] as const;
type EnrolmentKey = (typeof ENROLMENT_KEYS)[number];

export type DuplicateRuleId = 'DUP-URBAN-RURAL' | 'DUP-DIBAO-TEKUN' | 'DUP-CROSS-REGION';

interface Entry {
  person_id: string;
  month: string;
  application_id: string;
  household_id: string;
  program: PaymentT['program'];
  region_code: string;
  area_type: string | null;
  payment_id: string;
  fen: string;
  app_line: number;
  app_date: string | null;
}

export interface EnrolmentSide {
  application_id: string;
  app_line: number;
  app_date: string | null;
  household_id: string;
  program: PaymentT['program'];
  region_code: string;
  area_type: string | null;
}

/** One person, two applications, the months both paid them, split by whether the rule was in force. */
export interface DuplicatePair {
  rule: DuplicateRuleId;
  person_id: string;
  /** The enrolment that came first (by decision date) and the later one, whose payments are the duplicate. */
  earlier: EnrolmentSide;
  later: EnrolmentSide;
  /** The span of the first month found: history when that is before the cross-check took effect. */
  span: Span<EnrolmentKey>;
  months: string[];
  paymentIds: string[];
  /** The later enrolment's payments in those months. */
  overpaidFen: number;
  sameRegion: boolean;
  params: (ParameterValue | undefined)[];
}

export interface EnrolmentAnalysis {
  pairs: DuplicatePair[];
  examined: number;
}

/** Up to this many candidate (application, person) pairs are inlined as a literal table. */
const LITERAL_LIMIT = 50_000;

const byProfile = onceEach<ResolvedProfile, EnrolmentAnalysis>();

export function enrolmentDuplicates(ds: Dataset, profile: ResolvedProfile): Promise<EnrolmentAnalysis> {
  return byProfile(ds, profile, () => analyse(ds, profile));
}

async function analyse(ds: Dataset, profile: ResolvedProfile): Promise<EnrolmentAnalysis> {
  const timeline = new Timeline(profile, ENROLMENT_KEYS);
  const programs = [...new Set([...timeline.every('dup.dibao_programs').flat(), ...timeline.every('dup.tekun_programs').flat()])];
  if (!programs.length) return { pairs: [], examined: 0 };
  const hh = ds.has('households');
  const inP = `program IN (${sqlList(programs)})`;
  const n = await paymentCount(ds, programs);
  const covered = await sharedScan(ds, 'covered');
  // Step 1, candidates: people covered by more than one application, grouped on 64-bit hashes of
  // the person (an integer grouping is several times faster than grouping 3 million 18-character
  // strings); two people sharing a hash only add candidates, which step 2's exact grouping drops.
  // The applications are compared by their ids: two sharing a hash must not hide a pair.
  const candidateSql = `WITH cov AS MATERIALIZED (
       SELECT application_id, person_id, hash(person_id) AS h FROM (
         ${coveredSql(covered, programs)}
         UNION ALL SELECT application_id, person_id FROM payments WHERE person_id IS NOT NULL AND ${inP})),
     multi AS (SELECT h FROM cov GROUP BY h HAVING min(application_id) <> max(application_id))
     SELECT DISTINCT application_id, person_id FROM cov WHERE h IN (SELECT h FROM multi)`;
  const candidates = await ds.all<{ application_id: string; person_id: string }>(`${candidateSql} LIMIT ${LITERAL_LIMIT + 1}`);
  if (!candidates.length) return { pairs: [], examined: n };
  // Step 2, only their payments. A few candidates go in as a literal table, so the planner knows
  // they are few and probes the payments with them (left as a subquery, it misjudges the self-join
  // and builds its hash table on the payments); many (re-applications, renewals) stay a subquery.
  const ca = candidates.length <= LITERAL_LIMIT
    ? `(VALUES ${candidates.map((x) => `(${sqlList([x.application_id])}, ${sqlList([x.person_id])})`).join(', ')}) AS ca(application_id, person_id)`
    : `(${candidateSql}) AS ca`;
  const rows = await ds.all<Entry>(
    `WITH pay AS (SELECT payment_id, application_id, household_id, person_id AS pay_person, program, region_code, month, ${fenSql('amount')} AS fen
             FROM payments WHERE ${inP} AND application_id IN (SELECT application_id FROM ${ca})),
     pm AS (SELECT ca.person_id, pay.* EXCLUDE (pay_person) FROM pay JOIN ${ca} ON ca.application_id = pay.application_id
            WHERE pay.pay_person IS NULL OR pay.pay_person = ca.person_id),
     multi AS (SELECT person_id, month FROM pm GROUP BY person_id, month HAVING min(application_id) <> max(application_id))
     SELECT pm.person_id, pm.month, pm.application_id, pm.household_id, pm.program, pm.region_code, ${hh ? 'h.area_type' : 'NULL'} AS area_type,
            pm.payment_id, pm.fen, a._line AS app_line, coalesce(a.decision.decided_on, a.applied_on)::VARCHAR AS app_date
     FROM pm JOIN multi ON multi.person_id = pm.person_id AND multi.month = pm.month
     JOIN applications a ON a.application_id = pm.application_id
     ${hh ? 'LEFT JOIN households h ON h.household_id = pm.household_id' : ''}
     ORDER BY pm.person_id, pm.month, pm.application_id, pm.payment_id`,
  );
  return { pairs: pairUp(rows, timeline), examined: n };
}

const order = (a: EnrolmentSide, b: EnrolmentSide) => (a.app_date ?? '9999').localeCompare(b.app_date ?? '9999') || a.application_id.localeCompare(b.application_id);

function pairUp(rows: Entry[], timeline: Timeline<EnrolmentKey>): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  // rows are ordered by person and month: walk each person-month's applications.
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j].person_id === rows[i].person_id && rows[j].month === rows[i].month) j++;
    const month = rows[i].month;
    const s = timeline.on(month);
    if (s.status !== 'off') {
      const byApp = new Map<string, Entry[]>();
      for (const r of rows.slice(i, j)) (byApp.get(r.application_id) ?? byApp.set(r.application_id, []).get(r.application_id)!).push(r);
      const sides = [...byApp.values()].map((es) => side(es[0])).sort(order);
      for (let x = 0; x < sides.length; x++)
        for (let y = x + 1; y < sides.length; y++) {
          const [earlier, later] = [sides[x], sides[y]];
          const kind = classify(earlier, later, s);
          if (!kind) continue;
          const key = [kind.rule, rows[i].person_id, earlier.application_id, later.application_id, s.history].join('\u0000');
          let p = pairs.get(key);
          if (!p)
            pairs.set(
              key,
              (p = { rule: kind.rule, person_id: rows[i].person_id, earlier, later, span: s, months: [], paymentIds: [], overpaidFen: 0, sameRegion: kind.sameRegion, params: kind.params }),
            );
          p.months.push(month);
          for (const e of [...byApp.get(earlier.application_id)!, ...byApp.get(later.application_id)!]) p.paymentIds.push(e.payment_id);
          for (const e of byApp.get(later.application_id)!) p.overpaidFen += Number(e.fen);
        }
    }
    i = j;
  }
  return [...pairs.values()];
}

const side = (e: Entry): EnrolmentSide => ({
  application_id: e.application_id,
  app_line: e.app_line,
  app_date: e.app_date,
  household_id: e.household_id,
  program: e.program,
  region_code: e.region_code,
  area_type: e.area_type,
});

function classify(a: EnrolmentSide, b: EnrolmentSide, span: Span<EnrolmentKey>) {
  const dibao = span.param('dup.dibao_programs');
  const tekun = span.param('dup.tekun_programs');
  const digits = span.param('dup.region_digits');
  const isD = (s: EnrolmentSide) => dibao.value.includes(s.program);
  const isT = (s: EnrolmentSide) => tekun.value.includes(s.program);
  const sameRegion = a.region_code.slice(0, digits.value) === b.region_code.slice(0, digits.value);
  // 奈民发〔2022〕28号 二(一)3, §二(六)3: 低保 and 特困 are exclusive — 特困 already covers basic living.
  if ((isD(a) && isT(b)) || (isT(a) && isD(b))) return { rule: 'DUP-DIBAO-TEKUN' as const, sameRegion, params: [dibao, tekun] };
  // 同时享受城乡低保: the household's area type decides urban or rural dibao (contract).
  if (isD(a) && isD(b) && a.area_type && b.area_type && a.area_type !== b.area_type) return { rule: 'DUP-URBAN-RURAL' as const, sameRegion, params: [dibao] };
  // 异地重复纳入; the same place twice is reported here too (profile choice): a duplicate is a duplicate.
  if ((isD(a) && isD(b)) || (isT(a) && isT(b))) return { rule: 'DUP-CROSS-REGION' as const, sameRegion, params: [dibao, tekun, digits] };
  return undefined;
}
