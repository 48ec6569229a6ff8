/**
 * The answers to one form: `{questionId: value}`, a string for text and choice, a number, or a
 * boolean for yes-no and statements. `answersSchema(form, locale)` builds the zod schema from the
 * definition, with messages in the asker's language naming the question, so a person reads "Main
 * symptom: choose one of the options" rather than a zod code. A statement (the urgency disclaimer)
 * is answered only by ticking it.
 */
import { z } from '../schema/zod.ts';
import type { FormDefinition, FormLocale, Question } from './form-definition.ts';

export type AnswerValue = string | number | boolean;
export type Answers = Readonly<Record<string, AnswerValue>>;

const MESSAGES = {
  en: {
    required: 'an answer is needed',
    tooLong: (n: number) => `at most ${n} characters`,
    choice: 'choose one of the options',
    number: 'a number is needed',
    range: (min: number, max: number) => `between ${min} and ${max}`,
    accept: 'this must be ticked to go on',
    yesNo: 'answer yes or no',
    unknown: 'not a question of this form',
  },
  fr: {
    required: 'une réponse est nécessaire',
    tooLong: (n: number) => `${n} caractères au plus`,
    choice: 'choisissez une des options',
    number: 'un nombre est nécessaire',
    range: (min: number, max: number) => `entre ${min} et ${max}`,
    accept: 'cette case doit être cochée pour continuer',
    yesNo: 'répondez oui ou non',
    unknown: 'pas une question de ce formulaire',
  },
} as const;

function questionSchema(q: Question, locale: FormLocale): z.ZodType {
  const m = MESSAGES[locale];
  const say = (text: string) => `${q.label[locale]}: ${text}`;
  let schema: z.ZodType;
  switch (q.type) {
    case 'text':
      schema = z
        .string({ error: say(m.required) })
        .trim()
        .min(q.required ? 1 : 0, say(m.required))
        .max(q.maxLength, say(m.tooLong(q.maxLength)));
      break;
    case 'choice':
      schema = z.enum(q.options.map((o) => o.value) as [string, ...string[]], { error: say(m.choice) });
      break;
    case 'number':
      schema = z
        .number({ error: say(m.number) })
        .min(q.min, say(m.range(q.min, q.max)))
        .max(q.max, say(m.range(q.min, q.max)));
      break;
    case 'yes-no':
      schema = z.boolean({ error: say(m.yesNo) });
      break;
    case 'statement':
      schema = z.literal(true, { error: say(m.accept) });
      break;
  }
  return q.required ? schema : schema.optional();
}

export function answersSchema(form: FormDefinition, locale: FormLocale) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of form.questions) shape[q.id] = questionSchema(q, locale);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? MESSAGES[locale].unknown : undefined),
  });
}

export interface AnswerIssue {
  readonly questionId: string;
  readonly message: string;
}

/** Null when the answers are valid, else one message per question at fault, in `locale`. */
export function checkAnswers(
  form: FormDefinition,
  answers: unknown,
  locale: FormLocale,
): AnswerIssue[] | null {
  const result = answersSchema(form, locale).safeParse(answers);
  if (result.success) return null;
  return result.error.issues.map((issue) => ({
    questionId: String(issue.path[0] ?? ''),
    message: issue.message,
  }));
}
