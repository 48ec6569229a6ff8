/**
 * Which device saved a record's version, and when (issue 14 item 5): kept **inside** the encrypted
 * plaintext, beside the record, under one reserved key, so the server learns nothing new. A sync
 * conflict can then say "saved on Firefox (Android) · K3F9 at 4 Dec 14:02" for each version instead
 * of "this device's version" on both devices.
 *
 * Invariants: the stamp is not part of the record (the strict record schemas never see it, merging
 * never compares it); an envelope without a stamp (older apps) opens as before; a malformed stamp is
 * ignored, never a reason to refuse the record.
 */
import { z } from '../../../shared/schema/zod.ts';

export interface SavedStamp {
  /** A random id of the device, kept in its localStorage (this-device.ts). */
  readonly device: string;
  /** What the device is, as a person can tell ("Chrome (Linux)"). */
  readonly label: string;
  /** ISO 8601 date-time of the save, by the device's clock. */
  readonly at: string;
}

const STAMP_KEY = '_saved';

const stampSchema = z.strictObject({
  device: z.string().min(1).max(64),
  label: z.string().max(80),
  at: z.iso.datetime({ offset: true }),
});

/** The plaintext to encrypt: the record, plus the stamp when there is one. */
export function withStamp(record: object, saved: SavedStamp | undefined): object {
  return saved ? { ...record, [STAMP_KEY]: saved } : record;
}

/** Separates a decrypted plaintext into the record (to validate) and its stamp, if readable. */
export function splitStamp(plain: unknown): { content: unknown; saved?: SavedStamp } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain) || !(STAMP_KEY in plain)) {
    return { content: plain };
  }
  const { [STAMP_KEY]: stamp, ...content } = plain as Record<string, unknown>;
  const parsed = stampSchema.safeParse(stamp);
  return parsed.success ? { content, saved: parsed.data } : { content };
}
