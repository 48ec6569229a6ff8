/**
 * Strings of the refused-changes list (refused-changes.tsx): what the pull guard
 * (web/src/sync/pull-guard.ts) would not apply. French must match the English shape.
 */
export const refusedEn = {
  title: 'Changes refused: {{ count }}',
  intro:
    'The server sent changes this device could not trust. They were not applied: what you see is the newest genuine version. If this keeps happening, the server (or something between you and it) is altering your data.',
  item: '{{ kind }} {{ id }}, revision {{ rev }}: {{ reason }}',
  at: 'refused at {{ time }}',
  kinds: { record: 'Entry', profile: 'Profile', blob: 'File part', keyring: 'Key' },
  reasons: {
    'rolled-back': 'older than revision {{ seen }}, already seen here (a rollback)',
    tampered: 'it fails its integrity check (altered)',
    'tampered-deletion': 'a deletion that fails its integrity check (forged)',
    'unverified-deletion': 'a deletion in the old format, which cannot be verified; the entry is kept',
  },
};

export const refusedFr: typeof refusedEn = {
  title: 'Modifications refusées : {{ count }}',
  intro:
    'Le serveur a envoyé des modifications auxquelles cet appareil ne peut pas se fier. Elles n’ont pas été appliquées : vous voyez la version authentique la plus récente. Si cela se répète, le serveur (ou un intermédiaire) altère vos données.',
  item: '{{ kind }} {{ id }}, révision {{ rev }} : {{ reason }}',
  at: 'refusée à {{ time }}',
  kinds: { record: 'Élément', profile: 'Profil', blob: 'Partie de fichier', keyring: 'Clé' },
  reasons: {
    'rolled-back': 'plus ancienne que la révision {{ seen }}, déjà vue ici (un retour en arrière)',
    tampered: 'elle échoue au contrôle d’intégrité (altérée)',
    'tampered-deletion': 'une suppression qui échoue au contrôle d’intégrité (falsifiée)',
    'unverified-deletion': 'une suppression dans l’ancien format, invérifiable ; l’élément est conservé',
  },
};
