/** French strings of messaging (the compiler checks they match the English shape). */
import type { MessagingReasons, messagesEn } from './strings-en.ts';

const errorsFr: MessagingReasons = {
  'sync-off':
    'Activez la synchronisation (Réglages → Synchroniser entre appareils) pour utiliser les messages : ils passent par votre compte serveur.',
  'thread-key-refused':
    'La clé de cette conversation n’a pas passé le contrôle (elle n’a pas été scellée par un participant sous la clé connue). Elle n’est pas ouverte.',
  'not-found': 'Cette conversation n’existe pas, ou vous n’y participez pas.',
  offline:
    'Non envoyé : le serveur est injoignable. Votre texte est conservé ici ; renvoyez-le une fois la connexion revenue.',
  'messaging-not-allowed':
    'Vous ne pouvez écrire qu’à un soignant inscrit à l’annuaire qui accepte les messages.',
  blocked: 'Cette personne n’accepte pas vos messages.',
  'message-rate': 'Trop de messages en une minute. Patientez un instant, puis renvoyez.',
  'pending-quota': 'Trop de vos messages attendent encore d’être reçus. Réessayez plus tard.',
  'attachment-tampered':
    'Ce fichier n’a pas passé le contrôle : ce que le serveur a envoyé ne correspond pas à ce que l’expéditeur a signé. Il n’est pas enregistré.',
};

export const messagesFr: typeof messagesEn = {
  errors: errorsFr,
  nav: 'Messages',
  navUnread: '{{ count }} non lu(s)',
  page: {
    title: 'Messages',
    intro:
      'Vos conversations avec des soignants, chiffrées de bout en bout : le serveur les relaie sans pouvoir les lire.',
    threadsTitle: 'Conversations',
    archivedTitle: 'Conversations archivées',
    none: 'Aucune conversation pour l’instant.',
    unread: '{{ count }} non lu(s)',
    lastAt: 'dernier message le {{ date }}',
    empty: 'aucun message',
    patient: 'Un patient',
    open: 'Ouvrir la conversation avec {{ name }}',
  },
  directory: {
    title: 'Trouver un soignant',
    notice:
      'Les identités de cet annuaire sont déclarées par les soignants eux-mêmes : noms, professions et identifiants ne sont pas vérifiés.',
    specialty: 'Spécialité',
    city: 'Ville',
    language: 'Langue',
    anyLanguage: 'Toutes les langues',
    search: 'Rechercher',
    none: 'Aucun soignant inscrit acceptant les messages ne correspond.',
    results: '{{ count }} soignant(s) trouvé(s)',
    rate: '{{ rate }} € de l’heure',
    speaks: 'Parle : {{ languages }}',
    write: 'Écrire à ce soignant',
    writeTo: 'Écrire à {{ name }}',
  },
  thread: {
    back: 'Toutes les conversations',
    title: 'Conversation avec {{ name }}',
    theirKey: 'Sa clé de signature (retenue au premier contact) :',
    ownKey: 'Votre clé de signature :',
    keyHint: 'Comparez ces clés avec votre interlocuteur, par téléphone ou de vive voix.',
    keyChanged:
      'Attention : cette personne publie désormais une autre clé de signature que celle retenue. Ses nouveaux messages ne sont pas affichés comme vérifiés.',
    you: 'Vous',
    sentAt: 'envoyé le {{ date }}',
    verified: 'Vérifié',
    delivery: { sent: 'Envoyé', delivered: 'Remis', read: 'Lu' },
    verdicts: {
      tampered:
        'Ce message n’a pas passé le contrôle d’intégrité : il a été modifié. Son contenu n’est pas affiché.',
      'wrong-thread': 'Ce message appartient à une autre conversation : il n’est pas affiché.',
      're-attributed': 'Ce message se réclame d’un expéditeur qui ne l’a pas signé : il n’est pas affiché.',
      'key-changed':
        'Ce message est signé par une autre clé que celle retenue pour son expéditeur : il n’est pas affiché.',
      replayed: 'Ce message est une copie répétée d’un message précédent : il n’est pas réaffiché.',
      gap: 'Attention : les messages {{ from }} à {{ to }} de cet expéditeur n’ont pas été remis avant celui-ci.',
      'out-of-order': 'Attention : ce message est arrivé après un message plus récent du même expéditeur.',
    },
    none: 'Aucun message. Écrivez le premier.',
    compose: 'Votre message',
    composeHint: 'Entrée envoie, Maj+Entrée passe à la ligne.',
    send: 'Envoyer',
    sent: 'Message envoyé.',
    empty: 'Écrivez d’abord un message.',
    queued:
      'Pas de connexion : votre message est conservé chiffré sur cet appareil et sera envoyé dès le retour de la connexion.',
    stale: 'Le serveur est injoignable : cette conversation est affichée telle que chargée la dernière fois.',
    waitingTitle: 'En attente d’envoi',
    waiting: 'En attente d’envoi',
    refused: 'Non envoyé : {{ reason }}',
    discard: 'Abandonner',
    archive: 'Archiver cette conversation',
    unarchive: 'Sortir des archives',
    archivedNote: 'Cette conversation est archivée.',
    block: 'Bloquer {{ name }}',
    unblock: 'Débloquer {{ name }}',
    blockedNote: 'Vous bloquez cette personne : elle ne peut pas vous écrire.',
    for: 'au sujet de {{ name }}',
    writingFor: 'Au sujet de',
    request: {
      label: 'Demander au patient',
      none: 'Rien de particulier',
      'more-info': 'Plus d’informations',
      'new-document': 'Un nouveau document',
      'clearer-copy': 'Une copie plus lisible d’un document',
      document: 'Quel document',
      withDocument: '{{ what }} : {{ document }}',
      asks: 'Demande : {{ what }}',
      answered: 'Répondu',
      open: 'Pas encore de réponse',
      answer: 'Répondre à cette demande',
      answering: 'Vous répondez à : {{ what }}',
      cancel: 'Annuler la réponse',
      answerNote: 'Réponse à une demande',
      needDocument: 'Indiquez quel document doit être plus lisible.',
    },
    attach: {
      fromRecord: 'Joindre un document du carnet',
      noneChosen: 'Aucun document',
      newFile: 'Ou joindre un nouveau fichier',
      tooLarge: 'Ce fichier dépasse 20 Mo : il ne peut pas être joint.',
      files: 'Fichiers joints',
      download: 'Télécharger {{ name }}',
      save: 'Enregistrer {{ name }} dans le carnet de {{ profile }}',
      saved: '{{ name }} est enregistré dans le carnet.',
      downloaded: '{{ name }} est téléchargé ; son empreinte correspond.',
      size: '{{ size }} ko',
    },
  },
};
