// Option mistakes through the real entry point, in this process: each costs exactly one Chinese
// and one English line on stderr and exit 2, and no work is done (no report folder appears).
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../tests/support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'exports', 'notices-clean.json');

/** Two lines, `jiuzhu: <Chinese>` then `jiuzhu: <English>`, and nothing else. */
function expectUsageLines(r: { code: number; stderr: string; stdout: string }, zh: RegExp, en: RegExp): void {
  expect(r.code, r.stderr).to.equal(2);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, r.stderr).to.have.length(2);
  expect(lines[0]).to.match(/^jiuzhu: /).and.to.match(/[\u4e00-\u9fa5]/).and.to.match(zh);
  expect(lines[1]).to.match(/^jiuzhu: /).and.to.match(en);
  expect(lines[1].slice('jiuzhu: '.length)).not.to.match(/[\u4e00-\u9fa5]{2}/);
  expect(r.stdout).to.equal('');
}

describe('option mistakes', function () {
  this.timeout(60_000);
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-opts-'));
    out = path.join(dir, 'reports');
  });
  afterEach(() => {
    expect(fs.existsSync(out), 'no report folder for a mistake').to.equal(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('audit --profile ""', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--profile', ''), /--profile 的取值为空/, /--profile is empty/));
  it('audit --memory-limit lots', async () =>
    expectUsageLines(await runCli('audit', FIX, '--out', out, '--memory-limit', 'lots'), /--memory-limit 应为内存大小/, /--memory-limit must be a memory size/));
  it('audit --out ""', async () => {
    const r = await runCli('audit', FIX, '--out', '');
    expectUsageLines(r, /--out 的取值为空/, /--out is empty/);
  });
  it('audit --out naming an existing file', async () => {
    const file = path.join(dir, 'passwd');
    fs.writeFileSync(file, 'root:x:0:0\n');
    expectUsageLines(await runCli('audit', FIX, '--out', file), /是已存在的文件,不是文件夹/, /is an existing file, not a folder/);
    expect(fs.readFileSync(file, 'utf8')).to.equal('root:x:0:0\n');
  });
  it('audit --out below a file', async () => {
    const file = path.join(dir, 'passwd');
    fs.writeFileSync(file, '');
    expectUsageLines(await runCli('audit', FIX, '--out', path.join(file, 'reports')), /是文件,不是文件夹/, /is a file, not a folder/);
  });
  it('audit --tags "(("', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--tags', '(('), /不是有效的标签表达式/, /--tags "\(\(" is not a valid tag expression \(Unmatched \(\./));
  it('audit --tags ""', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--tags', ''), /--tags 的取值为空/, /--tags is empty/));
  it('audit --format ""', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--format', ''), /--format 的取值为空/, /--format is empty \(available: json, junit, md, html\)/));
  it('audit --format ","', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--format', ' , '), /--format 的取值为空/, /--format is empty/));
  it('audit --format pdf', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--format', 'json,pdf'), /未知的报告格式 "pdf"/, /unknown report format "pdf"/));
  it('audit --fail-on sometimes', async () =>
    expectUsageLines(await runCli('audit', FIX, '--out', out, '--fail-on', 'sometimes'), /选项 --fail-on 的取值 "sometimes" 无效\(可用: error, warning, never\)/, /option '--fail-on <severity>' argument 'sometimes' is invalid/));
  it('audit --db ""', async () => expectUsageLines(await runCli('audit', FIX, '--out', out, '--db', ''), /--db 的取值为空/, /--db is empty/));
  it('audit --bogus', async () => expectUsageLines(await runCli('audit', FIX, '--bogus'), /未知选项 --bogus/, /unknown option '--bogus'/));
  it('audit without its export', async () => expectUsageLines(await runCli('audit'), /缺少参数 <export>/, /missing required argument 'export'/));
  it('audit --out without a value', async () => expectUsageLines(await runCli('audit', FIX, '--out'), /选项 --out 缺少取值/, /option '--out <dir>' argument missing/));
  it('an unknown command', async () => expectUsageLines(await runCli('audti', FIX), /未知命令 audti/, /unknown command 'audti'/));
  it('explain --profile ""', async () => expectUsageLines(await runCli('explain', FIX, 'N1', '--profile', ''), /--profile 的取值为空/, /--profile is empty/));
  it('explain --rules ","', async () => expectUsageLines(await runCli('explain', FIX, 'N1', '--rules', ','), /--rules 的取值为空/, /--rules is empty/));
  it('explain --collection ""', async () => expectUsageLines(await runCli('explain', FIX, 'N1', '--collection', ''), /未知数据集合/, /unknown collection/));
  it('penalty --profile ""', async () => expectUsageLines(await runCli('penalty', '--profile', '', '--stage', 'application', '--amount', '1'), /--profile 的取值为空/, /--profile is empty/));
  it('penalty --date 2024-02-30', async () =>
    expectUsageLines(await runCli('penalty', '--profile', 'hubei-xiantao', '--stage', 'application', '--amount', '1', '--date', '2024-02-30'), /--date 应为存在的日期/, /--date must be a real date as YYYY-MM-DD, not "2024-02-30"/));
  it('penalty --stage later', async () =>
    expectUsageLines(await runCli('penalty', '--profile', 'hubei-xiantao', '--stage', 'later', '--amount', '1'), /选项 --stage 的取值 "later" 无效/, /argument 'later' is invalid/));
  it('penalty without --amount', async () => expectUsageLines(await runCli('penalty', '--profile', 'hubei-xiantao', '--stage', 'application'), /缺少必需的选项 --amount/, /required option '--amount <yuan>' not specified/));
  it('lint ""', async () => expectUsageLines(await runCli('lint', ''), /未知的政策配置 ""/, /unknown policy profile ""/));
});
