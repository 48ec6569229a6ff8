/**
 * Turns a zod failure into `{ path, message }` pairs a person can read: `path` is dotted
 * (`reactions.0`), `message` a sentence naming the field. The record schemas carry their own
 * messages; this module only handles what zod reports structurally (unknown fields, unions).
 *
 * The messages are English. A UI that speaks another language asks for `detailedIssues` instead:
 * the same pairs plus what zod knew (the issue code, bounds, allowed values, whether the field was
 * missing), enough to word the message itself. The input value is never kept: it is health data.
 */
import type { z } from 'zod';

export interface ReadableIssue {
  readonly path: string;
  readonly message: string;
}

/** Zod's issue codes, plus `unrecognized_key`: one per unknown field (zod reports them together). */
export type IssueCode = Exclude<z.core.$ZodIssue['code'], 'unrecognized_keys'> | 'unrecognized_key';

export interface IssueDetail {
  readonly code: IssueCode;
  /** The field was absent (or empty and dropped by the form): "X is required". */
  readonly missing: boolean;
  /** What the size check applied to: `string` (characters), `number`, `array` (entries)… */
  readonly origin?: string;
  /** Lower bound of a size or range check, inclusive. */
  readonly minimum?: number;
  /** Upper bound of a size or range check, inclusive. */
  readonly maximum?: number;
  /** The unit printed after a range ("%", "mmHg"), when the schema names one. */
  readonly unit?: string;
  /** `invalid_type`: the type wanted (`string`, `number`, `int`, `array`…). */
  readonly expected?: string;
  /** `invalid_format`: `date`, `datetime`, `email`, `regex`… */
  readonly format?: string;
  /** `invalid_value`: the accepted values, for a list of choices. */
  readonly values?: readonly string[];
}

export interface DetailedIssue extends ReadableIssue {
  readonly detail: IssueDetail;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ReadableIssue[] };
export type DetailedParseResult<T> = { ok: true; value: T } | { ok: false; issues: DetailedIssue[] };

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function unknownFieldMessage(key: string): string {
  return `Unknown field "${key}" is not allowed here`;
}

export function readableIssues(error: z.ZodError): ReadableIssue[] {
  return detailedIssues(error).map(({ path, message }) => ({ path, message }));
}

/**
 * Range checks written as refinements (measurement bounds) carry no parameters, only their
 * message. Every range in the schemas is worded by the same helpers ("X must be between 0 and 100 %",
 * see `numberIn` and the measurement bounds), so the bounds are read back from that wording.
 */
const RANGE = /must be between (-?\d+(?:\.\d+)?) and (-?\d+(?:\.\d+)?)(?: (.+))?$/;

function rangeOf(message: string): Pick<IssueDetail, 'minimum' | 'maximum' | 'unit'> {
  const match = RANGE.exec(message);
  if (!match) return {};
  const [, min, max, unit] = match;
  return { minimum: Number(min), maximum: Number(max), ...(unit ? { unit } : {}) };
}

function toNumber(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

function detailOf(issue: z.core.$ZodIssue): IssueDetail {
  // Only meaningful when parsed with `reportInput`; otherwise zod drops the input and we say "missing"
  // for invalid types and values, which is also what they mean in a form that omits empty fields.
  const missing = issue.input === undefined;
  const base = { ...rangeOf(issue.message), missing };
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, code: issue.code, expected: issue.expected };
    case 'too_small':
      return { ...base, code: issue.code, origin: issue.origin, minimum: toNumber(issue.minimum) };
    case 'too_big':
      return { ...base, code: issue.code, origin: issue.origin, maximum: toNumber(issue.maximum) };
    case 'invalid_format':
      return { ...base, code: issue.code, format: issue.format };
    case 'invalid_value':
      return { ...base, code: issue.code, values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { ...base, code: 'unrecognized_key', missing: false };
    default:
      return { ...base, code: issue.code };
  }
}

/** Readable issues with what a translated UI needs to word them itself. */
export function detailedIssues(error: z.ZodError): DetailedIssue[] {
  return error.issues.flatMap((issue): DetailedIssue[] => {
    const detail = detailOf(issue);
    if (issue.code === 'unrecognized_keys') {
      // One entry per field, at that field's path, so a form can highlight it.
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: unknownFieldMessage(key),
        detail,
      }));
    }
    return [{ path: joinPath(issue.path), message: issue.message, detail }];
  });
}

/** `safeParse` with readable issues instead of a `ZodError`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: readableIssues(result.error) };
}

/** `safeParse` with detailed issues; the input is reported to zod's checks but never returned. */
export function parseWithDetails<S extends z.ZodType>(
  schema: S,
  input: unknown,
): DetailedParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: detailedIssues(result.error) };
}
