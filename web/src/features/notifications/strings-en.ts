/** English strings of notifications (the list, the shell's badge, the settings). */
export const notificationsEn = {
  nav: 'Notifications',
  navUnread: '{{ count }} unread',
  page: {
    title: 'Notifications',
    intro:
      'What happened in Carnet while you were elsewhere. A notification says what kind of thing happened, never what it says: open it to read it.',
    none: 'No notifications.',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    unread: 'Unread',
    folded: '{{ count }} new',
    at: 'Received {{ date }}',
  },
  titles: {
    message: 'New message',
    appointment: 'Appointment',
    reminder: 'Reminder',
    'second-opinion': 'Second opinion report',
    unknown: 'New notification',
  },
  systemBody: 'Open Carnet to read it.',
  settings: {
    title: 'Notifications',
    intro:
      'Carnet lists new messages under Notifications. It can also show system notifications on this device (only “New message”, never its text or who wrote it).',
    state: {
      granted: 'System notifications are allowed for Carnet in this browser.',
      denied:
        'This browser blocks Carnet’s notifications. To allow them, change the site’s notification permission in the browser’s settings.',
      default: 'Your browser will ask whether Carnet may show notifications.',
      unsupported: 'This browser cannot show system notifications for Carnet.',
    },
    on: 'System notifications are on for this device.',
    off: 'System notifications are off for this device.',
    turnOn: 'Allow system notifications',
    turnOff: 'Turn off system notifications',
    test: 'Send a test notification',
    testTitle: 'Carnet notifications work',
    testBody: 'This is how a new message will be announced on this device.',
    testSent: 'Test notification sent.',
    testFailed: 'The test notification could not be shown on this device.',
    pushTitle: 'When Carnet is closed (Web Push)',
    pushIntro:
      'With Web Push, your server asks your browser’s push service (run by the browser’s maker) to wake Carnet when a message arrives, even with every Carnet tab closed. The push is encrypted and says only “new message” and which conversation: no text, no name. The push service learns when you get one.',
    pushOn: 'Web Push is on for this device.',
    pushOff: 'Web Push is off for this device.',
    pushTurnOn: 'Turn on Web Push',
    pushTurnOff: 'Turn off Web Push',
    pushNeedsSync: 'Web Push needs sync (Settings → Sync between devices): the server sends the pushes.',
    pushNeedsSystem: 'Allow system notifications first.',
    pushUnsupported: 'This browser cannot subscribe to a push service here.',
    pushFailed:
      'Web Push could not be turned on: the browser or its push service refused, or the server could not be reached. Nothing was changed.',
  },
};
