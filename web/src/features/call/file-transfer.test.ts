import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES, FILE_MAX_BYTES } from './call-messages.ts';
import {
  FileReceiver,
  fileMessages,
  MAX_IN_FLIGHT,
  RECEIVED_MAX_BYTES,
  RECEIVED_MIME,
  receivedBlob,
} from './file-transfer.ts';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 251);

describe('file transfer over the data channel', () => {
  it('reassembles files of every size around the chunk boundaries', () => {
    for (const size of [
      0,
      1,
      FILE_CHUNK_BYTES - 1,
      FILE_CHUNK_BYTES,
      FILE_CHUNK_BYTES + 1,
      5 * FILE_CHUNK_BYTES + 3,
    ]) {
      const data = bytes(size);
      const messages = fileMessages('f', 'a.bin', 'application/octet-stream', data);
      expect(messages).toHaveLength(2 + Math.ceil(size / FILE_CHUNK_BYTES));
      const receiver = new FileReceiver();
      const results = messages.map((m) => receiver.accept(m));
      expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
      expect(results.at(-1)).toEqual({ id: 'f', name: 'a.bin', data });
    }
  });

  it('refuses to send more than the limit', () => {
    expect(() => fileMessages('f', 'big', '', new Uint8Array(FILE_MAX_BYTES + 1))).toThrow(RangeError);
  });

  it('drops a transfer with a missing, reordered or extra chunk', () => {
    const messages = fileMessages('f', 'a', '', bytes(3 * FILE_CHUNK_BYTES));
    const [start, c0, c1, c2, end] = messages as [never, never, never, never, never];
    for (const sequence of [
      [start, c0, c2, end],
      [start, c1, c0, c2, end],
      [start, c0, c1, c2, c2, end],
      [c0, end],
    ]) {
      const receiver = new FileReceiver();
      const results = sequence.map((m) => receiver.accept(m));
      expect(results).toContain('dropped');
      expect(results.some((r) => typeof r === 'object')).toBe(false);
    }
  });

  it('keeps no sender MIME type: every received file is an opaque download', async () => {
    for (const mime of ['text/html', 'image/svg+xml', 'application/pdf', '']) {
      const messages = fileMessages('f', 'x', mime, bytes(10));
      const receiver = new FileReceiver();
      const file = messages.map((m) => receiver.accept(m)).at(-1);
      if (!file || file === 'dropped') throw new Error('must arrive');
      const blob = receivedBlob(file);
      expect(blob.type).toBe(RECEIVED_MIME);
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes(10));
    }
  });

  it(`drops a transfer started while ${MAX_IN_FLIGHT} are in flight, and accepts one again after`, () => {
    const receiver = new FileReceiver();
    const files = ['a', 'b', 'c', 'd'].map((id) => fileMessages(id, id, '', bytes(5)));
    const [a, b, c, d] = files as [
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
    ];
    expect(receiver.accept(a[0] as never)).toBeUndefined();
    expect(receiver.accept(b[0] as never)).toBeUndefined();
    expect(receiver.accept(c[0] as never)).toBe('dropped');
    expect(receiver.accept(c[1] as never)).toBe('dropped');
    for (const m of a.slice(1, -1)) receiver.accept(m);
    expect(receiver.accept(a.at(-1) as never)).toMatchObject({ id: 'a' });
    const rest = d.map((m) => receiver.accept(m));
    expect(rest.at(-1)).toMatchObject({ id: 'd' });
  });

  it('drops what goes past the per-call received total, counting dropped transfers too', () => {
    const limit = 3 * FILE_CHUNK_BYTES;
    const receiver = new FileReceiver(MAX_IN_FLIGHT, limit);
    const first = fileMessages('a', 'a', '', bytes(2 * FILE_CHUNK_BYTES));
    expect(first.map((m) => receiver.accept(m)).at(-1)).toMatchObject({ id: 'a' });
    // Announced over what is left: refused at the start.
    expect(receiver.accept(fileMessages('b', 'b', '', bytes(FILE_CHUNK_BYTES + 1))[0] as never)).toBe(
      'dropped',
    );
    // Two transfers that each fit what is left, but not together: the chunk that crosses drops it.
    const x = fileMessages('x', 'x', '', bytes(FILE_CHUNK_BYTES));
    const y = fileMessages('y', 'y', '', bytes(FILE_CHUNK_BYTES));
    expect(receiver.accept(x[0] as never)).toBeUndefined();
    expect(receiver.accept(y[0] as never)).toBeUndefined();
    expect(receiver.accept(x[1] as never)).toBeUndefined();
    expect(receiver.accept(x[2] as never)).toMatchObject({ id: 'x' });
    expect(receiver.accept(y[1] as never)).toBe('dropped');
    // The total is spent: even a one-byte file is refused for the rest of the call.
    const tiny = fileMessages('d', 'd', '', bytes(1));
    expect(tiny.map((m) => receiver.accept(m))).toContain('dropped');
    expect(RECEIVED_MAX_BYTES).toBe(50 * 1024 * 1024);
  });
});
