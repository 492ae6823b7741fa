// Commands beyond `audit`. Each is declared here (name, arguments, options, help) and its module
// is loaded only when it runs: `jiuzhu --help` and `jiuzhu audit` load neither the rule registry
// nor the profile schemas nor YAML for commands they do not run.
import { Command, Option } from 'commander';
import { CIRCUMSTANCES, STAGES } from '../../../policies/parameters/penalty-terms';
import { fingerprintKeyOption } from '../fingerprint-key';
import { calendarDate, nonEmpty } from '../options';
import { registerBaseline } from './baseline';
import { registerDiff } from './diff';
import type { ExplainOptions } from './explain';
import type { ParamsOptions } from './params';
import type { PenaltyOptions } from './penalty';
import type { RulesOptions } from './rules';

export function registerExtraCommands(program: Command): void {
  registerPenalty(program);
  registerLint(program);
  registerExplain(program);
  registerRules(program);
  registerParams(program);
  registerBaseline(program);
  registerDiff(program);
}

export function registerPenalty(program: Command): void {
  program
    .command('penalty')
    .description('查询一起骗取救助案件按政策配置应认定的等级与应采取的措施 / what the profile requires for one fraud case: tier, measures, fine range, deadlines')
    .requiredOption('--profile <id>', '政策配置,如 hubei-xiantao、liaoning-tieling / policy profile')
    .addOption(new Option('--stage <stage>', '发生阶段: application 申请时 / in_receipt 获得救助后 / when the fraud happened').choices([...STAGES]).makeOptionMandatory())
    .requiredOption('--amount <yuan>', '骗取金额(元),如 15000、15,000、1.5万 / amount obtained in yuan')
    .option('--circumstance <code...>', `情节(可多个): ${CIRCUMSTANCES.join(' ')} / aggravating circumstances`, [])
    .option('--date <YYYY-MM-DD>', '处理决定日期,默认今天 / decision date, default today')
    .option('--tier <tier>', '按失信程度定级的配置(如铁岭)中民政部门认定的等级 / the tier set by the authority, for profiles that grade by gravity')
    .addOption(new Option('--lang <lang>', '输出语言 / output language').choices(['zh', 'en']).default('zh'))
    .action(async (opts: PenaltyOptions) => {
      process.exitCode = (await import('./penalty')).penalty(opts);
    });
}

function registerLint(program: Command): void {
  program
    .command('lint')
    .description('检查政策配置(未知参数、缺少出处、区间重叠或空缺、边界无归属) / check policy profiles (unknown keys, missing sources, overlapping or gapped ranges, unowned edges)')
    .argument('[profile...]', '配置名称、别名或文件路径;省略则检查全部 / profile ids, aliases or files; all when omitted')
    .action(async (profiles: string[]) => {
      process.exitCode = (await import('./lint')).lint(profiles ?? []);
    });
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('解释一条记录(家庭、申请、案件):每条规则的结论、所依据的参数及条款 / explain one record: every rule’s verdict, the parameters in force and the clause')
    .argument('<export>', '导出数据:JSON 文件或含 meta.json 的文件夹 / a JSON file or a folder with meta.json')
    .argument('<record-id>', '记录编号,如家庭编号、申请编号、案件编号 / the record id: household, application, case…')
    .option('--profile <id>', '政策配置(默认取 meta.jurisdiction,否则 national) / policy profile (default: meta.jurisdiction, then national)', nonEmpty('--profile'))
    .option('--rules <list>', '只解释这些规则,逗号分隔 / only these rules, comma-separated')
    .option('--collection <name>', '记录所在的数据集合(编号重复时) / the record’s collection, when the id is ambiguous')
    .option('--json', '输出 JSON / print JSON')
    .option('--all', '也列出不涉及此类记录的规则 / also list rules that do not read this kind of record')
    .addOption(fingerprintKeyOption())
    .option('--show-personal-data', '显示未遮盖的个人信息 / show personal data unmasked')
    .action(async (exportPath: string, recordId: string, opts: ExplainOptions) => {
      process.exitCode = await (await import('./explain')).explain(exportPath, recordId, opts);
    });
}

function registerRules(program: Command): void {
  program
    .command('rules')
    .description('列出规则:编号、类别、名称、条款、参数、代码位置及定义它的特性场景 / list rules: id, family, title, clause, parameters, code and the feature scenarios that define them')
    .argument('[rule...]', '只列这些规则,如 NOTICE-PERIOD / only these rules, e.g. NOTICE-PERIOD')
    .option('--profile <id>', '按此政策配置的取值显示名称、条款和参数(默认 national) / show titles, clauses and values under this profile (default: national)', nonEmpty('--profile'))
    .option('--on <date>', '只显示该日期 YYYY-MM-DD 生效的条款和取值 / only the clause and values in force on this date (YYYY-MM-DD)', calendarDate('--on'))
    .option('--json', '输出 JSON / print JSON')
    .action(async (ids: string[], opts: RulesOptions) => {
      process.exitCode = await (await import('./rules')).rules(ids, opts);
    });
}

function registerParams(program: Command): void {
  program
    .command('params')
    .description('列出政策配置在某日生效的全部参数:取值、单位、生效日期、依据及设定或继承 / every parameter a profile has in force on a date: value, unit, effective date, source, set or inherited')
    .addOption(new Option('--profile <id>', '政策配置,如 neimenggu-naiman / policy profile, e.g. neimenggu-naiman').argParser(nonEmpty('--profile')).makeOptionMandatory())
    .option('--on <date>', '日期 YYYY-MM-DD(默认今天) / date as YYYY-MM-DD (default: today)', calendarDate('--on'))
    .option('--json', '输出 JSON / print JSON')
    .action(async (opts: ParamsOptions) => {
      process.exitCode = await (await import('./params')).params(opts);
    });
}
