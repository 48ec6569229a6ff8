/** General medicine: the open question, symptoms and their duration. */
export default {
  id: 'general-medicine',
  version: 1,
  title: { en: 'General medicine', fr: 'Médecine générale' },
  questions: [
    {
      id: 'symptoms',
      type: 'text',
      maxLength: 4000,
      required: true,
      label: { en: 'Symptoms', fr: 'Symptômes' },
    },
    {
      id: 'duration-days',
      type: 'number',
      required: false,
      min: 0,
      max: 36500,
      label: { en: 'For how many days?', fr: 'Depuis combien de jours ?' },
    },
    {
      id: 'tests',
      type: 'text',
      maxLength: 4000,
      required: false,
      prefill: 'lab-results',
      label: { en: 'Tests already done', fr: 'Examens déjà faits' },
    },
  ],
} as const;
