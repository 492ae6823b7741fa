// Fingerprints are stable (runs, masking, export shape) and reveal nothing: keyed with the agency's
// key (HMAC-SHA256), and without one never derived from a resident ID.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fingerprint, setFingerprintKey } from '../engine/findings/finding';
import { loadExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { auditDataset } from '../engine/run/audit';
import { findingDetail } from '../policies/rule';
import { runCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..');
const FOLDER = path.join(ROOT, 'examples', 'naiman-2024');
const DUPLICATES = path.join(ROOT, 'tests', 'fixtures', 'exports', 'crosschecks-duplicates.json');

interface Reported {
  rule: string;
  record: { collection: string; id: string };
  fingerprint: string;
}

/** The example export as one JSON file: the same records as the folder of NDJSON. */
function asOneFile(dir: string): string {
  const whole: Record<string, unknown> = { meta: JSON.parse(fs.readFileSync(path.join(FOLDER, 'meta.json'), 'utf8')) };
  for (const name of fs.readdirSync(FOLDER).filter((n) => n.endsWith('.ndjson')).sort())
    whole[name.replace(/\.ndjson$/, '')] = fs.readFileSync(path.join(FOLDER, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const file = path.join(dir, 'naiman.json');
  fs.writeFileSync(file, JSON.stringify(whole));
  return file;
}

describe('fingerprints', function () {
  this.timeout(120_000);
  let dir: string;
  const runs = new Map<string, Reported[]>();

  async function audit(name: string, exportPath: string, ...extra: string[]): Promise<Reported[]> {
    const out = path.join(dir, name);
    const r = await runCli('audit', exportPath, '--out', out, '--format', 'json', ...extra);
    expect(r.code, r.stderr).to.equal(1);
    const findings = JSON.parse(fs.readFileSync(path.join(out, 'compliance.json'), 'utf8')).findings as Reported[];
    runs.set(name, findings);
    return findings;
  }
  const prints = (name: string) => runs.get(name)!.map((f) => f.fingerprint).sort();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-fp-'));
    fs.writeFileSync(path.join(dir, 'key'), 'county-secret-2024\n');
    await audit('folder', FOLDER);
    await audit('again', FOLDER);
    await audit('file', asOneFile(dir));
    await audit('keyed', FOLDER, '--fingerprint-key-file', path.join(dir, 'key'));
  });
  after(() => {
    setFingerprintKey(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are the same when the same export is audited twice', () => {
    expect(prints('again')).to.deep.equal(prints('folder'));
  });

  it('are the same for one JSON file and a folder of NDJSON holding the same records', () => {
    expect(prints('file')).to.deep.equal(prints('folder'));
  });

  // Masked and unmasked alike: --show-personal-data reaches only the report, and
  // tests/personal-data-leak.test.ts compares the fingerprints of both reports of every export.

  it('differ with a key and without one', () => {
    const keyless = new Set(prints('folder'));
    expect(prints('keyed')).to.have.length(prints('folder').length);
    expect(prints('keyed').filter((f) => keyless.has(f))).to.deep.equal([]);
  });

  it('of a finding naming a resident (a death, a duplicate) are no unkeyed hash of the ID, with a key or without', async () => {
    const loaded = await loadExport(DUPLICATES);
    try {
      const profile = loadProfile(loaded.meta.jurisdiction ?? 'national');
      const findings = async (key?: string) => {
        setFingerprintKey(key === undefined ? undefined : Buffer.from(key));
        return (await auditDataset(loaded, profile)).flatMap((r) => r.findings);
      };
      const keyless = await findings();
      const keyed = await findings('county-secret-2024');
      setFingerprintKey(undefined);
      const naming = keyless.map((f, i) => ({ f, keyed: keyed[i], detail: findingDetail(f) ?? '' })).filter((x) => /\d{17}[\dXx]/.test(x.detail));
      expect(naming.map((x) => x.f.rule)).to.include.members(['DUP-DECEASED', 'ELIG-SINGLE', 'DUP-URBAN-RURAL']);
      for (const { f, keyed: k, detail } of naming) {
        expect(k.rule).to.equal(f.rule);
        // What the fingerprint was before keys: a brute-force target (region + birth date + sequence).
        const unkeyed = createHash('sha256').update([f.rule, f.record.collection, f.record.id, detail].join('\u0000')).digest('hex').slice(0, 16);
        expect(f.fingerprint).to.not.equal(unkeyed);
        expect(k.fingerprint).to.not.equal(unkeyed).and.not.equal(f.fingerprint);
      }
    } finally {
      loaded.dataset.close();
    }
  });

  it('without a key do not change when only the resident ID changes', () => {
    setFingerprintKey(undefined);
    const a = fingerprint('DEATH-STOP', { collection: 'deaths', id: '150525195209061526' }, 'paid:150525195209061526');
    const b = fingerprint('DEATH-STOP', { collection: 'deaths', id: '110101199001011234' }, 'paid:110101199001011234');
    expect(a).to.equal(b).and.to.match(/^[0-9a-f]{16}$/);
  });

  it('with a key depend on the key and stay 16 hex characters', () => {
    setFingerprintKey(Buffer.from('one'));
    const one = fingerprint('R', { collection: 'deaths', id: '150525195209061526' });
    setFingerprintKey(Buffer.from('two'));
    const two = fingerprint('R', { collection: 'deaths', id: '150525195209061526' });
    setFingerprintKey(undefined);
    expect(one).to.match(/^[0-9a-f]{16}$/);
    expect(one).to.not.equal(two);
  });

  it('take the key from JIUZHU_FINGERPRINT_KEY as from the key file', async () => {
    process.env.JIUZHU_FINGERPRINT_KEY = 'county-secret-2024';
    try {
      await audit('env', FOLDER);
    } finally {
      delete process.env.JIUZHU_FINGERPRINT_KEY;
    }
    expect(prints('env')).to.deep.equal(prints('keyed'));
  });

  it('printed by explain with the key are those the keyed audit reported', async () => {
    const f = runs.get('keyed')![0];
    const r = await runCli('explain', FOLDER, f.record.id, '--json', '--fingerprint-key-file', path.join(dir, 'key'));
    expect(r.code, r.stderr).to.equal(0);
    const explained = (JSON.parse(r.stdout).rules as { findings: Reported[] }[]).flatMap((x) => x.findings).map((x) => x.fingerprint);
    expect(explained).to.include(f.fingerprint);
  });

  for (const [what, setup] of [
    ['missing', () => path.join(dir, 'no-such-key')],
    ['empty', () => (fs.writeFileSync(path.join(dir, 'empty'), '\n'), path.join(dir, 'empty'))],
  ] as const)
    it(`exit 2 with one Chinese and one English line when the key file is ${what}`, async () => {
      const r = await runCli('audit', FOLDER, '--out', path.join(dir, what), '--fingerprint-key-file', setup());
      expect(r.code).to.equal(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).to.have.length(2);
      expect(lines[0]).to.match(/指纹密钥文件/);
      expect(lines[1]).to.match(/fingerprint key file/);
    });
});
