/**
 * Moving a thread attachment through the server (docs/architecture.md §8.5): the file is encrypted
 * under a fresh key (shared/crypto/attachment.ts), declared, and its chunks uploaded one by one;
 * the key travels only inside the message that names it. Downloading fetches the chunks and
 * reassembles them; the SHA-256 carried in the signed message is checked before any byte is given
 * back, so a server that swaps, drops or alters a chunk is caught.
 */
import {
  type AttachmentRef,
  decryptAttachment,
  encryptAttachment,
} from '../../../shared/crypto/attachment.ts';
import { isCryptoError } from '../../../shared/crypto/errors.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import type { Server } from '../server/server.ts';

export interface OutgoingFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export class AttachmentTampered extends Error {
  override readonly name = 'AttachmentTampered';
}

export async function uploadAttachment(
  server: Server,
  threadId: string,
  file: OutgoingFile,
): Promise<AttachmentRef> {
  const id = randomId();
  const encrypted = encryptAttachment(id, {
    bytes: file.bytes,
    name: file.name,
    mediaType: file.mediaType || 'application/octet-stream',
  });
  await server.threads.createAttachment(threadId, { id, chunkCount: encrypted.ref.chunkCount });
  for (const [index, data] of encrypted.chunks.entries()) {
    await server.threads.putChunk(threadId, id, index, data);
  }
  return encrypted.ref;
}

/** The file's bytes, its checksum verified; throws AttachmentTampered otherwise. */
export async function downloadAttachment(
  server: Server,
  threadId: string,
  ref: AttachmentRef,
): Promise<Uint8Array> {
  const chunks: string[] = [];
  for (let index = 0; index < ref.chunkCount; index++) {
    chunks.push((await server.threads.getChunk(threadId, ref.id, index)).data);
  }
  try {
    return decryptAttachment(ref, chunks);
  } catch (error) {
    if (isCryptoError(error)) throw new AttachmentTampered(error.message);
    throw error;
  }
}
