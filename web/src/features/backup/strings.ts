/** Strings of the backup and restore screens and the storage section; French matches English's shape. */
export const backupEn = {
  settingsLink: 'Back up',
  restoreLink: 'Restore from a backup',
  page: {
    title: 'Back up this vault',
    intro:
      'A backup is one encrypted file holding every profile, record, document and practitioner entry of this vault. It opens only with your passphrase (as it is today) or your recovery key. It is made on this device, offline: the server never sees it.',
    where:
      'Keep it somewhere other than this device: a USB key, another computer, a cloud drive. Without the passphrase or the recovery key nobody can read it, you included.',
    estimate: 'Estimated size: {{ size }}',
    estimating: 'Estimating the size…',
    save: 'Save a backup',
    saving: 'Writing the backup…',
    progress: 'Backup written',
    done: 'Backup saved: {{ size }}.',
    cancelled: 'No backup was saved.',
    failed: 'The backup could not be written. Nothing was changed. {{ detail }}',
    last: 'Last backup on this device: {{ date }}',
    never: 'No backup made on this device yet.',
    remindLabel: 'Remind me to back up',
    remindNever: 'Never',
    remindEvery: 'Every {{ days }} days',
    remindSaved: 'Reminder saved.',
  },
  reminder: {
    due: 'Your last backup is {{ days }} days old, or there is none yet.',
    action: 'Back up now',
  },
  restore: {
    title: 'Restore from a backup',
    introFresh:
      'Choose a Carnet backup file (.carnet). It becomes this device’s vault, with the passphrase that was in force when the backup was made.',
    introMerge:
      'Choose a Carnet backup file (.carnet). Its content is added to the open vault: what is the same stays, newer versions are kept, and where both changed, the backup’s version is kept beside yours as a conflicting copy. Nothing is overwritten silently.',
    locked: 'Unlock your vault first: a backup is restored into the open vault.',
    file: 'Backup file',
    fileHint: 'Nothing leaves this device.',
    chooseFile: 'Choose a backup file first.',
    madeOn: 'Backup made on {{ date }}.',
    secretLegend: 'Open it with',
    usePassphrase: 'The passphrase in force when it was made',
    useRecoveryKey: 'The recovery key',
    passphrase: 'Passphrase',
    recoveryKey: 'Recovery key',
    emptySecret: 'Type the passphrase or the recovery key.',
    check: 'Check the backup',
    checking: 'Reading and checking the whole file…',
    readProgress: 'Backup read',
    previewTitle: 'What the restore will do',
    contents:
      'The file holds {{ profiles }} profiles, {{ records }} entries and {{ chunks }} document parts.',
    added: 'Added',
    same: 'Already here, unchanged',
    kept: 'Kept as on this device (newer here)',
    taken: 'Updated from the backup (newer there)',
    copies: 'Conflicting copies (both versions kept)',
    otherVault:
      'This backup comes from another vault: its profiles will be added to this one, under this vault’s key.',
    profileLimit:
      'This restore would make {{ count }} profiles; at most {{ max }} are allowed. Delete profiles first, then restore again. Nothing was changed.',
    apply: 'Restore',
    applying: 'Restoring…',
    cancel: 'Cancel',
    doneFresh: 'The backup is restored and your vault is open.',
    doneMerge: 'The backup is restored into your vault.',
    recoveryNote:
      'You opened it with the recovery key: the passphrase is still the one in force when the backup was made. If you have forgotten it, lock, then choose “Forgot your passphrase?” with the same recovery key.',
    home: 'Go to my record',
  },
  errors: {
    'not-a-backup': 'This file is not a Carnet backup.',
    'newer-version': 'This backup was made by a newer version of Carnet. Update the app, then try again.',
    'corrupt-header': 'This backup is damaged (its beginning does not check out). Try another copy.',
    'wrong-secret-passphrase':
      'This passphrase does not open this backup. It must be the passphrase in force when the backup was made.',
    'wrong-secret-recovery-key':
      'This recovery key does not open this backup. Check every group of characters.',
    truncated: 'This backup is incomplete: the file ends too early. Try another copy.',
    tampered: 'This backup was altered or damaged and cannot be trusted. Try another copy.',
    other: 'The backup could not be read.',
    unchanged: 'Your vault was not changed.',
  },
  storage: {
    title: 'Storage on this device',
    persistent: 'Protected: the browser will not delete Carnet’s data to free space.',
    notPersistent: 'Not protected: the browser may delete Carnet’s data when space runs low.',
    unknown: 'This browser does not say whether Carnet’s data is protected.',
    used: 'Used: {{ used }}',
    usedOf: 'Used: {{ used }} of {{ quota }} available',
    lastBackup: 'Last backup',
    lastSync: 'Last sync',
    never: 'Never',
    syncOff: 'Sync is off',
    atRisk:
      'This device holds the only copy of your record and the browser may delete it. Make a backup now, or turn on sync.',
    safariHint:
      'On iPhone and iPad, add Carnet to the home screen (Share, then “Add to Home Screen”): Safari may otherwise delete its data after seven days without a visit.',
  },
};

