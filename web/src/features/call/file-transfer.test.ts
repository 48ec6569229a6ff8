import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES, FILE_MAX_BYTES } from './call-messages.ts';
import { FileReceiver, fileMessages } from './file-transfer.ts';

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
      expect(results.at(-1)).toEqual({ id: 'f', name: 'a.bin', mime: 'application/octet-stream', data });
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
});
