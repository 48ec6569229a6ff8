/**
 * The one order profiles are listed in, the same on every device and after every sync: the
 * account holder ("self") first, then the others from the oldest to the youngest, then by name.
 * Profiles carry no creation time and their ids are random, so the database's order (by id)
 * would shuffle the family each time one is added; the date of birth is known for everyone.
 */
import type { Profile } from '../../../shared/schema/profile.ts';

interface Ordered {
  readonly id: string;
  readonly profile: Pick<Profile, 'relationship' | 'dateOfBirth' | 'displayName'>;
}

export function compareProfiles(a: Ordered, b: Ordered): number {
  const self = Number(b.profile.relationship === 'self') - Number(a.profile.relationship === 'self');
  if (self !== 0) return self;
  if (a.profile.dateOfBirth !== b.profile.dateOfBirth)
    return a.profile.dateOfBirth < b.profile.dateOfBirth ? -1 : 1;
  const name = a.profile.displayName.localeCompare(b.profile.displayName);
  if (name !== 0) return name;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderProfiles<T extends Ordered>(list: readonly T[]): T[] {
  return [...list].sort(compareProfiles);
}
