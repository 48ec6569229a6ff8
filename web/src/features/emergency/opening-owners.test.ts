import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../../shared/crypto/random.ts';
import { initCrypto } from '../../../../shared/crypto/sodium.ts';
import { toBase64Url } from '../../../../shared/emergency/base64url.ts';
import { EXAMPLE_PROFILE } from '../../../../shared/emergency/testing.ts';
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { nameOpenings, tokenOwners } from './opening-owners.ts';

beforeAll(initCrypto);

const newToken = () => toBase64Url(randomBytes(16));
const emergency = (profileId: string, token?: string): RecordEntry => ({
  id: `e-${profileId}`,
  profileId,
  rev: 1,
  updatedAt: 0,
  record: {
    kind: 'emergency-profile',
    schemaVersion: 1,
    profile: { ...EXAMPLE_PROFILE, ...(token ? { token } : {}) },
  },
});
const profiles = [
  { id: 'p1', profile: { displayName: 'Camille' } },
  { id: 'p2', profile: { displayName: 'Léo' } },
];

describe('whose emergency code was opened', () => {
  it('maps each opening’s token hash to its profile, and leaves unknown hashes unnamed', () => {
    const camille = newToken();
    const leo = newToken();
    const old = newToken();
    const records: RecordEntry[] = [
      emergency('p1', camille),
      emergency('p2', leo),
      // Without a token, or for a profile this device does not have: no owner.
      emergency('p3', newToken()),
      { id: 'x', profileId: 'p1', rev: 1, updatedAt: 0, record: null, problem: 'tampered' },
    ];
    const owners = tokenOwners(records, profiles);
    expect(owners.size).toBe(2);
    expect(
      nameOpenings(
        [
          { openedAt: 3, tokenHash: emergencyTokenHash(leo) },
          { openedAt: 2, tokenHash: emergencyTokenHash(old) },
          { openedAt: 1, tokenHash: emergencyTokenHash(camille) },
        ],
        owners,
      ),
    ).toEqual([
      { openedAt: 3, profileName: 'Léo' },
      { openedAt: 2, profileName: undefined },
      { openedAt: 1, profileName: 'Camille' },
    ]);
  });

  it('knows no owner when no saved profile carries a token', () => {
    expect(tokenOwners([emergency('p1')], profiles).size).toBe(0);
    expect(nameOpenings([], new Map())).toEqual([]);
  });
});
