// The shared candidate tables: built once per dataset, and a view that hides rows for one rule
// builds its own from what it sees, so a hidden household's members never reach that rule.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Dataset } from './dataset';
import { loadRecords } from '../load/from-records';
import { LoadedExport } from '../load/loader';
import { sharedScan } from './shared-scans';

const member = (person_id: string, name: string) => ({ person_id, name, birth_date: '1980-01-01', relation: 'head' });
const household = (household_id: string, members: unknown[]) => ({ household_id, region_code: '150525', region_name: '奈曼旗', area_type: 'rural', members });

describe('shared scans', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadRecords({
      households: [household('H1', [member('150525198001010011', '甲'), member('150525198001010038', '乙')]), household('H2', [member('150525198001010054', '丙')])],
    });
  });
  after(() => loaded.dataset.close());

  it('numbers each household member by its position and keeps the household line', async () => {
    const ds = loaded.dataset;
    const rows = await ds.all(`SELECT household_id, household_line, position, person_id, name FROM ${await sharedScan(ds, 'members')} ORDER BY household_line, position`);
    expect(rows).to.deep.equal([
      { household_id: 'H1', household_line: 1, position: 1, person_id: '150525198001010011', name: '甲' },
      { household_id: 'H1', household_line: 1, position: 2, person_id: '150525198001010038', name: '乙' },
      { household_id: 'H2', household_line: 2, position: 1, person_id: '150525198001010054', name: '丙' },
    ]);
  });

  it('builds the table once per dataset: a second call returns the same promise', () => {
    const ds = loaded.dataset;
    expect(sharedScan(ds, 'members')).to.equal(sharedScan(ds, 'members'));
  });

  it('is built once for every connection that sees all rows: a second connection reads the same table', async () => {
    const ds = loaded.dataset;
    await sharedScan(ds, 'members');
    const other = await ds.ownConnection();
    try {
      const rows = await other.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${await sharedScan(other, 'members')}`);
      expect(rows[0].n).to.equal(3);
      const tables = await other.all<{ schema_name: string; temporary: boolean }>(`SELECT schema_name, temporary FROM duckdb_tables() WHERE table_name = 'jz_members' AND (database_name = current_database() OR temporary)`);
      expect(tables).to.deep.equal([{ schema_name: 'jz_shared', temporary: false }]);
    } finally {
      other.unhide();
    }
  });

  it('in a view that hides a household, holds only the members of the households the view shows', async () => {
    const ds = loaded.dataset;
    await sharedScan(ds, 'members');
    const view = await ds.hide(new Map([['households', [1]]]));
    try {
      const seen = await view.all<{ household_id: string }>(`SELECT DISTINCT household_id FROM ${await sharedScan(view, 'members')}`);
      expect(seen).to.deep.equal([{ household_id: 'H2' }]);
    } finally {
      view.unhide();
    }
    const all = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${await sharedScan(ds, 'members')}`);
    expect(all[0].n).to.equal(3);
  });

  it('for a database on disk, is built beside it in memory: the file never holds it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-shared-'));
    const ds = await Dataset.open(path.join(dir, 'audit.duckdb'));
    try {
      await ds.run(`CREATE TABLE households AS SELECT 'H1' AS household_id, 1 AS _line, [{'person_id': '150525198001010011'}] AS members`);
      const rows = await ds.all(`SELECT household_id, position, person_id FROM ${await sharedScan(ds, 'members')}`);
      expect(rows).to.deep.equal([{ household_id: 'H1', position: 1, person_id: '150525198001010011' }]);
      const tables = await ds.all<{ database_name: string }>(`SELECT database_name FROM duckdb_tables() WHERE table_name = 'jz_members'`);
      expect(tables).to.deep.equal([{ database_name: 'jz_shared_scans' }]);
    } finally {
      ds.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
