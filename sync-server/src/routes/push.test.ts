/**
 * `/api/push` and the pushes sent on new messages, against a stand-in push service on loopback that
 * checks each request per RFC 8030/8291/8292 and decrypts it (testing/push-service-stand-in.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushPayloadSchema } from '../../../shared/protocol/push.ts';
import { knownPushServices } from '../push/endpoint-policy.ts';
import { jsonInit } from '../testing/api-client.ts';
import { type PushStandIn, startPushStandIn } from '../testing/push-service-stand-in.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

describe('web push', () => {
  let t: TestApp;
  let service: PushStandIn;
  let patient: Person;
  let doctor: Person;

  beforeAll(async () => {
    service = await startPushStandIn();
    t = await createTestApp({
      push: { allowEndpoint: (url) => url.origin === service.origin, subject: 'mailto:ops@carnet.test' },
    });
    patient = await person(t.fetcher);
    doctor = await person(t.fetcher, LISTED);
  });
  afterAll(async () => {
    await t.close();
    await service.close();
  });

  const call = (method: string, path: string, who: Person | null, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, who?.token));
  const reason = async (res: Response) => ((await res.json()) as { error: { reason: string } }).error.reason;
  const subscribed = async (who: Person) =>
    ((await (await call('GET', '/api/push/subscription', who)).json()) as { subscribed: boolean }).subscribed;

  it('gives the VAPID public key to a session only, the same key every time', async () => {
    expect((await call('GET', '/api/push/key', null)).status).toBe(401);
    const first = (await (await call('GET', '/api/push/key', patient)).json()) as { publicKey: string };
    const second = (await (await call('GET', '/api/push/key', doctor)).json()) as { publicKey: string };
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(Buffer.from(first.publicKey, 'base64url')[0]).toBe(4);
    expect(second.publicKey).toBe(first.publicKey);
  });

  it('stores, replaces and removes this session subscription; refuses malformed ones with a 4xx', async () => {
    expect(await subscribed(patient)).toBe(false);
    expect((await call('PUT', '/api/push/subscription', patient, service.subscribe())).status).toBe(204);
    expect(await subscribed(patient)).toBe(true);
    expect((await call('PUT', '/api/push/subscription', patient, service.subscribe())).status).toBe(204);
    expect(await subscribed(doctor)).toBe(false);
    expect((await call('DELETE', '/api/push/subscription', patient)).status).toBe(204);
    expect(await subscribed(patient)).toBe(false);

    const good = service.subscribe();
    const bad: unknown[] = [
      {},
      { endpoint: good.endpoint },
      { ...good, keys: { ...good.keys, auth: 'short' } },
      { ...good, keys: { ...good.keys, p256dh: `${good.keys.p256dh}x` } },
      { ...good, endpoint: 'ftp://127.0.0.1/x' },
      { ...good, endpoint: `${service.origin}/${'x'.repeat(3000)}` },
      { ...good, extra: 1 },
      [],
      'text',
    ];
    for (const body of bad) {
      const res = await call('PUT', '/api/push/subscription', patient, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const elsewhere = await call('PUT', '/api/push/subscription', patient, {
      ...good,
      endpoint: 'https://127.0.0.2/push/x',
    });
    expect(elsewhere.status).toBe(400);
    expect(await reason(elsewhere)).toBe('push-endpoint-refused');
    expect(await subscribed(patient)).toBe(false);
    expect((await call('PATCH', '/api/push/subscription', patient, good)).status).toBe(405);
  });

  it("pushes a new message to the other participant's devices only, signed and encrypted, with no health data", async () => {
    const before = service.received.length;
    const doctorSub = service.subscribe();
    const patientSub = service.subscribe();
    expect((await call('PUT', '/api/push/subscription', doctor, doctorSub)).status).toBe(204);
    expect((await call('PUT', '/api/push/subscription', patient, patientSub)).status).toBe(204);

    const request = threadRequest(patient, doctor);
    expect((await call('POST', '/api/threads', patient, request.body)).status).toBe(201);
    const secret = 'Allergy to penicillin and a rash since Tuesday';
    const sealed = envelope(request.body.id, request.key, patient, 1, { text: secret });
    expect((await call('POST', `/api/threads/${request.body.id}/messages`, patient, sealed)).status).toBe(
      201,
    );

    const [push] = (await service.waitFor(before + 1)).slice(before);
    expect(push?.path).toBe(new URL(doctorSub.endpoint).pathname);
    expect(push?.problems).toEqual([]);
    expect(push?.claims).toMatchObject({ aud: service.origin, sub: 'mailto:ops@carnet.test' });
    expect(Number(push?.headers.ttl)).toBeGreaterThan(0);
    // The decrypted payload is exactly a kind and the thread id: no text, no name, no account.
    const payload = JSON.parse(push?.plaintext ?? 'null');
    expect(pushPayloadSchema.parse(payload)).toEqual({ v: 1, kind: 'message', threadId: request.body.id });
    for (const word of ['penicillin', 'Allergy', 'Dr Listed', patient.accountId, doctor.accountId]) {
      expect(push?.plaintext).not.toContain(word);
    }

    // A retried post (same envelope) stores nothing new and pushes nothing; the doctor's answer
    // goes to the patient's device.
    expect((await call('POST', `/api/threads/${request.body.id}/messages`, patient, sealed)).status).toBe(
      200,
    );
    const answer = envelope(request.body.id, request.key, doctor, 1, { text: 'Come on Monday' });
    expect((await call('POST', `/api/threads/${request.body.id}/messages`, doctor, answer)).status).toBe(201);
    const [next] = (await service.waitFor(before + 2)).slice(before + 1);
    expect(next?.path).toBe(new URL(patientSub.endpoint).pathname);
    expect(next?.problems).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.received.length).toBe(before + 2);
  });

  it('forgets a subscription the push service says is gone (410), and a signed-out session sends nothing', async () => {
    const request = threadRequest(patient, doctor);
    expect((await call('POST', '/api/threads', patient, request.body)).status).toBe(201);
    expect((await call('PUT', '/api/push/subscription', doctor, service.subscribe())).status).toBe(204);
    service.status = 410;
    const before = service.received.length;
    const m1 = envelope(request.body.id, request.key, patient, 1);
    expect((await call('POST', `/api/threads/${request.body.id}/messages`, patient, m1)).status).toBe(201);
    await service.waitFor(before + 1);
    service.status = 201;
    for (let i = 0; i < 50 && (await subscribed(doctor)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await subscribed(doctor)).toBe(false);

    // The doctor subscribes again, then signs out: the subscription goes with the session.
    expect((await call('PUT', '/api/push/subscription', doctor, service.subscribe())).status).toBe(204);
    expect((await call('POST', '/api/auth/logout', doctor)).status).toBe(204);
    const m2 = envelope(request.body.id, request.key, patient, 2);
    expect((await call('POST', `/api/threads/${request.body.id}/messages`, patient, m2)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.received.length).toBe(before + 1);
  });

  it("accepts by default only HTTPS endpoints of the browsers' push services", () => {
    const ok = [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QAbc',
      'https://db5p.notify.windows.com/w/?token=abc',
    ];
    const refused = [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://127.0.0.1/push',
      'https://localhost/push',
      'https://evilfcm.googleapis.com.attacker.test/x',
      'https://user@fcm.googleapis.com/x',
      'https://notfcm.googleapis.co/x',
    ];
    expect(ok.filter((u) => !knownPushServices(new URL(u)))).toEqual([]);
    expect(refused.filter((u) => knownPushServices(new URL(u)))).toEqual([]);
  });
});

describe('the stand-in push service', () => {
  it('flags a forged VAPID signature, a wrong audience and a payload for another subscription', async () => {
    const { default: webPush } = await import('web-push');
    const service = await startPushStandIn();
    try {
      const vapid = webPush.generateVAPIDKeys();
      const target = service.subscribe();
      const other = service.subscribe();
      const send = async (subscription: typeof target, endpoint: string, forge: boolean) => {
        const request = webPush.generateRequestDetails(subscription, '{"v":1}', {
          vapidDetails: { subject: 'mailto:a@b.test', ...vapid },
          contentEncoding: 'aes128gcm',
        });
        const headers = Object.fromEntries(
          Object.entries(request.headers)
            .filter(([name]) => name !== 'Content-Length')
            .map(([name, value]) => [name, String(value)]),
        );
        // Another first character in the signature part of the JWT.
        if (forge) {
          headers.Authorization = String(headers.Authorization).replace(
            /(t=[^.]+\.[^.]+\.)(.)/,
            (_, head: string, c: string) => `${head}${c === 'A' ? 'B' : 'A'}`,
          );
        }
        await fetch(endpoint, { method: 'POST', headers, body: new Uint8Array(request.body) });
      };
      // The keys of `other`, sent to `target`'s endpoint: it does not decrypt there.
      await send({ ...target, keys: other.keys }, target.endpoint, false);
      await send(target, target.endpoint, false);
      const [wrongKeys, right] = await service.waitFor(2);
      expect(wrongKeys?.problems).toContain('the record does not decrypt with the subscription key');
      expect(right?.problems).toEqual([]);
      expect(right?.plaintext).toBe('{"v":1}');
      await send(target, target.endpoint, true);
      const [, , forged] = await service.waitFor(3);
      expect(forged?.problems).toEqual(['the JWT signature does not verify with k']);
    } finally {
      await service.close();
    }
  });
});
