// Candidate tables several rules read, built once per dataset on first use instead of each rule
// unnesting the same large collection again: household members, notice cells, and the people
// each application covers. They are built once for every connection that sees all rows (the
// audit runs rules on two), each reading them through a temporary view of the same name: in a
// schema of their own in an in-memory database, or, for a database on disk (which --db must not
// fill with them), in an in-memory database attached beside it. A view that hides rows for one
// rule (Dataset.hide) builds temporary tables of its own connection from what it sees.
import { CollectionName } from '../../schemas/case-export';
import { Dataset } from './dataset';
import { onceEach } from './once';

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

function buildSql(ds: Dataset, scan: SharedScan, into: string): string {
  switch (scan) {
    case 'members':
      // Parallel unnests in one SELECT advance in lockstep, so position numbers the member.
      return `CREATE ${into} AS
        SELECT household_id, household_line, position, m.* FROM (
          SELECT household_id, _line AS household_line, generate_subscripts(members, 1)::INTEGER AS position, unnest(members) AS m FROM households)`;
    case 'notice_cells':
      // 8× faster here than WITH ORDINALITY.
      return `CREATE ${into} AS
        SELECT _line, household_id, posted_on, generate_subscripts(columns, 1)::INTEGER AS position,
               unnest(columns).label AS label, unnest(columns).value AS value
        FROM notices`;
    case 'covered': {
      // Coverage unknown (no list, or an empty one) → every member of the household, so nobody escapes a check.
      const listed = `len(coalesce(decision.covered_person_ids, [])) > 0`;
      return `CREATE ${into} AS
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

/** The dataset the connection was opened from (`ownConnection` and `hide` derive from it). */
function rootOf(ds: Dataset): Dataset {
  let root = ds;
  while (Object.getPrototypeOf(root) instanceof Dataset) root = Object.getPrototypeOf(root);
  return root;
}

const homes = onceEach<'home', string>();

/**
 * Where the tables every unhidden connection shares are built (undefined for a connection that
 * hides rows): a schema of the database when it is in memory, else an in-memory database attached
 * to the instance (a database on disk is opened by one dataset only).
 */
async function sharedHome(ds: Dataset, root: Dataset): Promise<string | undefined> {
  if ([...root.sources.keys()].some((c) => ds.count(c) !== root.count(c))) return undefined;
  return homes(root, 'home', async () => {
    const [{ path }] = await ds.all<{ path: string | null }>(`SELECT path FROM duckdb_databases() WHERE database_name = current_database()`);
    if (path) await ds.run(`ATTACH IF NOT EXISTS ':memory:' AS jz_shared_scans`);
    const at = path ? 'jz_shared_scans.jz_shared' : `${root.catalog}.jz_shared`;
    await ds.run(`CREATE SCHEMA IF NOT EXISTS ${at}`);
    return at;
  });
}

/** Per database: the shared tables built (or being built), by scan. */
const sharedBuilt = onceEach<SharedScan, void>();
/** Per connection: the scans it can read by their table name. */
const built = onceEach<SharedScan, string>();

/**
 * The shared table's name, built on the first call for this dataset (or hidden view of it). The
 * caller's rule must read the collections it comes from (members: households; notice_cells:
 * notices; covered: applications, and households when the export has them).
 */
export function sharedScan(ds: Dataset, scan: SharedScan): Promise<string> {
  return built(ds, scan, async () => {
    for (const d of DEPENDS[scan]?.(ds) ?? []) await sharedScan(ds, d);
    const { table } = SHARED_SCANS[scan];
    const root = rootOf(ds);
    const home = await sharedHome(ds, root);
    if (!home) {
      await ds.run(buildSql(ds, scan, `TEMP TABLE IF NOT EXISTS ${table}`));
      return table;
    }
    // Built on whichever connection asks first; a connection asking meanwhile waits for it.
    await sharedBuilt(root, scan, () => ds.run(buildSql(ds, scan, `TABLE ${home}.${table}`)));
    await ds.run(`CREATE TEMP VIEW IF NOT EXISTS ${table} AS SELECT * FROM ${home}.${table}`);
    return table;
  });
}
