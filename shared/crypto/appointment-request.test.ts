import { beforeAll, describe, expect, it } from 'vitest';
import { openAppointmentRequest, sealAppointmentRequest } from './appointment-request.ts';
import { fromBase64, toBase64 } from './encoding.ts';
import { generateIdentity } from './identity.ts';
import { initCrypto } from './sodium.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('appointment request', () => {
  it('opens for its recipient and its appointment only', () => {
    const practitioner = generateIdentity();
    const stranger = generateIdentity();
    const sealed = sealAppointmentRequest(
      'appt-1',
      { reason: 'Knee pain', profileName: 'Léa' },
      practitioner.box.publicKey,
    );
    expect(openAppointmentRequest('appt-1', sealed, practitioner.box)).toEqual({
      reason: 'Knee pain',
      profileName: 'Léa',
    });
    expect(() => openAppointmentRequest('appt-2', sealed, practitioner.box)).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
    expect(() => openAppointmentRequest('appt-1', sealed, stranger.box)).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
    const bytes = fromBase64(sealed);
    bytes[60] = (bytes[60] ?? 0) ^ 1;
    expect(() => openAppointmentRequest('appt-1', toBase64(bytes), practitioner.box)).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
  });

  it('hides the length of the reason in 256-byte blocks', () => {
    const { box } = generateIdentity();
    const short = sealAppointmentRequest('a', { reason: 'x', profileName: 'P' }, box.publicKey);
    const longer = sealAppointmentRequest('a', { reason: 'x'.repeat(150), profileName: 'P' }, box.publicKey);
    expect(fromBase64(short).length).toBe(fromBase64(longer).length);
  });
});
