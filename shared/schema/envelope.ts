/**
 * The encrypted envelope (docs/architecture.md §4): the one format stored in IndexedDB, sent on the wire and
 * kept by the server. Every field here is plaintext the server can read, so the list is closed
 * (`strict`): a clinical kind, a title or a date must never be added beside the ciphertext.
 *
 * Invariants: `rev` grows by one per write and is what the server compares on push (never the
 * ciphertext, which changes on every encryption); `updatedAt` is assigned by the server, 0 before the
 * first sync; `author` and `sig` come together, for entries signed by a practitioner.
 */

import { messages } from './common.ts';
import { z } from './zod.ts';

export const ENVELOPE_KINDS = ['record', 'blob', 'keyring', 'profile'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

/** Base64 characters of ciphertext per envelope: bounds what one document costs to store and send. */
export const MAX_CIPHERTEXT_LENGTH = 1.5 * 1024 * 1024;

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function base64url(label: string, max: number) {
  return z
    .string({ error: messages(label, `${label} must be text`) })
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`)
    .pipe(z.base64url({ error: `${label} must be base64url without padding` }));
}

export const envelopeSchema = z
  .strictObject({
    id: z
      .string({ error: messages('Id', 'Id must be text') })
      .regex(ID_PATTERN, 'Id must be 1 to 64 letters, digits, dashes or underscores'),
    /** '' for account-level documents (keyring, profile list). */
    profileId: z
      .string({ error: messages('Profile id', 'Profile id must be text') })
      .refine((id) => id === '' || ID_PATTERN.test(id), {
        message: 'Profile id must be empty or 1 to 64 letters, digits, dashes or underscores',
      }),
    kind: z.enum(ENVELOPE_KINDS, {
      error: messages('Kind', `Kind must be one of: ${ENVELOPE_KINDS.join(', ')}`),
    }),
    rev: z
      .int({ error: messages('Revision', 'Revision must be a whole number') })
      .min(1, 'Revision must be at least 1'),
    updatedAt: z
      .int({ error: messages('Update time', 'Update time must be a whole number') })
      .min(0, 'Update time must not be negative'),
    _deleted: z.boolean({ error: messages('Deleted flag', 'Deleted flag must be true or false') }),
    keyId: z
      .string({ error: messages('Key id', 'Key id must be text') })
      .regex(/^[A-Za-z0-9_-]{1,128}$/, 'Key id must be 1 to 128 base64url characters'),
    /**
     * Version of the encrypted payload format. Not in the original field list, but the AEAD
     * additional data binds it (docs/architecture.md §4), so it must be readable before decrypting.
     */
    schemaVersion: z
      .int({ error: messages('Schema version', 'Schema version must be a whole number') })
      .min(1, 'Schema version must be at least 1'),
    nonce: base64url('Nonce', 64),
    ciphertext: base64url('Ciphertext', MAX_CIPHERTEXT_LENGTH),
    author: base64url('Author', 128).optional(),
    sig: base64url('Signature', 256).optional(),
  })
  .refine((e) => (e.author === undefined) === (e.sig === undefined), {
    path: ['sig'],
    message: 'Author and signature must be given together',
  })
  .refine((e) => (e.kind !== 'record' && e.kind !== 'blob') || e.profileId !== '', {
    path: ['profileId'],
    message: 'Records and blobs must belong to a profile',
  });

export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Two envelopes hold the same write: every field the author sets, byte for byte (not the server's
 * `updatedAt`). The server takes such a push as unchanged; a device takes such a pull as the echo
 * of its own write.
 */
export function sameEnvelopeState(a: Envelope, b: Envelope): boolean {
  return (
    a.id === b.id &&
    a.profileId === b.profileId &&
    a.kind === b.kind &&
    a.rev === b.rev &&
    a._deleted === b._deleted &&
    a.keyId === b.keyId &&
    a.schemaVersion === b.schemaVersion &&
    a.nonce === b.nonce &&
    a.ciphertext === b.ciphertext &&
    a.author === b.author &&
    a.sig === b.sig
  );
}
