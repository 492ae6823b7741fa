// Every fixture export audited under every profile, reduced to what a report shows of each rule:
// its outcome, counts and findings. Moving rules onto the frame must leave all of it unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAMES } from '../../schemas/case-export';
import { loadExport, LoadedExport } from '../../engine/load/loader';
import { loadProfile, PROFILES_DIR } from '../../engine/profile/load';
import { ResolvedProfile } from '../../engine/profile/profile';
import { auditRule, collectionsRead } from '../../engine/run/audit';
import { RuleResult } from '../../engine/run/outcome';
import { Rule } from '../../policies/rule';
import { RULES } from '../../policies/rules';

const ROOT = path.resolve(__dirname, '..', '..');
const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');
// Findings and reasons name export files by absolute path; the snapshot keeps them relative to the checkout,
// so the test passes in any worktree or clone.
const relativePaths = (json: string) => json.split(JSON.stringify(ROOT + path.sep).slice(1, -1)).join('');
export const GOLDEN_FILE = path.join(ROOT, 'tests', 'fixtures', 'golden', 'findings.json');

/** Every export a test or feature audits: each file or folder under tests/fixtures/exports, and the example. */
export function goldenExports(): string[] {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'exports');
  return [...fs.readdirSync(dir).sort().map((n) => path.join(dir, n)), path.join(ROOT, 'examples', 'naiman-2024')].map(rel);
}

const yamlIn = (dir: string) => fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
const idOf = (file: string) => path.basename(file).replace(/\.ya?ml$/, '');

/**
 * Every profile, named by its file: the real ones by id; the test files in tests/fixtures/profiles
 * by path (their chain from policies/profiles); each test folder's files with the folder as the
 * chain's home. A profile the loader refuses is kept as its refusal.
 */
export function goldenProfiles(): { name: string; profile?: ResolvedProfile; refused?: string }[] {
  const testDir = path.join(ROOT, 'tests', 'fixtures', 'profiles');
  const folders = fs.readdirSync(testDir).sort().map((n) => path.join(testDir, n)).filter((d) => fs.statSync(d).isDirectory());
  const all: [string, () => ResolvedProfile][] = [
    ...yamlIn(PROFILES_DIR).map((f): [string, () => ResolvedProfile] => [f, () => loadProfile(idOf(f))]),
    ...yamlIn(testDir).map((f): [string, () => ResolvedProfile] => [f, () => loadProfile(f)]),
    ...folders.flatMap((d) => yamlIn(d).map((f): [string, () => ResolvedProfile] => [f, () => loadProfile(idOf(f), d)])),
  ];
  return all.map(([file, load]) => {
    try {
      return { name: rel(file), profile: load() };
    } catch (e) {
      return { name: rel(file), refused: (e as Error).message };
    }
  });
}

/** What one rule gave under a group of profiles that all gave exactly this. */
export interface GoldenResult {
  profiles: string[];
  outcome: string;
  counts: RuleResult['counts'];
  reason?: RuleResult['reason'];
  findings: unknown[];
}

export interface Golden {
  refused: Record<string, string>;
  /** export → rule id → the distinct results, each with the profiles that gave it. */
  audits: Record<string, Record<string, GoldenResult[]>>;
}

// What a rule read of the profile while it ran: parameter timelines, its citations, the profile's
// identity ('info'), or everything ('*') for any other access.
type Reads = Set<string>;

