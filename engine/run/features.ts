// Runs the @audit scenarios of features/ through Cucumber, in this process, over the session's
// export. The features decide which rules run: policy staff own that list, and `--tags` narrows it.
// A draft (@草稿 / @draft) runs in spec runs and `npm test` but never in an audit, which names it instead.
import { PassThrough } from 'node:stream';
import path from 'node:path';
import fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { IRunConfiguration, ISupportCodeLibrary, loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import { Envelope, GherkinDocument } from '@cucumber/messages';
import parseTagExpression from '@cucumber/tag-expressions';
import { JiuzhuError } from '../errors';
import { RULE_TAG } from '../../policies/rules';
import { AuditSession, runAhead } from './session';
import { COMPILED, PACKAGE_ROOT } from '../root';
import { blockingProblem, loadVocabulary, vocabulary } from '../../policies/vocabulary/load';
import { parseGherkin } from '../../policies/vocabulary/parse';

export const FEATURES_DIR = path.join(PACKAGE_ROOT, 'features');
const ROOT = PACKAGE_ROOT;
// The step definitions, as cucumber.js lists them for `npm test`.
const STEP_FILES = ['steps/world.ts', 'steps/parameter-types.ts', 'steps/*.steps.ts'];

/** Tags that mark a feature, rule or scenario as a draft: left out of audits, run everywhere else. */
export const DRAFT_TAGS = ['@草稿', '@draft'] as const;
const DRAFT = `(${DRAFT_TAGS.join(' or ')})`;

/** A scenario (or outline) in a feature file, with the tags it inherits from its feature and rule. */
export interface FeatureScenario {
  /** Relative to the project root (or to `dir`'s parent for another folder). */
  file: string;
  line: number;
  name: string;
  feature: string;
  tags: string[];
  /** Tags of each examples block of an outline (a block can be tagged a draft on its own). */
  examplesTags: string[][];
}

/** A place in a feature file: `features/notices/minors.feature:12`. */
export interface FeaturePlace {
  file: string;
  line: number;
  name: string;
}

export interface FeatureRun {
  scenarios: number;
  featureFiles: string[];
  /** @audit scenarios left out because they are drafts. */
  drafts: FeaturePlace[];
}

export function featureFiles(dir = FEATURES_DIR): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every scenario of every feature file under `dir`, in file order. */
export function featureScenarios(dir = FEATURES_DIR): FeatureScenario[] {
  return featureFiles(dir).flatMap(scenariosOf);
}

/** The scenarios of one feature file. */
function scenariosOf(abs: string): FeatureScenario[] {
  const out: FeatureScenario[] = [];
  const feature = parseGherkin(fs.readFileSync(abs, 'utf8')).feature;
  if (!feature) return out;
  const file = path.relative(ROOT, abs);
  const visit = (children: readonly { rule?: any; scenario?: any }[], inherited: string[]) => {
    for (const child of children) {
      if (child.rule) visit(child.rule.children, [...inherited, ...child.rule.tags.map((t: { name: string }) => t.name)]);
      const s = child.scenario;
      if (s)
        out.push({
          file,
          line: s.location.line,
          name: s.name,
          feature: feature.name,
          tags: [...inherited, ...s.tags.map((t: { name: string }) => t.name)],
          examplesTags: s.examples.map((e: { tags: { name: string }[] }) => e.tags.map((t) => t.name)),
        });
    }
  };
  visit(feature.children, feature.tags.map((t) => t.name));
  return out;
}

/** What `jiuzhu audit` runs: @audit scenarios that are not drafts, narrowed by `--tags`. */
export function auditTagExpression(tags?: string): string {
  return `@audit and not ${DRAFT}${tags ? ` and (${tags})` : ''}`;
}

/** The scenarios `expression` selects, alone or with the tags of one of their examples blocks. */
function selected(scenarios: readonly FeatureScenario[], expression: string): FeatureScenario[] {
  const e = parseTagExpression(expression);
  return scenarios.filter((s) => [s.tags, ...s.examplesTags.map((t) => [...s.tags, ...t])].some((t) => e.evaluate(t)));
}

/** The @audit drafts an audit with `tags` leaves out (those it would run were they not drafts). */
export function auditDrafts(tags?: string, dir = FEATURES_DIR, scenarios = featureScenarios(dir)): FeaturePlace[] {
  return selected(scenarios, `@audit and ${DRAFT}${tags ? ` and (${tags})` : ''}`).map(({ file, line, name }) => ({ file, line, name }));
}

/** Where each Gherkin step is, by its AST id, for naming an undefined step by file and line. */
function stepLines(doc: GherkinDocument, into: Map<string, string>): void {
  const visit = (children: readonly { rule?: any; background?: any; scenario?: any }[]) => {
    for (const c of children) {
      if (c.rule) visit(c.rule.children);
      for (const step of (c.background ?? c.scenario)?.steps ?? []) into.set(step.id, `${doc.uri}:${step.location.line}`);
    }
  };
  visit(doc.feature?.children ?? []);
}

// Step definitions register when first required: a second run in this process must reuse them.
let support: Promise<ISupportCodeLibrary> | undefined;

function supportLibrary(runConfiguration: IRunConfiguration): Promise<ISupportCodeLibrary> {
  if (!support) {
    support = loadSupport(runConfiguration, { cwd: ROOT });
    support.catch(() => (support = undefined));
  }
  return support;
}

/**
 * Loads Cucumber and the step definitions now: `jiuzhu audit` calls it while DuckDB reads the
 * export, so this thread's share of Cucumber's start overlaps the load. The step catalogue
 * (steps/catalogue.ts) reads the definitions from the same library, loaded once per process.
 */
export async function preloadSteps(): Promise<ISupportCodeLibrary> {
  return supportLibrary((await configuration(FEATURES_DIR, auditTagExpression())).runConfiguration);
}

/**
 * What an audit can prepare before its export is loaded: Cucumber and the step definitions, and
 * the scenarios of features/ (`runAuditFeatures` then starts the rules as soon as the export is in).
 */
export async function prepareAudit(): Promise<FeatureScenario[]> {
  // One file per turn of the event loop: the loader's next query waits for one file, not for all.
  const scenarios: FeatureScenario[] = [];
  for (const abs of featureFiles()) {
    await nextTurn();
    scenarios.push(...scenariosOf(abs));
  }
  await nextTurn();
  await preloadSteps();
  return scenarios;
}

interface CucumberRun {
  scenarios: number;
  uris: Set<string>;
  /** `features/x.feature:12: 步骤文本`, one per undefined step. */
  undefinedSteps: string[];
}

/** Cucumber's configuration for an in-process run over `dir`: the step files, no formatter, strict. */
function configuration(dir: string, tags: string, dryRun = false) {
  return loadConfiguration(
    {
      file: false,
      provided: {
        paths: [dir],
        // Compiled, the steps are dist/steps/*.js and need no ts-node: no TypeScript compiled at start-up.
        // Run as TypeScript, the process reads .ts already (the tests' SWC ts-node): a second ts-node would
        // take over every later require with TypeScript's own, slower transpiler.
        require: STEP_FILES.map((p) => path.join(COMPILED ? path.join(ROOT, 'dist') : ROOT, COMPILED ? p.replace(/\.ts$/, '.js') : p)),
        requireModule: COMPILED || require.extensions['.ts'] ? [] : ['ts-node/register/transpile-only'],
        tags,
        format: [],
        strict: true,
        dryRun,
      },
    },
    { cwd: ROOT },
  );
}

/** Runs (or, dry, only matches) the scenarios of `dir` selected by `tags`, noting each undefined step by file:line. */
async function runFeatures(dir: string, tags: string, opts: { dryRun?: boolean; onMessage?: (m: Envelope) => void } = {}): Promise<CucumberRun> {
  const { runConfiguration } = await configuration(dir, tags, opts.dryRun);
  const sink = new PassThrough();
  sink.resume();
  const run: CucumberRun = { scenarios: 0, uris: new Set(), undefinedSteps: [] };
  // An undefined step is named through: test step → pickle step → Gherkin step → file:line.
  const lines = new Map<string, string>();
  const pickleSteps = new Map<string, string>();
  const testSteps = new Map<string, string>();
  const pickleUris = new Map<string, string>();
  try {
    const library = await supportLibrary(runConfiguration);
    await runCucumber({ ...runConfiguration, support: library }, { cwd: ROOT, stdout: sink, stderr: sink }, (m) => {
      if (m.gherkinDocument) stepLines(m.gherkinDocument, lines);
      // Every pickle is announced; only those the tags select become test cases.
      if (m.pickle) {
        pickleUris.set(m.pickle.id, m.pickle.uri);
        for (const step of m.pickle.steps) pickleSteps.set(step.id, `${lines.get(step.astNodeIds[0]) ?? m.pickle.uri}: ${step.text}`);
      }
      if (m.testCase) {
        run.scenarios++;
        run.uris.add(path.resolve(ROOT, pickleUris.get(m.testCase.pickleId)!));
      }
      if (m.testCase) for (const step of m.testCase.testSteps) if (step.pickleStepId) testSteps.set(step.id, step.pickleStepId);
      if (m.testStepFinished?.testStepResult.status === 'UNDEFINED') {
        const at = pickleSteps.get(testSteps.get(m.testStepFinished.testStepId) ?? '') ?? m.testStepFinished.testStepId;
        if (!run.undefinedSteps.includes(at)) run.undefinedSteps.push(at);
      }
      opts.onMessage?.(m);
    });
  } catch (e) {
    throw new JiuzhuError(`规则特性文件无法运行: ${(e as Error).message.split('\n')[0]}`, `the feature files could not be run: ${(e as Error).message.split('\n')[0]}`);
  }
  return run;
}

/** Undefined steps in the @audit scenarios an audit would run (drafts aside), found without running anything. */
export async function undefinedAuditSteps(dir = FEATURES_DIR): Promise<string[]> {
  return (await runFeatures(dir, auditTagExpression(), { dryRun: true })).undefinedSteps;
}

/** `scenarios`: those of `dir`, when already read (`prepareAudit`). */
export async function runAuditFeatures(
  session: AuditSession,
  tags?: string,
  onProgress?: (m: string) => void,
  dir = FEATURES_DIR,
  scenarios = featureScenarios(dir),
): Promise<FeatureRun> {
  // A vocabulary rule with a mistake stops the audit, named by file and line; a draft's (@草稿) does not.
  const broken = blockingProblem(dir === FEATURES_DIR ? vocabulary() : loadVocabulary(dir));
  if (broken) throw broken;
  // The rules the selected scenarios are tagged with start now, while Cucumber starts.
  runAhead(session, [...new Set(selected(scenarios, auditTagExpression(tags)).flatMap((s) => s.tags.flatMap((t) => RULE_TAG.exec(t)?.[1] ?? [])))]);
  let reported = 0;
  const run = await runFeatures(dir, auditTagExpression(tags), {
    onMessage: (m) => {
      if (m.testCaseFinished)
        for (const [rule, ms] of [...session.timings.entries()].slice(reported)) onProgress?.(`规则 rule ${rule}: ${ms} ms (${++reported})`);
    },
  });
  if (run.undefinedSteps.length)
    throw new JiuzhuError(
      `审计场景中有未定义的步骤: ${run.undefinedSteps[0]}(尚未完成的规则请加标签 @草稿,审计将跳过它)`,
      `an @audit scenario has an undefined step: ${run.undefinedSteps[0]} (tag an unfinished rule @draft and the audit leaves it out)`,
    );
  return { scenarios: run.scenarios, featureFiles: [...run.uris].sort(), drafts: auditDrafts(tags, dir, scenarios) };
}
