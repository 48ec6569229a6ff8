/**
 * Browser replication figures (issue 15): the app's own store, sync controller and replication in
 * headless Chromium (bench/browser/replication-harness.ts), against the real server on loopback.
 * Device A pushes N already-sealed records of about 1 KB; a fresh device B signs in and pulls them
 * until all are decrypted in memory (sign-in included); then A adds 100 records and the time until
 * B has them decrypted is the live latency. Three runs; min/median/max printed, with B's JS heap.
 *
 * - `BENCH_QUICK=1`: 2,000 records and one run, to iterate (`BENCH_RECORDS`, `BENCH_RUNS` override).
 * - `BENCH_BASELINE=<checkout>`: also measures that checkout of the repository (its web/src and its
 *   server), alternating with this one run by run, so both see the same machine load.
 * - `BENCH_PROFILE=<dir>`: Chromium CPU profiles of each phase of this checkout's first run
 *   (`.cpuprofile`, open in DevTools) and the top functions by self time, printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/support/chromium.ts';
import { median, report } from './measure.ts';

const HERE = new URL('..', import.meta.url).pathname;
const PORT = 8797;
const QUICK = process.env.BENCH_QUICK === '1';
const RECORDS = Number(process.env.BENCH_RECORDS ?? (QUICK ? 2_000 : 10_000));
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const LIVE = 100;
const PASSPHRASE = 'bench-orchard-glacier-thimble';

interface Target {
  readonly label: string;
  readonly root: string;
  readonly dist: string;
}

interface RunResult {
  pushMs: number;
  pullMs: number;
  signInMs: number;
  liveMs: number[];
  heapMiB: number;
}

type Bench = {
  createAccount(serverUrl: string, email: string, passphrase: string): Promise<void>;
  push(count: number): Promise<number>;
  signIn(
    serverUrl: string,
    email: string,
    passphrase: string,
    count: number,
  ): Promise<{ totalMs: number; signInMs: number; records: number }>;
  whenRecords(count: number): Promise<number>;
  add(count: number): Promise<number>;
  recordCount(): number;
};
type BenchWindow = { carnetBench: Bench };

function build(target: Target): void {
  const result = spawnSync(
    join(HERE, 'node_modules/.bin/vite'),
    ['build', '--config', 'bench/browser/replication.vite.config.ts'],
    {
      cwd: HERE,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        BENCH_OUT_DIR: target.dist,
        ...(target.root === HERE ? {} : { BENCH_APP_ROOT: target.root }),
      },
    },
  );
  if (result.status !== 0) throw new Error(`harness build failed for ${target.label}`);
}

async function startServer(target: Target, dataDir: string) {
  // A server left on the port (another run) would silently answer instead of this one.
  const taken = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is already in use`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: target.root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: target.dist,
      RATE_LIMIT_SCALE: '100',
    },
    stdio: 'ignore',
  });
  // Generous: on a loaded machine tsx alone may take half a minute to start the server.
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i === 599 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function devicePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  await page.goto(`http://127.0.0.1:${PORT}/replication.html`);
  await page.waitForFunction(() => 'carnetBench' in window);
  return page;
}

/** Self time by function, from a CDP CPU profile: where the time went. */
function topSelfTime(profile: ProfileJson, limit = 18): string[] {
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1);
    if (!node) continue;
    const frame = node.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([name, ms]) =>
        `  ${ms.toFixed(0).padStart(6)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`,
    );
}

interface ProfileJson {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Starts a CPU profile of `page`; the returned function stops it, saves it and prints its top. */
async function startProfile(page: Page, dir: string, name: string): Promise<() => Promise<void>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: ProfileJson };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`Profile of ${name} (top self time, page main thread):`);
    for (const line of topSelfTime(profile)) console.log(line);
    await cdp.detach();
  };
}

async function profiled<T>(page: Page, dir: string | null, name: string, fn: () => Promise<T>): Promise<T> {
  if (!dir) return fn();
  const stop = await startProfile(page, dir, name);
  const result = await fn();
  await stop();
  return result;
}

async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

const step = (what: string): void => {
  if (process.env.BENCH_VERBOSE) console.log(`  ${new Date().toISOString()} ${what}`);
};

