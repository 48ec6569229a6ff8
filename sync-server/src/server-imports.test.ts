/**
 * The server never imports a decrypt path (docs/architecture.md §1.2, §2.3: "the server imports shared/protocol
 * and shared/schema of envelopes, never a decrypt path"). Checked on the source: from every module
 * the running server loads, follow relative imports and list the shared/crypto modules reached.
 * Test helpers (testing/, guarantees/, *.test.ts) may use the whole crypto core.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = resolve(ROOT, 'sync-server/src/main.ts');
/** What the server may load from shared/crypto: hashing, MACs, randomness, signature checks. */
const ALLOWED = [
  'shared/crypto/auth-proof.ts',
  'shared/crypto/base32.ts', // room codes for calls (text encoding only)
  'shared/crypto/encoding.ts',
  'shared/crypto/errors.ts',
  'shared/crypto/kdf-params.ts',
  'shared/crypto/sodium.ts',
];

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // `import type` is erased at runtime, so it loads nothing.
  const specifiers = [
    ...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"]*?from\s+)?'(\.[^']+)'/gm),
  ].map((m) => m[1] as string);
  return specifiers.map((s) => resolve(dirname(file), s));
}

it('loads no decrypt path from shared/crypto', () => {
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.ts')) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  expect([...seen].map((f) => relative(ROOT, f))).toEqual(
    expect.arrayContaining(['sync-server/src/routes/sync.ts', 'sync-server/src/store/postgres.ts']),
  );
  const crypto = [...seen].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('shared/crypto/'));
  expect(crypto.sort()).toEqual(ALLOWED);
  expect([...seen].some((f) => f.includes('/testing/'))).toBe(false);
});
