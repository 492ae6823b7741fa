// One implementation per sentence under every phrasing staff may use, Chinese first and then
// English, as terraform-compliance stacks synonym phrasings on one call. docs/steps.md lists
// them, grouped by the implementation they share (`npm run steps-doc`).
import { Given, Then, When } from '@cucumber/cucumber';

type Pattern = string | RegExp;
// Cucumber calls a step with its World as `this`; the families type it as JiuzhuWorld.
type Code = (this: any, ...args: any[]) => unknown;

// Cucumber records this file as where stacked steps are defined; the catalogue cites the family file that called.
const ORIGINS = new WeakMap<Function, { uri: string; line: number }>();
/** The family file and line that stacked the phrasings of this implementation. */
export const phraseOrigin = (code: Function) => ORIGINS.get(code);

const HELPERS = /[\\/]steps[\\/](phrases|rule-checks)\.ts:/;
function caller(): { uri: string; line: number } | undefined {
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    const m = /\(?([^\s()]+\.ts):(\d+):\d+\)?$/.exec(frame.trim());
    if (m && !HELPERS.test(`${m[1]}:`)) return { uri: m[1], line: Number(m[2]) };
  }
  return undefined;
}

const stacked = (define: typeof Given) => (zh: Pattern[], en: Pattern[], code: Code) => {
  const at = caller();
  if (at) ORIGINS.set(code, at);
  for (const pattern of [...zh, ...en]) define(pattern, code);
};

export const given = stacked(Given);
export const when = stacked(When);
export const then = stacked(Then);
