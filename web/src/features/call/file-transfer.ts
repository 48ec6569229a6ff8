/**
 * Files over the data connection: split into FILE_CHUNK_BYTES pieces, reassembled in order on the
 * other side. The receiver trusts nothing: a chunk out of order, an oversized file or a size that
 * does not match what was announced drops the transfer.
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

export interface ReceivedFile {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly data: Uint8Array;
}

interface Pending {
  name: string;
  mime: string;
  size: number;
  next: number;
  received: number;
  chunks: Uint8Array[];
}

/** Feeds file messages in; returns the file when its last message arrives, 'dropped' on any problem. */
export class FileReceiver {
  private readonly pending = new Map<string, Pending>();

  accept(message: CallMessage): ReceivedFile | 'dropped' | undefined {
    if (message.type === 'file-start') {
      this.pending.set(message.id, { ...message, next: 0, received: 0, chunks: [] });
      return undefined;
    }
    if (message.type !== 'file-chunk' && message.type !== 'file-end') return undefined;
    const file = this.pending.get(message.id);
    if (!file) return 'dropped';
    if (message.type === 'file-chunk') {
      file.received += message.data.byteLength;
      if (message.index !== file.next++ || file.received > file.size) return this.drop(message.id);
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
    return { id: message.id, name: file.name, mime: file.mime, data };
  }

  private drop(id: string): 'dropped' {
    this.pending.delete(id);
    return 'dropped';
  }
}
