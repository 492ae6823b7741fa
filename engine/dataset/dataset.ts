// The loaded export: one DuckDB table per collection (typed from the contract, plus `_line`,
// the record's line in its NDJSON file or its 1-based position in a JSON array), in memory
// unless the auditor asks for a database file. Rules read it only through SQL.
import os from 'node:os';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { CollectionName, MetaT } from '../../schemas/case-export';
import { DEFAULT_MEMORY_LIMIT } from './memory';

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

// The one instance of this process that datasets opened with `attached` share (spec scenarios,
// tests): starting an instance costs ~50 ms, attaching an in-memory database of one's own ~1 ms.
let sharedInstance: Promise<DuckDBInstance> | undefined;
let attachedCount = 0;

/** Settings of every instance, so a shared one behaves as a dataset's own would. */
function instanceSettings(memoryLimit?: string): Record<string, string> {
  // A memory ceiling and a spill folder, so a province-sized export works out of core
  // instead of growing without bound (--memory-limit, else JIUZHU_MEMORY_LIMIT, e.g. '4GB').
  return {
    memory_limit: memoryLimit ?? process.env.JIUZHU_MEMORY_LIMIT ?? DEFAULT_MEMORY_LIMIT,
    temp_directory: path.join(os.tmpdir(), `jiuzhu-spill-${process.pid}`),
    // DuckDB's worker threads (default: one per core), e.g. 1 where several processes share the cores.
    ...(process.env.JIUZHU_THREADS ? { threads: process.env.JIUZHU_THREADS } : {}),
  };
}

export class Dataset {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** The database the collections' tables live in (quoted for SQL). */
    readonly catalog: string,
    /** True when the database is attached to the shared instance: closing detaches it. */
    private readonly attached = false,
  ) {}

  /** Rows hidden from the rule being run, by collection (see `hide`). */
  private hidden = new Map<CollectionName, number>();

  readonly sources = new Map<CollectionName, CollectionSource>();
  readonly rejected: RejectedRecord[] = [];
  /** The export's meta (region, period), for rules that judge against the export period. */
  meta?: MetaT;

  /** `memoryLimit`: DuckDB's memory_limit ('1.5GB'); past it, DuckDB spills to a temporary folder. */
  static async open(dbFile?: string, memoryLimit?: string): Promise<Dataset> {
    const instance = await DuckDBInstance.create(dbFile ?? ':memory:', instanceSettings(memoryLimit));
    const conn = await instance.connect();
    const [{ db }] = (await conn.runAndReadAll('SELECT current_database() AS db')).getRowObjectsJson() as { db: string }[];
    return new Dataset(instance, conn, `"${db.replace(/"/g, '""')}"`);
  }

  /**
   * An in-memory database of its own, with a connection of its own, on the instance this process
   * shares: tables, temporary tables and views are as private as in a dataset opened alone.
   */
  static async attached(): Promise<Dataset> {
    sharedInstance ??= DuckDBInstance.create(':memory:', instanceSettings());
    const instance = await sharedInstance;
    const conn = await instance.connect();
    const name = `jz_dataset_${++attachedCount}`;
    await conn.run(`ATTACH ':memory:' AS ${name}`);
    await conn.run(`USE ${name}`);
    return new Dataset(instance, conn, name, true);
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
    const view = await this.ownConnection();
    await view.run(`CREATE TEMP TABLE jz_hidden (collection VARCHAR, _line INTEGER)`);
    for (const [c, l] of lines) {
      for (let i = 0; i < l.length; i += 10_000)
        await view.run(`INSERT INTO jz_hidden VALUES ${l.slice(i, i + 10_000).map((n) => `('${c}', ${n})`).join(', ')}`);
      await view.run(`CREATE TEMP VIEW ${c} AS SELECT * FROM ${this.catalog}.main.${c} WHERE _line NOT IN (SELECT _line FROM temp.main.jz_hidden WHERE collection = '${c}')`);
      view.hidden.set(c, l.length);
    }
    return view;
  }

  /**
   * DuckDB on one thread per query, for work run side by side on several connections (the files'
   * parses, the rules' two lanes), where splitting each query over threads as well only adds work.
   * Returns the thread count to give back (`SET threads = …`), or undefined when the auditor chose
   * it (JIUZHU_THREADS) or the instance is shared (attached): those are left as they are.
   */
  async oneThreadPerQuery(): Promise<string | undefined> {
    if (this.attached || process.env.JIUZHU_THREADS) return undefined;
    const [{ n }] = await this.all<{ n: string }>(`SELECT current_setting('threads')::VARCHAR AS n`);
    await this.run(`SET threads = 1`);
    return n;
  }

  /** Another connection to this dataset's database, for statements run side by side; the caller closes it. */
  async connect(): Promise<DuckDBConnection> {
    const conn = await this.instance.connect();
    if (this.attached) await conn.run(`USE ${this.catalog}`);
    return conn;
  }

  /**
   * The same tables through a connection of its own (closed by `unhide`), so a query can run
   * beside one on this dataset's connection; temporary tables and per-dataset caches are its own.
   */
  async ownConnection(): Promise<Dataset> {
    return Object.assign(Object.create(this), { conn: await this.connect(), hidden: new Map() });
  }

  /** Closes the connection `hide` or `ownConnection` opened, and with it its views; called on the dataset it returned. */
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
    if (!this.attached) {
      this.conn.closeSync();
      this.instance.closeSync();
      return;
    }
    // Detaching frees the database's memory; the shared instance stays for the next dataset.
    const conn = this.conn;
    void conn
      .run(`USE memory; DETACH ${this.catalog}`)
      .catch(() => undefined)
      .finally(() => conn.closeSync());
  }
}
