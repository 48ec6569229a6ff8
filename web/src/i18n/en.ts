import type { Dictionary } from './dictionary.ts';

export const en: Dictionary = {
  app: {
    name: 'Carnet',
    tagline: 'Your health record, kept on your device.',
  },
  language: {
    label: 'Language',
  },
  home: {
    title: 'Welcome',
    intro:
      'Carnet keeps the health records of you and your family on this device, encrypted with a key that belongs to you alone.',
    promises: {
      offline: 'Works without a network connection.',
      encrypted: 'Encrypted before anything leaves this device.',
      sharing: 'You decide what to share, with whom, and for how long.',
    },
  },
};
