/**
 * Client of `/api/shares/*` and `/api/practitioners/*` (shared/protocol/shares.ts). Every answer is
 * parsed with its schema; every failure becomes a `ShareError` with a reason the UI explains. The
 * bearer token goes in a header only; the share key never leaves the device (only tokens and
 * ciphertext derived from it do).
 */
import { errorBodySchema } from '../../../../shared/protocol/errors.ts';
import {
  type CreateShareRequest,
  codeLookupResponseSchema,
  openShareResponseSchema,
  type PractitionerProfile,
  type PractitionerResponse,
  pendingEntriesSchema,
  practitionerResponseSchema,
  receivedSharesSchema,
  type SealedSnapshotMessage,
  shareListSchema,
  shareLogSchema,
  shareSummarySchema,
} from '../../../../shared/protocol/shares.ts';
import { z } from '../../../../shared/schema/zod.ts';

export type ShareErrorReason =
  | 'offline'
  | 'sync-off'
  | 'not-found'
  | 'share-revoked'
  | 'share-expired'
  | 'share-locked'
  | 'share-read-only'
  | 'wrong-passcode'
  | 'not-practitioner'
  | 'rate-limited'
  | 'code-taken'
  | 'bad-link'
  | 'tampered'
  | 'failed';

export class ShareError extends Error {
  override readonly name = 'ShareError';
  constructor(
    readonly reason: ShareErrorReason,
    message: string = reason,
  ) {
    super(message);
  }
}

type Schema<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false } };
const created = z.object({ id: z.string() }).passthrough();

export class ShareApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
  ) {}

  createShare = (request: CreateShareRequest) =>
    this.json('POST', '/api/shares', shareSummarySchema, request, 201);
  listShares = () => this.json('GET', '/api/shares', shareListSchema, undefined, 200);
  revoke = (id: string) => this.send('POST', `/api/shares/${id}/revoke`, undefined, [204]);
  log = (id: string) => this.json('GET', `/api/shares/${id}/log`, shareLogSchema, undefined, 200);
  putSnapshot = (id: string, snapshot: SealedSnapshotMessage) =>
    this.send('PUT', `/api/shares/${id}/snapshot`, snapshot, [204]);
  pendingEntries = (id: string) =>
    this.json('GET', `/api/shares/${id}/entries`, pendingEntriesSchema, undefined, 200);
  ackEntry = (id: string, entryId: string) =>
    this.send('DELETE', `/api/shares/${id}/entries/${encodeURIComponent(entryId)}`, undefined, [204]);

  open = (id: string, accessToken: string, refresh = false) =>
    this.json('POST', `/api/shares/${id}/open`, openShareResponseSchema, { accessToken, refresh }, 200);
  redeemCode = (lookupId: string, proof: string) =>
    this.json('POST', `/api/shares/code/${lookupId}`, codeLookupResponseSchema, { proof }, 200);
  postEntry = (id: string, accessToken: string, sealed: string) =>
    this.json('POST', `/api/shares/${id}/entries`, created, { accessToken, sealed }, 201);

  /** The account's practitioner profile, or null for an account without one (204). */
  practitioner = async (): Promise<PractitionerResponse | null> => {
    const response = await this.send('GET', '/api/practitioners/me', undefined, [200, 204]);
    return response.status === 204
      ? null
      : this.parse('/api/practitioners/me', response, practitionerResponseSchema);
  };
  putPractitioner = (profile: PractitionerProfile) =>
    this.json('PUT', '/api/practitioners/me', practitionerResponseSchema, profile, 200);
  receivedShares = () =>
    this.json('GET', '/api/practitioners/me/shares', receivedSharesSchema, undefined, 200);

  private async json<T>(
    method: string,
    path: string,
    schema: Schema<T>,
    body: unknown,
    status: number,
  ): Promise<T> {
    return this.parse(path, await this.send(method, path, body, [status]), schema);
  }

  private async parse<T>(path: string, response: Response, schema: Schema<T>): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ShareError('failed', `${path}: unexpected answer`);
    return parsed.data;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    statuses: readonly number[],
  ): Promise<Response> {
    if (!this.token) throw new ShareError('sync-off');
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'omit',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ShareError('offline', `${path}: the server could not be reached`);
    }
    if (statuses.includes(response.status)) return response;
    throw await failure(path, response);
  }
}

async function failure(path: string, response: Response): Promise<ShareError> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  const reason = parsed.success ? parsed.data.error.reason : null;
  const what = `${path}: ${response.status}`;
  switch (reason) {
    case 'share-revoked':
    case 'share-expired':
    case 'share-locked':
    case 'share-read-only':
      return new ShareError(reason, what);
    case 'rate-limited':
      return new ShareError('rate-limited', what);
    case 'not-found':
      return new ShareError('not-found', what);
    case 'conflict':
      return new ShareError('code-taken', what);
    case 'unauthorized':
      return new ShareError('sync-off', what);
    case 'forbidden':
      return new ShareError(
        path.includes('/open') || path.includes('/code/') || path.includes('/entries')
          ? 'wrong-passcode'
          : 'failed',
        what,
      );
    default:
      return new ShareError('failed', what);
  }
}
