/** Strings of "Close the account" and of the confirmation after a wipe; French matches English's shape. */
export const closureEn = {
  settings: {
    title: 'Close the account',
    intro:
      'Delete your account and everything on the server, or remove Carnet’s data from this device only. A backup is offered first.',
    link: 'Close the account or remove this device’s data',
  },
  page: {
    title: 'Close the account',
    backupTitle: 'First, a backup',
    backupIntro:
      'Once deleted, your record cannot be recovered, by us or anyone. A backup file is the only way to get it back later.',
    lastBackup: 'Last backup on this device: {{ date }}.',
    noBackup: 'No backup has been made on this device.',
    backupLink: 'Make a backup',
    choiceTitle: 'What to delete',
    choiceLegend: 'Choose what to delete',
    account: 'Close my account',
    accountSynced:
      'Deletes your account and everything it stores on the server (records, documents, shares, emergency access log, signed-in devices), then everything Carnet keeps on this device. Your other devices keep their copy until you remove it there.',
    accountLocal:
      'Sync is off, so there is no account on the server: closing deletes everything Carnet keeps on this device.',
    device: 'Remove Carnet data from this device only',
    deviceSynced:
      'Deletes everything Carnet keeps on this device. Your account and its copy on the server stay: sign in again with your email and passphrase to get your record back.',
    deviceLocal:
      'Sync is off: this device holds the only copy of your record. Without a backup it is lost for good.',
    offline:
      'You are offline. Closing the account needs the server, so nothing will be deleted until you are back online. You can still remove Carnet’s data from this device only; your account then stays on the server.',
    refusedOffline:
      'The server cannot be reached, so your account was not closed and nothing was deleted, on the server or on this device. Try again once you are online.',
    confirmTitle: 'Confirm',
    passphraseLabel: 'Your passphrase',
    passphraseHint: 'Checked on this device before anything is deleted.',
    passphraseEmpty: 'Enter your passphrase.',
    understandAccount:
      'I understand that my account and this device’s data are deleted for good and cannot be recovered without a backup.',
    understandDevice: 'I understand that Carnet’s data on this device is deleted for good.',
    understandMissing: 'Tick the box to confirm.',
    submitAccount: 'Close my account for good',
    submitDevice: 'Remove from this device',
    working: 'Deleting…',
  },
  closed: {
    wiping: 'Deleting Carnet’s data from this device…',
    titleAccount: 'Your account is closed',
    titleDevice: 'Carnet’s data is removed from this device',
    deleted: 'What was deleted',
    server:
      'Your account and everything it stored on the server: records, documents, shares, emergency access log and signed-in devices.',
    noServer: 'There was no account on the server (sync was off).',
    device:
      'Everything Carnet kept on this device: the encrypted record, documents, keys and settings. Only the app itself and your choice of language stay.',
    accountStays:
      'Your account stays on the server. Sign in with your email and passphrase to get your record back, on this device or another.',
    failed:
      'Some of Carnet’s data could not be removed from this device. Close any other Carnet tab, then clear this site’s data in your browser’s settings.',
    again: 'Use Carnet again on this device',
    create: 'Create a vault',
    signIn: 'Sign in',
    restore: 'Restore from a backup',
  },
};

export const closureFr: typeof closureEn = {
  settings: {
    title: 'Fermer le compte',
    intro:
      'Supprimez votre compte et tout ce qu’il contient sur le serveur, ou retirez les données de Carnet de cet appareil seulement. Une sauvegarde vous est d’abord proposée.',
    link: 'Fermer le compte ou retirer les données de cet appareil',
  },
  page: {
    title: 'Fermer le compte',
    backupTitle: 'D’abord, une sauvegarde',
    backupIntro:
      'Une fois supprimé, votre dossier ne peut plus être récupéré, ni par nous ni par personne. Un fichier de sauvegarde est le seul moyen de le retrouver plus tard.',
    lastBackup: 'Dernière sauvegarde sur cet appareil : {{ date }}.',
    noBackup: 'Aucune sauvegarde n’a été faite sur cet appareil.',
    backupLink: 'Faire une sauvegarde',
    choiceTitle: 'Que supprimer',
    choiceLegend: 'Choisissez ce qu’il faut supprimer',
    account: 'Fermer mon compte',
    accountSynced:
      'Supprime votre compte et tout ce qu’il contient sur le serveur (dossiers, documents, partages, journal des accès d’urgence, appareils connectés), puis tout ce que Carnet garde sur cet appareil. Vos autres appareils gardent leur copie jusqu’à ce que vous l’y retiriez.',
    accountLocal:
      'La synchronisation est désactivée, il n’y a donc pas de compte sur le serveur : fermer supprime tout ce que Carnet garde sur cet appareil.',
    device: 'Retirer les données de Carnet de cet appareil seulement',
    deviceSynced:
      'Supprime tout ce que Carnet garde sur cet appareil. Votre compte et sa copie sur le serveur restent : reconnectez-vous avec votre e-mail et votre phrase de passe pour retrouver votre dossier.',
    deviceLocal:
      'La synchronisation est désactivée : cet appareil détient la seule copie de votre dossier. Sans sauvegarde, elle est perdue pour de bon.',
    offline:
      'Vous êtes hors ligne. Fermer le compte nécessite le serveur : rien ne sera supprimé avant votre retour en ligne. Vous pouvez tout de même retirer les données de Carnet de cet appareil seulement ; votre compte reste alors sur le serveur.',
    refusedOffline:
      'Le serveur est injoignable : votre compte n’a pas été fermé et rien n’a été supprimé, ni sur le serveur ni sur cet appareil. Réessayez une fois en ligne.',
    confirmTitle: 'Confirmer',
    passphraseLabel: 'Votre phrase de passe',
    passphraseHint: 'Vérifiée sur cet appareil avant toute suppression.',
    passphraseEmpty: 'Saisissez votre phrase de passe.',
    understandAccount:
      'Je comprends que mon compte et les données de cet appareil sont supprimés pour de bon et ne peuvent pas être récupérés sans sauvegarde.',
    understandDevice: 'Je comprends que les données de Carnet sur cet appareil sont supprimées pour de bon.',
    understandMissing: 'Cochez la case pour confirmer.',
    submitAccount: 'Fermer mon compte pour de bon',
    submitDevice: 'Retirer de cet appareil',
    working: 'Suppression…',
  },
  closed: {
    wiping: 'Suppression des données de Carnet sur cet appareil…',
    titleAccount: 'Votre compte est fermé',
    titleDevice: 'Les données de Carnet sont retirées de cet appareil',
    deleted: 'Ce qui a été supprimé',
    server:
      'Votre compte et tout ce qu’il contenait sur le serveur : dossiers, documents, partages, journal des accès d’urgence et appareils connectés.',
    noServer: 'Il n’y avait pas de compte sur le serveur (la synchronisation était désactivée).',
    device:
      'Tout ce que Carnet gardait sur cet appareil : le dossier chiffré, les documents, les clés et les réglages. Seuls l’application elle-même et votre choix de langue restent.',
    accountStays:
      'Votre compte reste sur le serveur. Connectez-vous avec votre e-mail et votre phrase de passe pour retrouver votre dossier, sur cet appareil ou un autre.',
    failed:
      'Une partie des données de Carnet n’a pas pu être retirée de cet appareil. Fermez tout autre onglet Carnet, puis effacez les données de ce site dans les réglages du navigateur.',
    again: 'Utiliser Carnet de nouveau sur cet appareil',
    create: 'Créer un coffre',
    signIn: 'Se connecter',
    restore: 'Restaurer une sauvegarde',
  },
};
