/**
 * Signs a practitioner entry with the practitioner's identity key and sends it sealed to the
 * patient. An attached file is encrypted under the share key and uploaded first; its reference
 * (with its SHA-256) goes inside the entry, so the signature covers it.
 */
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { encryptShareFile, generateShareFileId } from '../../../shared/crypto/share-file.ts';
import { shareAccessToken, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import {
  type PractitionerEntry,
  practitionerEntrySchema,
} from '../../../shared/schema/practitioner-entry.ts';
import type { Server } from '../server/server.ts';
import { buildPayload } from './entry-payload.ts';
import { uploadFile } from './share-files.ts';
import type { Snapshot } from './snapshot.ts';

/** A file the practitioner attaches to the entry. */
export interface EntryFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
}

export async function sendEntry(options: {
  server: Server;
  identity: Identity;
  shareId: string;
  shareKey: Uint8Array;
  passcode: string;
  snapshot: Snapshot;
  author: PractitionerProfile;
  entry: PractitionerEntry;
  file?: EntryFile;
}): Promise<void> {
  const { sign } = options.identity;
  const accessToken = shareAccessToken(options.shareKey, options.passcode);
  let attached = options.entry;
  if (options.file) {
    const { ref, chunks } = encryptShareFile(options.shareKey, options.shareId, {
      id: generateShareFileId(),
      ...options.file,
    });
    await uploadFile(options.server.shares, options.shareId, { ref, chunks }, accessToken);
    const { id: fileId, ...rest } = ref;
    attached = { ...options.entry, attachment: { fileId, ...rest } };
  }
  const entry = practitionerEntrySchema.parse(attached);
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
  await options.server.shares.postEntry(options.shareId, accessToken, sealed);
}
