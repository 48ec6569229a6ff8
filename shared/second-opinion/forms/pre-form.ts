/** The pre-form every second-opinion request starts with, whatever the field. */
export default {
  id: 'pre-form',
  version: 1,
  title: { en: 'About your request', fr: 'Votre demande' },
  questions: [
    {
      id: 'question',
      type: 'text',
      maxLength: 2000,
      required: true,
      label: {
        en: 'What question do you want the doctor to answer?',
        fr: 'À quelle question voulez-vous que le médecin réponde ?',
      },
    },
    {
      id: 'history',
      type: 'text',
      maxLength: 4000,
      required: true,
      prefill: 'conditions',
      label: { en: 'Medical history', fr: 'Antécédents médicaux' },
    },
    {
      id: 'treatment',
      type: 'text',
      maxLength: 4000,
      required: false,
      prefill: 'medications',
      label: { en: 'Current treatment', fr: 'Traitement en cours' },
    },
    {
      id: 'allergies',
      type: 'text',
      maxLength: 2000,
      required: false,
      prefill: 'allergies',
      label: { en: 'Allergies', fr: 'Allergies' },
    },
    {
      id: 'previous-opinions',
      type: 'text',
      maxLength: 4000,
      required: false,
      label: { en: 'Opinions already given by other doctors', fr: 'Avis déjà donnés par d’autres médecins' },
    },
    {
      id: 'not-urgent',
      type: 'statement',
      required: true,
      label: {
        en: 'I understand this is not an emergency service: in an emergency I call 15, 112 or 114',
        fr: 'Je comprends que ce n’est pas un service d’urgence : en cas d’urgence j’appelle le 15, le 112 ou le 114',
      },
    },
  ],
} as const;
