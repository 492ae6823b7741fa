// Runs the @audit scenarios of features/ through Cucumber, in this process, over the session's
// export. The features decide which rules run: policy staff own that list, and `--tags` narrows it.
import { PassThrough } from 'node:stream';
import path from 'node:path';
import fs from 'node:fs';
import { ISupportCodeLibrary, loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { JiuzhuError } from '../errors';
import { AuditSession } from './session';

export const FEATURES_DIR = path.resolve(__dirname, '..', '..', 'features');
const ROOT = path.resolve(__dirname, '..', '..');

export interface FeatureRun {
  scenarios: number;
  featureFiles: string[];
}

// Step definitions register when their modules are first required, so a second run in the same
// process (tests call the CLI in process) must reuse the library the first one loaded.
let loadedSupport: ISupportCodeLibrary | undefined;

export function featureFiles(dir = FEATURES_DIR): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function auditTagExpression(tags?: string): string {
  return tags ? `@audit and (${tags})` : '@audit';
}

export async function runAuditFeatures(session: AuditSession, tags?: string, onProgress?: (m: string) => void): Promise<FeatureRun> {
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: [FEATURES_DIR],
        require: ['steps/world.ts', 'steps/parameter-types.ts', 'steps/*.steps.ts'].map((p) => path.join(ROOT, p)),
        requireModule: ['ts-node/register/transpile-only'],
        tags: auditTagExpression(tags),
        format: [],
        strict: true,
      },
    },
    { cwd: ROOT },
  );
  const sink = new PassThrough();
  sink.resume();
  let scenarios = 0;
  const uris = new Set<string>();
  const undefinedSteps: string[] = [];
  // To name an undefined step: test step → pickle step → its text and feature file.
  const pickleSteps = new Map<string, string>();
  let reported = 0;
  const testSteps = new Map<string, string>();
  try {
    const run = await runCucumber({ ...runConfiguration, support: loadedSupport ?? runConfiguration.support }, { cwd: ROOT, stdout: sink, stderr: sink }, (m) => {
      if (m.pickle) {
        scenarios++;
        uris.add(path.resolve(ROOT, m.pickle.uri));
        for (const step of m.pickle.steps) pickleSteps.set(step.id, `${m.pickle.uri}: ${step.text}`);
      }
      if (m.testCase) for (const step of m.testCase.testSteps) if (step.pickleStepId) testSteps.set(step.id, step.pickleStepId);
      if (m.testStepFinished?.testStepResult.status === 'UNDEFINED')
        undefinedSteps.push(pickleSteps.get(testSteps.get(m.testStepFinished.testStepId) ?? '') ?? m.testStepFinished.testStepId);
      if (m.testCaseFinished)
        for (const [rule, ms] of [...session.timings.entries()].slice(reported)) {
          onProgress?.(`规则 rule ${rule}: ${ms} ms (${++reported})`);
        }
    });
    loadedSupport = run.support;
  } catch (e) {
    throw new JiuzhuError(`规则特性文件无法运行: ${(e as Error).message.split('\n')[0]}`, `the feature files could not be run: ${(e as Error).message.split('\n')[0]}`);
  }
  if (undefinedSteps.length)
    throw new JiuzhuError(`审计场景中有未定义的步骤: ${undefinedSteps[0]}`, `an @audit scenario has an undefined step: ${undefinedSteps[0]}`);
  return { scenarios, featureFiles: [...uris].sort() };
}
