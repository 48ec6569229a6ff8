/** Strings of the pwa feature; French must match the English shape (checked by the compiler). */
export const pwaEn = {
  update: {
    title: 'A new version of Carnet is ready',
    body: 'Reload to start using it. Everything you saved stays on this device.',
    reload: 'Reload to update',
    reloading: 'Updating…',
    later: 'Later',
  },
  offline: {
    title: 'Ready to work offline',
    body: 'Carnet now opens and works on this device even without a network connection.',
    dismiss: 'Got it',
  },
};

export const pwaFr: typeof pwaEn = {
  update: {
    title: 'Une nouvelle version de Carnet est prête',
    body: 'Rechargez pour l’utiliser. Tout ce que vous avez enregistré reste sur cet appareil.',
    reload: 'Recharger pour mettre à jour',
    reloading: 'Mise à jour…',
    later: 'Plus tard',
  },
  offline: {
    title: 'Prêt à fonctionner hors ligne',
    body: 'Carnet s’ouvre et fonctionne désormais sur cet appareil, même sans connexion réseau.',
    dismiss: 'Compris',
  },
};
