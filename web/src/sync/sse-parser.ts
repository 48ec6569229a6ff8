/**
 * Incremental parser of a `text/event-stream` body (WHATWG HTML, "server-sent events"), for the live
 * stream read over fetch: EventSource cannot send the Authorization header.
 *
 * Lines end with CRLF, LF or CR, possibly split across chunks; `field: value` lines build an event
 * that a blank line dispatches; lines starting with `:` are comments (the server's heartbeats).
 * Only `event` and `data` matter here; `id` and `retry` are ignored (the client resumes from its
 * own checkpoint, not from a Last-Event-ID).
 */
export type SseItem =
  | { readonly type: 'event'; readonly event: string; readonly data: string }
  | { readonly type: 'comment'; readonly text: string };

export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  /** A chunk ended with CR: a LF at the start of the next one belongs to the same line end. */
  private pendingCr = false;

  /** Feeds decoded text; returns the items it completed. */
  push(chunk: string): SseItem[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const items: SseItem[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone CR at the very end may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) this.pendingCr = true;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const item = this.line(line);
      if (item) items.push(item);
    }
    return items;
  }

  private line(line: string): SseItem | null {
    if (line === '') {
      const data = this.data.join('\n');
      const event = this.event || 'message';
      const had = this.data.length > 0;
      this.data = [];
      this.event = '';
      return had ? { type: 'event', event, data } : null;
    }
    if (line.startsWith(':')) return { type: 'comment', text: line.slice(1).trimStart() };
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    return null;
  }
}
