/**
 * Versioned Argon2id parameters, stored with the account as a short tag such as
 * `kdf1$argon2id13$m=65536$t=3` (memory in KiB, passes). The tag travels through the server at
 * pre-login, so decoding refuses parameters below the floor (a hostile server must not be able to
 * downgrade the work factor) and above a ceiling (nor make a device allocate gigabytes).
 */
import { CryptoError } from './errors.ts';

export interface KdfParams {
  readonly version: 1;
  readonly algorithm: 'argon2id13';
  /** Memory cost in KiB. */
  readonly memoryKiB: number;
  /** Number of passes (libsodium's opslimit). */
  readonly passes: number;
}

/** At least 64 MiB and 3 passes: above OWASP's floor, what Bitwarden and Standard Notes use in browsers. */
export const MIN_KDF_PARAMS: KdfParams = {
  version: 1,
  algorithm: 'argon2id13',
  memoryKiB: 64 * 1024,
  passes: 3,
};
export const DEFAULT_KDF_PARAMS: KdfParams = MIN_KDF_PARAMS;
const MAX_MEMORY_KIB = 1024 * 1024;
const MAX_PASSES = 20;

export function checkKdfParams(params: KdfParams): KdfParams {
  if (!Number.isSafeInteger(params.memoryKiB) || !Number.isSafeInteger(params.passes)) {
    throw new CryptoError('invalid-input', 'KDF parameters must be integers');
  }
  if (params.memoryKiB < MIN_KDF_PARAMS.memoryKiB || params.passes < MIN_KDF_PARAMS.passes) {
    throw new CryptoError(
      'weak-kdf-params',
      `KDF parameters below the minimum (${MIN_KDF_PARAMS.memoryKiB} KiB, ${MIN_KDF_PARAMS.passes} passes)`,
      { memoryKiB: params.memoryKiB, passes: params.passes },
    );
  }
  if (params.memoryKiB > MAX_MEMORY_KIB || params.passes > MAX_PASSES) {
    throw new CryptoError('invalid-input', 'KDF parameters above what a device can run', {
      memoryKiB: params.memoryKiB,
      passes: params.passes,
    });
  }
  return params;
}

export function encodeKdfParams(params: KdfParams): string {
  checkKdfParams(params);
  return `kdf${params.version}$${params.algorithm}$m=${params.memoryKiB}$t=${params.passes}`;
}

const TAG = /^kdf(\d+)\$([a-z0-9]+)\$m=(\d{1,10})\$t=(\d{1,4})$/;

export function decodeKdfParams(tag: string): KdfParams {
  const match = TAG.exec(tag);
  if (!match) {
    throw new CryptoError('invalid-input', 'KDF tag is malformed');
  }
  const [, version, algorithm, memory, passes] = match;
  if (version !== '1' || algorithm !== 'argon2id13') {
    throw new CryptoError('unsupported-version', `unsupported KDF ${algorithm} version ${version}`, {
      version: version ?? '',
      algorithm: algorithm ?? '',
    });
  }
  return checkKdfParams({ version: 1, algorithm, memoryKiB: Number(memory), passes: Number(passes) });
}
