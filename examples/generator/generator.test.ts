import { expect } from 'chai';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationT, collectionsOf, COLLECTIONS, HouseholdT, Meta, NoticeT, PaymentT, StaffT } from '../../schemas/case-export';
import { birthDateOfResidentId, isValidResidentId } from '../../policies/checks/resident-id';
import { isMobileNumber } from '../../policies/checks/phone';
import { dayOf } from './dates';
import { ageOn } from './household';
import { generateExport, GenerateResult } from './index';
import { PLANT_KINDS, plantPositions } from './plants';
import { plantedMarkdown } from './planted-md';

// The generator writes a contract 1.0 export.
const COLLECTION_NAMES = collectionsOf('1.0');

const ALLOWED_LABELS = ['申请人姓名', '家庭人口', '保障金额', '所在地'];

function readLines(dir: string, c: string): unknown[] {
  const text = readFileSync(join(dir, `${c}.ndjson`), 'utf8');
  return text === '' ? [] : text.trimEnd().split('\n').map((l) => JSON.parse(l));
}

/** Lines as written: hand-built lines must be exactly what JSON.stringify would write. */
function rawLines(dir: string, c: string): string[] {
  const text = readFileSync(join(dir, `${c}.ndjson`), 'utf8');
  return text === '' ? [] : text.trimEnd().split('\n');
}

