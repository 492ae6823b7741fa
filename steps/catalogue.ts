// The catalogue of step phrases: every step definition Cucumber loads, grouped by the one
// implementation its phrasings share, with an example of each from features/. It writes
// docs/steps.md (`npm run steps-doc`) and checks that the document is current and that no
// definition is left unused (`--check`, run by steps/catalogue.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { phraseOrigin } from './phrases';

const ROOT = path.resolve(__dirname, '..');
export const DOC = path.join(ROOT, 'docs', 'steps.md');
const FEATURES = path.join(ROOT, 'features');

/** The families' step files, in the order the document lists them. */
const FAMILIES: [string, string][] = [
  ['steps/common.steps.ts', '通用 / Common to every family'],
  ['steps/contract.steps.ts', '数据契约 / Export contract'],
  ['steps/notices.steps.ts', '公示 / Notices'],
  ['steps/relatives.steps.ts', '近亲属备案 / Relatives of staff'],
  ['steps/crosschecks.steps.ts', '重复享受与数据比对 / Cross-checks'],
  ['steps/exemptions.steps.ts', '容错免责与认定条件 / Exemptions and eligibility'],
  ['steps/penalties.steps.ts', '失信惩戒 / Penalties'],
];

export interface Definition {
  keyword: string;
  pattern: string;
  uri: string;
  line: number;
  matches: (text: string) => boolean;
  /** The implementation's identity: phrasings stacked on one call share it. */
  code: Function;
}

export interface Example {
  text: string;
  keyword: string;
  uri: string;
  line: number;
}

export interface Phrase {
  keyword: string;
  uri: string;
  line: number;
  zh: Definition[];
  en: Definition[];
  examples: Example[];
}

type StepDefinition = import('@cucumber/cucumber/lib/models/step_definition').default;

const CJK = /[\u3400-\u9fff]/;
// A feature writes 村(居) where the Cucumber expression escapes it as 村\\(居).
const show = (p: string | RegExp) => (typeof p === 'string' ? p.replace(/\\([(){}/\\])/g, '$1') : readable(p));

/**
 * A regular-expression phrase as staff read it: {date}, {month}, {int}, “…” for quoted text, … for
 * free text, 【a/b】 for a choice and [x] for optional words.
 */
export function readable(re: RegExp): string {
  const OPEN = '\u0001';
  const CLOSE = '\u0002';
  let s = re.source.replace(/^\^/, '').replace(/\$$/, '');
  // Literal brackets (村(居), "(too few days)") are set aside before groups are read.
  s = s.replace(/\[\(（\]/g, OPEN).replace(/\[\)）\]/g, CLOSE).replace(/\\\(/g, OPEN).replace(/\\\)/g, CLOSE).replace(/\[\^\)\]\+/g, '…');
  s = s.replace(/\\d\{4\}-\\d\{2\}-\\d\{2\}/g, '{date}').replace(/\\d\{4\}-\\d\{2\}/g, '{month}').replace(/\\d\{4\}/g, '{year}').replace(/\\d\+/g, '{int}');
  s = s.replace(/“\(?\[\^”\]\+\)?”/g, '“…”').replace(/\[0-9０-９\]\[0-9０-９,，.．\]\*/g, '{number}');
  s = s.replace(/\(\.\+\??\)|\(\.\*\??\)|\(\\S\+\??\)|\.\+\??|\\S\+\??/g, '…');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\((?:\?:)?([^()]*)\)([?*])?/g, (_, body: string, q?: string) => {
      const choice = body.includes('|') ? `【${body.replace(/\|/g, '/')}】` : body;
      return q ? `[${choice.replace(/^【(.*)】$/, '$1')}]` : choice;
    });
  }
  return s.replace(new RegExp(OPEN, 'g'), '(').replace(new RegExp(CLOSE, 'g'), ')').replace(/\\(.)/g, '$1');
}
const relative = (uri: string) => path.relative(ROOT, path.resolve(ROOT, uri)).split(path.sep).join('/');

