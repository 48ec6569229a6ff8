/**
 * Files over the data connection: split into FILE_CHUNK_BYTES pieces, reassembled in order on the
 * other side. The receiver trusts nothing: a chunk out of order, an oversized file or a size that
 * does not match what was announced drops the transfer; so does a third transfer while two are in
 * flight, or one past RECEIVED_MAX_BYTES received in the call (the other side's memory is ours).
 * The sender's MIME type is not kept: a received file is always an opaque download
 * (`application/octet-stream`), so a claimed `text/html` or `image/svg+xml` is never rendered.
 */
import { type CallMessage, FILE_CHUNK_BYTES, FILE_MAX_BYTES } from './call-messages.ts';

export function fileMessages(id: string, name: string, mime: string, data: Uint8Array): CallMessage[] {
  if (data.byteLength > FILE_MAX_BYTES) throw new RangeError('file too large');
  const messages: CallMessage[] = [{ type: 'file-start', id, name, mime, size: data.byteLength }];
  for (let offset = 0, index = 0; offset < data.byteLength; offset += FILE_CHUNK_BYTES, index++) {
    messages.push({ type: 'file-chunk', id, index, data: data.slice(offset, offset + FILE_CHUNK_BYTES) });
  }
  messages.push({ type: 'file-end', id });
  return messages;
}

/** Transfers received at once, and bytes received over one call. */
export const MAX_IN_FLIGHT = 2;
export const RECEIVED_MAX_BYTES = 50 * 1024 * 1024;
export const RECEIVED_MIME = 'application/octet-stream';

export interface ReceivedFile {
  readonly id: string;
  readonly name: string;
  readonly data: Uint8Array;
}

/** The download for a received file: always opaque bytes, whatever type the sender claimed. */
export function receivedBlob(file: ReceivedFile): Blob {
  return new Blob([file.data as Uint8Array<ArrayBuffer>], { type: RECEIVED_MIME });
}

interface Pending {
  name: string;
  size: number;
  next: number;
  received: number;
  chunks: Uint8Array[];
}

/** Feeds file messages in; returns the file when its last message arrives, 'dropped' on any problem. */
export class FileReceiver {
  private readonly pending = new Map<string, Pending>();
  /** Every chunk byte accepted in this call, including those of dropped transfers. */
  private total = 0;

  constructor(
    private readonly maxInFlight = MAX_IN_FLIGHT,
    private readonly maxTotalBytes = RECEIVED_MAX_BYTES,
  ) {}

  accept(message: CallMessage): ReceivedFile | 'dropped' | undefined {
    if (message.type === 'file-start') {
      const busy = this.pending.size >= this.maxInFlight && !this.pending.has(message.id);
      if (busy || this.total + message.size > this.maxTotalBytes) return this.drop(message.id);
      this.pending.set(message.id, {
        name: message.name,
        size: message.size,
        next: 0,
        received: 0,
        chunks: [],
      });
      return undefined;
    }
    if (message.type !== 'file-chunk' && message.type !== 'file-end') return undefined;
    const file = this.pending.get(message.id);
    if (!file) return 'dropped';
    if (message.type === 'file-chunk') {
      file.received += message.data.byteLength;
      this.total += message.data.byteLength;
      if (message.index !== file.next++ || file.received > file.size || this.total > this.maxTotalBytes) {
        return this.drop(message.id);
      }
      file.chunks.push(message.data);
      return undefined;
    }
    this.pending.delete(message.id);
    if (file.received !== file.size) return 'dropped';
    const data = new Uint8Array(file.size);
    let offset = 0;
    for (const chunk of file.chunks) {
      data.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { id: message.id, name: file.name, data };
  }

  private drop(id: string): 'dropped' {
    this.pending.delete(id);
    return 'dropped';
  }
}
