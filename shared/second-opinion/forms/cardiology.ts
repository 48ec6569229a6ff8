/** Cardiology: symptoms, rhythm, pressure, tests already done. */
export default {
  id: 'cardiology',
  version: 1,
  title: { en: 'Cardiology', fr: 'Cardiologie' },
  questions: [
    {
      id: 'symptoms',
      type: 'choice',
      required: true,
      label: { en: 'Main symptom', fr: 'Symptôme principal' },
      options: [
        { value: 'chest-pain', label: { en: 'Chest pain', fr: 'Douleur thoracique' } },
        { value: 'palpitations', label: { en: 'Palpitations', fr: 'Palpitations' } },
        { value: 'breathlessness', label: { en: 'Breathlessness', fr: 'Essoufflement' } },
        { value: 'murmur', label: { en: 'Heart murmur', fr: 'Souffle cardiaque' } },
        { value: 'other', label: { en: 'Other', fr: 'Autre' } },
      ],
    },
    {
      id: 'fainting',
      type: 'yes-no',
      required: true,
      label: { en: 'Any fainting or near-fainting?', fr: 'Malaise ou perte de connaissance ?' },
    },
    {
      id: 'systolic',
      type: 'number',
      required: false,
      min: 40,
      max: 300,
      unit: 'mmHg',
      label: { en: 'Last systolic blood pressure', fr: 'Dernière pression artérielle systolique' },
    },
    {
      id: 'tests',
      type: 'text',
      maxLength: 4000,
      required: false,
      prefill: 'lab-results',
      label: {
        en: 'Tests already done (ECG, echocardiogram, lab results)',
        fr: 'Examens déjà faits (ECG, échographie, analyses)',
      },
    },
  ],
} as const;
