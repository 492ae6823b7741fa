// Writes the requested formats into the output folder, so that a report file is never half
// written and a folder is never a mix of two runs' reports.
//
// How: every format is rendered in memory first, each is written to a temporary name in the
// output folder, then, holding a lock file in that folder, all of them are renamed into place.
// Guaranteed, for runs on one machine into one local folder:
// - each report file is whole and from one run (rename replaces a file atomically);
// - the files a run writes reach the folder together: two runs writing the same formats into
//   one --out leave every one of those files from the run that renamed last.
// Not guaranteed:
// - a file of a format only an earlier run wrote stays as it was (nothing is deleted);
// - a reader listing the folder during the milliseconds of the renames can see both runs;
// - across machines on a network filesystem, where the lock's process check does not hold.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JiuzhuError, UsageError } from '../errors';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { ComplianceReport } from './model';

export const FORMATS = {
  json: { file: 'compliance.json', render: (r: ComplianceReport) => JSON.stringify(r, null, 2) + '\n' },
  junit: { file: 'compliance-junit.xml', render: renderJunit },
  md: { file: 'compliance.md', render: renderMarkdown },
  html: { file: 'compliance.html', render: renderHtml },
} as const;
export type Format = keyof typeof FORMATS;

export const LOCK_FILE = '.jiuzhu-reports.lock';
const LOCK_WAIT_MS = 60_000;

export function parseFormats(list: string): Format[] {
  const formats = [...new Set(list.split(',').map((f) => f.trim()).filter(Boolean))];
  if (!formats.length) throw new UsageError(`--format 的取值为空(可用: ${Object.keys(FORMATS).join(', ')})`, `--format is empty (available: ${Object.keys(FORMATS).join(', ')})`);
  for (const f of formats)
    if (!(f in FORMATS)) throw new UsageError(`未知的报告格式 "${f}"(可用: ${Object.keys(FORMATS).join(', ')})`, `unknown report format "${f}" (available: ${Object.keys(FORMATS).join(', ')})`);
  return formats as Format[];
}

const cannot = (dir: string, e: unknown) =>
  new UsageError(`无法写入报告目录 ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `cannot write to the report folder ${dir}: ${(e as Error).message}`);

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory();

/** Checked before the audit runs: --out names a folder, or a place where one can be made. */
export function checkOutputDir(dir: string): string {
  if (!dir.trim()) throw new UsageError('--out 的取值为空', '--out is empty');
  const resolved = path.resolve(dir);
  let existing = resolved;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  if (!isDir(existing))
    throw new UsageError(
      existing === resolved ? `--out ${dir} 是已存在的文件,不是文件夹` : `--out ${dir}: ${existing} 是文件,不是文件夹`,
      existing === resolved ? `--out ${dir} is an existing file, not a folder` : `--out ${dir}: ${existing} is a file, not a folder`,
    );
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch (e) {
    throw cannot(dir, e);
  }
  return dir;
}

// One level at a time: Node's recursive mkdir never returns under /proc (it retries ENOENT).
function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let p = path.resolve(dir); !isDir(p); p = path.dirname(p)) missing.unshift(p);
  for (const p of missing)
    try {
      fs.mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !isDir(p)) throw cannot(dir, e);
    }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** Takes the folder's lock: created exclusively, holding our pid; a lock whose process is gone is taken over. */
async function lock(dir: string): Promise<() => void> {
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cannot(dir, e);
    }
    const pid = Number(readIfThere(file).trim());
    if (pid > 0 && !alive(pid)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new JiuzhuError(
        `报告目录 ${dir} 正被另一次审计写入(锁文件 ${file}${pid ? `,进程 ${pid}` : ''});若该进程已结束,请删除锁文件`,
        `another audit is writing to ${dir} (lock file ${file}${pid ? `, process ${pid}` : ''}); if that process has ended, delete the lock file`,
      );
    await sleep(20);
  }
}

export async function writeReports(report: ComplianceReport, dir: string, formats: Format[]): Promise<string[]> {
  const rendered = formats.map((f) => ({ file: path.join(dir, FORMATS[f].file), text: FORMATS[f].render(report) }));
  makeDir(dir);
  const tag = `.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`;
  const temps = rendered.map((r) => ({ ...r, temp: path.join(dir, `.${path.basename(r.file)}${tag}`) }));
  try {
    for (const t of temps) await fs.promises.writeFile(t.temp, t.text).catch((e) => Promise.reject(cannot(dir, e)));
    const release = await lock(dir);
    try {
      for (const t of temps) await fs.promises.rename(t.temp, t.file).catch((e) => Promise.reject(cannot(dir, e)));
    } finally {
      release();
    }
  } finally {
    for (const t of temps) fs.rmSync(t.temp, { force: true });
  }
  return rendered.map((r) => r.file);
}
