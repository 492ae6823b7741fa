// The links between applications and staff that the REL-* rules judge, found in ONE pass in
// DuckDB: roster relatives (unnested) joined to household members (unnested) on person_id,
// plus the relations applicants declared and the filings townships registered. Only these
// candidate pairs come back to TypeScript; everything else stays in the database.
// A staff member's own person_id counts as a roster relative `self`: their own household is at
// least as close as a relative's, and the filing system exists against 人情保、关系保 (奈民发〔2022〕28号
// 二(五)2). Every declaration counts: declared_relation and each declared_relations[].
import { sharedScan } from '../../../engine/dataset/shared-scans';
import { onceEach } from '../../../engine/dataset/once';
import { Dataset } from '../../../engine/dataset/dataset';

export interface RosterRelative {
  person_id: string;
  name: string | null;
  relation: string;
}

export interface FilingRow {
  filing_id: string;
  _line: number;
  relation: string;
  filed_on: string;
  completed_on: string | null;
  result: 'eligible' | 'ineligible' | null;
}

/** One (application, staff member) pair that the roster, a declaration or a filing connects. */
export interface LinkRow {
  application_id: string;
  staff_id: string;
  _line: number;
  household_id: string;
  region_code: string;
  program: string;
  applied_on: string;
  result: 'approved' | 'rejected' | 'pending' | null;
  decided_on: string | null;
  ended_on: string | null;
  handled_by: string[] | null;
  /** Every staff member the application declares a relation to (declared_relation and declared_relations[]), sorted. */
  declared_staff_ids: string[];
  /** The relation declared to this pair's staff member, when declared. */
  declared_relation: string | null;
  staff_known: boolean;
  role: string | null;
  staff_name: string | null;
  active_from: string | null;
  active_to: string | null;
  /** The staff member's relatives who are in the household (or are the applicant), per the roster. */
  roster: RosterRelative[];
  filings: FilingRow[];
}

function linkSql(ds: Dataset, members?: string): string {
  const hasHouseholds = members !== undefined;
  const hasFilings = ds.has('relative_filings');
  // Relatives are few (tens of thousands of staff × a handful each); members are millions: the
  // relatives side is the hash-join build side, and members are narrowed to it before the
  // applications join.
  const roster = hasHouseholds
    ? `SELECT a.application_id, rel.staff_id, rel.person_id, rel.name, rel.relation
         FROM rel
         JOIN ${members} mem ON mem.person_id = rel.person_id
         JOIN applications a ON a.household_id = mem.household_id
       UNION `
    : '';
  return `
    WITH rel AS (
      SELECT s.staff_id, t.r.person_id AS person_id, t.r.name AS name, t.r.relation AS relation
      FROM staff s, unnest(s.relatives) AS t(r)
      UNION ALL
      SELECT staff_id, person_id, name, 'self' AS relation FROM staff
    ),
    roster AS (
      ${roster}
      SELECT a.application_id, rel.staff_id, rel.person_id, rel.name, rel.relation
        FROM rel JOIN applications a ON a.applicant_person_id = rel.person_id
    ),
    roster_links AS (
      SELECT application_id, staff_id,
             list({'person_id': person_id, 'name': name, 'relation': relation} ORDER BY relation, person_id) AS roster
      FROM roster GROUP BY application_id, staff_id
    ),
    declarations AS (
      SELECT application_id, declared_relation.staff_id AS staff_id, declared_relation.relation AS relation FROM applications
      WHERE declared_relation.staff_id IS NOT NULL
      UNION ALL
      SELECT a.application_id, t.d.staff_id AS staff_id, t.d.relation AS relation
      FROM applications a, unnest(a.declared_relations) AS t(d) WHERE a.declared_relations IS NOT NULL
    ),
    declared AS (SELECT application_id, staff_id, min(relation) AS relation FROM declarations GROUP BY application_id, staff_id),
    declared_all AS (SELECT application_id, list(DISTINCT staff_id ORDER BY staff_id) AS staff_ids FROM declarations GROUP BY application_id),
    filed AS (
      ${
        hasFilings
          ? `SELECT application_id, staff_id,
                    list({'filing_id': filing_id, '_line': _line, 'relation': relation, 'filed_on': filed_on::VARCHAR,
                          'completed_on': verification.completed_on::VARCHAR, 'result': verification.result} ORDER BY filed_on, filing_id) AS filings
             FROM relative_filings GROUP BY application_id, staff_id`
          : `SELECT NULL::VARCHAR AS application_id, NULL::VARCHAR AS staff_id, NULL AS filings WHERE false`
      }
    ),
    pairs AS (
      SELECT application_id, staff_id FROM roster_links
      UNION SELECT application_id, staff_id FROM declared
      UNION SELECT application_id, staff_id FROM filed
    )
    SELECT p.application_id, p.staff_id, a._line, a.household_id, a.region_code, a.program,
           a.applied_on::VARCHAR AS applied_on, a.decision.result AS result, a.decision.decided_on::VARCHAR AS decided_on,
           a.exit.ended_on::VARCHAR AS ended_on, a.handled_by,
           coalesce(da.staff_ids, []) AS declared_staff_ids, d.relation AS declared_relation,
           s.staff_id IS NOT NULL AS staff_known, s.role, s.name AS staff_name,
           s.active_from::VARCHAR AS active_from, s.active_to::VARCHAR AS active_to,
           coalesce(r.roster, []) AS roster, coalesce(f.filings, []) AS filings
    FROM pairs p
    JOIN applications a ON a.application_id = p.application_id
    LEFT JOIN staff s ON s.staff_id = p.staff_id
    LEFT JOIN roster_links r ON r.application_id = p.application_id AND r.staff_id = p.staff_id
    LEFT JOIN filed f ON f.application_id = p.application_id AND f.staff_id = p.staff_id
    LEFT JOIN declared d ON d.application_id = p.application_id AND d.staff_id = p.staff_id
    LEFT JOIN declared_all da ON da.application_id = p.application_id
    ORDER BY a._line, p.staff_id`;
}

