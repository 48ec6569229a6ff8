import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTokenResponseSchema, ROOM_CODE_PATTERN, roomPeerId } from '../../../shared/protocol/calls.ts';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { CALL_TOKENS_PER_MINUTE } from './calls.ts';

describe('POST /api/calls/token', () => {
  let t: TestApp;
  const ice = [{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' }];
  beforeAll(async () => {
    t = await createTestApp({ iceServers: ice });
  });
  afterAll(() => t.close());

  const post = (body: unknown, token?: string) =>
    t.fetcher('/api/calls/token', jsonInit('POST', body, token));

  const becomePractitioner = async (token: string) => {
    const body = { name: 'Dr Call', profession: 'General practitioner', professionalId: '42' };
    expect((await t.fetcher('/api/practitioners/me', jsonInit('PUT', body, token))).status).toBe(200);
  };

  it('gives a room only to a practitioner account; anyone signed in may knock', async () => {
    const session = await register(t.fetcher, testVault('calls-patient@example.org'));
    const refused = await post({ purpose: 'room' }, session);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { reason: 'forbidden' } });
    expect((await post({ purpose: 'guest' }, session)).status).toBe(200);
    await becomePractitioner(session);
    expect((await post({ purpose: 'room' }, session)).status).toBe(200);
  });

  it('requires a session', async () => {
    for (const auth of [undefined, 'Bearer nope', `Bearer ${'A'.repeat(43)}`]) {
      const res = await t.fetcher('/api/calls/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify({ purpose: 'guest' }),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { reason: 'unauthorized' } });
    }
  });

  it('parses the body with zod', async () => {
    const session = await register(t.fetcher, testVault('calls-zod@example.org'));
    for (const body of [{}, { purpose: 'host' }, { purpose: 'room', extra: 1 }, []]) {
      const res = await post(body, session);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { reason: 'bad-request' } });
    }
    expect((await t.fetcher('/api/calls/token', jsonInit('GET', undefined, session))).status).toBe(405);
  });

  it('gives a guest a fresh random peer id, and a host the same room code every time', async () => {
    const session = await register(t.fetcher, testVault('calls-ok@example.org'));
    const other = await register(t.fetcher, testVault('calls-other@example.org'));
    for (const token of [session, other]) await becomePractitioner(token);
    const guest1 = callTokenResponseSchema.parse(await (await post({ purpose: 'guest' }, session)).json());
    const guest2 = callTokenResponseSchema.parse(await (await post({ purpose: 'guest' }, session)).json());
    expect(guest1.peerId).not.toBe(guest2.peerId);
    expect(guest1.roomCode).toBeUndefined();
    expect(guest1.iceServers).toEqual(ice);
    expect(guest1.expiresAt).toBeGreaterThan(Date.now());

    const res = await post({ purpose: 'room' }, session);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const room1 = callTokenResponseSchema.parse(await res.json());
    const room2 = callTokenResponseSchema.parse(await (await post({ purpose: 'room' }, session)).json());
    const otherRoom = callTokenResponseSchema.parse(await (await post({ purpose: 'room' }, other)).json());
    expect(room1.roomCode).toMatch(ROOM_CODE_PATTERN);
    expect(room1.peerId).toBe(roomPeerId(room1.roomCode as string));
    expect(room2.peerId).toBe(room1.peerId);
    expect(otherRoom.peerId).not.toBe(room1.peerId);
  });

  it(`limits tokens to ${CALL_TOKENS_PER_MINUTE} a minute per account, then lets the window slide`, async () => {
    let clock = Date.now();
    const limited = await createTestApp({ now: () => clock });
    try {
      const ask = (session: string) =>
        limited.fetcher('/api/calls/token', jsonInit('POST', { purpose: 'guest' }, session));
      const busy = await register(limited.fetcher, testVault('calls-busy@example.org'));
      const calm = await register(limited.fetcher, testVault('calls-calm@example.org'));
      const statuses: number[] = [];
      for (let i = 0; i <= CALL_TOKENS_PER_MINUTE; i++) statuses.push((await ask(busy)).status);
      expect(statuses.slice(0, CALL_TOKENS_PER_MINUTE).every((s) => s === 200)).toBe(true);
      const refused = await ask(busy);
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.reason).toBe('rate-limited');
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await ask(calm)).status).toBe(200);
      clock += 60_001;
      expect((await ask(busy)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
