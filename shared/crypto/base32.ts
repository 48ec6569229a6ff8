/**
 * Crockford base32: no I, L, O or U, so a key read aloud or copied by hand survives.
 * Decoding is forgiving where the alphabet allows it (case, O→0, I/L→1) and strict elsewhere.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** Maps one typed character to its 5-bit value, or -1 if it is not base32. */
export function base32Value(char: string): number {
  const upper = char.toUpperCase();
  return CROCKFORD_ALPHABET.indexOf(ALIASES[upper] ?? upper);
}

/**
 * Decodes `symbols` (already-validated 5-bit values) into `byteLength` bytes.
 * Returns null if the unused trailing bits are not zero, so no two strings decode to the same key.
 */
export function decodeBase32Values(symbols: readonly number[], byteLength: number): Uint8Array | null {
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const value of symbols) {
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (index >= byteLength) return null;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  if (index !== byteLength || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
