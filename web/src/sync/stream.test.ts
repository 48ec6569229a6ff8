import { describe, expect, it } from 'vitest';
import type { SetTimer } from '../core/clock.ts';
import { syncReason } from '../server/reasons.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { ServerError } from '../server/server-error.ts';
import { SseParser } from './sse-parser.ts';
import { liveStream, type StreamItem } from './stream.ts';

describe('SseParser', () => {
  it('parses events, multi-line data and comments, across chunk and line-ending splits', () => {
    const parser = new SseParser();
    const items = [
      ...parser.push(': heartbeat\r'),
      ...parser.push('\ndata: {"a":'),
      ...parser.push('1}\n\nevent: change\ndata: x\ndata:y\r\n\r\n'),
      ...parser.push('id: 3\nretry: 10\n\n'),
    ];
    expect(items).toEqual([
      { type: 'comment', text: 'heartbeat' },
      { type: 'event', event: 'message', data: '{"a":1}' },
      { type: 'event', event: 'change', data: 'x\ny' },
    ]);
  });
});

/** A manual clock: timers run only when the test says. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const setTimer: SetTimer = (fn, ms) => {
    const timer = { fn, ms, cancelled: false };
    pending.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const runNext = (ms?: number) => {
    const timer = pending.find((t) => !t.cancelled && (ms === undefined || t.ms === ms));
    if (!timer) throw new Error('no timer');
    timer.cancelled = true;
    timer.fn();
    return timer.ms;
  };
  const delays = () => pending.filter((t) => !t.cancelled).map((t) => t.ms);
  return { setTimer, runNext, delays };
}

function sseResponse(chunks: string[], keepOpen = false): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (!keepOpen) controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('liveStream', () => {
  it('emits RESYNC on every connect and changes in between, backing off between attempts', async () => {
    const timers = manualTimers();
    const answers: (() => Promise<Response>)[] = [
      async () =>
        sseResponse([
          'data: {"type":"resync"}\n\n',
          'data: {"type":"change","documents":[{"id":"a"}],"checkpoint":{"seq":4}}\n\n',
        ]),
      async () => Promise.reject(new ServerError('offline')),
      async () => Promise.reject(new ServerError('internal')),
      async () => sseResponse([': hi\n\n', 'data: {"type":"resync"}\n\n', 'data: nonsense\n\n'], true),
    ];
    const api = {
      openStream: () => (answers.shift() ?? (() => Promise.reject(new Error('done'))))(),
    } as unknown as ReplicationApi;
    const items: StreamItem[] = [];
    const errors: string[] = [];
    const sub = liveStream({
      api,
      setTimer: timers.setTimer,
      onError: (e) => errors.push(syncReason(e)),
    }).subscribe((i) => items.push(i));
    await tick();
    expect(items).toEqual(['RESYNC', { documents: [{ id: 'a' }], checkpoint: { seq: 4 } }]);
    // The server closed the stream: reconnect after 1 s, then 2 s, 4 s on failures.
    expect(timers.runNext(1_000)).toBe(1_000);
    await tick();
    expect(timers.runNext(2_000)).toBe(2_000);
    await tick();
    expect(timers.runNext(4_000)).toBe(4_000);
    await tick();
    expect(errors).toEqual(['offline', 'server']);
    // A message that does not parse becomes a resync.
    expect(items.slice(2)).toEqual(['RESYNC', 'RESYNC']);
    sub.unsubscribe();
    expect(timers.delays().filter((ms) => ms < 70_000)).toEqual([]);
  });

  it('reconnects at once when the server ends a stream that was up a while (a sign-out elsewhere)', async () => {
    const timers = manualTimers();
    const encoder = new TextEncoder();
    let end: () => void = () => {};
    const answers: (() => Promise<Response>)[] = [
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(encoder.encode('data: {"type":"resync"}\n\n'));
              end = () => controller.close();
            },
          }),
        ),
      async () => Promise.reject(new ServerError('signed-out-elsewhere')),
    ];
    const api = {
      openStream: () => (answers.shift() ?? (() => Promise.reject(new Error('done'))))(),
    } as unknown as ReplicationApi;
    const errors: string[] = [];
    const sub = liveStream({
      api,
      setTimer: timers.setTimer,
      onError: (e) => errors.push(e.reason),
    }).subscribe(() => {});
    await tick();
    // Up for the first backoff step, then ended by the server: the next attempt is at once.
    expect(timers.runNext(1_000)).toBe(1_000);
    end();
    await tick();
    expect(timers.runNext(0)).toBe(0);
    await tick();
    expect(errors).toEqual(['signed-out-elsewhere']);
    // Refused: no further attempt.
    expect(timers.delays().filter((ms) => ms < 70_000)).toEqual([]);
    sub.unsubscribe();
  });

  it('stops reconnecting when the session is refused, and aborts on unsubscribe', async () => {
    const timers = manualTimers();
    const api = {
      openStream: () => Promise.reject(new ServerError('unauthorized')),
    } as unknown as ReplicationApi;
    const errors: string[] = [];
    const sub = liveStream({
      api,
      setTimer: timers.setTimer,
      onError: (e) => errors.push(e.reason),
    }).subscribe();
    await tick();
    expect(errors).toEqual(['unauthorized']);
    expect(timers.delays()).toEqual([]);
    sub.unsubscribe();

    let signal: AbortSignal | undefined;
    const open = {
      openStream: async (s: AbortSignal) => {
        signal = s;
        return sseResponse(['data: {"type":"resync"}\n\n'], true);
      },
    } as unknown as ReplicationApi;
    const second = liveStream({ api: open, setTimer: timers.setTimer }).subscribe();
    await tick();
    second.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });

  it('treats a silent connection as dead', async () => {
    const timers = manualTimers();
    let opened = 0;
    const api = {
      openStream: async () => {
        opened += 1;
        return sseResponse(['data: {"type":"resync"}\n\n'], true);
      },
    } as unknown as ReplicationApi;
    const errors: string[] = [];
    const sub = liveStream({
      api,
      setTimer: timers.setTimer,
      idleTimeoutMs: 500,
      onError: (e) => errors.push(e.reason),
    }).subscribe();
    await tick();
    timers.runNext(500);
    await tick();
    expect(errors).toEqual(['offline']);
    timers.runNext(1_000);
    await tick();
    expect(opened).toBe(2);
    sub.unsubscribe();
  });
});

describe('liveStream message events', () => {
  it('hands a thread message event to onMessage and never to replication', async () => {
    const timers = manualTimers();
    const api = {
      openStream: async () =>
        sseResponse(
          [
            'data: {"type":"resync"}\n\n',
            'data: {"type":"message","threadId":"AAAAAAAAAAAAAAAAAAAAAA","seq":3}\n\n',
            'data: {"type":"message","threadId":"short","seq":3}\n\n',
          ],
          true,
        ),
    } as unknown as ReplicationApi;
    const items: StreamItem[] = [];
    const messages: unknown[] = [];
    const sub = liveStream({ api, setTimer: timers.setTimer, onMessage: (m) => messages.push(m) }).subscribe(
      (item) => items.push(item),
    );
    await tick();
    sub.unsubscribe();
    expect(messages).toEqual([{ type: 'message', threadId: 'AAAAAAAAAAAAAAAAAAAAAA', seq: 3 }]);
    // The malformed one is not a message: replication resyncs, as for any unreadable event.
    expect(items).toEqual(['RESYNC', 'RESYNC']);
  });
});
