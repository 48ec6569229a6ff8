/**
 * Practitioner shares, from the patient's side (create, list, snapshot, revoke, log, pending entries)
 * and the practitioner's (open, post an entry, redeem a typed code). The share key never leaves the
 * device: only tokens and ciphertext derived from it do.
 */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class SharesApi {
  constructor(private readonly transport: Transport) {}

  createShare = (body: RequestOf<typeof API.createShare>) => this.transport.call(API.createShare, { body });
  listShares = () => this.transport.call(API.listShares, {});
  revoke = (id: string) => this.transport.call(API.revokeShare, { params: { id } });
  log = (id: string) => this.transport.call(API.shareLog, { params: { id } });
  putSnapshot = (id: string, body: RequestOf<typeof API.putSnapshot>) =>
    this.transport.call(API.putSnapshot, { params: { id }, body });
  pendingEntries = (id: string) => this.transport.call(API.pendingEntries, { params: { id } });
  ackEntry = (id: string, entryId: string) => this.transport.call(API.ackEntry, { params: { id, entryId } });

  open = (id: string, accessToken: string, refresh = false) =>
    this.transport.call(API.openShare, { params: { id }, body: { accessToken, refresh } });
  redeemCode = (lookupId: string, proof: string) =>
    this.transport.call(API.redeemCode, { params: { lookupId }, body: { proof } });
  postEntry = (id: string, accessToken: string, sealed: string) =>
    this.transport.call(API.postEntry, { params: { id }, body: { accessToken, sealed } });

  /** Share files (the owner without `accessToken`, a practitioner with it). */
  createFile = (id: string, fileId: string, chunkCount: number, accessToken?: string) =>
    this.transport.call(API.createShareFile, {
      params: { id },
      body: { id: fileId, chunkCount, ...(accessToken ? { accessToken } : {}) },
    });
  putFileChunk = (id: string, fileId: string, index: number, data: string, accessToken?: string) =>
    this.transport.call(API.putShareFileChunk, {
      params: { id, fileId, index: String(index) },
      body: { data, ...(accessToken ? { accessToken } : {}) },
    });
  readFileChunk = (id: string, fileId: string, index: number, accessToken?: string) =>
    this.transport.call(API.readShareFileChunk, {
      params: { id, fileId, index: String(index) },
      body: accessToken ? { accessToken } : {},
    });
  deleteFile = (id: string, fileId: string) =>
    this.transport.call(API.deleteShareFile, { params: { id, fileId } });
}
