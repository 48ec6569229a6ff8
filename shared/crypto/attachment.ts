/**
 * Attachments of a thread message (docs/architecture.md §8.5), the document chunk scheme applied to
 * a file sent in a thread.
 *
 * Protocol, version 1: each attachment has its own random 32-byte key, carried only inside the
 * (encrypted, signed) message that refers to it, with the file's name, media type, size, SHA-256
 * and chunk count. The file is cut into 512 KiB chunks; chunk `i` is XChaCha20-Poly1305 under the
 * attachment key with a random nonce and additional data `["carnet.attachment", v, attachmentId,
 * i, chunkCount]`, and travels as base64url(nonce ‖ ciphertext). Chunks therefore cannot be
 * reordered, swapped between attachments, dropped from the end or added; the SHA-256 of the
 * reassembled file is checked last. At most 20 MiB, like a document.
 */
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_CHUNKS } from '../protocol/messages.ts';
import { fromBase64, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { fileSha256, openChunks, sealChunks } from './file-chunks.ts';
import { generateKey, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const ATTACHMENT_VERSION = 1;
export { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_CHUNKS };

/** What the message content carries about an attachment (inside the ciphertext). */
export interface AttachmentRef {
  readonly id: string;
  /** The attachment key, base64url. */
  readonly key: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** SHA-256 of the whole file, 64 lowercase hexadecimal characters, as a document record has it. */
  readonly sha256: string;
  readonly chunkCount: number;
}

export interface EncryptedAttachment {
  readonly ref: AttachmentRef;
  /** In order; each base64url(nonce ‖ ciphertext). */
  readonly chunks: readonly string[];
}

function additionalData(id: string, index: number, count: number): Uint8Array {
  return utf8(JSON.stringify(['carnet.attachment', ATTACHMENT_VERSION, id, index, count]));
}

export function encryptAttachment(
  id: string,
  file: { readonly bytes: Uint8Array; readonly name: string; readonly mediaType: string },
): EncryptedAttachment {
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new CryptoError('invalid-input', 'an attachment must be at most 20 MiB', {
      max: ATTACHMENT_MAX_BYTES,
    });
  }
  const key = generateKey();
  const chunks = sealChunks(key, file.bytes, (index, count) => additionalData(id, index, count));
  return {
    ref: {
      id,
      key: toBase64(key.bytes),
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: fileSha256(file.bytes),
      chunkCount: chunks.length,
    },
    chunks,
  };
}

/** Reassembles the file; throws `tampered` when a chunk is missing, extra, moved or altered. */
export function decryptAttachment(ref: AttachmentRef, chunks: readonly string[]): Uint8Array {
  const key: SymmetricKey = symmetricKey(fromBase64(ref.key, 'key'));
  return openChunks(key, chunks, ref, (index, count) => additionalData(ref.id, index, count));
}
