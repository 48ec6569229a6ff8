import { describe, expect, it } from 'vitest';
import { API } from '../../../shared/protocol/api.ts';
import { createServer } from './server.ts';
import { ServerError } from './server-error.ts';
import { type FetchLike, Transport } from './transport.ts';

async function rejection(promise: Promise<unknown>): Promise<ServerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('transport', () => {
  it('says offline when the request fails, naming the endpoint', async () => {
    const server = createServer({
      baseUrl: 'https://s.example',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await rejection(server.shares.listShares());
    expect(error.reason).toBe('offline');
    expect(error.meta.endpoint).toBe('/api/shares');
    expect(error.message).toBe('/api/shares: the server could not be reached');
  });

  it('gives up after its timeout', async () => {
    const hanging: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const server = createServer({ baseUrl: '', fetch: hanging, timeoutMs: 20 });
    const error = await rejection(server.calls.token('guest'));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('/api/calls/token: no answer in time');
  });

  it('fills path parameters, and names the endpoint, not the id, in errors', async () => {
    const urls: string[] = [];
    const server = createServer({
      baseUrl: 'https://s.example/',
      token: 'T'.repeat(43),
      fetch: async (input) => {
        urls.push(input);
        return new Response(JSON.stringify({ error: { reason: 'share-revoked', message: 'x' } }), {
          status: 410,
        });
      },
    });
    const error = await rejection(server.shares.open('A'.repeat(22), 'b'.repeat(43)));
    expect(urls).toEqual([`https://s.example/api/shares/${'A'.repeat(22)}/open`]);
    expect(error.reason).toBe('share-revoked');
    expect(error.message).toBe('/api/shares/:id/open: 410');
    await rejection(server.shares.ackEntry('s', 'a/b')).catch(() => undefined);
    expect(urls[1]).toBe('https://s.example/api/shares/s/entries/a%2Fb');
  });

  it('reads a 204 as null where the table allows it', async () => {
    const transport = new Transport({
      baseUrl: '',
      fetch: async () => new Response(null, { status: 204 }),
    });
    expect(await transport.call(API.getPractitioner, {})).toBeNull();
    expect(await transport.call(API.revokeShare, { params: { id: 'x' } })).toBeUndefined();
  });
});
