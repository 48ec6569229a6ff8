/**
 * The recovery key: 32 random bytes shown once to the user, printable, typed back on recovery.
 *
 * Text form: Crockford base32 of (key ‖ CRC-24(key)) = 35 bytes = 56 characters, in 14 groups of
 * four separated by dashes. The checksum catches any single mistyped character (and most other
 * typos) before decryption is tried, so the user hears "check the key" rather than "wrong key".
 */
import { base32Value, decodeBase32Values, encodeBase32 } from './base32.ts';
import { crc24 } from './crc24.ts';
import { CryptoError } from './errors.ts';
import { generateKey, KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

const CHECK_BYTES = 3;
export const RECOVERY_KEY_CHARS = ((KEY_BYTES + CHECK_BYTES) * 8) / 5; // 56
const GROUP = 4;

export function formatRecoveryKey(key: SymmetricKey): string {
  const check = crc24(key.bytes);
  const payload = new Uint8Array(KEY_BYTES + CHECK_BYTES);
  payload.set(key.bytes);
  payload.set([(check >> 16) & 0xff, (check >> 8) & 0xff, check & 0xff], KEY_BYTES);
  const text = encodeBase32(payload);
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? text;
}

export function generateRecoveryKey(): { key: SymmetricKey; text: string } {
  const key = generateKey();
  return { key, text: formatRecoveryKey(key) };
}

/** Parses what the user typed; throws `bad-recovery-key` with `meta.problem` = length | character | checksum. */
export function parseRecoveryKey(typed: string): SymmetricKey {
  const compact = typed.replace(/[\s-]/g, '');
  const values: number[] = [];
  for (const [position, char] of [...compact].entries()) {
    const value = base32Value(char);
    if (value < 0) {
      throw new CryptoError('bad-recovery-key', `“${char}” cannot appear in a recovery key`, {
        problem: 'character',
        position: position + 1,
      });
    }
    values.push(value);
  }
  if (values.length !== RECOVERY_KEY_CHARS) {
    throw new CryptoError(
      'bad-recovery-key',
      `a recovery key has ${RECOVERY_KEY_CHARS} characters, this one has ${values.length}`,
      { problem: 'length', length: values.length },
    );
  }
  const payload = decodeBase32Values(values, KEY_BYTES + CHECK_BYTES);
  const keyBytes = payload?.slice(0, KEY_BYTES);
  if (!payload || !keyBytes) {
    throw new CryptoError('bad-recovery-key', 'the recovery key has a typo', { problem: 'checksum' });
  }
  const expected = crc24(keyBytes);
  const actual =
    ((payload[KEY_BYTES] ?? 0) << 16) | ((payload[KEY_BYTES + 1] ?? 0) << 8) | (payload[KEY_BYTES + 2] ?? 0);
  if (expected !== actual) {
    throw new CryptoError('bad-recovery-key', 'the recovery key has a typo', { problem: 'checksum' });
  }
  return symmetricKey(keyBytes);
}
