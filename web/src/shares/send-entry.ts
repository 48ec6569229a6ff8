/** Signs a practitioner entry with the practitioner's identity key and sends it sealed to the patient. */
import { fromBase64, toBase64 } from '../../../../shared/crypto/encoding.ts';
import { randomId } from '../../../../shared/crypto/random.ts';
import { sealEntry, signEntry } from '../../../../shared/crypto/share-entry.ts';
import { shareAccessToken, shareEntryTag } from '../../../../shared/crypto/share-key.ts';
import type { PractitionerProfile } from '../../../../shared/protocol/shares.ts';
import {
  type PractitionerEntry,
  practitionerEntrySchema,
} from '../../../../shared/schema/practitioner-entry.ts';
import type { AppStore } from '../../store/app-store.ts';
import { buildPayload } from './entry-payload.ts';
import { requireServer, ShareProblem } from './share-problem.ts';
import type { Snapshot } from './snapshot.ts';

export async function sendEntry(options: {
  app: AppStore;
  shareId: string;
  shareKey: Uint8Array;
  passcode: string;
  snapshot: Snapshot;
  author: PractitionerProfile;
  entry: PractitionerEntry;
}): Promise<void> {
  const session = options.app.session();
  if (!session) throw new ShareProblem('failed', 'locked');
  const entry = practitionerEntrySchema.parse(options.entry);
  const id = randomId();
  const profileId = options.snapshot.profileId;
  const payload = buildPayload({
    id,
    shareId: options.shareId,
    profileId,
    author: options.author,
    signPk: toBase64(session.identity.sign.publicKey),
    tag: shareEntryTag(options.shareKey, options.shareId, id, profileId),
    entry,
  });
  const signed = signEntry(payload, session.identity.sign.secretKey, session.identity.sign.publicKey);
  const sealed = sealEntry(signed, fromBase64(options.snapshot.patientBoxPk));
  await requireServer(options.app).shares.postEntry(
    options.shareId,
    shareAccessToken(options.shareKey, options.passcode),
    sealed,
  );
}
