/** Dermatology: the lesion, its change, photos. */
export default {
  id: 'dermatology',
  version: 1,
  title: { en: 'Dermatology', fr: 'Dermatologie' },
  questions: [
    {
      id: 'lesion',
      type: 'text',
      maxLength: 2000,
      required: true,
      label: { en: 'Describe the lesion or the rash', fr: 'Décrivez la lésion ou l’éruption' },
    },
    {
      id: 'changing',
      type: 'yes-no',
      required: true,
      label: {
        en: 'Has it changed in size, colour or shape?',
        fr: 'A-t-elle changé de taille, de couleur ou de forme ?',
      },
    },
    {
      id: 'photos',
      type: 'yes-no',
      required: true,
      label: { en: 'Will you attach photos?', fr: 'Allez-vous joindre des photos ?' },
    },
  ],
} as const;
