// No personal value of an export reaches any report, stdout, stderr or `explain` unless asked.
// The values are collected here from the raw export files, by the contract's personal fields and
// by plain patterns for numbers and house numbers, independently of the masking code; then every
// fixture and example export is audited (all rules) and every output searched for them.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeParquetExport } from '../examples/parquet';
import { explain, explanationOutput, shownExplanation } from '../engine/cli/commands/explain';
import { JiuzhuError } from '../engine/errors';
import { maskReport } from '../engine/findings/masking';
import { loadExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { CollectionName } from '../schemas/case-export';
import { buildReport, ComplianceReport, REPORT_SHAPE } from '../engine/report/model';
import { FORMATS } from '../engine/report/write';
import { auditDataset } from '../engine/run/audit';
import { featureFiles } from '../engine/run/features';
import { runCli } from './support/cli';
import { captureStdout } from './support/stdout';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'exports');
const EXAMPLE = path.join(ROOT, 'examples', 'naiman-2024');
// The example again as a Parquet folder (written in `before`); its values are read from the NDJSON it came from.
const PARQUET_EXAMPLE = path.join(os.tmpdir(), `jiuzhu-leak-parquet-${process.pid}`, 'naiman-2024-parquet');
const EXPORTS = [...fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)), EXAMPLE, PARQUET_EXAMPLE];
const FREE_TEXT = path.join(FIXTURES, 'personal-data-free-text.json');

type Kind = 'name' | 'id' | 'plate' | 'phone' | 'card' | 'address';
interface Value {
  kind: Kind;
  value: string;
}

/** Every record of an export as parsed from its files (records the contract rejects included). */
function rawRecords(exportPath: string): { collection: string; record: any }[] {
  if (fs.statSync(exportPath).isFile()) {
    const whole = JSON.parse(fs.readFileSync(exportPath, 'utf8'));
    return Object.entries(whole).flatMap(([c, v]) => (c !== 'meta' && Array.isArray(v) ? v.map((record) => ({ collection: c, record })) : []));
  }
  return fs.readdirSync(exportPath).flatMap((name) => {
    const m = /^(.+)\.(ndjson|jsonl|json)$/.exec(name);
    if (!m || name === 'meta.json') return [];
    const text = fs.readFileSync(path.join(exportPath, name), 'utf8');
    const records = name.endsWith('.json') ? JSON.parse(text) : text.split('\n').filter((l) => l.trim()).flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } });
    return records.map((record: any) => ({ collection: m[1], record }));
  });
}

const list = (x: unknown): any[] => (Array.isArray(x) ? x : []);

function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

/** The personal values an export holds, by field (names, IDs, plates) and in any text (numbers, house numbers). */
function personalValues(exportPath: string): Value[] {
  const out: Value[] = [];
  const add = (kind: Kind, v: unknown) => typeof v === 'string' && out.push({ kind, value: v });
  for (const { collection, record: r } of rawRecords(exportPath)) {
    if (!r || typeof r !== 'object') continue;
    if (collection === 'households') {
      for (const m of list(r.members)) add('name', m?.name), add('id', m?.person_id);
      for (const v of list(r.vehicles)) add('plate', v?.plate), add('id', v?.owner_person_id);
    }
    if (collection === 'staff') {
      add('name', r.name), add('id', r.person_id);
      for (const x of list(r.relatives)) add('name', x?.name), add('id', x?.person_id);
    }
    if (collection === 'applications') add('id', r.applicant_person_id), list(r.decision?.covered_person_ids).forEach((v) => add('id', v));
    if (collection === 'payments' || collection === 'deaths') add('id', r.person_id);
    if (collection === 'fraud_cases') list(r.person_ids).forEach((v) => add('id', v));
    for (const s of strings(r)) {
      const text = s.normalize('NFKC');
      for (const m of text.matchAll(/\d(?:[\d -]*[\dXx])?/g)) {
        const digits = m[0].replace(/[ -]/g, '');
        const kind: Kind | undefined = /^1[3-9]\d{9}$|^0\d{9,11}$/.test(digits) ? 'phone' : /^\d{17}[\dXx]$|^\d{15}$/.test(digits) ? 'id' : /^\d{16,19}$/.test(digits) ? 'card' : undefined;
        if (kind) add(kind, digits), add(kind, m[0]), add(kind, s.slice(m.index, m.index + m[0].length));
      }
      // A house number: the value itself, and the part from the number on, must not be shown.
      const house = /[0-9]+\s*(号|室|单元|栋|幢)|[一二三四五六七八九十]+号$/.exec(text);
      if (house) add('address', s), add('address', text.slice(house.index));
    }
  }
  const seen = new Set<string>();
  return out.filter((v) => [...v.value].length >= 2 && !seen.has(v.value) && seen.add(v.value));
}

