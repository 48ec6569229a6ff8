/**
 * Every endpoint of the JSON API in one table: method, path (with `:param`s), the zod schemas of
 * the request and of the success answer, and the success status. The web client derives its request
 * and response types from it; `sync-server/src/routes/api-table.test.ts` checks that the server
 * answers each entry, so the table cannot drift from the routes.
 */
import { z } from '../schema/zod.ts';
import {
  accountResponseSchema,
  challengeRequestSchema,
  challengeResponseSchema,
  freshProofRequestSchema,
  keyringUpdateRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  preloginRequestSchema,
  preloginResponseSchema,
  registerRequestSchema,
  sessionResponseSchema,
  termsRecordSchema,
} from './account.ts';
import {
  appointmentActionSchema,
  appointmentListSchema,
  appointmentViewSchema,
  availabilityResponseSchema,
  availabilitySchema,
  createAppointmentRequestSchema,
} from './appointments.ts';
import { callTokenRequestSchema, callTokenResponseSchema } from './calls.ts';
import { accessEventListSchema, deviceListSchema, renameDeviceRequestSchema } from './devices.ts';
import { directoryResponseSchema } from './directory.ts';
import {
  emergencyOpenedRequestSchema,
  emergencyOpeningsResponseSchema,
  emergencyTokenRequestSchema,
} from './emergency.ts';
import {
  archiveRequestSchema,
  blockListSchema,
  blockRequestSchema,
  chunkSchema,
  createAttachmentRequestSchema,
  createThreadRequestSchema,
  messageEnvelopeSchema,
  messagePageSchema,
  postMessageResponseSchema,
  receiptRequestSchema,
  threadListSchema,
  threadSummarySchema,
} from './messages.ts';
import {
  acceptOpinionRequestSchema,
  createOpinionRequestSchema,
  opinionItemListSchema,
  opinionListSchema,
  opinionSummarySchema,
  postOpinionItemSchema,
} from './opinions.ts';
import { pushKeyResponseSchema, pushStatusSchema, pushSubscriptionSchema } from './push.ts';
import {
  checkpointSchema,
  MAX_BATCH_SIZE,
  pullRequestSchema,
  pushRequestSchema,
  pushResponseSchema,
} from './replication.ts';
import {
  codeLookupRequestSchema,
  codeLookupResponseSchema,
  createShareFileRequestSchema,
  createShareRequestSchema,
  openShareRequestSchema,
  openShareResponseSchema,
  pendingEntriesSchema,
  postEntryRequestSchema,
  practitionerProfileSchema,
  practitionerResponseSchema,
  putShareFileChunkSchema,
  readShareFileChunkSchema,
  receivedSharesSchema,
  sealedSnapshotSchema,
  shareFileChunkSchema,
  shareListSchema,
  shareLogSchema,
  shareSummarySchema,
} from './shares.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint<
  P extends string = string,
  Req extends z.ZodType | null = z.ZodType | null,
  Res extends z.ZodType | null = z.ZodType | null,
> {
  readonly method: HttpMethod;
  readonly path: P;
  /** null: no body. */
  readonly request: Req;
  /** null: no body (204). A 204 among `status` parses as `null`. */
  readonly response: Res;
  readonly status: readonly number[];
  /** Needs `Authorization: Bearer <session token>`. */
  readonly auth: boolean;
}

/** Open to anyone; every other endpoint needs a session. */
const PUBLIC = false;

function endpoint<const P extends string, Req extends z.ZodType | null, Res extends z.ZodType | null>(
  method: HttpMethod,
  path: P,
  request: Req,
  response: Res,
  status: number | readonly number[] = 200,
  auth = true,
): Endpoint<P, Req, Res> {
  return { method, path, request, response, status: typeof status === 'number' ? [status] : status, auth };
}

/** `/api/shares/:id/open` → `{ id: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { readonly [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { readonly [K in Name]: string }
    : Record<never, never>;

export type RequestOf<E extends Endpoint> = E['request'] extends z.ZodType
  ? z.input<E['request']>
  : undefined;
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : undefined;

export const versionResponseSchema = z.object({ protocolVersion: z.number().int() });

/** Pull answers keep their documents unvalidated: the client checks each envelope on its own. */
export const pullPageSchema = z.strictObject({
  documents: z.array(z.unknown()).max(MAX_BATCH_SIZE),
  checkpoint: checkpointSchema,
});

/** Not strict: the client needs the id only. */
export const postedEntrySchema = z.object({ id: z.string() }).passthrough();

