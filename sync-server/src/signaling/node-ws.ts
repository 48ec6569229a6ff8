/**
 * The server build of `ws`, loaded by its file: vitest runs with the `browser` resolve condition (for
 * Solid), under which `import 'ws'` gets a stub that throws. Under plain Node this is the same module.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as WebSocketModule from 'ws';

const require = createRequire(import.meta.url);
const ws = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as typeof WebSocketModule;

export const NodeWebSocket = ws.WebSocket;
export const NodeWebSocketServer = ws.WebSocketServer;
export type NodeWebSocket = WebSocketModule.WebSocket;
