/**
 * The schema's verdict, in the user's language. The schemas speak English; their detailed issues
 * carry the code and parameters, and the form knows each field's translated label, so the message
 * is rebuilt from those. Refinements between fields carry only their English sentence: those are
 * listed here. A message this module cannot word falls back to the schema's English one.
 */
import type { DetailedIssue } from '../../../../shared/schema/readable-issues.ts';
import type { FieldSpec, FormValues } from './field-spec.ts';
import type { RecordText, TemplateArgs } from './record-text.ts';

/** Sentences of cross-field refinements in the schemas → their key under `record.issues`. */
const REFINEMENTS: Readonly<Record<string, string>> = {
  'Stop date must not be before start date': 'stopBeforeStart',
  'Abatement date must not be before onset date': 'abatementBeforeOnset',
  'Next due date must not be before the vaccination date': 'nextDueBeforeDate',
  'Systolic pressure must be higher than diastolic pressure': 'systolicNotAboveDiastolic',
  'Packs per day must be left empty for someone who never smoked': 'packsForNeverSmoker',
  'Record at least one of smoking, alcohol, diet or physical activity': 'lifestyleEmpty',
  'Reference range needs a low value, a high value or a text': 'referenceRangeEmpty',
  'Reference range high value must not be below the low value': 'referenceRangeOrder',
  'End date must not be before start date': 'endBeforeStart',
  'Record at least a status, an expected delivery date or an outcome': 'pregnancyEmpty',
  'Expected delivery date must be left empty when not pregnant': 'dueDateNotPregnant',
  'Name the trusted person': 'trustedPersonMissing',
  'Say what the directive says, who the person is, or where the document is': 'directiveEmpty',
};

/** Field-level checks worded by the schemas without parameters: matched on the sentence's end. */
const PATTERNS: readonly [RegExp, string][] = [
  [/may contain only digits, spaces, \+, -, dots and parentheses$/, 'phoneCharacters'],
  [/must have between (\d+) and (\d+) digits$/, 'phoneDigits'],
  [/may contain only letters, digits, spaces, dots and dashes$/, 'insuranceCharacters'],
  [/must be a UCUM unit code/, 'ucumUnit'],
];

/**
 * The field an issue belongs to: the field at that path, the list holding that entry
 * (`reactions.1` → `reactions`), or the first field of that group (`referenceRange` → its low value).
 */
export function fieldForPath(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  if (path === '') return undefined;
  const exact = fields.find((f) => f.path === path);
  if (exact) return exact;
  const holder = fields
    .filter((f) => path.startsWith(`${f.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return holder ?? fields.find((f) => f.path.startsWith(`${path}.`));
}

export function issueMessage(
  issue: DetailedIssue,
  fields: readonly FieldSpec[],
  values: FormValues,
  text: RecordText,
): string {
  const { tr, formatNumber } = text;
  const { detail } = issue;
  const refinement = REFINEMENTS[issue.message];
  if (refinement) return tr(`issues.${refinement}`);
  if (detail.code === 'unrecognized_key') {
    return tr('issues.unknownField', { field: issue.path.split('.').pop() ?? issue.path });
  }

  const field = fieldForPath(fields, issue.path);
  if (!field) return issue.message;
  const say = (key: string, args: TemplateArgs = {}) =>
    tr(`issues.${key}`, { field: tr(field.label), ...args });
  const unitText = field.suffix?.(values, text) ?? detail.unit;
  const unit = unitText ? ` ${unitText}` : '';
  const min = detail.minimum === undefined ? '' : formatNumber(detail.minimum);
  const max = detail.maximum === undefined ? '' : formatNumber(detail.maximum);

  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(issue.message);
    if (match) return say(key, { min: match[1] ?? '', max: match[2] ?? '' });
  }
  if (detail.missing && ['invalid_type', 'invalid_value', 'invalid_union'].includes(detail.code)) {
    return say('required');
  }
  if (detail.minimum !== undefined && detail.maximum !== undefined && detail.origin !== 'string') {
    return say('range', { min, max, unit });
  }
  switch (detail.code) {
    case 'invalid_type':
      if (detail.expected === 'int') return say('wholeNumber');
      if (detail.expected === 'number') return say('number');
      if (detail.expected === 'string') return say('text');
      return issue.message;
    case 'invalid_value': {
      const label = field.optionLabel;
      const choices = (detail.values ?? []).map((v) => (label ? label(v, text) : v));
      return say('choice', { values: choices.join(', ') });
    }
    case 'too_small':
      if (detail.origin === 'string') return detail.minimum === 1 ? say('empty') : say('tooShort', { min });
      return say('atLeast', { min, unit });
    case 'too_big':
      if (detail.origin === 'string') return say('tooLong', { max });
      if (detail.origin === 'array') return say('tooMany', { max });
      return say('atMost', { max, unit });
    case 'invalid_format':
      if (detail.format === 'date') return say('date');
      if (detail.format === 'datetime') return say('dateTime');
      if (detail.format === 'email') return say('email');
      return say('format');
    default:
      return issue.message;
  }
}
