/**
 * The emergency link: `<origin>/e#<version>.<payload>` (docs/architecture.md §9). The data rides in the URL
 * fragment, which browsers never send to a server. Payload = compact JSON with short keys →
 * raw DEFLATE (fflate) → base64url. The version lets a later format coexist with printed cards.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { type EmergencyProfile, emergencyProfileSchema } from './profile.ts';

export const PAYLOAD_VERSION = 1;
export const RESPONDER_PATH = '/e';
/** Far above what a QR code can hold (~2,900 bytes at version 40): anything longer is not ours. */
export const MAX_FRAGMENT_LENGTH = 4096;
/** The largest JSON a real profile inflates to is a few KiB; a decompression bomb stops here. */
export const MAX_INFLATED_BYTES = 16 * 1024;
/** Input is fed in small steps so output can be counted (and refused) as it appears. */
const INFLATE_STEP = 64;

/** Short keys: every byte counts against the QR budget. */
const KEYS = {
  language: 'l',
  name: 'n',
  dateOfBirth: 'b',
  directive: 'd',
  conditions: 'c',
  allergies: 'a',
  medications: 'm',
  devices: 'i',
  pregnancy: 'p',
  contacts: 'k',
  languages: 's',
  bloodType: 'g',
  organDonor: 'o',
  note: 'x',
  updatedOn: 'u',
  token: 't',
} as const satisfies { readonly [K in keyof EmergencyProfile]-?: string };

export type DecodeError = 'bad-version' | 'corrupt' | 'invalid';

export class EmergencyPayloadError extends Error {
  constructor(readonly reason: DecodeError) {
    super(
      reason === 'bad-version'
        ? 'This emergency code was made by a newer or unknown version'
        : reason === 'corrupt'
          ? 'This emergency code is damaged or incomplete'
          : 'This emergency code does not hold a valid emergency profile',
    );
  }
}

function compact(profile: EmergencyProfile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [long, short] of Object.entries(KEYS)) {
    const value = profile[long as keyof EmergencyProfile];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[short] =
      long === 'contacts'
        ? profile.contacts.map((c) =>
            c.relationship ? [c.name, c.phone, c.relationship] : [c.name, c.phone],
          )
        : value;
  }
  return out;
}

function expand(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const source = data as Record<string, unknown>;
  const out: Record<string, unknown> = {
    conditions: [],
    allergies: [],
    medications: [],
    devices: [],
    contacts: [],
    languages: [],
  };
  const known = new Set<string>(Object.values(KEYS));
  // Unknown keys are kept under their own name so the strict schema rejects them.
  for (const [key, value] of Object.entries(source)) if (!known.has(key)) out[key] = value;
  for (const [long, short] of Object.entries(KEYS)) {
    if (!(short in source)) continue;
    const value = source[short];
    out[long] =
      long === 'contacts' && Array.isArray(value)
        ? value.map((c) =>
            Array.isArray(c)
              ? { name: c[0], phone: c[1], ...(c[2] === undefined ? {} : { relationship: c[2] }) }
              : c,
          )
        : value;
  }
  return out;
}

/** The fragment's payload part (after `<version>.`). */
export function encodePayload(profile: EmergencyProfile): string {
  const json = JSON.stringify(compact(emergencyProfileSchema.parse(profile)));
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

export function emergencyFragment(profile: EmergencyProfile): string {
  return `${PAYLOAD_VERSION}.${encodePayload(profile)}`;
}

/** The full link a phone camera opens. `origin` is like `https://carnet.example`. */
export function emergencyLink(origin: string, profile: EmergencyProfile): string {
  return `${origin}${RESPONDER_PATH}#${emergencyFragment(profile)}`;
}

/** Raw DEFLATE with a ceiling on the output: throws once more than MAX_INFLATED_BYTES come out. */
export function boundedInflate(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new Error('inflated payload too large');
    chunks.push(chunk);
    if (final) ended = true;
  });
  for (let at = 0; at < bytes.length; at += INFLATE_STEP) {
    const end = Math.min(at + INFLATE_STEP, bytes.length);
    inflate.push(bytes.subarray(at, end), end === bytes.length);
  }
  if (!ended) throw new Error('truncated payload');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Decodes a fragment (with or without the leading `#`). Throws `EmergencyPayloadError`. */
export function decodeFragment(fragment: string): EmergencyProfile {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (body.length > MAX_FRAGMENT_LENGTH) throw new EmergencyPayloadError('corrupt');
  const dot = body.indexOf('.');
  if (dot < 1 || body.slice(0, dot) !== String(PAYLOAD_VERSION)) {
    throw new EmergencyPayloadError(dot < 1 && !/^\d+\./.test(body) ? 'corrupt' : 'bad-version');
  }
  const bytes = fromBase64Url(body.slice(dot + 1));
  if (!bytes || bytes.length === 0) throw new EmergencyPayloadError('corrupt');
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(boundedInflate(bytes)));
  } catch {
    throw new EmergencyPayloadError('corrupt');
  }
  const parsed = emergencyProfileSchema.safeParse(expand(data));
  if (!parsed.success) throw new EmergencyPayloadError('invalid');
  return parsed.data;
}

/** The fragment of a Carnet emergency link, or undefined when `url` is not one. */
export function emergencyFragmentOf(url: string, origin: string): string | undefined {
  const prefix = `${origin}${RESPONDER_PATH}#`;
  return url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
}
