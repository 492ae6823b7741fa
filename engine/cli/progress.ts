// Progress for long runs on stderr, only when stderr is a terminal (quiet in CI and pipes),
// or when JIUZHU_PROGRESS=1 asks for it (the benchmark reads it to profile the phases).
export type Progress = (message: string) => void;

export function progressReporter(enabled = process.stderr.isTTY === true || process.env.JIUZHU_PROGRESS === '1'): Progress {
  if (!enabled) return () => {};
  const start = Date.now();
  return (m) => process.stderr.write(`[${((Date.now() - start) / 1000).toFixed(2)}s] ${m}\n`);
}
