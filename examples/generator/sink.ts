// One NDJSON file per collection, written through a stream with backpressure: lines are
// UTF-8-encoded straight into large buffers (no string concatenation, few syscalls), and
// the producer waits on 'drain' whenever the stream holds more than its high-water mark.
import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK_BYTES = 1 << 18;
const PENDING_CHARS = 1 << 14;
/** encodeInto is faster than Buffer#write for mixed Chinese/ASCII text on Node 20. */
const ENCODER = new TextEncoder();

export class NdjsonSink {
  count = 0;
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private pending = '';
  private stream: WriteStream;
  private drained: Promise<unknown> | undefined;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.failure = e));
  }

  /** Append one record as a JSON line. */
  write(record: unknown): void {
    this.writeLine(JSON.stringify(record));
  }

  /** Append a line that is already JSON (hot paths build their own for speed). */
  writeLine(json: string): void {
    // Short lines are joined first: one Buffer.write per 16K characters, not per record.
    this.pending += json + '\n';
    this.count++;
    if (this.pending.length >= PENDING_CHARS) this.encode();
  }

  private encode(): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const worst = this.pending.length * 3;
    if (this.pos + worst > this.buf.length) this.flush(worst);
    this.pos += ENCODER.encodeInto(this.pending, this.buf.subarray(this.pos)).written;
    this.pending = '';
  }

  private flush(need = 0): void {
    if (this.pos > 0) {
      const ok = this.stream.write(this.buf.subarray(0, this.pos));
      if (!ok && !this.drained) this.drained = once(this.stream, 'drain').then(() => (this.drained = undefined));
    }
    // The written chunk now belongs to the stream; never reuse it.
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
    this.pos = 0;
  }

  /** Resolves once the stream can take more; the generator awaits this between batches of households. */
  async ready(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.drained) await this.drained;
  }

  /** Flush, close, and return the bytes written. */
  async close(): Promise<number> {
    if (this.pending) this.encode();
    if (this.pos > 0) this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    return this.stream.bytesWritten;
  }
}
