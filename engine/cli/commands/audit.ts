// `jiuzhu audit <export>`: load, validate, run the @audit features, write the reports, and
// set the exit code: 0 nothing at or above --fail-on, 1 findings, 2 nothing could be audited.
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Command, Option } from 'commander';
import { EXIT, JiuzhuError } from '../../errors';
import { fingerprintKeyOption, useFingerprintKey } from '../fingerprint-key';
import type { ComplianceReport, ReportOptions } from '../../report/model';
import { calendarDate, memorySize, nonEmpty, tagExpression } from '../options';
import { progressReporter } from '../progress';
import { DEFAULT_MEMORY_LIMIT } from '../../dataset/memory';

type GateOptions = NonNullable<ReportOptions['gate']>;

export interface AuditOptions {
  profile?: string;
  out: string;
  format: string;
  failOn: 'error' | 'warning' | 'never';
  tags?: string;
  db?: string;
  memoryLimit?: string;
  allowEmpty?: boolean;
  showPersonalData?: boolean;
  fingerprintKeyFile?: string;
  baseline?: string;
  waivers?: string;
  today?: string;
}

export async function audit(exportPath: string, opts: AuditOptions): Promise<number> {
  // Loaded here, not at the top, and in the order they are needed: `jiuzhu --help` starts
  // neither DuckDB nor Cucumber, and a mistyped path fails before Cucumber loads.
  await useFingerprintKey(opts.fingerprintKeyFile);
  const { checkOutputDir, parseFormats, writeReports } = await import('../../report/write');
  const formats = parseFormats(opts.format);
  checkOutputDir(opts.out);
  // The baseline and waivers are read before the audit runs: a bad file fails in a second, not after the rules.
  const gate = opts.baseline || opts.waivers ? await readGate(opts) : undefined;
  return auditRun(exportPath, opts, async (report, progress) => {
    progress(`报告 reports…`);
    const written = await writeReports(report, opts.out, formats);
    progress('报告完成 reports written');
    const s = report.summary;
    const { outcomeTally } = await import('../../run/outcome');
    process.stdout.write(
      `${s.verdict === 'pass' ? '通过 PASS' : '不通过 FAIL'}: ${s.rules.total} 条规则 rules (${outcomeTally(s.rules)}); ` +
        `${s.findings.error} error, ${s.findings.warning} warning, ${s.findings.info} info; 不合契约 rejected ${report.export.rejected}\n` +
        (report.gate ? (await import('../../gate/summary')).gateSummary(report) : '') +
        written.map((f) => `  ${path.relative(process.cwd(), f) || f}\n`).join(''),
    );
    return s.verdict === 'pass' ? EXIT.clean : EXIT.findings;
  }, gate);
}

/** The run's date for waiver expiry: --today, else JIUZHU_TODAY, else the clock (UTC). */
export function runDate(today?: string): string {
  if (today) return today;
  const env = process.env.JIUZHU_TODAY;
  return env ? calendarDate('JIUZHU_TODAY')(env) : new Date().toISOString().slice(0, 10);
}

async function readGate(opts: Pick<AuditOptions, 'baseline' | 'waivers' | 'today'>): Promise<GateOptions> {
  const { readInput } = await import('../../gate/read');
  const { parseBaseline } = await import('../../gate/baseline');
  const { parseWaivers } = await import('../../gate/waivers');
  return {
    today: runDate(opts.today),
    ...(opts.baseline ? { baseline: parseBaseline(readInput(opts.baseline, '基线文件', 'baseline file'), opts.baseline) } : {}),
    ...(opts.waivers ? { waivers: parseWaivers(readInput(opts.waivers, '豁免文件', 'waiver file'), opts.waivers) } : {}),
  };
}

