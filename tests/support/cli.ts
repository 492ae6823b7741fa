// A command through the real entry point, in this process, with what it printed (tests only).
import { main } from '../../engine/cli/main';
import { captureStdout } from './stdout';

export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const err = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
  const saved = process.exitCode;
  let code = -1;
  try {
    const stdout = await captureStdout(async () => (code = await main(['node', 'jiuzhu', ...args])));
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = err;
    process.exitCode = saved;
  }
}
