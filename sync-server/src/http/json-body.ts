/**
 * Every request body goes through here: JSON only (415 otherwise), a size limit per route (413,
 * checked before anything is parsed), then its zod schema (400 with the fields at fault). Messages
 * name fields and rules, never values: the body is not echoed back, and never logged.
 */

import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

export const KIB = 1024;
export const MIB = 1024 * KIB;
/** Default for small requests: auth, account, pull. */
export const SMALL_BODY_LIMIT = 64 * KIB;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const MAX_ISSUES = 5;
const MAX_MESSAGE = 160;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line a developer can act on: `rows.0.newDocumentState.rev: Revision must be at least 1; …`. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = clip(issue.path.map(String).join('.'), 80);
    // Unknown keys are part of the body: say that there are some, not what they are.
    const message = issue.code === 'unrecognized_keys' ? 'unknown fields are not allowed' : issue.message;
    return `${path || 'body'}: ${clip(message, MAX_MESSAGE)}`;
  });
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : '';
  return `Invalid request: ${parts.join('; ')}${more}`;
}

export function jsonBody<S extends z.ZodType>(schema: S, maxBytes: number = SMALL_BODY_LIMIT) {
  const tooLarge = (): never => {
    throw new ApiError(413, 'payload-too-large', `The request body must be at most ${maxBytes} bytes`);
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<{ Variables: { body: z.output<S> } }>(async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      throw new ApiError(415, 'unsupported-media-type', 'The request body must be application/json');
    }
    let parsed: z.output<S> | undefined;
    const parse = async () => {
      let bytes: ArrayBuffer;
      try {
        bytes = await c.req.arrayBuffer();
      } catch {
        throw new ApiError(400, 'bad-request', 'The request body could not be read');
      }
      // A lenient decoder would turn bad bytes into U+FFFD and store a different string than the
      // client sent (a signed or hashed field would then never match): refuse them instead.
      let text: string;
      try {
        text = STRICT_UTF8.decode(bytes);
      } catch {
        throw new ApiError(400, 'invalid-utf8', 'The request body is not valid UTF-8');
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'bad-request', 'The request body is not valid JSON');
      }
      const result = schema.safeParse(json);
      if (!result.success) throw new ApiError(400, 'bad-request', describeIssues(result.error));
      parsed = result.data;
    };
    // A declared length is checked here, as bodyLimit would, and the body read straight from the
    // socket: bodyLimit reads `req.raw.body`, which makes the Node adapter build a whole web Request
    // and stream for every call (about a tenth of a loaded pull's CPU, bench/pull-profile.ts).
    // Node's parser never delivers more bytes than Content-Length. Chunked bodies go through bodyLimit.
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && /^\d+$/.test(declared) && c.req.header('Transfer-Encoding') === undefined) {
      if (Number(declared) > maxBytes) tooLarge();
      await parse();
    } else {
      await limit(c, parse);
    }
    c.set('body', parsed as z.output<S>);
    await next();
  });
}
