/**
 * The one way to the server: base URL, bearer token, JSON in and out, answers parsed with the shared
 * schemas of `shared/protocol/api.ts`, a timeout on every call, and every failure as a `ServerError`.
 * The token travels in the Authorization header only; no cookie is ever sent.
 */
import type { Endpoint, PathParams, RequestOf, ResponseOf } from '../../../shared/protocol/api.ts';
import { errorBodySchema } from '../../../shared/protocol/errors.ts';
import { ServerError, type ServerErrorReason } from './server-error.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Origin of the server, e.g. `https://carnet.example.org` ('' for the page's own origin). */
  readonly baseUrl: string;
  readonly token?: string | null;
  /** Injected in tests (e.g. `app.request`); defaults to the global fetch. */
  readonly fetch?: FetchLike;
  /** Per JSON call; the live stream has its own idle timeout. */
  readonly timeoutMs?: number;
}

export type CallArgs<E extends Endpoint> = (E['request'] extends null
  ? { readonly body?: undefined }
  : { readonly body: RequestOf<E> }) &
  (keyof PathParams<E['path']> extends never
    ? { readonly params?: undefined }
    : { readonly params: PathParams<E['path']> }) & {
    /** Query string fields; undefined and empty values are left out. */
    readonly query?: Readonly<Record<string, string | number | undefined>>;
  };

const DEFAULT_TIMEOUT_MS = 60_000;

export class Transport {
  readonly baseUrl: string;
  readonly token: string | null;
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
  }

  /** The same transport, signed in with `token`. */
  withToken(token: string | null): Transport {
    return new Transport({ ...this.options, token });
  }

  /** Sends a JSON call and returns its parsed answer (`undefined` for a bodiless one, `null` for 204). */
  async call<E extends Endpoint>(endpoint: E, args: CallArgs<E>): Promise<ResponseOf<E>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const response = await this.send(
      endpoint,
      args.params,
      args.body,
      timeout,
      'application/json',
      args.query,
    );
    if (endpoint.response === null) return undefined as ResponseOf<E>;
    let data: unknown = null;
    if (response.status !== 204) {
      try {
        data = await response.json();
      } catch {
        throw this.error('bad-response', endpoint, 'the answer is not JSON', response.status);
      }
    }
    const parsed = endpoint.response.safeParse(data);
    if (!parsed.success) throw this.error('bad-response', endpoint, 'unexpected answer', response.status);
    return parsed.data as ResponseOf<E>;
  }

  /** Opens a streamed answer (server-sent events); the caller reads the body and aborts with `signal`. */
  open(endpoint: Endpoint, signal: AbortSignal, accept: string): Promise<Response> {
    return this.send(endpoint, undefined, undefined, signal, accept);
  }

  private async send(
    endpoint: Endpoint,
    params: Readonly<Record<string, string>> | undefined,
    body: unknown,
    signal: AbortSignal,
    accept: string,
    query?: Readonly<Record<string, string | number | undefined>>,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const fetchImpl = this.options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let response: Response;
    try {
      response = await fetchImpl(`${this.baseUrl}${fillPath(endpoint.path, params)}${queryString(query)}`, {
        method: endpoint.method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError') {
        throw this.error('timeout', endpoint, 'no answer in time');
      }
      // The caller's own abort (the live stream stopping) is not a server failure.
      if (signal.aborted) throw error;
      // Offline is told by the request failing, not by `navigator.onLine`: that says false on a
      // device whose only network is loopback or a LAN, where the server may well be.
      throw this.error('offline', endpoint, 'the server could not be reached');
    }
    if (endpoint.status.includes(response.status)) return response;
    throw await this.failure(endpoint, response);
  }

  private async failure(endpoint: Endpoint, response: Response): Promise<ServerError> {
    const status = response.status;
    const { reason: told, details } = await errorReason(response);
    const error = (reason: ServerErrorReason, extra: { retryAfter?: number } = {}) =>
      new ServerError(reason, `${endpoint.path}: ${status}`, {
        status,
        endpoint: endpoint.path,
        ...(details?.limit === undefined ? {} : { limit: details.limit }),
        ...extra,
        ...(details ? { details } : {}),
      });
    // A session its owner ended from another device says why; any other 401 is a plain one.
    if (status === 401) return error(told && SIGNED_OUT.has(told) ? told : 'unauthorized');
    if (status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      // A paced quota (share creation) keeps its own reason, so the screen can name the limit.
      const reason = told === 'share-limit' ? told : 'rate-limited';
      return error(reason, Number.isFinite(seconds) && seconds > 0 ? { retryAfter: seconds } : {});
    }
    if (status >= 500) return error('internal');
    if (told) return error(told);
    return error(byStatus(status));
  }

  private error(reason: ServerErrorReason, endpoint: Endpoint, what: string, status?: number): ServerError {
    return new ServerError(reason, `${endpoint.path}: ${what}`, {
      endpoint: endpoint.path,
      ...(status === undefined ? {} : { status }),
    });
  }
}

function queryString(query: Readonly<Record<string, string | number | undefined>> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function fillPath(path: string, params: Readonly<Record<string, string>> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
}

function byStatus(status: number): ServerErrorReason {
  switch (status) {
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    default:
      return status >= 400 ? 'bad-request' : 'bad-response';
  }
}

const SIGNED_OUT: ReadonlySet<ServerErrorReason> = new Set([
  'signed-out-keyring-changed',
  'signed-out-elsewhere',
]);

/** Numbers the server may send beside the reason; anything else in the body goes nowhere. */
const DETAIL_NAMES = ['usage', 'limit', 'wouldUse'] as const;

interface ToldError {
  readonly reason: ServerErrorReason | null;
  readonly details?: Readonly<Record<string, number>>;
}

/** The `reason` of an error body, if it has one, and its known numbers; the rest goes nowhere. */
async function errorReason(response: Response): Promise<ToldError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { reason: null };
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { reason: null };
  const raw = (body as { error: Record<string, unknown> }).error;
  const details: Record<string, number> = {};
  for (const name of DETAIL_NAMES) {
    const value = raw[name];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) details[name] = value;
  }
  return { reason: parsed.data.error.reason, ...(Object.keys(details).length > 0 ? { details } : {}) };
}