async function oneRun(target: Target, run: number, profileDir: string | null): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'carnet-bench-repl-'));
  const server = await startServer(target, dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
  try {
    const serverUrl = `http://127.0.0.1:${PORT}`;
    const email = `bench-${run}-${Date.now()}@example.test`;
    const a = await devicePage(browser);
    await a.evaluate(
      ([url, mail, pass]) => (window as unknown as BenchWindow).carnetBench.createAccount(url, mail, pass),
      [serverUrl, email, PASSPHRASE] as const,
    );
    step('account created');
    const pushMs = await profiled(a, profileDir, 'push', () =>
      a.evaluate((n) => (window as unknown as BenchWindow).carnetBench.push(n), RECORDS),
    );
    step('pushed');
    const b = await devicePage(browser);
    const pulled = await profiled(b, profileDir, 'pull', () =>
      b.evaluate(
        ([url, mail, pass, n]) => (window as unknown as BenchWindow).carnetBench.signIn(url, mail, pass, n),
        [serverUrl, email, PASSPHRASE, RECORDS] as const,
      ),
    );
    step('pulled');
    const heap = await heapMiB(b);
    const liveMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const target = RECORDS + LIVE * (i + 1);
      const seen = b.evaluate((n) => (window as unknown as BenchWindow).carnetBench.whenRecords(n), target);
      // Let B settle (its status and stream) before A writes.
      await new Promise((r) => setTimeout(r, 500));
      // The receiving side too: where B spends the live path.
      const stopB = i === 0 && profileDir ? await startProfile(b, profileDir, 'live-b') : null;
      const sent = await profiled(a, i === 0 ? profileDir : null, 'live-a', () =>
        a.evaluate((n) => (window as unknown as BenchWindow).carnetBench.add(n), LIVE),
      );
      liveMs.push((await seen) - sent);
      await stopB?.();
    }
    return { pushMs, pullMs: pulled.totalMs, signInMs: pulled.signInMs, liveMs, heapMiB: heap };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const range = (values: number[]): string =>
  `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

export async function benchReplication(): Promise<void> {
  const targets: Target[] = [
    { label: 'this checkout', root: HERE, dist: join(HERE, 'dist-bench-replication') },
  ];
  const baseline = process.env.BENCH_BASELINE;
  if (baseline) {
    targets.unshift({
      label: 'baseline',
      root: resolve(baseline),
      dist: join(HERE, 'dist-bench-replication-baseline'),
    });
  }
  for (const target of targets) build(target);
  const results = new Map<Target, RunResult[]>(targets.map((t) => [t, []]));
  const profileDir = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;
  for (let run = 0; run < RUNS; run++) {
    for (const target of targets) {
      const profile = run === 0 && target.root === HERE ? profileDir : null;
      const result = await oneRun(target, run, profile);
      results.get(target)?.push(result);
      console.log(
        `  run ${run + 1} ${target.label}: push ${result.pushMs.toFixed(0)} ms, pull ${result.pullMs.toFixed(0)} ms (sign-in ${result.signInMs.toFixed(0)}), live ${result.liveMs.map((v) => v.toFixed(0)).join('/')} ms, heap ${result.heapMiB.toFixed(0)} MiB`,
      );
    }
  }
  for (const target of targets) {
    const list = results.get(target) ?? [];
    const suffix = targets.length > 1 ? ` [${target.label}]` : '';
    const n = RECORDS.toLocaleString('en');
    report(`Browser: A pushes ${n} records of ~1 KB${suffix}`, range(list.map((r) => r.pushMs)));
    report(
      `Browser: fresh B signs in → ${n} decrypted${suffix}`,
      `${range(list.map((r) => r.pullMs))}, sign-in ${range(list.map((r) => r.signInMs))}`,
    );
    report(`Browser: ${LIVE} new on A → decrypted on B${suffix}`, range(list.flatMap((r) => r.liveMs)));
    report(
      `Browser: B's JS heap with ${n} records${suffix}`,
      `${median(list.map((r) => r.heapMiB)).toFixed(0)} MiB`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'bench/replication.bench.ts')) {
  await benchReplication();
}
