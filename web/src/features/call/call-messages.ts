/**
 * What the two sides of a teleconsultation say to each other over the PeerJS data connection. One
 * discriminated union, parsed with zod on receipt: the other side is a person's browser, not trusted.
 * The server relays only signaling; none of this passes through it.
 */
import {
  consultationSchema,
  MAX_HOURLY_RATE_CENTS,
  MIN_HOURLY_RATE_CENTS,
} from '../../../../shared/schema/consultation.ts';
import { z } from '../../../../shared/schema/zod.ts';

export const NAME_MAX = 80;
export const CHAT_MAX = 2_000;
/** Files sent during a call: at most 5 MB, in 16 KiB chunks (under every browser's message limit). */
export const FILE_MAX_BYTES = 5 * 1024 * 1024;
export const FILE_CHUNK_BYTES = 16 * 1024;

// PeerJS's binary serialization hands typed arrays back as ArrayBuffer: accept both, keep bytes.
const bytes = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
  .transform((data) => (data instanceof Uint8Array ? data : new Uint8Array(data)));

export const callMessageSchema = z.discriminatedUnion('type', [
  /** Patient → room: let me in. `session` when rejoining the same call after a drop. */
  z.strictObject({
    type: z.literal('knock'),
    name: z.string().trim().min(1).max(NAME_MAX),
    session: z.string().max(64).optional(),
  }),
  /** Host → patient: admitted; the media call follows. */
  z.strictObject({
    type: z.literal('admitted'),
    session: z.string().max(64),
    practitionerName: z.string().min(1).max(200),
    hourlyRateCents: z.int().min(MIN_HOURLY_RATE_CENTS).max(MAX_HOURLY_RATE_CENTS),
  }),
  z.strictObject({ type: z.literal('chat'), text: z.string().trim().min(1).max(CHAT_MAX) }),
  z.strictObject({
    type: z.literal('file-start'),
    id: z.string().max(64),
    name: z.string().min(1).max(255),
    mime: z.string().max(255),
    size: z.int().min(0).max(FILE_MAX_BYTES),
  }),
  z.strictObject({
    type: z.literal('file-chunk'),
    id: z.string().max(64),
    index: z.int().min(0),
    data: bytes,
  }),
  z.strictObject({ type: z.literal('file-end'), id: z.string().max(64) }),
  /** Patient → host: one entry of the record, as the text the patient sees. */
  z.strictObject({
    type: z.literal('entry'),
    title: z.string().max(200),
    text: z.string().max(CHAT_MAX * 2),
  }),
  /** Either side: the call is over. */
  z.strictObject({ type: z.literal('end') }),
  /** Host → patient after the end: the summary both sides save. */
  z.strictObject({ type: z.literal('summary'), summary: consultationSchema }),
]);

export type CallMessage = z.infer<typeof callMessageSchema>;

export function parseCallMessage(data: unknown): CallMessage | undefined {
  const parsed = callMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
