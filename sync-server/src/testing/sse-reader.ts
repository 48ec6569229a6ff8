/** Reads a server-sent-events response the way the web client will: fetch streaming, not EventSource. */
import { type StreamMessage, streamMessageSchema } from '../../../shared/protocol/replication.ts';

export type SseItem = { readonly message: StreamMessage } | { readonly comment: string };

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly pending: SseItem[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
  }

  /** The next event or comment; null when the server ended the stream. Fails after `timeoutMs`. */
  async next(timeoutMs = 5_000): Promise<SseItem | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a server-sent event');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out waiting for a server-sent event')), left);
      });
      const chunk = await Promise.race([this.reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) return null;
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.drain();
    }
    return this.pending.shift() ?? null;
  }

  /** The next event that is a message (comments skipped). */
  async nextMessage(timeoutMs = 5_000): Promise<StreamMessage | null> {
    for (;;) {
      const item = await this.next(timeoutMs);
      if (item === null) return null;
      if ('message' in item) return item.message;
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private drain(): void {
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split('\n');
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
      if (data.length > 0) {
        this.pending.push({ message: streamMessageSchema.parse(JSON.parse(data.join('\n'))) });
      } else {
        const comment = lines.find((l) => l.startsWith(':'));
        if (comment !== undefined) this.pending.push({ comment: comment.slice(1).trim() });
      }
    }
  }
}
