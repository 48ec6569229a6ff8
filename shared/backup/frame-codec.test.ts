import { describe, expect, it } from 'vitest';
import { isBackupError } from './backup-error.ts';
import { type BackupFrame, encodeFrameHead, FrameParser, MAX_FRAME_BYTES } from './frame-codec.ts';
import { concat } from './testing.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function encode(frames: readonly BackupFrame[]): Uint8Array {
  return concat(frames.flatMap((frame) => [encodeFrameHead(frame), frame.bytes]));
}

const FRAMES: BackupFrame[] = [
  { type: 'profile', id: 'p1', bytes: new Uint8Array([1, 2, 3]) },
  { type: 'record', id: 'é', bytes: new Uint8Array(0) },
  { type: 'blob', id: 'r1_0', bytes: new Uint8Array(300).fill(5) },
  { type: 'setting', id: 'emergency', bytes: new Uint8Array([9]) },
];

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isBackupError(error) ? error.reason : String(error);
  }
  return 'nothing thrown';
}

describe('frame codec', () => {
  it('encodes a frame head as type, id length, id, byte length (known answer)', () => {
    expect(hex(encodeFrameHead({ type: 'record', id: 'r1', bytes: new Uint8Array(3) }))).toBe(
      '02 02 72 31 00 00 00 03',
    );
    expect(hex(encodeFrameHead({ type: 'setting', id: 'é', bytes: new Uint8Array(258) }))).toBe(
      '04 02 c3 a9 00 00 01 02',
    );
  });

  it('parses the same frames however the plaintext is cut', () => {
    const bytes = encode(FRAMES);
    for (const size of [1, 2, 3, 7, 64, 299, bytes.length]) {
      const parser = new FrameParser();
      const out: BackupFrame[] = [];
      for (let offset = 0; offset < bytes.length; offset += size) {
        out.push(...parser.push(bytes.subarray(offset, offset + size)));
      }
      parser.finish();
      expect(out).toEqual(FRAMES);
    }
  });

  it('refuses to write a frame the format cannot carry', () => {
    const bytes = new Uint8Array(0);
    expect(reason(() => encodeFrameHead({ type: 'record', id: '', bytes }))).toBe('invalid-frame');
    expect(reason(() => encodeFrameHead({ type: 'record', id: 'x'.repeat(256), bytes }))).toBe(
      'invalid-frame',
    );
    expect(reason(() => encodeFrameHead({ type: 'other' as 'record', id: 'x', bytes }))).toBe(
      'invalid-frame',
    );
    const huge = { length: MAX_FRAME_BYTES + 1 } as Uint8Array;
    expect(reason(() => encodeFrameHead({ type: 'blob', id: 'x', bytes: huge }))).toBe('invalid-frame');
  });

  it('reports malformed authenticated plaintext as tampered', () => {
    expect(reason(() => new FrameParser().push(new Uint8Array([9, 1, 0x41, 0, 0, 0, 0])))).toBe('tampered');
    expect(reason(() => new FrameParser().push(new Uint8Array([1, 0, 0, 0, 0, 0])))).toBe('tampered');
    expect(reason(() => new FrameParser().push(new Uint8Array([1, 1, 0xff, 0, 0, 0, 0])))).toBe('tampered');
    expect(reason(() => new FrameParser().push(new Uint8Array([3, 1, 0x41, 0x7f, 0, 0, 0])))).toBe(
      'tampered',
    );
    const cut = new FrameParser();
    cut.push(encode(FRAMES).subarray(0, 5));
    expect(reason(() => cut.finish())).toBe('tampered');
  });
});