/** Loads and audits an export and hands the report to `use`; the dataset is closed afterwards. */
export async function auditRun<T>(
  exportPath: string,
  opts: Pick<AuditOptions, 'profile' | 'db' | 'memoryLimit' | 'allowEmpty' | 'tags' | 'failOn' | 'showPersonalData'>,
  use: (report: ComplianceReport, progress: (m: string) => void) => Promise<T>,
  gate?: GateOptions,
): Promise<T> {
  const progress = progressReporter();
  const { loadExport } = await import('../../load/loader');
  // While DuckDB reads the files, this thread loads Cucumber and the step definitions and reads the
  // features' scenarios and the profiles; an export that fails at once (a mistyped path) fails before they load.
  // They start once every file's parse has been sent: loading Cucumber first held the parses back ~0.2 s.
  // A failure here shows again when the features run.
  let parsesSent!: () => void;
  const sent = new Promise<void>((resolve) => (parsesSent = resolve));
  const loading = loadExport(exportPath, { db: opts.db, memoryLimit: opts.memoryLimit, allowEmpty: opts.allowEmpty, onProgress: progress, onStarted: parsesSent });
  let failed = false;
  // The loader says when the parses are sent (onStarted); a load that fails before that says it here.
  loading.catch(() => {
    failed = true;
    parsesSent();
  });
  const prepared = sent
    .then(async () => {
      if (failed) return undefined;
      // The big modules one per turn of the event loop, so the loader's queries wait for one at a time.
      await import('@cucumber/cucumber/api');
      await nextTurn();
      await import('../../../policies/rules');
      await nextTurn();
      const scenarios = await (await import('../../run/features')).prepareAudit();
      await (await import('../../profile/load')).readProfilesAhead();
      return scenarios;
    })
    .catch(() => undefined);
  const loaded = await loading;
  try {
    const { loadProfile } = await import('../../profile/load');
    const profile = loadProfile(opts.profile ?? loaded.meta.jurisdiction ?? 'national');
    const { buildReport } = await import('../../report/model');
    const { featureFiles, runAuditFeatures } = await import('../../run/features');
    const { endSession, startSession } = await import('../../run/session');
    progress(`政策配置 profile: ${profile.info.chain.join(' ← ')}`);
    const session = startSession(loaded, profile);
    const run = await runAuditFeatures(session, opts.tags, progress, undefined, await prepared);
    if (session.results.size === 0 && !opts.allowEmpty)
      throw new JiuzhuError(
        `没有运行任何规则(标签 ${opts.tags ?? '@audit'} 未选中任何审计场景);空运行不算通过`,
        `no rule ran (tags ${opts.tags ?? '@audit'} selected no audit scenario); an empty run is never a pass`,
      );
    const results = [...session.results.values()].sort((a, b) => a.rule.id.localeCompare(b.rule.id));
    const report = await buildReport(loaded, profile, results, {
      failOn: opts.failOn,
      tags: opts.tags,
      showPersonalData: !!opts.showPersonalData,
      featureFiles: run.featureFiles.length ? run.featureFiles : featureFiles(),
      timings: session.timings,
      drafts: run.drafts,
      ...(gate ? { gate } : {}),
    });
    progress(`规则完成 rules done: ${results.length}`);
    return await use(report, progress);
  } finally {
    // Rules started ahead of a scenario that never asked for them are stopped before the dataset closes.
    await (await import('../../run/session')).endSession();
    loaded.dataset.close();
  }
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('审计一份导出数据并生成合规报告 / audit a case export and write compliance reports')
    .argument('<export>', '导出数据:JSON 文件或含 meta.json 的文件夹 / a JSON file or a folder with meta.json')
    .option('--profile <id>', '政策配置(默认取 meta.jurisdiction,否则 national) / policy profile (default: meta.jurisdiction, then national)', nonEmpty('--profile'))
    .option('--out <dir>', '报告输出目录 / report folder', nonEmpty('--out'), 'reports')
    .option('--format <list>', '报告格式,逗号分隔 / report formats, comma-separated: json,junit,md,html', 'json,junit,md,html')
    .addOption(new Option('--fail-on <severity>', '何种严重程度及以上使退出码为1 / lowest severity that makes the exit code 1').choices(['error', 'warning', 'never']).default('error'))
    .option('--tags <expr>', '只运行符合标签表达式的审计场景,如 "@NOTICE-MINORS" / run only audit scenarios matching the tag expression', tagExpression)
    .option('--db <file>', '把载入的数据保存为 DuckDB 文件,供事后查询 / keep the loaded data in a DuckDB file for later queries', nonEmpty('--db'))
    .option('--memory-limit <size>', `DuckDB 内存上限,超出部分写入临时文件(默认 ${DEFAULT_MEMORY_LIMIT},或环境变量 JIUZHU_MEMORY_LIMIT) / DuckDB memory ceiling; beyond it DuckDB spills to temporary files (default ${DEFAULT_MEMORY_LIMIT}, or JIUZHU_MEMORY_LIMIT)`, memorySize)
    .option('--allow-empty', '允许空导出或未运行任何规则(默认为错误) / accept an empty export or a run with no rule (an error by default)')
    .addOption(fingerprintKeyOption())
    .option('--baseline <file>', '基线(jiuzhu baseline 写出的文件或以前的 compliance.json):只有其中没有的发现才使退出码为1 / a baseline (from `jiuzhu baseline` or an earlier compliance.json): only findings not in it make the exit code 1', nonEmpty('--baseline'))
    .option('--waivers <file>', '豁免文件(YAML):被豁免的发现标为 waived,不使退出码为1 / a waiver file (YAML): waived findings are shown as waived and do not fail the run', nonEmpty('--waivers'))
    .option('--today <date>', '判断豁免是否到期的日期(默认今天,或环境变量 JIUZHU_TODAY) / the date waivers expire by (default: today, or JIUZHU_TODAY)', calendarDate('--today'))
    .option('--show-personal-data', '在报告中显示未遮盖的身份证号、电话、银行卡号和姓名 / show ID, phone and card numbers and names unmasked')
    .action(async (exportPath: string, opts: AuditOptions) => {
      process.exitCode = await audit(exportPath, opts);
    });
}
