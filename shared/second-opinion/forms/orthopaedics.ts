/** Orthopaedics: where, since when, what was proposed. */
export default {
  id: 'orthopaedics',
  version: 1,
  title: { en: 'Orthopaedics', fr: 'Orthopédie' },
  questions: [
    {
      id: 'site',
      type: 'choice',
      required: true,
      label: { en: 'Where is the problem?', fr: 'Où se situe le problème ?' },
      options: [
        { value: 'spine', label: { en: 'Spine', fr: 'Colonne vertébrale' } },
        { value: 'shoulder', label: { en: 'Shoulder', fr: 'Épaule' } },
        { value: 'hip', label: { en: 'Hip', fr: 'Hanche' } },
        { value: 'knee', label: { en: 'Knee', fr: 'Genou' } },
        { value: 'other', label: { en: 'Elsewhere', fr: 'Ailleurs' } },
      ],
    },
    {
      id: 'pain',
      type: 'number',
      required: true,
      min: 0,
      max: 10,
      label: { en: 'Pain from 0 (none) to 10 (worst)', fr: 'Douleur de 0 (aucune) à 10 (maximale)' },
    },
    {
      id: 'surgery-proposed',
      type: 'yes-no',
      required: true,
      label: { en: 'Has surgery been proposed?', fr: 'Une chirurgie a-t-elle été proposée ?' },
    },
    {
      id: 'imaging',
      type: 'text',
      maxLength: 4000,
      required: false,
      label: { en: 'Imaging already done', fr: 'Imagerie déjà réalisée' },
    },
  ],
} as const;
