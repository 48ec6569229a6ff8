/** Strings of the sync feature; French must match the English shape (checked by the compiler). */
import type { SyncReason } from '../../server/reasons.ts';
import { refusedEn, refusedFr } from './refused-strings.ts';

/** One sentence per reason of `web/src/server/reasons.ts`: the compiler checks none is missing. */
type ReasonTexts = Record<SyncReason, string>;

const reasonsEn: ReasonTexts = {
  offline: 'the server cannot be reached. Carnet will try again when the connection is back.',
  unauthorized:
    'this device is no longer signed in (the session expired, or the passphrase was changed on another device). Sign in again in Settings.',
  'rate-limited': 'too many attempts. Wait a few minutes, then try again.',
  'profile-limit':
    'your vault would have more than six profiles. Delete a profile on one of your devices, then try again.',
  'account-exists': 'an account already uses this email.',
  rejected: 'the server refused what this device sent. Update Carnet, then try again.',
  server: 'the server had a problem. Try again later.',
  'bad-response': 'the server’s answer could not be read. Update Carnet, then try again.',
  'invalid-document':
    'an item from the server failed its integrity check and was left out. Your other records are in sync.',
  'signed-out-keyring-changed':
    'this device was signed out because your passphrase was changed on another device. Sign in again with the new passphrase.',
  'signed-out-elsewhere':
    'this device was signed out from another of your devices (“Sign out everywhere else”). Sign in again with your passphrase; if it was not you, change your passphrase.',
  'quota-exceeded':
    'your storage on the server is full. Delete documents you no longer need; your changes stay on this device until then.',
  'invalid-utf8': 'the server could not read the text this device sent. Update Carnet, then try again.',
};

const reasonsFr: ReasonTexts = {
  offline: 'le serveur est injoignable. Carnet réessaiera dès le retour de la connexion.',
  unauthorized:
    'cet appareil n’est plus connecté (la session a expiré, ou la phrase de passe a été changée sur un autre appareil). Reconnectez-le dans les Réglages.',
  'rate-limited': 'trop de tentatives. Patientez quelques minutes, puis réessayez.',
  'profile-limit':
    'votre coffre dépasserait six profils. Supprimez un profil sur l’un de vos appareils, puis réessayez.',
  'account-exists': 'un compte utilise déjà cette adresse e-mail.',
  rejected: 'le serveur a refusé ce que cet appareil a envoyé. Mettez Carnet à jour, puis réessayez.',
  server: 'le serveur a rencontré un problème. Réessayez plus tard.',
  'bad-response': 'la réponse du serveur est illisible. Mettez Carnet à jour, puis réessayez.',
  'invalid-document':
    'un élément reçu du serveur n’a pas passé le contrôle d’intégrité et a été écarté. Vos autres données sont synchronisées.',
  'signed-out-keyring-changed':
    'cet appareil a été déconnecté parce que votre phrase de passe a été changée sur un autre appareil. Reconnectez-le avec la nouvelle phrase de passe.',
  'signed-out-elsewhere':
    'cet appareil a été déconnecté depuis un autre de vos appareils («\u00a0Déconnecter tous les autres appareils\u00a0»). Reconnectez-le avec votre phrase de passe\u00a0; si ce n’était pas vous, changez votre phrase de passe.',
  'quota-exceeded':
    'votre espace sur le serveur est plein. Supprimez les documents dont vous n’avez plus besoin\u00a0; d’ici là, vos modifications restent sur cet appareil.',
  'invalid-utf8':
    'le serveur n’a pas pu lire le texte envoyé par cet appareil. Mettez Carnet à jour, puis réessayez.',
};

