import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.ts';
import { CONSENT_KINDS, consentText, currentConsentVersion } from './consents.ts';
import { opinionSummaryContentSchema } from './content.ts';
import {
  FORM_LOCALES,
  type FormDefinition,
  formDefinitionSchema,
  OPINION_FIELDS,
} from './form-definition.ts';
import { FIELD_FORMS, PRE_FORM } from './forms/index.ts';
import { prefillAnswers } from './prefill.ts';

/** A valid answer for every question, built from the definition alone. */
function validAnswers(form: FormDefinition): Record<string, string | number | boolean> {
  const answers: Record<string, string | number | boolean> = {};
  for (const q of form.questions) {
    if (q.type === 'text') answers[q.id] = 'Since March';
    if (q.type === 'yes-no' || q.type === 'statement') answers[q.id] = true;
    if (q.type === 'choice') answers[q.id] = q.options[0]?.value ?? '';
    if (q.type === 'number') answers[q.id] = q.min;
  }
  return answers;
}

describe('second-opinion forms are data', () => {
  it('has a form for each of the six fields and a pre-form, each worded in both languages', () => {
    expect(Object.keys(FIELD_FORMS).sort()).toEqual([...OPINION_FIELDS].sort());
    for (const form of [PRE_FORM, ...Object.values(FIELD_FORMS)]) {
      for (const q of form.questions)
        for (const locale of FORM_LOCALES) expect(q.label[locale].length).toBeGreaterThan(0);
    }
  });

  it('refuses a definition with a repeated question id or a missing French wording', () => {
    const q = { id: 'a', type: 'yes-no', required: true, label: { en: 'A', fr: 'A' } };
    const optionalStatement = { ...q, type: 'statement', required: false };
    expect(
      formDefinitionSchema.safeParse({
        id: 'oncology',
        version: 1,
        title: { en: 'O', fr: 'O' },
        questions: [optionalStatement],
      }).success,
    ).toBe(false);
    expect(
      formDefinitionSchema.safeParse({
        id: 'cardiology',
        version: 1,
        title: { en: 'C', fr: 'C' },
        questions: [q, q],
      }).success,
    ).toBe(false);
    expect(
      formDefinitionSchema.safeParse({ id: 'cardiology', version: 1, title: { en: 'C' }, questions: [q] })
        .success,
    ).toBe(false);
  });

  for (const field of OPINION_FIELDS) {
    for (const locale of FORM_LOCALES) {
      it(`${field} (${locale}): valid answers pass, a missing required one is named in ${locale}`, () => {
        const form = FIELD_FORMS[field];
        expect(checkAnswers(form, validAnswers(form), locale)).toBeNull();
        const required = form.questions.find((q) => q.required);
        if (!required) throw new Error('every field form has a required question');
        const { [required.id]: _left, ...missing } = validAnswers(form);
        const issues = checkAnswers(form, missing, locale);
        expect(issues).toHaveLength(1);
        expect(issues?.[0]?.questionId).toBe(required.id);
        expect(issues?.[0]?.message.startsWith(required.label[locale])).toBe(true);
        expect(checkAnswers(form, { ...validAnswers(form), smuggled: 'x' }, locale)).not.toBeNull();
      });
    }
  }

  it('checks choices, ranges and the urgency statement, in French too', () => {
    const cardio = FIELD_FORMS.cardiology;
    const wrongChoice = checkAnswers(cardio, { ...validAnswers(cardio), symptoms: 'hiccups' }, 'fr');
    expect(wrongChoice?.[0]?.message).toBe('Symptôme principal: choisissez une des options');
    const tooHigh = checkAnswers(cardio, { ...validAnswers(cardio), systolic: 400 }, 'en');
    expect(tooHigh?.[0]?.message).toBe('Last systolic blood pressure: between 40 and 300');
    const notAccepted = checkAnswers(PRE_FORM, { ...validAnswers(PRE_FORM), 'not-urgent': false }, 'fr');
    expect(notAccepted?.[0]?.message).toContain('cette case doit être cochée');
    // A yes-no question is answered by either; leaving it out is refused when it is required.
    expect(checkAnswers(cardio, { ...validAnswers(cardio), fainting: false }, 'en')).toBeNull();
  });

  it('prefills text questions from the profile records, one line each', () => {
    const answers = prefillAnswers(PRE_FORM, [
      { kind: 'condition', name: 'Ventricular septal defect' },
      { kind: 'medication', name: 'Furosemide', frequency: 'twice a day' },
      { kind: 'allergy', substance: 'Penicillin' },
      { kind: 'note' },
    ]);
    expect(answers).toEqual({
      history: 'Ventricular septal defect',
      treatment: 'Furosemide, twice a day',
      allergies: 'Penicillin',
    });
    expect(
      prefillAnswers(FIELD_FORMS.cardiology, [
        { kind: 'lab-result', testName: 'BNP', value: 80, unit: 'ng/L' },
      ]),
    ).toEqual({
      tests: 'BNP: 80 ng/L',
    });
  });

  it('has a current text for every consent in both languages', () => {
    for (const kind of CONSENT_KINDS)
      for (const locale of FORM_LOCALES)
        expect(consentText(kind, currentConsentVersion(kind), locale)).toBeTruthy();
  });

  it('lets the summary carry nothing but field, age, question and language', () => {
    const summary = {
      v: 1,
      field: 'cardiology',
      ageYears: 7,
      question: 'Is surgery needed?',
      language: 'en',
    };
    expect(opinionSummaryContentSchema.safeParse(summary).success).toBe(true);
    expect(opinionSummaryContentSchema.safeParse({ ...summary, name: 'Léa' }).success).toBe(false);
  });
});
