import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { unwrapIdentity } from '../../../shared/crypto/identity.ts';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  unwrapShareKeyWithCode,
  wrapShareKeyWithCode,
} from '../../../shared/crypto/share-code.ts';
import { openEntry, sealEntry, signEntry, verifyEntry } from '../../../shared/crypto/share-entry.ts';
import {
  generateShareId,
  generateShareKey,
  openSnapshot,
  sealSnapshot,
  shareAccessToken,
} from '../../../shared/crypto/share-key.ts';
import type { CreateShareRequest } from '../../../shared/protocol/shares.ts';
import { jsonInit, register, type TestVault, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const HOUR = 3_600_000;

describe('shares', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  let patient: TestVault;
  let doctor: TestVault;
  let patientToken: string;
  let doctorToken: string;
  let strangerToken: string;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    patient = testVault('patient@example.org');
    doctor = testVault('doctor@example.org');
    patientToken = await register(t.fetcher, patient);
    doctorToken = await register(t.fetcher, doctor);
    strangerToken = await register(t.fetcher, testVault('stranger@example.org'));
    const res = await call('PUT', '/api/practitioners/me', doctorToken, {
      name: 'Dr Alice Martin',
      profession: 'General practitioner',
      professionalId: '10001234567',
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  function newShare(options: { mode?: 'read' | 'read-add'; passcode?: string; singleUse?: boolean } = {}) {
    const key = generateShareKey();
    const id = generateShareId();
    const request: CreateShareRequest = {
      id,
      mode: options.mode ?? 'read-add',
      sections: ['allergy'],
      expiry: '1h',
      accessToken: shareAccessToken(key, options.passcode ?? ''),
      hasPasscode: options.passcode !== undefined,
      snapshot: { version: 1, ...sealSnapshot(key, id, 1, { allergies: ['peanut'] }) },
      ...(options.singleUse ? { singleUse: true } : {}),
    };
    return { key, id, request };
  }

  async function create(options: Parameters<typeof newShare>[0] = {}) {
    const share = newShare(options);
    const res = await call('POST', '/api/shares', patientToken, share.request);
    expect(res.status).toBe(201);
    return share;
  }

  it('serves the practitioner profile with the account identity keys, self-declared', async () => {
    const res = await call('GET', '/api/practitioners/me', doctorToken);
    expect(await res.json()).toEqual({
      role: 'practitioner',
      profile: { name: 'Dr Alice Martin', profession: 'General practitioner', professionalId: '10001234567' },
      selfDeclared: true,
      boxPublicKey: doctor.keyring.identity.boxPublicKey,
      signPublicKey: doctor.keyring.identity.signPublicKey,
    });
    expect((await call('GET', '/api/practitioners/me', patientToken)).status).toBe(204);
    expect((await call('PUT', '/api/practitioners/me', doctorToken, { name: '' })).status).toBe(400);
  });

  it('serves a single-use share once: parallel openings get it once, then it is closed for all', async () => {
    const refused = newShare({ singleUse: true });
    expect((await call('POST', '/api/shares', patientToken, refused.request)).status).toBe(400);
    const { key, id } = await create({ mode: 'read', singleUse: true });
    const listed = async () =>
      ((await (await call('GET', '/api/shares', patientToken)).json()).shares as { id: string }[]).find(
        (s) => s.id === id,
      );
    expect(await listed()).toMatchObject({ state: 'active', singleUse: true, usedAt: null });

    // A wrong token spends nothing.
    const wrong = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key, 'not the passcode'),
    });
    expect(wrong.status).toBe(403);
    // Three at once (with the wrong one, under the five reservations that would lock the link).
    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        call('POST', `/api/shares/${id}/open`, doctorToken, { accessToken: shareAccessToken(key) }),
      ),
    );
    const served = answers.filter((res) => res.status === 200);
    expect(served).toHaveLength(1);
    const body = await served[0]?.json();
    expect(body).toMatchObject({ id, singleUse: true });
    expect(openSnapshot(key, id, 1, body.snapshot)).toEqual({ allergies: ['peanut'] });
    for (const res of answers.filter((r) => r.status !== 200)) {
      expect(res.status).toBe(410);
      expect((await res.json()).error.reason).toBe('share-used');
    }

    // Closed: a poll, a new opening and the owner's listing all say so.
    const again = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key),
      refresh: true,
    });
    expect(again.status).toBe(410);
    expect((await again.json()).error.reason).toBe('share-used');
    expect(await listed()).toMatchObject({ state: 'revoked', singleUse: true, usedAt: clock });
    const log = await (await call('GET', `/api/shares/${id}/log`, patientToken)).json();
    expect(log.entries.filter((e: { action: string }) => e.action === 'open')).toHaveLength(1);
  });

  it('lets a practitioner open with the token, logs it, and refuses anyone else', async () => {
    const { key, id } = await create();
    expect(
      (await call('POST', `/api/shares/${id}/open`, strangerToken, { accessToken: shareAccessToken(key) }))
        .status,
    ).toBe(403);
    const res = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id, mode: 'read-add', sections: ['allergy'], expiresAt: clock + HOUR });
    expect(openSnapshot(key, id, 1, body.snapshot)).toEqual({ allergies: ['peanut'] });
    await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key),
      refresh: true,
    });
    // A practitioner who only ever "refreshes" is still logged once.
    const sneaky = await create();
    for (let i = 0; i < 2; i++) {
      const polled = await call('POST', `/api/shares/${sneaky.id}/open`, doctorToken, {
        accessToken: shareAccessToken(sneaky.key),
        refresh: true,
      });
      expect(polled.status).toBe(200);
    }
    const sneakyLog = await (await call('GET', `/api/shares/${sneaky.id}/log`, patientToken)).json();
    expect(sneakyLog.entries.map((e: { action: string }) => e.action)).toEqual(['open']);
    const log = await (await call('GET', `/api/shares/${id}/log`, patientToken)).json();
    expect(log.entries).toEqual([
      {
        at: clock,
        action: 'open',
        actor: 'Dr Alice Martin',
        profession: 'General practitioner',
        sections: ['allergy'],
      },
    ]);
    expect((await call('GET', `/api/shares/${id}/log`, doctorToken)).status).toBe(404);
    const received = await (await call('GET', '/api/practitioners/me/shares', doctorToken)).json();
    expect(received.shares.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('relays a signed entry sealed to the patient, and refuses writes on a read share', async () => {
    const { key, id } = await create();
    const doctorId = unwrapIdentity(doctor.keyring.identity, doctor.vaultKey);
    const patientId = unwrapIdentity(patient.keyring.identity, patient.vaultKey);
    const signed = signEntry({ shareId: id, title: 'Rx' }, doctorId.sign.secretKey, doctorId.sign.publicKey);
    const sealed = sealEntry(signed, patientId.box.publicKey);
    const posted = await call('POST', `/api/shares/${id}/entries`, doctorToken, {
      accessToken: shareAccessToken(key),
      sealed,
    });
    expect(posted.status).toBe(201);
    const pending = await (await call('GET', `/api/shares/${id}/entries`, patientToken)).json();
    expect(pending.entries).toHaveLength(1);
    const opened = openEntry(pending.entries[0].sealed, patientId.box.publicKey, patientId.box.secretKey);
    expect(verifyEntry(opened)).toEqual({ shareId: id, title: 'Rx' });
    expect(opened.signPk).toBe(doctor.keyring.identity.signPublicKey);
    // The server names the poster from its own records, not from the (sealed) entry.
    expect(pending.entries[0].author).toMatchObject({
      name: 'Dr Alice Martin',
      signPk: doctor.keyring.identity.signPublicKey,
    });
    expect(pending.entries[0].author.accountId).toMatch(/\S/);
    expect((await call('GET', `/api/shares/${id}/entries`, doctorToken)).status).toBe(404);
    await call('DELETE', `/api/shares/${id}/entries/${pending.entries[0].id}`, patientToken);
    expect((await (await call('GET', `/api/shares/${id}/entries`, patientToken)).json()).entries).toEqual([]);
    const log = await (await call('GET', `/api/shares/${id}/log`, patientToken)).json();
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual(['write']);

    const readOnly = await create({ mode: 'read' });
    const refused = await call('POST', `/api/shares/${readOnly.id}/entries`, doctorToken, {
      accessToken: shareAccessToken(readOnly.key),
      sealed,
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.reason).toBe('share-read-only');
  });

  it('locks the share after 5 wrong passcodes, even for the right one afterwards', async () => {
    const { key, id } = await create({ passcode: '4321' });
    expect(
      (await call('POST', `/api/shares/${id}/open`, doctorToken, { accessToken: shareAccessToken(key) }))
        .status,
    ).toBe(403);
    for (const guess of ['1', '2', '3']) {
      const res = await call('POST', `/api/shares/${id}/open`, doctorToken, {
        accessToken: shareAccessToken(key, guess),
      });
      expect(res.status).toBe(403);
    }
    const fifth = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key, '5'),
    });
    expect(fifth.status).toBe(423);
    expect((await fifth.json()).error.reason).toBe('share-locked');
    const right = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key, '4321'),
    });
    expect(right.status).toBe(423);
    const list = await (await call('GET', '/api/shares', patientToken)).json();
    expect(list.shares.find((s: { id: string }) => s.id === id).state).toBe('locked');
  });

  it('counts exactly 5 of 20 parallel wrong attempts, then refuses even the right proof', async () => {
    clock += 60_000; // a fresh per-address window
    const { key, id } = await create({ passcode: '4321' });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', `/api/shares/${id}/open`, doctorToken, {
          accessToken: shareAccessToken(key, `wrong-${i}`),
        }).then((res) => res.status),
      ),
    );
    // Whichever of the first five see the lock already set answer 423; none gets through.
    expect(statuses.every((s) => s === 403 || s === 423)).toBe(true);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(15);
    const list = await (await call('GET', '/api/shares', patientToken)).json();
    expect(list.shares.find((s: { id: string }) => s.id === id).state).toBe('locked');
    const log = await (await call('GET', `/api/shares/${id}/log`, patientToken)).json();
    expect(log.entries.filter((e: { action: string }) => e.action === 'refused')).toHaveLength(5);
    const right = await call('POST', `/api/shares/${id}/open`, doctorToken, {
      accessToken: shareAccessToken(key, '4321'),
    });
    expect(right.status).toBe(423);
  });

  it('gives a right proof its attempt back: wrong ones alone count toward the lock', async () => {
    clock += 60_000;
    const { key, id } = await create({ passcode: '4321' });
    const open = (code: string) =>
      call('POST', `/api/shares/${id}/open`, doctorToken, { accessToken: shareAccessToken(key, code) });
    for (let i = 0; i < 4; i++) expect((await open('bad')).status).toBe(403);
    for (let i = 0; i < 3; i++) expect((await open('4321')).status).toBe(200);
    expect((await open('bad')).status).toBe(423);
  });

  it('logs a refresh only when it served a new snapshot version', async () => {
    clock += 60_000;
    const { key, id } = await create();
    const open = (refresh: boolean) =>
      call('POST', `/api/shares/${id}/open`, doctorToken, { accessToken: shareAccessToken(key), refresh });
    expect((await open(false)).status).toBe(200);
    expect((await open(true)).status).toBe(200);
    const v2 = { version: 2, ...sealSnapshot(key, id, 2, { allergies: ['latex'] }) };
    expect((await call('PUT', `/api/shares/${id}/snapshot`, patientToken, v2)).status).toBe(204);
    expect((await open(true)).status).toBe(200);
    expect((await open(true)).status).toBe(200);
    const log = await (await call('GET', `/api/shares/${id}/log`, patientToken)).json();
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual(['open', 'refresh']);
  });

  it('caps the entries waiting for the patient (429 past 100)', async () => {
    clock += 60_000;
    const { key, id } = await create();
    const post = () =>
      call('POST', `/api/shares/${id}/entries`, doctorToken, {
        accessToken: shareAccessToken(key),
        sealed: 'AAAA',
      });
    for (let i = 0; i < 100; i++) {
      clock += 1_100; // stay under the per-address limit
      expect((await post()).status).toBe(201);
    }
    clock += 1_100;
    const full = await post();
    expect(full.status).toBe(429);
    expect((await full.json()).error.message).toContain('100');
    const pending = await (await call('GET', `/api/shares/${id}/entries`, patientToken)).json();
    expect(pending.entries).toHaveLength(100);
  });

  it('refuses a revoked share (410) and an expired one (410 share-expired)', async () => {
    const revoked = await create();
    expect((await call('POST', `/api/shares/${revoked.id}/revoke`, strangerToken)).status).toBe(404);
    expect((await call('POST', `/api/shares/${revoked.id}/revoke`, patientToken)).status).toBe(204);
    const gone = await call('POST', `/api/shares/${revoked.id}/open`, doctorToken, {
      accessToken: shareAccessToken(revoked.key),
    });
    expect(gone.status).toBe(410);
    expect((await gone.json()).error.reason).toBe('share-revoked');

    const expiring = await create();
    const ok = await call('POST', `/api/shares/${expiring.id}/open`, doctorToken, {
      accessToken: shareAccessToken(expiring.key),
    });
    expect(ok.status).toBe(200);
    clock += HOUR;
    const late = await call('POST', `/api/shares/${expiring.id}/open`, doctorToken, {
      accessToken: shareAccessToken(expiring.key),
    });
    expect(late.status).toBe(410);
    expect((await late.json()).error.reason).toBe('share-expired');
    const list = await (await call('GET', '/api/shares', patientToken)).json();
    expect(list.shares.find((s: { id: string }) => s.id === expiring.id).state).toBe('expired');
  });

  it('takes a newer snapshot from the owner only', async () => {
    const { key, id } = await create();
    const v2 = { version: 2, ...sealSnapshot(key, id, 2, { allergies: ['latex'] }) };
    expect((await call('PUT', `/api/shares/${id}/snapshot`, strangerToken, v2)).status).toBe(404);
    expect((await call('PUT', `/api/shares/${id}/snapshot`, patientToken, v2)).status).toBe(204);
    expect((await call('PUT', `/api/shares/${id}/snapshot`, patientToken, v2)).status).toBe(409);
    const opened = await (
      await call('POST', `/api/shares/${id}/open`, doctorToken, { accessToken: shareAccessToken(key) })
    ).json();
    expect(openSnapshot(key, id, opened.snapshot.version, opened.snapshot)).toEqual({ allergies: ['latex'] });
  });

  it('redeems a typed code for the wrapped share key, counting wrong proofs', async () => {
    const share = newShare();
    const code = generateShareCode();
    const codeKey = deriveCodeKey(code);
    const request = {
      ...share.request,
      code: {
        lookupId: code.lookupId,
        proof: codeProof(codeKey),
        wrappedKey: wrapShareKeyWithCode(share.key, codeKey, code.lookupId),
      },
    };
    expect((await call('POST', '/api/shares', patientToken, request)).status).toBe(201);
    // Another share with the same lookup id (another code) is created: nothing confirms the id is in use.
    const clash = { ...request.code, proof: codeProof(deriveCodeKey(generateShareCode())) };
    expect(
      (await call('POST', '/api/shares', patientToken, { ...newShare().request, code: clash })).status,
    ).toBe(201);
    const wrong = await call('POST', `/api/shares/code/${code.lookupId}`, doctorToken, {
      proof: shareAccessToken(generateShareKey()),
    });
    expect(wrong.status).toBe(403);
    const res = await call('POST', `/api/shares/code/${code.lookupId}`, doctorToken, {
      proof: codeProof(codeKey),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.shareId).toBe(share.id);
    const key = unwrapShareKeyWithCode(body.wrappedKey, codeKey, code.lookupId);
    expect(key).toEqual(share.key);
    const list = await (await call('GET', '/api/shares', patientToken)).json();
    expect(list.shares.find((s: { id: string }) => s.id === share.id)).toMatchObject({
      lookupId: code.lookupId,
    });
    expect(fromBase64(body.wrappedKey.ciphertext).length).toBeGreaterThan(32);
  });
  it('limits typed-code redemptions per address (429 past 10 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await call('POST', '/api/shares/code/ZZZZZZ', doctorToken, {
        proof: shareAccessToken(generateShareKey()),
      });
      statuses.push(res.status);
    }
    // The typed-code test above already used 2 of this address's 10.
    expect(statuses.filter((s) => s === 404)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429, 429, 429]);
    clock += 60_000;
    const later = await call('POST', '/api/shares/code/ZZZZZZ', doctorToken, {
      proof: shareAccessToken(generateShareKey()),
    });
    expect(later.status).toBe(404);
  });
  it('limits openings per address (429 past 60 a minute)', async () => {
    clock += 60_000;
    const { key, id } = await create();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await call('POST', `/api/shares/${id}/open`, doctorToken, {
        accessToken: shareAccessToken(key),
        refresh: true,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });
});
