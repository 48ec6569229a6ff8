import { describe, expect, it } from 'vitest';
import { safetyCode, sdpFingerprints } from './safety-code.ts';

const A = 'a=fingerprint:sha-256 AA:BB:CC:DD\r\n';
const B = 'a=fingerprint:sha-256 11:22:33:44\r\n';
const M = 'a=fingerprint:sha-256 99:88:77:66\r\n';
const sdp = (line: string) =>
  `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n${line}m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n${line}`;

describe('call safety code', () => {
  it('reads each fingerprint once, normalised', () => {
    expect(sdpFingerprints(sdp('a=fingerprint:SHA-256 aa:bb:cc:dd\r\n'))).toEqual(['sha-256 AA:BB:CC:DD']);
    expect(sdpFingerprints('v=0\r\n')).toEqual([]);
  });

  it('is the same on both sides, and differs when someone in the middle swaps a certificate', async () => {
    const host = await safetyCode(sdp(A), sdp(B));
    const patient = await safetyCode(sdp(B), sdp(A));
    expect(host).toMatch(/^\d{3} \d{3}$/);
    expect(patient).toBe(host);
    // In the middle: the host talks to M's certificate, the patient too; each sees another pair.
    expect(await safetyCode(sdp(A), sdp(M))).not.toBe(await safetyCode(sdp(B), sdp(M)));
    expect(await safetyCode(sdp(A), 'v=0\r\n')).toBeNull();
  });
});
