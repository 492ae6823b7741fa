// Finds the export's own names and plates inside report text. Names cannot be told by pattern,
// so the export is the dictionary; a province holds millions of names, so they stay in DuckDB:
// the distinct substrings of the texts, of each length a name has, are joined with them there.
import { Dataset } from '../dataset/dataset';
import { KnownValue, SpanKind } from './personal-data';
import { fieldSql, fieldValues, PERSONAL_FIELDS } from './personal-fields';

// IDs are found by pattern (NUMBER_RUN); only what no pattern finds goes into the join.
const DICTIONARY_KINDS: SpanKind[] = ['name', 'plate'];
const DICTIONARY_FIELDS = PERSONAL_FIELDS.filter((f) => DICTIONARY_KINDS.includes(f.kind));

let serial = 0;
const CHUNK = 20_000;

// Lengths in UTF-16 units, as JS slices strings: a character beyond the BMP counts twice.
const UTF16_LENGTH = `length(value) + length(regexp_replace(value, '[^\\x{10000}-\\x{10FFFF}]', '', 'g'))`;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Calls `fn` with each substring of the text of one of the lengths and two characters or more; a one-character text is itself. */
function eachCandidate(text: string, lengths: number[], fn: (sub: string) => void): void {
  if (text.length === 1 || (text.length === 2 && isHighSurrogate(text.charCodeAt(0)))) return fn(text);
  for (let p = 0; p < text.length; p++) {
    const first = text.charCodeAt(p);
    if (isLowSurrogate(first)) continue;
    for (const n of lengths) {
      if (n === 1 || p + n > text.length || isHighSurrogate(text.charCodeAt(p + n - 1))) continue;
      if (n === 2 && isHighSurrogate(first)) continue; // one character beyond the BMP
      fn(text.slice(p, p + n));
    }
  }
}

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
   * The texts' substrings of every length a name has are made here, each distinct one sent once
   * (report text repeats its templates), and joined with the names in DuckDB: only hits come back.
   */
  async lookup(texts: string[]): Promise<KnownValue[][]> {
    if (!texts.length || !this.ds) return texts.map(() => []);
    const dict = await this.dictionary(this.ds);
    const lengths = (await this.ds.all<{ n: number }>(`SELECT DISTINCT ${UTF16_LENGTH} AS n FROM ${dict}`)).map((r) => Number(r.n));
    const found: KnownValue[][] = [];
    // In chunks, so the substrings held in memory stay bounded however long the report.
    for (let i = 0; i < texts.length; i += CHUNK) found.push(...(await this.lookupChunk(this.ds, dict, lengths, texts.slice(i, i + CHUNK))));
    return found;
  }

  private async lookupChunk(ds: Dataset, dict: string, lengths: number[], texts: string[]): Promise<KnownValue[][]> {
    const table = `jz_mask_subs_${++serial}`;
    await ds.run(`CREATE TEMP TABLE ${table} (sub VARCHAR)`);
    try {
      // Each distinct substring is numbered and sent once; each text keeps the numbers of its own.
      const numbers = new Map<string, number>();
      const ofText: number[][] = [];
      const appender = await ds.conn.createAppender(table, 'main', 'temp');
      for (const t of texts) {
        const own: number[] = [];
        eachCandidate(t, lengths, (sub) => {
          let n = numbers.get(sub);
          if (n === undefined) {
            numbers.set(sub, (n = numbers.size));
            appender.appendVarchar(sub);
            appender.endRow();
          }
          own.push(n);
        });
        ofText.push(own);
      }
      appender.closeSync();
      const hits = new Map<number, KnownValue>();
      for (const r of await ds.all<{ value: string; kind: SpanKind }>(`SELECT d.value, d.kind FROM ${table} s JOIN ${dict} d ON d.value = s.sub`)) hits.set(numbers.get(r.value)!, r);
      return ofText.map((own) => [...new Set(own.filter((n) => hits.has(n)))].map((n) => hits.get(n)!));
    } finally {
      await ds.run(`DROP TABLE IF EXISTS ${table}`);
    }
  }

  /** Drops the dictionary table; the dictionary can be used again (it is rebuilt). */
  async close(): Promise<void> {
    if (this.table && this.ds) await this.ds.run(`DROP TABLE IF EXISTS ${this.table}`);
    this.table = undefined;
  }

  private async dictionary(ds: Dataset): Promise<string> {
    if (this.table) return this.table;
    const table = `jz_mask_dict_${++serial}`;
    const rejected = `${table}_rejected`;
    await ds.run(`CREATE TEMP TABLE ${rejected} (value VARCHAR, kind VARCHAR)`);
    const appender = await ds.conn.createAppender(rejected, 'main', 'temp');
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
    const selects = [
      ...DICTIONARY_FIELDS.filter((f) => ds.has(f.collection)).map((f) => `SELECT ${fieldSql(f.path)}::VARCHAR AS value, '${f.kind}' AS kind FROM ${f.collection}`),
      `SELECT value, kind FROM ${rejected}`,
    ];
    // One pass over the tables; a value that is both a name and a plate is masked as a name.
    await ds.run(`CREATE TEMP TABLE ${table} AS SELECT value, min(kind) AS kind FROM (${selects.join(' UNION ALL ')}) WHERE length(value) >= 1 GROUP BY value`);
    await ds.run(`DROP TABLE ${rejected}`);
    this.table = table;
    return table;
  }
}
