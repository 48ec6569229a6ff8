import { appointmentsFr } from '../features/appointments/strings.ts';
import { backupFr } from '../features/backup/strings.ts';
import { callFr } from '../features/call/strings.ts';
import { closureFr } from '../features/closure/strings.ts';
import { documentsFr } from '../features/documents/strings.ts';
import { emergencyFr } from '../features/emergency/strings.ts';
import { exchangeFr } from '../features/exchange/strings.ts';
import { exerciseFr } from '../features/exercise/strings.ts';
import { historyFr } from '../features/history/strings.ts';
import { legalFr } from '../features/legal/strings.ts';
import { messagesFr } from '../features/messages/strings.ts';
import { notificationsFr } from '../features/notifications/strings.ts';
import { profilesFr } from '../features/profiles/strings.ts';
import { pwaFr } from '../features/pwa/strings.ts';
import { recordFr } from '../features/record/strings.ts';
import { remindersFr } from '../features/reminders/strings.ts';
import { secondOpinionFr } from '../features/second-opinion/strings.ts';
import { settingsFr } from '../features/settings/strings.ts';
import { sharesFr } from '../features/shares/strings.ts';
import { syncFr } from '../features/sync/strings.ts';
import { vaultFr } from '../features/vault/strings.ts';
import type { RawDictionary } from './dictionary.ts';

export const fr: RawDictionary = {
  app: {
    name: 'Carnet',
    tagline: 'Votre dossier de santé, gardé sur votre appareil.',
    loading: 'Ouverture de Carnet…',
    storageErrorTitle: 'Carnet ne peut pas ouvrir son stockage',
    storageError:
      'Ce navigateur refuse l’accès au stockage de Carnet sur cet appareil (navigation privée, disque plein ou site bloqué). Rien n’a été modifié ni supprimé. Fermez les autres onglets de Carnet, libérez de la place, puis rechargez.',
  },
  language: {
    label: 'Langue',
  },
  nav: {
    menu: 'Menu',
    label: 'Principale',
    skip: 'Aller au contenu',
    record: 'Dossier',
    measurements: 'Mesures',
    documents: 'Documents',
    profiles: 'Profils',
    settings: 'Réglages',
    lock: 'Verrouiller',
  },
  errors: {
    'wrong-passphrase': 'Phrase de passe incorrecte. Vérifiez-la et réessayez.',
    'bad-recovery-key':
      'Cette clé de récupération n’est pas correcte : vérifiez chaque groupe de caractères.',
    'weak-passphrase': 'Cette phrase de passe est trop facile à deviner. Choisissez-en une plus longue.',
    'profile-limit':
      'Vous pouvez avoir au plus {{ max }} profils. Supprimez-en un avant d’en ajouter un autre.',
    'invalid-record': 'Certains champs sont à corriger.',
    tampered: 'Ces données ont été modifiées ou abîmées et ne sont pas fiables.',
    'wrong-key': 'Ces données sont chiffrées avec une clé que cet appareil n’a pas.',
    'unsupported-version':
      'Ces données viennent d’une version plus récente de Carnet. Mettez l’application à jour.',
    'file-too-large': 'Ce fichier est trop volumineux : la limite est de 20 Mo.',
    'not-found': 'Introuvable.',
    'sync-email-taken':
      'Un compte utilise déjà cet e-mail. Connectez plutôt cet appareil, ou utilisez un autre e-mail.',
    'sync-offline':
      'Le serveur de synchronisation est injoignable. Vérifiez la connexion et réessayez ; vos données restent sur cet appareil.',
    'sync-rate-limited': 'Trop de tentatives. Attendez une minute, puis réessayez.',
    'sync-failed': 'La synchronisation a échoué. Rien n’a été perdu ; réessayez plus tard.',
    'crypto-unavailable':
      'Carnet n’a pas pu charger son module de chiffrement. Rechargez la page (en ligne, la première fois).',
    conflict:
      'Cet élément a été modifié ailleurs entre-temps. Rouvrez-le pour voir sa dernière version, puis modifiez-le.',
    'read-only': 'Les notes écrites par un soignant ne peuvent être ni modifiées ni supprimées.',
    'proof-required':
      'Le serveur n’a pas accepté la vérification\u00a0: la phrase de passe n’est pas celle du compte, ou la vérification a pris trop de temps. Réessayez.',
    'signed-out-keyring-changed':
      'Cet appareil a été déconnecté parce que votre phrase de passe a été changée sur un autre appareil. Reconnectez-le dans les Réglages avec la nouvelle phrase de passe.',
    'signed-out-elsewhere':
      'Cet appareil a été déconnecté depuis un autre de vos appareils. Reconnectez-le dans les Réglages.',
    'quota-exceeded':
      'Votre espace sur le serveur est plein. Supprimez les documents dont vous n’avez plus besoin, puis réessayez.',
    'invalid-utf8':
      'Le serveur n’a pas pu lire le texte envoyé par cet appareil. Mettez Carnet à jour, puis réessayez.',
    'emergency-token-taken':
      'Ce code d’urgence était déjà enregistré par un autre compte\u00a0: un nouveau code a été tiré. Imprimez de nouveau votre carte.',
    locked: 'Le coffre est verrouillé.',
    storage: 'Le stockage de l’appareil a échoué. Rien n’a été modifié.',
  },
  profiles: profilesFr,
  settings: settingsFr,
  history: historyFr,
  vault: vaultFr,
  record: recordFr,
  documents: documentsFr,
  pwa: pwaFr,
  sync: syncFr,
  emergency: emergencyFr,
  call: callFr,
  shares: sharesFr,
  exercise: exerciseFr,
  reminders: remindersFr,
  messages: messagesFr,
  notifications: notificationsFr,
  appointments: appointmentsFr,
  secondOpinion: secondOpinionFr,
  backup: backupFr,
  closure: closureFr,
  exchange: exchangeFr,
  legal: legalFr,
};
