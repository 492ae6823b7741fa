// What a command printed on stdout while it ran in process (tests only).
export async function captureStdout(run: () => Promise<unknown>): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  (process.stdout as any).write = (chunk: string | Uint8Array) => ((out += String(chunk)), true);
  try {
    await run();
  } finally {
    (process.stdout as any).write = write;
  }
  return out;
}
