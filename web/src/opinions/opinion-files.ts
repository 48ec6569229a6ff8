/** A file chosen for a second-opinion request, as the sealed content carries it, and back to bytes. */
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { sha256 } from '../../../shared/crypto/hash.ts';
import type { OpinionFile } from '../../../shared/second-opinion/content.ts';

export async function fileOf(file: File): Promise<OpinionFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = Array.from(sha256(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    name: file.name,
    mediaType: file.type || 'application/octet-stream',
    data: toBase64(bytes),
    sha256: digest,
  };
}

export function bytesOf(file: OpinionFile): Uint8Array {
  return fromBase64(file.data, 'file');
}
