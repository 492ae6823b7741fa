// The command line: every command in one place. Commands throw JiuzhuError for user
// mistakes; only this entry point prints them (one line, no stack) and exits.
import { Command, CommanderError } from 'commander';
import { EXIT, JiuzhuError } from '../errors';
import { PACKAGE_VERSION } from '../version';
import { registerAudit } from './commands/audit';
import { registerExtraCommands } from './commands';

export function buildProgram(): Command {
  const program = new Command('jiuzhu')
    .description('救助合规审计工具:按政策规则审计社会救助案件导出数据 / jiuzhu: policy-as-code compliance audits of social assistance case exports')
    .version(PACKAGE_VERSION, '-v, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText('after', `
退出码 / exit codes:
  0  没有达到 --fail-on 的发现 / no finding at or above --fail-on
  1  有达到 --fail-on 的发现 / findings at or above --fail-on
  2  无法审计:用法错误、数据不可读、未知政策配置、空运行 / nothing could be audited: usage, unreadable input, unknown profile, empty run`)
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });
  program.helpCommand('help [command]', '显示命令帮助 / show help for a command');
  registerAudit(program);
  registerExtraCommands(program);
  for (const c of program.commands) c.exitOverride().helpOption('-h, --help', '显示帮助 / show help');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.clean : EXIT.unusable;
    if (e instanceof JiuzhuError) {
      process.stderr.write(`jiuzhu: ${e.zh}\njiuzhu: ${e.en}\n`);
      return e.exitCode;
    }
    process.stderr.write(`jiuzhu: 内部错误 / internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.unusable;
  }
}