function recording(profile: ResolvedProfile, reads: Reads): ResolvedProfile {
  const byKey = new Set(['at', 'timeline', 'effectiveFrom']);
  return new Proxy(profile, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'id' || prop === 'info') reads.add('info');
      else if (prop === 'citationAt' || prop === 'citationTimeline') reads.add(`cite:`);
      else if (typeof prop === 'string' && byKey.has(prop))
        return (key: string, ...rest: unknown[]) => {
          reads.add(`param:${key}`);
          return (value as (...a: unknown[]) => unknown).call(target, key, ...rest);
        };
      else reads.add('*');
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The part of `profile` that `reads` names, as a string: two profiles equal on it give one rule the same result. */
function readValues(profile: ResolvedProfile, rule: Rule, reads: Reads): string {
  return JSON.stringify(
    [...reads].sort().map((r) => {
      if (r === 'info') return [r, profile.info];
      if (r === 'cite:') return [r, profile.citationTimeline(rule.id)];
      if (r.startsWith('param:')) return [r, profile.timeline(r.slice('param:'.length))];
      return [r, profile.info, profile.keys().map((k) => profile.timeline(k))];
    }),
  );
}

/** Runs that threw, as `rule profile: the error's first line`. */
type Failures = string[];

/**
 * `run` under each profile, `run` calling `rules` with the profile it is given. A profile that
 * agrees with an earlier one on everything the earlier run read of it gets that run's result: a
 * rule is a pure function of what it read (it would run the same SQL over the same tables), so
 * each run happens once per distinct set of values the rules use, not once per profile.
 */
export async function eachProfile<T>(profiles: ResolvedProfile[], rules: readonly Rule[], run: (profile: ResolvedProfile) => Promise<T>): Promise<T[]> {
  const valuesOf = (profile: ResolvedProfile, reads: Reads) => rules.map((rule) => readValues(profile, rule, reads)).join('\n');
  const runs: { reads: Reads; values: string; result: T }[] = [];
  const out: T[] = [];
  for (const profile of profiles) {
    const same = runs.find((r) => valuesOf(profile, r.reads) === r.values);
    if (same) {
      out.push(same.result);
      continue;
    }
    const reads: Reads = new Set();
    const result = await run(recording(profile, reads));
    runs.push({ reads, values: valuesOf(profile, reads), result });
    out.push(result);
  }
  return out;
}

/** `rule` on `loaded` under each profile (see `eachProfile`); a run that throws is noted in `failed` and gives no result. */
async function ruleUnder(loaded: LoadedExport, rule: Rule, profiles: { name: string; profile: ResolvedProfile }[], failed: Failures): Promise<GoldenResult[]> {
  const runs = await eachProfile(
    profiles.map((p) => p.profile),
    [rule],
    (profile) => auditRule(loaded, profile, rule).catch((e: Error) => e),
  );
  const results: GoldenResult[] = [];
  // A run shared by several profiles is one result: it is converted once, and they are added to it.
  const entries = new Map<unknown, GoldenResult>();
  runs.forEach((r, i) => {
    const name = profiles[i].name;
    if (r instanceof Error) return void failed.push(`${rule.id} ${name}: ${r.message.split('\n')[0]}`);
    const known = entries.get(r);
    if (known) return void known.profiles.push(name);
    const result: GoldenResult = JSON.parse(
      relativePaths(JSON.stringify({ profiles: [name], outcome: r.outcome, counts: r.counts, ...(r.reason ? { reason: r.reason } : {}), findings: r.findings })),
    );
    // Two different reads can still give equal results: one entry per distinct result.
    const equal = results.find((x) => JSON.stringify({ ...x, profiles: [] }) === JSON.stringify({ ...result, profiles: [] }));
    if (equal) equal.profiles.push(name);
    else results.push(result);
    entries.set(r, equal ?? result);
  });
  return results;
}

/** Every rule's results on one export (rule id → distinct results), and the runs that threw. */
export interface ExportAudit {
  rules: Record<string, GoldenResult[]>;
  failed: Failures;
}

/**
 * Every rule of `rules` on one export under every loadable profile, one DuckDB for the export,
 * with the tables of the collections a rule does not declare (`needs`, `reads`) renamed away
 * while it runs: the export still has them, but naming one in SQL fails ("Table … does not
 * exist"), so an undeclared read is a failed run. Rules declaring the same collections share
 * one renaming. Nothing else differs from a plain run: `Dataset.has` answers from the export's
 * files, and no rule looks tables up in DuckDB's catalogue.
 */
export async function auditEveryRule(exportPath: string, profiles = goldenProfiles(), rules: readonly Rule[] = RULES): Promise<ExportAudit> {
  const loaded = await loadExport(path.join(ROOT, exportPath));
  const ds = loaded.dataset;
  const usable = profiles.filter((p): p is { name: string; profile: ResolvedProfile } => !!p.profile);
  const byDeclared = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = collectionsRead(rule).sort().join(',');
    byDeclared.set(key, [...(byDeclared.get(key) ?? []), rule]);
  }
  const done = new Map<string, GoldenResult[]>();
  const failed: Failures = [];
  try {
    for (const group of byDeclared.values()) {
      const hidden = COLLECTION_NAMES.filter((c) => ds.has(c) && !collectionsRead(group[0]).includes(c));
      for (const c of hidden) await ds.run(`ALTER TABLE ${c} RENAME TO undeclared_${c}`);
      try {
        for (const rule of group) done.set(rule.id, await ruleUnder(loaded, rule, usable, failed));
      } finally {
        for (const c of hidden) await ds.run(`ALTER TABLE undeclared_${c} RENAME TO ${c}`);
      }
    }
  } finally {
    ds.close();
  }
  // In the rules' order, as the snapshot lists them.
  return { rules: Object.fromEntries(rules.map((r) => [r.id, done.get(r.id)!])), failed };
}

/** The audit of one export under every loadable profile (see `auditEveryRule`); a run that throws fails it. */
export async function goldenOf(exportPath: string, profiles = goldenProfiles()): Promise<Record<string, GoldenResult[]>> {
  const { rules, failed } = await auditEveryRule(exportPath, profiles);
  if (failed.length) throw new Error(`${exportPath}: ${failed.join('; ')}`);
  return rules;
}

export async function goldenAll(): Promise<Golden> {
  const profiles = goldenProfiles();
  const golden: Golden = { refused: {}, audits: {} };
  for (const p of profiles) if (p.refused) golden.refused[p.name] = p.refused;
  for (const e of goldenExports()) golden.audits[e] = await goldenOf(e, profiles);
  return golden;
}

/** The snapshot as text: one line per finding, so a diff names the finding that changed. */
export function goldenText(golden: Golden): string {
  const lines = ['{', ` "refused": ${JSON.stringify(golden.refused)},`, ' "audits": {'];
  const exports = Object.entries(golden.audits);
  exports.forEach(([e, rules], ei) => {
    lines.push(`  ${JSON.stringify(e)}: {`);
    const ids = Object.entries(rules);
    ids.forEach(([id, results], ri) => {
      lines.push(`   ${JSON.stringify(id)}: [`);
      results.forEach((r, i) => {
        const { findings, ...head } = r;
        lines.push(`    ${JSON.stringify(head).slice(0, -1)}, "findings": [`);
        findings.forEach((f, fi) => lines.push(`     ${JSON.stringify(f)}${fi < findings.length - 1 ? ',' : ''}`));
        lines.push(`    ]}${i < results.length - 1 ? ',' : ''}`);
      });
      lines.push(`   ]${ri < ids.length - 1 ? ',' : ''}`);
    });
    lines.push(`  }${ei < exports.length - 1 ? ',' : ''}`);
  });
  lines.push(' }', '}', '');
  return lines.join('\n');
}
