/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build, once, at build time,
 * so the server sends compressed bytes without spending CPU per request (http/static.ts picks one
 * from Accept-Encoding). Runs after every other plugin has written its files (the service worker
 * and its manifest come from vite-plugin-pwa's own closeBundle), so those are compressed too.
 * Node's zlib does it: no dependency, and rolldown-based Vite 8 needs nothing special.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|wasm|map)$/;
// Below this, the headers of an encoded response weigh about as much as what compression saves.
const MIN_BYTES = 1024;
// The service worker script is what the browser compares byte for byte to detect a new version; it
// is served as it is on disk, so a compressed copy left from another build can never hide an update.
const NEVER = /(?:^|\/)sw\.js$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Compresses the files of `dir` in place; returns how many were compressed. */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || NEVER.test(path)) continue;
    const bytes = readFileSync(path);
    if (bytes.length < MIN_BYTES) continue;
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    // A compressed copy that is not smaller would only cost the client a decode.
    if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
    if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
    count++;
  }
  return count;
}

export function precompress(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'carnet-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!config) return;
        const count = precompressDir(config.build.outDir);
        config.logger.info(`precompressed ${count} files (.br, .gz)`);
      },
    },
  };
}
