// Candidate tables several rules read, built once per dataset on first use instead of each rule
// unnesting the same large collection again: household members, notice cells, and the people
// each application covers. They are temporary tables of the dataset's connection, so a view that
// hides rows for one rule (Dataset.hide) builds its own from what it sees, and --db never saves them.
import { CollectionName } from '../../schemas/case-export';
import { Dataset } from './dataset';

export type SharedScan = 'members' | 'notice_cells' | 'covered';

/** Columns of each shared table, for the rules that read them. */
export const SHARED_SCANS: Record<SharedScan, { table: string; holds: string; from: CollectionName[] }> = {
  members: {
    table: 'jz_members',
    from: ['households'],
    holds: 'one row per household member: household_id, household_line (the household’s _line), position (1-based), and every Member field (person_id, name, birth_date, relation, …)',
  },
  notice_cells: {
    table: 'notice_cells',
    from: ['notices'],
    // Only what the rules filter and join on; a flagged cell's notice_id and application_id are read from notices by _line.
    holds: 'one row per published cell: _line (the notice’s), household_id, posted_on, position (1-based), label, value',
  },
  covered: {
    table: 'jz_covered',
    // households too when the export has them (an application without a list covers its household).
    from: ['applications'],
    holds: 'one row per person an application covers: application_id, program, person_id, listed (from decision.covered_person_ids; else every member of its household)',
  },
};

function buildSql(ds: Dataset, scan: SharedScan): string {
  const { table } = SHARED_SCANS[scan];
  switch (scan) {
    case 'members':
      // Parallel unnests in one SELECT advance in lockstep, so position numbers the member.
      return `CREATE TEMP TABLE IF NOT EXISTS ${table} AS
        SELECT household_id, household_line, position, m.* FROM (
          SELECT household_id, _line AS household_line, generate_subscripts(members, 1)::INTEGER AS position, unnest(members) AS m FROM households)`;
    case 'notice_cells':
      // 8× faster here than WITH ORDINALITY.
      return `CREATE TEMP TABLE IF NOT EXISTS ${table} AS
        SELECT _line, household_id, posted_on, generate_subscripts(columns, 1)::INTEGER AS position,
               unnest(columns).label AS label, unnest(columns).value AS value
        FROM notices`;
    case 'covered': {
      // Coverage unknown (no list, or an empty one) → every member of the household, so nobody escapes a check.
      const listed = `len(coalesce(decision.covered_person_ids, [])) > 0`;
      return `CREATE TEMP TABLE IF NOT EXISTS ${table} AS
        SELECT application_id, program, unnest(decision.covered_person_ids) AS person_id, true AS listed FROM applications WHERE ${listed}
        ${ds.has('households') ? `UNION ALL
        SELECT a.application_id, a.program, m.person_id, false FROM applications a JOIN ${SHARED_SCANS.members.table} m ON m.household_id = a.household_id
        WHERE NOT ${listed.replace('decision', 'a.decision')}` : ''}`;
    }
  }
}

const DEPENDS: Partial<Record<SharedScan, (ds: Dataset) => SharedScan[]>> = {
  covered: (ds) => (ds.has('households') ? ['members'] : []),
};

const built = new WeakMap<Dataset, Map<SharedScan, Promise<string>>>();

/**
 * The shared table's name, built on the first call for this dataset (or hidden view of it). The
 * caller's rule must read the collections it comes from (members: households; notice_cells:
 * notices; covered: applications, and households when the export has them).
 */
export function sharedScan(ds: Dataset, scan: SharedScan): Promise<string> {
  let mine = built.get(ds);
  if (!mine) built.set(ds, (mine = new Map()));
  let hit = mine.get(scan);
  if (!hit) {
    hit = (async () => {
      for (const d of DEPENDS[scan]?.(ds) ?? []) await sharedScan(ds, d);
      await ds.run(buildSql(ds, scan));
      return SHARED_SCANS[scan].table;
    })();
    mine.set(scan, hit);
    hit.catch(() => mine!.delete(scan));
  }
  return hit;
}
