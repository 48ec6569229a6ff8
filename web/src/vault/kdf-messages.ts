/** Messages between the UI thread and the key-derivation worker. */
export interface KdfRequest {
  passphrase: string;
  /** base64url */
  salt: string;
  /** encoded KDF parameters */
  kdf: string;
}

export type KdfResponse =
  | { ok: true; keyEncryptionKey: Uint8Array; authKey: Uint8Array }
  | { ok: false; message: string };