// Rows as the driver returns them are slow to copy (about 10× in a measurement here); one
// literal with a fixed key order makes every later classify() cheap.
const shape = (r: LinkRow): LinkRow => ({
  application_id: r.application_id, staff_id: r.staff_id, _line: r._line, household_id: r.household_id, region_code: r.region_code,
  program: r.program, applied_on: r.applied_on, result: r.result, decided_on: r.decided_on, ended_on: r.ended_on, handled_by: r.handled_by,
  declared_staff_ids: r.declared_staff_ids, declared_relation: r.declared_relation, staff_known: r.staff_known, role: r.role,
  staff_name: r.staff_name, active_from: r.active_from, active_to: r.active_to, roster: r.roster, filings: r.filings,
});

// The five rules read the same pairs; a dataset is immutable once loaded, so they share one query.
const links = onceEach<'links', LinkRow[]>();

export function relativeLinks(ds: Dataset): Promise<LinkRow[]> {
  return links(ds, 'links', () =>
    (ds.has('households') ? sharedScan(ds, 'members') : Promise.resolve(undefined))
      .then((members) => ds.all<LinkRow>(linkSql(ds, members)))
      .then((rows) => rows.map(shape)),
  );
}

export interface LinkGaps {
  /** Filings of applications the export lacks (CONTRACT-REFERENCE reports them). */
  orphanFilings: number;
  /** Applications whose household the export lacks: only the applicant can be matched to the roster. */
  withoutHousehold: number;
}

const gaps = onceEach<'gaps', LinkGaps>();

/** Records the REL-* rules cannot fully judge because a record they refer to is missing. */
export function linkGaps(ds: Dataset): Promise<LinkGaps> {
  return gaps(ds, 'gaps', () => {
    const orphan = ds.has('relative_filings')
      ? `(SELECT count(*) FROM relative_filings f WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.application_id = f.application_id))`
      : '0';
    const noHousehold = ds.has('households')
      ? `(SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.household_id = a.household_id))`
      : '0';
    return ds
      .all<{ o: string; h: string }>(`SELECT ${orphan}::VARCHAR AS o, ${noHousehold}::VARCHAR AS h`)
      .then(([r]) => ({ orphanFilings: Number(r.o), withoutHousehold: Number(r.h) }));
  });
}