export async function loadDefinitions(): Promise<Definition[]> {
  // The library audits run with: step files register with Cucumber only when first required, so a
  // process has one library of them (a test process may have audited already).
  const { preloadSteps } = await import('../engine/run/features');
  // The public type leaves the definitions out; they are Cucumber's StepDefinition objects.
  const library = (await preloadSteps()) as unknown as { stepDefinitions: StepDefinition[] };
  return library.stepDefinitions.map((d) => {
    const code = d.unwrappedCode ?? d.code;
    const at = phraseOrigin(code) ?? { uri: d.uri, line: d.line };
    return { keyword: d.keyword, pattern: show(d.pattern), uri: relative(at.uri), line: at.line, matches: (text: string) => d.matchesStepName(text), code };
  });
}

/** Every step of every scenario in features/ (@audit ones too), as the pickle states it. */
export function loadExamples(dir = FEATURES): Example[] {
  const out: Example[] = [];
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.feature'));
  for (const file of files.map((e) => path.join(e.parentPath, e.name)).sort()) {
    const uri = relative(file);
    const newId = IdGenerator.incrementing();
    const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(fs.readFileSync(file, 'utf8'));
    // Where each step and example row stands, to cite an example by its line.
    const where = new Map<string, { line: number; keyword?: string }>();
    const walk = (children: any[]): void => { // FeatureChild and RuleChild alike
      for (const c of children) {
        const steps = c.background?.steps ?? c.scenario?.steps ?? [];
        for (const s of steps) where.set(s.id, { line: s.location.line, keyword: s.keyword.trim() });
        for (const ex of c.scenario?.examples ?? []) for (const row of ex.tableBody) where.set(row.id, { line: row.location.line });
        if (c.rule) walk(c.rule.children);
      }
    };
    walk([...(document.feature?.children ?? [])]);
    for (const pickle of compile({ ...document, uri }, uri, newId))
      for (const step of pickle.steps) {
        const at = where.get(step.astNodeIds[step.astNodeIds.length - 1]) ?? where.get(step.astNodeIds[0]);
        out.push({ text: step.text, keyword: where.get(step.astNodeIds[0])?.keyword ?? '', uri, line: at?.line ?? 0 });
      }
  }
  return out;
}

/** The definitions grouped by implementation, each with its first examples (one per language at most two). */
export function catalogue(definitions: Definition[], examples: Example[]): Phrase[] {
  const byCode = new Map<Function, Phrase>();
  for (const d of definitions) {
    let p = byCode.get(d.code);
    if (!p) byCode.set(d.code, (p = { keyword: d.keyword, uri: d.uri, line: d.line, zh: [], en: [], examples: [] }));
    (CJK.test(d.pattern) ? p.zh : p.en).push(d);
  }
  const phrases = [...byCode.values()];
  for (const p of phrases) {
    const seen = new Set<string>();
    for (const d of [...p.zh, ...p.en]) {
      const hit = examples.find((e) => !seen.has(e.text) && d.matches(e.text));
      if (hit) {
        seen.add(hit.text);
        p.examples.push(hit);
      }
    }
  }
  const order = (uri: string) => {
    const i = FAMILIES.findIndex(([u]) => u === uri);
    return i < 0 ? FAMILIES.length : i;
  };
  return phrases.sort((a, b) => order(a.uri) - order(b.uri) || a.uri.localeCompare(b.uri) || a.line - b.line);
}

/**
 * Implementations no step of any feature uses, by any of their phrasings. An English phrasing
 * stacked on a Chinese one that features use is the registry's translation, and stays.
 */
export function unused(phrases: Phrase[]): Phrase[] {
  return phrases.filter((p) => !p.examples.length);
}

