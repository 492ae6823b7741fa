// `jiuzhu lint`: every check profile loading makes, reported in full for staff editing a
// profile — all problems of a file at once (not only the first), each with file and key:
// unknown keys, values without a source, bad values, tier ranges that overlap, leave a gap
// or leave an edge unowned (policies/parameters/*.ts schemas), a broken `extends` chain.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PARAMETERS } from '../../policies/parameters';
import { JiuzhuError, ProfileError } from '../errors';
import { findProfileFile, loadProfile, profileFiles, PROFILES_DIR, readProfileFile } from './load';
import { ProfileFile } from './schema';

export interface LintProblem {
  file: string;
  key: string;
  zh: string;
  en: string;
}

export interface LintResult {
  file: string;
  problems: LintProblem[];
}

/** A profile named by id or alias (in policies/profiles/), or a path to a profile file. */
export function resolveProfileArg(arg: string): string {
  if (/\.(ya?ml|json)$/.test(arg)) {
    const file = path.resolve(arg);
    if (!fs.existsSync(file)) throw new JiuzhuError(`找不到政策配置文件 ${arg}`, `no such profile file: ${arg}`);
    return file;
  }
  return findProfileFile(arg);
}

export function lintProfiles(args: string[] = []): LintResult[] {
  const files = args.length ? args.map(resolveProfileArg) : profileFiles();
  return files.map(lintFile);
}

export function lintFile(file: string): LintResult {
  const rel = path.relative(process.cwd(), file) || file;
  const problems: LintProblem[] = [];
  const add = (key: string, zh: string, en: string) => {
    if (!problems.some((p) => p.key === key && p.zh === zh)) problems.push({ file: rel, key, zh, en });
  };
  let raw: any;
  try {
    raw = file.endsWith('.json') ? JSON.parse(fs.readFileSync(file, 'utf8')) : YAML.parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    const m = (e as Error).message.split('\n')[0];
    add('(file)', `无法解析: ${m}`, `cannot parse: ${m}`);
    return { file: rel, problems };
  }
  const shape = ProfileFile.safeParse(raw);
  if (!shape.success)
    for (const issue of shape.error.issues) {
      const key = issue.path.join('.') || '(top level)';
      if (issue.code === 'unrecognized_keys') add(key, `未知字段 ${issue.keys.join(', ')}`, `unknown key(s) ${issue.keys.join(', ')}`);
      else add(key, issue.message, issue.message);
    }
  for (const [key, entries] of Object.entries<any[]>(raw?.parameters ?? {})) {
    const spec = PARAMETERS[key];
    if (!spec) {
      add(`parameters.${key}`, '未知参数(没有规则使用它)', 'unknown parameter (no rule declares it)');
      continue;
    }
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (!entry || entry.value === null || entry.value === undefined) return;
      const ok = spec.schema.safeParse(entry.value);
      if (!ok.success)
        for (const issue of ok.error.issues) add(`parameters.${key}[${i}].value${issue.path.length ? '.' + issue.path.join('.') : ''}`, `取值无效: ${issue.message}`, `invalid value: ${issue.message}`);
    });
  }
  // What the loader itself says (id vs file name, duplicate dates, the extends chain), if not said above.
  try {
    const { doc } = readProfileFile(file);
    if (path.dirname(file) === PROFILES_DIR) loadProfile(doc.id);
    else if (doc.extends) findProfileFile(doc.extends);
  } catch (e) {
    if (e instanceof ProfileError) {
      const [, key = '(file)', zh = e.zh] = /^[^:]+: ([^:]+): (.*)$/s.exec(e.zh) ?? [];
      const en = e.en.replace(/^[^:]+: [^:]+: /s, '');
      if (!problems.some((p) => p.key === key)) add(key, zh, en);
    } else if (e instanceof JiuzhuError) add('extends', e.zh, e.en);
    else throw e;
  }
  return { file: rel, problems };
}
