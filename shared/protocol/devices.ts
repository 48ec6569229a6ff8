/**
 * Devices (the account's live sessions) and the account's access events (docs/architecture.md §7.5).
 *
 * - A session carries a random public id (never its token or the token's hash), a device name the
 *   client sends at sign-in or sets later (by default a browser summary such as "Chromium on
 *   Linux", computed on the device), when it was created and when it was last seen (updated at
 *   most once a minute per session).
 * - The access events the server keeps say what happened to the account, when, and from which
 *   session and device name: sign-ins, sign-outs, a device signed out by another, "sign out
 *   everywhere else", a passphrase change. No address, no health data: nothing a device did not
 *   already tell the server to sign in.
 */
import { z } from '../schema/zod.ts';

/** What a device may call itself: visible text, no control characters. */
export const DEVICE_NAME_MAX = 60;
export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Device name must not be empty')
  .max(DEVICE_NAME_MAX, `Device name must be at most ${DEVICE_NAME_MAX} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'Device name must not contain control characters');

/** Random public id of a session, base64url (22 characters; older sessions: 32 hex digits). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const sessionIdSchema = z
  .string()
  .regex(SESSION_ID_PATTERN, 'Session id must be 16–64 base64url characters');

/** How often at most the server writes a session's last-seen time. */
export const LAST_SEEN_INTERVAL_MS = 60_000;

export const deviceSchema = z.strictObject({
  id: sessionIdSchema,
  /** '' when the device never gave one (a session made before names existed). */
  name: z.string().max(DEVICE_NAME_MAX),
  createdAt: z.int().min(0),
  lastSeenAt: z.int().min(0),
  /** The session the request came with. */
  current: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceListSchema = z.strictObject({ devices: z.array(deviceSchema).max(1000) });
export type DeviceList = z.infer<typeof deviceListSchema>;

export const renameDeviceRequestSchema = z.strictObject({ name: deviceNameSchema });

export const ACCESS_EVENT_KINDS = [
  'account-created',
  'sign-in',
  'sign-out',
  'device-signed-out',
  'signed-out-others',
  'passphrase-changed',
] as const;
export type AccessEventKind = (typeof ACCESS_EVENT_KINDS)[number];

/** The newest events the server keeps per account; older ones are deleted as new ones come. */
export const ACCESS_EVENTS_KEPT = 500;

export const accessEventSchema = z.strictObject({
  at: z.int().min(0),
  kind: z.enum(ACCESS_EVENT_KINDS),
  /** The session that did it (the new one for a sign-in). */
  sessionId: z.string().max(64),
  deviceName: z.string().max(DEVICE_NAME_MAX),
  /** For `device-signed-out`: the session that was ended, and its name. */
  targetSessionId: z.string().max(64).optional(),
  targetDeviceName: z.string().max(DEVICE_NAME_MAX).optional(),
});
export type AccessEvent = z.infer<typeof accessEventSchema>;

export const accessEventListSchema = z.strictObject({
  events: z.array(accessEventSchema).max(ACCESS_EVENTS_KEPT),
});
export type AccessEventList = z.infer<typeof accessEventListSchema>;
