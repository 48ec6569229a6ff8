/**
 * The keyring as it travels to and from the sync server (docs/architecture.md §3.3). It holds no secret in clear:
 * KDF tag and salt, the vault key wrapped twice, the identity's public halves and wrapped secret
 * halves. The schema is strict so a buggy client can never upload an extra field (say, a key)
 * beside it; the server stores it as an opaque JSON document and hands it back at login.
 *
 * Only `kdf` and `salt` mean something to the server: pre-login returns them.
 */
import { decodeKdfParams } from '../crypto/kdf-params.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { messages } from '../schema/common.ts';
import { z } from '../schema/zod.ts';

/** Version 1 of the keyring format (`KEYRING_VERSION` in shared/crypto/keyring.ts). */
const KEYRING_V1 = 1;

/** A base64url field (no padding) of a fixed or bounded length. */
export function base64urlField(label: string, length: { exact: number } | { max: number }) {
  const pattern =
    'exact' in length
      ? new RegExp(`^[A-Za-z0-9_-]{${length.exact}}$`)
      : new RegExp(`^[A-Za-z0-9_-]{1,${length.max}}$`);
  const wording = 'exact' in length ? `${length.exact}` : `1 to ${length.max}`;
  return z
    .string({ error: messages(label, `${label} must be text`) })
    .regex(pattern, `${label} must be ${wording} base64url characters`);
}

export const wrappedSecretSchema = z.strictObject({
  v: z
    .int({ error: messages('Wrap version', 'Wrap version must be a whole number') })
    .min(1)
    .max(1_000),
  by: base64urlField('Wrapping key id', { max: 128 }),
  label: z
    .string({ error: messages('Wrap label', 'Wrap label must be text') })
    .min(1, 'Wrap label must not be empty')
    .max(200, 'Wrap label must be at most 200 characters'),
  nonce: base64urlField('Wrap nonce', { max: 64 }),
  ciphertext: base64urlField('Wrapped secret', { max: 512 }),
});

export const keyringSchema = z.strictObject({
  v: z.literal(KEYRING_V1, { error: `Keyring version must be ${KEYRING_V1}` }),
  kdf: z
    .string({ error: messages('KDF', 'KDF must be text') })
    .max(100, 'KDF must be at most 100 characters')
    .refine(isAcceptedKdf, 'KDF must be a supported tag such as kdf1$argon2id13$m=65536$t=3'),
  /** 16 bytes. */
  salt: base64urlField('Salt', { exact: 22 }),
  vaultKeyByPassphrase: wrappedSecretSchema,
  vaultKeyByRecoveryKey: wrappedSecretSchema,
  identity: z.strictObject({
    boxPublicKey: base64urlField('Box public key', { exact: 43 }),
    signPublicKey: base64urlField('Sign public key', { exact: 43 }),
    boxSecretKey: wrappedSecretSchema,
    signSecretKey: wrappedSecretSchema,
  }),
});

function isAcceptedKdf(tag: string): boolean {
  try {
    decodeKdfParams(tag); // refuses parameters below the floor: no account is created with a weak KDF
    return true;
  } catch {
    return false;
  }
}

export type KeyringMessage = z.infer<typeof keyringSchema>;

// Compile-time check that the wire format and the crypto core's Keyring stay the same shape.
export const asKeyring: (keyring: KeyringMessage) => Keyring = (keyring) => keyring;
