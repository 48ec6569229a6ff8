import { appointmentsEn } from '../features/appointments/strings.ts';
import { backupEn } from '../features/backup/strings.ts';
import { callEn } from '../features/call/strings.ts';
import { closureEn } from '../features/closure/strings.ts';
import { documentsEn } from '../features/documents/strings.ts';
import { emergencyEn } from '../features/emergency/strings.ts';
import { exchangeEn } from '../features/exchange/strings.ts';
import { exerciseEn } from '../features/exercise/strings.ts';
import { historyEn } from '../features/history/strings.ts';
import { legalEn } from '../features/legal/strings.ts';
import { messagesEn } from '../features/messages/strings.ts';
import { notificationsEn } from '../features/notifications/strings.ts';
import { profilesEn } from '../features/profiles/strings.ts';
import { pwaEn } from '../features/pwa/strings.ts';
import { recordEn } from '../features/record/strings.ts';
import { remindersEn } from '../features/reminders/strings.ts';
import { secondOpinionEn } from '../features/second-opinion/strings.ts';
import { settingsEn } from '../features/settings/strings.ts';
import { sharesEn } from '../features/shares/strings.ts';
import { syncEn } from '../features/sync/strings.ts';
import { vaultEn } from '../features/vault/strings.ts';

export const en = {
  app: {
    name: 'Carnet',
    tagline: 'Your health record, kept on your device.',
    loading: 'Opening Carnet…',
    storageErrorTitle: 'Carnet cannot open its storage',
    storageError:
      'This browser refused access to Carnet’s storage on this device (private mode, full disk or a blocked site). Nothing was changed or deleted. Close other Carnet tabs, free some space, then reload.',
  },
  language: {
    label: 'Language',
  },
  nav: {
    menu: 'Menu',
    label: 'Main',
    skip: 'Skip to content',
    record: 'Record',
    measurements: 'Measurements',
    documents: 'Documents',
    profiles: 'Profiles',
    settings: 'Settings',
    lock: 'Lock',
  },
  errors: {
    'wrong-passphrase': 'Wrong passphrase. Check it and try again.',
    'bad-recovery-key': 'This recovery key is not right: check every group of characters.',
    'weak-passphrase': 'This passphrase is too easy to guess. Choose a longer one.',
    'profile-limit': 'You can have at most {{ max }} profiles. Delete one before adding another.',
    'invalid-record': 'Some fields need attention.',
    tampered: 'This data was altered or damaged and cannot be trusted.',
    'wrong-key': 'This data was encrypted with a key this device does not have.',
    'unsupported-version': 'This data was written by a newer version of Carnet. Update the app.',
    'file-too-large': 'This file is too large: the limit is 20 MB.',
    'not-found': 'Not found.',
    'sync-email-taken':
      'An account already uses this email. Sign in on this device instead, or use another email.',
    'sync-offline':
      'The sync server cannot be reached. Check the connection and try again; your data stays on this device.',
    'sync-rate-limited': 'Too many attempts. Wait a minute, then try again.',
    'sync-failed': 'Sync failed. Nothing was lost; try again later.',
    'crypto-unavailable':
      'Carnet could not load its encryption module. Reload the page (online, the first time).',
    conflict:
      'This entry was changed elsewhere meanwhile. Reopen it to see the latest version, then edit again.',
    'read-only': 'Entries written by a practitioner cannot be changed or deleted.',
    'proof-required':
      'The server did not accept the check: the passphrase is not the account’s current one, or the check took too long. Try again.',
    'signed-out-keyring-changed':
      'This device was signed out because your passphrase was changed on another device. Sign in again in Settings with the new passphrase.',
    'signed-out-elsewhere':
      'This device was signed out from another of your devices. Sign in again in Settings.',
    'quota-exceeded':
      'Your storage on the server is full. Delete documents you no longer need, then try again.',
    'invalid-utf8': 'The server could not read the text this device sent. Update Carnet, then try again.',
    'emergency-token-taken':
      'This emergency code was already registered by another account, so a new code was drawn. Print your card again.',
    locked: 'The vault is locked.',
    storage: 'The device’s storage failed. Nothing was changed.',
  },
  profiles: profilesEn,
  settings: settingsEn,
  history: historyEn,
  vault: vaultEn,
  record: recordEn,
  documents: documentsEn,
  pwa: pwaEn,
  sync: syncEn,
  emergency: emergencyEn,
  call: callEn,
  shares: sharesEn,
  exercise: exerciseEn,
  reminders: remindersEn,
  messages: messagesEn,
  notifications: notificationsEn,
  appointments: appointmentsEn,
  secondOpinion: secondOpinionEn,
  backup: backupEn,
  closure: closureEn,
  exchange: exchangeEn,
  legal: legalEn,
};
