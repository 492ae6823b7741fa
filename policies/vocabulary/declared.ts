// The parameters vocabulary rules declare (参数 x 为期限,含义为“…”), read without compiling
// the rules, so the profile loader knows them: a profile may then set them like any other.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../engine/root';
import { ParameterSpec } from '../parameters/define';
import { definesRule, DEFINITION_TAGS, parseGherkin } from './parse';
import { findingPart } from './sentences';
import { DECLARED_TYPES, declaredSchema } from './params';

export const VOCABULARY_DIR = path.join(PACKAGE_ROOT, 'features');


/** The feature files under `dir` that define a vocabulary rule, with their text. */
export function ruleFiles(dir = VOCABULARY_DIR): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
    .filter((f) => definesRule(f.text));
}

export function declaredParameters(dir = VOCABULARY_DIR): Record<string, ParameterSpec> {
  const out: Record<string, ParameterSpec> = {};
  for (const { text } of ruleFiles(dir)) {
    let doc;
    try {
      doc = parseGherkin(text);
    } catch {
      continue; // the rule loader reports the file
    }
    const scenarios = (doc.feature?.children ?? []).flatMap((c) => [c.scenario, ...(c.rule?.children.map((r) => r.scenario) ?? [])]);
    const def = scenarios.find((s) => s?.tags.some((t) => (DEFINITION_TAGS as readonly string[]).includes(t.name)));
    for (const step of def?.steps ?? []) {
      const part = findingPart(step.text);
      if (part?.part === 'declare' && DECLARED_TYPES[part.type]) out[part.key] = { schema: declaredSchema(DECLARED_TYPES[part.type]), description: part.description };
    }
  }
  return out;
}
