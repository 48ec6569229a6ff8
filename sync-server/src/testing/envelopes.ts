/** Test fixtures: structurally valid envelopes with random (meaningless) ciphertext. */
import { randomBytes } from 'node:crypto';
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';

export function randomB64(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function envelope(id: string, rev = 1, overrides: Partial<Envelope> = {}): Envelope {
  return {
    id,
    profileId: 'prf_test',
    kind: 'record',
    rev,
    updatedAt: 0,
    _deleted: false,
    keyId: 'key_test',
    schemaVersion: 1,
    nonce: randomB64(24),
    ciphertext: randomB64(64),
    ...overrides,
  };
}

export function profileEnvelope(id: string, rev = 1, overrides: Partial<Envelope> = {}): Envelope {
  return envelope(id, rev, { kind: 'profile', profileId: '', ...overrides });
}

/** A row creating a document the client believes is new. */
export function create(doc: Envelope): PushRow {
  return { assumedMasterState: null, newDocumentState: doc };
}

/** A row writing the next revision of `master` (fresh nonce and ciphertext, as a re-encryption). */
export function update(master: Envelope, overrides: Partial<Envelope> = {}): PushRow {
  return {
    assumedMasterState: master,
    newDocumentState: envelope(master.id, master.rev + 1, {
      profileId: master.profileId,
      kind: master.kind,
      ...overrides,
    }),
  };
}

/** What the server returns for a stored document: the same state with the server's `updatedAt`. */
export function withoutTime(doc: Envelope): Omit<Envelope, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = doc;
  return rest;
}
