/**
 * Says whose emergency code an access-log opening was. The server only returns the hash of the
 * opened token; this device knows the tokens of the saved emergency profiles (decrypted records),
 * so it maps each hash back to the profile locally and the server never learns the name.
 */
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import type { ProfileEntry } from '../../records/profile-service.ts';
import type { RecordEntry } from '../../records/record-service.ts';

export interface NamedOpening {
  readonly openedAt: number;
  /** The profile's display name; undefined for a token no saved profile carries any more. */
  readonly profileName: string | undefined;
}

/** Token hash → display name of the profile whose saved emergency profile carries that token. */
export function tokenOwners(
  records: readonly RecordEntry[],
  profiles: readonly {
    readonly id: string;
    readonly profile: Pick<ProfileEntry['profile'], 'displayName'>;
  }[],
): Map<string, string> {
  const names = new Map(profiles.map((p) => [p.id, p.profile.displayName]));
  const owners = new Map<string, string>();
  for (const entry of records) {
    const token = entry.record?.kind === 'emergency-profile' ? entry.record.profile.token : undefined;
    const name = names.get(entry.profileId);
    if (token && name !== undefined) owners.set(emergencyTokenHash(token), name);
  }
  return owners;
}

export function nameOpenings(
  openings: readonly { openedAt: number; tokenHash: string }[],
  owners: ReadonlyMap<string, string>,
): NamedOpening[] {
  return openings.map((o) => ({ openedAt: o.openedAt, profileName: owners.get(o.tokenHash) }));
}
