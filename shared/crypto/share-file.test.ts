import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES } from '../protocol/messages.ts';
import { fromBase64, toBase64 } from './encoding.ts';
import { generateIdentity } from './identity.ts';
import { signEntry, verifyEntry } from './share-entry.ts';
import { decryptShareFile, encryptShareFile, fileSha256 } from './share-file.ts';
import { generateShareId, generateShareKey } from './share-key.ts';
import { initCrypto } from './sodium.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

function fileOf(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) % 251);
}

describe('share files', () => {
  it('re-encrypts a file under the share key and reads it back, chunk by chunk', () => {
    const key = generateShareKey();
    const shareId = generateShareId();
    const bytes = fileOf(ATTACHMENT_CHUNK_BYTES * 2 + 10);
    const { ref, chunks } = encryptShareFile(key, shareId, {
      id: 'file-one',
      bytes,
      name: 'scan.pdf',
      mediaType: 'application/pdf',
    });
    expect(chunks).toHaveLength(3);
    expect(ref).toMatchObject({ size: bytes.length, chunkCount: 3, sha256: fileSha256(bytes) });
    expect(decryptShareFile(key, shareId, ref, chunks)).toEqual(bytes);
  });

  it('refuses another share key, another share, a moved, dropped or altered chunk', () => {
    const key = generateShareKey();
    const shareId = generateShareId();
    const bytes = fileOf(ATTACHMENT_CHUNK_BYTES + 5);
    const { ref, chunks } = encryptShareFile(key, shareId, { id: 'f', bytes, name: 'a', mediaType: 'x/y' });
    expectReason(() => decryptShareFile(generateShareKey(), shareId, ref, chunks), 'tampered');
    expectReason(() => decryptShareFile(key, generateShareId(), ref, chunks), 'tampered');
    expectReason(() => decryptShareFile(key, shareId, { ...ref, id: 'g' }, chunks), 'tampered');
    expectReason(() => decryptShareFile(key, shareId, ref, [...chunks].reverse()), 'tampered');
    expectReason(() => decryptShareFile(key, shareId, ref, chunks.slice(0, 1)), 'tampered');
    const first = chunks[0] ?? '';
    const flipped = toBase64(flipByte(fromBase64(first), 40));
    expectReason(() => decryptShareFile(key, shareId, ref, [flipped, chunks[1] ?? '']), 'tampered');
    expectReason(() => decryptShareFile(key, shareId, ref, ['not base64!', chunks[1] ?? '']), 'tampered');
  });

  it('refuses a file replaced by another holder of the share key: the signed hash no longer matches', () => {
    const key = generateShareKey();
    const shareId = generateShareId();
    const author = generateIdentity();
    const original = encryptShareFile(key, shareId, {
      id: 'report',
      bytes: fileOf(1000),
      name: 'report.pdf',
      mediaType: 'application/pdf',
    });
    // The practitioner signs the reference, with the file's SHA-256, inside the entry.
    const signed = signEntry({ attachment: original.ref }, author.sign.secretKey, author.sign.publicKey);
    const ref = (verifyEntry(signed) as { attachment: typeof original.ref }).attachment;
    expect(decryptShareFile(key, shareId, ref, original.chunks)).toHaveLength(1000);
    // Same id, same size, valid encryption under the share key, other bytes: refused by the hash.
    const swapped = encryptShareFile(key, shareId, {
      id: 'report',
      bytes: fileOf(1001).subarray(1),
      name: 'report.pdf',
      mediaType: 'application/pdf',
    });
    expectReason(() => decryptShareFile(key, shareId, ref, swapped.chunks), 'tampered');
    // And the hash inside the signed bytes cannot be changed without breaking the signature.
    const forged = { ...signed, payload: toBase64(flipByte(fromBase64(signed.payload), 20)) };
    expectReason(() => verifyEntry(forged), 'bad-signature');
  });

  it('refuses files over 20 MiB before encrypting anything', () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    expectReason(
      () =>
        encryptShareFile(generateShareKey(), generateShareId(), {
          id: 'f',
          bytes: big,
          name: 'a',
          mediaType: 'x/y',
        }),
      'invalid-input',
    );
  });
});
