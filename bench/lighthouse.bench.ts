/**
 * Lighthouse (mobile, the CLI's defaults: simulated slow 4G and 4× CPU slowdown) on `/` and `/e`,
 * served from the production build by the real server on loopback. Figures are printed, never
 * asserted; without Chromium the figure is skipped with a message. Each page runs three times and
 * the median is printed, because a shared machine moves single runs by several points.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../sync-server/src/testing/postgres-cluster.ts';
import { spawnServer } from '../sync-server/src/testing/spawned-server.ts';
import { median, report } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

interface Audit {
  numericValue?: number;
  details?: { overallSavingsBytes?: number };
}
interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit | undefined>;
}

export interface PageFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  unusedJs: number;
}

function runLighthouse(url: string): PageFigures {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/lighthouse'),
    [
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices',
      // Loopback only: every other host name fails to resolve, so nothing leaves the machine.
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}: ${result.stderr.trim()}`);
  const lhr = JSON.parse(result.stdout) as LighthouseReport;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    unusedJs: lhr.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
  };
}

function medianFigures(runs: PageFigures[]): PageFigures {
  const pick = (key: keyof PageFigures) => median(runs.map((r) => r[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    fcp: pick('fcp'),
    lcp: pick('lcp'),
    cls: pick('cls'),
    tbt: pick('tbt'),
    unusedJs: pick('unusedJs'),
  };
}

function describe(f: PageFigures): string {
  return (
    `perf ${f.performance}, a11y ${f.accessibility}, bp ${f.bestPractices}; ` +
    `FCP ${(f.fcp / 1000).toFixed(1)} s, LCP ${(f.lcp / 1000).toFixed(1)} s, CLS ${f.cls.toFixed(3)}, ` +
    `TBT ${Math.round(f.tbt)} ms, unused JS ${Math.round(f.unusedJs / 1024)} KiB`
  );
}

/** Serves `distDir` (default `dist`, built beforehand) and prints the median of RUNS runs per page. */
export async function benchLighthouse(distDir = join(ROOT, 'dist')): Promise<void> {
  if (!existsSync(CHROME)) {
    console.log(`Lighthouse skipped: no Chromium at ${CHROME} (set CHROMIUM_PATH)`);
    return;
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    console.log(`Lighthouse skipped: no build in ${distDir} (run npm run build)`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'carnet-lighthouse-'));
  const server = await spawnServer({
    port: await freePort(),
    dataDir,
    quiet: true,
    env: { STATIC_DIR: distDir },
  });
  try {
    for (const path of ['/', '/e']) {
      const runs: PageFigures[] = [];
      // A run that fails (Lighthouse sometimes loses the trace on a loaded machine) is retried once.
      for (let i = 0, failures = 0; runs.length < RUNS && failures <= RUNS; i++) {
        try {
          const figures = runLighthouse(`${server.baseUrl}${path}`);
          if (process.env.LIGHTHOUSE_VERBOSE) console.log(`  ${path} run ${i + 1}: ${describe(figures)}`);
          runs.push(figures);
        } catch (error) {
          failures++;
          console.log(`  ${path} run ${i + 1} failed: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (runs.length === 0) {
        console.log(`Lighthouse mobile ${path}: every run failed`);
        continue;
      }
      report(`Lighthouse mobile ${path} (median of ${runs.length})`, describe(medianFigures(runs)));
    }
  } finally {
    await server.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run alone with `npx tsx bench/lighthouse.bench.ts [distDir]`.
if (import.meta.url === `file://${process.argv[1]}`) await benchLighthouse(process.argv[2]);
