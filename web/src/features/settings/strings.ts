/** Strings of the settings screen; French must match the English shape (checked by the compiler). */
export const settingsEn = {
  title: 'Settings',
  language: 'Language',
  autoLockTitle: 'Automatic lock',
  passphrase: 'Passphrase',
  accessTitle: 'Devices and access history',
  accessIntro: 'The devices signed in to your account, and who opened what and when.',
};

export const settingsFr: typeof settingsEn = {
  title: 'Réglages',
  language: 'Langue',
  autoLockTitle: 'Verrouillage automatique',
  passphrase: 'Phrase de passe',
  accessTitle: 'Appareils et historique des accès',
  accessIntro: 'Les appareils connectés à votre compte, et qui a ouvert quoi et quand.',
};