const KEYWORD: Record<string, string> = { Given: '假如 / Given', When: '当 / When', Then: '那么 / Then', Unknown: '任意 / any' };
const code = (s: string) => `\`${s.replace(/`/g, 'ˋ')}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function render(phrases: Phrase[]): string {
  const lines = [
    '# 步骤用语 / Step phrases',
    '',
    '<!-- 本文件由 `npm run steps-doc` 生成,请勿手工修改 / generated by `npm run steps-doc`: do not edit by hand -->',
    '',
    '规则特性文件(features/)中可以使用的全部句式。每一项是一个实现,列出其中文句式与英文句式,并附特性文件中的用例。',
    '新增句式时请在 steps/ 中定义,然后运行 `npm run steps-doc` 重新生成本文件;`npm test` 会在本文件未列出某个句式、或有句式未被任何特性文件使用时失败。',
    '',
    'Every phrase the feature files may use. Each entry is one implementation: its Chinese phrasings, its English ones, and',
    'examples from features/. Define a new phrase in steps/ and run `npm run steps-doc`; `npm test` fails when this document',
    'misses a phrase or a phrase is used by no feature.',
    '',
    '参数 / Parameters: `{text}` 引号中的文字 “…”、「…」或 "…" (quoted text); `{date}` 日期 YYYY-MM-DD; `{money}` 金额,如 5000元、1.5万元、10,000元;',
    '`{ruleId}` 规则编号,如 NOTICE-PERIOD; `{int}` 整数; `{word}` 不含空格的词; `{month}` 月份 YYYY-MM; `…` 任意文字; `【甲/乙】` 任选其一; `[…]` 可省略。',
    '`{month}` YYYY-MM; `…` any text; `【a/b】` one of; `[…]` optional. 括号在句式定义中写作 `\\(`(如 `村\\(居)`) / a literal bracket is written `\\(` in a step definition.',
    '',
    '结论 / Verdicts: `那么 该公示符合规定` 要求规则审查了该记录且无发现;未审查或不适用时失败并说明原因。违规可注明类别,如',
    '`违反公示期要求(天数不足)`,发现其他类别时失败;各规则的违规类别见 steps/violation-kinds.ts。',
    '`符合规定` holds only when the rule judged the record and found nothing; a violation may name its kind,',
    'e.g. `is a violation (too few days)` (kinds per rule: steps/violation-kinds.ts).',
    '',
  ];
  let family = '';
  let n = 0;
  for (const p of phrases) {
    if (p.uri !== family) {
      family = p.uri;
      lines.push(`## ${FAMILIES.find(([u]) => u === p.uri)?.[1] ?? p.uri}`, '', `实现 / implementation: ${code(p.uri)}`, '');
      lines.push('| # | 类型 / Keyword | 中文句式 | English | 用例 / Example |', '|---|---|---|---|---|');
    }
    const zh = p.zh.map((d) => code(d.pattern)).join('<br>') || '—';
    const en = p.en.map((d) => code(d.pattern)).join('<br>') || '—';
    const ex = p.examples.map((e) => `${code(`${e.keyword} ${e.text}`.trim())} (${e.uri}:${e.line})`).join('<br>');
    lines.push(`| ${++n} | ${KEYWORD[p.keyword] ?? p.keyword} | ${cell(zh)} | ${cell(en)} | ${cell(ex)} |`);
    const next = phrases[phrases.indexOf(p) + 1];
    if (!next || next.uri !== family) lines.push('');
  }
  return lines.join('\n');
}

/** Phrasings the document does not list: a step added without regenerating it. */
export function unlisted(definitions: Definition[], doc: string): Definition[] {
  return definitions.filter((d) => !doc.includes(cell(code(d.pattern))));
}

/**
 * The document as the steps and features make it now, and what is wrong: steps no feature uses,
 * and, given the document as it stands (`--check`), steps it does not list and its being stale.
 */
export async function generated(doc?: string): Promise<{ text: string; phrases: Phrase[]; definitions: Definition[]; problems: string[] }> {
  const definitions = await loadDefinitions();
  const phrases = catalogue(definitions, loadExamples());
  const text = render(phrases);
  const problems = unused(phrases).map((p) => `未被任何特性文件使用的步骤 / step used by no feature: ${[...p.zh, ...p.en].map((d) => d.pattern).join(' | ')} (${p.uri}:${p.line})`);
  if (doc !== undefined) {
    for (const d of unlisted(definitions, doc)) problems.push(`docs/steps.md 未列出的步骤 / step missing from docs/steps.md: ${d.pattern} (${d.uri}:${d.line})`);
    if (doc !== text) problems.push('docs/steps.md 已过时,请运行 `npm run steps-doc` / docs/steps.md is stale: run `npm run steps-doc`');
  }
  return { text, phrases, definitions, problems };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { text, phrases, definitions, problems } = await generated(check ? (fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '') : undefined);
  if (!check) {
    fs.writeFileSync(DOC, text);
    console.log(`docs/steps.md: ${phrases.length} phrases, ${definitions.length} step definitions`);
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
