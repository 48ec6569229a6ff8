/**
 * Reads exact byte counts from an async iterable of arbitrarily sized pieces (a `File.stream()`, a
 * Node read stream, a test's array). It keeps only the pieces not yet consumed, never the whole
 * input, and copies a piece only when a read spans two of them.
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private done = false;
  /** Bytes handed out so far: the position in the file. */
  consumed = 0;

  constructor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.iterator =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : toAsync((source as Iterable<Uint8Array>)[Symbol.iterator]());
  }

  private async fill(count: number): Promise<void> {
    while (this.pendingBytes < count && !this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
      } else if (next.value.length > 0) {
        this.pending.push(next.value);
        this.pendingBytes += next.value.length;
      }
    }
  }

  /** Up to `count` bytes: fewer only at the end of the input. */
  async read(count: number): Promise<Uint8Array> {
    await this.fill(count);
    const take = Math.min(count, this.pendingBytes);
    const first = this.pending[0];
    let out: Uint8Array;
    if (first && first.length >= take) {
      out = first.subarray(0, take);
      if (first.length === take) this.pending.shift();
      else this.pending[0] = first.subarray(take);
    } else {
      out = new Uint8Array(take);
      let offset = 0;
      while (offset < take) {
        const piece = this.pending[0] as Uint8Array;
        const part = Math.min(piece.length, take - offset);
        out.set(piece.subarray(0, part), offset);
        offset += part;
        if (part === piece.length) this.pending.shift();
        else this.pending[0] = piece.subarray(part);
      }
    }
    this.pendingBytes -= take;
    this.consumed += take;
    return out;
  }

  /** True when no byte is left. */
  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.pendingBytes === 0;
  }

  /** Lets the source release its resources (a file handle) when reading stops early. */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }
}

function toAsync(iterator: Iterator<Uint8Array>): AsyncIterator<Uint8Array> {
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
