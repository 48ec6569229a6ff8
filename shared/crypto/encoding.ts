/**
 * Byte ↔ text conversions used on disk and on the wire: URL-safe base64 without padding, UTF-8.
 *
 * Base64url is done here in plain JavaScript rather than by libsodium's `to_base64`/`from_base64`:
 * those copy every string in and out of the WebAssembly heap, which made decoding the larger
 * part of opening an envelope (issue 15 profile). The accepted language is libsodium's
 * URLSAFE_NO_PADDING one, byte for byte (encoding.test.ts compares both): only `A–Z a–z 0–9 - _`,
 * no padding or whitespace, a length that is not 1 modulo 4, and zero bits after the last byte.
 */
import { CryptoError } from './errors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENCODE = Array.from(ALPHABET);
/** Character code → 6-bit value, or 255 for a character outside the alphabet. */
const DECODE = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += (ENCODE[n >> 18] ?? '') + ENCODE[(n >> 12) & 63] + ENCODE[(n >> 6) & 63] + ENCODE[n & 63];
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = bytes[full] ?? 0;
    out += (ENCODE[n >> 2] ?? '') + ENCODE[(n & 3) << 4];
  } else if (rest === 2) {
    const n = ((bytes[full] ?? 0) << 8) | (bytes[full + 1] ?? 0);
    out += (ENCODE[n >> 10] ?? '') + ENCODE[(n >> 4) & 63] + ENCODE[(n & 15) << 2];
  }
  return out;
}

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? (DECODE[code] ?? 255) : 255;
}

export function fromBase64(text: string, field = 'value'): Uint8Array {
  const invalid = () => new CryptoError('invalid-input', `${field} is not valid base64url`, { field });
  const rest = text.length % 4;
  if (rest === 1) throw invalid();
  const out = new Uint8Array(((text.length - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  const full = text.length - rest;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if (a > 63 || b > 63 || c > 63 || d > 63) throw invalid();
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (rest > 0) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = rest === 3 ? sextet(text, full + 2) : 0;
    if (a > 63 || b > 63 || c > 63) throw invalid();
    // Bits past the last byte must be zero: one text per byte string, as libsodium requires.
    if (rest === 2 ? (b & 15) !== 0 : (c & 3) !== 0) throw invalid();
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) out[o++] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
