/**
 * Messaging threads and the practitioner directory (docs/architecture.md §8.5, §8.6). What goes
 * out is already sealed and signed by `web/src/messaging`; these clients only carry it.
 */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { DirectoryQuery } from '../../../shared/protocol/directory.ts';
import type { Transport } from './transport.ts';

export class ThreadsApi {
  constructor(private readonly transport: Transport) {}

  list = () => this.transport.call(API.listThreads, {});
  create = (body: RequestOf<typeof API.createThread>) => this.transport.call(API.createThread, { body });
  messages = (id: string, after = 0, limit = 200) =>
    this.transport.call(API.listMessages, { params: { id }, query: { after, limit } });
  post = (id: string, envelope: RequestOf<typeof API.postMessage>) =>
    this.transport.call(API.postMessage, { params: { id }, body: envelope });
  receipts = (id: string, body: RequestOf<typeof API.threadReceipts>) =>
    this.transport.call(API.threadReceipts, { params: { id }, body });
  archive = (id: string, archived: boolean) =>
    this.transport.call(API.archiveThread, { params: { id }, body: { archived } });
  createAttachment = (id: string, body: RequestOf<typeof API.createAttachment>) =>
    this.transport.call(API.createAttachment, { params: { id }, body });
  putChunk = (id: string, attachmentId: string, index: number, data: string) =>
    this.transport.call(API.putChunk, { params: { id, attachmentId, index: String(index) }, body: { data } });
  getChunk = (id: string, attachmentId: string, index: number) =>
    this.transport.call(API.getChunk, { params: { id, attachmentId, index: String(index) } });
  blocked = () => this.transport.call(API.listBlocked, {});
  block = (accountId: string) => this.transport.call(API.block, { body: { accountId } });
  unblock = (accountId: string) => this.transport.call(API.unblock, { params: { accountId } });
}

export class DirectoryApi {
  constructor(private readonly transport: Transport) {}

  search = (query: DirectoryQuery = {}) => this.transport.call(API.directory, { query: { ...query } });
}