function occurrences(values: Value[], outputs: Record<string, string>): string[] {
  return Object.entries(outputs).flatMap(([where, text]) => values.filter((v) => text.includes(v.value)).map((v) => `${where}: ${v.kind} ${v.value}`));
}

const renderAll = (r: ComplianceReport): Record<string, string> => Object.fromEntries(Object.entries(FORMATS).map(([f, { render }]) => [f, render(r)]));

/** Without the one field that records the choice and the time, two runs must agree. */
const comparable = (r: ComplianceReport) => ({ ...r, generated_at: '', options: { ...r.options, show_personal_data: null } });


describe('personal data in reports', function () {
  this.timeout(600_000);
  const revealed = new Set<Kind>();
  // Per export, the record explained with the values searched for in its output.
  const explainedRecords = new Map<string, { id: string; collection: CollectionName; values: Value[] }>();
  before(() => writeParquetExport(EXAMPLE, PARQUET_EXAMPLE, { check: false }));
  after(() => fs.rmSync(path.dirname(PARQUET_EXAMPLE), { recursive: true, force: true }));

  for (const exportPath of EXPORTS)
    it(`shows none of ${path.basename(exportPath)}'s personal values unless asked, and only they differ when asked`, async function () {
      // A fixture made to be refused whole (malformed JSON, a bad meta) yields no report to search.
      const loaded = await loadExport(exportPath, { allowEmpty: true }).catch((e) => (e instanceof JiuzhuError ? undefined : Promise.reject(e)));
      if (!loaded) return this.skip();
      const values = personalValues(exportPath === PARQUET_EXAMPLE ? EXAMPLE : exportPath);
      try {
        const profile = loadProfile(loaded.meta.jurisdiction ?? 'national');
        const results = await auditDataset(loaded, profile);
        const options = { failOn: 'error' as const, featureFiles: featureFiles() };
        const masked = await buildReport(loaded, profile, results, { ...options, showPersonalData: false });
        const shown = await buildReport(loaded, profile, results, { ...options, showPersonalData: true });
        expect(occurrences(values, renderAll(masked))).to.deep.equal([]);
        const shownLeaks = occurrences(values, renderAll(shown));
        for (const l of shownLeaks) revealed.add(l.split(' ')[1] as Kind);
        expect(comparable(await maskReport(shown, REPORT_SHAPE, loaded, false))).to.deep.equal(comparable(masked));
        expect(shown.findings.map((f) => f.fingerprint)).to.deep.equal(masked.findings.map((f) => f.fingerprint));
        // The record whose unmasked findings hold the most personal values, explained as `explain`
        // explains it after loading and auditing the export (the same functions, given this audit),
        // as text and as --json --all.
        const counted = shown.findings.map((f) => ({ id: f.record.id, collection: f.record.collection, n: occurrences(values, { f: JSON.stringify(f) }).length }));
        const best = counted.sort((a, b) => b.n - a.n)[0];
        if (best?.n) {
          const { id, collection } = best;
          const explained = await shownExplanation(loaded, id, { collection, results });
          const text = explanationOutput(explained, {});
          const json = explanationOutput(explained, { json: true, all: true });
          expect(occurrences(values, { explain: text, 'explain --json': json })).to.deep.equal([]);
          explainedRecords.set(exportPath, { id, collection, values });
        }
      } finally {
        loaded.dataset.close();
      }
    });

  // Once, not per export: each explain loads and audits the export again.
  it('shows personal values in explain when asked (the search of explain can fail)', async () => {
    expect(explainedRecords.has(FREE_TEXT)).to.equal(true);
    const { id, collection, values } = explainedRecords.get(FREE_TEXT)!;
    expect(occurrences(values, { explain: await captureStdout(() => explain(FREE_TEXT, id, { collection, showPersonalData: true })) })).not.to.deep.equal([]);
  });

  it('finds every kind of personal value in the unmasked reports (the search can fail)', () => {
    expect([...revealed].sort()).to.deep.equal(['address', 'card', 'id', 'name', 'phone', 'plate']);
  });

  it('shows none in the files, stdout or stderr of a command-line run', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-leak-'));
    const progress = process.env.JIUZHU_PROGRESS;
    process.env.JIUZHU_PROGRESS = '1';
    try {
      // The command's entry point in this process: the same stdout and stderr text a child's would carry.
      const r = await runCli('audit', FREE_TEXT, '--out', out);
      expect(r.code, r.stderr).to.equal(1);
      const outputs: Record<string, string> = { stdout: r.stdout, stderr: r.stderr };
      for (const f of fs.readdirSync(out)) outputs[f] = fs.readFileSync(path.join(out, f), 'utf8');
      expect(Object.keys(outputs)).to.have.length(6);
      expect(occurrences(personalValues(FREE_TEXT), outputs)).to.deep.equal([]);
    } finally {
      if (progress === undefined) delete process.env.JIUZHU_PROGRESS;
      else process.env.JIUZHU_PROGRESS = progress;
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
