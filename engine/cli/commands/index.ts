// Commands beyond `audit`, each in its own module.
import { Command } from 'commander';
import { registerBaseline } from './baseline';
import { registerDiff } from './diff';
import { registerExplain } from './explain';
import { registerLint } from './lint';
import { registerPenalty } from './penalty';
import { registerParams } from './params';
import { registerRules } from './rules';

export function registerExtraCommands(program: Command): void {
  registerPenalty(program);
  registerLint(program);
  registerExplain(program);
  registerRules(program);
  registerParams(program);
  registerBaseline(program);
  registerDiff(program);
}
