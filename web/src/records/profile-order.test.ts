import { describe, expect, it } from 'vitest';
import { orderProfiles } from './profile-order.ts';

const p = (
  id: string,
  relationship: 'self' | 'child' | 'partner',
  dateOfBirth: string,
  displayName = id,
) => ({
  id,
  profile: { relationship, dateOfBirth, displayName },
});

describe('profile order', () => {
  it('puts the account holder first, then the others oldest first, whatever order they come in', () => {
    const self = p('z', 'self', '1985-03-14', 'Alice');
    const partner = p('a', 'partner', '1983-01-02', 'Ben');
    const child = p('m', 'child', '2015-06-01', 'Chloé');
    const baby = p('b', 'child', '2021-09-09', 'Dan');
    const expected = ['Alice', 'Ben', 'Chloé', 'Dan'];
    for (const input of [
      [baby, child, partner, self],
      [child, self, baby, partner],
      [self, partner, child, baby],
    ]) {
      expect(orderProfiles(input).map((e) => e.profile.displayName)).toEqual(expected);
    }
  });

  it('breaks ties by name, then by id, so two devices never disagree', () => {
    const twinA = p('y', 'child', '2018-01-01', 'Léa');
    const twinB = p('x', 'child', '2018-01-01', 'Léa');
    const other = p('w', 'child', '2018-01-01', 'Emma');
    expect(orderProfiles([twinA, other, twinB]).map((e) => e.id)).toEqual(['w', 'x', 'y']);
  });
});
