import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { fhirDefinitions } from './scripts/fhir-definitions-plugin.ts';
import { firstScreenStrings } from './scripts/first-screen-strings-plugin.ts';
import { precompress } from './scripts/precompress-plugin.ts';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The same build is served by the sync server in production and in e2e runs, so nothing here may
// depend on the dev server (no dev-only plugins, no injected scripts: the CSP forbids inline code).
export default defineConfig({
  root: fromRoot('./web'),
  publicDir: fromRoot('./public'),
  plugins: [
    solid(),
    // The FHIR R4 definitions for the import screen's validator, trimmed, in a chunk of their own.
    fhirDefinitions(),
    // The first screen's strings in both languages, picked from the dictionaries (web/src/strings).
    firstScreenStrings(),
    VitePWA({
      strategies: 'generateSW',
      // The app registers the worker itself (features/pwa) so it can ask before updating.
      registerType: 'prompt',
      injectRegister: false,
      devOptions: { enabled: false },
      // The icons are already in the precache through globPatterns; listing them again duplicates entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Carnet',
        short_name: 'Carnet',
        description: 'An offline-first, end-to-end-encrypted personal health record.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0f5c57',
        background_color: '#f6f4ef',
        lang: 'en',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Only the app's own build output is precached. Nothing under /api is ever cached: health
        // data lives encrypted in IndexedDB, never in Cache Storage (there is no runtimeCaching).
        // The plugin adds the web manifest (and its icons) to the precache itself.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The main bundle is about 1 MB and the KDF worker (libsodium) about 0.5 MB.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        // `/e` is the responder page (e.html): the precache's clean-URL match serves it, never index.html.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/healthz(\/|$)/, /^\/peerjs(\/|$)/, /^\/e$/],
        cleanupOutdatedCaches: true,
        // Push and notification-click handlers (public/notifications-sw.js), served as they are.
        importScripts: ['/notifications-sw.js'],
        // A new version waits until the user agrees to reload (see update-prompt.tsx).
        skipWaiting: false,
        clientsClaim: false,
      },
    }),
    // Last: compresses what every plugin above wrote, including the service worker.
    precompress(),
  ],
  build: {
    // CARNET_OUT_DIR lets parallel e2e runs build side by side without clobbering each other.
    outDir: fromRoot(`./${process.env.CARNET_OUT_DIR ?? 'dist'}`),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // The responder page (`/e`) is its own tiny entry: no RxDB, no libsodium, no router.
      input: { index: fromRoot('./web/index.html'), e: fromRoot('./web/e.html') },
    },
  },
});
