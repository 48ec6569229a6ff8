/**
 * `/api/sync`: the replication endpoints (docs/architecture.md §6; messages and invariants in
 * shared/protocol/replication.ts, push rules in store/push-rules.ts). Each works on the session's
 * own account: documents of another account cannot be named, only new ones created in one's own.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import {
  type PullResponse,
  type PushResponse,
  pullRequestSchema,
  pushRequestSchema,
} from '../../../shared/protocol/replication.ts';
import { MAX_PROFILES } from '../../../shared/schema/profile.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, MIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession, unauthorized } from '../http/session-auth.ts';
import { AccountGoneError, ProfileLimitError, QuotaExceededError } from '../store/errors.ts';
import { runLiveStream } from '../sync/live-stream.ts';
import type { ApiDeps } from './deps.ts';

/** 500 rows of ordinary records fit easily; one push of large blob chunks must be split by the client. */
export const PUSH_BODY_LIMIT = 8 * MIB;

/** Open streams per account on one instance: a few devices and tabs, not an unbounded number. */
export const MAX_STREAMS_PER_ACCOUNT = 16;

export function syncRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  return new Hono()
    .use(requireSession(store, now))
    .post('/pull', jsonBody(pullRequestSchema), async (c) => {
      const { checkpoint, batchSize, kind } = c.get('body');
      const page = await store.pull(c.get('session').accountId, checkpoint?.seq ?? 0, batchSize, kind);
      return c.json<PullResponse>({ documents: page.documents, checkpoint: { seq: page.checkpoint } });
    })
    .all('/pull', methodNotAllowed('POST'))
    .post('/push', jsonBody(pushRequestSchema, PUSH_BODY_LIMIT), async (c) => {
      try {
        const outcome = await store.push(
          c.get('session').accountId,
          c.get('body').rows,
          now(),
          deps.storageQuotaBytes,
        );
        return c.json<PushResponse>({ conflicts: outcome.conflicts });
      } catch (error) {
        if (error instanceof ProfileLimitError) {
          throw new ApiError(
            409,
            'profile-limit',
            `An account can hold at most ${MAX_PROFILES} profiles: this push would make ${error.wouldHave}. ` +
              'Nothing in it was saved.',
          );
        }
        if (error instanceof QuotaExceededError) {
          // The numbers ride along so the app can say "480 MB of 512 MB used" in the user's language.
          throw new ApiError(
            409,
            'quota-exceeded',
            `This push would store ${error.wouldUse} bytes; the account may store ${error.limit}. Nothing in it was saved.`,
            {},
            { usage: error.usage, limit: error.limit, wouldUse: error.wouldUse },
          );
        }
        if (error instanceof AccountGoneError) throw unauthorized();
        throw error;
      }
    })
    .all('/push', methodNotAllowed('POST'))
    .get('/stream', (c) => {
      const session = c.get('session');
      if (deps.streams.countFor(session.accountId) >= MAX_STREAMS_PER_ACCOUNT) {
        throw new ApiError(429, 'rate-limited', 'Too many live streams are open for this account', {
          'Retry-After': '30',
        });
      }
      c.header('X-Accel-Buffering', 'no'); // a reverse proxy must pass events on as they come
      return streamSSE(c, (stream) =>
        runLiveStream(stream, {
          store,
          session,
          streams: deps.streams,
          now,
          heartbeatMs: deps.heartbeatMs,
        }),
      );
    })
    .all('/stream', methodNotAllowed('GET'));
}