export const backupFr: typeof backupEn = {
  settingsLink: 'Sauvegarder',
  restoreLink: 'Restaurer une sauvegarde',
  page: {
    title: 'Sauvegarder ce coffre',
    intro:
      'Une sauvegarde est un seul fichier chiffré qui contient tous les profils, entrées, documents et entrées de praticiens de ce coffre. Il ne s’ouvre qu’avec votre phrase de passe (celle d’aujourd’hui) ou votre clé de récupération. Il est fabriqué sur cet appareil, hors ligne : le serveur ne le voit jamais.',
    where:
      'Gardez-le ailleurs que sur cet appareil : clé USB, autre ordinateur, stockage en ligne. Sans la phrase de passe ni la clé de récupération, personne ne peut le lire, vous compris.',
    estimate: 'Taille estimée : {{ size }}',
    estimating: 'Estimation de la taille…',
    save: 'Enregistrer une sauvegarde',
    saving: 'Écriture de la sauvegarde…',
    progress: 'Sauvegarde écrite',
    done: 'Sauvegarde enregistrée : {{ size }}.',
    cancelled: 'Aucune sauvegarde n’a été enregistrée.',
    failed: 'La sauvegarde n’a pas pu être écrite. Rien n’a été modifié. {{ detail }}',
    last: 'Dernière sauvegarde sur cet appareil : {{ date }}',
    never: 'Aucune sauvegarde faite sur cet appareil pour l’instant.',
    remindLabel: 'Me rappeler de sauvegarder',
    remindNever: 'Jamais',
    remindEvery: 'Tous les {{ days }} jours',
    remindSaved: 'Rappel enregistré.',
  },
  reminder: {
    due: 'Votre dernière sauvegarde date de {{ days }} jours ou plus, ou il n’y en a pas encore.',
    action: 'Sauvegarder maintenant',
  },
  restore: {
    title: 'Restaurer une sauvegarde',
    introFresh:
      'Choisissez un fichier de sauvegarde Carnet (.carnet). Il devient le coffre de cet appareil, avec la phrase de passe en vigueur au moment de la sauvegarde.',
    introMerge:
      'Choisissez un fichier de sauvegarde Carnet (.carnet). Son contenu est ajouté au coffre ouvert : ce qui est identique reste, les versions les plus récentes sont gardées et, là où les deux ont changé, la version de la sauvegarde est gardée à côté de la vôtre comme copie en conflit. Rien n’est écrasé en silence.',
    locked: 'Déverrouillez d’abord votre coffre : une sauvegarde est restaurée dans le coffre ouvert.',
    file: 'Fichier de sauvegarde',
    fileHint: 'Rien ne quitte cet appareil.',
    chooseFile: 'Choisissez d’abord un fichier de sauvegarde.',
    madeOn: 'Sauvegarde faite le {{ date }}.',
    secretLegend: 'L’ouvrir avec',
    usePassphrase: 'La phrase de passe en vigueur au moment de la sauvegarde',
    useRecoveryKey: 'La clé de récupération',
    passphrase: 'Phrase de passe',
    recoveryKey: 'Clé de récupération',
    emptySecret: 'Saisissez la phrase de passe ou la clé de récupération.',
    check: 'Vérifier la sauvegarde',
    checking: 'Lecture et vérification de tout le fichier…',
    readProgress: 'Sauvegarde lue',
    previewTitle: 'Ce que la restauration va faire',
    contents:
      'Le fichier contient {{ profiles }} profils, {{ records }} entrées et {{ chunks }} parties de documents.',
    added: 'Ajoutés',
    same: 'Déjà présents, inchangés',
    kept: 'Gardés comme sur cet appareil (plus récents ici)',
    taken: 'Mis à jour depuis la sauvegarde (plus récents là-bas)',
    copies: 'Copies en conflit (les deux versions gardées)',
    otherVault:
      'Cette sauvegarde vient d’un autre coffre : ses profils seront ajoutés à celui-ci, sous la clé de ce coffre.',
    profileLimit:
      'Cette restauration ferait {{ count }} profils ; {{ max }} au plus sont permis. Supprimez d’abord des profils, puis restaurez à nouveau. Rien n’a été modifié.',
    apply: 'Restaurer',
    applying: 'Restauration…',
    cancel: 'Annuler',
    doneFresh: 'La sauvegarde est restaurée et votre coffre est ouvert.',
    doneMerge: 'La sauvegarde est restaurée dans votre coffre.',
    recoveryNote:
      'Vous l’avez ouverte avec la clé de récupération : la phrase de passe reste celle en vigueur au moment de la sauvegarde. Si vous l’avez oubliée, verrouillez, puis choisissez « Phrase de passe oubliée ? » avec la même clé de récupération.',
    home: 'Aller à mon dossier',
  },
  errors: {
    'not-a-backup': 'Ce fichier n’est pas une sauvegarde Carnet.',
    'newer-version':
      'Cette sauvegarde a été faite par une version plus récente de Carnet. Mettez l’application à jour, puis réessayez.',
    'corrupt-header':
      'Cette sauvegarde est endommagée (son début ne se vérifie pas). Essayez une autre copie.',
    'wrong-secret-passphrase':
      'Cette phrase de passe n’ouvre pas cette sauvegarde. Il faut celle en vigueur au moment de la sauvegarde.',
    'wrong-secret-recovery-key':
      'Cette clé de récupération n’ouvre pas cette sauvegarde. Vérifiez chaque groupe de caractères.',
    truncated: 'Cette sauvegarde est incomplète : le fichier s’arrête trop tôt. Essayez une autre copie.',
    tampered: 'Cette sauvegarde a été modifiée ou endommagée et n’est pas fiable. Essayez une autre copie.',
    other: 'La sauvegarde n’a pas pu être lue.',
    unchanged: 'Votre coffre n’a pas été modifié.',
  },
  storage: {
    title: 'Stockage sur cet appareil',
    persistent: 'Protégé : le navigateur ne supprimera pas les données de Carnet pour libérer de la place.',
    notPersistent: 'Non protégé : le navigateur peut supprimer les données de Carnet quand la place manque.',
    unknown: 'Ce navigateur n’indique pas si les données de Carnet sont protégées.',
    used: 'Utilisé : {{ used }}',
    usedOf: 'Utilisé : {{ used }} sur {{ quota }} disponibles',
    lastBackup: 'Dernière sauvegarde',
    lastSync: 'Dernière synchronisation',
    never: 'Jamais',
    syncOff: 'La synchronisation est désactivée',
    atRisk:
      'Cet appareil contient la seule copie de votre dossier et le navigateur peut la supprimer. Faites une sauvegarde maintenant, ou activez la synchronisation.',
    safariHint:
      'Sur iPhone et iPad, ajoutez Carnet à l’écran d’accueil (Partager, puis « Sur l’écran d’accueil ») : sinon Safari peut supprimer ses données après sept jours sans visite.',
  },
};
