// Loads a profile and the chain it extends from policies/profiles/, validates every key and
// value (zod), and folds the overlay. A bad profile is refused with the file and key named.
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import YAML from 'yaml';
import { PARAMETERS } from '../../policies/parameters';
import { JiuzhuError, ProfileError } from '../errors';
import { CitationValue, ParameterValue, ResolvedProfile } from './profile';
import { ProfileFile, ProfileFileT } from './schema';
import { PACKAGE_ROOT } from '../root';
import { parsedAt } from './parsed-yaml';

export const PROFILES_DIR = path.join(PACKAGE_ROOT, 'policies', 'profiles');

export interface ProfileDocument {
  file: string;
  doc: ProfileFileT;
}

export function profileFiles(dir = PROFILES_DIR): string[] {
  return fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(dir, f));
}

// A file read and checked once per process while it stays unchanged: an audit's scenarios name
// the same few profiles again and again, and parsing YAML is most of what loading one costs.
const parsedFiles = new Map<string, { stamp: string; read: ProfileDocument }>();

export function readProfileFile(file: string, text?: string): ProfileDocument {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  const stamp = st ? `${st.mtimeMs}:${st.size}:${process.cwd()}` : '';
  const hit = parsedFiles.get(file);
  if (st && hit?.stamp === stamp) return hit.read;
  const read = parseProfileFile(file, text);
  if (st) parsedFiles.set(file, { stamp, read });
  return read;
}

/**
 * Reads and checks every profile of `dir` ahead of need (an audit does it while its export loads:
 * its features' backgrounds name most profiles), one file per turn of the event loop. A file that
 * fails is not kept, and fails again where it is named.
 */
export async function readProfilesAhead(dir = PROFILES_DIR): Promise<void> {
  for (const file of profileFiles(dir)) {
    await nextTurn();
    try {
      readProfileFile(file);
    } catch {
      // reported where the profile is used
    }
  }
}