export const syncEn = {
  status: {
    label: 'Sync status',
    offline: 'Offline',
    syncing: 'Syncing…',
    syncingProgress: 'Syncing {{ done }}/{{ total }}',
    synced: 'Synced',
    syncedAt: 'Synced at {{ time }}',
    error: 'Sync error: {{ reason }}',
    retry: 'Retry',
    outdated: 'Sync paused: this version of Carnet does not match the server. Update the app.',
    update: 'Update the app',
    quotaFull:
      'Sync error: your storage on the server is full ({{ used }} of {{ limit }} used; these changes need {{ needed }}). Delete documents you no longer need; your changes stay on this device until then.',
    signInAgain: 'Sign in again',
  },
  reasons: reasonsEn,
  refused: refusedEn,
  settings: {
    title: 'Sync between devices',
    offIntro:
      'Sync keeps your vault up to date on your other devices through the Carnet server. Everything is encrypted on this device first: only ciphertext leaves it, so the server can read neither your records, nor your documents, nor your passphrase.',
    emailLabel: 'Email',
    emailHint: 'It identifies your account when you sign in on another device.',
    passphraseLabel: 'Passphrase',
    passphraseHint:
      'Type your passphrase again: it is needed to derive the key that signs this device in. It never leaves this device.',
    submit: 'Turn on sync',
    emailEmpty: 'Enter your email address.',
    emailInvalid: 'Enter an email address such as name@example.org.',
    passphraseEmpty: 'Enter your passphrase.',
    working: 'Registering this vault with the server…',
    onIntro: 'Sync is on. Only ciphertext leaves this device.',
    account: 'Account',
    status: 'Status',
    syncNow: 'Sync now',
    turnOff: 'Turn off sync on this device',
    confirmText:
      'This device will stop syncing and sign out of the server. Your records stay on this device, and on your other devices.',
    confirmYes: 'Yes, turn off sync',
    confirmNo: 'Cancel',
    turnedOn: 'Done. Your other devices can now sign in with this email and your passphrase.',
    turnedOff: 'Sync is off on this device. Your records stay here.',
    signInAgainTitle: 'Sign in again',
    signInAgainIntro:
      'The server no longer accepts this device. If the passphrase was changed on another device, type the new one: it will also become this device’s passphrase.',
    signInAgainSubmit: 'Sign in again',
    signedInAgain: 'Signed in again. Sync resumes.',
    storage: 'Storage on the server',
    storageValue: '{{ used }} of {{ limit }} used',
    keyringBehind:
      'You recovered your vault with the recovery key: this device now opens with your new passphrase, but the server and your other devices still use the old one. The server accepts a new passphrase only with proof of the old one, so that a stolen session cannot take your account. Sync goes on; on another device, sign in with the old passphrase or recover it with the recovery key too.',
    signOutOthersTitle: 'Sign out everywhere else',
    signOutOthersIntro:
      'Ends the sessions of all your other devices, for example a lost phone. They stop syncing at once and need your passphrase to sign in again. This device stays signed in.',
    signOutOthersSubmit: 'Sign out everywhere else',
    signOutOthersDone: 'Your other devices are signed out.',
    deleteAccountTitle: 'Delete my account on the server',
    deleteAccountIntro:
      'Deletes your account and everything it stores on the server (encrypted records, shares, access log). Sync stops on every device; your records stay on this device.',
    deleteAccountSubmit: 'Delete my account on the server',
    deleteAccountDone: 'Your account was deleted from the server. Your records stay on this device.',
    confirmPassphraseLabel: 'Your passphrase',
    confirmPassphraseHint:
      'It proves to the server that it is you, not someone holding this device’s session.',
    proofWorking: 'Checking your passphrase…',
  },
  signIn: {
    link: 'Already use Carnet on another device? Sign in',
    title: 'Sign in on this device',
    intro:
      'If you use sync on another device, sign in with the same email and passphrase. Your vault is downloaded encrypted and opened here, on this device.',
    emailLabel: 'Email',
    passphraseLabel: 'Passphrase',
    submit: 'Sign in',
    working: 'Signing in and downloading your encrypted records…',
    alreadyHasVault: 'This device already has a vault. To sync it, unlock it and turn on sync in Settings.',
    home: 'Go to the start page',
    create: 'New to Carnet? Create a vault instead',
  },
};

