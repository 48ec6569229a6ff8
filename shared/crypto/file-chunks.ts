/**
 * The chunk scheme thread attachments (`attachment.ts`) and share files (`share-file.ts`) have in
 * common: a file is cut into 512 KiB chunks, chunk `i` of `n` is XChaCha20-Poly1305 under the
 * caller's key with a random nonce and the caller's additional data for `(i, n)`, and travels as
 * base64url(nonce ‖ ciphertext). Opening checks the chunk count, every chunk's tag, the stated size
 * and the SHA-256 of the whole; anything else is `tampered`.
 */
import { ATTACHMENT_CHUNK_BYTES } from '../protocol/messages.ts';
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { constantTimeEqual } from './bytes.ts';
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sha256 } from './hash.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

/** The additional data of chunk `index` of `count`: binds it to its file, place and number. */
export type ChunkAdditionalData = (index: number, count: number) => Uint8Array;

/** What the reference of a file states, checked once its chunks are put back together. */
export interface ChunkedFileFacts {
  readonly size: number;
  /** Hex. */
  readonly sha256: string;
  readonly chunkCount: number;
}

/** The SHA-256 of a file's bytes, hex, as references carry it. */
export function fileSha256(bytes: Uint8Array): string {
  return sodium().to_hex(sha256(bytes));
}

/** Encrypts `bytes` chunk by chunk (at least one chunk, for an empty file). */
export function sealChunks(
  key: SymmetricKey,
  bytes: Uint8Array,
  additionalData: ChunkAdditionalData,
): string[] {
  const count = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
  const chunks: string[] = [];
  for (let index = 0; index < count; index++) {
    const slice = bytes.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES);
    const sealed = aeadEncrypt(key, slice, additionalData(index, count));
    const joined = new Uint8Array(sealed.nonce.length + sealed.ciphertext.length);
    joined.set(sealed.nonce);
    joined.set(sealed.ciphertext, sealed.nonce.length);
    chunks.push(toBase64(joined));
  }
  return chunks;
}

/**
 * Decrypts and reassembles the chunks; throws `tampered` when a chunk is missing, extra, moved,
 * altered or not base64url, or the whole is not the size and SHA-256 `facts` state.
 */
export function openChunks(
  key: SymmetricKey,
  chunks: readonly string[],
  facts: ChunkedFileFacts,
  additionalData: ChunkAdditionalData,
): Uint8Array {
  if (chunks.length !== facts.chunkCount) {
    throw new CryptoError('tampered', `expected ${facts.chunkCount} chunks, got ${chunks.length}`);
  }
  const nonceBytes = sodium().crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  const out = new Uint8Array(facts.size);
  let offset = 0;
  chunks.forEach((chunk, index) => {
    let joined: Uint8Array;
    try {
      joined = fromBase64(chunk, 'chunk');
    } catch {
      throw new CryptoError('tampered', 'a chunk is not base64url');
    }
    const plain = aeadDecrypt(
      key,
      { nonce: joined.subarray(0, nonceBytes), ciphertext: joined.subarray(nonceBytes) },
      additionalData(index, facts.chunkCount),
    );
    if (offset + plain.length > facts.size)
      throw new CryptoError('tampered', 'the file is longer than stated');
    out.set(plain, offset);
    offset += plain.length;
  });
  if (
    offset !== facts.size ||
    !/^[0-9a-f]{64}$/.test(facts.sha256) ||
    !constantTimeEqual(sha256(out), sodium().from_hex(facts.sha256))
  ) {
    throw new CryptoError('tampered', 'the file does not match its checksum');
  }
  return out;
}
