/**
 * Files carried by a share (docs/architecture.md §8.2.1): documents the patient chose to include,
 * and files a practitioner attaches to an entry.
 *
 * Protocol, version 1: the file is cut into 512 KiB chunks; chunk `i` of `n` is
 * XChaCha20-Poly1305 under the share's file key, `BLAKE2b(key = shareKey, "carnet-share-file")`,
 * with a random nonce and additional data `["carnet.share-file", 1, shareId, fileId, i, n]`, and
 * travels as base64url(nonce ‖ ciphertext). Only holders of the share key (the patient, the
 * practitioner with the link) can read or write a chunk; chunks cannot be reordered, moved to
 * another file or share, dropped from the end or added. The reference (name, media type, size,
 * SHA-256, chunk count) travels inside the encrypted snapshot, or inside a practitioner's signed
 * entry: there the signature covers the file's SHA-256, which is checked after reassembly, so a
 * file replaced by another holder of the share key is refused too. At most 20 MiB, like a document.
 */
import { ATTACHMENT_MAX_BYTES } from '../protocol/messages.ts';
import { toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { fileSha256, openChunks, sealChunks } from './file-chunks.ts';
import { sodium } from './sodium.ts';
import { KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export { fileSha256 };

export const SHARE_FILE_VERSION = 1;
const FILE_LABEL = 'carnet-share-file';

/** What a reader needs to fetch and check a share file (never its key: that is the share's). */
export interface ShareFileRef {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** SHA-256 of the whole file, 64 lowercase hexadecimal characters. */
  readonly sha256: string;
  readonly chunkCount: number;
}

function fileKey(shareKey: Uint8Array): SymmetricKey {
  if (shareKey.length !== KEY_BYTES) throw new CryptoError('invalid-input', 'a share key is 32 bytes');
  return symmetricKey(sodium().crypto_generichash(KEY_BYTES, utf8(FILE_LABEL), shareKey));
}

function additionalData(shareId: string, fileId: string, index: number, count: number): Uint8Array {
  return utf8(JSON.stringify(['carnet.share-file', SHARE_FILE_VERSION, shareId, fileId, index, count]));
}

/** Encrypts a file's bytes for one share under the id `fileId`; the chunks are what the server keeps. */
export function encryptShareFile(
  shareKey: Uint8Array,
  shareId: string,
  file: {
    readonly id: string;
    readonly bytes: Uint8Array;
    readonly name: string;
    readonly mediaType: string;
  },
): { ref: ShareFileRef; chunks: string[] } {
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new CryptoError('invalid-input', 'a shared file must be at most 20 MiB', {
      max: ATTACHMENT_MAX_BYTES,
    });
  }
  const chunks = sealChunks(fileKey(shareKey), file.bytes, (index, count) =>
    additionalData(shareId, file.id, index, count),
  );
  return {
    ref: {
      id: file.id,
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: fileSha256(file.bytes),
      chunkCount: chunks.length,
    },
    chunks,
  };
}

/**
 * Decrypts and reassembles a share file; throws `tampered` when a chunk is missing, extra, moved,
 * altered, or the whole does not have the SHA-256 the reference states.
 */
export function decryptShareFile(
  shareKey: Uint8Array,
  shareId: string,
  ref: ShareFileRef,
  chunks: readonly string[],
): Uint8Array {
  return openChunks(fileKey(shareKey), chunks, ref, (index, count) =>
    additionalData(shareId, ref.id, index, count),
  );
}

/** A fresh file id: 128 random bits, base64url (22 characters), as the server expects. */
export function generateShareFileId(): string {
  return toBase64(sodium().randombytes_buf(16));
}
