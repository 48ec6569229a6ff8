/**
 * The private part of an appointment request (docs/architecture.md §10.4): the reason, and the
 * name of the profile it is for. Sealed on the patient's device (crypto_box_seal) once for the
 * practitioner's X25519 public key and once for the patient's own, so both can read it on any of
 * their devices and the server stores two opaque texts.
 *
 * Invariants: the plaintext names its appointment id, and opening refuses a copy sealed for another
 * appointment (`tampered`), so the server cannot move a reason between appointments; the JSON is
 * padded to 256-byte blocks so the ciphertext length does not betray the reason's length.
 */
import { openSealed, sealTo } from './box.ts';
import { fromUtf8, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import type { KeyPair } from './identity.ts';

export const APPOINTMENT_REQUEST_VERSION = 1;
const BLOCK = 256;

export interface AppointmentRequest {
  readonly reason: string;
  /** The profile the appointment is for (its display name). */
  readonly profileName: string;
}

function padded(json: string): Uint8Array {
  const bytes = utf8(json);
  const size = Math.ceil((bytes.length + 1) / BLOCK) * BLOCK;
  const out = new Uint8Array(size).fill(0x20);
  out.set(bytes);
  return out;
}

export function sealAppointmentRequest(
  appointmentId: string,
  request: AppointmentRequest,
  recipientBoxPublicKey: Uint8Array,
): string {
  const json = JSON.stringify({
    v: APPOINTMENT_REQUEST_VERSION,
    appointmentId,
    reason: request.reason,
    profileName: request.profileName,
  });
  return sealTo(padded(json), recipientBoxPublicKey);
}

/** Throws `tampered` when it does not open with `box`, or was sealed for another appointment. */
export function openAppointmentRequest(
  appointmentId: string,
  sealed: string,
  box: KeyPair,
): AppointmentRequest {
  const plain = openSealed(sealed, box.publicKey, box.secretKey);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(plain));
  } catch {
    throw new CryptoError('tampered', 'the appointment request is not JSON');
  }
  const value = parsed as Record<string, unknown> | null;
  if (
    !value ||
    value.v !== APPOINTMENT_REQUEST_VERSION ||
    value.appointmentId !== appointmentId ||
    typeof value.reason !== 'string' ||
    typeof value.profileName !== 'string'
  ) {
    throw new CryptoError('tampered', 'the appointment request was sealed for another appointment');
  }
  return { reason: value.reason, profileName: value.profileName };
}
