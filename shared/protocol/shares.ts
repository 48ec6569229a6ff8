/**
 * Practitioner access messages (docs/architecture.md §8), shared by client and server: `/api/shares/*` and
 * `/api/practitioners/*`. The server sees a share's public metadata (mode, sections, expiry, state)
 * and ciphertext only: the snapshot is encrypted with a key derived from the share key, which
 * travels in the link's fragment; practitioner entries are sealed to the patient's public key.
 */
import { messages } from '../schema/common.ts';
import { MAX_HOURLY_RATE_CENTS, MIN_HOURLY_RATE_CENTS } from '../schema/consultation.ts';
import { z } from '../schema/zod.ts';
import { base64urlField, wrappedSecretSchema } from './keyring.ts';
import { ATTACHMENT_MAX_CHUNKS, CHUNK_TEXT_MAX } from './messages.ts';

/** Record kinds a patient may share as snapshot rows (documents travel apart, as share files: SHARE_MAX_FILES). */
export const SHARE_SECTIONS = [
  'allergy',
  'condition',
  'medication',
  'vaccination',
  'lab-result',
  'measurement',
  'lifestyle',
  'administrative',
  'emergency-contact',
  'note',
  'practitioner-entry',
  'consultation',
] as const;
export type ShareSection = (typeof SHARE_SECTIONS)[number];

export const SHARE_MODES = ['read', 'read-add'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

const HOUR = 3_600_000;
export const SHARE_EXPIRIES = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
} as const;
export type ShareExpiry = keyof typeof SHARE_EXPIRIES;

/** Failed access proofs (wrong passcode, wrong code) before a share locks for good. */
export const SHARE_MAX_FAILURES = 5;
/** Snapshot ciphertext limit (base64url characters). */
export const SNAPSHOT_MAX = 4 * 1024 * 1024;
export const ENTRY_MAX = 256 * 1024;

export const shareIdSchema = base64urlField('Share id', { exact: 22 });
const token = base64urlField('Access token', { exact: 43 });
const lookupId = z
  .string({ error: messages('Lookup id', 'Lookup id must be text') })
  .regex(/^[0-9A-HJKMNP-TV-Z]{6}$/, 'Lookup id must be 6 Crockford base32 characters');
const version = z.int('Version must be a whole number').min(1).max(Number.MAX_SAFE_INTEGER);
const sections = z
  .array(z.enum(SHARE_SECTIONS, 'Unknown section'))
  .min(1, 'Share at least one section')
  .max(SHARE_SECTIONS.length)
  .refine((list) => new Set(list).size === list.length, 'Sections must not repeat');

export const sealedSnapshotSchema = z.strictObject({
  version,
  nonce: base64urlField('Nonce', { exact: 32 }),
  ciphertext: base64urlField('Snapshot', { max: SNAPSHOT_MAX }),
});
export type SealedSnapshotMessage = z.infer<typeof sealedSnapshotSchema>;

/**
 * The share's secrets (key, passcode, code, profile) sealed with the patient's vault key, so the
 * patient's other devices can use the share too. Owner-only; the server cannot open it.
 */
export const ownerSecretSchema = z.strictObject({
  nonce: base64urlField('Nonce', { exact: 32 }),
  // Room for the references of the documents the share carries (SHARE_MAX_FILES of them).
  ciphertext: base64urlField('Owner secret', { max: 16_384 }),
});
export type OwnerSecret = z.infer<typeof ownerSecretSchema>;

export const createShareRequestSchema = z
  .strictObject({
    id: shareIdSchema,
    mode: z.enum(SHARE_MODES, 'Mode must be read or read-add'),
    sections,
    expiry: z.enum(['1h', '24h', '7d', '30d'], 'Expiry must be 1h, 24h, 7d or 30d'),
    accessToken: token,
    hasPasscode: z.boolean(),
    code: z.strictObject({ lookupId, proof: token, wrappedKey: wrappedSecretSchema }).optional(),
    snapshot: sealedSnapshotSchema,
    ownerSecret: ownerSecretSchema.optional(),
    /** Closed by its first opening (the one practitioner who opens it sees it once). Read-only. */
    singleUse: z.boolean().optional(),
  })
  .refine((share) => !share.singleUse || share.mode === 'read', {
    message: 'A single-use share is read-only',
    path: ['singleUse'],
  });
export type CreateShareRequest = z.infer<typeof createShareRequestSchema>;

export const shareStates = ['active', 'expired', 'revoked', 'locked'] as const;
export type ShareState = (typeof shareStates)[number];

export const shareSummarySchema = z.strictObject({
  id: shareIdSchema,
  mode: z.enum(SHARE_MODES),
  sections: z.array(z.enum(SHARE_SECTIONS)),
  state: z.enum(shareStates),
  createdAt: z.number(),
  expiresAt: z.number(),
  hasPasscode: z.boolean(),
  lookupId: lookupId.nullable(),
  version,
  ownerSecret: ownerSecretSchema.nullable(),
  /** The typed code is locked after too many wrong codes; the link (see `state`) is not affected. */
  codeLocked: z.boolean().optional(),
  /** A single-use share, and when its one opening happened (it is then `revoked`). */
  singleUse: z.boolean().optional(),
  usedAt: z.number().nullable().optional(),
});
export type ShareSummary = z.infer<typeof shareSummarySchema>;
export const shareListSchema = z.strictObject({ shares: z.array(shareSummarySchema) });

