/** Signs a practitioner entry with the practitioner's identity key and sends it sealed to the patient. */
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { shareAccessToken, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import {
  type PractitionerEntry,
  practitionerEntrySchema,
} from '../../../shared/schema/practitioner-entry.ts';
import type { Server } from '../server/server.ts';
import { buildPayload } from './entry-payload.ts';
import type { Snapshot } from './snapshot.ts';

export async function sendEntry(options: {
  server: Server;
  identity: Identity;
  shareId: string;
  shareKey: Uint8Array;
  passcode: string;
  snapshot: Snapshot;
  author: PractitionerProfile;
  entry: PractitionerEntry;
}): Promise<void> {
  const { sign } = options.identity;
  const entry = practitionerEntrySchema.parse(options.entry);
  const id = randomId();
  const profileId = options.snapshot.profileId;
  const payload = buildPayload({
    id,
    shareId: options.shareId,
    profileId,
    author: options.author,
    signPk: toBase64(sign.publicKey),
    tag: shareEntryTag(options.shareKey, options.shareId, id, profileId),
    entry,
  });
  const signed = signEntry(payload, sign.secretKey, sign.publicKey);
  const sealed = sealEntry(signed, fromBase64(options.snapshot.patientBoxPk));
  await options.server.shares.postEntry(
    options.shareId,
    shareAccessToken(options.shareKey, options.passcode),
    sealed,
  );
}
