// `jiuzhu baseline <export> --out baseline.json`: audits the export and records the findings known
// today (fingerprint, rule, record, severity), so `audit --baseline` fails only on new ones.
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { EXIT, InputError } from '../../errors';
import { fingerprintKeyOption, useFingerprintKey } from '../fingerprint-key';
import { nonEmpty, tagExpression } from '../options';
import { auditRun } from './audit';

interface BaselineOptions {
  out: string;
  profile?: string;
  tags?: string;
  allowEmpty?: boolean;
  fingerprintKeyFile?: string;
}

export function registerBaseline(program: Command): void {
  program
    .command('baseline')
    .description('记录今天已知的发现,供 audit --baseline 只对新发现失败 / record the findings known today, so `audit --baseline` fails only on new ones')
    .argument('<export>', '导出数据:JSON 文件或含 meta.json 的文件夹 / a JSON file or a folder with meta.json')
    .addOption(new Option('--out <file>', '基线文件 / the baseline file to write').default('baseline.json').argParser(nonEmpty('--out')))
    .option('--profile <id>', '政策配置(默认取 meta.jurisdiction,否则 national) / policy profile (default: meta.jurisdiction, then national)', nonEmpty('--profile'))
    .option('--tags <expr>', '只运行符合标签表达式的审计场景 / run only audit scenarios matching the tag expression', tagExpression)
    .option('--allow-empty', '允许空导出或未运行任何规则 / accept an empty export or a run with no rule')
    // The baseline's fingerprints must be keyed like the audits that will be compared with it.
    .addOption(fingerprintKeyOption())
    .action(async (exportPath: string, opts: BaselineOptions) => {
      await useFingerprintKey(opts.fingerprintKeyFile);
      const { baselineOf } = await import('../../gate/baseline');
      process.exitCode = await auditRun(exportPath, { ...opts, failOn: 'never', showPersonalData: false }, async (report) => {
        const baseline = baselineOf(report);
        try {
          fs.writeFileSync(opts.out, JSON.stringify(baseline, null, 2) + '\n');
        } catch (e) {
          throw new InputError(`无法写入基线文件 ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? ''}`, `cannot write the baseline file ${opts.out}: ${(e as Error).message}`);
        }
        process.stdout.write(`基线 baseline: ${baseline.findings.length} 项发现 findings → ${opts.out}\n`);
        return EXIT.clean;
      });
    });
}
