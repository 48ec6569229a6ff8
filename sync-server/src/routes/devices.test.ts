/**
 * The device list, naming this device, signing one other device out, and the access events
 * (docs/architecture.md §7.5). Signing a device out takes a fresh proof like "sign out everywhere
 * else"; another account's session id is a 404 and changes nothing; no token is a 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import type { AccessEventList, DeviceList } from '../../../shared/protocol/devices.ts';
import {
  challenge,
  type Fetcher,
  freshProof,
  jsonInit,
  type TestVault,
  testVault,
} from '../testing/api-client.ts';
import { SseReader } from '../testing/sse-reader.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let clock = 1_750_000_000_000;

async function login(fetcher: Fetcher, vault: TestVault, deviceName?: string): Promise<string> {
  const nonce = await challenge(fetcher, vault.email);
  const signature = signLoginProof(vault.authKey, nonce, vault.email);
  const res = await fetcher(
    '/api/auth/login',
    jsonInit('POST', { email: vault.email, nonce, signature, deviceName }),
  );
  expect(res.status).toBe(200);
  return (await res.json()).token;
}

async function registerNamed(fetcher: Fetcher, vault: TestVault, deviceName: string): Promise<string> {
  const body = { email: vault.email, keyring: vault.keyring, authPublicKey: vault.authPublicKey, deviceName };
  const res = await fetcher('/api/auth/register', jsonInit('POST', body));
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

describe('devices and access events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));
  const devices = async (token: string) => {
    const res = await call('GET', '/api/account/devices', token);
    expect(res.status).toBe(200);
    return ((await res.json()) as DeviceList).devices;
  };

  it('lists the signed-in devices with their names and times, this one marked; renames this one', async () => {
    const owner = testVault('devices@example.org');
    const laptop = await registerNamed(t.fetcher, owner, 'Firefox on Linux');
    clock += 1000;
    const phone = await login(t.fetcher, owner, 'Safari on iOS');
    const listed = await devices(laptop);
    expect(listed.map((d) => [d.name, d.current])).toEqual([
      ['Safari on iOS', false],
      ['Firefox on Linux', true],
    ]);
    expect(listed[0]?.createdAt).toBe(clock);
    expect(
      (await call('PUT', '/api/account/devices/current', phone, { name: '  Marie’s phone ' })).status,
    ).toBe(204);
    expect((await devices(laptop)).map((d) => d.name)).toContain('Marie’s phone');
    // Empty or control characters: refused.
    expect((await call('PUT', '/api/account/devices/current', phone, { name: '  ' })).status).toBe(400);
    expect((await call('PUT', '/api/account/devices/current', phone, { name: 'a\u0007b' })).status).toBe(400);
  });

  it('updates last seen at most once a minute per session', async () => {
    const owner = testVault('lastseen@example.org');
    const token = await registerNamed(t.fetcher, owner, 'Chromium on Linux');
    const created = clock;
    clock += 30_000;
    expect((await devices(token))[0]?.lastSeenAt).toBe(created);
    clock += 30_000;
    // This request is the one that writes; the list it answers was read after the write.
    expect((await devices(token))[0]?.lastSeenAt).toBe(created + 60_000);
    clock += 59_000;
    expect((await devices(token))[0]?.lastSeenAt).toBe(created + 60_000);
  });

  it('signs one other device out with a fresh proof: its stream closes, its next request says why', async () => {
    const owner = testVault('signout-one@example.org');
    const a = await registerNamed(t.fetcher, owner, 'Device A');
    const b = await login(t.fetcher, owner, 'Device B');
    const c = await login(t.fetcher, owner, 'Device C');
    const bId = (await devices(a)).find((d) => d.name === 'Device B')?.id ?? '';
    const stream = await call('GET', '/api/sync/stream', b);
    expect(stream.status).toBe(200);
    const reader = new SseReader(stream);
    expect(await reader.nextMessage()).toMatchObject({ type: 'resync' });

    // The token alone is not enough (a thief with it cannot sign the owner's devices out).
    const noProof = await call('DELETE', `/api/account/devices/${bId}`, a, {});
    expect(noProof.status).toBe(403);
    expect((await noProof.json()).error.reason).toBe('proof-required');
    expect((await call('DELETE', `/api/account/devices/${bId}`, a)).status).toBe(403);
    expect((await devices(a)).map((d) => d.name)).toContain('Device B');

    const proof = await freshProof(t.fetcher, a, owner);
    expect((await call('DELETE', `/api/account/devices/${bId}`, a, { proof })).status).toBe(204);
    expect(await reader.next(2_000)).toBeNull();
    const refused = await call('GET', '/api/account/devices', b);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.reason).toBe('signed-out-elsewhere');
    // C is untouched; the list no longer has B.
    expect((await devices(c)).map((d) => d.name).sort()).toEqual(['Device A', 'Device C']);
    // Ending it again: nothing to end.
    const again = await call('DELETE', `/api/account/devices/${bId}`, a, {
      proof: await freshProof(t.fetcher, a, owner),
    });
    expect(again.status).toBe(404);
    // This device cannot be ended this way (that is signing out).
    const selfId = (await devices(a)).find((d) => d.current)?.id ?? '';
    const self = await call('DELETE', `/api/account/devices/${selfId}`, a, {
      proof: await freshProof(t.fetcher, a, owner),
    });
    expect(self.status).toBe(400);

    const events = ((await (await call('GET', '/api/account/events', a)).json()) as AccessEventList).events;
    expect(events[0]).toMatchObject({
      kind: 'device-signed-out',
      deviceName: 'Device A',
      targetSessionId: bId,
      targetDeviceName: 'Device B',
    });
    expect(events.filter((e) => e.kind === 'sign-in').map((e) => e.deviceName)).toEqual([
      'Device C',
      'Device B',
    ]);
    expect(events.at(-1)).toMatchObject({ kind: 'account-created', deviceName: 'Device A' });
  });

  it('never ends another account’s session: 404, and nothing changed', async () => {
    const alice = testVault('alice-devices@example.org');
    const bob = testVault('bob-devices@example.org');
    const aliceToken = await registerNamed(t.fetcher, alice, 'Alice laptop');
    const bobToken = await registerNamed(t.fetcher, bob, 'Bob phone');
    const bobId = (await devices(bobToken))[0]?.id ?? '';
    const proof = await freshProof(t.fetcher, aliceToken, alice);
    const res = await call('DELETE', `/api/account/devices/${bobId}`, aliceToken, { proof });
    expect(res.status).toBe(404);
    expect((await devices(bobToken)).map((d) => d.id)).toEqual([bobId]);
    // Alice's events say nothing about Bob, and Bob's nothing about Alice.
    const aliceEvents = (
      (await (await call('GET', '/api/account/events', aliceToken)).json()) as AccessEventList
    ).events;
    expect(aliceEvents.map((e) => e.deviceName)).toEqual(['Alice laptop']);
  });

  it('needs a session token for every route: 401 without one', async () => {
    expect((await call('GET', '/api/account/devices')).status).toBe(401);
    expect((await call('PUT', '/api/account/devices/current', undefined, { name: 'x' })).status).toBe(401);
    expect((await call('DELETE', '/api/account/devices/AAAAAAAAAAAAAAAAAAAAAA', undefined, {})).status).toBe(
      401,
    );
    expect((await call('GET', '/api/account/events')).status).toBe(401);
  });

  it('records sign-outs, "sign out everywhere else" and keeps no address', async () => {
    const owner = testVault('events@example.org');
    const a = await registerNamed(t.fetcher, owner, 'Device A');
    const b = await login(t.fetcher, owner, 'Device B');
    expect((await call('POST', '/api/auth/logout', b)).status).toBe(204);
    const proof = await freshProof(t.fetcher, a, owner);
    expect((await call('POST', '/api/account/sign-out-others', a, { proof })).status).toBe(204);
    const body = await (await call('GET', '/api/account/events', a)).text();
    const events = (JSON.parse(body) as AccessEventList).events;
    expect(events.map((e) => [e.kind, e.deviceName])).toEqual([
      ['signed-out-others', 'Device A'],
      ['sign-out', 'Device B'],
      ['sign-in', 'Device B'],
      ['account-created', 'Device A'],
    ]);
    expect(body).not.toMatch(/127\.0\.0\.1|::1|"ip"|address/i);
  });
});
