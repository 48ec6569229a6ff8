/**
 * Read-only paths for device-local secrets sealed before local-seal.ts existed. Nothing writes these
 * forms any more, but devices still hold sync credentials and shares state in them and the server
 * holds owner-secret copies in them, so they must keep opening. Each returns the parsed JSON for
 * the caller to validate, and fails like `openLocal` (`wrong-key`, `tampered`, `invalid-input`).
 *
 * - Sync credentials: a record envelope (record-envelope.ts) whose binding was made up for the
 *   purpose, `{profileId: '', kind: 'keyring', id: 'sync-credentials', rev}`.
 * - Shares state: XChaCha20-Poly1305 with the additional data `carnet.shares-state.v1`.
 * - Share owner secret: XChaCha20-Poly1305 with the additional data `carnet.share-owner-secret|<id>`.
 */
import { aeadDecrypt } from './aead.ts';
import { fromBase64, fromUtf8, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { decryptRecord } from './record-envelope.ts';
import type { SymmetricKey } from './symmetric-key.ts';

/** The stored form of sync credentials before local sealing. */
export interface LegacyCredentialsEnvelope {
  readonly rev: number;
  readonly keyId: string;
  readonly schemaVersion: number;
  readonly nonce: string;
  readonly ciphertext: string;
}

interface LegacySealed {
  readonly nonce: string;
  readonly ciphertext: string;
}

const CREDENTIALS_BINDING = { profileId: '', kind: 'keyring', id: 'sync-credentials' } as const;

export function openLegacySyncCredentials(key: SymmetricKey, sealed: LegacyCredentialsEnvelope): unknown {
  return decryptRecord({ ...CREDENTIALS_BINDING, ...sealed }, key);
}

function openRaw(key: SymmetricKey, sealed: LegacySealed, ad: string): unknown {
  const bytes = aeadDecrypt(
    key,
    { nonce: fromBase64(sealed.nonce, 'nonce'), ciphertext: fromBase64(sealed.ciphertext, 'ciphertext') },
    utf8(ad),
  );
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new CryptoError('invalid-input', 'sealed value is not valid JSON');
  }
}

export function openLegacySharesState(key: SymmetricKey, sealed: LegacySealed): unknown {
  return openRaw(key, sealed, 'carnet.shares-state.v1');
}

export function openLegacyOwnerSecret(key: SymmetricKey, shareId: string, sealed: LegacySealed): unknown {
  return openRaw(key, sealed, `carnet.share-owner-secret|${shareId}`);
}
