/**
 * The server's own secret, which keys the email hashes (auth/email-hash.ts). It lives outside the
 * database on purpose: with the database alone, nobody can test a list of addresses against the
 * stored hashes.
 *
 * `SERVER_SECRET` wins when set (required when several instances share one PostgreSQL: they must
 * hash emails alike); otherwise `DATA_DIR/server-secret` is created on first start, readable by the
 * server's user only. Losing it makes every registered email unknown, so back it up with the data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';

export const SERVER_SECRET_FILE = 'server-secret';
const MIN_SECRET_LENGTH = 32;

/** A 32-byte key from the secret's text (call after `initCrypto()`). */
export function serverKeyFromSecret(secret: string): Uint8Array {
  const text = secret.trim();
  if (text.length < MIN_SECRET_LENGTH) {
    throw new Error(`The server secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return sodium().crypto_hash_sha256(utf8(text));
}

export function loadServerKey(envSecret: string | undefined, dataDir: string): Uint8Array {
  if (envSecret !== undefined && envSecret !== '') return serverKeyFromSecret(envSecret);
  const file = join(dataDir, SERVER_SECRET_FILE);
  try {
    // 'wx': never overwrite an existing secret, even if two processes start at once.
    writeFileSync(file, `${toBase64(sodium().randombytes_buf(32))}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return serverKeyFromSecret(readFileSync(file, 'utf8'));
}
