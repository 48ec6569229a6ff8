/** Byte ↔ text conversions used on disk and on the wire: URL-safe base64 without padding, UTF-8. */
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';

export function toBase64(bytes: Uint8Array): string {
  const s = sodium();
  return s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
}

export function fromBase64(text: string, field = 'value'): Uint8Array {
  const s = sodium();
  try {
    return s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new CryptoError('invalid-input', `${field} is not valid base64url`, { field });
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
