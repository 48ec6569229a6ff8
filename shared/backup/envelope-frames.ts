/**
 * Stored envelopes as backup frames, and back. A frame of type `profile`, `record` or `blob` carries
 * one envelope's wire JSON (`shared/schema/envelope.ts`, `_deleted` included, `author`/`sig` kept),
 * untouched: still encrypted under its profile key or the vault key, practitioner signatures intact.
 * The frame id is the envelope id and the frame type its kind, checked on the way back so a frame
 * cannot smuggle an envelope under another id. Settings frames are opaque bytes the web side defines.
 */
import { fromUtf8, utf8 } from '../crypto/encoding.ts';
import { type Envelope, envelopeSchema } from '../schema/envelope.ts';
import { BackupError } from './backup-error.ts';
import type { BackupFrame, BackupFrameType } from './frame-codec.ts';

export type EnvelopeFrameType = Extract<BackupFrameType, 'profile' | 'record' | 'blob'>;

function frameTypeOf(kind: Envelope['kind']): EnvelopeFrameType {
  if (kind === 'keyring') {
    // The keyring travels in the file's header; a keyring envelope has no collection to return to.
    throw new BackupError('invalid-frame', 'keyring envelopes are not backed up as frames');
  }
  return kind;
}

export function envelopeFrame(envelope: Envelope): BackupFrame {
  return { type: frameTypeOf(envelope.kind), id: envelope.id, bytes: utf8(JSON.stringify(envelope)) };
}

/** The envelope a frame carries, validated; throws `tampered` for anything else. */
export function parseEnvelopeFrame(frame: BackupFrame): Envelope {
  if (frame.type === 'setting') throw new BackupError('invalid-frame', 'a setting frame holds no envelope');
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(frame.bytes));
  } catch {
    throw new BackupError('tampered', 'an envelope in the backup is not JSON', { id: frame.id });
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError('tampered', 'an envelope in the backup is malformed', { id: frame.id });
  }
  if (parsed.data.id !== frame.id || parsed.data.kind !== frame.type) {
    throw new BackupError('tampered', 'an envelope does not match its frame', { id: frame.id });
  }
  return parsed.data;
}
