/**
 * Idle live streams: 1,000 accounts × 10 devices = 10,000 open `GET /api/sync/stream` connections
 * to the real server (SQLite) on 127.0.0.1, from raw sockets in this process (an HTTP client per
 * stream would measure the client). Prints the server's resident memory with them open, the time
 * for one change to reach the 10 streams of its account, and the time for a change in every
 * account (1,000 pushes at once) to reach all 10,000 streams. Bounded: loopback only, at most 200
 * connections being opened at a time, a hard deadline after which everything is torn down.
 *
 * Each process needs ~10,000 file descriptors; the server is started under `ulimit -n 20000` (a
 * shell raises its soft limit up to the hard one) and so is this bench when `npm run bench` runs it
 * (see SSE_STREAMS to run fewer where the hard limit is lower).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../shared/crypto/sodium.ts';
import { push, register, serverFetcher, testVault } from '../sync-server/src/testing/api-client.ts';
import { create, envelope } from '../sync-server/src/testing/envelopes.ts';
import { freePort } from '../sync-server/src/testing/postgres-cluster.ts';
import { median, report } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DEVICES = 10;
const STREAMS = Number(process.env.SSE_STREAMS ?? 10_000);
const ACCOUNTS = Math.ceil(STREAMS / DEVICES);
const OPENING_AT_ONCE = 200;
const DEADLINE_MS = 600_000;

interface Stream {
  readonly account: number;
  socket: Socket;
  text: string;
  /** Resolves when the stream's text contains `marker`. */
  waitFor(marker: string): Promise<number>;
}

function openStream(port: number, token: string, account: number): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const waiters: { marker: string; done: (at: number) => void }[] = [];
    const stream: Stream = {
      account,
      socket,
      text: '',
      waitFor(marker) {
        if (stream.text.includes(marker)) return Promise.resolve(performance.now());
        return new Promise((done) => waiters.push({ marker, done }));
      },
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      stream.text += chunk;
      for (let i = waiters.length - 1; i >= 0; i--) {
        const waiter = waiters[i];
        if (waiter && stream.text.includes(waiter.marker)) {
          waiters.splice(i, 1);
          waiter.done(performance.now());
        }
      }
    });
    socket.once('error', reject);
    socket.write(
      `GET /api/sync/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
        'Accept: text/event-stream\r\n\r\n',
    );
    stream.waitFor('"resync"').then(() => {
      if (!stream.text.startsWith('HTTP/1.1 200')) reject(new Error(stream.text.split('\r\n')[0]));
      else resolve(stream);
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  // The soft fd limit is raised to the hard one for the server alone; a limit is never lowered.
  const child = spawn(
    'sh',
    ['-c', `ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" --import tsx sync-server/src/main.ts`],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: join(dataDir, 'no-static'),
        // 1,000 registrations from one address: the per-IP limits are not what is measured here.
        RATE_LIMIT_SCALE: '10000',
      },
      stdio: 'ignore',
    },
  );
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    if (i > 400 || child.exitCode !== null) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function fdLimit(): number {
  return Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
}

export async function benchSse(): Promise<void> {
  // The soft limit of this process is inherited by the `sh` above; the bench itself needs one fd a stream.
  const limit = fdLimit();
  if (limit < STREAMS + 500) {
    console.log(
      `Idle SSE streams skipped: ulimit -n is ${limit}, ${STREAMS + 500} needed ` +
        `(run with a higher limit, or SSE_STREAMS=${Math.max(1000, limit - 1000)})`,
    );
    return;
  }
  await initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'carnet-sse-'));
  const port = await freePort();
  const server = await startServer(port, dir);
  const streams: Stream[] = [];
  const deadline = setTimeout(() => {
    console.log('Idle SSE streams: deadline reached, tearing down');
    for (const s of streams) s.socket.destroy();
    server.kill('SIGKILL');
    process.exit(1);
  }, DEADLINE_MS);
  try {
    const pid = server.pid ?? 0;
    const http = serverFetcher(`http://127.0.0.1:${port}`);
    const tokens: string[] = [];
    // A keep-alive socket the server closes just as the client reuses it fails a request on a
    // loaded machine: such a registration is simply tried again.
    const registerOnce = async (email: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await register(http, testVault(email));
        } catch (error) {
          if (attempt >= 5) throw error;
        }
      }
    };
    for (let a = 0; a < ACCOUNTS; a += 10) {
      const batch = Array.from({ length: Math.min(10, ACCOUNTS - a) }, (_, i) =>
        registerOnce(`sse${a + i}@example.org`),
      );
      tokens.push(...(await Promise.all(batch)));
    }
    const idle = rssMiB(pid);

    const openStart = performance.now();
    const pending = Array.from({ length: STREAMS }, (_, i) => i);
    const opener = async () => {
      for (let i = pending.shift(); i !== undefined; i = pending.shift()) {
        const account = i % ACCOUNTS;
        streams.push(await openStream(port, tokens[account] ?? '', account));
      }
    };
    await Promise.all(Array.from({ length: OPENING_AT_ONCE }, opener));
    const opened = performance.now() - openStart;
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // let the server settle, GC run
    const withStreams = rssMiB(pid);
    report(
      `Idle SSE: ${STREAMS.toLocaleString('en')} streams (${ACCOUNTS.toLocaleString('en')} accounts × ${DEVICES})`,
      `server RSS ${Math.round(withStreams)} MiB (${Math.round(idle)} MiB before; ` +
        `${(((withStreams - idle) * 1024) / STREAMS).toFixed(1)} KiB a stream); opened in ${(opened / 1000).toFixed(1)} s`,
    );

    // One change in one account → its 10 devices, three times, while all the others stay idle.
    const single: number[] = [];
    for (let run = 0; run < 3; run++) {
      const account = run;
      const mine = streams.filter((s) => s.account === account);
      const id = `one-${run}`;
      const start = performance.now();
      const arrived = Promise.all(mine.map((s) => s.waitFor(`"${id}"`)));
      await push(http, tokens[account] ?? '', [create(envelope(id))]);
      single.push(Math.max(...(await arrived)) - start);
    }
    report(
      `Idle SSE: one change → its account's ${DEVICES} streams`,
      `median ${median(single).toFixed(0)} ms of 3 (${single.map((ms) => ms.toFixed(0)).join(', ')})`,
    );

    // A change in every account at once → every stream.
    const start = performance.now();
    const arrived = Promise.all(streams.map((s) => s.waitFor('"all-1"')));
    const pushes = tokens.map((token) => push(http, token, [create(envelope('all-1'))]));
    await Promise.all(pushes);
    const pushed = performance.now() - start;
    const last = Math.max(...(await arrived)) - start;
    report(
      `Idle SSE: a change in each of ${ACCOUNTS.toLocaleString('en')} accounts → all ${STREAMS.toLocaleString('en')}`,
      `${Math.round(last)} ms to the last stream (the ${ACCOUNTS.toLocaleString('en')} pushes took ${Math.round(pushed)} ms); ` +
        `server RSS then ${Math.round(rssMiB(pid))} MiB`,
    );
  } finally {
    clearTimeout(deadline);
    for (const s of streams) s.socket.destroy();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone with `npx tsx bench/sse.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchSse();
