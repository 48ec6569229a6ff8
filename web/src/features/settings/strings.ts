/** Strings of the settings screen; French must match the English shape (checked by the compiler). */
export const settingsEn = {
  title: 'Settings',
  language: 'Language',
  autoLockTitle: 'Automatic lock',
  passphrase: 'Passphrase',
};

export const settingsFr: typeof settingsEn = {
  title: 'Réglages',
  language: 'Langue',
  autoLockTitle: 'Verrouillage automatique',
  passphrase: 'Phrase de passe',
};