export const API = {
  version: endpoint('GET', '/api/version', null, versionResponseSchema, 200, PUBLIC),

  register: endpoint('POST', '/api/auth/register', registerRequestSchema, sessionResponseSchema, 201, PUBLIC),
  prelogin: endpoint(
    'POST',
    '/api/auth/prelogin',
    preloginRequestSchema,
    preloginResponseSchema,
    200,
    PUBLIC,
  ),
  challenge: endpoint(
    'POST',
    '/api/auth/challenge',
    challengeRequestSchema,
    challengeResponseSchema,
    200,
    PUBLIC,
  ),
  login: endpoint('POST', '/api/auth/login', loginRequestSchema, loginResponseSchema, 200, PUBLIC),
  logout: endpoint('POST', '/api/auth/logout', null, null, 204),

  getAccount: endpoint('GET', '/api/account', null, accountResponseSchema),
  /** A single-use nonce for the fresh proof the three changes below require (`signLoginProof`). */
  accountChallenge: endpoint('POST', '/api/account/challenge', null, challengeResponseSchema),
  putKeyring: endpoint('PUT', '/api/account/keyring', keyringUpdateRequestSchema, null, 204),
  /** The holder's signed acceptance of the terms of use (replaces the previous one). */
  putTerms: endpoint('PUT', '/api/account/terms', termsRecordSchema, null, 204),
  deleteAccount: endpoint('DELETE', '/api/account', freshProofRequestSchema, null, 204),
  signOutOthers: endpoint('POST', '/api/account/sign-out-others', freshProofRequestSchema, null, 204),
  /** The account's live sessions (devices), this one marked `current`. */
  listDevices: endpoint('GET', '/api/account/devices', null, deviceListSchema),
  /** Names this device (the session the request comes with). */
  renameDevice: endpoint('PUT', '/api/account/devices/current', renameDeviceRequestSchema, null, 204),
  /** Signs one other device out, with a fresh proof like `signOutOthers`. */
  signOutDevice: endpoint('DELETE', '/api/account/devices/:id', freshProofRequestSchema, null, 204),
  /** Sign-ins, sign-outs and account changes the server recorded, newest first. */
  accessEvents: endpoint('GET', '/api/account/events', null, accessEventListSchema),

  pull: endpoint('POST', '/api/sync/pull', pullRequestSchema, pullPageSchema),
  push: endpoint('POST', '/api/sync/push', pushRequestSchema, pushResponseSchema),
  /** Server-sent events: the body is read as a stream, not parsed. */
  stream: endpoint('GET', '/api/sync/stream', null, null),

  emergencyOpened: endpoint('POST', '/api/emergency/opened', emergencyOpenedRequestSchema, null, 204, PUBLIC),
  registerEmergencyToken: endpoint('POST', '/api/emergency/tokens', emergencyTokenRequestSchema, null, 204),
  deleteEmergencyToken: endpoint('DELETE', '/api/emergency/tokens', emergencyTokenRequestSchema, null, 204),
  emergencyOpenings: endpoint('GET', '/api/emergency/openings', null, emergencyOpeningsResponseSchema),

  callToken: endpoint('POST', '/api/calls/token', callTokenRequestSchema, callTokenResponseSchema),

  createShare: endpoint('POST', '/api/shares', createShareRequestSchema, shareSummarySchema, 201),
  listShares: endpoint('GET', '/api/shares', null, shareListSchema),
  putSnapshot: endpoint('PUT', '/api/shares/:id/snapshot', sealedSnapshotSchema, null, 204),
  revokeShare: endpoint('POST', '/api/shares/:id/revoke', null, null, 204),
  shareLog: endpoint('GET', '/api/shares/:id/log', null, shareLogSchema),
  pendingEntries: endpoint('GET', '/api/shares/:id/entries', null, pendingEntriesSchema),
  ackEntry: endpoint('DELETE', '/api/shares/:id/entries/:entryId', null, null, 204),
  openShare: endpoint('POST', '/api/shares/:id/open', openShareRequestSchema, openShareResponseSchema),
  postEntry: endpoint('POST', '/api/shares/:id/entries', postEntryRequestSchema, postedEntrySchema, 201),
  createShareFile: endpoint('POST', '/api/shares/:id/files', createShareFileRequestSchema, null, 201),
  putShareFileChunk: endpoint(
    'PUT',
    '/api/shares/:id/files/:fileId/chunks/:index',
    putShareFileChunkSchema,
    null,
    204,
  ),
  readShareFileChunk: endpoint(
    'POST',
    '/api/shares/:id/files/:fileId/chunks/:index/read',
    readShareFileChunkSchema,
    shareFileChunkSchema,
  ),
  deleteShareFile: endpoint('DELETE', '/api/shares/:id/files/:fileId', null, null, 204),
  redeemCode: endpoint(
    'POST',
    '/api/shares/code/:lookupId',
    codeLookupRequestSchema,
    codeLookupResponseSchema,
  ),

  /** 204 for an account without a practitioner profile. */
  getPractitioner: endpoint(
    'GET',
    '/api/practitioners/me',
    null,
    practitionerResponseSchema.nullable(),
    [200, 204],
  ),
  putPractitioner: endpoint(
    'PUT',
    '/api/practitioners/me',
    practitionerProfileSchema,
    practitionerResponseSchema,
  ),
  receivedShares: endpoint('GET', '/api/practitioners/me/shares', null, receivedSharesSchema),

  /** Query: `specialty`, `city`, `language`, `accepts` (see shared/protocol/directory.ts). */
  directory: endpoint('GET', '/api/directory', null, directoryResponseSchema),

  listThreads: endpoint('GET', '/api/threads', null, threadListSchema),
  /** 201 for a new thread, 200 when a retried creation finds it. */
  createThread: endpoint('POST', '/api/threads', createThreadRequestSchema, threadSummarySchema, [200, 201]),
  archiveThread: endpoint('POST', '/api/threads/:id/archive', archiveRequestSchema, null, 204),
  threadReceipts: endpoint('POST', '/api/threads/:id/receipts', receiptRequestSchema, null, 204),
  /** Query: `after`, `limit`. */
  listMessages: endpoint('GET', '/api/threads/:id/messages', null, messagePageSchema),
  /** 201 when stored, 200 when a retry finds it stored. */
  postMessage: endpoint(
    'POST',
    '/api/threads/:id/messages',
    messageEnvelopeSchema,
    postMessageResponseSchema,
    [200, 201],
  ),
  createAttachment: endpoint(
    'POST',
    '/api/threads/:id/attachments',
    createAttachmentRequestSchema,
    null,
    201,
  ),
  putChunk: endpoint(
    'PUT',
    '/api/threads/:id/attachments/:attachmentId/chunks/:index',
    chunkSchema,
    null,
    204,
  ),
  getChunk: endpoint('GET', '/api/threads/:id/attachments/:attachmentId/chunks/:index', null, chunkSchema),
  listBlocked: endpoint('GET', '/api/threads/blocks', null, blockListSchema),
  block: endpoint('POST', '/api/threads/blocks', blockRequestSchema, null, 204),
  unblock: endpoint('DELETE', '/api/threads/blocks/:accountId', null, null, 204),

  /** Web Push (shared/protocol/push.ts): the server's VAPID key, this session's subscription. */
  pushKey: endpoint('GET', '/api/push/key', null, pushKeyResponseSchema),
  pushStatus: endpoint('GET', '/api/push/subscription', null, pushStatusSchema),
  putPushSubscription: endpoint('PUT', '/api/push/subscription', pushSubscriptionSchema, null, 204),
  deletePushSubscription: endpoint('DELETE', '/api/push/subscription', null, null, 204),
  /** A practitioner's weekly windows, exceptions, slot length and time zone (public). */
  putAvailability: endpoint('PUT', '/api/appointments/availability', availabilitySchema, null, 204),
  /** This account's own availability (null when none) and its taken starts. */
  myAvailability: endpoint('GET', '/api/appointments/availability', null, availabilityResponseSchema),
  /** A practitioner's availability (null when none) and the starts already taken. */
  getAvailability: endpoint(
    'GET',
    '/api/appointments/availability/:accountId',
    null,
    availabilityResponseSchema,
  ),
  /** 201 for a new request, 200 when a retried request finds it. */
  requestAppointment: endpoint(
    'POST',
    '/api/appointments',
    createAppointmentRequestSchema,
    appointmentViewSchema,
    [200, 201],
  ),
  listAppointments: endpoint('GET', '/api/appointments', null, appointmentListSchema),
  /** Accept, decline, cancel, or propose another time. */
  appointmentStatus: endpoint(
    'POST',
    '/api/appointments/:id/status',
    appointmentActionSchema,
    appointmentViewSchema,
  ),
  listOpinions: endpoint('GET', '/api/opinions', null, opinionListSchema),
  createOpinion: endpoint('POST', '/api/opinions', createOpinionRequestSchema, opinionSummarySchema, 201),
  acceptOpinion: endpoint(
    'POST',
    '/api/opinions/:id/accept',
    acceptOpinionRequestSchema,
    opinionSummarySchema,
  ),
  listOpinionItems: endpoint('GET', '/api/opinions/:id/items', null, opinionItemListSchema),
  postOpinionItem: endpoint(
    'POST',
    '/api/opinions/:id/items',
    postOpinionItemSchema,
    z.strictObject({ seq: z.int().min(1) }),
    201,
  ),
  closeOpinion: endpoint('POST', '/api/opinions/:id/close', null, null, 204),
} as const;

export type ApiTable = typeof API;
export type EndpointName = keyof ApiTable;
