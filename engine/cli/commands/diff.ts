// `jiuzhu diff OLD.json NEW.json`: what is new, resolved and unchanged between two compliance
// reports, by rule and by township; two reports of different regions only with --allow-different-regions.
import { Command, Option } from 'commander';
import { EXIT, InputError, UsageError } from '../../errors';
import { readInput } from '../../gate/read';
import { DiffReportInput, diffReports, regionOf, ReportDiff } from '../../gate/diff';
import { escapeMd, mdCode } from '../../report/escape';

function readReport(file: string): DiffReportInput {
  let data: Partial<DiffReportInput> | undefined;
  try {
    data = JSON.parse(readInput(file, '报告', 'report'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file} 不是有效的 JSON`, `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!data || !Array.isArray(data.findings) || !data.export || !data.profile || !data.tool || !data.findings.every((f) => f && typeof f.fingerprint === 'string'))
    throw new InputError(`${file} 不是 jiuzhu 的 compliance.json`, `${file} is not a jiuzhu compliance.json`);
  return data as DiffReportInput;
}

const KINDS = [
  ['new', '新增', 'new'],
  ['resolved', '已解决', 'resolved'],
  ['unchanged', '未变', 'unchanged'],
] as const;

export function diffMarkdown(d: ReportDiff): string {
  const table = (title: string, m: ReportDiff['by_rule']) => [
    `## ${title}`,
    '',
    '| | 新增 new | 已解决 resolved | 未变 unchanged |',
    '|---|---:|---:|---:|',
    ...Object.entries(m).map(([k, t]) => `| ${escapeMd(k)} | ${t.new} | ${t.resolved} | ${t.unchanged} |`),
    '',
  ];
  const list = (kind: (typeof KINDS)[number]) => {
    const items = kind[0] === 'new' ? d.new_findings : d[kind[0]];
    return [
      `## ${kind[1]} / ${kind[2]} (${items.length})`,
      '',
      ...items.map((f) => `- ${escapeMd(f.rule)} ${f.severity} ${escapeMd(f.record.collection)} ${escapeMd(f.record.id)} ${mdCode(f.fingerprint)}${f.groups?.township ? ` 乡镇 township ${escapeMd(f.groups.township)}` : ''}${f.message ? ` — ${escapeMd(f.message.zh)} / ${escapeMd(f.message.en)}` : ''}`),
      '',
    ];
  };
  return [
    '# 两次审计对比 / Audit diff',
    '',
    `- 旧 old: ${mdCode(d.old.path)} ${escapeMd(d.old.generated_at)} (profile ${mdCode(d.old.profile)}, digest ${mdCode(d.old.digest)})`,
    `- 新 new: ${mdCode(d.new.path)} ${escapeMd(d.new.generated_at)} (profile ${mdCode(d.new.profile)}, digest ${mdCode(d.new.digest)})`,
    `- 新增 new ${d.counts.new}, 已解决 resolved ${d.counts.resolved}, 未变 unchanged ${d.counts.unchanged}`,
    '',
    ...table('按规则 / By rule', d.by_rule),
    ...table('按乡镇 / By township', d.by_township),
    ...KINDS.flatMap(list),
  ].join('\n');
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('对比两份 compliance.json:新增、已解决、未变的发现 / compare two compliance.json reports: new, resolved and unchanged findings')
    .argument('<old>', '较早的 compliance.json / the earlier compliance.json')
    .argument('<new>', '较新的 compliance.json / the later compliance.json')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['md', 'json']).default('md'))
    .option('--allow-different-regions', '允许对比不同地区(meta.region_code)的报告 / compare reports of different regions (meta.region_code)')
    .action((oldFile: string, newFile: string, opts: { format: 'md' | 'json'; allowDifferentRegions?: boolean }) => {
      const before = readReport(oldFile);
      const after = readReport(newFile);
      const [a, b] = [regionOf(before), regionOf(after)];
      if (a !== b && !opts.allowDifferentRegions)
        throw new UsageError(
          `两份报告属于不同地区(${a ?? '未说明'} 与 ${b ?? '未说明'});如确需对比,请加 --allow-different-regions`,
          `the two reports are of different regions (${a ?? 'not stated'} and ${b ?? 'not stated'}); pass --allow-different-regions to compare them anyway`,
        );
      const d = diffReports(before, after);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : diffMarkdown(d) + '\n');
      process.exitCode = EXIT.clean;
    });
}
