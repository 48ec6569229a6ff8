/** Oncology: diagnosis, stage, treatments and the decision to be taken. */
export default {
  id: 'oncology',
  version: 1,
  title: { en: 'Oncology', fr: 'Oncologie' },
  questions: [
    {
      id: 'diagnosis',
      type: 'text',
      maxLength: 2000,
      required: true,
      prefill: 'conditions',
      label: {
        en: 'Diagnosis as written in the reports',
        fr: 'Diagnostic tel qu’écrit dans les comptes rendus',
      },
    },
    {
      id: 'confirmed-by-biopsy',
      type: 'yes-no',
      required: true,
      label: { en: 'Confirmed by a biopsy?', fr: 'Confirmé par une biopsie ?' },
    },
    {
      id: 'treatments',
      type: 'text',
      maxLength: 4000,
      required: false,
      prefill: 'medications',
      label: { en: 'Treatments received or proposed', fr: 'Traitements reçus ou proposés' },
    },
    {
      id: 'decision',
      type: 'text',
      maxLength: 2000,
      required: true,
      label: { en: 'The decision you are facing', fr: 'La décision à prendre' },
    },
  ],
} as const;
