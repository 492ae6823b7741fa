// Progress for long runs on stderr, only when stderr is a terminal (quiet in CI and pipes).
export type Progress = (message: string) => void;

export function progressReporter(enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return () => {};
  const start = Date.now();
  return (m) => process.stderr.write(`[${((Date.now() - start) / 1000).toFixed(1)}s] ${m}\n`);
}
