/**
 * How the sync client compares and sends envelopes. RxDB hands the handlers `WithDeleted<StoredEnvelope>`
 * (the envelope plus `_deleted`, possibly with RxDB's own `_meta`/`_rev`/`_attachments` when
 * configured to keep them); the wire format is exactly `shared/schema/envelope.ts`.
 *
 * Two states are the same when id, rev, nonce and deletion flag match: a nonce is fresh on every
 * encryption, so equal nonces mean the same write. `updatedAt` is the server's clock and is ignored.
 */
import type { WithDeleted } from 'rxdb';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';

export type SyncedEnvelope = WithDeleted<StoredEnvelope>;

export function sameEnvelopeState(
  a: Pick<Envelope, 'id' | 'rev' | 'nonce' | '_deleted'>,
  b: Pick<Envelope, 'id' | 'rev' | 'nonce' | '_deleted'>,
): boolean {
  return (
    a.id === b.id && a.rev === b.rev && a.nonce === b.nonce && Boolean(a._deleted) === Boolean(b._deleted)
  );
}

/** The envelope fields only, in wire form. */
export function toWireEnvelope(doc: SyncedEnvelope): Envelope {
  return {
    id: doc.id,
    profileId: doc.profileId,
    kind: doc.kind,
    rev: doc.rev,
    updatedAt: doc.updatedAt,
    _deleted: Boolean(doc._deleted),
    keyId: doc.keyId,
    schemaVersion: doc.schemaVersion,
    nonce: doc.nonce,
    ciphertext: doc.ciphertext,
    ...(doc.author === undefined ? {} : { author: doc.author }),
    ...(doc.sig === undefined ? {} : { sig: doc.sig }),
  };
}
