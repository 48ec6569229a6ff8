/**
 * A second opinion's report verifies only when signed by the key published for the request's
 * doctor, named for this request and for the requested profile (opinion-report.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity, type Identity } from '../../../shared/crypto/identity.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { OpinionSummary } from '../../../shared/protocol/opinions.ts';
import { readReport, signReport } from './opinion-report.ts';
import type { ItemView, OpenedOpinion } from './opinion-views.ts';

const PROFILE = { name: 'Dr Ada Lind', profession: 'Cardiologist', specialty: 'Cardiology' };

function summary(id: string, doctor: Identity): OpinionSummary {
  const keys = (who: Identity) => ({
    boxPublicKey: toBase64(who.box.publicKey),
    signPublicKey: toBase64(who.sign.publicKey),
  });
  return {
    id,
    role: 'requester',
    requesterId: 'a'.repeat(22),
    state: 'done',
    createdAt: 0,
    candidates: 1,
    sealedSummary: null,
    requesterCopy: null,
    requesterKeys: keys(generateIdentity()),
    doctorKeys: keys(doctor),
    doctorId: 'b'.repeat(22),
    acceptedAt: 1,
    dueAt: 10,
    reportedAt: 5,
    closedAt: null,
    priceCents: 4500,
    items: 1,
  };
}

const request = (profileId: string) => ({ patient: { profileId } }) as unknown as OpenedOpinion['request'];

function reportItem(entry: ReturnType<typeof signReport>): ItemView {
  return { seq: 1, at: 5, from: 'doctor', content: { type: 'report', v: 1, entry } };
}

describe('second-opinion report', () => {
  let doctor: Identity;
  beforeAll(async () => {
    await initCrypto();
    doctor = generateIdentity();
  });

  const signed = (opinionId: string, profileId: string, by = doctor) =>
    signReport({
      opinionId,
      profileId,
      profile: PROFILE,
      identity: by,
      now: Date.UTC(2026, 11, 4),
      report: { title: 'Opinion on the echocardiogram', body: 'No sign of cardiomyopathy.' },
    });

  it('verifies the doctor’s report for this request and profile, and reads it', () => {
    const read = readReport(summary('op-1', doctor), [reportItem(signed('op-1', 'child'))], request('child'));
    expect(read?.verified).toBe(true);
    expect(read?.title).toBe('Opinion on the echocardiogram');
    expect(read?.body).toBe('No sign of cardiomyopathy.');
    expect(read?.author).toBe('Dr Ada Lind');
  });

  it('refuses a report signed by another key than the doctor’s', () => {
    const other = generateIdentity();
    const read = readReport(
      summary('op-1', doctor),
      [reportItem(signed('op-1', 'child', other))],
      request('child'),
    );
    expect(read?.verified).toBe(false);
  });

  it('refuses a report written for another request or another profile', () => {
    expect(
      readReport(summary('op-1', doctor), [reportItem(signed('op-2', 'child'))], request('child'))?.verified,
    ).toBe(false);
    expect(
      readReport(summary('op-1', doctor), [reportItem(signed('op-1', 'parent'))], request('child'))?.verified,
    ).toBe(false);
  });

  it('refuses a report whose signed text was changed', () => {
    const entry = signed('op-1', 'child');
    const text = new TextDecoder().decode(fromBase64(entry.payload, 'payload'));
    expect(text).toContain('No sign of cardiomyopathy.');
    const changed = text.replace('No sign of', 'Signs of');
    const tampered = { ...entry, payload: toBase64(new TextEncoder().encode(changed)) };
    const read = readReport(summary('op-1', doctor), [reportItem(tampered)], request('child'));
    expect(read?.verified).toBe(false);
  });

  it('has no report before one is posted', () => {
    expect(readReport(summary('op-1', doctor), [], request('child'))).toBeNull();
  });
});
