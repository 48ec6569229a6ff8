/**
 * The one zod import for every schema. It switches zod to jitless mode before any schema is built:
 * zod otherwise probes `new Function('')` when it constructs an object schema, which the web app's
 * CSP (no 'unsafe-eval') reports as a violation on every load. Interpreted parsing is plenty fast
 * for records of a few kilobytes.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
