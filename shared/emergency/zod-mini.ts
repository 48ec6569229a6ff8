/**
 * zod's tree-shakable "mini" build for the emergency schema: the responder page must stay under
 * 30 KB of gzipped JS, and the classic build alone is about 25 KB. Same jitless setting as
 * `shared/schema/zod.ts`, for the same reason (the CSP forbids the `new Function` probe).
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
