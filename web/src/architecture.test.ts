/**
 * The layering of `web/src` (docs/architecture.md §2.2), checked on the source the way
 * `sync-server/src/server-imports.test.ts` checks the server: read every module, follow its relative
 * imports, and fail on an edge the layering forbids. `import type` is erased at build time, so it
 * loads nothing and is not an edge. Test files and test helpers may reach anything.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'web/src');

/**
 * Folders from the bottom up: a folder imports only folders before it. Features sit between the
 * services and the composition (`strings` gathers every feature's dictionary, `app` is the shell).
 */
const LAYERS = [
  'core',
  'i18n',
  'responder',
  'db',
  'server',
  'records',
  'vault',
  'sync',
  'backup',
  'shares',
  'messaging',
  'notifications',
  'opinions',
  'reminders',
  'store',
  'ui',
  'features',
  'strings',
  'app',
  '(entry)',
] as const;

/** What a feature may take from another feature: the screens and widgets it offers to others. */
const FEATURE_PUBLIC: Readonly<Record<string, readonly string[]>> = {
  'features/appointments': [],
  'features/backup': ['web/src/features/backup/storage-settings.tsx'],
  'features/call': [
    'web/src/features/call/can-host.ts',
    'web/src/features/call/hourly-rate.ts',
    'web/src/features/call/hourly-rate-setting.tsx',
  ],
  'features/emergency': [
    'web/src/features/emergency/emergency-button.tsx',
    'web/src/features/emergency/lock-screen-copy.ts',
  ],
  'features/exchange': [
    'web/src/features/exchange/exchange-settings.tsx',
    'web/src/features/exchange/summary-downloads.tsx',
  ],
  'features/legal': [
    'web/src/features/legal/adverse-reaction-link.tsx',
    'web/src/features/legal/care-notice.tsx',
    'web/src/features/legal/terms-fields.tsx',
  ],
  'features/exercise': [
    'web/src/features/exercise/programme-follow-up.tsx',
    'web/src/features/exercise/programmes.ts',
  ],
  'features/pwa': ['web/src/features/pwa/update-app.ts'],
  'features/record': [
    'web/src/features/record/no-profile.tsx',
    'web/src/features/record/record-text.ts',
    'web/src/features/record/record-views.tsx',
    'web/src/features/record/summary.ts',
  ],
  'features/documents': [
    'web/src/features/documents/document-files.ts',
    'web/src/features/documents/object-urls.ts',
  ],
  'features/messages': [],
  'features/notifications': ['web/src/features/notifications/notification-settings.tsx'],
  'features/shares': [],
  'features/history': [],
  'features/sync': ['web/src/features/sync/passphrase-action.tsx', 'web/src/features/sync/sync-settings.tsx'],
  'features/vault': [
    'web/src/features/vault/auto-lock-setting.tsx',
    'web/src/features/vault/change-passphrase-form.tsx',
    'web/src/features/vault/recovery-key-setting.tsx',
    'web/src/features/vault/unlock-page.tsx',
  ],
};

/** Network primitives: only `web/src/server` (and the responder page's one report) may use them. */
const NETWORK =
  /(?<![.\w])(?:fetch|EventSource|XMLHttpRequest|WebSocket)\s*\(|new\s+(?:EventSource|XMLHttpRequest|WebSocket)\b/;

interface Module {
  /** Path from the repository root, e.g. `web/src/features/record/kind-page.tsx`. */
  readonly path: string;
  readonly source: string;
  /** Runtime imports (static and dynamic), resolved to paths from the repository root. */
  readonly imports: readonly string[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const isTest = (path: string): boolean =>
  /\.test\.tsx?$|\.test-util\.ts$|\/testing\//.test(path) || path === 'web/src/architecture.test.ts';

function readModules(): Module[] {
  return walk(WEB).map((file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"]*?from\s+)?'(\.[^']+)'/gm),
      ...source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g),
    ].map((m) => m[1] as string);
    const imports = specifiers.map((s) => relative(ROOT, resolve(dirname(file), s)));
    return { path: relative(ROOT, file), source, imports };
  });
}

/** The folder a module belongs to: a top-level folder of web/src, or one feature. */
function folderOf(path: string): string {
  const parts = path.replace(/^web\/src\//, '').split('/');
  if (parts.length === 1) return '(entry)';
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return parts[0] as string;
}

function layerOf(folder: string): number {
  const index = LAYERS.indexOf((folder.startsWith('features/') ? 'features' : folder) as never);
  if (index < 0) throw new Error(`web/src/${folder} is in no layer: add it to LAYERS`);
  return index;
}

/** Folders that import each other, directly or through others (strongly connected, Tarjan). */
function folderCycles(modules: readonly Module[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of modules) {
    const from = folderOf(m.path);
    for (const target of m.imports.filter((i) => i.startsWith('web/src/'))) {
      const to = folderOf(target);
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) visit(w);
      if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const all = readModules();
const modules = all.filter((m) => !isTest(m.path));
const features = modules.filter((m) => m.path.startsWith('web/src/features/'));

describe('web/src layering', () => {
  it('has no import cycle between folders', () => {
    expect(folderCycles(modules)).toEqual([]);
  });

  it('imports only downwards: each folder takes from the layers below it', () => {
    const offending = modules.flatMap((m) => {
      const from = folderOf(m.path);
      return m.imports
        .filter((i) => i.startsWith('web/src/'))
        .filter((i) => folderOf(i) !== from && !from.startsWith('features/'))
        .filter((i) => layerOf(folderOf(i)) >= layerOf(from))
        .map((i) => `${m.path} -> ${i}`);
    });
    expect(offending).toEqual([]);
  });

  it('keeps features on their own side: no other feature but its public modules', () => {
    const offending = features.flatMap((m) => {
      const own = folderOf(m.path);
      return m.imports
        .filter((i) => i.startsWith('web/src/') && folderOf(i) !== own)
        .filter((i) =>
          folderOf(i).startsWith('features/')
            ? !(FEATURE_PUBLIC[folderOf(i)] ?? []).includes(i)
            : layerOf(folderOf(i)) >= layerOf(own),
        )
        .map((i) => `${m.path} -> ${i}`);
    });
    expect(offending).toEqual([]);
  });

  it('keeps features away from libsodium: no shared/crypto import but base32 display', () => {
    const offending = features.flatMap((m) =>
      m.imports
        .filter((i) => i.startsWith('shared/crypto/') && i !== 'shared/crypto/base32.ts')
        .map((i) => `${m.path} -> ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it('calls sodium() nowhere in web/src, tests included: shared/crypto names every primitive', () => {
    const self = 'web/src/architecture.test.ts';
    const calling = all.filter((m) => m.path !== self && /\bsodium\(\)/.test(m.source));
    expect(calling.map((m) => m.path)).toEqual([]);
  });

  it('lets no feature talk to the network itself: web/src/server does', () => {
    const code = (m: Module) => m.source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(features.filter((m) => NETWORK.test(code(m))).map((m) => m.path)).toEqual([]);
  });

  it('sees the whole tree (a broken walk would pass every rule above)', () => {
    expect(modules.length).toBeGreaterThan(150);
    expect(new Set(modules.map((m) => folderOf(m.path)))).toContain('features/record');
    expect(modules.some((m) => m.imports.includes('web/src/store/app-context.tsx'))).toBe(true);
  });
});
