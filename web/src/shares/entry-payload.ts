/**
 * What a practitioner signs, and how the patient's device checks a stored practitioner entry.
 *
 * Signed payload: `{v, id, shareId, profileId, tag, author {name, profession, specialty?,
 * professionalId?, signPk}, createdAt, entry}` where `entry` is the practitioner-entry record without
 * its signature and `tag` = shareEntryTag(shareKey, shareId, id, profileId): the patient's device
 * checks it on import (it holds the share key, the server does not), and being signed, it stays
 * covered by every later re-verification.
 * The imported record is that `entry` plus `signature {payload, sig, signPk}` and `received` (the
 * author the server named at import). `checkStoredEntry` verifies the signature and that the record's fields are exactly the signed ones: any altered
 * byte makes the entry `invalid`, and only the signed content is ever shown as valid.
 */
import { type SignedEntry, signKeyFingerprint, verifyEntry } from '../../../shared/crypto/share-entry.ts';
import type { PractitionerProfile } from '../../../shared/protocol/shares.ts';
import {
  type PractitionerEntry,
  practitionerEntrySchema,
} from '../../../shared/schema/practitioner-entry.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { EntryVerdict } from '../records/entry-verdict.ts';

export const PAYLOAD_VERSION = 1;

const payloadSchema = z.strictObject({
  v: z.literal(PAYLOAD_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  shareId: z.string().max(64),
  profileId: z.string().max(64),
  tag: z.string().max(64),
  author: z.strictObject({
    name: z.string().max(200),
    profession: z.string().max(100),
    specialty: z.string().max(100).optional(),
    professionalId: z.string().max(40).optional(),
    city: z.string().max(100).optional(),
    signPk: z.string().max(100),
  }),
  createdAt: z.string().max(40),
  entry: z.unknown(),
});
export type EntryPayload = Omit<z.infer<typeof payloadSchema>, 'entry'> & { entry: PractitionerEntry };

export function buildPayload(options: {
  id: string;
  shareId: string;
  profileId: string;
  author: PractitionerProfile;
  signPk: string;
  tag: string;
  entry: PractitionerEntry;
}): EntryPayload {
  const { signature: _unused, received: _notSigned, ...entry } = options.entry;
  // Only the author fields the payload signs: a profile also carries directory fields (listed,
  // languages, rate, accepts) that the strict payload schema refuses on the patient's device.
  const { name, profession, specialty, professionalId, city } = options.author;
  return {
    v: PAYLOAD_VERSION,
    id: options.id,
    shareId: options.shareId,
    profileId: options.profileId,
    tag: options.tag,
    author: {
      name,
      profession,
      ...(specialty === undefined ? {} : { specialty }),
      ...(professionalId === undefined ? {} : { professionalId }),
      ...(city === undefined ? {} : { city }),
      signPk: options.signPk,
    },
    createdAt: entry.createdAt,
    entry,
  };
}

/** Parses verified bytes into a payload, or null when they are not one (or disagree with the author). */
export function parsePayload(json: unknown, signPk: string): EntryPayload | null {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || parsed.data.author.signPk !== signPk) return null;
  const entry = practitionerEntrySchema.safeParse(parsed.data.entry);
  if (
    !entry.success ||
    entry.data.signature ||
    entry.data.received ||
    entry.data.practitioner.name !== parsed.data.author.name
  )
    return null;
  return { ...parsed.data, entry: entry.data };
}

/** Verifies an incoming entry; throws (CryptoError `bad-signature`) or returns its payload. */
export function verifiedPayload(signed: SignedEntry): EntryPayload | null {
  return parsePayload(verifyEntry(signed), signed.signPk);
}

export type EntryCheck = EntryVerdict;

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Checks a stored practitioner entry: once when its envelope is opened or changes (the store keeps
 * the verdict with the record), never while rendering. Verified means: the signature holds, the
 * record's fields are exactly the signed ones, and the author noted at import (inside the encrypted
 * record) names this very key. The verdict carries the key's fingerprint and whether the account's
 * key had changed, so the screen never shows a bare "verified".
 */
export function checkStoredEntry(record: PractitionerEntry): EntryCheck {
  const { signature, received, ...fields } = record;
  if (!signature) return { status: 'unsigned' };
  try {
    const payload = verifiedPayload(signature);
    if (!payload || canonical(payload.entry) !== canonical(fields)) return { status: 'invalid' };
    const fingerprint = signKeyFingerprint(signature.signPk);
    if (!fingerprint || (received && received.keyFingerprint !== fingerprint)) return { status: 'invalid' };
    return {
      status: 'verified',
      payload,
      fingerprint,
      accountId: received?.accountId ?? null,
      keyChanged: received?.keyChanged ?? false,
    };
  } catch {
    return { status: 'invalid' };
  }
}