export const openShareRequestSchema = z.strictObject({
  accessToken: token,
  /** A poll of a share already open on this screen: answered, but not logged again. */
  refresh: z.boolean().optional(),
});
export const openShareResponseSchema = z.strictObject({
  id: shareIdSchema,
  mode: z.enum(SHARE_MODES),
  sections: z.array(z.enum(SHARE_SECTIONS)),
  expiresAt: z.number(),
  snapshot: sealedSnapshotSchema,
  /** This opening was the share's only one: it is closed now; do not poll it. */
  singleUse: z.boolean().optional(),
});
export type OpenShareResponse = z.infer<typeof openShareResponseSchema>;

export const codeLookupRequestSchema = z.strictObject({ proof: token });
export const codeLookupResponseSchema = z.strictObject({
  shareId: shareIdSchema,
  wrappedKey: wrappedSecretSchema,
  hasPasscode: z.boolean(),
});

export const postEntryRequestSchema = z.strictObject({
  accessToken: token,
  sealed: base64urlField('Sealed entry', { max: ENTRY_MAX }),
});
export const pendingEntriesSchema = z.strictObject({
  entries: z.array(
    z.strictObject({
      id: z.string().max(64),
      sealed: z.string().max(ENTRY_MAX),
      createdAt: z.number(),
      /** Who posted it, as the server knows them: the account, its published signing key and name. */
      author: z.strictObject({
        accountId: z.string().max(64),
        name: z.string().max(200),
        signPk: z.string().max(100),
      }),
    }),
  ),
});

export type PendingEntries = z.infer<typeof pendingEntriesSchema>;

export const SHARE_LOG_ACTIONS = ['open', 'refresh', 'write', 'refused'] as const;
/** Entries waiting for the patient's device, per share: past this, writes are refused (429). */
export const SHARE_MAX_PENDING = 100;
export const shareLogSchema = z.strictObject({
  entries: z.array(
    z.strictObject({
      at: z.number(),
      action: z.enum(SHARE_LOG_ACTIONS),
      /** The practitioner's self-declared name, or null for an anonymous refused attempt. */
      actor: z.string().nullable(),
      profession: z.string().nullable(),
      sections: z.array(z.string()),
    }),
  ),
});
export type ShareLog = z.infer<typeof shareLogSchema>;

const short = (label: string, max: number) =>
  z
    .string({ error: messages(label, `${label} must be text`) })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const practitionerAcceptsSchema = z.strictObject({
  messages: z.boolean(),
  secondOpinions: z.boolean(),
  calls: z.boolean(),
});

export const practitionerProfileSchema = z.strictObject({
  name: short('Name', 200),
  profession: short('Profession', 100),
  specialty: short('Specialty', 100).optional(),
  professionalId: short('Professional identifier', 40).optional(),
  /** Where the practice is: the "Fait à …" of a prescription. */
  city: short('City', 100).optional(),
  /** Opt-in to the public directory (directory.ts); unlisted when absent. */
  listed: z.boolean().optional(),
  /** ISO 639 codes of the languages spoken. */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'Languages must be 2 or 3 letter codes'))
    .max(10, 'At most 10 languages')
    .optional(),
  /** Teleconsultation rate, integer euro cents per hour, as billing uses it (30–90 €/h). */
  rateCents: z
    .int('Rate must be a whole number of cents')
    .min(MIN_HOURLY_RATE_CENTS, 'Rate must be between 30 € and 90 € an hour')
    .max(MAX_HOURLY_RATE_CENTS, 'Rate must be between 30 € and 90 € an hour')
    .optional(),
  /** What the practitioner accepts from patients found in the directory; nothing when absent. */
  accepts: practitionerAcceptsSchema.optional(),
});
export type PractitionerProfile = z.infer<typeof practitionerProfileSchema>;

export const practitionerResponseSchema = z.strictObject({
  role: z.literal('practitioner'),
  profile: practitionerProfileSchema,
  /** Nothing checks a professional identifier: it is always shown as self-declared. */
  selfDeclared: z.literal(true),
  boxPublicKey: base64urlField('Box public key', { exact: 43 }),
  signPublicKey: base64urlField('Sign public key', { exact: 43 }),
});
export type PractitionerResponse = z.infer<typeof practitionerResponseSchema>;

export const receivedSharesSchema = z.strictObject({
  shares: z.array(
    z.strictObject({
      id: shareIdSchema,
      mode: z.enum(SHARE_MODES),
      sections: z.array(z.enum(SHARE_SECTIONS)),
      state: z.enum(shareStates),
      expiresAt: z.number(),
      lastOpenedAt: z.number(),
    }),
  ),
});
export type ReceivedShares = z.infer<typeof receivedSharesSchema>;

/**
 * Files a share carries (shared/crypto/share-file.ts): the documents the patient chose, and files
 * practitioners attach to entries. Chunks are ciphertext under a key derived from the share key.
 * The owner acts with the session alone; anyone else also presents the share's access token.
 */
export const SHARE_MAX_FILES = 20;
export const shareFileIdSchema = base64urlField('File id', { exact: 22 });
export const createShareFileRequestSchema = z.strictObject({
  id: shareFileIdSchema,
  chunkCount: z
    .int('Chunk count must be a whole number')
    .min(1)
    .max(ATTACHMENT_MAX_CHUNKS, `At most ${ATTACHMENT_MAX_CHUNKS} chunks (20 MiB)`),
  accessToken: token.optional(),
});
export const putShareFileChunkSchema = z.strictObject({
  data: base64urlField('Chunk', { max: CHUNK_TEXT_MAX }),
  accessToken: token.optional(),
});
export const readShareFileChunkSchema = z.strictObject({ accessToken: token.optional() });
export const shareFileChunkSchema = z.strictObject({
  data: base64urlField('Chunk', { max: CHUNK_TEXT_MAX }),
});
