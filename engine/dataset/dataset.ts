// The loaded export: one DuckDB table per collection (typed from the contract, plus `_line`,
// the record's line in its NDJSON file or its 1-based position in a JSON array), in memory
// unless the auditor asks for a database file. Rules read it only through SQL.
import os from 'node:os';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { CollectionName, MetaT } from '../../schemas/case-export';

export interface CollectionSource {
  collection: CollectionName;
  file: string;
  /** `line`: NDJSON line numbers; `index`: 0-based positions in a JSON array. */
  position: 'line' | 'index';
  records: number;
  rejected: number;
}

export interface RecordRef {
  collection: CollectionName;
  id: string;
  file?: string;
  line?: number;
  index?: number;
}

/** A record that does not conform to the contract: kept out of every table, reported as CONTRACT-INVALID. */
export interface RejectedRecord {
  collection: CollectionName;
  file: string;
  line?: number;
  index?: number;
  id?: string;
  /**
   * Why: ajv keywords, plus `decimals` (money with more than two decimals), `maximum` (beyond
   * MONEY_MAX), `duplicate-property` (an object with the same key twice), `unicode` (an
   * unpaired surrogate), `duplicate-key` (a repeated primary key; names the other copies).
   */
  errors: { path: string; keyword: string; zh: string; en: string }[];
  /** The line's value as JSON.parse reads it, when it parses, so references it made can be named. */
  record?: unknown;
}

export class Dataset {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** The database the collections' tables live in (quoted for SQL). */
    readonly catalog: string,
  ) {}

  /** Rows hidden from the rule being run, by collection (see `hide`). */
  private hidden = new Map<CollectionName, number>();

  readonly sources = new Map<CollectionName, CollectionSource>();
  readonly rejected: RejectedRecord[] = [];
  /** The export's meta (region, period), for rules that judge against the export period. */
  meta?: MetaT;

  static async open(dbFile?: string): Promise<Dataset> {
    // A memory ceiling and a spill folder, so a province-sized export works out of core
    // instead of growing without bound (JIUZHU_MEMORY_LIMIT overrides, e.g. '4GB').
    const instance = await DuckDBInstance.create(dbFile ?? ':memory:', {
      memory_limit: process.env.JIUZHU_MEMORY_LIMIT ?? '1500MB',
      temp_directory: path.join(os.tmpdir(), `jiuzhu-spill-${process.pid}`),
    });
    const conn = await instance.connect();
    const [{ db }] = (await conn.runAndReadAll('SELECT current_database() AS db')).getRowObjectsJson() as { db: string }[];
    return new Dataset(instance, conn, `"${db.replace(/"/g, '""')}"`);
  }

  async all<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params as any);
    return reader.getRowObjectsJson() as T[];
  }

  async run(sql: string, params?: unknown[]): Promise<void> {
    await this.conn.run(sql, params as any);
  }

  /** True when the export had this collection at all (even with zero valid records). */
  has(collection: CollectionName): boolean {
    return this.sources.has(collection);
  }

  count(collection: CollectionName): number {
    const s = this.sources.get(collection);
    return s ? s.records - s.rejected - (this.hidden.get(collection) ?? 0) : 0;
  }

  /**
   * The dataset with rows left out, for one rule's run, until `unhide`. It has a connection of its
   * own, in whose temporary catalog a view named like each table shadows it (DuckDB looks
   * unqualified names up there first); so temporary tables a rule derives from what it sees, and
   * whatever it caches per dataset object, are never shared with runs that see every row.
   */
  async hide(lines: Map<CollectionName, number[]>): Promise<Dataset> {
    const conn = await this.instance.connect();
    const view: Dataset = Object.assign(Object.create(this), { conn, hidden: new Map() });
    await view.run(`CREATE TEMP TABLE jz_hidden (collection VARCHAR, _line INTEGER)`);
    for (const [c, l] of lines) {
      for (let i = 0; i < l.length; i += 10_000)
        await view.run(`INSERT INTO jz_hidden VALUES ${l.slice(i, i + 10_000).map((n) => `('${c}', ${n})`).join(', ')}`);
      await view.run(`CREATE TEMP VIEW ${c} AS SELECT * FROM ${this.catalog}.main.${c} WHERE _line NOT IN (SELECT _line FROM temp.main.jz_hidden WHERE collection = '${c}')`);
      view.hidden.set(c, l.length);
    }
    return view;
  }

  /** Closes the connection `hide` opened, and with it its views; called on the dataset it returned. */
  unhide(): void {
    if (Object.getPrototypeOf(this) instanceof Dataset) this.conn.closeSync();
  }

  /** Where a record sits in the export, for findings: file plus line or array index. */
  locate(collection: CollectionName, id: string, line: number | string | null | undefined): RecordRef {
    const src = this.sources.get(collection);
    const ref: RecordRef = { collection, id };
    if (!src || line === null || line === undefined) return ref;
    ref.file = src.file;
    if (src.position === 'line') ref.line = Number(line);
    else ref.index = Number(line) - 1;
    return ref;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
