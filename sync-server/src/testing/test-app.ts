/** An app on a fresh SQLite store in a temporary folder, for `app.request()` tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { createApp } from '../app.ts';
import type { AuthRateLimitConfig } from '../auth/rate-limit.ts';
import type { LogSink } from '../http/logger.ts';
import type { ApiOptions } from '../routes/deps.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../store/sqlite.ts';
import type { Store } from '../store/store.ts';
import type { Fetcher } from './api-client.ts';

const rule = { limit: 10_000, windowMs: 60_000 };
/** Limits no ordinary test reaches; the rate-limit tests pass their own. */
export const LOOSE_RATE_LIMITS: AuthRateLimitConfig = {
  register: { ip: rule },
  prelogin: { ip: rule, account: rule },
  challenge: { ip: rule, account: rule },
  login: { ip: rule, account: rule },
};

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly fetcher: Fetcher;
  readonly dir: string;
  close(): Promise<void>;
}

export async function createTestApp(
  options: Partial<Omit<ApiOptions, 'store'>> & { log?: LogSink; store?: Store } = {},
): Promise<TestApp> {
  await initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'carnet-app-'));
  const store = options.store ?? openSqliteStore(join(dir, SQLITE_FILE_NAME));
  const app = createApp({
    ...(options.log ? { log: options.log } : {}),
    api: {
      rateLimits: LOOSE_RATE_LIMITS,
      serverKey: sodium().randombytes_buf(32),
      ...options,
      store,
    },
  });
  return {
    app,
    store,
    dir,
    fetcher: async (path, init) => app.request(path, init),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
