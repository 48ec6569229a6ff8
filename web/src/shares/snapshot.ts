/**
 * The plaintext of a share's snapshot (encrypted with the share's content key before upload): the
 * patient's name and date of birth, the patient's X25519 public key (practitioner entries are
 * sealed to it), the mode and sections, and the decrypted records of the shared sections only.
 */
import {
  SHARE_MODES,
  SHARE_SECTIONS,
  type ShareMode,
  type ShareSection,
} from '../../../shared/protocol/shares.ts';
import type { Profile } from '../../../shared/schema/profile.ts';
import { type ClinicalRecord, parseRecord } from '../../../shared/schema/record.ts';
import { z } from '../../../shared/schema/zod.ts';
import { withoutConflictCopies } from '../sync/conflict-copy.ts';
import { type SharedFile, sharedFilesSchema } from './share-files.ts';

export interface Snapshot {
  readonly v: 1;
  readonly profileId: string;
  readonly patient: { readonly name: string; readonly dateOfBirth: string | null };
  readonly patientBoxPk: string;
  readonly mode: ShareMode;
  readonly sections: readonly ShareSection[];
  readonly records: readonly { readonly id: string; readonly record: ClinicalRecord }[];
  /** The documents the patient chose to include (absent when none: older snapshots have none). */
  readonly files?: readonly SharedFile[];
}

/**
 * The record kinds a share of these sections carries: each section's own kind and, with practitioner
 * entries, the sessions the patient logged against their exercise programmes, so the prescriber can
 * follow them (docs/architecture.md §8.9).
 */
export function carriedKinds(sections: readonly ShareSection[]): ReadonlySet<string> {
  const kinds = new Set<string>(sections);
  if (kinds.has('practitioner-entry')) kinds.add('exercise-session');
  return kinds;
}

export function buildSnapshot(options: {
  profileId: string;
  profile: Profile;
  patientBoxPk: string;
  mode: ShareMode;
  sections: readonly ShareSection[];
  records: readonly { id: string; profileId: string; record: ClinicalRecord | null }[];
  files?: readonly SharedFile[];
}): Snapshot {
  const wanted = carriedKinds(options.sections);
  return {
    v: 1,
    profileId: options.profileId,
    patient: { name: options.profile.displayName, dateOfBirth: options.profile.dateOfBirth ?? null },
    patientBoxPk: options.patientBoxPk,
    mode: options.mode,
    sections: options.sections,
    // An unresolved conflicting copy is the same record twice, one version unconfirmed: left out.
    records: withoutConflictCopies(options.records)
      .filter((r) => r.profileId === options.profileId && r.record && wanted.has(r.record.kind))
      .map((r) => ({ id: r.id, record: r.record as ClinicalRecord }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    ...(options.files && options.files.length > 0 ? { files: options.files } : {}),
  };
}

const snapshotSchema = z.strictObject({
  v: z.literal(1),
  profileId: z.string().max(64),
  patient: z.strictObject({ name: z.string().max(200), dateOfBirth: z.string().max(40).nullable() }),
  patientBoxPk: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  mode: z.enum(SHARE_MODES),
  sections: z.array(z.enum(SHARE_SECTIONS)),
  records: z.array(z.strictObject({ id: z.string().max(64), record: z.unknown() })).max(100_000),
  files: sharedFilesSchema.optional(),
});

/**
 * Checks a decrypted snapshot. Records of a section that was not shared, or that fail their schema,
 * are dropped: the practitioner sees exactly the shared sections and nothing else.
 */
export function parseSnapshot(input: unknown): Snapshot | null {
  const parsed = snapshotSchema.safeParse(input);
  if (!parsed.success) return null;
  const allowed = carriedKinds(parsed.data.sections);
  const records: { id: string; record: ClinicalRecord }[] = [];
  for (const row of parsed.data.records) {
    const record = parseRecord(row.record);
    if (record.ok && allowed.has(record.value.kind)) records.push({ id: row.id, record: record.value });
  }
  return { ...parsed.data, records };
}
