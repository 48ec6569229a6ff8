/**
 * Files a share carries (docs/architecture.md §8.2.1; shared/crypto/share-file.ts): the documents
 * the patient chose, re-encrypted under the share key and uploaded when the share is made, and the
 * reading side, for the practitioner (with the access token) and for the owner (the session alone).
 * What comes back is checked chunk by chunk and against the SHA-256 of the reference: anything
 * altered is a `tampered` problem, never bytes.
 */
import { CryptoError } from '../../../shared/crypto/errors.ts';
import {
  decryptShareFile,
  encryptShareFile,
  generateShareFileId,
  type ShareFileRef,
} from '../../../shared/crypto/share-file.ts';
import { SHARE_MAX_FILES } from '../../../shared/protocol/shares.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { SharesApi } from '../server/shares.ts';
import { ShareProblem } from './share-problem.ts';

/** A shared document as the snapshot lists it: the file's reference and what the patient called it. */
export interface SharedFile extends ShareFileRef {
  readonly title: string;
  readonly date: string;
}

export const sharedFileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  name: z.string().max(255),
  mediaType: z.string().max(255),
  size: z
    .int()
    .min(0)
    .max(20 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chunkCount: z.int().min(1).max(40),
  title: z.string().max(500),
  date: z.string().max(40),
});
export const sharedFilesSchema = z.array(sharedFileSchema).max(SHARE_MAX_FILES);

/** One file ready to upload: its reference and its chunk ciphertexts. */
export interface EncryptedFile {
  readonly file: SharedFile;
  readonly chunks: readonly string[];
}

export function encryptDocument(
  shareKey: Uint8Array,
  shareId: string,
  doc: { bytes: Uint8Array; name: string; mediaType: string; title: string; date: string },
): EncryptedFile {
  const { ref, chunks } = encryptShareFile(shareKey, shareId, {
    id: generateShareFileId(),
    bytes: doc.bytes,
    name: doc.name,
    mediaType: doc.mediaType,
  });
  return { file: { ...ref, title: doc.title, date: doc.date }, chunks };
}

/** Declares and writes one file, chunk by chunk (the owner: no token; a practitioner: the access token). */
export async function uploadFile(
  api: SharesApi,
  shareId: string,
  encrypted: { ref: ShareFileRef; chunks: readonly string[] },
  accessToken?: string,
): Promise<void> {
  await api.createFile(shareId, encrypted.ref.id, encrypted.chunks.length, accessToken);
  for (const [index, data] of encrypted.chunks.entries()) {
    await api.putFileChunk(shareId, encrypted.ref.id, index, data, accessToken);
  }
}

/** Fetches and checks one file; `tampered` when any chunk or the whole fails its check. */
export async function downloadFile(
  api: SharesApi,
  shareId: string,
  shareKey: Uint8Array,
  ref: ShareFileRef,
  accessToken?: string,
): Promise<Uint8Array> {
  const chunks: string[] = [];
  for (let index = 0; index < ref.chunkCount; index++) {
    chunks.push((await api.readFileChunk(shareId, ref.id, index, accessToken)).data);
  }
  try {
    return decryptShareFile(shareKey, shareId, ref, chunks);
  } catch (error) {
    if (error instanceof CryptoError) throw new ShareProblem('tampered', error.message);
    throw error;
  }
}
