/** Neurology: the symptom, its course, seizures, imaging. */
export default {
  id: 'neurology',
  version: 1,
  title: { en: 'Neurology', fr: 'Neurologie' },
  questions: [
    {
      id: 'symptom',
      type: 'choice',
      required: true,
      label: { en: 'Main symptom', fr: 'Symptôme principal' },
      options: [
        { value: 'headache', label: { en: 'Headaches', fr: 'Maux de tête' } },
        { value: 'seizures', label: { en: 'Seizures', fr: 'Crises d’épilepsie' } },
        { value: 'weakness', label: { en: 'Weakness or numbness', fr: 'Faiblesse ou engourdissement' } },
        { value: 'memory', label: { en: 'Memory', fr: 'Mémoire' } },
        { value: 'other', label: { en: 'Other', fr: 'Autre' } },
      ],
    },
    {
      id: 'course',
      type: 'text',
      maxLength: 2000,
      required: true,
      label: {
        en: 'Since when, and how has it changed?',
        fr: 'Depuis quand, et comment cela a-t-il évolué ?',
      },
    },
    {
      id: 'imaging',
      type: 'text',
      maxLength: 4000,
      required: false,
      label: { en: 'MRI, scan or EEG already done', fr: 'IRM, scanner ou EEG déjà réalisés' },
    },
  ],
} as const;
