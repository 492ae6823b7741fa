// `jiuzhu rules [ID…]`: every rule with its title and clause under a profile, its parameters
// and their values, where its code is, and the feature scenarios that define it (spec, fixture,
// audit) — one hop from a rule id to everything about it, for policy staff.
import fs from 'node:fs';
import path from 'node:path';
import { ResolvedProfile } from '../../profile/profile';
import { EXIT, UsageError } from '../../errors';
import { citeRule, citeRuleOver, Rule, ruleTitle } from '../../../policies/rule';
import { DEFINITION_TAGS } from '../../../policies/vocabulary/parse';
import { Bilingual } from '../../findings/finding';
import { FeatureScenario } from '../../run/features';
import { ParameterLine, parameterLine, setOrInherited, showValue } from './params';
import { PACKAGE_ROOT } from '../../root';

const ROOT = PACKAGE_ROOT;
const RULES_DIR = path.join(ROOT, 'policies', 'rules');
const KINDS = ['spec', 'fixture', 'audit'] as const;

export interface RuleScenario {
  /** 'definition': the @定义 scenario of a rule written in the vocabulary (docs/vocabulary.md). */
  kind: (typeof KINDS)[number] | 'definition' | 'other';
  file: string;
  line: number;
  name: string;
  /** Tagged @草稿 / @draft: run by specs, left out of audits. */
  draft: boolean;
}

export interface RuleListing {
  id: string;
  family: string;
  title: Bilingual;
  clause: string;
  clause_tag: string;
  /** Where the rule is defined: in policies/rules/, or its @定义 scenario for a vocabulary rule. */
  code?: { file: string; line: number };
  parameters: { key: string; values: ParameterLine[] }[];
  scenarios: RuleScenario[];
}

export interface RulesListing {
  profile: { id: string; chain: string[] };
  on: string | null;
  rules: RuleListing[];
}

/** Every `.ts` of policies/rules/ but tests, with its text. */
function ruleSources(): { file: string; text: string }[] {
  return fs
    .readdirSync(RULES_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));
}

/** The line declaring the rule: `id: 'NOTICE-PERIOD'`, or else the id alone on a line where a family builds its rules from a list. */
export function ruleCode(id: string, sources = ruleSources()): { file: string; line: number } | undefined {
  for (const decl of [new RegExp(`\\bid:\\s*'${id}'`), new RegExp(`^\\s*'${id}',?\\s*$`)])
    for (const { file, text } of sources) {
      const i = text.split('\n').findIndex((l) => decl.test(l));
      if (i >= 0) return { file, line: i + 1 };
    }
  return undefined;
}

const kindOf = (tags: string[]): RuleScenario['kind'] =>
  KINDS.find((k) => tags.includes(`@${k}`)) ?? ((DEFINITION_TAGS as readonly string[]).some((t) => tags.includes(t)) ? 'definition' : 'other');

export function listRules(rules: Rule[], profile: ResolvedProfile, scenarios: FeatureScenario[], ruleTag: RegExp, draftTags: readonly string[], on?: string): RulesListing {
  const sources = ruleSources();
  return {
    profile: { id: profile.id, chain: profile.info.chain },
    on: on ?? null,
    rules: rules.map((rule) => {
      const own = scenarios
        .filter((s) => s.tags.some((t) => ruleTag.exec(t)?.[1] === rule.id))
        .map((s) => ({ kind: kindOf(s.tags), file: s.file, line: s.line, name: s.name, draft: s.tags.some((t) => draftTags.includes(t)) }));
      const definition = own.find((s) => s.kind === 'definition');
      const code = ruleCode(rule.id, sources) ?? (definition ? { file: definition.file, line: definition.line } : undefined);
      return {
        id: rule.id,
        family: rule.family,
        title: ruleTitle(rule, profile, on ? { from: on, to: on } : {}),
        clause: on ? citeRule(rule, profile, on) : citeRuleOver(rule, profile),
        clause_tag: rule.clause.tag,
        ...(code ? { code } : {}),
        parameters: rule.parameters.map((key) => ({
          key,
          values: (on ? [profile.at(key, on)].filter((v) => !!v) : profile.timeline(key)).map(parameterLine),
        })),
        scenarios: own,
      };
    }),
  };
}

const KIND_NAMES: Record<RuleScenario['kind'], string> = { spec: '规格 spec', fixture: '样例 fixture', audit: '审计 audit', definition: '定义 definition', other: '其他 other' };

export function renderRules(l: RulesListing): string {
  const lines = [`政策配置 profile: ${l.profile.chain.join(' ← ')}${l.on ? `; 日期 on: ${l.on}` : ''}`, ''];
  for (const r of l.rules) {
    lines.push(`${r.id} ${r.title.zh}`, `  ${r.title.en}`);
    lines.push(`  类别 family: ${r.family}`);
    lines.push(`  条款 clause: ${r.clause} @clause:${r.clause_tag}`);
    if (r.code) lines.push(`  代码 code: ${r.code.file}:${r.code.line}`);
    for (const p of r.parameters) {
      if (!p.values.length) lines.push(`  参数 ${p.key}: 无取值 / no value`);
      for (const v of p.values) lines.push(`  参数 ${p.key}<${v.from}> = ${showValue(v)} (${v.source}; ${setOrInherited(v)})`);
    }
    for (const s of r.scenarios) lines.push(`  ${KIND_NAMES[s.kind]}: ${s.file}:${s.line} ${s.name}${s.draft ? ' [草稿 draft]' : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

export interface RulesOptions {
  profile?: string;
  on?: string;
  json?: boolean;
}

export async function rules(ids: string[], opts: RulesOptions): Promise<number> {
  const { loadProfile } = await import('../../profile/load');
  const { RULES, RULES_BY_ID, RULE_TAG } = await import('../../../policies/rules');
  const { DRAFT_TAGS, featureScenarios } = await import('../../run/features');
  for (const id of ids) if (!RULES_BY_ID.has(id)) throw new UsageError(`未知规则 ${id}(jiuzhu rules 列出全部)`, `unknown rule ${id} (jiuzhu rules lists them all)`);
  const chosen = ids.length ? RULES.filter((r) => ids.includes(r.id)) : RULES;
  const listing = listRules(chosen, loadProfile(opts.profile ?? 'national'), featureScenarios(), RULE_TAG, DRAFT_TAGS, opts.on);
  process.stdout.write(opts.json ? JSON.stringify(listing, null, 2) + '\n' : renderRules(listing));
  return EXIT.clean;
}
