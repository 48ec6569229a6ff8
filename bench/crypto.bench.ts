/** Crypto core figures: Argon2id at the default parameters, record envelope throughput. */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_KDF_PARAMS,
  decryptRecord,
  deriveRootKey,
  encodeKdfParams,
  encryptRecord,
  generateKey,
  generateSalt,
  initCrypto,
} from '../shared/crypto/index.ts';
import { median, report, throughput, timeRuns } from './measure.ts';

export async function benchCrypto(): Promise<void> {
  await initCrypto();
  const salt = generateSalt();
  const kdf = timeRuns(5, () => deriveRootKey('correct horse battery staple', salt, DEFAULT_KDF_PARAMS));
  report(
    `Argon2id ${encodeKdfParams(DEFAULT_KDF_PARAMS)} (Node, median of 5)`,
    `${median(kdf).toFixed(0)} ms (min ${Math.min(...kdf).toFixed(0)}, max ${Math.max(...kdf).toFixed(0)})`,
  );

  const key = generateKey();
  const binding = { profileId: 'p1', kind: 'record', id: 'r1', rev: 1 };
  // ~1 KB of JSON: a realistic record with a long free-text note.
  const record = { kind: 'note', schemaVersion: 1, title: 'Bench', body: randomBytes(480).toString('hex') };
  const size = JSON.stringify(record).length;
  const envelope = { ...binding, ...encryptRecord(binding, record, key) };
  const encrypts = throughput(1500, () => encryptRecord(binding, record, key));
  const decrypts = throughput(1500, () => decryptRecord(envelope, key));
  report(`Envelope encrypt, ${size} B record`, `${Math.round(encrypts).toLocaleString('en')} records/s`);
  report(`Envelope decrypt, ${size} B record`, `${Math.round(decrypts).toLocaleString('en')} records/s`);
}