export const syncFr: typeof syncEn = {
  status: {
    label: 'État de la synchronisation',
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    syncingProgress: 'Synchronisation {{ done }}/{{ total }}',
    synced: 'Synchronisé',
    syncedAt: 'Synchronisé à {{ time }}',
    error: 'Erreur de synchronisation\u00a0: {{ reason }}',
    retry: 'Réessayer',
    outdated:
      'Synchronisation en pause\u00a0: cette version de Carnet ne correspond pas à celle du serveur. Mettez l’application à jour.',
    update: 'Mettre à jour l’application',
    quotaFull:
      'Erreur de synchronisation\u00a0: votre espace sur le serveur est plein ({{ used }} utilisés sur {{ limit }}\u00a0; ces modifications demandent {{ needed }}). Supprimez les documents dont vous n’avez plus besoin\u00a0; d’ici là, vos modifications restent sur cet appareil.',
    signInAgain: 'Se reconnecter',
  },
  reasons: reasonsFr,
  refused: refusedFr,
  settings: {
    title: 'Synchronisation entre appareils',
    offIntro:
      'La synchronisation tient votre coffre à jour sur vos autres appareils grâce au serveur Carnet. Tout est d’abord chiffré sur cet appareil\u00a0: seules des données chiffrées en sortent, si bien que le serveur ne peut lire ni vos dossiers, ni vos documents, ni votre phrase de passe.',
    emailLabel: 'Adresse e-mail',
    emailHint: 'Elle identifie votre compte quand vous vous connectez sur un autre appareil.',
    passphraseLabel: 'Phrase de passe',
    passphraseHint:
      'Saisissez à nouveau votre phrase de passe\u00a0: elle sert à calculer la clé qui connecte cet appareil. Elle ne quitte jamais cet appareil.',
    submit: 'Activer la synchronisation',
    emailEmpty: 'Saisissez votre adresse e-mail.',
    emailInvalid: 'Saisissez une adresse e-mail comme nom@example.org.',
    passphraseEmpty: 'Saisissez votre phrase de passe.',
    working: 'Enregistrement de ce coffre sur le serveur…',
    onIntro: 'La synchronisation est activée. Seules des données chiffrées quittent cet appareil.',
    account: 'Compte',
    status: 'État',
    syncNow: 'Synchroniser maintenant',
    turnOff: 'Désactiver la synchronisation sur cet appareil',
    confirmText:
      'Cet appareil cessera de se synchroniser et se déconnectera du serveur. Vos dossiers restent sur cet appareil, ainsi que sur vos autres appareils.',
    confirmYes: 'Oui, désactiver',
    confirmNo: 'Annuler',
    turnedOn:
      'C’est fait. Vos autres appareils peuvent maintenant se connecter avec cette adresse e-mail et votre phrase de passe.',
    signInAgainTitle: 'Se reconnecter',
    signInAgainIntro:
      'Le serveur n’accepte plus cet appareil. Si la phrase de passe a été changée sur un autre appareil, tapez la nouvelle : elle deviendra aussi celle de cet appareil.',
    signInAgainSubmit: 'Se reconnecter',
    signedInAgain: 'Reconnecté. La synchronisation reprend.',
    storage: 'Espace sur le serveur',
    storageValue: '{{ used }} utilisés sur {{ limit }}',
    keyringBehind:
      'Vous avez récupéré votre coffre avec la clé de récupération\u00a0: cet appareil s’ouvre désormais avec votre nouvelle phrase de passe, mais le serveur et vos autres appareils utilisent encore l’ancienne. Le serveur n’accepte une nouvelle phrase de passe qu’avec la preuve de l’ancienne, pour qu’une session volée ne puisse pas prendre votre compte. La synchronisation continue\u00a0; sur un autre appareil, connectez-vous avec l’ancienne phrase de passe ou récupérez-le aussi avec la clé de récupération.',
    signOutOthersTitle: 'Déconnecter tous les autres appareils',
    signOutOthersIntro:
      'Met fin aux sessions de tous vos autres appareils, par exemple un téléphone perdu. Ils cessent aussitôt de se synchroniser et devront saisir votre phrase de passe pour se reconnecter. Cet appareil reste connecté.',
    signOutOthersSubmit: 'Déconnecter tous les autres appareils',
    signOutOthersDone: 'Vos autres appareils sont déconnectés.',
    deleteAccountTitle: 'Supprimer mon compte sur le serveur',
    deleteAccountIntro:
      'Supprime votre compte et tout ce qu’il stocke sur le serveur (dossiers chiffrés, partages, journal d’accès). La synchronisation s’arrête sur tous les appareils\u00a0; vos dossiers restent sur cet appareil.',
    deleteAccountSubmit: 'Supprimer mon compte sur le serveur',
    deleteAccountDone: 'Votre compte a été supprimé du serveur. Vos dossiers restent sur cet appareil.',
    confirmPassphraseLabel: 'Votre phrase de passe',
    confirmPassphraseHint:
      'Elle prouve au serveur que c’est bien vous, et non quelqu’un qui détiendrait la session de cet appareil.',
    proofWorking: 'Vérification de votre phrase de passe…',
    turnedOff: 'La synchronisation est désactivée sur cet appareil. Vos dossiers restent ici.',
  },
  signIn: {
    link: 'Vous utilisez déjà Carnet sur un autre appareil\u00a0? Connectez-vous',
    title: 'Se connecter sur cet appareil',
    intro:
      'Si vous utilisez la synchronisation sur un autre appareil, connectez-vous avec la même adresse e-mail et la même phrase de passe. Votre coffre est téléchargé chiffré et ouvert ici, sur cet appareil.',
    emailLabel: 'Adresse e-mail',
    passphraseLabel: 'Phrase de passe',
    submit: 'Se connecter',
    working: 'Connexion et téléchargement de vos données chiffrées…',
    alreadyHasVault:
      'Cet appareil a déjà un coffre. Pour le synchroniser, déverrouillez-le puis activez la synchronisation dans les Réglages.',
    home: 'Aller à l’accueil',
    create: 'Nouveau sur Carnet\u00a0? Créez plutôt un coffre',
  },
};
