/**
 * A declarative description of one form field: where its value goes in the record, how it is typed
 * in, and how it is labelled. One generic form renders any list of these, and `build-record.ts`
 * turns the typed values back into a record for the schema to judge.
 */
import type { RecordText } from './record-text.ts';

export type FieldInput =
  | 'text'
  | 'textarea'
  | 'tel'
  | 'email'
  | 'date'
  /** An instant: typed as local date and time, stored with the device's UTC offset. */
  | 'datetime'
  /** Typed as text ("72,5" or "72.5"), stored as a number when it reads as one. */
  | 'number'
  | 'integer'
  /** A number when it reads as one, otherwise the text ("positive"). */
  | 'number-or-text'
  | 'select'
  | 'checkbox'
  /** A textarea, one entry per line, stored as a list. */
  | 'list'
  /** Not shown: always this value (the unit of a blood pressure). */
  | 'fixed';

/** Form state: text for every input, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

export interface FieldSpec {
  /** Dotted path in the record: `substance`, `smoking.status`, `addresses.0.text`. */
  readonly path: string;
  readonly input: FieldInput;
  /** Key of the label, relative to `record.` (`fields.substance`, `measurementTypes.weight`). */
  readonly label: string;
  /** Key of a hint shown under the label, relative to `record.`. */
  readonly hint?: string;
  /** Marked as required next to the label; the schema decides what is really accepted. */
  readonly required?: boolean;
  /** select: the stored values, in display order. */
  readonly options?: readonly string[];
  /** select: the label of a value. */
  readonly optionLabel?: (value: string, text: RecordText) => string;
  /** select: starts on an empty "Choose…" entry instead of the first value. */
  readonly emptyChoice?: boolean;
  /** A new record starts with this value; a function for values that depend on the moment. */
  readonly initial?: string | boolean | (() => string);
  /** list: write an empty list when no line is filled (the schema requires the field). */
  readonly keepEmpty?: boolean;
  /**
   * Only written when another field of the same group has a value: the "home" choice of an
   * address means nothing without the address itself.
   */
  readonly companion?: boolean;
  /** A unit shown after the input: fixed text, or read from another field's value. */
  readonly suffix?: (values: FormValues, text: RecordText) => string;
  readonly autocomplete?: string;
}

/** The labels of a select's values under `record.options.<set>`. */
export function optionSet(set: string): (value: string, text: RecordText) => string {
  return (value, { tr }) => tr(`options.${set}.${value}`);
}
