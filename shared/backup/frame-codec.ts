/**
 * The plaintext inside a `.carnet` body: a sequence of frames, each
 *
 *   size  field
 *   1     type: 1 profile, 2 record, 3 blob, 4 setting
 *   1     m = id length in UTF-8 bytes (1 … 255)
 *   m     id, UTF-8
 *   4     k = byte length (0 … 16 MiB), big-endian
 *   k     bytes: a stored envelope's JSON exactly as the device keeps it, or a setting's bytes
 *
 * Frames run back to back across chunk boundaries; the last one ends exactly where the final chunk's
 * padding starts. The codec never interprets `bytes`: envelopes stay as encrypted as they were stored,
 * so a backup adds a layer and removes none. It is authenticated by the stream before it is parsed,
 * so a malformed frame means a writer holding the key wrote it so: reported as `tampered`.
 */
import { BackupError } from './backup-error.ts';

export const FRAME_TYPES = ['profile', 'record', 'blob', 'setting'] as const;
export type BackupFrameType = (typeof FRAME_TYPES)[number];

export interface BackupFrame {
  readonly type: BackupFrameType;
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** A blob envelope is at most 1.5 MiB of base64; 16 MiB leaves room without letting a file exhaust memory. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const MAX_ID_BYTES = 255;
const FIXED_HEAD = 2;
const LENGTH_BYTES = 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Everything of a frame before its bytes; the writer streams `bytes` after it without copying them. */
export function encodeFrameHead(frame: BackupFrame): Uint8Array {
  const code = FRAME_TYPES.indexOf(frame.type) + 1;
  if (code === 0) throw new BackupError('invalid-frame', `unknown frame type ${String(frame.type)}`);
  const id = encoder.encode(frame.id);
  if (id.length === 0 || id.length > MAX_ID_BYTES) {
    throw new BackupError('invalid-frame', `a frame id must be 1 to ${MAX_ID_BYTES} bytes`, { id: frame.id });
  }
  if (frame.bytes.length > MAX_FRAME_BYTES) {
    throw new BackupError('invalid-frame', `a frame must be at most ${MAX_FRAME_BYTES} bytes`, {
      id: frame.id,
    });
  }
  const head = new Uint8Array(FIXED_HEAD + id.length + LENGTH_BYTES);
  head[0] = code;
  head[1] = id.length;
  head.set(id, FIXED_HEAD);
  new DataView(head.buffer).setUint32(FIXED_HEAD + id.length, frame.bytes.length);
  return head;
}

function malformed(message: string): BackupError {
  return new BackupError('tampered', message);
}

/**
 * Turns decrypted plaintext, pushed piece by piece, back into frames. Holds at most one frame's
 * bytes (allocated once at its declared length) plus a head of at most 261 bytes.
 */
export class FrameParser {
  private head = new Uint8Array(FIXED_HEAD + MAX_ID_BYTES + LENGTH_BYTES);
  private headLength = 0;
  private body: Uint8Array | null = null;
  private bodyFilled = 0;
  private type: BackupFrameType = 'record';
  private id = '';

  /** The frames completed by this piece, in order. */
  push(piece: Uint8Array): BackupFrame[] {
    const frames: BackupFrame[] = [];
    let offset = 0;
    while (offset < piece.length) {
      if (this.body === null) {
        const need = this.headNeeded();
        const take = Math.min(need - this.headLength, piece.length - offset);
        this.head.set(piece.subarray(offset, offset + take), this.headLength);
        this.headLength += take;
        offset += take;
        if (this.headLength === FIXED_HEAD) this.checkFixedHead();
        else if (this.headLength === this.headNeeded()) this.startBody();
      } else {
        const take = Math.min(this.body.length - this.bodyFilled, piece.length - offset);
        this.body.set(piece.subarray(offset, offset + take), this.bodyFilled);
        this.bodyFilled += take;
        offset += take;
      }
      if (this.body !== null && this.bodyFilled === this.body.length) {
        frames.push({ type: this.type, id: this.id, bytes: this.body });
        this.body = null;
        this.bodyFilled = 0;
        this.headLength = 0;
      }
    }
    return frames;
  }

  /** Throws unless the input ended exactly at a frame boundary. */
  finish(): void {
    if (this.body !== null || this.headLength > 0) throw malformed('the last frame is incomplete');
  }

  /** Bytes of head needed so far: the fixed part, then the id and length once the id length is known. */
  private headNeeded(): number {
    if (this.headLength < FIXED_HEAD) return FIXED_HEAD;
    return FIXED_HEAD + (this.head[1] ?? 0) + LENGTH_BYTES;
  }

  /** Checked as soon as known, so an empty id cannot leave the parser waiting for a head it has. */
  private checkFixedHead(): void {
    const code = this.head[0] ?? 0;
    if (FRAME_TYPES[code - 1] === undefined) throw malformed(`unknown frame type ${code}`);
    if ((this.head[1] ?? 0) === 0) throw malformed('a frame has an empty id');
  }

  private startBody(): void {
    const type = FRAME_TYPES[(this.head[0] ?? 0) - 1] ?? 'record';
    const idLength = this.head[1] ?? 0;
    let id: string;
    try {
      id = decoder.decode(this.head.subarray(FIXED_HEAD, FIXED_HEAD + idLength));
    } catch {
      throw malformed('a frame id is not UTF-8');
    }
    const length = new DataView(this.head.buffer).getUint32(FIXED_HEAD + idLength);
    if (length > MAX_FRAME_BYTES) throw malformed('a frame is larger than the format allows');
    this.type = type;
    this.id = id;
    this.body = new Uint8Array(length);
    this.bodyFilled = 0;
  }
}
