/** Test helpers for the schemas; not exported from the package index. */
import type { z } from 'zod';
import { parseWith, type ReadableIssue } from './readable-issues.ts';
import { parseRecord } from './record.ts';

/** The readable issues for an input that must be rejected; throws if it parses. */
export function recordIssues(input: unknown): ReadableIssue[] {
  const result = parseRecord(input);
  if (result.ok) throw new Error(`expected the record to be rejected: ${JSON.stringify(input)}`);
  return result.issues;
}

export function issuesOf(schema: z.ZodType, input: unknown): ReadableIssue[] {
  const result = parseWith(schema, input);
  if (result.ok) throw new Error(`expected the input to be rejected: ${JSON.stringify(input)}`);
  return result.issues;
}
