/** Chaînes françaises des notifications (la liste, le badge du bandeau, les réglages). */
import type { notificationsEn } from './strings-en.ts';

export const notificationsFr: typeof notificationsEn = {
  nav: 'Notifications',
  navUnread: '{{ count }} non lues',
  page: {
    title: 'Notifications',
    intro:
      'Ce qui s’est passé dans Carnet pendant que vous étiez ailleurs. Une notification dit de quoi il s’agit, jamais ce qui est écrit : ouvrez-la pour le lire.',
    none: 'Aucune notification.',
    markAllRead: 'Tout marquer comme lu',
    markRead: 'Marquer comme lue',
    unread: 'Non lue',
    folded: '{{ count }} nouveaux',
    at: 'Reçue {{ date }}',
  },
  titles: {
    message: 'Nouveau message',
    appointment: 'Rendez-vous',
    reminder: 'Rappel',
    'second-opinion': 'Compte rendu de second avis',
    unknown: 'Nouvelle notification',
  },
  systemBody: 'Ouvrez Carnet pour le lire.',
  settings: {
    title: 'Notifications',
    intro:
      'Carnet liste les nouveaux messages sous Notifications. Il peut aussi afficher des notifications système sur cet appareil (seulement « Nouveau message », jamais son texte ni son auteur).',
    state: {
      granted: 'Les notifications système sont autorisées pour Carnet dans ce navigateur.',
      denied:
        'Ce navigateur bloque les notifications de Carnet. Pour les autoriser, changez l’autorisation de notifications du site dans les réglages du navigateur.',
      default: 'Votre navigateur demandera si Carnet peut afficher des notifications.',
      unsupported: 'Ce navigateur ne peut pas afficher de notifications système pour Carnet.',
    },
    on: 'Les notifications système sont activées sur cet appareil.',
    off: 'Les notifications système sont désactivées sur cet appareil.',
    turnOn: 'Autoriser les notifications système',
    turnOff: 'Désactiver les notifications système',
    test: 'Envoyer une notification d’essai',
    testTitle: 'Les notifications de Carnet fonctionnent',
    testBody: 'Voici comment un nouveau message sera annoncé sur cet appareil.',
    testSent: 'Notification d’essai envoyée.',
    testFailed: 'La notification d’essai n’a pas pu s’afficher sur cet appareil.',
    pushTitle: 'Quand Carnet est fermé (Web Push)',
    pushIntro:
      'Avec Web Push, votre serveur demande au service push de votre navigateur (tenu par l’éditeur du navigateur) de réveiller Carnet à l’arrivée d’un message, même tous les onglets fermés. Le push est chiffré et ne dit que « nouveau message » et quelle conversation : ni texte, ni nom. Le service push sait quand vous en recevez un.',
    pushOn: 'Web Push est activé sur cet appareil.',
    pushOff: 'Web Push est désactivé sur cet appareil.',
    pushTurnOn: 'Activer Web Push',
    pushTurnOff: 'Désactiver Web Push',
    pushNeedsSync:
      'Web Push demande la synchronisation (Réglages → Synchronisation entre appareils) : c’est le serveur qui envoie les push.',
    pushNeedsSystem: 'Autorisez d’abord les notifications système.',
    pushUnsupported: 'Ce navigateur ne peut pas s’abonner à un service push ici.',
    pushFailed:
      'Web Push n’a pas pu être activé : le navigateur ou son service push a refusé, ou le serveur est injoignable. Rien n’a changé.',
  },
};