describe('example export generator', function () {
  this.timeout(60_000);
  let root: string;
  let dir: string;
  let result: GenerateResult;
  const data: Record<string, any[]> = {};

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'jiuzhu-gen-'));
    dir = join(root, 'a');
    result = await generateExport({ outDir: dir, households: 200, seed: 42, plant: true });
    for (const c of COLLECTION_NAMES) data[c] = readLines(dir, c);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes meta.json and one NDJSON file per collection, counted as returned', () => {
    expect(readdirSync(dir).sort()).to.deep.equal(['meta.json', ...COLLECTION_NAMES.map((c) => `${c}.ndjson`)].sort());
    for (const c of COLLECTION_NAMES) expect(data[c].length, c).to.equal(result.counts[c]);
    expect(result.counts.households).to.equal(200);
    const bytes = readdirSync(dir).reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    expect(result.bytes).to.equal(bytes);
  });

  it('validates every line of every file against the contract schemas', () => {
    const meta = Meta.safeParse(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
    expect(meta.success, JSON.stringify(meta.error?.issues)).to.equal(true);
    expect(meta.data!.jurisdiction).to.equal('neimenggu-naiman');
    expect(meta.data!.period).to.deep.equal({ from: '2024-01-01', to: '2024-12-31' });
    for (const c of COLLECTION_NAMES) {
      rawLines(dir, c).forEach((l, line) => expect(JSON.stringify(JSON.parse(l)), `${c}.ndjson line ${line + 1} is not canonical JSON`).to.equal(l));
      data[c].forEach((rec, line) => {
        const r = COLLECTIONS[c].schema.safeParse(rec);
        expect(r.success, `${c}.ndjson line ${line + 1}: ${JSON.stringify(r.error?.issues)}`).to.equal(true);
      });
    }
  });

  it('gives byte-identical output for the same seed, and different output for another', async () => {
    const again = join(root, 'b');
    const other = join(root, 'c');
    await generateExport({ outDir: again, households: 200, seed: 42, plant: true });
    await generateExport({ outDir: other, households: 200, seed: 43, plant: true });
    for (const f of readdirSync(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).to.equal(true);
    expect(readFileSync(join(other, 'households.ndjson')).equals(readFileSync(join(dir, 'households.ndjson')))).to.equal(false);
  });

  it('uses unique, valid ID numbers whose birth digits are the birth date', () => {
    const seen = new Set<string>();
    for (const h of data.households as HouseholdT[]) {
      for (const m of h.members) {
        expect(isValidResidentId(m.person_id), m.person_id).to.equal(true);
        expect(birthDateOfResidentId(m.person_id)).to.equal(m.birth_date);
        expect(seen.has(m.person_id), m.person_id).to.equal(false);
        seen.add(m.person_id);
      }
      expect(h.region_code).to.match(/^150525\d{6}$/);
    }
    for (const s of data.staff as StaffT[]) {
      for (const id of [s.person_id, ...s.relatives.filter((r) => !seen.has(r.person_id)).map((r) => r.person_id)]) {
        expect(isValidResidentId(id), id).to.equal(true);
        expect(seen.has(id), id).to.equal(false);
        seen.add(id);
      }
    }
  });

  it('has children, elderly, both area types and every programme', () => {
    const ages = (data.households as HouseholdT[]).flatMap((h) => h.members.map((m) => ageOn(m.birth_date, '2024-01-01')));
    expect(ages.some((a) => a < 18)).to.equal(true);
    expect(ages.some((a) => a >= 80)).to.equal(true);
    expect(new Set((data.households as HouseholdT[]).map((h) => h.area_type))).to.deep.equal(new Set(['urban', 'rural']));
    expect(new Set((data.applications as ApplicationT[]).map((a) => a.program))).to.deep.equal(new Set(['dibao', 'tekun', 'temporary', 'low_income']));
    expect(new Set((data.notices as NoticeT[]).map((n) => n.kind))).to.deep.equal(new Set(['review', 'decision', 'standing']));
    expect(data.deaths.length).to.be.greaterThan(0);
    expect(data.relative_filings.length).to.be.greaterThan(0);
  });

  it('keeps every notice that is not planted clean', () => {
    const plantedIds = new Set(result.planted.filter((p) => p.collection === 'notices').map((p) => p.id));
    const apps = new Map((data.applications as ApplicationT[]).map((a) => [a.application_id, a]));
    const households = new Map((data.households as HouseholdT[]).map((h) => [h.household_id, h]));
    let clean = 0;
    for (const n of data.notices as NoticeT[]) {
      if (plantedIds.has(n.notice_id)) continue;
      clean++;
      expect(n.columns.map((c) => c.label), n.notice_id).to.deep.equal(ALLOWED_LABELS);
      expect(dayOf(n.ends_on) - dayOf(n.posted_on), n.notice_id).to.be.at.least(7);
      for (const c of n.columns) {
        expect(/\d{15,}/.test(c.value) || isMobileNumber(c.value), `${n.notice_id} ${c.value}`).to.equal(false);
      }
      const minors = households.get(n.household_id)!.members.filter((m) => ageOn(m.birth_date, n.posted_on) < 18);
      for (const m of minors) expect(n.columns.some((c) => c.value.includes(m.name)), `${n.notice_id} names minor ${m.name}`).to.equal(false);
      const app = n.application_id ? apps.get(n.application_id) : undefined;
      if (app?.decision && !result.planted.some((p) => p.id === app.application_id)) expect(app.decision.decided_on > n.ends_on, n.notice_id).to.equal(true);
      for (const o of n.objections ?? []) {
        expect(o.received_on >= n.posted_on && o.received_on <= n.ends_on).to.equal(true);
        expect(o.resolved_on! < app!.decision!.decided_on).to.equal(true);
      }
    }
    expect(clean).to.be.greaterThan(200);
  });

  it('gives every approved application a notice and pays households in receipt monthly', () => {
    const noticed = new Set((data.notices as NoticeT[]).map((n) => n.application_id));
    const payments = new Map<string, PaymentT[]>();
    for (const p of data.payments as PaymentT[]) payments.set(p.application_id, [...(payments.get(p.application_id) ?? []), p]);
    const noNotice = result.planted.find((p) => p.rule === 'NOTICE-REQUIRED')!.id;
    for (const a of data.applications as ApplicationT[]) {
      if (a.decision?.result !== 'approved') {
        expect(payments.has(a.application_id), a.application_id).to.equal(false);
        continue;
      }
      expect(noticed.has(a.application_id), a.application_id).to.equal(a.application_id !== noNotice);
      const paid = payments.get(a.application_id) ?? [];
      if (a.decision.start_month && a.decision.start_month < '2024-01' && !a.exit) expect(paid.length, a.application_id).to.equal(12);
      for (const p of paid) {
        expect(String(p.amount)).to.match(/^\d+(\.\d{1,2})?$/); // at most two decimals as written
        if (a.exit) expect(p.month <= a.exit.ended_on.slice(0, 7)).to.equal(true);
      }
    }
  });

  it('plants each kind once and records where', () => {
    expect(plantPositions(200).size).to.equal(PLANT_KINDS.length);
    const notices = new Map((data.notices as NoticeT[]).map((n) => [n.notice_id, n]));
    const apps = new Map((data.applications as ApplicationT[]).map((a) => [a.application_id, a]));
    for (const p of result.planted) {
      expect((p.collection === 'notices' ? notices : apps).has(p.id), `${p.rule} ${p.id}`).to.equal(true);
    }
    const rules = result.planted.map((p) => `${p.rule}:${p.expect}`);
    expect(rules.filter((r) => r === 'NOTICE-FIELDS:violation')).to.have.length(4);
    expect(rules.filter((r) => r === 'NOTICE-PII-VALUES:violation')).to.have.length(2);
    expect(rules.filter((r) => r === 'NOTICE-MINORS:violation')).to.have.length(2);
    expect(rules.filter((r) => r === 'NOTICE-REQUIRED:violation')).to.have.length(2);
    expect(rules.filter((r) => r === 'NOTICE-PERIOD:violation')).to.have.length(2);
    expect(rules.filter((r) => r.endsWith(':pre_rule_history'))).to.have.length(2);

    const idColumn = result.planted.find((p) => p.rule === 'NOTICE-PII-VALUES' && p.expect === 'violation' && p.what.includes('身份证号'))!;
    expect(isValidResidentId(notices.get(idColumn.id)!.columns.find((c) => c.label === '身份证号')!.value)).to.equal(true);
    const preRule = notices.get(result.planted.find((p) => p.expect === 'pre_rule_history')!.id)!;
    expect(preRule.posted_on < '2021-11-01').to.equal(true);
    const short = notices.get(result.planted.find((p) => p.rule === 'NOTICE-PERIOD' && p.what.includes('5 days'))!.id)!;
    expect(dayOf(short.ends_on) - dayOf(short.posted_on) + 1).to.equal(5);
    const [shortPlant, earlyPlant] = result.planted.filter((p) => p.rule === 'NOTICE-PERIOD');
    expect(shortPlant.id).to.equal(short.notice_id);
    const earlyNotice = notices.get(earlyPlant.id)!;
    expect(apps.get(earlyNotice.application_id!)!.decision!.decided_on < earlyNotice.ends_on).to.equal(true);
  });

  it('plants nothing unless asked', async () => {
    const plain = join(root, 'd');
    const r = await generateExport({ outDir: plain, households: 50, seed: 42 });
    expect(r.planted).to.deep.equal([]);
    for (const n of readLines(plain, 'notices') as NoticeT[]) expect(n.columns.map((c) => c.label)).to.deep.equal(ALLOWED_LABELS);
  });

  it('matches the committed example examples/naiman-2024 byte for byte', async () => {
    // Regenerate with: npx ts-node -T examples/generate.ts --households 60 --seed 2024 --plant --out examples/naiman-2024
    const committed = join(__dirname, '..', 'naiman-2024');
    const fresh = join(root, 'naiman');
    const r = await generateExport({ outDir: fresh, households: 60, seed: 2024, plant: true });
    const md = plantedMarkdown(r.planted, 'npx ts-node -T examples/generate.ts --households 60 --seed 2024 --plant --out examples/naiman-2024');
    expect(readFileSync(join(committed, 'PLANTED.md'), 'utf8')).to.equal(md);
    expect(readdirSync(committed).sort()).to.deep.equal([...readdirSync(fresh), 'PLANTED.md'].sort());
    for (const f of readdirSync(fresh)) expect(readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f))), `${f} is stale: regenerate the example`).to.equal(true);
  });
});
