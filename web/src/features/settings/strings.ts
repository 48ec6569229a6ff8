/** Strings of the settings screen; French must match the English shape (checked by the compiler). */
export const settingsEn = {
  title: 'Settings',
  language: 'Language',
  autoLock: 'Lock automatically after',
  autoLockHelp: 'Carnet locks itself when you have not used it for this long.',
  autoLockNever: 'Never',
  autoLockMinutes: '{{ minutes }} min',
  autoLockSaved: 'Saved.',
  passphrase: 'Change passphrase',
};

export const settingsFr: typeof settingsEn = {
  title: 'Réglages',
  language: 'Langue',
  autoLock: 'Verrouiller automatiquement après',
  autoLockHelp: 'Carnet se verrouille seul quand vous ne l’avez pas utilisé pendant cette durée.',
  autoLockNever: 'Jamais',
  autoLockMinutes: '{{ minutes }} min',
  autoLockSaved: 'Enregistré.',
  passphrase: 'Changer la phrase de passe',
};
