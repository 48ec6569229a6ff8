import type { Dictionary } from './dictionary.ts';

export const fr: Dictionary = {
  app: {
    name: 'Carnet',
    tagline: 'Votre dossier de santé, gardé sur votre appareil.',
  },
  language: {
    label: 'Langue',
  },
  home: {
    title: 'Bienvenue',
    intro:
      'Carnet conserve les dossiers de santé de votre famille sur cet appareil, chiffrés avec une clé qui n’appartient qu’à vous.',
    promises: {
      offline: 'Fonctionne sans connexion réseau.',
      encrypted: 'Chiffré avant de quitter cet appareil.',
      sharing: 'Vous décidez de ce que vous partagez, avec qui et pour combien de temps.',
    },
  },
};
