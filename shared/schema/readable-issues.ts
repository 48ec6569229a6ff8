/**
 * Turns a zod failure into `{ path, message }` pairs a person can read: `path` is dotted
 * (`reactions.0`), `message` a sentence naming the field. The record schemas carry their own
 * messages; this module only handles what zod reports structurally (unknown fields, unions).
 */
import type { z } from 'zod';

export interface ReadableIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ReadableIssue[] };

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function readableIssues(error: z.ZodError): ReadableIssue[] {
  return error.issues.flatMap((issue): ReadableIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      // One entry per field, at that field's path, so a form can highlight it.
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: `Unknown field "${key}" is not allowed here`,
      }));
    }
    return [{ path: joinPath(issue.path), message: issue.message }];
  });
}

/** `safeParse` with readable issues instead of a `ZodError`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: readableIssues(result.error) };
}
