// Commands beyond `audit`, each in its own module. Families add theirs here.
import { Command } from 'commander';

export function registerExtraCommands(program: Command): void {
  void program;
}
