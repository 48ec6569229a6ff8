/**
 * Bad input gets a clear 4xx, never a 5xx (docs/architecture.md §1.3, §7): more than a thousand malformed,
 * mistyped, oversized or truncated requests across every endpoint, from a seeded generator (the
 * seed is in the failure message), then raw-socket abuse of a real server; afterwards the server
 * still answers /healthz and a normal sync round trip.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/protocol/errors.ts';
import type { LogEntry } from '../http/logger.ts';
import { jsonInit, pullAll, push, register, testVault } from '../testing/api-client.ts';
import { create, envelope } from '../testing/envelopes.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { type FuzzRequest, fuzzRequests, rawAbuse } from './fuzz-cases.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const COUNT = 1_200;

describe('fuzz', () => {
  let t: TestApp;
  let token: string;
  const logged: LogEntry[] = [];
  beforeAll(async () => {
    t = await createTestApp({ log: (entry) => logged.push(entry) });
    token = await register(t.fetcher, testVault('fuzz@example.org'));
  });
  afterAll(() => t.close());

  async function send(request: FuzzRequest): Promise<Response> {
    return t.fetcher(request.path, {
      method: request.method,
      headers: request.headers(token),
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  }

  it(`answers ${COUNT} malformed requests with 4xx (or 2xx), never 5xx (seed ${SEED})`, async () => {
    const statuses = new Map<number, number>();
    let accounts = 1;
    for (const request of fuzzRequests(SEED, COUNT)) {
      const res = await send(request);
      // A well-formed logout or account deletion ends the session: carry on with a new account.
      const endsSession =
        request.path === '/api/auth/logout' ||
        (request.path === '/api/account' && request.method === 'DELETE');
      if (endsSession && res.ok)
        token = await register(t.fetcher, testVault(`fuzz${++accounts}@example.org`));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const what = `seed ${SEED}, case ${request.index}: ${request.method} ${request.path} (${request.label})`;
      expect(res.status, what).toBeLessThan(500);
      const text = request.method === 'HEAD' ? '' : await res.text();
      if (res.status >= 400 && request.method !== 'HEAD') {
        expect(errorBodySchema.safeParse(JSON.parse(text)).success, what).toBe(true);
      }
    }
    expect(logged.filter((entry) => entry.msg === 'unhandled-error')).toEqual([]);
    // Most cases must reach validation, not bounce off the same early check.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 4);
    const health = await t.fetcher('/healthz');
    expect(health.status).toBe(200);
    await push(t.fetcher, token, [create(envelope('after-fuzz'))]);
    expect((await pullAll(t.fetcher, token)).documents.map((d) => d.id)).toContain('after-fuzz');
    console.info(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 120_000);

  describe('over a real socket', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await listen(t.app);
    });
    afterAll(() => server.close());

    function raw(payload: string): Promise<string> {
      return new Promise((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        let answer = '';
        socket.setTimeout(1_000, () => socket.destroy());
        socket.on('data', (chunk) => {
          answer += chunk.toString('latin1');
        });
        socket.on('error', () => resolve(answer));
        socket.on('close', () => resolve(answer));
        socket.write(payload, () => socket.end());
      });
    }

    it('survives truncated bodies, lying Content-Length and garbage request lines', async () => {
      for (const payload of rawAbuse(token)) {
        const answer = await raw(payload);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        // No answer (connection dropped by the HTTP parser) is fine; a 5xx is not.
        expect(status < 500, payload.slice(0, 80)).toBe(true);
      }
      const health = await fetch(`${server.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      const pull = await fetch(
        `${server.baseUrl}/api/sync/pull`,
        jsonInit('POST', { checkpoint: null, batchSize: 5 }, token),
      );
      expect(pull.status).toBe(200);
    }, 60_000);
  });
});
