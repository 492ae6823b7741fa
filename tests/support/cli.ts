// The `jiuzhu` command run in this process through its entry point (tests only): what it
// returned as exit code and what it wrote on stdout and stderr.
import { main } from '../../engine/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  const err = process.stderr.write;
  const out = process.stdout.write;
  let stderr = '';
  let stdout = '';
  process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
  const saved = process.exitCode;
  try {
    return { code: await main(['node', 'jiuzhu', ...args]), stderr, stdout };
  } finally {
    process.stderr.write = err;
    process.stdout.write = out;
    process.exitCode = saved;
  }
}
