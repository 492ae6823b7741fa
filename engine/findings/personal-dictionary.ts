// Finds the export's own names and plates inside report text. Names cannot be told by pattern,
// so the export is the dictionary; a province holds millions of names, so they stay in DuckDB:
// every substring of the texts, of each length a name has, is joined with the names there.
import { Dataset } from '../dataset/dataset';
import { KnownValue, SpanKind } from './personal-data';
import { fieldSql, fieldValues, PERSONAL_FIELDS } from './personal-fields';

// IDs are found by pattern (NUMBER_RUN); only what no pattern finds goes into the join.
const DICTIONARY_KINDS: SpanKind[] = ['name', 'plate'];
const DICTIONARY_FIELDS = PERSONAL_FIELDS.filter((f) => DICTIONARY_KINDS.includes(f.kind));

let serial = 0;

export class PersonalDictionary {
  private table?: string;

  /** `rejected` are parsed records the contract turned away: their values are in no table. */
  constructor(
    private readonly ds: Dataset | undefined,
    private readonly rejected: { collection: string; record?: unknown }[] = [],
  ) {}

  /**
   * For each text, the export's names and plates that occur in it. A one-character name is found
   * only as a whole text (the caller passes the characters that stand alone, see standAloneCharacters).
   */
  async lookup(texts: string[]): Promise<KnownValue[][]> {
    const found: KnownValue[][] = texts.map(() => []);
    if (!texts.length || !this.ds) return found;
    const ds = this.ds;
    const dict = await this.dictionary(ds);
    const text = `jz_mask_text_${++serial}`;
    await ds.run(`CREATE TEMP TABLE ${text} (id INTEGER, s VARCHAR)`);
    try {
      const appender = await ds.conn.createAppender(text, 'main', 'temp');
      texts.forEach((s, i) => {
        appender.appendInteger(i);
        appender.appendVarchar(s);
        appender.endRow();
      });
      appender.closeSync();
      const rows = await ds.all<{ id: number; value: string; kind: SpanKind }>(
        `WITH lens AS (SELECT DISTINCT length(value) AS len FROM ${dict}),
              pos AS (SELECT id, s, unnest(range(1, length(s) + 1)) AS p FROM ${text}),
              cand AS (SELECT DISTINCT id, substring(s, p, len) AS sub FROM pos, lens WHERE p + len - 1 <= length(s) AND (len > 1 OR length(s) = 1))
         SELECT cand.id, d.value, d.kind FROM cand JOIN ${dict} d ON d.value = cand.sub`,
      );
      for (const r of rows) found[r.id].push({ value: r.value, kind: r.kind });
    } finally {
      await ds.run(`DROP TABLE IF EXISTS ${text}`);
    }
    return found;
  }

  /** Drops the dictionary table; the dictionary can be used again (it is rebuilt). */
  async close(): Promise<void> {
    if (this.table && this.ds) await this.ds.run(`DROP TABLE IF EXISTS ${this.table}`);
    this.table = undefined;
  }

  private async dictionary(ds: Dataset): Promise<string> {
    if (this.table) return this.table;
    const table = `jz_mask_dict_${++serial}`;
    const selects = DICTIONARY_FIELDS.filter((f) => ds.has(f.collection)).map((f) => `SELECT ${fieldSql(f.path)}::VARCHAR AS value, '${f.kind}' AS kind FROM ${f.collection}`);
    await ds.run(`CREATE TEMP TABLE ${table} (value VARCHAR, kind VARCHAR)`);
    if (selects.length) await ds.run(`INSERT INTO ${table} SELECT value, kind FROM (${selects.join(' UNION ALL ')}) WHERE value IS NOT NULL`);
    const appender = await ds.conn.createAppender(table, 'main', 'temp');
    for (const r of this.rejected)
      for (const f of DICTIONARY_FIELDS)
        if (f.collection === r.collection)
          for (const v of fieldValues(r.record, f.path))
            if (typeof v === 'string') {
              appender.appendVarchar(v);
              appender.appendVarchar(f.kind);
              appender.endRow();
            }
    appender.closeSync();
    // A value that is both a name and a plate is masked as a name.
    await ds.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT value, min(kind) AS kind FROM ${table} WHERE length(value) >= 1 GROUP BY value`);
    this.table = table;
    return table;
  }
}
