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
    // Commander's own one-line English errors are not printed: main() prints them in both languages.
    .configureOutput({ outputError: () => undefined });
  program.helpCommand('help [command]', '显示命令帮助 / show help for a command');
  registerAudit(program);
  registerExtraCommands(program);
  for (const c of program.commands) c.exitOverride().helpOption('-h, --help', '显示帮助 / show help');
  return program;
}

// Commander's usage errors, by code, in Chinese; the English line is commander's own message.
const USAGE_ZH: Record<string, [RegExp, (m: RegExpExecArray) => string]> = {
  'commander.invalidArgument': [/^option '(\S+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (m) => `选项 ${m[1]} 的取值 "${m[2]}" 无效(可用: ${m[3]})`],
  'commander.unknownOption': [/^unknown option '([^']*)'/, (m) => `未知选项 ${m[1]}`],
  'commander.unknownCommand': [/^unknown command '([^']*)'/, (m) => `未知命令 ${m[1]}`],
  'commander.missingArgument': [/^missing required argument '([^']*)'/, (m) => `缺少参数 <${m[1]}>`],
  'commander.optionMissingArgument': [/^option '(\S+)[^']*' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
  'commander.missingMandatoryOptionValue': [/^required option '(\S+)[^']*' not specified/, (m) => `缺少必需的选项 ${m[1]}`],
  'commander.excessArguments': [/^too many arguments/, () => '参数过多'],
};

export function usageMessage(e: CommanderError): { zh: string; en: string } {
  const en = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
  const [re, zh] = USAGE_ZH[e.code] ?? [/^/, () => '用法错误'];
  const m = re.exec(en);
  return { zh: `${m ? zh(m) : '用法错误'}(见 --help)`, en: `${en} (see --help)` };
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.clean;
      // `jiuzhu` with no command has already printed the help to stderr.
      if (e.code !== 'commander.help') {
        const m = usageMessage(e);
        process.stderr.write(`jiuzhu: ${m.zh}\njiuzhu: ${m.en}\n`);
      }
      return EXIT.unusable;
    }
    if (e instanceof JiuzhuError) {
      process.stderr.write(`jiuzhu: ${e.zh}\njiuzhu: ${e.en}\n`);
      return e.exitCode;
    }
    process.stderr.write(`jiuzhu: 内部错误 / internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.unusable;
  }
}
