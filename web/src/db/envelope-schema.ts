/**
 * The RxDB schema of an encrypted envelope: the same plaintext fields as `shared/schema/envelope.ts`,
 * nothing more. RxDB keeps `_deleted` itself. Indexed fields must be required with the Dexie storage.
 */
import type { RxJsonSchema } from 'rxdb';
import type { Envelope } from '../../../shared/schema/envelope.ts';

export type StoredEnvelope = Omit<Envelope, '_deleted'>;

export const envelopeRxSchema: RxJsonSchema<StoredEnvelope> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    profileId: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: ['record', 'blob', 'keyring', 'profile'], maxLength: 16 },
    rev: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'integer', minimum: 0 },
    keyId: { type: 'string' },
    schemaVersion: { type: 'integer', minimum: 1 },
    nonce: { type: 'string' },
    ciphertext: { type: 'string' },
    author: { type: 'string' },
    sig: { type: 'string' },
  },
  required: ['id', 'profileId', 'kind', 'rev', 'updatedAt', 'keyId', 'schemaVersion', 'nonce', 'ciphertext'],
  indexes: ['profileId'],
};