function parseProfileFile(file: string, text?: string): ProfileDocument {
  const rel = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    const source = text ?? fs.readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(source) : (parsedAt(source) ?? YAML.parse(source, { uniqueKeys: true }));
  } catch (e) {
    throw new ProfileError(rel, '(file)', `无法解析: ${(e as Error).message.split('\n')[0]}`, `cannot parse: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = ProfileFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.path.join('.') || '(top level)';
    const what = issue.code === 'unrecognized_keys' ? `未知字段 ${issue.keys.join(', ')}` : issue.message;
    throw new ProfileError(rel, key, what, issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message);
  }
  const doc = parsed.data;
  if (path.basename(file).replace(/\.(ya?ml|json)$/, '') !== doc.id)
    throw new ProfileError(rel, 'id', `id "${doc.id}" 与文件名不一致`, `id "${doc.id}" does not match the file name`);
  for (const [key, entries] of Object.entries(doc.parameters)) {
    const spec = PARAMETERS[key];
    if (!spec) throw new ProfileError(rel, `parameters.${key}`, '未知参数(没有规则使用它)', 'unknown parameter (no rule declares it)');
    const dates = new Set<string>();
    entries.forEach((entry, i) => {
      const where = `parameters.${key}[${i}]`;
      if (dates.has(entry.from)) throw new ProfileError(rel, where, `生效日期 ${entry.from} 重复,取值有歧义`, `two values from ${entry.from}: ambiguous`);
      dates.add(entry.from);
      if (entry.value === null) return;
      const ok = spec.schema.safeParse(entry.value);
      if (!ok.success) {
        const issue = ok.error.issues[0];
        throw new ProfileError(rel, `${where}.value${issue.path.length ? '.' + issue.path.join('.') : ''}`, `取值无效: ${issue.message}`, `invalid value: ${issue.message}`);
      }
    });
  }
  for (const [rule, entries] of Object.entries(doc.citations)) {
    // Required here, not at import: the rule registry compiles the vocabulary's feature files.
    const { RULES_BY_ID } = require('../../policies/rules') as typeof import('../../policies/rules');
    if (!RULES_BY_ID.has(rule))
      throw new ProfileError(rel, `citations.${rule}`, '未知规则(没有规则使用此编号)', 'unknown rule id (no rule has it)');
    const dates = new Set<string>();
    entries.forEach((entry, i) => {
      if (dates.has(entry.from)) throw new ProfileError(rel, `citations.${rule}[${i}]`, `生效日期 ${entry.from} 重复,引用有歧义`, `two citations from ${entry.from}: ambiguous`);
      dates.add(entry.from);
    });
  }
  return { file: rel, doc };
}



/** The profile whose id or alias (e.g. 内蒙古自治区奈曼旗) is `name`. */
function profilePath(arg: string): string {
  const file = path.resolve(arg);
  if (!fs.existsSync(file)) throw new JiuzhuError(`找不到政策配置文件 ${arg}`, `no such profile file: ${arg}`);
  return file;
}

export function findProfileFile(name: string, dir = PROFILES_DIR): string {
  for (const file of profileFiles(dir)) {
    const base = path.basename(file).replace(/\.(ya?ml|json)$/, '');
    if (base === name) return file;
  }
  for (const file of profileFiles(dir)) {
    // A file whose text holds neither the name nor an escape cannot name it: not parsed.
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(name) && !text.includes('\\')) continue;
    const { doc } = readProfileFile(file, text);
    if (doc.name.zh === name || doc.aliases.includes(name)) return file;
  }
  const known = profileFiles(dir).map((f) => path.basename(f).replace(/\.(ya?ml|json)$/, ''));
  throw new JiuzhuError(`未知的政策配置 "${name}"(已有: ${known.join(', ')})`, `unknown policy profile "${name}" (available: ${known.join(', ')})`);
}

const cache = new Map<string, ResolvedProfile>();

/**
 * A profile by id or alias in `dir`, or by a file path (…yaml/.json) anywhere — e.g. a test
 * profile under tests/fixtures/profiles/ — whose `extends` chain is then read from `dir`.
 */
export function loadProfile(name: string, dir = PROFILES_DIR): ResolvedProfile {
  const key = `${dir}\0${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const chain: ProfileDocument[] = [];
  let next: string | undefined = name;
  while (next) {
    const file = !chain.length && /\.(ya?ml|json)$/.test(next) ? profilePath(next) : findProfileFile(next, dir);
    const d = readProfileFile(file);
    if (chain.some((c) => c.doc.id === d.doc.id))
      throw new ProfileError(d.file, 'extends', `继承关系成环: ${chain.map((c) => c.doc.id).join(' → ')} → ${d.doc.id}`, `extends cycle: ${chain.map((c) => c.doc.id).join(' → ')} → ${d.doc.id}`);
    chain.push(d);
    next = d.doc.extends;
  }
  const resolved = fold(chain.reverse());
  cache.set(key, resolved);
  return resolved;
}

// Root first. A child's entries replace the parent's from the child's earliest date on;
// earlier parent entries still hold for records dated before it.
function fold(chainRootFirst: ProfileDocument[]): ResolvedProfile {
  const leaf = chainRootFirst[chainRootFirst.length - 1].doc;
  const timelines = new Map<string, ParameterValue[]>();
  for (const { doc } of chainRootFirst) {
    for (const [key, entries] of Object.entries(doc.parameters)) {
      const own = entries
        .map((e) => ({ key, value: e.value, from: e.from, source: e.source, definedBy: doc.id, inherited: doc.id !== leaf.id }))
        .sort((a, b) => a.from.localeCompare(b.from));
      const start = own[0].from;
      const kept = (timelines.get(key) ?? []).filter((v) => v.from < start);
      timelines.set(key, [...kept, ...own]);
    }
  }
  for (const line of timelines.values()) line.forEach((v, i) => (line[i + 1] ? (v.until = line[i + 1].from) : delete v.until));
  // Citations fold the same way: a child's citation of a rule replaces the parent's from its own date.
  const citations = new Map<string, CitationValue[]>();
  for (const { doc } of chainRootFirst) {
    for (const [rule, entries] of Object.entries(doc.citations)) {
      const own = entries.map((e) => ({ rule, ...e, definedBy: doc.id })).sort((a, b) => a.from.localeCompare(b.from));
      const kept = (citations.get(rule) ?? []).filter((c) => c.from < own[0].from);
      citations.set(rule, [...kept, ...own]);
    }
  }
  for (const line of citations.values()) line.forEach((c, i) => (line[i + 1] ? (c.until = line[i + 1].from) : delete c.until));
  return new ResolvedProfile(
    {
      id: leaf.id,
      name: leaf.name,
      aliases: leaf.aliases,
      chain: chainRootFirst.map((c) => c.doc.id).reverse(),
      files: chainRootFirst.map((c) => c.file),
      choices: chainRootFirst.flatMap((c) => c.doc.choices.map((ch) => ({ ...ch, profile: c.doc.id }))),
    },
    timelines,
    citations,
  );
}
