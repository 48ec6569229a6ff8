/**
 * CRC-24 as in OpenPGP's ASCII armor (RFC 4880 §6.1). A CRC of degree 24 detects every burst
 * error of up to 24 bits; one mistyped base32 character is a burst of at most 5 bits, so every
 * single-character typo in a recovery key is caught, with certainty, before any decryption.
 */
const INIT = 0xb704ce;
const POLY = 0x1864cfb;

export function crc24(bytes: Uint8Array): number {
  let crc = INIT;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let bit = 0; bit < 8; bit++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= POLY;
    }
  }
  return crc & 0xffffff;
}
