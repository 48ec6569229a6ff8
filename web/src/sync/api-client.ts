/**
 * Typed client of the sync server's JSON API (shared/protocol: account.ts, replication.ts). Every
 * answer is parsed with the shared zod schema; every failure becomes a `SyncError` whose message
 * names the endpoint and status only, never a body or the bearer token.
 *
 * Pull answers are parsed loosely per document (`documents: unknown[]`): the replication validates
 * each envelope itself, so one bad document is skipped and reported instead of failing the page.
 */

import {
  type AccountResponse,
  accountResponseSchema,
  type ChallengeResponse,
  challengeResponseSchema,
  type KeyringUpdateRequest,
  type LoginRequest,
  type LoginResponse,
  loginResponseSchema,
  type PreloginResponse,
  preloginResponseSchema,
  type RegisterRequest,
  type SessionResponse,
  sessionResponseSchema,
} from '../../../shared/protocol/account.ts';
import {
  type EmergencyOpeningsResponse,
  emergencyOpeningsResponseSchema,
} from '../../../shared/protocol/emergency.ts';
import { errorBodySchema } from '../../../shared/protocol/errors.ts';
import {
  type Checkpoint,
  checkpointSchema,
  MAX_BATCH_SIZE,
  type PushResponse,
  type PushRow,
  pushResponseSchema,
} from '../../../shared/protocol/replication.ts';
import type { EnvelopeKind } from '../../../shared/schema/envelope.ts';
import { z } from '../../../shared/schema/zod.ts';
import { SyncError } from './sync-error.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Origin of the sync server, e.g. `https://carnet.example.org` ('' for the page's own origin). */
  readonly baseUrl: string;
  readonly token?: string | null;
  /** Injected in tests (e.g. `app.request`); defaults to the global fetch. */
  readonly fetch?: FetchLike;
}

const rawPullResponseSchema = z.strictObject({
  documents: z.array(z.unknown()).max(MAX_BATCH_SIZE),
  checkpoint: checkpointSchema,
});
export interface RawPullResponse {
  /** Not yet validated: check each with `envelopeSchema`. */
  readonly documents: readonly unknown[];
  readonly checkpoint: Checkpoint;
}

type Schema<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false } };

export class ApiClient {
  readonly baseUrl: string;
  readonly token: string | null;
  private readonly fetchImpl: FetchLike;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The same client, signed in with `token`. */
  withToken(token: string | null): ApiClient {
    return new ApiClient({ baseUrl: this.baseUrl, token, fetch: this.fetchImpl });
  }

  prelogin(email: string): Promise<PreloginResponse> {
    return this.json('POST', '/api/auth/prelogin', preloginResponseSchema, { email }, 200);
  }

  challenge(email: string): Promise<ChallengeResponse> {
    return this.json('POST', '/api/auth/challenge', challengeResponseSchema, { email }, 200);
  }

  login(request: LoginRequest): Promise<LoginResponse> {
    return this.json('POST', '/api/auth/login', loginResponseSchema, request, 200);
  }

  register(request: RegisterRequest): Promise<SessionResponse> {
    return this.json('POST', '/api/auth/register', sessionResponseSchema, request, 201);
  }

  getAccount(): Promise<AccountResponse> {
    return this.json('GET', '/api/account', accountResponseSchema, undefined, 200);
  }

  /** After a passphrase change; the server signs the account's other devices out. */
  async putKeyring(request: KeyringUpdateRequest): Promise<void> {
    await this.send('PUT', '/api/account/keyring', request, 204);
  }

  async logout(): Promise<void> {
    await this.send('POST', '/api/auth/logout', undefined, 204);
  }

  async deleteAccount(): Promise<void> {
    await this.send('DELETE', '/api/account', undefined, 204);
  }

  /** With `kind`, the server returns only documents of that kind (shared/protocol/replication.ts). */
  pull(checkpoint: Checkpoint | null, batchSize: number, kind?: EnvelopeKind): Promise<RawPullResponse> {
    return this.json('POST', '/api/sync/pull', rawPullResponseSchema, { checkpoint, batchSize, kind }, 200);
  }

  push(rows: readonly PushRow[]): Promise<PushResponse> {
    return this.json('POST', '/api/sync/push', pushResponseSchema, { rows }, 200);
  }

  /** Emergency access log: registers the hash of the profile's token (shared/protocol/emergency.ts). */
  async registerEmergencyToken(tokenHash: string): Promise<void> {
    await this.send('POST', '/api/emergency/tokens', { tokenHash }, 204);
  }

  /** Opt-out: the server forgets the hash, so later openings of that code are not recorded. */
  async deleteEmergencyToken(tokenHash: string): Promise<void> {
    await this.send('DELETE', '/api/emergency/tokens', { tokenHash }, 204);
  }

  emergencyOpenings(): Promise<EmergencyOpeningsResponse> {
    return this.json('GET', '/api/emergency/openings', emergencyOpeningsResponseSchema, undefined, 200);
  }

  /** Opens the live stream; the caller reads the body (stream.ts). */
  openStream(signal: AbortSignal): Promise<Response> {
    return this.request('GET', '/api/sync/stream', undefined, 200, signal, 'text/event-stream');
  }

  private async json<T>(
    method: string,
    path: string,
    schema: Schema<T>,
    body: unknown,
    status: number,
  ): Promise<T> {
    const response = await this.send(method, path, body, status);
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw new SyncError('bad-response', `${path}: the answer is not JSON`, { status });
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new SyncError('bad-response', `${path}: unexpected answer`, { status });
    return parsed.data;
  }

  private send(method: string, path: string, body: unknown, status: number): Promise<Response> {
    return this.request(method, path, body, status, undefined, 'application/json');
  }

  private async request(
    method: string,
    path: string,
    body: unknown,
    status: number,
    signal: AbortSignal | undefined,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
        // The token travels in a header only; no cookie is ever needed.
        credentials: 'omit',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SyncError('offline', `${path}: the server could not be reached`);
    }
    if (response.status === status) return response;
    throw await failure(path, response);
  }
}

async function failure(path: string, response: Response): Promise<SyncError> {
  const status = response.status;
  const meta = { status };
  const reason = await errorReason(response);
  const what = `${path}: ${status}`;
  if (status === 401) return new SyncError('unauthorized', what, meta);
  if (status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return new SyncError('rate-limited', what, {
      ...meta,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfter: seconds } : {}),
    });
  }
  if (reason === 'profile-limit') return new SyncError('profile-limit', what, meta);
  if (status === 409 && reason === 'conflict') return new SyncError('account-exists', what, meta);
  if (status >= 500) return new SyncError('server', what, meta);
  if (status >= 400) return new SyncError('rejected', what, meta);
  return new SyncError('bad-response', what, meta);
}

/** The `reason` of an error body, if it has one; the body itself goes nowhere. */
async function errorReason(response: Response): Promise<string | null> {
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.reason : null;
  } catch {
    return null;
  }
}
